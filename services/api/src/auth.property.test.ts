// Property: no /v1 route of the read API answers without a valid token, however the request
// target is spelt on the wire (percent-encoding, double slashes, absolute form, case, dot
// segments, trailing characters), whatever the method and the spoofing headers.
import { isRefusal, listenOnLoopback, rawRequest, unauthenticatedRequest } from '@ceasefire/runtime/auth-probe';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApiApp, unreachableDb } from './test-app.ts';

const TOKEN = 'property-test-token-0123456789';
const V1 = [
  '/v1/statements',
  '/v1/statements/st_1',
  '/v1/events',
  '/v1/events/ev_1',
  '/v1/incidents',
  '/v1/incidents/in_1',
  '/v1/casualties',
  '/v1/stats/violations-per-day',
  '/v1/gazetteer',
  '/v1/agreements',
  '/v1/agreements/ag_1',
  '/v1/alerts',
  '/v1/alerts/stream',
  '/v1/alerts/al_1',
  '/v1/alerts/al_1/ack',
];
let app: FastifyInstance;
let db: Knex;
let port: number;

beforeAll(async () => {
  // Unreachable: a handler that ran would answer 503, never 2xx (and /v1/gazetteer and the
  // stream need no database: they would answer 200).
  db = unreachableDb();
  app = await testApiApp({ db, token: TOKEN });
  port = await listenOnLoopback(app);
});

afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('read API authentication', () => {
  it('the probe reaches the routes: with the token the same raw requests are answered', async () => {
    const ok = await rawRequest(port, `GET /v1/gazetteer HTTP/1.1\r\nHost: x\r\nAuthorization: bearer ${TOKEN}\r\nConnection: close\r\n\r\n`);
    expect(ok.status).toBe(200);
    const encoded = await rawRequest(port, `GET /%76%31/gazetteer HTTP/1.1\r\nHost: x\r\nAuthorization: BEARER ${TOKEN}\r\nConnection: close\r\n\r\n`);
    expect(encoded.status).toBe(200);
  });

  it.each([
    ['GET /%76%31/agreements'],
    ['GET /%76%31/gazetteer'],
    ['GET http://x/v1/gazetteer'],
    ['GET /v%31/alerts/stream'],
    ['POST /%76%31/alerts/al_1/ack'],
  ])('refuses %s without a token (the probe of issue #15)', async (line) => {
    expect((await rawRequest(port, `${line} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)).status).toBe(401);
  });

  it('no spelling, method or header set gets past without a valid token', async () => {
    await fc.assert(
      fc.asyncProperty(unauthenticatedRequest(V1, TOKEN), async ({ head, body }) => {
        const { status } = await rawRequest(port, head, body);
        expect(isRefusal(status), `${status} for ${JSON.stringify(head)}`).toBe(true);
      }),
      { numRuns: 400 },
    );
  }, 60_000);
});
