import { createHmac, timingSafeEqual } from 'node:crypto';
import { alertmanagerPayload } from './alertmanager.ts';
import { postJson, type Channel, type OutgoingNotification, type SendResult } from './types.ts';

/** Header with the Unix time (seconds) the request was signed at. */
export const TIMESTAMP_HEADER = 'x-ceasefire-timestamp';
/** Header with `v1=<hex HMAC-SHA256 of "${timestamp}.${body}">`; several, comma-separated, while secrets rotate. */
export const SIGNATURE_HEADER = 'x-ceasefire-signature';
/** Header with the notification's idempotency key: the same on every retry. */
export const IDEMPOTENCY_HEADER = 'x-ceasefire-idempotency-key';

/** The `v1` signature of a body signed at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/** Why {@link verifyWebhookSignature} refused a request. */
export type SignatureRefusal = 'missing_headers' | 'bad_timestamp' | 'outside_window' | 'bad_signature';

/** Input of {@link verifyWebhookSignature}. */
export interface VerifyWebhookInput {
  /** The shared secret, or several while rotating. */
  readonly secret: string | readonly string[];
  /** The raw request body, exactly as received (not re-serialised JSON). */
  readonly body: string | Buffer;
  /** Value of `x-ceasefire-timestamp`. */
  readonly timestamp: string | undefined | null;
  /** Value of `x-ceasefire-signature`. */
  readonly signature: string | undefined | null;
  /** The receiver's clock. */
  readonly now?: Date;
  /** How old (or how far in the future) a signature may be: the replay window. Default 300 s. */
  readonly toleranceSeconds?: number;
}

/**
 * For receivers: checks that a webhook request was signed with the shared secret and recently.
 * A captured request replayed after the window is refused even though its signature is valid;
 * within the window, drop repeats by `x-ceasefire-idempotency-key`. Compares in constant time.
 */
export function verifyWebhookSignature(
  input: VerifyWebhookInput,
): { ok: true } | { ok: false; reason: SignatureRefusal } {
  if (!input.timestamp || !input.signature) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,12}$/.test(input.timestamp)) return { ok: false, reason: 'bad_timestamp' };
  const timestamp = Number(input.timestamp);
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - timestamp) > (input.toleranceSeconds ?? 300))
    return { ok: false, reason: 'outside_window' };
  const body = typeof input.body === 'string' ? input.body : input.body.toString('utf8');
  const secrets = typeof input.secret === 'string' ? [input.secret] : input.secret;
  const given = input.signature
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('v1='))
    .map((s) => Buffer.from(s));
  for (const secret of secrets) {
    const expected = Buffer.from(signWebhook(secret, timestamp, body));
    if (given.some((g) => g.length === expected.length && timingSafeEqual(g, expected))) return { ok: true };
  }
  return { ok: false, reason: 'bad_signature' };
}

/** Options of {@link webhookChannel}. */
export interface WebhookOptions {
  readonly name?: string;
  readonly url: string;
  readonly secret: string;
  readonly timeoutMs: number;
  /** The body: the alerts topic message (default) or Alertmanager's webhook payload (version 4). */
  readonly format?: 'ceasefire' | 'alertmanager';
  /** The dashboard's address (Alertmanager's `externalURL`). */
  readonly publicUrl?: string | null;
  /** Clock for the signature's timestamp (tests). */
  readonly now?: () => Date;
}

/**
 * Signed webhook: POSTs the alerts topic message (or, with `format: 'alertmanager'`,
 * Alertmanager's webhook payload) as JSON, signed at each attempt (so a retry is inside the
 * receiver's replay window), with the idempotency key (the envelope id) in a header.
 */
export function webhookChannel(options: WebhookOptions): Channel {
  const now = options.now ?? (() => new Date());
  const name = options.name ?? 'webhook';
  return {
    name,
    async send(n: OutgoingNotification, signal: AbortSignal): Promise<SendResult> {
      const body = JSON.stringify(
        options.format === 'alertmanager'
          ? alertmanagerPayload(n.message, { receiver: name, externalUrl: options.publicUrl ?? null })
          : n.message,
      );
      const timestamp = Math.floor(now().getTime() / 1000);
      return postJson(
        options.url,
        body,
        {
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: signWebhook(options.secret, timestamp, body),
          [IDEMPOTENCY_HEADER]: n.idempotencyKey,
          'x-ceasefire-attempt': String(n.attempt),
        },
        signal,
        options.timeoutMs,
      );
    },
  };
}
