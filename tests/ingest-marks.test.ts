// The ingester records that a statement was published (`enqueued_at`) inside the next group's
// insert, not with an update and a commit of its own; marks that no insert takes go alone after
// an idle wait, and all of them before the process closes its database. Against the real
// Postgres and broker; the publisher only counts what goes through to the real producer.
import { PROFILES } from '@ceasefire/extraction';
import { agencyDirectory, createIngestor, type StatementPublisher } from '@ceasefire/ingest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateStage, type PrivateStage } from './support/harness.ts';

let stage: PrivateStage;

beforeAll(async () => {
  stage = await privateStage('ingest_marks');
});

afterAll(async () => {
  await stage?.close();
});

function ingestorWith(markIdleMs: number) {
  const published: Array<string | null> = [];
  const producer: StatementPublisher = {
    async publish(topic, messages) {
      await stage.producer.publish(topic, messages);
      published.push(...messages.map((m) => m.key));
    },
  };
  const ingestor = createIngestor({
    db: stage.db,
    producer,
    topicPrefix: stage.prefix,
    agencies: agencyDirectory(PROFILES),
    now: () => new Date(),
    source: 'test',
    markIdleMs,
  });
  return { ingestor, published };
}

const submission = (n: number) => ({
  text: `Border service of the Kyrgyz Republic: on ${n} May 2022 at 14:00 Tajik servicemen opened fire near Kok-Tash (ingest marks ${Date.now()}).`,
  language: 'en',
  source_agency: 'Border Service of the Kyrgyz Republic',
  published_at: '2022-05-01T10:00:00Z',
});

async function enqueuedAt(id: string): Promise<Date | null> {
  return ((await stage.db('statements').where({ id }).first()) as { enqueued_at: Date | null }).enqueued_at;
}

describe('marks of published statements', () => {
  it('go with the next insert, without waiting for the idle flush', async () => {
    const { ingestor, published } = ingestorWith(60_000);
    const a = await ingestor.ingest(submission(1), { kind: 'http', ref: null });
    if (!a.ok) throw new Error(a.problems.join('; '));
    expect(await enqueuedAt(a.id)).toBeNull();
    const b = await ingestor.ingest(submission(2), { kind: 'http', ref: null });
    if (!b.ok) throw new Error(b.problems.join('; '));
    // B's insert recorded A; B's own mark waits for the next insert or the flush.
    expect(await enqueuedAt(a.id)).toBeInstanceOf(Date);
    expect(await enqueuedAt(b.id)).toBeNull();
    await ingestor.settled();
    expect(await enqueuedAt(b.id)).toBeInstanceOf(Date);
    expect(published).toEqual([a.id, b.id]);
  });

  it('go alone after the idle wait when no insert comes', async () => {
    const { ingestor } = ingestorWith(30);
    const a = await ingestor.ingest(submission(3), { kind: 'http', ref: null });
    if (!a.ok) throw new Error(a.problems.join('; '));
    const started = Date.now();
    while ((await enqueuedAt(a.id)) === null && Date.now() - started < 5_000) await new Promise((r) => setTimeout(r, 10));
    expect(await enqueuedAt(a.id)).toBeInstanceOf(Date);
    await ingestor.settled();
  });

  it('are not lost when a copy of the statement comes before its mark is stored, and the copy is not published', async () => {
    const { ingestor, published } = ingestorWith(60_000);
    const s = submission(4);
    const first = await ingestor.ingest(s, { kind: 'http', ref: null });
    // The copy's insert cannot carry the statement's own mark (one statement cannot change a
    // row twice): the mark waits, and the copy is known as published meanwhile.
    const copy = await ingestor.ingest(s, { kind: 'http', ref: null });
    if (!first.ok || !copy.ok) throw new Error('rejected');
    expect(copy).toEqual({ ok: true, id: first.id, duplicate: true });
    expect(await enqueuedAt(first.id)).toBeNull();
    await ingestor.settled();
    expect(await enqueuedAt(first.id)).toBeInstanceOf(Date);
    expect(published).toEqual([first.id]);
  });

  it('answer each of many concurrent submissions with its own outcome, in groups', async () => {
    const { ingestor, published } = ingestorWith(50);
    const outcomes = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => ingestor.ingest(submission(10 + i), { kind: 'http', ref: null })),
      ingestor.ingest({ text: '' }, { kind: 'http', ref: null }),
    ]);
    expect(outcomes.slice(0, 20).every((o) => o.ok && !o.duplicate)).toBe(true);
    expect(outcomes[20]).toMatchObject({ ok: false });
    await ingestor.settled();
    const ids = outcomes.slice(0, 20).map((o) => (o.ok ? o.id : ''));
    expect(new Set(published)).toEqual(new Set(ids));
    const unmarked = await stage.db('statements').whereIn('id', ids).whereNull('enqueued_at').count<{ n: string }[]>('* as n');
    expect(Number(unmarked[0]!.n)).toBe(0);
  });
});
