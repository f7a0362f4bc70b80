// The alerting worker's composition root: the only place that reads the environment. It wires
// the consumer of violation events, the scheduler, the delivery loops and the operator API.
import { DEFAULT_ESCALATION, defaultRoutes } from '@ceasefire/alerting';
import { violationEventsTopic } from '@ceasefire/contracts';
import { PROFILES } from '@ceasefire/extraction';
import { Counter } from 'prom-client';
import { startPeriodic } from '@ceasefire/runtime';
import { runConsumer, runService } from '@ceasefire/worker';
import {
  chatChannel,
  emailChannel,
  logChannel,
  topicChannel,
  webhookChannel,
  type Channel,
} from './channels/index.ts';
import { alertingConfigSchema } from './config.ts';
import { DeliveryWorker, leaseMsOf, type DeliveryPolicy } from './delivery.ts';
import { AlertEngine } from './engine.ts';
import { buildOperatorApi } from './http.ts';
import { namesOf } from './names.ts';

const SERVICE = 'alerting';

void runService(SERVICE, alertingConfigSchema, async ({ config, logger, ctx }) => {
  const names = namesOf(PROFILES);
  const publicUrl = config.PUBLIC_URL ?? null;
  const channels: Channel[] = [];
  if (config.LOG_CHANNEL) channels.push(logChannel(logger));
  if (config.ALERTS_TOPIC_CHANNEL)
    channels.push(topicChannel({ producer: ctx.producer, topicPrefix: config.TOPIC_PREFIX }));
  if (config.WEBHOOK_URL && config.WEBHOOK_SECRET) {
    channels.push(
      webhookChannel({
        url: config.WEBHOOK_URL,
        secret: config.WEBHOOK_SECRET,
        timeoutMs: config.DELIVERY_TIMEOUT_MS,
        format: config.WEBHOOK_FORMAT,
        publicUrl,
      }),
    );
  }
  if (config.CHAT_WEBHOOK_URL)
    channels.push(chatChannel({ url: config.CHAT_WEBHOOK_URL, timeoutMs: config.DELIVERY_TIMEOUT_MS }));
  if (config.SMTP_HOST && config.EMAIL_TO) {
    channels.push(
      emailChannel({
        host: config.SMTP_HOST,
        port: config.SMTP_PORT,
        secure: config.SMTP_SECURE,
        requireTls: config.SMTP_REQUIRE_TLS,
        user: config.SMTP_USER,
        password: config.SMTP_PASSWORD,
        from: config.EMAIL_FROM,
        to: config.EMAIL_TO,
        timeoutMs: config.DELIVERY_TIMEOUT_MS,
      }),
    );
  }
  const channelNames = channels.map((c) => c.name);
  const routes = config.ALERT_ROUTES ?? defaultRoutes(channelNames);
  const unknown = routes.filter((r) => !channelNames.includes(r.channel)).map((r) => r.channel);
  if (unknown.length > 0)
    logger.warn({ unknown, channels: channelNames }, 'ALERT_ROUTES names channels that are not configured');

  const deliveryPolicy: DeliveryPolicy = {
    pollMs: config.DELIVERY_POLL_MS,
    timeoutMs: config.DELIVERY_TIMEOUT_MS,
    backoffInitialMs: config.DELIVERY_BACKOFF_INITIAL_MS,
    backoffMaxMs: config.DELIVERY_BACKOFF_MAX_MS,
    maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
    batchSize: 20,
  };
  const engine = new AlertEngine(
    ctx.db,
    {
      lifecycle: {
        groupWaitMs: config.ALERT_GROUP_WAIT_MS,
        groupIntervalMs: config.ALERT_GROUP_INTERVAL_MS,
        repeatIntervalMs: config.ALERT_REPEAT_INTERVAL_MS,
        resolveAfterMs: config.ALERT_RESOLVE_AFTER_MS,
      },
      escalation: {
        ...DEFAULT_ESCALATION,
        frequencyCount: config.ESCALATION_COUNT,
        frequencyWindowMs: config.ESCALATION_WINDOW_MS,
      },
      routes,
      alertOnProposed: config.ALERT_ON_PROPOSED,
      proposedHorizonMs: config.ALERT_PROPOSED_HORIZON_MS === 0 ? null : config.ALERT_PROPOSED_HORIZON_MS,
      areaLevel: config.ALERT_AREA_LEVEL,
      names,
      publicUrl,
      source: `ceasefire/${SERVICE}`,
      // Delivery is built below. A committed notification is sent at once by this worker, which
      // holds its outbox row's lease from the start; if it dies first, a delivery loop sends it
      // when the lease ends.
      deliveryLeaseMs: leaseMsOf(deliveryPolicy),
      onEnqueued: (added) => delivery.deliver(added),
      // The scheduler is started below, before the consumer that calls this: a batch that
      // changed agreements runs its next pass now.
      onEvaluationDue: () => ticker.runSoon(),
      heldSummaryIncidents: config.ALERT_HELD_SUMMARY_INCIDENTS,
    },
    logger,
  );

  const deliveries = new Counter({
    name: 'ceasefire_deliveries_total',
    help: 'Alert delivery attempts by channel and outcome (succeeded, retrying, gave_up)',
    labelNames: ['channel', 'outcome'],
    registers: [ctx.registry],
  });
  const delivery = new DeliveryWorker(
    ctx.db,
    channels,
    deliveryPolicy,
    logger,
    undefined,
    undefined,
    (channel, outcome) => deliveries.inc({ channel, outcome }),
  );
  delivery.start();
  ctx.lifecycle.add('delivery loops', () => delivery.stop());

  // The scheduler (agreement evaluation, resolution of quiet alerts, due notifications): a
  // failed pass is logged and the next one tries again.
  const ticker = startPeriodic(() => engine.tickAll(), {
    intervalMs: config.ALERT_TICK_MS,
    onError: (err) => logger.warn({ err }, 'scheduler pass failed; will retry'),
  });
  ctx.lifecycle.add('scheduler', () => ticker.stop());

  if (config.OPERATOR_TOKEN) {
    // Agreements may name the areas and parties of the conflict profiles the classifier uses.
    const known = {
      areas: new Set(PROFILES.flatMap((p) => p.places.map((place) => place.id))),
      parties: new Set(PROFILES.flatMap((p) => [...p.parties, ...p.third_parties].map((party) => party.code))),
    };
    const api = buildOperatorApi({ db: ctx.db, token: config.OPERATOR_TOKEN, rateLimitPerMinute: config.OPERATOR_RATE_LIMIT_PER_MINUTE, authFailuresPerMinute: config.OPERATOR_AUTH_FAILURES_PER_MINUTE, logger, known });
    await api.listen({ host: config.OPERATOR_HOST, port: config.OPERATOR_PORT });
    ctx.lifecycle.add('operator API', () => api.close());
    const address = api.server.address();
    logger.info(
      { operatorPort: typeof address === 'object' && address ? address.port : config.OPERATOR_PORT },
      'operator API listening',
    );
  } else {
    logger.info('OPERATOR_TOKEN not set: the operator API is off (the CLI still works)');
  }

  // Last to start, first to stop: no event is taken in while the rest shuts down.
  await runConsumer(ctx, {
    groupId: config.ALERTING_GROUP_ID ?? `${config.TOPIC_PREFIX}ceasefire-alerting`,
    topic: violationEventsTopic,
    handle: (items, hctx) =>
      engine.handleEvents(
        items.map((i) => i.value.data),
        hctx.logger,
      ),
  });
  logger.info({ channels: channelNames, routes: routes.length }, 'alerting worker running');
});
