import {
  createHttpApp,
  guardRequests,
  problemHandler,
  sendProblem,
  type HttpTimeouts,
} from '@ceasefire/runtime';
import type { Ingestor, IngestOutcome } from '@ceasefire/ingest';
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import type { IngesterMetrics } from './metrics.ts';

export interface HttpApiOptions {
  ingestor: Ingestor;
  /** Bearer token of the ingest API. */
  token: string;
  /** Largest request body accepted (bytes). */
  bodyLimit: number;
  /** Most statements in one batch request. */
  batchMax: number;
  /** Requests a minute with the token (0: no limit). */
  rateLimitPerMinute: number;
  /** Requests with a missing or wrong token a minute per address before it is refused (0: no limit). */
  authFailuresPerMinute: number;
  logger: Logger;
  /** Answers are counted here by status and error when given. */
  metrics?: IngesterMetrics;
  /** Header, body and idle deadlines (defaults: the runtime's). */
  timeouts?: Partial<HttpTimeouts>;
}

/** `text/plain` statements carry their metadata in headers. */
function fromPlainText(req: FastifyRequest, body: string): Record<string, unknown> {
  // Header values are Latin-1 on the wire: UTF-8 metadata (Cyrillic agency names) comes
  // percent-encoded, as in `encodeURIComponent`.
  const h = (name: string) => {
    const v = req.headers[name];
    if (typeof v !== 'string' || !v.trim()) return undefined;
    try {
      return decodeURIComponent(v.trim());
    } catch {
      return v.trim();
    }
  };
  return {
    text: body,
    published_at: h('x-published-at'),
    language: h('x-language') ?? h('content-language'),
    source_agency: h('x-source-agency'),
    url: h('x-source-url'),
    id: h('x-statement-id'),
  };
}

function parseNdjson(body: string): unknown[] | string[] {
  const items: unknown[] = [];
  const problems: string[] = [];
  body.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      items.push(JSON.parse(line));
    } catch (e) {
      problems.push(`line ${i + 1}: not JSON (${(e as Error).message})`);
    }
  });
  return problems.length ? problems : items;
}

function outcomeBody(o: IngestOutcome, index?: number) {
  const at = index === undefined ? {} : { index };
  return o.ok
    ? { ...at, id: o.id, duplicate: o.duplicate, status: 'accepted' }
    : { ...at, status: 'rejected', problems: o.problems };
}

/**
 * The ingest HTTP API:
 * - `POST /v1/statements`: one statement, JSON or `text/plain` with `x-published-at`,
 *   `x-language`, `x-source-agency`, `x-source-url`, `x-statement-id` headers.
 * - `POST /v1/statements/batch`: a JSON array (or `{"statements": [...]}`) or JSON lines.
 * Answers 202 once the statements are stored and published.
 */
export function buildHttpApi(options: HttpApiOptions): FastifyInstance {
  const app = createHttpApp(
    {
      bodyLimit: options.bodyLimit,
      loggerInstance: options.logger.child({ component: 'http' }) as FastifyBaseLogger,
      disableRequestLogging: true,
      // Ids of proxies' requests show in logs.
      requestIdHeader: 'x-request-id',
    },
    options.timeouts,
  );

  // Bodies are decoded strictly: invalid UTF-8 is refused with a reason instead of being stored
  // with replacement characters (which would also change the statement's content-derived id).
  const utf8 = (body: Buffer): string | Error => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      return Object.assign(new Error('the body is not valid UTF-8'), { statusCode: 400 });
    }
  };
  const defaultJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const text = utf8(body as Buffer);
    if (text instanceof Error) return done(text, undefined);
    return defaultJson(req, text, done);
  });
  app.addContentTypeParser(
    ['text/plain', 'application/x-ndjson', 'application/jsonl'],
    { parseAs: 'buffer' },
    (_req, body, done) => {
      const text = utf8(body as Buffer);
      return text instanceof Error ? done(text, undefined) : done(null, text);
    },
  );

  guardRequests(app, {
    token: options.token,
    realm: 'ceasefire-ingest',
    perMinute: options.rateLimitPerMinute,
    authFailuresPerMinute: options.authFailuresPerMinute,
    names: {
      perMinute: 'HTTP_RATE_LIMIT_PER_MINUTE',
      authFailuresPerMinute: 'HTTP_AUTH_FAILURES_PER_MINUTE',
    },
    logger: options.logger,
  });

  // Every answer counted by status and by the `error` of its body (the reason of a refusal,
  // including the guard's 401 and 429 and the 503 of an outage).
  app.addHook('onSend', async (_req, reply, payload) => {
    if (!options.metrics) return payload;
    let error = '';
    if (reply.statusCode >= 400 && typeof payload === 'string') {
      try {
        error = String((JSON.parse(payload) as { error?: unknown }).error ?? '');
      } catch {
        error = 'unparsable';
      }
    }
    options.metrics.responses.inc({ status: String(reply.statusCode), error });
    return payload;
  });

  app.setErrorHandler(
    problemHandler({
      logger: (req) => req.log,
      unavailable: 'the event store or the broker is unavailable; retry later',
      logUnavailable: 'ingest unavailable',
      logFailed: 'ingest failed',
      known: (err) =>
        err.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? { status: 413, error: 'payload_too_large', message: `the body exceeds ${options.bodyLimit} bytes` }
          : err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
            ? { status: 415, error: 'unsupported_media_type', message: 'send application/json, text/plain or application/x-ndjson' }
            : undefined,
    }),
  );

  app.post('/v1/statements', async (req, reply) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    let raw: unknown;
    if (type === 'text/plain') raw = fromPlainText(req, String(req.body ?? ''));
    else if (type === 'application/json') raw = req.body;
    else return sendProblem(reply, 415, 'unsupported_media_type', 'send application/json or text/plain');
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return sendProblem(reply,
        400,
        'bad_request',
        'the body must be one statement object (use /v1/statements/batch for many)',
      );
    }
    const outcome = await options.ingestor.ingest(raw, { kind: 'http', ref: null });
    if (!outcome.ok)
      return sendProblem(reply, 400, 'invalid_statement', 'the statement is invalid', outcome.problems);
    return reply.code(202).send(outcomeBody(outcome));
  });

  app.post('/v1/statements/batch', async (req, reply) => {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    let items: unknown[];
    if (type === 'application/json') {
      const body = req.body as unknown;
      const list = Array.isArray(body) ? body : (body as { statements?: unknown })?.statements;
      if (!Array.isArray(list))
        return sendProblem(reply, 400, 'bad_request', 'send a JSON array of statements or {"statements": [...]}');
      items = list;
    } else if (type === 'application/x-ndjson' || type === 'application/jsonl') {
      const parsed = parseNdjson(String(req.body ?? ''));
      if (parsed.length > 0 && typeof parsed[0] === 'string')
        return sendProblem(reply, 400, 'bad_request', 'invalid JSON lines', parsed as string[]);
      items = parsed;
    } else {
      return sendProblem(reply, 415, 'unsupported_media_type', 'send application/json or application/x-ndjson');
    }
    if (items.length === 0) return sendProblem(reply, 400, 'bad_request', 'the batch is empty');
    if (items.length > options.batchMax) {
      return sendProblem(reply, 413, 'batch_too_large', `at most ${options.batchMax} statements per batch`);
    }
    const outcomes = await options.ingestor.ingestMany(items, { kind: 'http', ref: null });
    const results = outcomes.map((o, i) => outcomeBody(o, i));
    const accepted = outcomes.filter((o) => o.ok).length;
    // All rejected: the request as a whole was bad. Some accepted: 202 with per-item results.
    return reply
      .code(accepted === 0 ? 400 : 202)
      .send({ accepted, rejected: outcomes.length - accepted, results });
  });

  return app;
}
