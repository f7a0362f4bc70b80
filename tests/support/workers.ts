// The three workers as separate processes, as in production: each started with `node --import
// tsx services/<name>/src/main.ts`, its own environment, its log kept for assertions, killed
// with a real signal.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { freePort } from '@ceasefire/stack';

/** A free loopback port below the ephemeral range (`freePort` of @ceasefire/stack). */
export { freePort };

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type WorkerName = 'ingester' | 'classifier' | 'alerting' | 'api';

export interface WorkerProcess {
  name: WorkerName;
  child: ChildProcess;
  /** Every line the process wrote (stdout and stderr). */
  lines: string[];
  /** The JSON log lines, parsed. */
  logs(): Array<Record<string, unknown>>;
  /** Resolves with the exit code (or signal) once the process ended. */
  exited: Promise<number | NodeJS.Signals>;
  healthPort: number;
  kill(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals>;
  /** The same as `kill`: SIGTERM (graceful) by default. */
  stop(signal?: NodeJS.Signals): Promise<number | NodeJS.Signals>;
}

const live = new Set<WorkerProcess>();

/** Starts a worker and waits until its /readyz answers 200. */
// Workers still running when this process exits (a failed benchmark, a crashed test file) are
// killed with it: left behind, they keep consuming and skew what runs next.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export async function startWorker(
  name: WorkerName,
  env: Record<string, string>,
  options: { readyTimeoutMs?: number; nodeArgs?: string[]; compiled?: boolean } = {},
): Promise<WorkerProcess> {
  const healthPort = Number(env.HEALTH_PORT ?? 0) || (await freePort());
  // nodeArgs: e.g. --cpu-prof for the benchmark's profiles. compiled: the bundle `npm run build`
  // wrote (the benchmark's default, as in production) instead of the sources under tsx.
  const entry = options.compiled
    ? ['--enable-source-maps', path.join(repoRoot, `services/${name}/dist/main.js`)]
    : ['--import', 'tsx', path.join(repoRoot, `services/${name}/src/main.ts`)];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], {
    cwd: repoRoot,
    // KAFKA_CLIENT passes through, so the whole suite can run the workers on either Kafka library
    // (`KAFKA_CLIENT=platformatic npm test`); an env given here (the benchmark's) still wins.
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...(process.env.KAFKA_CLIENT ? { KAFKA_CLIENT: process.env.KAFKA_CLIENT } : {}), ...env, HEALTH_PORT: String(healthPort) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const lines: string[] = [];
  // Lines may arrive split across chunks: keep the unfinished tail per stream.
  const collector = () => {
    let rest = '';
    return (chunk: Buffer) => {
      if (process.env.TEST_LOG_LEVEL) process.stderr.write(chunk);
      const parts = (rest + chunk.toString('utf8')).split('\n');
      rest = parts.pop() ?? '';
      lines.push(...parts.filter(Boolean));
    };
  };
  child.stdout!.on('data', collector());
  child.stderr!.on('data', collector());
  let stopping = false;
  const exited = new Promise<number | NodeJS.Signals>((resolve) =>
    child.once('exit', (code, signal) => {
      // A worker that dies on its own mid-test: say so with its last lines, or the failing
      // assertions downstream (connection refused, timeouts) hide the cause.
      if (!stopping) process.stderr.write(`[${name} exited by itself with ${code ?? signal}]\n${lines.slice(-20).join('\n')}\n`);
      resolve(code ?? signal ?? -1);
    }),
  );
  const kill = async (signal: NodeJS.Signals = 'SIGTERM') => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    const r = await exited;
    live.delete(worker);
    return r;
  };
  const worker: WorkerProcess = {
    name,
    child,
    lines,
    logs: () =>
      lines.flatMap((l) => {
        try {
          return [JSON.parse(l) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    exited,
    healthPort,
    kill,
    stop: kill,
  };
  live.add(worker);
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${lines.slice(-30).join('\n')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${healthPort}/readyz`);
      if (res.ok) return worker;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} not ready after ${options.readyTimeoutMs ?? 60_000} ms:\n${lines.slice(-30).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Kills every worker a test left running (teardown). */
export async function stopAllWorkers(): Promise<void> {
  await Promise.all([...live].map((w) => w.kill('SIGTERM')));
}

