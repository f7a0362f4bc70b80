// Webhook signatures from the receiving side: a receiver built on `verifyWebhookSignature`, as the
// alerting README tells operators to write one, gets real requests from the webhook channel,
// then an attacker replays a captured request. Inside the window the signature still holds, so
// the receiver drops the repeat by its idempotency key; after the window it is refused; a
// tampered body or a re-signed timestamp without the secret is refused at any time.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '@ceasefire/alerting-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookChannel } from '../services/alerting/src/channels/webhook.ts';

const SECRET = 'receiver-side-secret-0123456789';
let server: Server;
let url: string;
/** The receiver's clock, moved by the test. */
let receiverNow = new Date('2026-11-28T12:00:00Z');
const seenKeys = new Set<string>();
const captured: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
const outcomes: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      captured.push({ headers: req.headers, body });
      const v = verifyWebhookSignature({
        secret: SECRET,
        body,
        timestamp: req.headers[TIMESTAMP_HEADER] as string | undefined,
        signature: req.headers[SIGNATURE_HEADER] as string | undefined,
        now: receiverNow,
      });
      if (!v.ok) {
        outcomes.push(`refused:${v.reason}`);
        return void res.writeHead(401).end(v.reason);
      }
      const key = String(req.headers[IDEMPOTENCY_HEADER]);
      if (seenKeys.has(key)) {
        outcomes.push('duplicate');
        return void res.writeHead(200).end('already have it');
      }
      seenKeys.add(key);
      outcomes.push('accepted');
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function replay(req: { headers: IncomingHttpHeaders; body: string }, change: { body?: string; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  for (const h of [TIMESTAMP_HEADER, SIGNATURE_HEADER, IDEMPOTENCY_HEADER]) headers[h] = String(req.headers[h]);
  return (await fetch(url, { method: 'POST', headers: { ...headers, ...change.headers }, body: change.body ?? req.body })).status;
}

describe('a webhook receiver', () => {
  it('accepts a signed notification, drops a replay inside the window by key, refuses one after it and any forgery', async () => {
    const channel = webhookChannel({ url, secret: SECRET, timeoutMs: 2_000, now: () => receiverNow });
    const message = { specversion: '1.0', id: 'al_1:opened:1', type: 'ceasefire.alert', data: { alert_id: 'al_1', notification: 'opened' } } as never;
    await channel.send({ message, idempotencyKey: 'idem-1', attempt: 1 }, new AbortController().signal);
    // A retry of the same notification (the worker did not see the answer): same key.
    await channel.send({ message, idempotencyKey: 'idem-1', attempt: 2 }, new AbortController().signal);
    expect(outcomes).toEqual(['accepted', 'duplicate']);
    const original = captured[0]!;

    // Replayed by an attacker 2 minutes later: valid signature, already seen.
    receiverNow = new Date(receiverNow.getTime() + 120_000);
    expect(await replay(original)).toBe(200);
    expect(outcomes.at(-1)).toBe('duplicate');
    // Replayed 6 minutes later: outside the 5-minute window.
    receiverNow = new Date(receiverNow.getTime() + 240_000);
    expect(await replay(original)).toBe(401);
    expect(outcomes.at(-1)).toBe('refused:outside_window');
    // Fresh timestamp without the secret, a tampered body, a new key on an old signature: refused.
    const now = String(Math.floor(receiverNow.getTime() / 1000));
    expect(await replay(original, { headers: { [TIMESTAMP_HEADER]: now } })).toBe(401);
    expect(outcomes.at(-1)).toBe('refused:bad_signature');
    receiverNow = new Date(receiverNow.getTime() - 360_000);
    expect(await replay(original, { body: original.body.replace('opened', 'resolved') })).toBe(401);
    expect(outcomes.at(-1)).toBe('refused:bad_signature');
    expect(await replay(original, { headers: { [SIGNATURE_HEADER]: 'v1=00' } })).toBe(401);
    expect(await replay(original, { headers: { [TIMESTAMP_HEADER]: '', [SIGNATURE_HEADER]: '' } })).toBe(401);
    expect(outcomes.at(-1)).toBe('refused:missing_headers');
    expect(seenKeys.size).toBe(1);
  });
});
