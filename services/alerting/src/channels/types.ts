import type { AlertMessage } from '@ceasefire/contracts';
import { PipelineError } from '@ceasefire/runtime';

/** One notification on its way to one channel. */
export interface OutgoingNotification {
  /** The `alerts` topic message: the same for every channel and every attempt. */
  readonly message: AlertMessage;
  /** Stable across retries: receivers drop a notification they have already seen by it. */
  readonly idempotencyKey: string;
  readonly attempt: number;
}

/** What a channel answered. */
export interface SendResult {
  /** HTTP status or SMTP reply code, when the channel has one. */
  readonly responseCode: number | null;
}

/**
 * An alert channel. `send` resolves once the receiver has the notification and throws a
 * {@link ChannelFailure} otherwise: retryable (`channel_unavailable`) when trying again may help,
 * permanent (`unprocessable`) when the receiver refused the notification itself.
 */
export interface Channel {
  /** The name routes refer to: `webhook`, `chat`, `email`, `topic`, `log`. */
  readonly name: string;
  send(notification: OutgoingNotification, signal: AbortSignal): Promise<SendResult>;
  close?(): Promise<void>;
}

/** A failed delivery, with the receiver's response code when there was one. */
export class ChannelFailure extends PipelineError {
  constructor(
    code: 'channel_unavailable' | 'unprocessable',
    message: string,
    readonly responseCode: number | null,
    options?: { cause?: unknown },
  ) {
    super(code, message, options);
  }
}

/** HTTP statuses worth retrying: timeouts, rate limits and server errors. */
export function retryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || status >= 500;
}

/** Posts JSON, mapping the outcome onto {@link ChannelFailure}. */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<SendResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
    });
  } catch (e) {
    throw new ChannelFailure(
      'channel_unavailable',
      `POST failed: ${e instanceof Error ? e.message : String(e)}`,
      null,
      { cause: e },
    );
  }
  // Drain the body so the connection is reused; its text helps the operator read the failure.
  const text = await response.text().catch(() => '');
  if (response.ok) return { responseCode: response.status };
  const message = `receiver answered ${response.status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  throw new ChannelFailure(
    retryableStatus(response.status) ? 'channel_unavailable' : 'unprocessable',
    message,
    response.status,
  );
}
