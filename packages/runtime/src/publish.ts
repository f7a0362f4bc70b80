import { encodeMessage, topicName, type MessageOf, type MessageTopicSpec } from '@ceasefire/contracts';
import type { Producer } from './kafka/types.ts';

/** One message for a catalog topic, before encoding. */
export interface CatalogMessage<T extends MessageTopicSpec> {
  readonly key: string | null;
  readonly message: MessageOf<T>;
  readonly headers?: Record<string, string>;
}

/**
 * Publishes messages of one catalog topic to its name in this deployment. Each is validated
 * against the topic's contract and encoded (a ContractError before anything is sent), unless the
 * producer passes an `encode` of its own (the classifier's, which trusts what it built).
 */
export async function publish<T extends MessageTopicSpec>(
  producer: Pick<Producer, 'publish'>,
  spec: T,
  prefix: string,
  messages: readonly CatalogMessage<T>[],
  encode: (message: MessageOf<T>) => Buffer = (m) => encodeMessage(spec, m),
): Promise<void> {
  await producer.publish(
    topicName(spec, prefix),
    messages.map((m) => ({ key: m.key, value: encode(m.message), ...(m.headers ? { headers: m.headers } : {}) })),
  );
}
