import { Routes } from '@ceasefire/alerting';
import {
  baseConfigSchema,
  bool,
  durationMs,
  perMinute,
  port,
  positiveInt,
  requireSaslTogether,
} from '@ceasefire/runtime';
import { z } from 'zod';

const emailList = z
  .string()
  .transform((s) =>
    s
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.email()).min(1, 'at least one address'));

const routesJson = z
  .string()
  .transform((s, ctx) => {
    try {
      return JSON.parse(s) as unknown;
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'not JSON: a JSON array of routes, e.g. [{"channel":"email","min_severity":"critical"}]',
      });
      return z.NEVER;
    }
  })
  .pipe(Routes);

/**
 * The alerting worker's variables, on top of every worker's (`baseConfigSchema`). A channel is
 * on when its address is given; the log and the alerts topic are on by default.
 */
export const alertingConfigSchema = requireSaslTogether(
  baseConfigSchema.extend({
    /** Consumer group on the events topic; default `<TOPIC_PREFIX>ceasefire-alerting`. */
    ALERTING_GROUP_ID: z.string().min(1).optional(),
    /** Whether agreements proposed from statements (not confirmed by an operator) raise alerts. */
    ALERT_ON_PROPOSED: bool.default(true),
    /** A proposed agreement nobody confirms judges events only within this long of its start (or announcement); 0: for ever. */
    ALERT_PROPOSED_HORIZON_MS: durationMs.default(3 * 86_400_000),
    /** One alert per agreement and district (default) or region; an event known only to its region joins the region's alert. */
    ALERT_AREA_LEVEL: z.enum(['district', 'region']).default('district'),
    /** The dashboard's public address: notifications link to the alert there (`<PUBLIC_URL>/#/alerts/<id>`). */
    PUBLIC_URL: z.url().optional(),
    /** Wait before a new alert's first notification, to collect more events (0: at once). */
    ALERT_GROUP_WAIT_MS: durationMs.default(0),
    /** Least time between update notifications of one alert. */
    ALERT_GROUP_INTERVAL_MS: durationMs.default(5 * 60_000),
    /** A firing alert with nothing new is notified again after this long. */
    ALERT_REPEAT_INTERVAL_MS: durationMs.default(4 * 3600_000),
    /** An alert resolves after this long without a new breach. */
    ALERT_RESOLVE_AFTER_MS: durationMs.default(12 * 3600_000),
    /** Escalation: this many incidents of one group within ESCALATION_WINDOW_MS make it critical. */
    ESCALATION_COUNT: positiveInt.default(3),
    ESCALATION_WINDOW_MS: durationMs.default(6 * 3600_000),
    /** How often the scheduler resolves quiet alerts, sends due notifications, evaluates new agreements. */
    ALERT_TICK_MS: positiveInt.default(1_000),
    /** Summary-state incidents the worker holds in memory between batches (about 150 bytes each; 0: none, every batch reads them). */
    ALERT_HELD_SUMMARY_INCIDENTS: z.coerce.number().int().nonnegative().default(100_000),
    /** Routing rules, a JSON array of {channel, min_severity?, areas?, notifications?, proposed?}; default: every channel gets everything. */
    ALERT_ROUTES: routesJson.optional(),

    /** The log channel. */
    LOG_CHANNEL: bool.default(true),
    /** The alerts topic channel. */
    ALERTS_TOPIC_CHANNEL: bool.default(true),
    /** Signed webhook receiver; needs WEBHOOK_SECRET. */
    WEBHOOK_URL: z.url().optional(),
    /** HMAC-SHA256 key shared with the webhook receiver. */
    WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
    /** The webhook's body: the alerts topic message (`ceasefire`) or Alertmanager's webhook payload (`alertmanager`, version 4). */
    WEBHOOK_FORMAT: z.enum(['ceasefire', 'alertmanager']).default('ceasefire'),
    /** Slack-compatible incoming webhook of the operators' chat. */
    CHAT_WEBHOOK_URL: z.url().optional(),
    /** SMTP server for e-mail; with EMAIL_TO. */
    SMTP_HOST: z.string().min(1).optional(),
    SMTP_PORT: port.default(587),
    /** TLS from the start (port 465); otherwise STARTTLS when offered. */
    SMTP_SECURE: bool.default(false),
    /** Refuse to send over a connection that did not upgrade with STARTTLS. */
    SMTP_REQUIRE_TLS: bool.default(false),
    SMTP_USER: z.string().optional(),
    SMTP_PASSWORD: z.string().optional(),
    EMAIL_FROM: z.string().min(3).default('ceasefire-watch <alerts@ceasefire-watch.invalid>'),
    /** Comma-separated recipients. */
    EMAIL_TO: emailList.optional(),

    /** How often each channel's delivery loop looks for due attempts. */
    DELIVERY_POLL_MS: positiveInt.default(500),
    /** Per attempt; a slower receiver counts as down. */
    DELIVERY_TIMEOUT_MS: positiveInt.default(10_000),
    /** Backoff before the 2nd attempt; doubles per attempt, with jitter, up to DELIVERY_BACKOFF_MAX_MS. */
    DELIVERY_BACKOFF_INITIAL_MS: positiveInt.default(1_000),
    DELIVERY_BACKOFF_MAX_MS: positiveInt.default(15 * 60_000),
    /** Attempts per notification and channel before giving up (about 5 h with the defaults). */
    DELIVERY_MAX_ATTEMPTS: positiveInt.default(25),

    /** Bearer token of the operator API; the API does not listen without one. */
    OPERATOR_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
    OPERATOR_HOST: z.string().default('127.0.0.1'),
    /** Port of the operator API (0 picks a free one). */
    OPERATOR_PORT: port.default(8090),
    /** Operator API requests a minute with the token; 0: no limit. */
    OPERATOR_RATE_LIMIT_PER_MINUTE: perMinute.default(600),
    /** Requests with a missing or wrong token a minute per address before it is refused; 0: no limit. */
    OPERATOR_AUTH_FAILURES_PER_MINUTE: perMinute.default(30),
  }),
).superRefine((c, ctx) => {
  if (c.WEBHOOK_URL && !c.WEBHOOK_SECRET)
    ctx.addIssue({ code: 'custom', path: ['WEBHOOK_SECRET'], message: 'is required with WEBHOOK_URL' });
  if (c.SMTP_HOST && !c.EMAIL_TO)
    ctx.addIssue({ code: 'custom', path: ['EMAIL_TO'], message: 'is required with SMTP_HOST' });
  if (c.EMAIL_TO && !c.SMTP_HOST)
    ctx.addIssue({ code: 'custom', path: ['SMTP_HOST'], message: 'is required with EMAIL_TO' });
});
export type AlertingConfig = z.output<typeof alertingConfigSchema>;
