// The app without services: what needs no database (auth, the OpenAPI document, the page,
// validation of the request before any query), the config schema and the cursors.
import { loadConfig, ConfigError, createLogger } from '@ceasefire/runtime';
import { createDb } from '@ceasefire/db';
import { KG_TJ_PROFILE } from '@ceasefire/extraction';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { createAlertHub } from './alert-stream.ts';
import { tokenMatches } from '@ceasefire/runtime';
import { buildApiApp } from './app.ts';
import { apiConfigSchema } from './config.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { gazetteerJson } from './gazetteer.ts';

const TOKEN = 'unit-test-token-0123456789';
let app: FastifyInstance;
let db: Knex;

beforeAll(async () => {
  // A pool that is never used: every request here is answered before a query.
  db = createDb({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
  const logger = createLogger({ service: 'api-test', level: 'silent' });
  app = await buildApiApp({ db, token: TOKEN, logger, hub: createAlertHub(logger), profiles: [KG_TJ_PROFILE], defaultProfile: 'kg-tj', heartbeatMs: 1000 });
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
    expect(c).toMatchObject({ API_HTTP_HOST: '127.0.0.1', API_HTTP_PORT: 8082, API_PROFILE: 'kg-tj', API_SSE_HEARTBEAT_MS: 15_000 });
    try {
      loadConfig(apiConfigSchema, { API_TOKEN: 'short', API_HTTP_PORT: 'x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['API_HTTP_PORT', 'API_TOKEN']);
    }
  });
});
