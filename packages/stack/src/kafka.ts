/**
 * A local Apache Kafka node in KRaft mode, run on the JVM from the official Maven artifacts.
 * Every file lives under `<root>/.cache/kafka` (libs shared; properties, data, log, pid per node dir).
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, openSync, closeSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brokerAnswers, type KafkaAccess } from './kafka-admin.ts';
import {
  clusterIdFrom,
  type SecureListenerConfig,
  DEFAULT_CONTROLLER_PORT,
  DEFAULT_KAFKA_PORT,
  log4j2Properties,
  parseProperties,
  serverProperties,
} from './kafka-config.ts';
import {
  commandLine,
  isAlive,
  readPid,
  rssKb,
  runOk,
  sleep,
  tail,
  tcpAnswers,
  terminate,
  withLockFile,
} from './proc.ts';

/** The Kafka release pinned in `packages/stack/kafka/pom.xml`. */
export const KAFKA_VERSION = '4.1.1';

const POM = fileURLToPath(new URL('../kafka/pom.xml', import.meta.url));

export interface KafkaOptions {
  /** Repository root; `.cache/` below it holds everything. */
  readonly root: string;
  readonly log?: (line: string) => void;
  /** Client port, default 9092. */
  readonly kafkaPort?: number;
  /** Controller port, default 9093. */
  readonly controllerPort?: number;
  /** This node's directory (properties, data, log, pid), relative to root; default `.cache/kafka`. A second node needs its own. */
  readonly dir?: string;
  readonly nodeId?: number;
  /** How long to wait for a starting broker to answer, default 90 s. */
  readonly startTimeoutMs?: number;
  /** `host:port` of every controller of the quorum; default this node alone. */
  readonly controllers?: readonly string[];
  /** Several brokers: replication factor and min ISR for topics and the internal topics. */
  readonly cluster?: { readonly replicationFactor: number; readonly minInsyncReplicas: number };
  /**
   * How to format an empty data dir: the cluster id (shared by every node of a cluster) and the
   * quorum flags; default a fresh id and `--standalone` (a one-node dynamic quorum).
   */
  readonly format?: { readonly clusterId: string; readonly quorumArgs: readonly string[] };
  /** SCRAM-SHA-512 users written into the metadata log when the data dir is formatted. */
  readonly scramUsers?: ReadonlyArray<{ readonly name: string; readonly password: string }>;
  /** A SASL_SSL client listener instead of PLAINTEXT (see `ensureKafkaTls`). */
  readonly secure?: SecureListenerConfig;
  /** How the readiness probe connects (the SASL_SSL listener needs TLS and a user). */
  readonly access?: KafkaAccess;
  /** JVM heap flags, default `-Xms256m -Xmx512m`. */
  readonly heap?: readonly string[];
  /**
   * Use a broker we did not start when one answers on the port, default true (the developer's
   * own broker, a CI service). False refuses it: the tests' private stack never borrows another
   * checkout's broker.
   */
  readonly allowForeign?: boolean;
}

/** A broker that `ensureKafka` found or started. */
export interface KafkaInfo {
  readonly brokers: string[];
  /** Null when a broker we did not start answers on the port (it is used as it is). */
  readonly pid: number | null;
  readonly external: boolean;
  readonly logFile: string;
  readonly dataDir: string;
  /** Time from spawn to the first metadata answer; 0 when it was already running. */
  readonly startedMs: number;
  readonly memoryKb?: number;
}

interface NodePaths {
  readonly dir: string;
  readonly libs: string;
  readonly dataDir: string;
  readonly pidFile: string;
  readonly logFile: string;
  readonly serverProps: string;
  readonly log4j2: string;
}

function nodePaths(opts: KafkaOptions): NodePaths {
  const dir = path.resolve(opts.root, opts.dir ?? '.cache/kafka');
  return {
    dir,
    libs: path.resolve(opts.root, '.cache/kafka/libs'),
    dataDir: path.join(dir, 'data'),
    pidFile: path.join(dir, 'kafka.pid'),
    logFile: path.join(dir, 'kafka.log'),
    serverProps: path.join(dir, 'server.properties'),
    log4j2: path.join(dir, 'log4j2.properties'),
  };
}

const noop = (): void => {};

/**
 * Copy the broker's jars into `.cache/kafka/libs` with Maven, unless a marker says the same pom
 * was copied already. Returns the libs directory.
 */
export async function ensureKafkaLibs(opts: { root: string; log?: (line: string) => void }): Promise<string> {
  const log = opts.log ?? noop;
  const libs = path.resolve(opts.root, '.cache/kafka/libs');
  const marker = path.join(libs, '.copied');
  const pom = await readFile(POM, 'utf8');
  const want = `${KAFKA_VERSION} ${createHash('sha256').update(pom).digest('hex')}`;
  if (existsSync(marker) && (await readFile(marker, 'utf8')).trim() === want) return libs;

  log(`kafka: copying Apache Kafka ${KAFKA_VERSION} jars from Maven into ${libs} (first run only)`);
  // Copy beside, then swap: an interrupted copy never leaves a half-filled libs dir behind a marker.
  const tmp = `${libs}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await runOk('mvn', [
    '-q',
    '-B',
    '-f',
    POM,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${tmp}`,
    '-DincludeScope=runtime',
  ]);
  await writeFile(path.join(tmp, '.copied'), `${want}\n`);
  await rm(libs, { recursive: true, force: true });
  await rename(tmp, libs);
  return libs;
}

/** The pid of the broker that this node dir started, when it is still that broker. */
async function ourBrokerPid(p: NodePaths): Promise<number | null> {
  const pid = await readPid(p.pidFile);
  if (pid === null || !isAlive(pid)) return null;
  // A stale pid file may name a recycled pid: only a JVM running kafka.Kafka on our config counts.
  const cmd = commandLine(pid);
  return cmd !== null && cmd.includes('kafka.Kafka') && cmd.includes(p.serverProps) ? pid : null;
}

/** A random Kafka UUID (cluster id, directory id). */
export function newClusterId(): string {
  for (;;) {
    // Kafka's own generator rejects ids starting with '-', which its CLIs would read as flags.
    const id = clusterIdFrom(randomBytes(16));
    if (!id.startsWith('-')) return id;
  }
}

function javaArgs(p: NodePaths, main: string, args: string[], heap: string[]): string[] {
  return [
    ...heap,
    '-Djava.awt.headless=true',
    `-Dlog4j2.configurationFile=${p.log4j2}`,
    `-Dkafka.logs.dir=${p.dir}`,
    '-cp',
    `${p.libs}/*`,
    main,
    ...args,
  ];
}

async function waitUntilAnswers(
  brokers: string[],
  pid: number,
  p: NodePaths,
  timeoutMs: number,
  access?: KafkaAccess,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      throw new Error(
        `kafka: the broker (pid ${pid}) exited during start-up. Last lines of ${p.logFile}:\n${await tail(p.logFile)}`,
      );
    }
    if ((await tcpAnswers(Number(brokers[0]?.split(':')[1]))) && (await brokerAnswers(brokers, 2000, access))) return;
    await sleep(250);
  }
  await terminate(pid, 10_000);
  throw new Error(
    `kafka: the broker did not answer on ${brokers.join(',')} within ${Math.round(timeoutMs / 1000)} s; stopped it. Last lines of ${p.logFile}:\n${await tail(p.logFile)}`,
  );
}

/**
 * Make sure a broker answers on 127.0.0.1:kafkaPort: reuse ours when it runs, use a foreign
 * one that answers, else copy the jars, write the config, format the storage once and start it.
 */
export async function ensureKafka(opts: KafkaOptions): Promise<KafkaInfo> {
  const p = nodePaths(opts);
  await mkdir(p.dir, { recursive: true });
  // Long enough for a first run's Maven download plus the broker's start.
  return withLockFile(path.join(p.dir, '.lock'), 300_000 + (opts.startTimeoutMs ?? 90_000), () =>
    ensureKafkaLocked(opts),
  );
}

async function ensureKafkaLocked(opts: KafkaOptions): Promise<KafkaInfo> {
  const log = opts.log ?? noop;
  const port = opts.kafkaPort ?? DEFAULT_KAFKA_PORT;
  const controllerPort = opts.controllerPort ?? DEFAULT_CONTROLLER_PORT;
  const p = nodePaths(opts);
  const brokers = [`127.0.0.1:${port}`];
  const timeoutMs = opts.startTimeoutMs ?? 90_000;
  const base = { brokers, logFile: p.logFile, dataDir: p.dataDir };

  const running = await ourBrokerPid(p);
  if (running !== null) {
    // Ours and alive: answering now, or still starting under a concurrent `up`.
    if (!(await brokerAnswers(brokers, 3000, opts.access))) await waitUntilAnswers(brokers, running, p, timeoutMs, opts.access);
    return { ...base, pid: running, external: false, startedMs: 0, memoryKb: rssKb(running) };
  }
  if (await tcpAnswers(port)) {
    if (await brokerAnswers(brokers, 3000, opts.access)) {
      if (opts.allowForeign === false) {
        throw new Error(`kafka: port ${port} is taken by a broker we did not start; pass another kafkaPort`);
      }
      log(`kafka: a broker we did not start answers on ${brokers[0]}; using it`);
      return { ...base, pid: null, external: true, startedMs: 0 };
    }
    throw new Error(
      `kafka: port ${port} is taken by something that is not a Kafka broker; free it or pass another kafkaPort`,
    );
  }
  if (await tcpAnswers(controllerPort)) {
    throw new Error(
      `kafka: controller port ${controllerPort} is taken; free it or pass another controllerPort`,
    );
  }

  await ensureKafkaLibs(opts);
  await mkdir(p.dataDir, { recursive: true });
  await writeFile(
    p.serverProps,
    serverProperties({
      nodeId: opts.nodeId ?? 1,
      port,
      controllerPort,
      dataDir: p.dataDir,
      ...(opts.controllers ? { controllers: opts.controllers } : {}),
      ...(opts.cluster ? { cluster: opts.cluster, internalReplicationFactor: opts.cluster.replicationFactor } : {}),
      ...(opts.secure ? { secure: opts.secure } : {}),
    }),
  );
  await writeFile(p.log4j2, log4j2Properties());

  const heap = opts.heap ?? ['-Xms256m', '-Xmx512m'];
  if (!existsSync(path.join(p.dataDir, 'meta.properties'))) {
    const clusterId = opts.format?.clusterId ?? newClusterId();
    // `--add-scram` parses `[name=…,password=…]` itself: keep to characters it cannot misread.
    const bad = (opts.scramUsers ?? []).find((u) => !/^[A-Za-z0-9._~+-]+$/.test(u.name + u.password));
    if (bad) throw new Error(`kafka: SCRAM user ${JSON.stringify(bad.name)}: names and passwords are letters, digits and ._~+-`);
    const scram = (opts.scramUsers ?? []).flatMap((u) => [
      '--add-scram',
      `SCRAM-SHA-512=[name=${u.name},password=${u.password}]`,
    ]);
    log(`kafka: formatting ${p.dataDir} (cluster ${clusterId})`);
    await runOk(
      'java',
      javaArgs(
        p,
        'kafka.tools.StorageTool',
        [
          'format',
          '--cluster-id',
          clusterId,
          ...(opts.format?.quorumArgs ?? ['--standalone']),
          ...scram,
          '--config',
          p.serverProps,
        ],
        ['-Xmx256m'],
      ),
    );
  }

  log(`kafka: starting broker on ${brokers[0]} (controller ${controllerPort}), log ${p.logFile}`);
  const started = Date.now();
  const fd = openSync(p.logFile, 'w');
  let pid: number | undefined;
  try {
    const child = spawn(
      'java',
      javaArgs(
        p,
        'kafka.Kafka',
        [p.serverProps],
        [...heap, '-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20', '-XX:InitiatingHeapOccupancyPercent=35'],
      ),
      { cwd: p.dir, detached: true, stdio: ['ignore', fd, fd] },
    );
    child.once('error', noop);
    pid = child.pid;
    child.unref();
  } finally {
    closeSync(fd);
  }
  if (pid === undefined)
    throw new Error('kafka: could not start `java` (is a JDK 17+ installed and on PATH?)');
  await writeFile(p.pidFile, `${pid}\n`);
  await waitUntilAnswers(brokers, pid, p, timeoutMs, opts.access);
  const startedMs = Date.now() - started;
  log(`kafka: broker answers after ${startedMs} ms`);
  return { ...base, pid, external: false, startedMs, memoryKb: rssKb(pid) };
}

/** Stop the broker this node dir started (SIGTERM for a controlled shutdown, SIGKILL after 60 s). */
export async function stopKafka(opts: KafkaOptions): Promise<{ stopped: boolean; pid: number | null }> {
  const p = nodePaths(opts);
  const pid = await ourBrokerPid(p);
  if (pid !== null) await terminate(pid, 60_000);
  await rm(p.pidFile, { force: true });
  return { stopped: pid !== null, pid };
}

/** Whether this node dir's broker runs and answers, with its memory. */
export async function kafkaStatus(opts: KafkaOptions): Promise<{
  running: boolean;
  answers: boolean;
  pid: number | null;
  memoryKb?: number;
  brokers: string[];
  logFile: string;
  dataDir: string;
  clusterId?: string;
}> {
  const p = nodePaths(opts);
  const brokers = [`127.0.0.1:${opts.kafkaPort ?? DEFAULT_KAFKA_PORT}`];
  const pid = await ourBrokerPid(p);
  const answers =
    (await tcpAnswers(opts.kafkaPort ?? DEFAULT_KAFKA_PORT)) && (await brokerAnswers(brokers, 3000, opts.access));
  let clusterId: string | undefined;
  try {
    clusterId = parseProperties(await readFile(path.join(p.dataDir, 'meta.properties'), 'utf8')).get(
      'cluster.id',
    );
  } catch {
    // Not formatted yet.
  }
  const memoryKb = pid === null ? undefined : rssKb(pid);
  return {
    running: pid !== null,
    answers,
    pid,
    brokers,
    logFile: p.logFile,
    dataDir: p.dataDir,
    ...(memoryKb === undefined ? {} : { memoryKb }),
    ...(clusterId === undefined ? {} : { clusterId }),
  };
}
