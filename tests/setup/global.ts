// Global setup of the integration project: find real Kafka and Postgres, or start them, and
// provide their addresses to every test file (`inject('kafkaBrokers')`, `inject('databaseUrl')`).
//  1. KAFKA_BROKERS and DATABASE_URL set: use them as they are (a running stack, CI services).
//  2. else, when a Docker engine answers, testcontainers (official apache/kafka and postgres images);
//  3. else the local stack (`@ceasefire/stack`): a KRaft broker on the JVM and the machine's
//     Postgres (or a private one), reused when it already runs, so a second run starts in seconds.
// The local stack is left running at teardown on purpose (the next run reuses it); containers are stopped.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { ensureKcat, stackUp } from '@ceasefire/stack';

declare module 'vitest' {
  export interface ProvidedContext {
    kafkaBrokers: string[];
    databaseUrl: string;
  }
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const log = (line: string): void => void process.stderr.write(`[stack] ${line}\n`);

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  let teardown: (() => Promise<void>) | undefined;
  const env = process.env;
  let brokers: string[];
  let databaseUrl: string;
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
    const info = await stackUp({ root, log, ...(env.DATABASE_URL ? { databaseUrl: env.DATABASE_URL } : {}) });
    brokers = env.KAFKA_BROKERS ? env.KAFKA_BROKERS.split(',') : info.kafkaBrokers;
    databaseUrl = info.databaseUrl;
    log(`ready in ${info.tookMs} ms: ${brokers.join(',')} ${databaseUrl}`);
  }
  await ensureKcat({ log });
  project.provide('kafkaBrokers', brokers);
  project.provide('databaseUrl', databaseUrl);
  return teardown;
}
