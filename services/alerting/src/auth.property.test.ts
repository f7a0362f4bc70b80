// Property: no route of the operator API answers without a valid token, however the request
// target is spelt on the wire, whatever the method and the spoofing headers.
import { createDb } from '@ceasefire/db';
import { createLogger } from '@ceasefire/runtime';
import { isRefusal, listenOnLoopback, rawRequest, unauthenticatedRequest } from '@ceasefire/runtime/auth-probe';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOperatorApi } from './http.ts';

const TOKEN = 'property-test-token-0123456789';
let app: FastifyInstance;
let db: Knex;
let port: number;

beforeAll(async () => {
  // Unreachable: a handler that ran would answer 5xx, never 401.
  db = createDb({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
  app = buildOperatorApi({ db, token: TOKEN, rateLimitPerMinute: 0, authFailuresPerMinute: 0, logger: createLogger({ service: 'test', level: 'silent' }) });
  port = await listenOnLoopback(app);
});

afterAll(async () => {
  await app.close();
  await db.destroy();
});

describe('operator API authentication', () => {
  it('no spelling, method or header set gets past without a valid token', async () => {
    const routes = ['/agreements', '/agreements/ag_1', '/agreements/ag_1/end', '/alerts', '/alerts/al_1', '/alerts/al_1/ack'];
    await fc.assert(
      fc.asyncProperty(unauthenticatedRequest(routes, TOKEN), async ({ head, body }) => {
        const { status } = await rawRequest(port, head, body);
        expect(isRefusal(status), `${status} for ${JSON.stringify(head)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
