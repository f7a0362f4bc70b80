/** Process and socket helpers shared by the Kafka and Postgres parts of the stack. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';

/** Whether a TCP connection to host:port is accepted within `timeoutMs`. */
export function tcpAnswers(port: number, host = '127.0.0.1', timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Whether a process with this pid exists (signal 0 checks without signalling). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's command line, or null when it is gone (Linux /proc). */
export function commandLine(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return null;
  }
}

/** Resident memory of a process in KiB (VmRSS in /proc/<pid>/status), or undefined off Linux or when gone. */
export function rssKb(pid: number): number | undefined {
  try {
    const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m?.[1] === undefined ? undefined : Number(m[1]);
  } catch {
    return undefined;
  }
}

/** Read a pid file; null when absent or unparsable. */
export async function readPid(file: string): Promise<number | null> {
  try {
    const n = Number.parseInt((await readFile(file, 'utf8')).trim(), 10);
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** The last `lines` lines of a text file, for error messages; '' when unreadable. */
export async function tail(file: string, lines = 30): Promise<string> {
  try {
    const all = (await readFile(file, 'utf8')).trimEnd().split('\n');
    return all.slice(-lines).join('\n');
  } catch {
    return '';
  }
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run a command to completion, capturing its output; never throws for a non-zero exit. */
export function run(
  cmd: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** Like `run`, but throws with the command's output when it fails. */
export async function runOk(
  cmd: string,
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  let res: RunResult;
  try {
    res = await run(cmd, args, opts);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(`\`${cmd}\` is not installed or not on PATH`);
    throw err;
  }
  if (res.code !== 0) {
    const out = `${res.stdout}\n${res.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`\`${cmd} ${args.join(' ')}\` exited with ${res.code}:\n${out}`);
  }
  return res;
}

/** Whether an executable is on PATH. */
export async function onPath(cmd: string): Promise<boolean> {
  try {
    return (await run('sh', ['-c', `command -v ${cmd}`])).code === 0;
  } catch {
    return false;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Send SIGTERM, wait up to `timeoutMs` for exit, then SIGKILL. Resolves true when it exited on its own. */
export async function terminate(pid: number, timeoutMs: number): Promise<boolean> {
  if (!isAlive(pid)) return true;
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return true;
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await sleep(100);
  }
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone between the check and the kill.
  }
  return false;
}

/**
 * Run `fn` holding a lock file (`wx` create, our pid inside). A lock whose holder died is taken
 * over; a live holder is waited for up to `timeoutMs`. Keeps two concurrent `stack up`s (a shell
 * and a test run) from both spawning a broker.
 */
export async function withLockFile<T>(file: string, timeoutMs: number, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await writeFile(file, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = await readPid(file);
      if (holder === null || !isAlive(holder)) {
        await rm(file, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${file}, held by pid ${holder}`);
      await sleep(200);
    }
  }
  try {
    return await fn();
  } finally {
    await rm(file, { force: true });
  }
}

/** Ports this process handed out: picked but perhaps not yet bound, so never handed out twice. */
const handedOut = new Set<number>();

/**
 * A port nobody listens on, picked at random below the kernel's ephemeral range (32768+): a port
 * the kernel handed out (listen on 0) can be taken as the source port of any outgoing connection
 * between this check and the server's own listen. `avoid` lists ports already picked.
 *
 * Between the check and the caller's listen the port is free for anyone, so two callers must not
 * draw from the same pool: a process never gets a port twice, and parallel test files (vitest
 * workers, numbered by VITEST_POOL_ID) each draw from their own slice of the range.
 */
export async function freePort(avoid: readonly number[] = []): Promise<number> {
  const bindable = (port: number): Promise<boolean> =>
    new Promise((resolve) => {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
    });
  const [low, size] = portSlice(process.env.VITEST_POOL_ID);
  for (let i = 0; i < 200; i += 1) {
    const port = low + Math.floor(Math.random() * size);
    if (avoid.includes(port) || handedOut.has(port)) continue;
    handedOut.add(port); // before the check: concurrent callers must not draw it meanwhile
    if (await bindable(port)) return port;
    handedOut.delete(port);
  }
  throw new Error(`no free port in ${low}-${low + size - 1}`);
}

/** 20000-31999 whole, or one of eight slices of it for a numbered test worker. */
export function portSlice(poolId: string | undefined): [low: number, size: number] {
  const n = Number(poolId);
  if (!poolId || !Number.isInteger(n) || n < 1) return [20_000, 12_000];
  return [20_000 + ((n - 1) % 8) * 1_500, 1_500];
}
