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
  readonly updatedAt: string;
}

export const stateFile = (root: string): string => path.resolve(root, '.cache/stack.json');

export async function writeStackState(root: string, state: StackState): Promise<void> {
  await mkdir(path.dirname(stateFile(root)), { recursive: true });
  await writeFile(stateFile(root), `${JSON.stringify(state, null, 2)}\n`);
}

/** The last written state, or null when no stack was brought up (or the file is unreadable). */
export async function readStackState(root: string): Promise<StackState | null> {
  try {
    return JSON.parse(await readFile(stateFile(root), 'utf8')) as StackState;
  } catch {
    return null;
  }
}

export async function removeStackState(root: string): Promise<void> {
  await rm(stateFile(root), { force: true });
}
