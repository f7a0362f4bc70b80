// The ingest API's connection deadlines (issue #15): a body dripped slower than the request
// deadline is cut, and close() does not wait for it.
import type { Ingestor } from '@ceasefire/ingest';
import { createLogger } from '@ceasefire/runtime';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { buildHttpApi } from './http.ts';

const TOKEN = 'deadline-test-token-0123456789';

describe('ingest API deadlines', () => {
  it('answers 408 and closes a connection whose body does not arrive within the request deadline', async () => {
    const ingestor = { ingest: async () => ({ ok: true, id: 'st_1', duplicate: false }), ingestMany: async () => [] } as unknown as Ingestor;
    const app = buildHttpApi({ ingestor, token: TOKEN, bodyLimit: 1024, batchMax: 10, rateLimitPerMinute: 0, authFailuresPerMinute: 0, logger: createLogger({ service: 'test', level: 'silent' }), timeouts: { headersMs: 500, requestMs: 1_000, idleMs: 5_000 } });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const port = (app.server.address() as AddressInfo).port;
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(`POST /v1/statements HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"text":`);
        // A byte now and then, as the probe's slow client did.
        const drip = setInterval(() => socket.write(' '), 200);
        let received = '';
        socket.on('data', (c: Buffer) => (received += c.toString()));
        socket.on('close', () => {
          clearInterval(drip);
          resolve(received);
        });
        socket.on('error', () => undefined);
      });
    });
    const took = Date.now() - started;
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    // The deadline (1 s) plus Node's check interval (1 s), not Node's default of five minutes.
    expect(took).toBeLessThan(4_000);
    await app.close();
  });
});
