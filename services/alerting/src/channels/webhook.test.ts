import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './webhook.ts';

const secret = 'a-shared-secret-of-some-length';
const body = JSON.stringify({ hello: 'операторы' });
const now = new Date('2026-11-28T12:00:00Z');
const ts = Math.floor(now.getTime() / 1000);

describe('webhook signatures', () => {
  it('accepts what it signed, within the window', () => {
    const signature = signWebhook(secret, ts, body);
    expect(signature).toMatch(/^v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, body, timestamp: String(ts), signature, now })).toEqual({
      ok: true,
    });
    expect(
      verifyWebhookSignature({
        secret,
        body: Buffer.from(body),
        timestamp: String(ts - 299),
        signature: signWebhook(secret, ts - 299, body),
        now,
      }),
    ).toEqual({ ok: true });
  });

  it('refuses a tampered body, a wrong secret, a moved timestamp', () => {
    const signature = signWebhook(secret, ts, body);
    expect(
      verifyWebhookSignature({ secret, body: body + ' ', timestamp: String(ts), signature, now }),
    ).toEqual({ ok: false, reason: 'bad_signature' });
    expect(
      verifyWebhookSignature({
        secret: 'another-secret-entirely',
        body,
        timestamp: String(ts),
        signature,
        now,
      }),
    ).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifyWebhookSignature({ secret, body, timestamp: String(ts + 1), signature, now })).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(verifyWebhookSignature({ secret, body, timestamp: String(ts), signature: 'v1=abc', now })).toEqual(
      { ok: false, reason: 'bad_signature' },
    );
  });

  it('refuses a replay outside the window, and missing or malformed headers', () => {
    const old = ts - 301;
    const signedLongAgo = (toleranceSeconds?: number) =>
      verifyWebhookSignature({ secret, body, timestamp: String(old), signature: signWebhook(secret, old, body), now, ...(toleranceSeconds ? { toleranceSeconds } : {}) });
    expect(signedLongAgo()).toEqual({ ok: false, reason: 'outside_window' });
    expect(signedLongAgo(600)).toEqual({ ok: true });
    expect(verifyWebhookSignature({ secret, body, timestamp: undefined, signature: 'v1=00', now })).toEqual({
      ok: false,
      reason: 'missing_headers',
    });
    expect(verifyWebhookSignature({ secret, body, timestamp: '12.5', signature: 'v1=00', now })).toEqual({
      ok: false,
      reason: 'bad_timestamp',
    });
  });

  it('accepts any of several secrets while they rotate, and several signatures', () => {
    const signature = `v1=deadbeef, ${signWebhook('the-new-secret-value', ts, body)}`;
    expect(
      verifyWebhookSignature({
        secret: ['the-old-secret-value', 'the-new-secret-value'],
        body,
        timestamp: String(ts),
        signature,
        now,
      }),
    ).toEqual({ ok: true });
  });
});
