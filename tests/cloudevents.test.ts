// Every message on the three message topics is a CloudEvent 1.0 that the official SDK reads:
// the seed statement goes through the three workers, then each topic is read with the SDK's
// Kafka binding (structured mode, found by the content-type header) and validated by it
// (absolute dataschema, required attributes), and its data still satisfies our contract.
import { decodeMessage, messageTopics, type MessageTopicSpec } from '@ceasefire/contracts';
import type { IncomingMessage } from '@ceasefire/runtime';
import { Kafka as CloudEventsKafka, type CloudEvent, type KafkaMessage } from 'cloudevents';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import seed from './fixtures/seed-statement.json' with { type: 'json' };
import { eventually, privateStage, testKafka, topicSize, type PrivateStage } from './support/harness.ts';
import { freePort, startWorker, stopAllWorkers } from './support/workers.ts';

const TOKEN = 'cloudevents-test-token-0000000';
let stage: PrivateStage;

beforeAll(async () => {
  stage = await privateStage('cloudevents');
  const port = await freePort();
  await Promise.all([
    startWorker('ingester', { ...stage.env, INGEST_TOKEN: TOKEN, HTTP_PORT: String(port) }),
    startWorker('classifier', { ...stage.env, CLASSIFIER_GROUP_ID: `${stage.prefix}classifier` }),
    startWorker('alerting', { ...stage.env, ALERT_TICK_MS: '200', DELIVERY_POLL_MS: '200' }),
  ]);
  const res = await fetch(`http://127.0.0.1:${port}/v1/statements`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(seed),
  });
  expect(res.status).toBe(202);
});

afterAll(async () => {
  await stopAllWorkers();
  await stage?.close();
});

/** Every message of a topic, read from the beginning by a group of its own. */
async function readAll(topic: string): Promise<IncomingMessage[]> {
  const size = await eventually(async () => ((await topicSize(stage.admin, topic)) > 0 ? topicSize(stage.admin, topic) : undefined), 60_000, `messages on ${topic}`);
  const got: IncomingMessage[] = [];
  const consumer = testKafka('cloudevents-reader').consumer({
    groupId: `${topic}.cloudevents-reader`,
    topics: [topic],
    fromBeginning: true,
    async handleBatch(batch) {
      got.push(...batch.messages);
    },
  });
  await consumer.start();
  try {
    await eventually(() => (got.length >= size ? true : undefined), 30_000, `${size} messages read from ${topic}`);
  } finally {
    await consumer.stop();
  }
  return got;
}

describe('CloudEvents', () => {
  it.each(messageTopics.map((t) => [t.name, t] as const))('the official SDK reads every message on %s as a valid event', async (_name, spec) => {
    const messages = await readAll(stage.prefix + spec.name);
    expect(messages.length).toBeGreaterThan(0);
    for (const m of messages) {
      expect(m.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
      const message: KafkaMessage<string> = {
        key: m.key?.toString('utf8') ?? '',
        value: m.value!.toString('utf8'),
        headers: m.headers,
        body: undefined,
        timestamp: String(m.timestamp),
      };
      const event = CloudEventsKafka.toEvent(message);
      // The binding builds instances of its CloudEvent class (typed as the plain interface).
      const single = (Array.isArray(event) ? event[0] : event) as CloudEvent<unknown>;
      // toEvent builds without checking; validate() applies the spec (URI dataschema, required attributes).
      expect(single.validate()).toBe(true);
      expect(single.specversion).toBe('1.0');
      expect(single.dataschema).toBe(spec.dataschema);
      expect(new URL(single.dataschema!).protocol).toBe('https:');
      expect(single.datacontenttype).toBe('application/json');
      // What the SDK gives back is still our message.
      const ours = decodeMessage(spec as MessageTopicSpec, m.value) as { id: string; type: string; data: unknown };
      expect(single.id).toBe(ours.id);
      expect(single.type).toBe(ours.type);
      expect(single.data).toEqual(ours.data);
    }
  });
});
