// The app without services: what needs no database (auth, the OpenAPI document, the page,
// validation of the request before any query), the config schema and the cursors.
import { loadConfig, ConfigError, createLogger } from '@ceasefire/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { createAlertHub } from './alert-stream.ts';
import { tokenMatches } from '@ceasefire/runtime';
import { apiConfigSchema } from './config.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { gazetteerJson } from './gazetteer.ts';
import { testApiApp, unreachableDb } from './test-app.ts';

const TOKEN = 'unit-test-token-0123456789';
let app: FastifyInstance;
let db: Knex;

beforeAll(async () => {
  // A pool that is never used: every request here is answered before a query.
  db = unreachableDb();
  app = await testApiApp({ db, token: TOKEN, heartbeatMs: 1000 });
});

afterAll(async () => {
  await app.close();
  await db.destroy();
});

const auth = { authorization: `Bearer ${TOKEN}` };

describe('api app', () => {
  it('refuses /v1 without the right bearer token and says how to authenticate', async () => {
    const none = await app.inject({ url: '/v1/alerts' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toContain('Bearer');
    expect((await app.inject({ url: '/v1/alerts', headers: { authorization: 'Bearer nope' } })).statusCode).toBe(401);
    expect((await app.inject({ url: '/v1/alerts', headers: { authorization: TOKEN } })).statusCode).toBe(401);
  });

  it('serves the dashboard and the OpenAPI document without a token', async () => {
    const page = await app.inject({ url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<script type="module" src="/app.js">');
    expect((await app.inject({ url: '/app.js' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/lib.d.ts' })).statusCode).toBe(404);
    const doc = (await app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, { security?: unknown }>> };
    expect(doc.paths['/v1/events']?.get?.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(doc.paths)).not.toContain('/app.js');
  });

  it('answers 400 with every problem before touching the database', async () => {
    const res = await app.inject({ url: '/v1/events?type=shelling&limit=0&accused_party=kg', headers: auth });
    expect(res.statusCode).toBe(400);
    const problems = (res.json() as { problems: string[] }).problems.join('\n');
    expect(problems).toMatch(/query\.type/);
    expect(problems).toMatch(/query\.limit/);
    expect(problems).toMatch(/query\.accused_party/);
    const ack = await app.inject({ method: 'POST', url: '/v1/alerts/x/ack', headers: auth, payload: { by: '' } });
    expect(ack.statusCode).toBe(400);
  });

  it('answers 400 naming every field for NUL characters, impossible dates and out-of-range years and offsets (issue #15)', async () => {
    const cases: Array<[string, RegExp[]]> = [
      ['/v1/statements?source_agency=a%00b&language=e%00n', [/query\.source_agency: contains a NUL/, /query\.language: contains a NUL/]],
      ['/v1/statements/st%00x', [/path\.id: contains a NUL/]],
      ['/v1/events?from=2022-02-30T10:00:00Z&to=2022-09-16T10:00:00%2B15:00', [/query\.from/, /query\.to/]],
      ['/v1/alerts?from=9999-12-31T23:00:00-05:00', [/query\.from/]],
      ['/v1/incidents?from=0000-01-01', [/query\.from/]],
      [`/v1/events?cursor=${Buffer.from(JSON.stringify({ at: null, id: 'a\u0000b' })).toString('base64url')}`, [/query\.cursor/]],
    ];
    for (const [url, says] of cases) {
      const res = await app.inject({ url, headers: auth });
      expect(res.statusCode, url).toBe(400);
      const problems = (res.json() as { problems: string[] }).problems.join('\n');
      for (const s of says) expect(problems, url).toMatch(s);
    }
    const ack = await app.inject({ method: 'POST', url: '/v1/alerts/al%00x/ack', headers: auth, payload: { by: 'a\u0000b', note: 'n\u0000' } });
    expect(ack.statusCode).toBe(400);
    expect((ack.json() as { problems: string[] }).problems).toEqual(expect.arrayContaining([expect.stringMatching(/^path\.id/), expect.stringMatching(/^body\.by/), expect.stringMatching(/^body\.note/)]));
  });

  it('sends CSP, frame protection, nosniff and Referrer-Policy with the dashboard and the API', async () => {
    for (const url of ['/', '/app.js', '/v1/gazetteer']) {
      const res = await app.inject({ url, headers: auth });
      expect(res.headers['content-security-policy'], url).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
    }
  });

  it('serves the gazetteer of the profile and 404 for an unknown one', async () => {
    const res = await app.inject({ url: '/v1/gazetteer', headers: auth });
    const body = res.json() as ReturnType<typeof gazetteerJson>;
    expect(body.profile).toBe('kg-tj');
    expect(body.places.find((p) => p.id === 'kg.batken.leilek')).toMatchObject({ kind: 'district', lat: 39.84 });
    expect((await app.inject({ url: '/v1/gazetteer?profile=xx', headers: auth })).statusCode).toBe(404);
  });

  it('compares tokens without leaking through their length', () => {
    expect(tokenMatches(TOKEN, TOKEN)).toBe(true);
    expect(tokenMatches(`${TOKEN}x`, TOKEN)).toBe(false);
    expect(tokenMatches(undefined, TOKEN)).toBe(false);
  });
});

describe('rate limits', () => {
  // Small limits on an app of its own, listening, so that a live stream can be held open.
  let limited: FastifyInstance;
  let base: string;
  const hub = createAlertHub(createLogger({ service: 'api-test', level: 'silent' }));

  beforeAll(async () => {
    limited = await testApiApp({ db, token: TOKEN, rateLimitPerMinute: 4, authFailuresPerMinute: 3, hub, heartbeatMs: 1000 });
    base = await limited.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await limited.close();
  });

  it('answers a burst over the limit 429 with Retry-After, after letting the requests under it through, and never cuts an open stream', async () => {
    const controller = new AbortController();
    // The stream's opening is the first of the token's 4 requests.
    const stream = await fetch(`${base}/v1/alerts/stream`, { headers: auth, signal: controller.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const until = async (pattern: RegExp) => {
      while (!pattern.test(buffer)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`stream ended: ${buffer}`);
        buffer += value;
      }
    };
    await until(/event: ready/);

    for (let i = 0; i < 3; i++) expect((await fetch(`${base}/v1/gazetteer`, { headers: auth })).status).toBe(200);
    const over = await fetch(`${base}/v1/gazetteer`, { headers: auth });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ error: 'rate_limited', limit: 'API_RATE_LIMIT_PER_MINUTE', max: 4 });
    // A new stream is refused like any other request, the open one goes on.
    expect((await fetch(`${base}/v1/alerts/stream`, { headers: auth })).status).toBe(429);
    hub.publish({ id: 'msg-after-limit', data: { alert_id: 'al_after_limit' } } as unknown as Parameters<typeof hub.publish>[0]);
    await until(/al_after_limit/);
    controller.abort();
  });

  it('throttles a flood of bad tokens to 429 well before the token limit', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) codes.push((await limited.inject({ url: '/v1/gazetteer', headers: { authorization: `Bearer guess-${i}-0123456789` }, remoteAddress: '10.1.1.1' })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429, 429]);
    const res = await limited.inject({ url: '/v1/gazetteer', remoteAddress: '10.1.1.1' });
    expect(res.json()).toMatchObject({ error: 'rate_limited', limit: 'API_AUTH_FAILURES_PER_MINUTE', max: 3 });
  });
});

describe('live streams and shutdown', () => {
  it('caps live streams per token and in all, and closes open streams and slow uploads at once on close', async () => {
    const capped = await testApiApp({ db, token: TOKEN, maxStreamsPerToken: 2, maxStreams: 3 });
    const base = await capped.listen({ host: '127.0.0.1', port: 0 });
    const open = await Promise.all([0, 1].map(() => fetch(`${base}/v1/alerts/stream`, { headers: auth })));
    expect(open.map((r) => r.status)).toEqual([200, 200]);
    const third = await fetch(`${base}/v1/alerts/stream`, { headers: auth });
    expect(third.status).toBe(429);
    expect(await third.json()).toMatchObject({ error: 'too_many_streams' });
    // A body that never comes, and the two streams: close() must not wait for them.
    const { request } = await import('node:http');
    const slow = request(`${base}/v1/alerts/al_1/ack`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json', 'content-length': '100' } });
    slow.on('error', () => undefined);
    slow.write('{"by":');
    await new Promise((r) => setTimeout(r, 100));
    const started = Date.now();
    await capped.close();
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('shutdown with live streams', () => {
  it('ends open streams at once: close() does not wait for them', async () => {
    const app2 = await testApiApp({ db, token: TOKEN });
    const base = await app2.listen({ host: '127.0.0.1', port: 0 });
    const streams = await Promise.all([0, 1, 2].map(() => fetch(`${base}/v1/alerts/stream`, { headers: auth })));
    expect(streams.map((r) => r.status)).toEqual([200, 200, 200]);
    const started = Date.now();
    await app2.close();
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('cursors', () => {
  it('round-trip a position and refuse anything else', () => {
    const at = new Date('2022-09-16T00:00:00Z');
    const c = encodeCursor({ at, id: 'e1' })!;
    expect(decodeCursor(c)).toEqual({ at, id: 'e1' });
    expect(encodeCursor(null)).toBeNull();
    expect(decodeCursor('garbage')).toBeNull();
    expect(decodeCursor(Buffer.from('{"at":"x","id":"1"}').toString('base64url'))).toBeNull();
  });
});

describe('config', () => {
  it('has safe defaults and names the variable to fix', () => {
    const c = loadConfig(apiConfigSchema, { API_TOKEN: TOKEN });
    expect(c).toMatchObject({ API_HTTP_HOST: '127.0.0.1', API_HTTP_PORT: 8082, API_PROFILE: 'kg-tj', API_SSE_HEARTBEAT_MS: 15_000, API_RATE_LIMIT_PER_MINUTE: 1200, API_AUTH_FAILURES_PER_MINUTE: 30 });
    expect(loadConfig(apiConfigSchema, { API_TOKEN: TOKEN, API_RATE_LIMIT_PER_MINUTE: '0' }).API_RATE_LIMIT_PER_MINUTE).toBe(0);
    try {
      loadConfig(apiConfigSchema, { API_TOKEN: 'short', API_HTTP_PORT: 'x', API_AUTH_FAILURES_PER_MINUTE: '-1' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['API_AUTH_FAILURES_PER_MINUTE', 'API_HTTP_PORT', 'API_TOKEN']);
    }
  });
});
