import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/**
 * Compares a presented token with the expected one in constant time. Hashing first gives equal
 * lengths, so neither the length nor the content leaks through timing.
 */
export function tokenMatches(presented: string | undefined, expected: string): boolean {
  if (!presented) return false;
  return timingSafeEqual(digest(presented), digest(expected));
}

// RFC 9110 §11.1: the scheme is case-insensitive and followed by one or more spaces.
const BEARER = /^bearer +([^\s]+) *$/i;

/** The token of an `Authorization: Bearer <token>` header (any case of `Bearer`), if that is what it holds. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  return typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
}

/**
 * The pattern of the route the router matched for this request (`/v1/alerts/:id`), undefined
 * when none matched. Authentication decides on this, never on `req.url`: the router decodes
 * percent-encoding and absolute-form targets before matching, a string test of the URL does not.
 */
export function matchedRoute(req: FastifyRequest): string | undefined {
  return req.routeOptions.url;
}
