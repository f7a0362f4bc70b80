import { readStackState } from '@ceasefire/stack';
import {
  baseConfigSchema,
  createKafkaClient,
  createLogger,
  kafkaSettings,
  loadConfig,
  redactUrl,
  type BaseConfig,
  type KafkaClient,
  type KafkaSettings,
  type Producer,
} from '@ceasefire/runtime';
import { createDb } from '@ceasefire/db';
import type { Knex } from 'knex';

/**
 * The environment a CLI command runs in: the variables given, and for those not given the local
 * stack's addresses (`.cache/stack.json`), so `ceasefire ingest` works right after `ceasefire up`.
 */
export async function cliEnvironment(env: NodeJS.ProcessEnv, root: string): Promise<Record<string, string | undefined>> {
  const state = await readStackState(root);
  return {
    ...env,
    KAFKA_BROKERS: env.KAFKA_BROKERS ?? state?.kafkaBrokers.join(','),
    DATABASE_URL: env.DATABASE_URL ?? state?.databaseUrl,
    // A command says what went wrong in one line of its own; the clients' log lines (kafkajs's
    // retries, as JSON) are for LOG_LEVEL=debug sessions.
    LOG_LEVEL: env.LOG_LEVEL ?? 'fatal',
  };
}

/**
 * Kafka settings for a command: a person waits for it, so a broker that does not answer fails it
 * in seconds (a worker's settings retry for a minute).
 */
export function cliKafkaSettings(config: BaseConfig, clientId: string): KafkaSettings {
  return { ...kafkaSettings(config, clientId), connectionTimeoutMs: 3_000, requestTimeoutMs: 10_000, retries: 1 };
}

/** How long a command waits for a database connection before it says the database is down. */
export const CLI_DB_ACQUIRE_TIMEOUT_MS = 5_000;

/**
 * One line that says what failed and what to do, for the errors a command meets when the broker
 * or the database is down; other errors keep their own message.
 */
export function explainFailure(e: unknown, env: Record<string, string | undefined>): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown } | null)?.code;
  const name = e instanceof Error ? e.name : '';
  const hint = (variable: string) => `is the stack up? (npx ceasefire up, or set ${variable})`;
  if (name.startsWith('KafkaJS') && /connect|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|retries|broker/i.test(`${name} ${message}`)) {
    return `cannot reach the Kafka broker at ${env.KAFKA_BROKERS ?? '(KAFKA_BROKERS unset)'} (${message.split('\n')[0]}); ${hint('KAFKA_BROKERS')}`;
  }
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', '57P03', '3D000', '28P01'].includes(String(code)) || /Knex: Timeout acquiring a connection/.test(message)) {
    return `cannot reach the database at ${redactUrl(env.DATABASE_URL ?? '(DATABASE_URL unset)')} (${message.split('\n')[0]}); ${hint('DATABASE_URL')}`;
  }
  return message;
}

export interface CliServices {
  config: BaseConfig;
  db: Knex;
  kafka: KafkaClient;
  producer: Producer;
  close(): Promise<void>;
}

/** Opens the database and a producer for a command; `close` releases both. */
export async function openServices(env: NodeJS.ProcessEnv, root: string, clientId: string): Promise<CliServices> {
  const config = loadConfig(baseConfigSchema, await cliEnvironment(env, root));
  const logger = createLogger({ service: clientId, level: config.LOG_LEVEL, destination: process.stderr });
  const db = createDb({
    databaseUrl: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA === 'public' ? undefined : config.DATABASE_SCHEMA,
    pool: { max: 4 },
    acquireTimeoutMs: CLI_DB_ACQUIRE_TIMEOUT_MS,
    // The command says in one line what failed.
    onWarning: () => undefined,
  });
  const kafka = createKafkaClient(cliKafkaSettings(config, clientId), logger);
  let producer: Producer;
  try {
    producer = await kafka.producer();
  } catch (e) {
    await db.destroy();
    throw e;
  }
  return {
    config,
    db,
    kafka,
    producer,
    async close() {
      await producer.disconnect();
      await db.destroy();
    },
  };
}
