import type { z } from 'zod';
import type { MessageTopicSpec } from './topics.ts';

/** The message a topic carries, as its catalog entry's schema says. */
export type MessageOf<T extends MessageTopicSpec> = z.input<T['schema']>;
/** The `data` of a topic's message. */
export type DataOf<T extends MessageTopicSpec> = MessageOf<T> extends { data: infer D } ? D : never;

/** What differs between two messages of one topic, besides their data. */
export interface EnvelopeMeta {
  /** Unique per message; deterministic where the producer can make it so (idempotent re-publish). */
  readonly id: string;
  /** The producing stage, e.g. `ceasefire/ingester`. */
  readonly source: string;
  readonly time: Date;
  /** What the message is about (statement id, conflict area, alert group). */
  readonly subject?: string;
}

/**
 * A topic's message around `data`: the CloudEvents attributes the catalog fixes (`type`,
 * `dataschema`, content type) come from `spec`, so no producer writes them out by hand.
 */
export function envelope<T extends MessageTopicSpec>(spec: T, data: DataOf<T>, meta: EnvelopeMeta): MessageOf<T> {
  return {
    specversion: '1.0',
    id: meta.id,
    type: spec.type,
    source: meta.source,
    time: meta.time.toISOString(),
    dataschema: spec.dataschema,
    datacontenttype: 'application/json',
    ...(meta.subject === undefined ? {} : { subject: meta.subject }),
    data,
  } as MessageOf<T>;
}
