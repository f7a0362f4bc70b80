import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths redacted from every log line: credentials never reach the logs. */
export const REDACT_PATHS = [
  'password',
  '*.password',
  'token',
  '*.token',
  'secret',
  '*.secret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'config.DATABASE_URL',
  'config.KAFKA_SASL_PASSWORD',
  'config.INGEST_TOKEN',
  'config.OPERATOR_TOKEN',
  'config.WEBHOOK_SECRET',
  'config.SMTP_PASSWORD',
  'databaseUrl',
  '*.databaseUrl',
];

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Human-readable output (development only; needs pino-pretty). */
  pretty?: boolean;
  /** Where lines go (stdout by default); tests pass a stream to read them. */
  destination?: DestinationStream;
}

/** The one way to make a logger: JSON lines, `service` on each, secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level ?? 'info',
    base: { service: options.service, pid: process.pid },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  return pino(base);
}

/** Replaces the password of a connection URL, for messages that show where we connect. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = 'redacted';
    return u.toString();
  } catch {
    return '[unparseable url]';
  }
}
