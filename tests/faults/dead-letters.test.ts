// The dead-letter path against a real broker and Postgres, with the classifier and alerting
// workers as processes (issue #15): the poison messages that were lost (too large for the DLQ,
// NUL in a key or header, invalid UTF-8 in a header) each end as exactly one durable dead letter;
// a property over arbitrary bytes on both consumed topics; and when neither the DLQ topic nor
// the table takes a dead letter, the partition is held (not committed), the worker stays alive
// and /readyz says so, until one of them takes it.
import { statementsTopic, violationEventsTopic } from '@ceasefire/contracts';
import { insertStatements } from '@ceasefire/db';
import { topicConfigs } from '@ceasefire/runtime';
import fc from 'fast-check';
// eslint-disable-next-line no-restricted-imports -- keys and headers as raw bytes (NUL, invalid UTF-8): the runtime's producer takes strings
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, privateStage, services, topicSize, type PrivateStage } from '../support/harness.ts';
import { statementMessage, encodedStatement } from '../support/messages.ts';
import { startWorker, stopAllWorkers, type WorkerProcess } from '../support/workers.ts';

let stage: PrivateStage;
let classifier: WorkerProcess;
let alerting: WorkerProcess;
const topics = [statementsTopic, violationEventsTopic];
const groupOf = (topic: string) => (topic === statementsTopic.name ? `${stage.prefix}ceasefire-classifier` : `${stage.prefix}ceasefire-alerting`);
// A raw client: headers as bytes (the project's producer takes strings only).
const raw = new Kafka({ clientId: 'dead-letters-test', brokers: services().brokers, logLevel: logLevel.NOTHING }).producer();

beforeAll(async () => {
  stage = await privateStage('deadl');
  await raw.connect();
  [classifier, alerting] = await Promise.all([startWorker('classifier', stage.env), startWorker('alerting', { ...stage.env, ALERT_TICK_MS: '1000' })]);
}, 120_000);

afterAll(async () => {
  await raw.disconnect();
  await stopAllWorkers();
  await stage?.close();
});

/** Waits until each consumed topic's group has committed everything written to it. */
async function allCommitted(timeoutMs = 60_000): Promise<void> {
  for (const t of topics) {
    const name = stage.prefix + t.name;
    await eventually(
      async () => {
        const [ends, committed] = await Promise.all([stage.admin.endOffsets(name), stage.admin.committedOffsets(groupOf(t.name), name)]);
        return ends.every((e) => Number(e.offset) === 0 || Number(committed.find((c) => c.partition === e.partition)?.offset ?? -1) >= Number(e.offset)) || undefined;
      },
      timeoutMs,
      `${name} committed to its end`,
    );
  }
}

const alive = () => {
  expect(classifier.child.exitCode, 'classifier running').toBeNull();
  expect(alerting.child.exitCode, 'alerting running').toBeNull();
};

describe('poison messages', () => {
  it('each of the lost kinds ends as exactly one durable dead letter on both topics, and the workers go on', async () => {
    const poison = [
      { key: 'too-large', value: Buffer.alloc(1_048_300, 0x7b) },
      { key: Buffer.from('nul\u0000key'), value: Buffer.from('not json') },
      { key: 'nul-header', value: Buffer.from('not json'), headers: { 'x-note': Buffer.from('a\u0000b') } },
      { key: 'bad-utf8-header', value: Buffer.from('not json'), headers: { 'x-bytes': Buffer.from([0xff, 0xfe, 0xc3, 0x28]) } },
    ];
    for (const t of topics) await raw.send({ topic: stage.prefix + t.name, messages: poison });
    await allCommitted();
    for (const t of topics) {
      const rows = await stage.db('dead_letters').where({ topic: stage.prefix + t.name });
      expect(rows, t.name).toHaveLength(poison.length);
      const big = rows.find((r) => r.key === 'too-large');
      expect(big.payload.length).toBe(1_048_300);
      const nulKey = rows.find((r) => r.key_bytes && Buffer.from(r.key_bytes).equals(Buffer.from('nul\u0000key')));
      expect(nulKey, 'the NUL key kept as bytes').toBeTruthy();
      const badHeader = rows.find((r) => r.key === 'bad-utf8-header');
      expect(Buffer.from(badHeader.header_bytes['x-bytes'], 'base64')).toEqual(Buffer.from([0xff, 0xfe, 0xc3, 0x28]));
      const nulHeader = rows.find((r) => r.key === 'nul-header');
      expect(Buffer.from(nulHeader.header_bytes['x-note'], 'base64')).toEqual(Buffer.from('a\u0000b'));
      expect(await topicSize(stage.admin, stage.prefix + t.dlq!.name), `${t.name}.dlq once each`).toBe(poison.length);
    }
    alive();
  }, 120_000);

  it('dead-letters a valid statement missing from the store as unprocessable with a short reason', async () => {
    await stage.producer.publish(stage.prefix + statementsTopic.name, [encodedStatement(915_001)]);
    const row = await eventually(async () => (await stage.db('dead_letters').where({ key: 'st_915001' }).first()) ?? undefined, 60_000, 'the dead letter');
    expect(row.error_code).toBe('unprocessable');
    expect(row.error_message).toMatch(/not in the store/);
    expect(row.error_message.length).toBeLessThan(300);
    expect(row.error_message).not.toMatch(/insert into|select /i);
    alive();
  }, 90_000);
});

describe('property: arbitrary bytes on both consumed topics', () => {
  it('every message ends as exactly one processed result or exactly one durable dead letter, and the workers keep going', async () => {
    let n = 916_000;
    const message = fc.record({
      valid: fc.nat({ max: 3 }).map((v) => v === 0),
      value: fc.uint8Array({ maxLength: 200 }),
      key: fc.option(fc.uint8Array({ minLength: 1, maxLength: 16 }), { nil: null }),
      headers: fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.oneof(fc.uint8Array({ maxLength: 12 }), fc.constant(new Uint8Array([0, 0xff]))), { maxKeys: 3 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 8 }), async (batch) => {
        const before = new Map<string, { rows: number; dlq: number }>();
        for (const t of topics) {
          before.set(t.name, {
            rows: (await stage.db('dead_letters').where({ topic: stage.prefix + t.name })).length,
            dlq: await topicSize(stage.admin, stage.prefix + t.dlq!.name),
          });
        }
        const validIds: string[] = [];
        for (const t of topics) {
          const messages = await Promise.all(
            batch.map(async (m) => {
              let value: Buffer = Buffer.from(m.value);
              // A valid statement whose statement is stored: processed by the classifier (and a
              // contract violation for alerting, which reads violation events).
              if (m.valid) {
                const s = statementMessage(n++);
                await insertStatements(stage.db, [{ statement: s.data }]);
                validIds.push(s.data.id);
                value = encodedStatement(Number(s.data.id.slice(3))).value;
              }
              return { key: m.key ? Buffer.from(m.key) : null, value, headers: Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, Buffer.from(v)])) };
            }),
          );
          await raw.send({ topic: stage.prefix + t.name, messages });
        }
        await allCommitted();
        for (const t of topics) {
          const rows = await stage.db('dead_letters').where({ topic: stage.prefix + t.name });
          // The classifier processes the valid statements; alerting reads violation events, so a
          // statement is a contract violation there.
          const dead = t === statementsTopic ? batch.filter((m) => !m.valid).length : batch.length;
          expect(rows.length - before.get(t.name)!.rows, `${t.name}: one row per dead letter`).toBe(dead);
          expect((await topicSize(stage.admin, stage.prefix + t.dlq!.name)) - before.get(t.name)!.dlq, `${t.name}: once on the DLQ`).toBe(dead);
          expect(new Set(rows.map((r) => `${r.partition}/${r.offset}`)).size).toBe(rows.length);
        }
        // The valid statements were processed, not dead-lettered.
        expect(await stage.db('dead_letters').whereIn('key', validIds)).toHaveLength(0);
        alive();
      }),
      { numRuns: 5 },
    );
  }, 400_000);
});

describe('when neither the DLQ topic nor the table takes a dead letter', () => {
  it('holds the partition uncommitted, stays alive and unready, and goes on once the table takes it', async () => {
    const source = stage.prefix + statementsTopic.name;
    const dlq = stage.prefix + statementsTopic.dlq!.name;
    // The DLQ refuses anything over 200 bytes (even the bare form), the table every row.
    await stage.admin.alterTopicConfig(dlq, { ...topicConfigs(statementsTopic.dlq!), 'max.message.bytes': '200' });
    await stage.db.raw('alter table dead_letters add constraint refuse_all check (false) not valid');
    await raw.send({ topic: source, messages: [{ key: 'held', value: Buffer.from('not json at all') }] });
    const ready = async () => {
      const res = await fetch(`http://127.0.0.1:${classifier.healthPort}/readyz`);
      return { status: res.status, body: await res.text() };
    };
    await eventually(async () => {
      const r = await ready();
      return r.status === 503 && /dead letter/.test(r.body) ? r : undefined;
    }, 60_000, 'the classifier unready because of the held partition');
    const metrics = await (await fetch(`http://127.0.0.1:${classifier.healthPort}/metrics`)).text();
    expect(metrics).toMatch(/ceasefire_dead_letter_stalled_partitions\{[^}]*\} 1/);
    expect(await stage.db('dead_letters').where({ key: 'held' })).toHaveLength(0);
    alive();

    await stage.db.raw('alter table dead_letters drop constraint refuse_all');
    await eventually(async () => (await stage.db('dead_letters').where({ key: 'held' }).first()) ?? undefined, 60_000, 'the held dead letter stored');
    await eventually(async () => ((await ready()).status === 200 ? true : undefined), 30_000, 'ready again');
    await stage.admin.alterTopicConfig(dlq, topicConfigs(statementsTopic.dlq!));
    await allCommitted();
    alive();
  }, 180_000);
});
