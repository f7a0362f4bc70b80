import { createDb, insertDeadLetter } from '@ceasefire/db';
import type { MessageTopicSpec } from '@ceasefire/contracts';
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { z } from 'zod';
import type { BaseConfig } from './config.ts';
import { createConsumerLoop, type ConsumerLoopOptions, type DeadLetter } from './consumer-loop.ts';
import { createMetricsRegistry, startHealthServer, type HealthServer, type Probe } from './health.ts';
import { kafkaClientFor } from './kafka/index.ts';
import type { Admin, KafkaClient, Producer } from './kafka/types.ts';
import { startLagMonitor } from './lag.ts';
import { Lifecycle } from './lifecycle.ts';
import { kafkaSettings } from './settings.ts';

/** Everything a worker's handler may use, built once by `startService` from its configuration. */
export interface ServiceContext {
  service: string;
  config: BaseConfig;
  logger: Logger;
  lifecycle: Lifecycle;
  registry: Registry;
  db: Knex;
  kafka: KafkaClient;
  producer: Producer;
  /** Cluster metadata for readiness and lag; shared, closed at shutdown. */
  admin: Admin;
  health: HealthServer;
  /** Adds a readiness probe (e.g. an HTTP listener) after start-up. */
  addProbe(name: string, probe: Probe): void;
  /**
   * Marks the wiring done: /readyz answers 503 ("starting") until main calls this, so a
   * supervisor or test never sends work to a worker whose consumer or listener is not up yet.
   */
  started(): void;
}

/**
 * Opens what every worker needs, in order (database pool, Kafka producer, admin for readiness,
 * health/metrics server) and registers each for release in reverse order. Installs signal
 * handlers unless told not to (tests drive shutdown themselves).
 */
export async function startService(options: {
  service: string;
  config: BaseConfig;
  logger: Logger;
  installSignalHandlers?: boolean;
}): Promise<ServiceContext> {
  const { service, config, logger } = options;
  const lifecycle = new Lifecycle(logger, config.SHUTDOWN_TIMEOUT_MS);
  if (options.installSignalHandlers !== false) lifecycle.installSignalHandlers();
  const registry = createMetricsRegistry(service);

  const db = createDb({
    databaseUrl: config.DATABASE_URL,
    schema: config.DATABASE_SCHEMA === 'public' ? undefined : config.DATABASE_SCHEMA,
    pool: { max: config.DATABASE_POOL_MAX },
  });
  lifecycle.add('database pool', () => db.destroy());

  const kafka = await kafkaClientFor(kafkaSettings(config, `ceasefire-${service}`), logger);
  const producer = await kafka.producer();
  lifecycle.add('producer', () => producer.disconnect());
  const admin: Admin = await kafka.admin();
  lifecycle.add('admin', () => admin.disconnect());

  let wired = false;
  const probes: Record<string, Probe> = {
    started: async () => {
      if (!wired) throw new Error('starting');
    },
    database: async () => void (await db.raw('select 1')),
    broker: async () => void (await admin.listTopics()),
  };
  const health = await startHealthServer({ port: config.HEALTH_PORT, probes, registry });
  lifecycle.add('health server', () => health.close());
  logger.info({ healthPort: health.port }, 'service started');

  return {
    service,
    config,
    logger,
    lifecycle,
    registry,
    db,
    kafka,
    producer,
    admin,
    health,
    addProbe: (name, probe) => void (probes[name] = probe),
    started: () => {
      wired = true;
    },
  };
}

/**
 * Runs the shared consumer loop for a stage, wired to the service's Kafka client, producer,
 * metrics and `dead_letters` table. A consumer that crashes for good shuts the service down with
 * exit code 1 so its supervisor restarts it.
 */
export async function runConsumer<S extends z.ZodType>(
  ctx: ServiceContext,
  options: {
    groupId: string;
    topic: MessageTopicSpec<S>;
    handle: ConsumerLoopOptions<S>['handle'];
    /** Defaults to a row in the service database's `dead_letters`. */
    recordDeadLetter?: (entry: DeadLetter) => Promise<void>;
    retry?: ConsumerLoopOptions<S>['retry'];
    maxBytesPerPartition?: number;
  },
): Promise<void> {
  const consumer = createConsumerLoop({
    stage: ctx.service,
    kafka: ctx.kafka,
    producer: ctx.producer,
    groupId: options.groupId,
    topic: options.topic,
    topicPrefix: ctx.config.TOPIC_PREFIX,
    logger: ctx.logger,
    registry: ctx.registry,
    handle: options.handle,
    recordDeadLetter: options.recordDeadLetter ?? (async (entry) => void (await insertDeadLetter(ctx.db, entry))),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.maxBytesPerPartition ? { maxBytesPerPartition: options.maxBytesPerPartition } : {}),
    sessionTimeoutMs: ctx.config.KAFKA_SESSION_TIMEOUT_MS,
    partitionsConsumedConcurrently: ctx.config.KAFKA_PARTITIONS_CONCURRENTLY,
  });
  await consumer.start();
  ctx.lifecycle.add('consumer', () => consumer.stop());
  // Alive but not ready while a partition waits for a dead letter it could store nowhere.
  ctx.addProbe('dead letters', async () => {
    const held = consumer.stalledPartitions();
    if (held.length > 0) throw new Error(`a dead letter could be stored neither on the DLQ topic nor in dead_letters; holding ${held.join(', ')}`);
  });
  const lag = startLagMonitor({
    admin: ctx.admin,
    groupId: options.groupId,
    topic: ctx.config.TOPIC_PREFIX + options.topic.name,
    registry: ctx.registry,
    logger: ctx.logger,
  });
  ctx.lifecycle.add('lag monitor', () => lag.stop());
  void consumer.crashed.then((err) => {
    ctx.logger.fatal({ err }, 'consumer crashed');
    void ctx.lifecycle.shutdown('consumer crashed').then(() => process.exit(1));
  });
}
