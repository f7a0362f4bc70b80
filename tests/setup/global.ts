// Global setup of the integration project: find real Kafka and Postgres, or start them, and
// provide their addresses to every test file (`inject('kafkaBrokers')`, `inject('databaseUrl')`).
//  1. KAFKA_BROKERS and DATABASE_URL set: use them as they are (a running stack, CI services).
//  2. else, when a Docker engine answers, testcontainers (official apache/kafka and postgres images);
//  3. else the local stack (`@ceasefire/stack`, `testStackUp`): this checkout's own `ceasefire up`
//     stack when it runs, otherwise the tests' own (a KRaft broker on free ports, a database named
//     after the checkout), never a broker another checkout started.
// The tests' own stack is left running at teardown (the next run reuses it in seconds), except
// under CI, where it is stopped and its database dropped; containers are stopped.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ensureKcat, testStackDown, testStackUp, type StackOptions } from '@ceasefire/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
    databaseUrl: string;
    /** How the local stack was brought up (`stackUp` options without root), null for env or containers. */
    stackOptions: Omit<StackOptions, 'root' | 'log'> | null;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (line: string): void => void process.stderr.write(`[stack] ${line}\n`);

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  let teardown: (() => Promise<void>) | undefined;
  const env = process.env;
  let brokers: string[];
  let databaseUrl: string;
  let stackOptions: Omit<StackOptions, 'root' | 'log'> | null = null;
  if (env.KAFKA_BROKERS && env.DATABASE_URL) {
    brokers = env.KAFKA_BROKERS.split(',')
      .map((b) => b.trim())
      .filter(Boolean);
    databaseUrl = env.DATABASE_URL;
    log(`using KAFKA_BROKERS=${brokers.join(',')} and DATABASE_URL from the environment`);
  } else if (spawnSync('docker', ['info'], { stdio: 'ignore', timeout: 10_000 }).status === 0) {
    // A Docker engine: the official images through testcontainers, stopped at teardown.
    const { startContainers } = await import('./containers.ts');
    const started = await startContainers();
    teardown = started.stop;
    brokers = started.brokers;
    databaseUrl = started.databaseUrl;
    log(`testcontainers: ${brokers.join(',')} ${databaseUrl}`);
  } else {
    if (env.KAFKA_BROKERS || env.DATABASE_URL) {
      throw new Error('tests: give both KAFKA_BROKERS and DATABASE_URL (a stack of your own), or neither (the tests start their own)');
    }
    const { info, options } = await testStackUp({ root, log });
    const { root: _root, ...rest } = options;
    stackOptions = rest;
    brokers = info.kafkaBrokers;
    databaseUrl = info.databaseUrl;
    log(`ready in ${info.tookMs} ms: ${brokers.join(',')} ${databaseUrl}`);
    if (env.CI && options.stateName === 'test-stack') teardown = async () => void (await testStackDown({ root, log, dropDatabase: true }));
  }
  await ensureKcat({ log });
  project.provide('kafkaBrokers', brokers);
  project.provide('databaseUrl', databaseUrl);
  project.provide('stackOptions', stackOptions);
  return teardown;
}
