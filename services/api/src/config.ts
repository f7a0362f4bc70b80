import { baseConfigSchema, durationMs, perMinute, port, positiveInt, requireSaslTogether } from '@ceasefire/runtime';
import { z } from 'zod';

/** The read API's environment (with the variables every worker reads). */
export const apiConfigSchema = requireSaslTogether(
  baseConfigSchema.extend({
    /** Bearer token of every /v1 route (at least 16 characters); the dashboard asks the operator for it. */
    API_TOKEN: z.string().min(16, 'at least 16 characters'),
    /** Address of the API and dashboard; 127.0.0.1 keeps it local (put a TLS proxy in front otherwise). */
    API_HTTP_HOST: z.string().default('127.0.0.1'),
    API_HTTP_PORT: port.default(8082),
    /** Conflict profile whose gazetteer draws the dashboard's map. */
    API_PROFILE: z.string().min(1).default('kg-tj'),
    /**
     * Prefix of the consumer group reading the `alerts` topic for the live stream; each process
     * adds its own suffix, so every API instance sees every alert.
     */
    API_STREAM_GROUP_PREFIX: z.string().regex(/^[A-Za-z0-9._-]+$/).default('ceasefire-api-stream'),
    /** Comment line sent on idle event streams so proxies keep them open. */
    API_SSE_HEARTBEAT_MS: durationMs.default(15_000),
    /** Live alert streams open at once with the token, and in all; past either a new one gets 429. */
    API_MAX_STREAMS_PER_TOKEN: positiveInt.default(20),
    API_MAX_STREAMS: positiveInt.default(100),
    /** Requests a minute with the token, and per address for the dashboard's files; 0: no limit. */
    API_RATE_LIMIT_PER_MINUTE: perMinute.default(1_200),
    /** Requests with a missing or wrong token a minute per address before it is refused; 0: no limit. */
    API_AUTH_FAILURES_PER_MINUTE: perMinute.default(30),
  }),
);
export type ApiConfig = z.output<typeof apiConfigSchema>;
