import { createHash } from 'node:crypto';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { bearerToken, matchedRoute, tokenMatches } from './auth.ts';
import type { Logger } from './logger.ts';

/** A requests-a-minute variable: a whole number, 0 turns the limit off. */
export const perMinute = z.coerce.number().int().nonnegative();

const MINUTE_MS = 60_000;
// Addresses remembered as refused after too many authentication failures; beyond this many the
// oldest are forgotten (they would still be counted again by the failure limiter).
const MAX_LOCKED_OUT = 10_000;

/** Options of {@link guardRequests}. */
export interface RequestGuardOptions {
  /** The bearer token every request needing one must carry. */
  token: string;
  /** Realm of the `WWW-Authenticate` header of a 401. */
  realm: string;
  /**
   * Requests a minute per valid token, and per address on routes that need no token; 0: no
   * limit. Named by `names.perMinute` in the 429 body.
   */
  perMinute: number;
  /**
   * Requests with a missing or wrong token a minute per address; past it the address gets 429
   * on every route needing a token, even with the right one, until the minute ends (otherwise a
   * guesser would still learn which guess was right). 0: no limit.
   */
  authFailuresPerMinute: number;
  /** The configuration variables of the two limits, named in 429 answers. */
  names: { perMinute: string; authFailuresPerMinute: string };
  /**
   * Whether a request to `route` needs the token; default: every request. `route` is the pattern
   * of the route the router matched (`/v1/alerts/:id`), `undefined` when it matched none (the
   * not-found handler answers). Never a string of the request's URL: the router decodes
   * `%76%31` to `v1`, so a check of the raw URL is not a check of the route that runs.
   */
  needsToken?: (route: string | undefined) => boolean;
  logger?: Logger;
}

interface Limited {
  reply: FastifyReply;
  name: string;
  max: number;
  per: string;
  retryAfterSeconds: number;
}

function tooMany({ reply, name, max, per, retryAfterSeconds }: Limited) {
  return reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .header('x-ratelimit-limit', String(max))
    .header('x-ratelimit-remaining', '0')
    .header('x-ratelimit-reset', String(retryAfterSeconds))
    .send({
      error: 'rate_limited',
      message: `more than ${max} requests a minute ${per} (${name}); retry in ${retryAfterSeconds} s`,
      limit: name,
      max,
      window_seconds: MINUTE_MS / 1000,
      retry_after_seconds: retryAfterSeconds,
    });
}

/**
 * Authentication and rate limits of an HTTP API, as one `onRequest` hook (before the body is
 * read):
 * - a request needing the token without the right one counts against its address's
 *   authentication failures and is answered 401, or 429 once they are over the limit;
 * - a request with the right token counts against that token's limit (the key is a hash of the
 *   token, so the token itself is never held as a key); a request to a route needing no token
 *   against its address's;
 * - over a limit: 429 with `Retry-After` (seconds) and a JSON body naming the limit.
 * Counters are @fastify/rate-limit's in-memory fixed one-minute windows, per process.
 * A request answered and then kept open (a server-sent event stream) counts once, when it opens;
 * it is never cut afterwards.
 */
export function guardRequests(app: FastifyInstance, options: RequestGuardOptions): void {
  const needsToken = (req: FastifyRequest): boolean => (options.needsToken ? options.needsToken(matchedRoute(req)) : true);
  // Not global: the limiters below are called from our own hook, which decides what counts.
  void app.register(fastifyRateLimit, { global: false, cache: 20_000 });

  type Limiter = ReturnType<FastifyInstance['createRateLimit']>;
  let work: Limiter | undefined;
  let failures: Limiter | undefined;
  const lockedOut = new Map<string, number>();
  const tokenKey = `token:${createHash('sha256').update(options.token).digest('hex').slice(0, 16)}`;

  app.addHook('onRequest', async (req, reply) => {
    // Created on first use: the plugin's decorator exists once the app has loaded its plugins.
    work ??= app.createRateLimit({
      max: options.perMinute,
      timeWindow: MINUTE_MS,
      // Reached only with the right token on routes needing one: the key is the token's hash.
      keyGenerator: (r) => (needsToken(r) ? tokenKey : `ip:${r.ip}`),
    });
    failures ??= app.createRateLimit({ max: options.authFailuresPerMinute, timeWindow: MINUTE_MS, keyGenerator: (r) => `ip:${r.ip}` });

    if (needsToken(req)) {
      const until = lockedOut.get(req.ip);
      if (until !== undefined) {
        const left = until - Date.now();
        if (left > 0) {
          return tooMany({
            reply,
            name: options.names.authFailuresPerMinute,
            max: options.authFailuresPerMinute,
            per: 'with a missing or wrong token from this address',
            retryAfterSeconds: Math.max(1, Math.ceil(left / 1000)),
          });
        }
        lockedOut.delete(req.ip);
      }
      if (!tokenMatches(bearerToken(req.headers.authorization), options.token)) {
        if (options.authFailuresPerMinute > 0) {
          const r = await failures(req);
          if (!r.isAllowed && r.isExceeded) {
            if (lockedOut.size >= MAX_LOCKED_OUT) lockedOut.delete(lockedOut.keys().next().value!);
            lockedOut.set(req.ip, Date.now() + r.ttl);
            options.logger?.warn({ ip: req.ip, limit: options.names.authFailuresPerMinute, max: r.max }, 'too many authentication failures: address refused until the minute ends');
            return tooMany({
              reply,
              name: options.names.authFailuresPerMinute,
              max: r.max,
              per: 'with a missing or wrong token from this address',
              retryAfterSeconds: Math.max(1, r.ttlInSeconds),
            });
          }
        }
        reply.header('www-authenticate', `Bearer realm="${options.realm}"`);
        return reply.code(401).send({ error: 'unauthorized', message: 'a valid bearer token is required' });
      }
    }

    if (options.perMinute > 0) {
      const r = await work(req);
      if (!r.isAllowed) {
        if (r.isExceeded) {
          return tooMany({
            reply,
            name: options.names.perMinute,
            max: r.max,
            per: needsToken(req) ? 'with this token' : 'from this address',
            retryAfterSeconds: Math.max(1, r.ttlInSeconds),
          });
        }
        reply.header('x-ratelimit-limit', String(r.max)).header('x-ratelimit-remaining', String(r.remaining));
      }
    }
    return undefined;
  });
}
