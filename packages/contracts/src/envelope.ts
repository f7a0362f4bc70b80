import { z } from 'zod';

/**
 * The envelope every message travels in (CloudEvents 1.0 attributes, JSON encoding).
 * `type` names the message and `dataschema` its major version: a consumer dispatches on `type`
 * and refuses a `dataschema` it does not know instead of guessing.
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
