import { z } from 'zod';

/** Where the JSON Schemas of the messages are published: their `$id`s start so. */
export const SCHEMA_BASE_URI = 'https://ceasefire-watch.invalid/schemas/' as const;

/**
 * The `dataschema` of a topic's messages: the absolute URI that CloudEvents 1.0 requires, the
 * `$id` of the topic's JSON Schema (packages/contracts/schemas/). A breaking change of a message
 * gets a schema of its own, under a new name, so the URI names the major version too.
 */
export const schemaUri = <N extends string>(topicName: N) => `${SCHEMA_BASE_URI}${topicName}.schema.json` as const;

/**
 * The media type of a message in CloudEvents' structured mode (the whole event, attributes and
 * data, is the JSON value); every producer sends it as the `content-type` header, which is how
 * CloudEvents' Kafka binding recognises an event.
 */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/**
 * The envelope every message travels in (CloudEvents 1.0 attributes, JSON encoding).
 * `type` names the message and `dataschema` its schema and major version: a consumer dispatches on
 * `type` and refuses a `dataschema` it does not know instead of guessing.
 */
export function envelopeOf<T extends string, V extends string, D extends z.ZodType>(type: T, dataschema: V, data: D) {
  return z
    .object({
      specversion: z.literal('1.0'),
      /** Unique per message; deterministic where the producer can make it so (idempotent re-publish). */
      id: z.string().min(1).max(200),
      type: z.literal(type),
      /** The producing stage, e.g. `ceasefire/ingester`. */
      source: z.string().min(1).max(200),
      /** When the message was produced (RFC 3339 with offset). */
      time: z.iso.datetime({ offset: true }),
      dataschema: z.literal(dataschema),
      datacontenttype: z.literal('application/json'),
      /** What the message is about (statement id, conflict area, alert group). */
      subject: z.string().max(500).optional(),
      data,
    })
    .strict();
}

/** Common envelope fields, as a plain type, for code that handles any message. */
export interface EnvelopeHeader {
  specversion: '1.0';
  id: string;
  type: string;
  source: string;
  time: string;
  dataschema: string;
  datacontenttype: 'application/json';
  subject?: string;
}
