import type { AlertMessage } from '@ceasefire/contracts';
import http from 'node:http';
import https from 'node:https';
import { PipelineError } from '@ceasefire/runtime';

/** One notification on its way to one channel. */
export interface OutgoingNotification {
  /** The `alerts` topic message: the same for every channel and every attempt. */
  readonly message: AlertMessage;
  /**
   * The envelope id (`<alert id>:<notification number>`): the same on every channel and every
   * retry, so receivers drop a notification they have already seen by it.
   */
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

/** The User-Agent of every HTTP request the alerting worker makes (webhook, chat). */
export const USER_AGENT = 'ceasefire-watch-alerting/0.1 (+https://ceasefire-watch.invalid)';

// Kept-alive connections per origin: a burst of notifications to one receiver reuses them.
const agents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
};

/**
 * Posts JSON, mapping the outcome onto {@link ChannelFailure}. With node:http rather than
 * fetch: a third of the CPU per request to a local receiver (webhooks were the alerting
 * worker's largest cost in the pipeline benchmark after Postgres). Redirects are not followed.
 */
export async function postJson(
  url: string,
  body: string,
  headers: Record<string, string>,
  signal: AbortSignal,
  timeoutMs: number,
): Promise<SendResult> {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const payload = Buffer.from(body, 'utf8');
  let status: number;
  let text: string;
  try {
    [status, text] = await new Promise<[number, string]>((resolve, reject) => {
      const request = transport.request(
        target,
        {
          method: 'POST',
          agent: agents[target.protocol === 'https:' ? 'https:' : 'http:'],
          headers: {
            'content-type': 'application/json',
            'user-agent': USER_AGENT,
            ...headers,
            'content-length': String(payload.length),
          },
          signal: AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]),
        },
        (response) => {
          // Read the body so the connection is reused; its text helps the operator read a failure.
          const chunks: Buffer[] = [];
          response.on('data', (c: Buffer) => chunks.push(c));
          response.on('end', () =>
            resolve([response.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')]),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(payload);
    });
  } catch (e) {
    throw new ChannelFailure(
      'channel_unavailable',
      `POST failed: ${e instanceof Error ? e.message : String(e)}`,
      null,
      { cause: e },
    );
  }
  if (status >= 200 && status < 300) return { responseCode: status };
  const message = `receiver answered ${status}${text ? `: ${text.slice(0, 200)}` : ''}`;
  throw new ChannelFailure(
    retryableStatus(status) ? 'channel_unavailable' : 'unprocessable',
    message,
    status,
  );
}
