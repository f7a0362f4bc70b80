// Ingester and classifier as separate processes on real Kafka and Postgres: a statement posted
// over HTTP becomes stored events with places and evidence, a casualty report and an incident,
// published on the events topic; a SIGKILL mid-batch leaves neither gaps nor duplicates; a
// poison message goes to the DLQ while the rest flows; a replay supersedes older events.
import { statementsTopic, violationEventsTopic, topicName } from '@ceasefire/contracts';
import { EXTRACTOR_VERSION, extract } from '@ceasefire/extraction';
import type { Admin, Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replayCommand } from '../packages/cli/src/commands/replay.ts';
import { eventually, privateStage, type PrivateStage, readTopicWithKcat, topicSize } from './support/harness.ts';
import { freePort, repoRoot, startWorker, stopAllWorkers, type WorkerProcess } from './support/workers.ts';
import seed from './fixtures/seed-statement.json' with { type: 'json' };

const TOKEN = 'classifier-test-token-000000';
let admin: Admin;
let producer: Producer;
let prefix: string;
let stage: PrivateStage;
let db: Knex;
let api: string;
let env: Record<string, string>;
let classifier: WorkerProcess;

async function post(body: unknown, path = '/v1/statements') {
  const res = await fetch(`${api}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(202);
  return (await res.json()) as { id: string; results?: Array<{ id: string }> };
}

/** A statement with known content, numbered so each has its own id and day. */
function generated(n: number) {
  const day = String((n % 28) + 1).padStart(2, '0');
  return {
    text: `The Border Service of the GKNB of the Kyrgyz Republic reports that on ${Number(day)} August 2023 at 21:${String(n % 60).padStart(2, '0')} the Tajik side opened fire with automatic weapons on the positions of the Kyrgyz border outpost near the village of Kulundu, Leilek district. Report ${n}.`,
    published_at: `2023-08-${day}T23:00:00+06:00`,
    source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
    language: 'en',
  };
}

beforeAll(async () => {
  stage = await privateStage('classify');
  ({ admin, producer, prefix, db } = stage);
  const httpPort = await freePort();
  api = `http://127.0.0.1:${httpPort}`;
  env = { ...stage.env, CLASSIFIER_GROUP_ID: `${prefix}classifier` };
  await startWorker('ingester', { ...env, INGEST_TOKEN: TOKEN, HTTP_PORT: String(httpPort) });
  classifier = await startWorker('classifier', env);
});

afterAll(async () => {
  await stopAllWorkers();
  await stage?.close();
});

describe('classifier', () => {
  it('turns the seed statement into stored events, a casualty report and incidents, and publishes the events', async () => {
    const { id } = await post(seed);
    const expected = extract({ id, text: seed.text, published_at: '2022-09-17T00:00:00+06:00', language: 'en', source_agency: seed.source_agency }, undefined);
    expect(expected.events.length).toBeGreaterThan(0);

    const events = await eventually(async () => {
      const rows = await db('violation_events').where({ statement_id: id }).orderBy('event_index');
      return rows.length === expected.events.length ? rows : undefined;
    }, 30_000, 'the seed events');
    expect(events.map((e) => e.type)).toEqual(expected.events.map((e) => e.type));
    expect(new Set(events.map((e) => e.extractor_version))).toEqual(new Set([EXTRACTOR_VERSION]));
    const shooting = events.find((e) => e.type === 'small_arms_fire');
    expect(shooting).toMatchObject({ date: '2022-09-16', accused_party: 'TJ', reported_by: 'KG', country_of_location: 'KG' });
    expect(shooting.area).toMatch(/^kg\.batken/);
    expect(shooting.evidence.length).toBeGreaterThan(0);
    for (const span of shooting.evidence as Array<{ start: number; end: number; text: string }>) {
      expect(seed.text.slice(span.start, span.end)).toBe(span.text);
    }
    const places = await db('violation_event_places').where({ event_id: shooting.id });
    expect(places.map((p) => p.place_id).join(' ')).toMatch(/leilek/);
    expect(shooting.incident_id).toMatch(/^in_/);
    const incident = await db('incidents').where({ id: shooting.incident_id }).first();
    expect(incident).toMatchObject({ day: '2022-09-16', report_count: 1, corroboration: 'alleged_one_side' });

    const casualty = await db('casualty_reports').where({ statement_id: id });
    expect(casualty.some((c) => c.killed === 24 && c.injured === 122 && /health/i.test(c.source_agency))).toBe(true);

    const onTopic = (await readTopicWithKcat(topicName(violationEventsTopic, prefix), events.length)).map((m) => ({
      key: m.key,
      data: JSON.parse(m.value).data,
    }));
    const seedMessages = onTopic.filter((m) => m.data.statement_id === id);
    expect(seedMessages.map((m) => m.data.id).sort()).toEqual(events.map((e) => e.id).sort());
    for (const m of seedMessages) expect(m.key).toBe(m.data.area);
  });

  it('links reports of the same clash from both sides into one incident', async () => {
    const kg = await post({
      text: 'The Border Service of the GKNB of the Kyrgyz Republic reports that on the morning of 3 March 2024 Tajik servicemen opened fire with small arms near the village of Kulundu, Leilek district.',
      published_at: '2024-03-03T12:00:00+06:00',
      source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
    });
    const tj = await post({
      text: 'The press centre of the Border Troops of the GKNB of Tajikistan reports that on the morning of 3 March 2024 Kyrgyz border guards opened fire with small arms near Kulundu in the Leilek district.',
      published_at: '2024-03-03T11:30:00+05:00',
      source_agency: 'Border Troops of the GKNB of the Republic of Tajikistan',
    });
    const incident = await eventually(async () => {
      const rows = await db('violation_events').whereIn('statement_id', [kg.id, tj.id]).whereNotNull('incident_id');
      if (rows.length < 2) return undefined;
      const ids = new Set(rows.map((r) => r.incident_id));
      return ids.size === 1 ? db('incidents').where({ id: [...ids][0] }).first() : undefined;
    }, 30_000, 'one incident for both reports');
    expect(incident).toMatchObject({ report_count: 2, corroboration: 'both_sides', sides: ['KG', 'TJ'] });
  });

  it('dead-letters a poison message with its reason and processes the messages after it', async () => {
    const topic = topicName(statementsTopic, prefix);
    await producer.publish(topic, [{ key: 'poison', value: Buffer.from('{"specversion":"1.0","data":42}') }]);
    const after = await post(generated(999));
    await eventually(async () => ((await db('violation_events').where({ statement_id: after.id })).length > 0 ? true : undefined), 30_000, 'the statement after the poison');
    const dead = await eventually(async () => (await db('dead_letters').where({ key: 'poison' }).first()) ?? undefined, 10_000, 'a dead letter');
    expect(dead).toMatchObject({ stage: 'classifier', error_code: 'contract_violation', topic });
    expect(dead.error_message).toMatch(/type/);
    const dlq = await readTopicWithKcat(topicName(statementsTopic.dlq, prefix), 1);
    expect(dlq[0]!.key).toBe('poison');
  });

  it('leaves neither gaps nor duplicates when the classifier is SIGKILLed mid-batch', async () => {
    const N = 150;
    const batch = await post(Array.from({ length: N }, (_, i) => generated(i)), '/v1/statements/batch');
    const ids = batch.results!.map((r) => r.id);
    // Kill as soon as some, but not all, are stored.
    await eventually(async () => {
      const n = Number((await db('violation_events').whereIn('statement_id', ids).countDistinct<{ n: string }[]>('statement_id as n'))[0]!.n);
      return n > 0 ? n : undefined;
    }, 30_000, 'the first statements classified');
    expect(await classifier.kill('SIGKILL')).toBe('SIGKILL');
    classifier = await startWorker('classifier', env);

    await eventually(async () => {
      const n = Number((await db('violation_events').whereIn('statement_id', ids).countDistinct<{ n: string }[]>('statement_id as n'))[0]!.n);
      return n === N ? true : undefined;
    }, 60_000, 'every statement classified');
    const perStatement = await db('violation_events')
      .whereIn('statement_id', ids)
      .whereNull('superseded_at')
      .groupBy('statement_id')
      .select('statement_id')
      .count<{ statement_id: string; count: string }[]>('* as count');
    const expected = extract({ id: 'x', ...generated(1) }, undefined).events.length;
    expect(expected).toBeGreaterThan(0);
    expect(new Set(perStatement.map((r) => Number(r.count)))).toEqual(new Set([expected]));

    // On the topic: every stored event at least once. Events are published after their batch is
    // stored, so the last ones may still be on their way when the store is complete.
    const stored = new Set((await db('violation_events').whereIn('statement_id', ids).select('id')).map((r) => r.id));
    const published = await eventually(async () => {
      const total = await topicSize(admin, topicName(violationEventsTopic, prefix));
      const messages = await readTopicWithKcat(topicName(violationEventsTopic, prefix), total);
      const seen = new Set(messages.map((m) => JSON.parse(m.value).data.id as string).filter((id) => stored.has(id)));
      return seen.size === stored.size ? seen : undefined;
    }, 30_000, 'every stored event on the topic');
    expect(published).toEqual(stored);
  });

  it('supersedes events of an older extractor version on replay, leaving one current set per statement', async () => {
    const { id } = await post(generated(500));
    await eventually(async () => ((await db('violation_events').where({ statement_id: id })).length > 0 ? true : undefined), 30_000, 'classified');
    // As if an older extractor had produced the stored rows.
    const oldIds = (await db('violation_events').where({ statement_id: id }).select('id')).map((r) => r.id);
    await db('violation_event_places').whereIn('event_id', oldIds).delete();
    await db('violation_events').where({ statement_id: id }).update({ extractor_version: '0.0.1', id: db.raw(`id || '-old'`) });
    const before = await db('violation_events').where({ statement_id: id });

    const out: string[] = [];
    const sink = { write: (s: string) => (out.push(s), true) } as unknown as NodeJS.WritableStream;
    const code = await replayCommand(['--since', '2023-08-01T00:00:00Z', '--until', '2023-09-01T00:00:00Z'], {
      stdout: sink,
      stderr: sink,
      env: { ...env },
      root: repoRoot,
    });
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/replayed \d+ statements/);

    const rows = await eventually(async () => {
      const r = await db('violation_events').where({ statement_id: id });
      return r.length === before.length * 2 ? r : undefined;
    }, 30_000, 'the replayed events');
    const current = rows.filter((r) => r.superseded_at === null);
    expect(current).toHaveLength(before.length);
    expect(new Set(current.map((r) => r.extractor_version))).toEqual(new Set([EXTRACTOR_VERSION]));
    expect(rows.filter((r) => r.extractor_version === '0.0.1').every((r) => r.superseded_at !== null)).toBe(true);

    // Replaying again with the same version changes nothing.
    await replayCommand(['--since', '2023-08-01T00:00:00Z', '--until', '2023-09-01T00:00:00Z'], { stdout: sink, stderr: sink, env: { ...env }, root: repoRoot });
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await db('violation_events').where({ statement_id: id })).toHaveLength(before.length * 2);
  });
});
