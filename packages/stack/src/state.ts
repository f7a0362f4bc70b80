/** `.cache/stack.json`: where a running stack is, for tests and workers started later. */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What `stackUp` writes and `readStackState` returns. */
export interface StackState {
  readonly kafkaBrokers: string[];
  readonly databaseUrl: string;
  readonly postgresSource: 'env' | 'local' | 'private';
  /** Ports the stack was started with, so `down` and `status` find the same processes. */
  readonly kafkaPort: number;
  readonly controllerPort: number;
  /** Set when `up --brokers N` started the loopback cluster (its ports are the cluster defaults). */
  readonly kafkaNodes?: number;
  readonly privatePgPort?: number;
  /** The broker's and the private Postgres's folders when not the defaults (the tests' stack). */
  readonly kafkaDir?: string;
  readonly privatePgDir?: string;
  readonly updatedAt: string;
}

/**
 * Which stack of the checkout: `stack` is the one `ceasefire up` / `stack up` bring up (the
 * developer's, default ports); `test-stack` is the integration tests' own (free ports, own database).
 */
export type StackName = 'stack' | 'test-stack';

export const stateFile = (root: string, name: StackName = 'stack'): string => path.resolve(root, `.cache/${name}.json`);

export async function writeStackState(root: string, state: StackState, name: StackName = 'stack'): Promise<void> {
  await mkdir(path.dirname(stateFile(root, name)), { recursive: true });
  await writeFile(stateFile(root, name), `${JSON.stringify(state, null, 2)}\n`);
}

/** The last written state, or null when no stack was brought up (or the file is unreadable). */
export async function readStackState(root: string, name: StackName = 'stack'): Promise<StackState | null> {
  try {
    return JSON.parse(await readFile(stateFile(root, name), 'utf8')) as StackState;
  } catch {
    return null;
  }
}

export async function removeStackState(root: string, name: StackName = 'stack'): Promise<void> {
  await rm(stateFile(root, name), { force: true });
}
