// The API's composition root: the only place that reads configuration and wires things.
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { PROFILES } from '@ceasefire/extraction';
import { ConfigError, createLogger, loadConfig, startService } from '@ceasefire/runtime';
import { startAlertChanges } from './alert-changes.ts';
import { createAlertHub, startAlertStream } from './alert-stream.ts';
import { buildApiApp } from './app.ts';
import { apiConfigSchema } from './config.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(apiConfigSchema, process.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`api: ${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  if (!PROFILES.some((p) => p.id === config.API_PROFILE)) {
    process.stderr.write(`api: invalid configuration:\n  API_PROFILE: no profile ${config.API_PROFILE} (${PROFILES.map((p) => p.id).join(', ')})\n`);
    process.exit(78);
  }
  const logger = createLogger({ service: 'api', level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
  const startedAt = new Date();
  const ctx = await startService({ service: 'api', config, logger });

  const hub = createAlertHub(logger);
  // One group per process: each instance must see every alert for its own streams.
  const groupId = `${config.API_STREAM_GROUP_PREFIX}.${hostname()}.${process.pid}.${randomBytes(3).toString('hex')}`;
  const stream = await startAlertStream({ kafka: ctx.kafka, topicPrefix: config.TOPIC_PREFIX, groupId, hub, logger, since: startedAt });
  ctx.lifecycle.add('alert stream consumer', () => stream.stop());
  void stream.crashed.then((err) => {
    logger.fatal({ err }, 'alert stream consumer crashed');
    void ctx.lifecycle.shutdown('alert stream consumer crashed').then(() => process.exit(1));
  });

  // Every change of a stored alert, announced by the database: pushed unthrottled to the dashboards.
  const changes = startAlertChanges({ databaseUrl: config.DATABASE_URL, schema: config.DATABASE_SCHEMA, db: ctx.db, hub, logger });
  ctx.lifecycle.add('alert change feed', () => changes.stop());
  await changes.ready;

  const app = await buildApiApp({
    db: ctx.db,
    token: config.API_TOKEN,
    rateLimitPerMinute: config.API_RATE_LIMIT_PER_MINUTE,
    authFailuresPerMinute: config.API_AUTH_FAILURES_PER_MINUTE,
    logger,
    hub,
    profiles: PROFILES,
    defaultProfile: config.API_PROFILE,
    heartbeatMs: config.API_SSE_HEARTBEAT_MS,
    maxStreamsPerToken: config.API_MAX_STREAMS_PER_TOKEN,
    maxStreams: config.API_MAX_STREAMS,
    registry: ctx.registry,
  });
  const address = await app.listen({ host: config.API_HTTP_HOST, port: config.API_HTTP_PORT });
  // Registered last, released first: stop answering before the pool and consumer go.
  ctx.lifecycle.add('http api', () => app.close());
  ctx.addProbe('http', async () => {
    const res = await fetch(`${address}/openapi.json`);
    if (!res.ok) throw new Error(`http answered ${res.status}`);
  });
  ctx.started();
  logger.info({ address, groupId }, 'read API and dashboard listening');
}

main().catch((err: unknown) => {
  process.stderr.write(`api: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
