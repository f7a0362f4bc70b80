// Property: whatever bytes arrive on a consumed topic (values, keys, headers), and whatever the
// DLQ topic and the dead_letters table refuse, every message ends as exactly one processed
// result or exactly one durable dead letter before its offset is committed, and the loop goes on.
import { statementsTopic, violationEventsTopic, type DeadLetter, type MessageTopicSpec } from '@ceasefire/contracts';
import type { z } from 'zod';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DLQ_HEAD_BYTES, createConsumerLoop } from './consumer-loop.ts';
import { PipelineError } from './errors.ts';
import { kafkajsError } from './kafka/errors.ts';
import type { BatchControl, IncomingMessage, OutgoingMessage } from './kafka/types.ts';
import { createLogger } from './logger.ts';
import { encodedStatement, fakeKafka } from './testing.ts';

// The broker's default message.max.bytes; the DLQ message of a message near it is larger.
const BROKER_MAX = 1_048_588;

const statement = (n: number, text: string) => encodedStatement(n, { text, published_zone: null, origin: { kind: 'cli', ref: null } });

/** A broker refusal that the same request would get again, as the kafkajs adapter throws it. */
const refusal = (message: string) => kafkajsError(Object.assign(new Error(message), { name: 'KafkaJSProtocolError', retriable: false }));
const transient = () => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const hasNul = (s: string | null) => s !== null && s.includes('\u0000');

const value = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)), weight: 4 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 80 }).map((t) => ({ text: t })), weight: 4 },
  { arbitrary: fc.constantFrom(1_048_300, 950_000).map((n) => Buffer.alloc(n, 0x7b)), weight: 1 },
  { arbitrary: fc.constant(null), weight: 1 },
);
const incoming = fc.record({
  value,
  key: fc.option(fc.uint8Array({ maxLength: 20 }).map((a) => Buffer.from(a)), { nil: null }),
  headers: fc.dictionary(fc.string({ maxLength: 8 }), fc.oneof(fc.string({ maxLength: 12 }), fc.constant('a\u0000b'), fc.constant('\ufffd\u0000'))),
});
/** Each store: works, refuses this message for good, or fails transiently a few times first. */
const behaviour = fc.record({
  topicDown: fc.nat({ max: 2 }),
  tableDown: fc.nat({ max: 2 }),
  topicRefusesAll: fc.nat({ max: 9 }).map((n) => n === 0),
  tableRefusesAll: fc.nat({ max: 9 }).map((n) => n === 0),
  topicRecovers: fc.nat({ max: 3 }),
});

for (const topic of [statementsTopic, violationEventsTopic] as MessageTopicSpec<z.ZodType>[]) {
  describe(`dead-letter path on ${topic.name}`, () => {
    it('every message ends as exactly one processed result or one durable dead letter, and the loop goes on', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.array(incoming, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 }), behaviour, async (batches, b) => {
          const processed: string[] = [];
          const onTopic: OutgoingMessage[] = [];
          const inTable = new Map<string, DeadLetter>();
          let topicDown = b.topicDown;
          let tableDown = b.tableDown;
          // Both stores refusing everything: the partition is held until one recovers.
          let topicRefusals = b.topicRefusesAll && b.tableRefusesAll ? b.topicRecovers + 1 : b.topicRefusesAll ? Infinity : 0;
          const { fake: kafka, consumed } = fakeKafka();
          const loop = createConsumerLoop({
            stage: 'test',
            kafka,
            groupId: 'g',
            topic,
            topicPrefix: '',
            logger: createLogger({ service: 'test', level: 'silent' }),
            retry: { initialDelayMs: 1, maxDelayMs: 2, internalAttempts: 2 },
            sleep: async () => {},
            producer: {
              disconnect: async () => {},
              publish: async (_t, messages) => {
                if (topicDown-- > 0) throw transient();
                if (topicRefusals-- > 0) throw refusal('refused');
                for (const m of messages) {
                  const size = m.value.length + Object.entries(m.headers ?? {}).reduce((n, [k, v]) => n + k.length + v.length, 0);
                  if (size > BROKER_MAX) throw refusal('The request included a message larger than the max message size the server will accept');
                }
                onTopic.push(...messages);
              },
            },
            recordDeadLetter: async (e) => {
              if (tableDown-- > 0) throw transient();
              if (b.tableRefusesAll) throw Object.assign(new Error('permission denied'), { code: '42501' });
              // Postgres: text and jsonb hold no NUL.
              if (hasNul(e.key) || hasNul(e.errorMessage) || Object.entries(e.headers).some(([k, v]) => hasNul(k) || hasNul(v))) {
                throw Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' });
              }
              inTable.set(`${e.partition}/${e.offset}`, e);
            },
            handle: async (items) => {
              // A valid message the handler cannot take (its text says so) fails the batch for good.
              if (items.some((i) => (i.value as { data?: { text?: string } }).data?.text?.includes('~'))) throw new PipelineError('unprocessable', 'poison');
              processed.push(...items.map((i) => `${i.message.partition}/${i.message.offset}`));
            },
          });
          const control: BatchControl = { heartbeat: async () => {}, isRunning: () => true, signal: new AbortController().signal };
          let offset = 0;
          const all: string[] = [];
          for (const batch of batches) {
            const messages: IncomingMessage[] = batch.map((m) => {
              const o = String(offset++);
              all.push(`0/${o}`);
              const v = m.value === null || Buffer.isBuffer(m.value) ? m.value : statement(offset, m.value.text);
              return { topic: topic.name, partition: 0, offset: o, key: m.key, value: v, headers: m.headers, timestamp: 0 };
            });
            // Resolving is what lets the client commit: it must resolve, and only after the above.
            await consumed().handleBatch({ topic: topic.name, partition: 0, highWatermark: String(offset), messages }, control);
            expect(loop.stalledPartitions()).toEqual([]);
          }
          for (const at of all) {
            const done = processed.filter((p) => p === at).length;
            const letters = onTopic.filter((m) => `${m.headers!['dlq.original.partition']}/${m.headers!['dlq.original.offset']}` === at);
            const row = inTable.get(at);
            if (done > 0) {
              expect(done, at).toBe(1);
              expect(letters.length + (row ? 1 : 0), at).toBe(0);
            } else {
              expect(letters.length, `${at} on the DLQ at most once`).toBeLessThanOrEqual(1);
              expect(letters.length + (row ? 1 : 0), `${at} stored somewhere`).toBeGreaterThan(0);
              for (const l of letters) {
                if (l.headers!['dlq.truncated']) {
                  expect(l.value.length).toBeLessThanOrEqual(DLQ_HEAD_BYTES);
                  expect(Number(l.headers!['dlq.original.size'])).toBeGreaterThan(l.value.length);
                  expect(l.headers!['dlq.original.sha256']).toMatch(/^[0-9a-f]{64}$/);
                }
                expect(l.headers!['dlq.error.code']).toBeTruthy();
              }
              if (row) expect(row.payload?.length ?? 0).toBeGreaterThanOrEqual(0);
            }
          }
        }),
        { numRuns: 100 },
      );
    }, 60_000);
  });
}
