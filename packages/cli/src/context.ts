import { readStackState } from '@ceasefire/stack';
import { baseConfigSchema, createKafkaClient, createLogger, loadConfig, type BaseConfig, type KafkaClient, type Producer } from '@ceasefire/runtime';
import { kafkaSettings } from '@ceasefire/runtime';
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
    LOG_LEVEL: env.LOG_LEVEL ?? 'warn',
  };
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
  });
  const kafka = createKafkaClient(kafkaSettings(config, clientId), logger);
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
