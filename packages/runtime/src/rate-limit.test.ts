// The shared authentication and rate-limit guard of the HTTP APIs, on a bare Fastify app.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { guardRequests, type RequestGuardOptions } from './rate-limit.ts';

const TOKEN = 'rate-limit-test-token-0123';
const names = { perMinute: 'X_RATE_LIMIT_PER_MINUTE', authFailuresPerMinute: 'X_AUTH_FAILURES_PER_MINUTE' };
const auth = { authorization: `Bearer ${TOKEN}` };
let app: FastifyInstance;

async function build(options: Partial<RequestGuardOptions>): Promise<FastifyInstance> {
  app = Fastify();
  guardRequests(app, { token: TOKEN, realm: 'test', perMinute: 5, authFailuresPerMinute: 3, names, ...options });
  app.get('/v1/thing', async () => ({ ok: true }));
  app.get('/public', async () => ({ ok: true }));
  await app.ready();
  return app;
}

afterEach(async () => {
  await app?.close();
});

describe('guardRequests', () => {
  it('lets requests under the limit through and answers 429 with Retry-After and the limit named over it', async () => {
    await build({});
    for (let i = 0; i < 5; i++) {
      const ok = await app.inject({ url: '/v1/thing', headers: auth });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-ratelimit-remaining']).toBe(String(4 - i));
    }
    const over = await app.inject({ url: '/v1/thing', headers: auth });
    expect(over.statusCode).toBe(429);
    const retryAfter = Number(over.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(over.json()).toMatchObject({ error: 'rate_limited', limit: 'X_RATE_LIMIT_PER_MINUTE', max: 5, window_seconds: 60, retry_after_seconds: retryAfter });
    expect(over.json().message).toMatch(/more than 5 requests a minute with this token/);
  });

  it('counts per token, whichever address it comes from', async () => {
    await build({});
    for (let i = 0; i < 5; i++) {
      expect((await app.inject({ url: '/v1/thing', headers: auth, remoteAddress: `10.0.0.${i + 1}` })).statusCode).toBe(200);
    }
    expect((await app.inject({ url: '/v1/thing', headers: auth, remoteAddress: '10.0.0.99' })).statusCode).toBe(429);
  });

  it('counts routes needing no token per address', async () => {
    await build({ needsToken: (route) => route?.startsWith('/v1/') ?? false });
    for (let i = 0; i < 5; i++) expect((await app.inject({ url: '/public', remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
    const over = await app.inject({ url: '/public', remoteAddress: '10.0.0.1' });
    expect(over.statusCode).toBe(429);
    expect(over.json().message).toMatch(/from this address/);
    expect((await app.inject({ url: '/public', remoteAddress: '10.0.0.2' })).statusCode).toBe(200);
    // The token's own count is separate.
    expect((await app.inject({ url: '/v1/thing', headers: auth, remoteAddress: '10.0.0.1' })).statusCode).toBe(200);
  });

  it('throttles a bad-token flood more tightly, and refuses the right token from that address too until the minute ends', async () => {
    await build({});
    const guesser = '10.0.0.7';
    for (let i = 0; i < 3; i++) {
      const r = await app.inject({ url: '/v1/thing', headers: { authorization: `Bearer guess-${i}-0123456789` }, remoteAddress: guesser });
      expect(r.statusCode).toBe(401);
      expect(r.headers['www-authenticate']).toBe('Bearer realm="test"');
    }
    const limited = await app.inject({ url: '/v1/thing', headers: { authorization: 'Bearer guess-3-0123456789' }, remoteAddress: guesser });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ error: 'rate_limited', limit: 'X_AUTH_FAILURES_PER_MINUTE', max: 3 });
    // Without this, a guesser would learn which guess was right from the one answer that is not 429.
    expect((await app.inject({ url: '/v1/thing', headers: auth, remoteAddress: guesser })).statusCode).toBe(429);
    expect((await app.inject({ url: '/v1/thing', remoteAddress: guesser })).statusCode).toBe(429);
    // Other addresses are not affected, and failures did not use up the token's own count.
    for (let i = 0; i < 5; i++) expect((await app.inject({ url: '/v1/thing', headers: auth, remoteAddress: '10.0.0.8' })).statusCode).toBe(200);
  });

  it('turns each limit off with 0', async () => {
    await build({ perMinute: 0, authFailuresPerMinute: 0 });
    for (let i = 0; i < 20; i++) expect((await app.inject({ url: '/v1/thing', headers: auth })).statusCode).toBe(200);
    for (let i = 0; i < 20; i++) expect((await app.inject({ url: '/v1/thing', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
  });
});
