import { alertsTopic, encodeMessage, topicName } from '@ceasefire/contracts';
import { PipelineError, type Producer } from '@ceasefire/runtime';
import { ChannelFailure, type Channel, type OutgoingNotification } from './types.ts';

/**
 * The `alerts` topic for downstream systems, keyed by alert group. The envelope id is the
 * notification's, so a consumer can drop a re-publish after a crash.
 */
export function topicChannel(options: { producer: Producer; topicPrefix: string }): Channel {
  const topic = topicName(alertsTopic, options.topicPrefix);
  return {
    name: 'topic',
    async send(n: OutgoingNotification) {
      const value = encodeMessage(alertsTopic, n.message);
      try {
        await options.producer.publish(topic, [
          { key: n.message.data.group_key, value, headers: { 'idempotency-key': n.idempotencyKey } },
        ]);
      } catch (e) {
        const code = e instanceof PipelineError && !e.retryable ? 'unprocessable' : 'channel_unavailable';
        throw new ChannelFailure(
          code,
          `publish to ${topic} failed: ${e instanceof Error ? e.message : String(e)}`,
          null,
          { cause: e },
        );
      }
      return { responseCode: null };
    },
  };
}
