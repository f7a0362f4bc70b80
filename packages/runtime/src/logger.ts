import { hostname } from 'node:os';
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
  'config.API_TOKEN',
  // A chat (Slack-style) incoming webhook URL is itself the credential.
  'config.CHAT_WEBHOOK_URL',
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

// Credentials inside URLs, wherever a URL shows up in a string: the password of the user info
// (`scheme://user:password@host`) and the values of query parameters named like a credential
// (`?token=`, `access_token`, `api_key`, `sig`…). Feeds and webhooks are often given that way.
const URL_PASSWORD = /\b([a-z][a-z0-9+.-]*:\/\/[^\s:/?#@"']*:)[^\s/?#@"']+@/gi;
const SECRET_PARAM = /([?&](?:[a-z0-9_.-]*(?:token|secret|password|passwd|key)|pwd|pass|sig|signature|auth|authorization|credentials?)=)[^&#\s"']+/gi;

/** `s` with the credentials of any URL in it replaced by `redacted`. */
export function scrubUrls(s: string): string {
  if (!s.includes('://') && !s.includes('=')) return s;
  return s.replace(URL_PASSWORD, '$1redacted@').replace(SECRET_PARAM, '$1redacted');
}

function scrubValue(v: unknown): unknown {
  if (typeof v === 'string') return scrubUrls(v);
  if (Array.isArray(v)) return v.map(scrubValue);
  return v;
}

const RESERVED_KEYS = new Set(['level', 'time', 'msg']);

/** The one way to make a logger: JSON lines, `service` on each, secrets redacted. */
export function createLogger(options: LoggerOptions): Logger {
  const base = {
    level: options.level ?? 'info',
    // pino's default base is pid and hostname; a base of our own replaces it, so hostname is named
    // here again (which replica wrote a line).
    base: { service: options.service, pid: process.pid, hostname: hostname() },
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    // Strings (and lists of strings) of each line, and the message and stack of errors, lose the
    // credentials of URLs in them: a feed URL or a fetch error quoting one is logged without them.
    formatters: {
      log: (object: Record<string, unknown>) => {
        const out: Record<string, unknown> = {};
        // A field named like one of the line's own keys (`level`, `time`, `msg`) would be written a
        // second time and override it for every log parser: it is kept under `<name>_field`.
        for (const [k, v] of Object.entries(object)) out[RESERVED_KEYS.has(k) ? `${k}_field` : k] = scrubValue(v);
        return out;
      },
    },
    hooks: {
      // The message itself too (`logger.warn('cannot reach ' + url)`).
      logMethod(this: Logger, args: Parameters<Logger['info']>, method: (...a: unknown[]) => void) {
        method.apply(this, (args as unknown[]).map((a) => (typeof a === 'string' ? scrubUrls(a) : a)));
      },
    },
    serializers: {
      err: (e: Error) => {
        const out = pino.stdSerializers.err(e) as unknown as Record<string, unknown>;
        for (const k of ['message', 'stack']) if (typeof out[k] === 'string') out[k] = scrubUrls(out[k]);
        return out;
      },
    },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (options.destination) return pino(base, options.destination);
  if (options.pretty) return pino({ ...base, transport: { target: 'pino-pretty', options: { colorize: true } } });
  return pino(base);
}

/**
 * Replaces the password of a connection URL and the values of its credential-like query
 * parameters, for messages that show where we connect.
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = 'redacted';
    return scrubUrls(u.toString());
  } catch {
    return '[unparseable url]';
  }
}
