// The ingester's composition root: the only place that reads configuration and wires things.
import { agencyDirectory, createIngestor } from '@ceasefire/ingest';
import { PROFILES } from '@ceasefire/extraction';
import { runService } from '@ceasefire/worker';
import { ingesterConfigSchema } from './config.ts';
import { createFeedPoller, parseFeedList } from './feeds.ts';
import { createFolderWatcher } from './folder.ts';
import { buildHttpApi } from './http.ts';
import { ingesterMetrics, meteredIngestor } from './metrics.ts';
import { createSweeper } from './sweeper.ts';

void runService('ingester', ingesterConfigSchema, async ({ config, logger, ctx }) => {
  const metrics = ingesterMetrics(ctx.registry);
  const stored = createIngestor({
    db: ctx.db,
    producer: ctx.producer,
    topicPrefix: config.TOPIC_PREFIX,
    agencies: agencyDirectory(PROFILES),
    now: () => new Date(),
    source: 'ceasefire/ingester',
    onMarkFailed: (e) =>
      logger.warn(
        { err: e },
        'could not record statements as published; they are published again if they come again',
      ),
    onGroup: (group) => logger.debug(group, 'statements stored and published'),
  });
  const ingestor = meteredIngestor(stored, metrics);
  // Released after the intake below stops (the lifecycle releases in reverse), before the database.
  ctx.lifecycle.add('statement marks', () => ingestor.settled());
  const sweeper = createSweeper({
    ingestor,
    db: ctx.db,
    metrics,
    logger,
    intervalMs: config.SWEEP_INTERVAL_MS,
    graceMs: config.SWEEP_GRACE_MS,
    pageSize: config.SWEEP_PAGE_SIZE,
  });
  sweeper.start();
  ctx.lifecycle.add('sweeper', () => sweeper.stop());

  if (config.HTTP_ENABLED) {
    const app = buildHttpApi({
      ingestor,
      token: config.INGEST_TOKEN,
      bodyLimit: config.HTTP_BODY_LIMIT_BYTES,
      batchMax: config.HTTP_BATCH_MAX,
      rateLimitPerMinute: config.HTTP_RATE_LIMIT_PER_MINUTE,
      authFailuresPerMinute: config.HTTP_AUTH_FAILURES_PER_MINUTE,
      logger,
      metrics,
    });
    const address = await app.listen({ host: config.HTTP_HOST, port: config.HTTP_PORT });
    ctx.lifecycle.add('http api', () => app.close());
    logger.info({ address }, 'ingest API listening');
  }
  const feeds = parseFeedList(config.FEEDS);
  if (feeds.length > 0) {
    // Labelled by host and path: a feed URL's query may carry a credential.
    const feedLabel = (url: string) =>
      URL.canParse(url) ? `${new URL(url).host}${new URL(url).pathname}` : 'unparsable';
    const poller = createFeedPoller({
      feeds,
      intervalMs: config.FEED_INTERVAL_MS,
      timeoutMs: config.FEED_TIMEOUT_MS,
      db: ctx.db,
      ingestor,
      logger,
      onError: (url) => metrics.feedErrors.inc({ feed: feedLabel(url) }),
    });
    poller.start();
    ctx.lifecycle.add('feed poller', () => poller.stop());
    logger.info({ feeds: feeds.map((f) => f.url) }, 'polling feeds');
  }
  if (config.WATCH_DIR) {
    const watcher = createFolderWatcher({
      dir: config.WATCH_DIR,
      intervalMs: config.WATCH_INTERVAL_MS,
      settleMs: 500,
      maxBytes: 10 * 1024 * 1024,
      ingestor,
      logger,
    });
    watcher.start();
    ctx.lifecycle.add('folder watcher', () => watcher.stop());
    logger.info({ dir: config.WATCH_DIR }, 'watching folder');
  }
});
