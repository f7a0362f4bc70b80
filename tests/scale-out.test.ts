// Scale-out: two classifier processes in one consumer group on the 6-partition statements topic
// share its partitions; one is killed with SIGKILL mid-stream and the other takes its partitions
// over once the session expires; every statement ends up with its events stored exactly once.
// Assignments are read from each worker's log (the client logs every join with its assignment).
import { statementsTopic, topicName } from '@ceasefire/contracts';
import { extract } from '@ceasefire/extraction';
import type { Admin } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, privateStage, type PrivateStage } from './support/harness.ts';
import { freePort, startWorker, stopAllWorkers, type WorkerProcess } from './support/workers.ts';

const TOKEN = 'scale-out-test-token-0000000';
let admin: Admin;
let prefix: string;
let stage: PrivateStage;
let db: Knex;
let api: string;
let env: Record<string, string>;

function statement(n: number) {
  const day = String((n % 28) + 1).padStart(2, '0');
  return {
    text: `The Border Service of the GKNB of the Kyrgyz Republic reports that on ${Number(day)} July 2023 at 22:${String(n % 60).padStart(2, '0')} the Tajik side opened fire with automatic weapons on the positions of the Kyrgyz border outpost near the village of Kulundu, Leilek district. Scale-out report ${n}.`,
    published_at: `2023-07-${day}T23:30:00+06:00`,
    source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
    language: 'en',
  };
}

async function postBatch(items: unknown[]): Promise<string[]> {
  const res = await fetch(`${api}/v1/statements/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(items),
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { results: Array<{ id: string }> }).results.map((r) => r.id);
}

/** The statements-topic partitions a worker was given at its latest join, from its log. */
function assignment(worker: WorkerProcess): number[] | undefined {
  const topic = topicName(statementsTopic, prefix);
  const joins = worker
    .logs()
    .filter((l) => l.msg === 'Consumer has joined the group')
    .map((l) => (l.kafka as { memberAssignment?: Record<string, number[]> } | undefined)?.memberAssignment?.[topic] ?? []);
  return joins.at(-1);
}

/** Partitions a worker handled batches of (the consumer loop's debug line per batch). */
function handledPartitions(worker: WorkerProcess): Set<number> {
  // A batch's log line names the partitions it joined (one fetch's batches are handled as one).
  return new Set(worker.logs().filter((l) => l.msg === 'batch classified').flatMap((l) => (l.partitions as number[]).map(Number)));
}

beforeAll(async () => {
  stage = await privateStage('scaleout');
  ({ admin, prefix, db } = stage);
  const httpPort = await freePort();
  api = `http://127.0.0.1:${httpPort}`;
  env = { ...stage.env, CLASSIFIER_GROUP_ID: `${prefix}classifier` };
  await startWorker('ingester', { ...env, INGEST_TOKEN: TOKEN, HTTP_PORT: String(httpPort) });
});

afterAll(async () => {
  await stopAllWorkers();
  await stage?.close();
});

describe('scale-out', () => {
  it('shares the partitions between two classifiers, and one takes over when the other is killed, with nothing missed or doubled', async () => {
    expect((await admin.describeTopics([topicName(statementsTopic, prefix)]))[0]?.partitions).toBe(6);
    const a = await startWorker('classifier', { ...env, LOG_LEVEL: 'debug' });
    const b = await startWorker('classifier', { ...env, LOG_LEVEL: 'debug' });

    // Both members hold partitions, together all six, none twice.
    const [pa, pb] = await eventually(
      () => {
        const x = assignment(a);
        const y = assignment(b);
        return x?.length && y?.length && x.length + y.length === 6 ? [x, y] : undefined;
      },
      60_000,
      'both classifiers assigned',
    );
    expect([...pa, ...pb].sort()).toEqual([0, 1, 2, 3, 4, 5]);

    const expectedEvents = (n: number) => extract({ id: 'x', ...statement(n) }, undefined).events.length;
    const first = await postBatch(Array.from({ length: 60 }, (_, i) => statement(i)));
    await eventually(async () => {
      const n = Number((await db('violation_events').whereIn('statement_id', first).count<{ n: string }[]>('* as n'))[0]!.n);
      return n >= first.length * expectedEvents(0) ? n : undefined;
    }, 60_000, 'the first batch classified');
    // Each worker logs a batch after its events are stored and published: the line can trail the rows.
    await eventually(() => (handledPartitions(a).size > 0 && handledPartitions(b).size > 0 ? true : undefined), 30_000, 'both classifiers logged a batch');

    // The second batch arrives and A dies at once, its partitions' batches possibly half done.
    const second = await postBatch(Array.from({ length: 60 }, (_, i) => statement(100 + i)));
    await a.kill('SIGKILL');
    await eventually(() => (assignment(b)?.length === 6 ? true : undefined), 60_000, 'B takes over all partitions');

    const all = [...first, ...second];
    const rows = await eventually(
      async () => {
        const r = (await db('violation_events').whereIn('statement_id', all).select('statement_id', 'id')) as Array<{ statement_id: string; id: string }>;
        const per = new Map<string, number>();
        for (const x of r) per.set(x.statement_id, (per.get(x.statement_id) ?? 0) + 1);
        return all.every((id) => (per.get(id) ?? 0) >= expectedEvents(0)) ? r : undefined;
      },
      90_000,
      'every statement classified',
    );
    // Exactly the expected events: none missing, none doubled.
    const per = new Map<string, number>();
    for (const x of rows) per.set(x.statement_id, (per.get(x.statement_id) ?? 0) + 1);
    for (const [i, id] of all.entries()) expect(per.get(id), `statement ${i}`).toBe(expectedEvents(i < 60 ? i : 100 + i - 60));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    // B handled batches of partitions that were A's.
    await eventually(() => (pa.some((p) => handledPartitions(b).has(p)) ? true : undefined), 30_000, "B logged a batch of A's partitions");
    // And the group committed everything.
    const committed = await eventually(async () => {
      const c = (await admin.committedOffsets(env.CLASSIFIER_GROUP_ID!, topicName(statementsTopic, prefix))).reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
      const end = (await admin.endOffsets(topicName(statementsTopic, prefix))).reduce((n, p) => n + Number(p.offset), 0);
      return c === end ? c : undefined;
    }, 30_000, 'offsets committed');
    expect(committed).toBe(all.length);
  }, 240_000);
});
