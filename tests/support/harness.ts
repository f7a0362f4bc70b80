// Shared helpers for integration tests: real Kafka and Postgres from the global setup, private
// topic and group names per test file, and clean-up of every client a test opens.
import { randomBytes } from 'node:crypto';
import { allTopics } from '@ceasefire/contracts';
import { kafkaClientFor, createLogger, ensureTopics, type Admin, type KafkaClient, type Logger, type Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, inject } from 'vitest';

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

export async function testKafka(clientId: string): Promise<KafkaClient> {
  return await kafkaClientFor({ brokers: services().brokers, clientId }, quietLogger(clientId));
}

/** Creates the whole topic catalog under a private prefix; returns the prefix. */
export async function createPrivateTopics(admin: Admin, label: string): Promise<string> {
  const prefix = `${uniqueName(label)}.`;
  await ensureTopics(admin, allTopics, { prefix });
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

/** A private, migrated database schema for one test file; `drop` removes it. */
export async function privateSchema(label: string): Promise<{ schema: string; drop(): Promise<void> }> {
  const { dropSchema, migrateLatest } = await import('@ceasefire/db');
  const schema = uniqueName(label).toLowerCase();
  const { databaseUrl } = services();
  await migrateLatest({ databaseUrl, schema });
  return { schema, drop: () => dropSchema(databaseUrl, schema) };
}

/**
 * A knex client on a private, migrated schema for the test file that calls this at its top level:
 * made before its tests, destroyed and dropped after them. Call the returned function in a test.
 */
export function privateDatabase(label: string): () => Knex {
  let database: MigratedDb | undefined;
  beforeAll(async () => {
    database = await migratedDb(label);
  });
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error(`privateDatabase(${label}): used before its beforeAll ran`);
    return database.db;
  };
}

interface MigratedDb {
  schema: string;
  db: Knex;
  /** Destroys the client and drops the schema. */
  close(): Promise<void>;
}

/** A knex client on a new private, migrated schema (see {@link privateSchema}). */
async function migratedDb(label: string, options: { poolMax?: number } = {}): Promise<MigratedDb> {
  const { createDb } = await import('@ceasefire/db');
  const schema = await privateSchema(label);
  const db = createDb({ databaseUrl: services().databaseUrl, schema: schema.schema, ...(options.poolMax ? { pool: { max: options.poolMax } } : {}) });
  return {
    schema: schema.schema,
    db,
    close: async () => {
      await db.destroy();
      await schema.drop();
    },
  };
}

/** Reads every message of a topic with kcat (a non-JavaScript client), as `key \t value` pairs. */
export async function readTopicWithKcat(topic: string, expected?: number, timeoutMs = 30_000): Promise<Array<{ key: string; value: string }>> {
  const { execFile } = await import('node:child_process');
  const { promisify } = await import('node:util');
  const { stdout } = await promisify(execFile)(
    'kcat',
    // Without a count: everything up to the end of each partition.
    ['-b', services().brokers.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', ...(expected ? ['-c', String(expected)] : []), '-f', '%k\\t%s\\n'],
    { timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 },
  );
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const tab = line.indexOf('\t');
      return { key: line.slice(0, tab), value: line.slice(tab + 1) };
    });
}

/** Sum of the log-end offsets of a topic: how many messages it holds. */
export async function topicSize(admin: Admin, topic: string): Promise<number> {
  return (await admin.endOffsets(topic)).reduce((n, p) => n + Number(p.offset), 0);
}

/**
 * What most integration test files start from: the catalog's topics under a private prefix, a
 * private migrated schema with a pool on it, an admin and a producer, and the environment every
 * worker of the file shares. `close` releases all of it (after the workers are stopped).
 */
export interface PrivateStage {
  /** The client the admin and producer came from, for a test's own consumers. */
  kafka: KafkaClient;
  admin: Admin;
  producer: Producer;
  prefix: string;
  schema: string;
  db: Knex;
  /** KAFKA_BROKERS, DATABASE_URL, DATABASE_SCHEMA, TOPIC_PREFIX and a short session timeout. */
  env: Record<string, string>;
  close(): Promise<void>;
}

export async function privateStage(label: string, options: { poolMax?: number } = {}): Promise<PrivateStage> {
  const kafka = await testKafka(`${label}-test`);
  const admin = await kafka.admin();
  const producer = await kafka.producer();
  const prefix = `${uniqueName(label)}.`;
  await ensureTopics(admin, allTopics, { prefix });
  const { schema, db, close: closeDb } = await migratedDb(label, options);
  return {
    kafka,
    admin,
    producer,
    prefix,
    schema,
    db,
    env: {
      KAFKA_BROKERS: services().brokers.join(','),
      DATABASE_URL: services().databaseUrl,
      DATABASE_SCHEMA: schema,
      TOPIC_PREFIX: prefix,
      // A SIGKILLed member holds its partitions until its session expires.
      KAFKA_SESSION_TIMEOUT_MS: '8000',
    },
    close: async () => {
      await producer.disconnect();
      await closeDb();
      await deleteTopicsWithPrefix(admin, prefix);
      await admin.disconnect();
    },
  };
}
