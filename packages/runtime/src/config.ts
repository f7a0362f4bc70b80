import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { KAFKA_DEFAULTS } from './kafka/types.ts';

/** Start-up stops with this when the environment is wrong; the message names every bad variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(readonly problems: Array<{ variable: string; message: string }>) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}`);
  }
}

/**
 * Parses `env` with a zod object schema whose keys are the variable names.
 * Called once, from a service's main.ts; never at import time.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.output<S> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? '(environment)'),
      message: issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message,
    })),
  );
}

// Building blocks for the services' schemas: environment variables are strings, these parse them.

/** `a,b,c` → ['a','b','c'] with host:port checked. */
export const brokerList = z
  .string()
  .transform((s) => s.split(',').map((b) => b.trim()).filter(Boolean))
  .pipe(z.array(z.string().regex(/^[^\s:]+:\d{1,5}$/, 'each broker is host:port')).min(1, 'at least one broker'));

export const port = z.coerce.number().int().min(0).max(65535);
export const positiveInt = z.coerce.number().int().positive();
export const durationMs = z.coerce.number().int().nonnegative();
export const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
export const postgresUrl = z
  .string()
  .refine((s) => /^postgres(ql)?:\/\//.test(s), 'a postgres:// or postgresql:// URL');

function isPemCertificateFile(file: string): boolean {
  try {
    return readFileSync(file, 'utf8').includes('-----BEGIN CERTIFICATE-----');
  } catch {
    return false;
  }
}

/** Variables every worker reads. Services extend this with their own. */
export const baseConfigSchema = z.object({
  /** Log level: fatal, error, warn, info, debug, trace. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Pretty logs for a terminal; JSON (the default) for machines. */
  LOG_PRETTY: bool.default(false),
  /** Kafka bootstrap brokers, comma-separated host:port. */
  KAFKA_BROKERS: brokerList.default(['127.0.0.1:9092']),
  /** Kafka client library behind the runtime's interface (bench/README.md compares them). */
  KAFKA_CLIENT: z.enum(['kafkajs', 'platformatic']).default('kafkajs'),
  /** TLS to the brokers. */
  KAFKA_SSL: bool.default(false),
  /**
   * PEM file of the CA that signed the brokers' certificates, when it is not one the system
   * trusts (a private CA); implies KAFKA_SSL. Checked at start-up: a wrong path fails there.
   */
  KAFKA_SSL_CA_FILE: z
    .string()
    .min(1)
    .refine(isPemCertificateFile, 'is not a readable PEM file with a CERTIFICATE in it')
    .optional(),
  /** SASL mechanism when the cluster requires authentication. */
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  /** Prepended to every topic name, to run several deployments on one cluster. */
  TOPIC_PREFIX: z.string().regex(/^[A-Za-z0-9._-]*$/, 'letters, digits, dot, dash and underscore').default(''),
  /** The event store. */
  DATABASE_URL: postgresUrl.default('postgres://postgres@127.0.0.1:5432/ceasefire'),
  /** Postgres schema holding the tables (search_path). */
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'a lower-case SQL identifier').default('public'),
  DATABASE_POOL_MAX: positiveInt.default(10),
  /** Consumer group session timeout: how long a dead member holds its partitions (broker bounds: 6–300 s). */
  KAFKA_SESSION_TIMEOUT_MS: durationMs.default(KAFKA_DEFAULTS.sessionTimeoutMs),
  /** Partitions whose batches a worker handles at once (overlaps waits on Postgres and Kafka). */
  KAFKA_PARTITIONS_CONCURRENTLY: positiveInt.default(12),
  /** Port of /healthz, /readyz and /metrics (0 picks a free one). */
  HEALTH_PORT: port.default(0),
  /** How long shutdown may take before the process exits anyway. */
  SHUTDOWN_TIMEOUT_MS: durationMs.default(15_000),
});

/** SASL settings come together or not at all. Apply to a service schema built on the base. */
export function requireSaslTogether<S extends z.ZodType<BaseConfig>>(schema: S) {
  return schema.superRefine((c, ctx) => {
    if (c.KAFKA_SASL_MECHANISM && !c.KAFKA_SASL_USERNAME) {
      ctx.addIssue({ code: 'custom', path: ['KAFKA_SASL_USERNAME'], message: 'is required with KAFKA_SASL_MECHANISM' });
    }
    if (c.KAFKA_SASL_MECHANISM && !c.KAFKA_SASL_PASSWORD) {
      ctx.addIssue({ code: 'custom', path: ['KAFKA_SASL_PASSWORD'], message: 'is required with KAFKA_SASL_MECHANISM' });
    }
  });
}
export type BaseConfig = z.output<typeof baseConfigSchema>;
