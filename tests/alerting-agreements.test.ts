// Agreements proposed from statements: the outlets of both sides repeat an agreement for days.
// Every repeat is listed among the agreement's sources (issue #21; it used to cost no query at
// all, but then nobody could tell who reported an agreement), a repeat that adds nothing leaves
// the row as it was (so stored events are not evaluated against it again), and a repeat that
// adds something (a term, a start) completes it. The engine runs in this process against
// Postgres; nothing is published.
import { DEFAULT_ESCALATION } from '@ceasefire/alerting';
import { AlertEngine } from '@ceasefire/alerting-service';
import type { ViolationEvent } from '@ceasefire/contracts';
import {
  agreementsToEvaluate,
  createDb,
  createTestSchema,
  dropSchema,
  getAgreement,
  markAgreementEvaluated,
  migrateLatest,
  updateAgreement,
} from '@ceasefire/db';
import { createLogger, type Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeAndPublish, violationEvent } from './support/alerting.ts';
import { services, uniqueName } from './support/harness.ts';

const { databaseUrl } = services();
const schema = uniqueName('alerting_agreements');
const noProducer = { publish: async () => {} } as unknown as Producer;

let db: Knex;
let engine: AlertEngine;
/** SQL sent that reads or writes `agreements`, since the last reset. */
let agreementQueries: string[] = [];
/** Calls of `onEvaluationDue` (the worker runs its scheduler's next pass at once on each). */
let changes = 0;

beforeAll(async () => {
  await createTestSchema(databaseUrl, schema);
  await migrateLatest({ databaseUrl, schema });
  db = createDb({ databaseUrl, schema, pool: { max: 4 } });
  db.on('query', (q: { sql: string }) => {
    if (/\bagreements\b/.test(q.sql)) agreementQueries.push(q.sql);
  });
  engine = new AlertEngine(
    db,
    {
      lifecycle: { groupWaitMs: 0, groupIntervalMs: 0, repeatIntervalMs: 24 * 3600_000, resolveAfterMs: 24 * 3600_000 },
      escalation: DEFAULT_ESCALATION,
      routes: [{ channel: 'log' }],
      alertOnProposed: false,
      source: 'ceasefire/test',
      onEvaluationDue: () => changes++,
    },
    createLogger({ service: 'alerting-agreements-test', level: 'silent' }),
  );
});

afterAll(async () => {
  await db?.destroy();
  await dropSchema(databaseUrl, schema);
});

function truce(id: string, reportedBy: string, publishedAt: string, terms: string[]): ViolationEvent {
  return violationEvent({
    id,
    statement_id: `st_${id}`,
    type: 'ceasefire_agreement',
    area: 'kg-tj.border',
    accused_party: null,
    reported_by: reportedBy,
    date: '2022-10-01',
    time: { date: '2022-10-01', time_of_day: null, start_utc: null, end_utc: null, local: null, zone: null, utc_offset: null, precision: 'day' },
    agreement: { parties: ['KG', 'TJ'], level: 'governors', starts_at_utc: '2022-10-01T14:00:00Z', zone: '+06:00', terms },
    published_at: publishedAt,
  });
}

async function handled(events: ViolationEvent[]): Promise<void> {
  await storeAndPublish(db, noProducer, '', events);
  agreementQueries = [];
  await engine.handleEvents(events);
}

describe('agreements proposed from statements', () => {
  it('list every repeat as a source, change nothing for a repeat that adds nothing, and are completed by one that adds a term', async () => {
    await handled([truce('ev_truce_1', 'KG', '2022-10-01T21:00:00+06:00', ['cease_fire'])]);
    const [row] = await db('agreements').where({ source: 'statement' });
    expect(row).toMatchObject({ level: 'governors', terms: ['cease_fire'], status: 'proposed' });
    // Proposed agreements do not alert here (alertOnProposed false): nothing to evaluate at once.
    expect(changes).toBe(0);

    // The other side's outlets repeat it later, in later batches: reported by both sides, it is in force.
    await handled([truce('ev_truce_2', 'TJ', '2022-10-02T09:00:00+05:00', ['cease_fire'])]);
    const [inForce] = await db('agreements').where({ source: 'statement' });
    expect(inForce).toMatchObject({ id: row.id, status: 'in_force', corroborated: true });
    // In force now: the stored events it may judge are evaluated at once, not at the next tick.
    expect(changes).toBe(1);
    await handled([truce('ev_truce_3', 'KG', '2022-10-03T09:00:00+06:00', [])]);
    // A repeat that adds nothing changes nothing to evaluate.
    expect(changes).toBe(1);
    const [same] = await db('agreements').where({ source: 'statement' });
    expect(same.updated_at).toEqual(inForce.updated_at);
    // No write of the agreement itself: only its sources and the lookups.
    expect(agreementQueries.filter((q) => /^(update|insert into) "agreements"/.test(q))).toEqual([]);

    // A repeat with a new term completes the row.
    await handled([truce('ev_truce_4', 'TJ', '2022-10-02T12:00:00+05:00', ['cease_fire', 'withdraw_forces'])]);
    const rows = await db('agreements').where({ source: 'statement' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ terms: ['cease_fire', 'withdraw_forces'] });
    expect(await db('agreement_sources').where({ agreement_id: row.id }).orderBy('published_at').pluck('reported_by')).toEqual(['KG', 'TJ', 'TJ', 'KG']);
  });

  it('take a batch of many reports in a fixed number of statements, each listed, the agreement written once', async () => {
    const repeats = (n: number, tag: string) =>
      Array.from({ length: n }, (_, i) => {
        const e = truce(`ev_${tag}_${i}`, i % 2 === 0 ? 'KG' : 'TJ', `2022-11-0${1 + (i % 2)}T0${i % 10}:00:00+06:00`, i === n - 1 ? ['cease_fire', 'exchange_prisoners'] : ['cease_fire']);
        return { ...e, date: '2022-11-01', agreement: { ...e.agreement!, starts_at_utc: '2022-11-01T14:00:00Z' } };
      });
    await handled(repeats(4, 'few'));
    const few = agreementQueries.length;
    await handled(repeats(40, 'many'));
    // Forty reports of the same agreement in one batch: the same statements as four (no query per report).
    expect(agreementQueries.length).toBeLessThanOrEqual(few);
    const rows = await db('agreements').where({ source: 'statement', reached_on: '2022-11-01' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'in_force', corroborated: true, terms: ['cease_fire', 'exchange_prisoners'] });
    expect(await db('agreement_sources').where({ agreement_id: rows[0].id }).count('* as n').first()).toEqual({ n: '44' });
  });

  it('are evaluated again after a change of what judges events, not of their name, level or an announcement beside a known start', async () => {
    const [row] = await db('agreements').where({ source: 'statement', reached_on: '2022-11-01' });
    let agreement = (await getAgreement(db, row.id))!;
    await markAgreementEvaluated(db, agreement);
    const due = async () => (await agreementsToEvaluate(db, 1000)).some((a) => a.id === row.id);
    expect(await due()).toBe(false);
    agreement = (await updateAgreement(db, row.id, { level: 'heads_of_state', name: 'renamed', announcedAt: new Date('2022-10-31T00:00:00Z') }, new Date()))!;
    expect(agreement.level).toBe('heads_of_state');
    expect(await due()).toBe(false);
    await updateAgreement(db, row.id, { terms: ['cease_fire'] }, new Date());
    expect(await due()).toBe(true);
  });
});
