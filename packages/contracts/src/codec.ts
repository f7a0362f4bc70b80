import { z } from 'zod';
import type { MessageTopicSpec } from './topics.ts';

/** A message that does not satisfy its topic's contract. Never retryable: the bytes will not change. */
export class ContractError extends Error {
  override readonly name = 'ContractError';
  constructor(
    readonly topic: string,
    /** One line per problem, `path: what is wrong`. */
    readonly problems: string[],
  ) {
    super(`message on ${topic} breaks its contract: ${problems.join('; ')}`);
  }
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(message)'}: ${i.message}`);
}

/** Validates and serialises a message for a topic; throws ContractError before anything is sent. */
export function encodeMessage<S extends z.ZodType>(topic: MessageTopicSpec<S>, message: z.input<S>): Buffer {
  const parsed = topic.schema.safeParse(message);
  if (!parsed.success) throw new ContractError(topic.name, problemsOf(parsed.error));
  return Buffer.from(JSON.stringify(parsed.data), 'utf8');
}

/**
 * Serialises a message its producer built from values it validated already (a statement checked
 * at ingest, events built from a checked statement): validation is at the edges, once. Tests hold
 * such producers' messages to the contract.
 */
export function serializeMessage(message: unknown): Buffer {
  return Buffer.from(JSON.stringify(message), 'utf8');
}

/** Parses and validates a message read from a topic; throws ContractError with every problem found. */
export function decodeMessage<S extends z.ZodType>(topic: MessageTopicSpec<S>, bytes: Buffer | null): z.output<S> {
  if (bytes === null || bytes.length === 0) throw new ContractError(topic.name, ['(message): empty value']);
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let json: unknown;
  try {
    json = JSON.parse(text.decode(bytes));
  } catch (e) {
    const reason = e instanceof TypeError ? 'not valid UTF-8' : `not JSON (${(e as Error).message})`;
    throw new ContractError(topic.name, [`(message): ${reason}`]);
  }
  const parsed = topic.schema.safeParse(withCurrentDataschema(topic, json));
  if (!parsed.success) throw new ContractError(topic.name, problemsOf(parsed.error));
  return parsed.data;
}

/** A message of an earlier release, whose `dataschema` was a relative name, as the current one. */
function withCurrentDataschema(topic: MessageTopicSpec, json: unknown): unknown {
  if (!topic.legacyDataschemas?.length || typeof json !== 'object' || json === null || !('dataschema' in json)) return json;
  const { dataschema } = json as { dataschema: unknown };
  if (typeof dataschema !== 'string' || !topic.legacyDataschemas.includes(dataschema)) return json;
  return { ...json, dataschema: topic.dataschema };
}
