import { baseConfigSchema, bool, durationMs, perMinute, port, positiveInt, requireSaslTogether } from '@ceasefire/runtime';
import { z } from 'zod';

/** The ingester's environment. */
export const ingesterConfigSchema = requireSaslTogether(
  baseConfigSchema.extend({
    /** Bearer token callers of the ingest API present (at least 16 characters). */
    INGEST_TOKEN: z.string().min(16, 'at least 16 characters'),
    /** Address of the ingest API. */
    HTTP_HOST: z.string().default('127.0.0.1'),
    HTTP_PORT: port.default(8080),
    /** Largest request body, bytes (a statement is a few KB; a batch more). */
    HTTP_BODY_LIMIT_BYTES: positiveInt.default(1_048_576),
    /** Most statements in one batch request. */
    HTTP_BATCH_MAX: positiveInt.default(500),
    /** Requests a minute with the ingest token (all sources share it); 0: no limit. */
    HTTP_RATE_LIMIT_PER_MINUTE: perMinute.default(120_000),
    /** Requests with a missing or wrong token a minute per address before it is refused; 0: no limit. */
    HTTP_AUTH_FAILURES_PER_MINUTE: perMinute.default(30),
    /** Feeds to poll: comma-separated `url` or `url|Agency name`. Empty: no polling. */
    FEEDS: z.string().default(''),
    FEED_INTERVAL_MS: durationMs.default(60_000),
    FEED_TIMEOUT_MS: durationMs.default(15_000),
    /** A folder to watch for statement files (.txt, .json, .jsonl). Unset: no watching. */
    WATCH_DIR: z.string().optional(),
    WATCH_INTERVAL_MS: durationMs.default(2_000),
    /** How often stored statements never published are looked for and published. */
    SWEEP_INTERVAL_MS: durationMs.default(10_000),
    /** How long a stored statement is left to the request storing it before the sweeper publishes it. */
    SWEEP_GRACE_MS: durationMs.default(30_000),
    /** Statements the sweeper reads a page (up to 100 pages a pass). */
    SWEEP_PAGE_SIZE: positiveInt.default(500),
    /** Whether the HTTP API runs (a folder-only or feed-only ingester can turn it off). */
    HTTP_ENABLED: bool.default(true),
  }),
);
export type IngesterConfig = z.output<typeof ingesterConfigSchema>;
