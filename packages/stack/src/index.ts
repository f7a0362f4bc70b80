/**
 * `@ceasefire/stack`: the local stack, one Kafka broker (KRaft, on the JVM) and Postgres, with
 * the catalog's topics and the migrations applied. Used by `ceasefire stack up|down|status` and by
 * the integration tests' global setup. It reads no environment: callers pass DATABASE_URL etc.
 */
import { allTopics, topicName } from '@ceasefire/contracts';
import { migrateLatest, migrationStatus } from '@ceasefire/db';
import { createTopics, listTopics, type TopicOutcome } from './kafka-admin.ts';
import { DEFAULT_CONTROLLER_PORT, DEFAULT_KAFKA_PORT } from './kafka-config.ts';
import { ensureKafka, kafkaStatus, stopKafka, type KafkaInfo } from './kafka.ts';
import { kafkaClusterStatus, startKafkaCluster, stopKafkaCluster } from './cluster.ts';
import {
  pgAnswers,
  DEFAULT_PRIVATE_PG_PORT,
  dropDatabase,
  ensurePostgres,
  privatePostgresStatus,
  removePrivatePostgres,
} from './postgres.ts';
import { testDatabaseName } from './checkout.ts';
import { freePort } from './proc.ts';
import { readStackState, removeStackState, writeStackState, type StackName, type StackState } from './state.ts';

export { BUILT_SERVICES, buildWorkers, bundlePath, bundleStale, type BuiltService } from './build.ts';
export {
  ensureKafka,
  ensureKafkaLibs,
  stopKafka,
  kafkaStatus,
  KAFKA_VERSION,
  type KafkaInfo,
  type KafkaOptions,
} from './kafka.ts';
export {
  ensurePostgres,
  startPrivatePostgres,
  stopPrivatePostgres,
  removePrivatePostgres,
  privatePostgresStatus,
  ensureDatabase,
  dropDatabase,
  type PostgresInfo,
  type PostgresOptions,
} from './postgres.ts';
export {
  createTopics,
  listTopics,
  describeTopics,
  deleteTopics,
  brokerAnswers,
  type TopicOutcome,
  type TopicDescription,
} from './kafka-admin.ts';
export {
  serverProperties,
  log4j2Properties,
  DEFAULT_KAFKA_PORT,
  DEFAULT_CONTROLLER_PORT,
  type KafkaNodeConfig,
} from './kafka-config.ts';
export { ensureKcat } from './kcat.ts';
export { readStackState, stateFile, type StackName, type StackState } from './state.ts';
export { checkoutId, checkoutTmpDir, testDatabaseName } from './checkout.ts';
export { freePort } from './proc.ts';

export interface StackOptions {
  /** Repository root: `.cache/` below it holds the jars, data, logs and `stack.json`. */
  readonly root: string;
  /** Progress lines (one per step); silent when absent. */
  readonly log?: (line: string) => void;
  /**
   * Kafka nodes, default 1 (on kafkaPort). 3 starts the loopback cluster instead (ports 29092-29094,
   * controllers 29192-29194, data in `.cache/kafka-cluster`), with RF 3 and min ISR 2 topics.
   */
  readonly brokers?: number;
  /** Broker client port, default 9092. */
  readonly kafkaPort?: number;
  /** Broker controller port, default 9093. */
  readonly controllerPort?: number;
  /** The caller's DATABASE_URL: used as it is when set (it must answer). */
  readonly databaseUrl?: string;
  /** Port of the machine's Postgres to look for, default 5432. */
  readonly pgPort?: number;
  /** Port of the private Postgres started when none answers, default 25432. */
  readonly privatePgPort?: number;
  /** Prepended to every topic name (tests create private topic sets). */
  readonly topicPrefix?: string;
  /** Replication factor of new topics, default 1 (one broker). */
  readonly replicationFactor?: number;
  /** Schema to migrate, default the database's (public). */
  readonly schema?: string;
  /** Apply the migrations, default true. */
  readonly migrate?: boolean;
  /** The broker's folder relative to root, default `.cache/kafka`. */
  readonly kafkaDir?: string;
  /** Database created on the machine's or the private server, default `ceasefire`. */
  readonly database?: string;
  /** The private Postgres's folder in the checkout's temporary folder, default `postgres`. */
  readonly privatePgDir?: string;
  /** Use a broker we did not start that answers on kafkaPort, default true (see `KafkaOptions`). */
  readonly allowForeignKafka?: boolean;
  /** Which state file records this stack, default `stack` (`.cache/stack.json`). */
  readonly stateName?: StackName;
}

/** What `stackUp` found or started. */
export interface StackInfo {
  readonly kafkaBrokers: string[];
  readonly databaseUrl: string;
  readonly kafka: Omit<KafkaInfo, 'brokers'> & {
    /** Every node of a cluster (`brokers` > 1); the fields above are node 1's. */
    readonly nodes?: ReadonlyArray<{ readonly nodeId: number; readonly pid: number | null; readonly broker: string; readonly memoryKb?: number }>;
  };
  readonly postgres: { readonly source: 'env' | 'local' | 'private'; readonly url: string };
  readonly topics: TopicOutcome[];
  readonly migrationsApplied: string[];
  readonly tookMs: number;
}

/** Bring the stack up, reusing whatever already runs: a second call only checks (a second or two). */
export async function stackUp(opts: StackOptions): Promise<StackInfo> {
  const t0 = Date.now();
  const log = opts.log;
  const kafkaPort = opts.kafkaPort ?? DEFAULT_KAFKA_PORT;
  const controllerPort = opts.controllerPort ?? DEFAULT_CONTROLLER_PORT;
  const privatePgPort = opts.privatePgPort ?? DEFAULT_PRIVATE_PG_PORT;
  const nodes = opts.brokers ?? 1;
  let cluster: Awaited<ReturnType<typeof startKafkaCluster>> | undefined;
  const startKafka = async (): Promise<KafkaInfo & { brokers: string[] }> => {
    if (nodes === 1) {
      return ensureKafka({
        root: opts.root,
        kafkaPort,
        controllerPort,
        ...(opts.kafkaDir === undefined ? {} : { dir: opts.kafkaDir }),
        ...(opts.allowForeignKafka === undefined ? {} : { allowForeign: opts.allowForeignKafka }),
        ...(log ? { log } : {}),
      });
    }
    cluster = await startKafkaCluster({ root: opts.root, size: nodes, ...(log ? { log } : {}) });
    const first = cluster.nodes[0]!;
    return { ...first, brokers: cluster.brokers, startedMs: cluster.startedMs };
  };
  // Independent until topics and migrations: the JVM's start overlaps Postgres's.
  const [kafka, postgres] = await Promise.all([
    startKafka(),
    ensurePostgres({
      root: opts.root,
      privatePort: privatePgPort,
      ...(opts.privatePgDir === undefined ? {} : { privateDir: opts.privatePgDir }),
      ...(opts.database === undefined ? {} : { database: opts.database }),
      ...(opts.databaseUrl === undefined ? {} : { databaseUrl: opts.databaseUrl }),
      ...(opts.pgPort === undefined ? {} : { port: opts.pgPort }),
      ...(log ? { log } : {}),
    }),
  ]);
  const [topics, migrated] = await Promise.all([
    createTopics({
      brokers: kafka.brokers,
      specs: allTopics,
      prefix: opts.topicPrefix ?? '',
      replicationFactor: opts.replicationFactor ?? cluster?.replicationFactor ?? 1,
      ...(cluster ? { minInsyncReplicas: cluster.minInsyncReplicas } : {}),
    }),
    opts.migrate === false
      ? Promise.resolve({ applied: [] as string[] })
      : migrateLatest({
          databaseUrl: postgres.url,
          ...(opts.schema === undefined ? {} : { schema: opts.schema }),
        }),
  ]);
  for (const t of topics) {
    if (t.action !== 'exists') log?.(`topics: ${t.name} ${t.action}`);
    if (t.partitionMismatch) {
      log?.(
        `topics: ${t.name} has ${t.partitionMismatch.actual} partitions, the catalog says ${t.partitionMismatch.wanted} (left as is)`,
      );
    }
  }
  if (migrated.applied.length > 0) log?.(`migrations: applied ${migrated.applied.join(', ')}`);

  const state: StackState = {
    kafkaBrokers: kafka.brokers,
    databaseUrl: postgres.url,
    postgresSource: postgres.source,
    kafkaPort,
    controllerPort,
    ...(nodes > 1 ? { kafkaNodes: nodes } : {}),
    ...(postgres.source === 'private' ? { privatePgPort } : {}),
    ...(opts.kafkaDir === undefined ? {} : { kafkaDir: opts.kafkaDir }),
    ...(opts.privatePgDir === undefined ? {} : { privatePgDir: opts.privatePgDir }),
    updatedAt: new Date().toISOString(),
  };
  await writeStackState(opts.root, state, opts.stateName);
  return {
    kafkaBrokers: kafka.brokers,
    databaseUrl: postgres.url,
    kafka: {
      pid: kafka.pid,
      external: kafka.external,
      logFile: kafka.logFile,
      dataDir: kafka.dataDir,
      startedMs: kafka.startedMs,
      ...(kafka.memoryKb === undefined ? {} : { memoryKb: kafka.memoryKb }),
      ...(cluster
        ? {
            nodes: cluster.nodes.map((n) => ({
              nodeId: n.nodeId,
              pid: n.pid,
              broker: `127.0.0.1:${n.port}`,
              ...(n.memoryKb === undefined ? {} : { memoryKb: n.memoryKb }),
            })),
          }
        : {}),
    },
    postgres,
    topics,
    migrationsApplied: migrated.applied,
    tookMs: Date.now() - t0,
  };
}

/**
 * Stop what `stackUp` started: our broker (data stays in `.cache/`), and the private Postgres if
 * one was used (its folder under the system's temporary directory is removed). The tests' own
 * stack (`testStackUp`) is stopped too: `down` leaves nothing of this checkout running.
 */
export async function stackDown(opts: {
  root: string;
  log?: (line: string) => void;
}): Promise<{ kafkaStopped: boolean; postgresStopped: boolean }> {
  const state = await readStackState(opts.root);
  // After `up --brokers N` the one-node broker is not this stack's (the tests' setup may use it).
  const kafka = state?.kafkaNodes
    ? { stopped: false, pid: null }
    : await stopKafka({
        root: opts.root,
        ...(state ? { kafkaPort: state.kafkaPort, controllerPort: state.controllerPort } : {}),
      });
  if (!state?.kafkaNodes) {
    opts.log?.(
      kafka.stopped ? `kafka: stopped broker pid ${kafka.pid}` : 'kafka: no broker of ours was running',
    );
  }
  // The loopback cluster too, whichever `up` came last: its nodes are ours.
  const cluster = await stopKafkaCluster({ root: opts.root, size: state?.kafkaNodes ?? 3 });
  if (cluster.stopped.length > 0) opts.log?.(`kafka: stopped cluster nodes, pids ${cluster.stopped.join(', ')}`);
  // The machine's Postgres and a DATABASE_URL's are not ours to stop; a private one is.
  const postgresStopped = await removePrivatePostgres({ root: opts.root });
  if (postgresStopped) opts.log?.(`postgres: stopped the private server and removed its data`);
  await removeStackState(opts.root);
  const tests = await testStackDown({ root: opts.root, ...(opts.log ? { log: opts.log } : {}) });
  return {
    kafkaStopped: kafka.stopped || cluster.stopped.length > 0 || tests.kafkaStopped,
    postgresStopped: postgresStopped || tests.postgresStopped,
  };
}

const TEST_KAFKA_DIR = '.cache/test-kafka';
const TEST_PG_DIR = 'test-postgres';

/** Whether this checkout's `ceasefire up` stack runs: its own broker answers and its database too. */
async function ownStackRuns(root: string): Promise<StackState | null> {
  const state = await readStackState(root);
  if (state === null || state.kafkaNodes !== undefined) return null;
  const kafka = await kafkaStatus({ root, kafkaPort: state.kafkaPort, controllerPort: state.controllerPort });
  if (!kafka.running || !kafka.answers) return null;
  try {
    await pgAnswers(state.databaseUrl, 3000);
  } catch {
    return null;
  }
  return state;
}

/**
 * The integration tests' stack. This checkout's own `ceasefire up` stack when it runs (the state
 * in `.cache/stack.json` names a broker this checkout started); otherwise a stack of the tests'
 * own: a broker in `.cache/test-kafka` on free ports (the same again while it runs) and a database
 * named after the checkout. It never borrows a broker this checkout did not start, so two clones
 * on one machine never share topics or tables by accident. Returns the options it used, so a test
 * can bring up the same stack again.
 */
export async function testStackUp(opts: {
  root: string;
  log?: (line: string) => void;
}): Promise<{ info: StackInfo; options: StackOptions }> {
  const own = await ownStackRuns(opts.root);
  let options: StackOptions;
  if (own !== null) {
    options = {
      root: opts.root,
      kafkaPort: own.kafkaPort,
      controllerPort: own.controllerPort,
      allowForeignKafka: false,
      ...(own.postgresSource === 'env' ? { databaseUrl: own.databaseUrl } : {}),
      ...(own.privatePgPort === undefined ? {} : { privatePgPort: own.privatePgPort }),
    };
  } else {
    const prior = await readStackState(opts.root, 'test-stack');
    const running =
      prior !== null &&
      (await kafkaStatus({ root: opts.root, dir: TEST_KAFKA_DIR, kafkaPort: prior.kafkaPort, controllerPort: prior.controllerPort }))
        .running;
    const kafkaPort = running ? prior.kafkaPort : await freePort();
    const controllerPort = running ? prior.controllerPort : await freePort([kafkaPort]);
    const privatePgPort = prior?.privatePgPort ?? (await freePort([kafkaPort, controllerPort]));
    options = {
      root: opts.root,
      kafkaDir: TEST_KAFKA_DIR,
      kafkaPort,
      controllerPort,
      allowForeignKafka: false,
      database: testDatabaseName(opts.root),
      privatePgDir: TEST_PG_DIR,
      privatePgPort,
      stateName: 'test-stack',
    };
  }
  const info = await stackUp({ ...options, ...(opts.log ? { log: opts.log } : {}) });
  return { info, options };
}

/**
 * Stop the tests' own stack: its broker, its private Postgres (folder removed); with
 * `dropDatabase`, also its database on the machine's server (a CI clone leaves nothing behind).
 */
export async function testStackDown(opts: {
  root: string;
  log?: (line: string) => void;
  dropDatabase?: boolean;
}): Promise<{ kafkaStopped: boolean; postgresStopped: boolean }> {
  const state = await readStackState(opts.root, 'test-stack');
  if (state === null) return { kafkaStopped: false, postgresStopped: false };
  const kafka = await stopKafka({
    root: opts.root,
    dir: state.kafkaDir ?? TEST_KAFKA_DIR,
    kafkaPort: state.kafkaPort,
    controllerPort: state.controllerPort,
  });
  if (kafka.stopped) opts.log?.(`kafka: stopped the tests' broker pid ${kafka.pid}`);
  if (opts.dropDatabase && state.postgresSource === 'local') {
    const db = new URL(state.databaseUrl);
    const name = db.pathname.slice(1);
    db.pathname = '/postgres';
    await dropDatabase(db.toString(), name).catch((err: Error) => opts.log?.(`postgres: could not drop ${name}: ${err.message}`));
  }
  const postgresStopped = await removePrivatePostgres({ root: opts.root, privateDir: state.privatePgDir ?? TEST_PG_DIR });
  if (postgresStopped) opts.log?.("postgres: stopped the tests' private server and removed its data");
  await removeStackState(opts.root, 'test-stack');
  return { kafkaStopped: kafka.stopped, postgresStopped };
}

/** What `stackStatus` reports. */
export interface StackStatus {
  readonly kafka: {
    readonly running: boolean;
    readonly answers: boolean;
    readonly pid: number | null;
    readonly memoryKb?: number;
    readonly brokers: string[];
    readonly logFile: string;
    readonly clusterId?: string;
    /** Non-internal topics on the broker (empty when it does not answer). */
    readonly topics: string[];
    /** Catalog topics that the broker lacks. */
    readonly missingTopics: string[];
    /** Each node of the loopback cluster, when the last `up` started one. */
    readonly nodes?: ReadonlyArray<{ nodeId: number; running: boolean; answers: boolean; pid: number | null; memoryKb?: number }>;
  };
  readonly postgres: {
    readonly url: string | null;
    readonly source: 'env' | 'local' | 'private' | null;
    readonly answers: boolean;
    readonly privateRunning: boolean;
    readonly migrationsApplied: string[];
    readonly migrationsPending: string[];
    readonly error?: string;
  };
  /** `.cache/stack.json` as last written, or null. */
  readonly state: StackState | null;
}

/** The cluster's status in the one-broker shape: running when every node runs, answering when any does. */
async function clusterAsOne(root: string, size: number) {
  const c = await kafkaClusterStatus({ root, size });
  const first = c.nodes[0];
  return {
    running: c.nodes.every((n) => n.running),
    answers: c.nodes.some((n) => n.answers),
    pid: first?.pid ?? null,
    brokers: c.brokers,
    logFile: first?.logFile ?? '',
    nodes: c.nodes.map(({ logFile: _log, ...n }) => n),
  };
}

/** Whether each part runs, with the broker's pid and memory, topics present and migrations applied. */
export async function stackStatus(opts: { root: string; topicPrefix?: string; stateName?: StackName }): Promise<StackStatus> {
  const state = await readStackState(opts.root, opts.stateName);
  const ks = state?.kafkaNodes ? await clusterAsOne(opts.root, state.kafkaNodes) : await kafkaStatus({
    root: opts.root,
    ...(state ? { kafkaPort: state.kafkaPort, controllerPort: state.controllerPort } : {}),
    ...(state?.kafkaDir === undefined ? {} : { dir: state.kafkaDir }),
  });
  const topics = ks.answers ? await listTopics(ks.brokers).catch(() => [] as string[]) : [];
  const prefix = opts.topicPrefix ?? '';
  const missingTopics = allTopics.map((t) => topicName(t, prefix)).filter((n) => !topics.includes(n));

  const priv = await privatePostgresStatus({
    root: opts.root,
    ...(state?.privatePgDir === undefined ? {} : { privateDir: state.privatePgDir }),
  });
  const url = state?.databaseUrl ?? null;
  let answers = false;
  let applied: string[] = [];
  let pending: string[] = [];
  let error: string | undefined;
  if (url !== null) {
    try {
      await pgAnswers(url, 3000);
      answers = true;
      const m = await migrationStatus({ databaseUrl: url });
      applied = m.completed;
      pending = m.pending;
    } catch (err) {
      error = (err as Error).message;
    }
  }
  return {
    kafka: { ...ks, topics, missingTopics },
    postgres: {
      url,
      source: state?.postgresSource ?? null,
      answers,
      privateRunning: priv.running,
      migrationsApplied: applied,
      migrationsPending: pending,
      ...(error === undefined ? {} : { error }),
    },
    state,
  };
}
export { startWorkers, stopWorkers, workerStatus, workerLogFile, WORKERS, WORKER_HEALTH_PORTS, type WorkerName, type WorkerInfo } from './workers.ts';
export {
  startKafkaCluster,
  stopKafkaCluster,
  kafkaClusterStatus,
  DEFAULT_CLUSTER_PORT,
  DEFAULT_CLUSTER_CONTROLLER_PORT,
  DEFAULT_CLUSTER_DIR,
  type KafkaClusterOptions,
  type KafkaClusterInfo,
  type KafkaNodeInfo,
} from './cluster.ts';
export {
  ensureSecureKafka,
  stopSecureKafka,
  ensureKafkaTls,
  type SecureKafkaOptions,
  type SecureKafkaInfo,
  type TlsFiles,
} from './secure.ts';
