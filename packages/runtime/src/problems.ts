import type { FastifyBaseLogger, FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { classifyError } from './errors.ts';

/** The error body every HTTP API of ours answers with: a code, a sentence, and the problems found. */
export function sendProblem(reply: FastifyReply, status: number, error: string, message: string | undefined, problems?: string[]) {
  return reply.code(status).send({ error, message, ...(problems ? { problems } : {}) });
}

/** An answer an API gives for an error it knows (a 400 of its own, a 413), before the shared rules. */
export interface KnownProblem {
  status: number;
  error: string;
  /** Absent when the problems say it all (the operator API's refused agreement). */
  message?: string;
  problems?: string[];
}

/**
 * The error handler the three HTTP APIs share: an error the API recognises (`known`) answers as it
 * says; another 4xx from fastify is `bad_request` with fastify's message; a transient failure
 * (database or broker down) is 503 with `retry-after: 5`, so the caller retries; anything else is
 * logged and answered 500 without its details.
 */
export function problemHandler(options: {
  /** Which logger a request's failure goes to. */
  logger: (req: FastifyRequest) => Pick<FastifyBaseLogger, 'warn' | 'error'>;
  /** The 503's message, naming what is down for this API. */
  unavailable: string;
  /** Log messages of a transient failure and of an unexpected one. */
  logUnavailable: string;
  logFailed: string;
  /** Fields logged with a failure besides the error (the URL, for the read API). */
  logFields?: (req: FastifyRequest) => Record<string, unknown>;
  known?: (err: FastifyError & { problems?: string[] }) => KnownProblem | undefined;
}) {
  return (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const known = options.known?.(err);
    if (known) return sendProblem(reply, known.status, known.error, known.message, known.problems);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return sendProblem(reply, err.statusCode, 'bad_request', err.message);
    const classified = classifyError(err);
    const fields = options.logFields?.(req) ?? {};
    if (classified.retryable) {
      options.logger(req).warn({ code: classified.code, error: classified.message, ...fields }, options.logUnavailable);
      reply.header('retry-after', '5');
      return sendProblem(reply, 503, 'unavailable', options.unavailable);
    }
    options.logger(req).error({ err, ...fields }, options.logFailed);
    return sendProblem(reply, 500, 'internal', 'internal error');
  };
}
