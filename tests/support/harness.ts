// Shared helpers for integration tests: real Kafka and Postgres from the global setup, private
// topic and group names per test file, and clean-up of every client a test opens.
import { randomBytes } from 'node:crypto';
import { allTopics } from '@ceasefire/contracts';
import { createKafkaClient, createLogger, type Admin, type KafkaClient, type Logger } from '@ceasefire/runtime';
import { inject } from 'vitest';

export interface TestServices {
  brokers: string[];
  databaseUrl: string;
}

export function services(): TestServices {
  return { brokers: inject('kafkaBrokers'), databaseUrl: inject('databaseUrl') };
}

/** A name unique to this run, safe as a topic prefix, group id or SQL identifier. */
export function uniqueName(label: string): string {
  return `t_${label}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

export function quietLogger(service = 'test'): Logger {
  return createLogger({ service, level: process.env.TEST_LOG_LEVEL ?? 'silent' });
}

export function testKafka(clientId: string): KafkaClient {
  return createKafkaClient({ brokers: services().brokers, clientId }, quietLogger(clientId));
}

/** Creates the whole topic catalog under a private prefix; returns the prefix. */
export async function createPrivateTopics(admin: Admin, label: string): Promise<string> {
  const prefix = `${uniqueName(label)}.`;
  await admin.createTopics(
    allTopics.map((t) => ({ name: prefix + t.name, partitions: t.partitions, replicationFactor: 1, configs: {} })),
  );
  return prefix;
}

export async function deleteTopicsWithPrefix(admin: Admin, prefix: string): Promise<void> {
  const mine = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
  await admin.deleteTopics(mine);
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
