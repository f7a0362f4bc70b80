/**
 * The workers as background processes of the local stack (`ceasefire up` / `down`): one
 * process each, started from its compiled bundle (`services/<name>/dist/main.js`, built first when
 * missing or older than its sources) with plain node, as in production; a pid file and a log file
 * in `.cache/`, and readiness from each worker's own /readyz.
 */
import { spawn } from 'node:child_process';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundlePath, buildWorkers } from './build.ts';
import { commandLine, isAlive, readPid, rssKb, sleep, tail, terminate } from './proc.ts';

/** In flow order; `api` is the read API and dashboard. */
export const WORKERS = ['ingester', 'classifier', 'alerting', 'api'] as const;
export type WorkerName = (typeof WORKERS)[number];

/** Health ports of the local workers (fixed, so `status` can find them). */
/**
 * The secrets each worker uses. A worker is started with its own and none of the others': the
 * ingester never holds the operator token, the classifier no token at all (a compromised or
 * chatty worker leaks only what it needed).
 */
export const WORKER_SECRETS: Record<WorkerName, readonly string[]> = {
  ingester: ['INGEST_TOKEN'],
  classifier: [],
  // Chat webhook URLs carry their token in the path.
  alerting: ['OPERATOR_TOKEN', 'WEBHOOK_SECRET', 'CHAT_WEBHOOK_URL', 'SMTP_USER', 'SMTP_PASSWORD'],
  api: ['API_TOKEN'],
};

/** A worker's environment: `env` (the caller's own included) without the other workers' secrets. */
export function workerEnv(name: WorkerName, env: Record<string, string | undefined>): Record<string, string> {
  const others = new Set(WORKERS.filter((w) => w !== name).flatMap((w) => WORKER_SECRETS[w]));
  for (const own of WORKER_SECRETS[name]) others.delete(own);
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined && !others.has(e[0])));
}

export const WORKER_HEALTH_PORTS: Record<WorkerName, number> = { ingester: 9101, classifier: 9102, alerting: 9103, api: 9104 };

const pidFile = (root: string, name: WorkerName) => path.join(root, '.cache/workers', `${name}.pid`);
export const workerLogFile = (root: string, name: WorkerName) => path.join(root, '.cache/logs', `${name}.log`);

export interface WorkerInfo {
  name: WorkerName;
  pid: number | null;
  running: boolean;
  ready: boolean;
  healthPort: number;
  logFile: string;
  memoryKb?: number;
}

function ours(pid: number, name: WorkerName): boolean {
  // The bundle, or the sources of a worker started before the build existed.
  const cmd = commandLine(pid) ?? '';
  return isAlive(pid) && (cmd.includes(`services/${name}/dist/main.js`) || cmd.includes(`services/${name}/src/main.ts`));
}

async function ready(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

export async function workerStatus(root: string, name: WorkerName): Promise<WorkerInfo> {
  const pid = await readPid(pidFile(root, name));
  const running = pid !== null && ours(pid, name);
  const port = WORKER_HEALTH_PORTS[name];
  const mem = running ? rssKb(pid) : undefined;
  return {
    name,
    pid: running ? pid : null,
    running,
    ready: running && (await ready(port)),
    healthPort: port,
    logFile: workerLogFile(root, name),
    ...(mem === undefined ? {} : { memoryKb: mem }),
  };
}

/**
 * Starts the workers that are not running (a running one is kept: `up` twice is harmless) and
 * waits for each to be ready; on a timeout the error carries the worker's log tail.
 */
export async function startWorkers(opts: {
  root: string;
  env: Record<string, string>;
  names?: readonly WorkerName[];
  log?: (line: string) => void;
  readyTimeoutMs?: number;
}): Promise<WorkerInfo[]> {
  const names = opts.names ?? WORKERS;
  await mkdir(path.join(opts.root, '.cache/workers'), { recursive: true });
  await mkdir(path.join(opts.root, '.cache/logs'), { recursive: true });
  // Rebuilt only when stale (a few hundred ms a worker when it is): an edited source is never run stale.
  const toStart: WorkerName[] = [];
  for (const name of names) if (!(await workerStatus(opts.root, name)).running) toStart.push(name);
  if (toStart.length > 0) await buildWorkers({ root: opts.root, names: toStart, onlyStale: true, ...(opts.log ? { log: opts.log } : {}) });
  for (const name of names) {
    const current = await workerStatus(opts.root, name);
    if (current.running) {
      opts.log?.(`${name}: already running (pid ${current.pid})`);
      continue;
    }
    const log = await open(workerLogFile(opts.root, name), 'a');
    const child = spawn(process.execPath, ['--enable-source-maps', bundlePath(opts.root, name)], {
      cwd: opts.root,
      env: { ...workerEnv(name, { ...process.env, ...opts.env }), HEALTH_PORT: String(WORKER_HEALTH_PORTS[name]) },
      detached: true,
      stdio: ['ignore', log.fd, log.fd],
    });
    child.unref();
    await log.close();
    await writeFile(pidFile(opts.root, name), `${child.pid}\n`);
    opts.log?.(`${name}: started (pid ${child.pid}), log ${workerLogFile(opts.root, name)}`);
  }
  const deadline = Date.now() + (opts.readyTimeoutMs ?? 60_000);
  const out: WorkerInfo[] = [];
  for (const name of names) {
    for (;;) {
      const s = await workerStatus(opts.root, name);
      if (s.ready) {
        out.push(s);
        break;
      }
      if (!s.running || Date.now() > deadline) {
        throw new Error(
          `${name} ${s.running ? 'did not become ready' : 'exited'}; its log ends:\n${await tail(workerLogFile(opts.root, name), 25)}`,
        );
      }
      await sleep(250);
    }
  }
  return out;
}

/** Stops the workers (SIGTERM: each finishes its batch and leaves its group; SIGKILL after the timeout). */
export async function stopWorkers(opts: { root: string; log?: (line: string) => void; timeoutMs?: number }): Promise<void> {
  // Reverse flow order: the ingester stops taking statements first.
  for (const name of WORKERS) {
    const pid = await readPid(pidFile(opts.root, name));
    if (pid !== null && ours(pid, name)) {
      await terminate(pid, opts.timeoutMs ?? 20_000);
      opts.log?.(`${name}: stopped (pid ${pid})`);
    }
    await rm(pidFile(opts.root, name), { force: true });
  }
}
