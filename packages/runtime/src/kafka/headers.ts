import { CLOUDEVENTS_CONTENT_TYPE } from '@ceasefire/contracts';

/**
 * The headers a message is sent with: every message of ours is a CloudEvent in structured mode,
 * so `content-type` says so (CloudEvents' Kafka binding finds no event without it), unless the
 * caller names another (a dead letter keeps its original's).
 */
export function headersToSend(headers: Record<string, string> | undefined): Record<string, string> {
  return { 'content-type': CLOUDEVENTS_CONTENT_TYPE, ...headers };
}
