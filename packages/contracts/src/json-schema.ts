import { z } from 'zod';
import { schemaUri } from './envelope.ts';
import { messageTopics } from './topics.ts';

/** JSON Schema (draft 2020-12) of each message topic's envelope, for consumers in other languages. */
export function jsonSchemas(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const topic of messageTopics) {
    out[`${topic.name}.schema.json`] = {
      $id: schemaUri(topic.name),
      title: `Message on ${topic.name}`,
      description: topic.description,
      ...z.toJSONSchema(topic.schema, { target: 'draft-2020-12', io: 'output' }),
    };
  }
  return out;
}
