// Property: no route of the ingest API answers without a valid token, however the request
// target is spelt on the wire, whatever the method and the spoofing headers.
import type { Ingestor } from '@ceasefire/ingest';
import { createLogger } from '@ceasefire/runtime';
import { isRefusal, listenOnLoopback, rawRequest, unauthenticatedRequest } from '@ceasefire/runtime/auth-probe';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHttpApi } from './http.ts';

const TOKEN = 'property-test-token-0123456789';
let app: FastifyInstance;
let port: number;

beforeAll(async () => {
  // Accepts everything: a request that reached a handler would be answered 202.
  const ingestor = {
    ingest: async () => ({ ok: true, id: 'st_1', duplicate: false }),
    ingestMany: async (items: unknown[]) => items.map(() => ({ ok: true, id: 'st_1', duplicate: false })),
  } as unknown as Ingestor;
  app = buildHttpApi({ ingestor, token: TOKEN, bodyLimit: 1024, batchMax: 10, rateLimitPerMinute: 0, authFailuresPerMinute: 0, logger: createLogger({ service: 'test', level: 'silent' }) });
  port = await listenOnLoopback(app);
});

afterAll(async () => {
  await app.close();
});

describe('ingest API authentication', () => {
  it('answers the same raw requests with the token (any case of the scheme)', async () => {
    const body = '{"text":"x"}';
    const ok = await rawRequest(port, `POST /%76%31/statements HTTP/1.1\r\nHost: x\r\nAuthorization: bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n`, body);
    expect(ok.status).toBe(202);
  });

  it('no spelling, method or header set gets past without a valid token', async () => {
    await fc.assert(
      fc.asyncProperty(unauthenticatedRequest(['/v1/statements', '/v1/statements/batch'], TOKEN), async ({ head, body }) => {
        const { status } = await rawRequest(port, head, body);
        expect(isRefusal(status), `${status} for ${JSON.stringify(head)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 60_000);
});
