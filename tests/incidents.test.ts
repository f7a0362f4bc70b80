// Incidents are kept up to date as reports arrive: added to by what a batch stores, recounted
// from their current reports when some were superseded. Whatever the path, every incident must
// equal a full recount of its current reports, which this test computes with plain SQL after
// each step: batches sharing incidents, a batch delivered twice, a newer extractor's batch.
import { toRecords } from '@ceasefire/classifier';
import { insertStatements, storeExtractions, type StoreExtractionInput } from '@ceasefire/db';
import { PROFILES, extract } from '@ceasefire/extraction';
import { StatementSubmission, agencyDirectory, normalizeStatement } from '@ceasefire/ingest';
import { describe, expect, it } from 'vitest';
import { generateStatements } from '../bench/generate.ts';
import { eventually, privateDatabase } from './support/harness.ts';
import { repoRoot } from './support/workers.ts';

const db = privateDatabase('incidents');

const facts = new Map(PROFILES.map((p) => [p.id, { dyad: p.parties.map((x) => x.code).sort().join('-'), thirdParties: p.third_parties.map((t) => t.code) }]));

/** The statements of `n` generated ones, stored, with the classifier's store input for `version`. */
async function classified(n: number, seed: number) {
  const agencies = agencyDirectory(PROFILES);
  const receivedAt = new Date('2026-11-28T00:00:00Z');
  const statements = generateStatements(repoRoot, n, seed, { expected: false }).statements.map((s) =>
    normalizeStatement(StatementSubmission.parse(s), { receivedAt, origin: { kind: 'cli', ref: 'test' }, zoneOfAgency: (a) => agencies.lookup(a) }),
  );
  await insertStatements(
    db(),
    statements.map((s) => ({ statement: s, sourceSide: s.source_agency ? (agencies.lookup(s.source_agency)?.side ?? null) : null })),
  );
  return (version?: string): StoreExtractionInput[] =>
    statements.map((statement) => {
      const result = extract(statement, undefined);
      const records = toRecords(statement, version ? { ...result, extractor_version: version } : result);
      const f = facts.get(result.profile) ?? { dyad: null, thirdParties: [] };
      return {
        statementId: statement.id,
        extractorVersion: version ?? result.extractor_version,
        events: records.events,
        casualtyReports: records.casualtyReports,
        dyad: f.dyad,
        thirdParties: f.thirdParties,
      };
    });
}

async function store(inputs: StoreExtractionInput[]): Promise<void> {
  await db().transaction((trx) => storeExtractions(trx, inputs));
}

/** Every incident as stored, and as a full recount of its current reports gives it. */
async function storedAndRecounted() {
  const stored = await db()('incidents')
    .select('id', 'report_count', 'sides', 'corroboration', 'first_reported_at', 'last_reported_at')
    .orderBy('id');
  const thirdParties = [...new Set([...facts.values()].flatMap((f) => f.thirdParties))];
  const recounted = (
    await db().raw(
      `select i.id,
              coalesce(agg.reports, 0) as report_count,
              coalesce(agg.sides, '{}') as sides,
              case when agg.sides && ?::text[] then 'third_party'
                   when cardinality(coalesce(agg.sides, '{}')) >= 2 then 'both_sides'
                   else 'alleged_one_side' end as corroboration
         from incidents i
         left join (
           select e.incident_id,
                  count(distinct e.statement_id)::int as reports,
                  coalesce(array_agg(distinct e.reported_by order by e.reported_by) filter (where e.reported_by is not null), '{}') as sides,
                  min(s.published_at) as first_at,
                  max(s.published_at) as last_at
             from violation_events e join statements s on s.id = e.statement_id
            where e.superseded_at is null
            group by e.incident_id) agg on agg.incident_id = i.id
        order by i.id`,
      [thirdParties],
    )
  ).rows as Array<{ id: string; report_count: number; sides: string[]; corroboration: string }>;
  // Reporting times only widen: the first stays at or before every current report's publication.
  const spans = (
    await db().raw(
      `select count(*)::int as bad from incidents i
         join violation_events e on e.incident_id = i.id and e.superseded_at is null
         join statements s on s.id = e.statement_id
        where s.published_at < i.first_reported_at or s.published_at > i.last_reported_at`,
    )
  ).rows[0].bad as number;
  return { stored: stored.map(({ first_reported_at: _f, last_reported_at: _l, ...rest }) => rest), recounted, spans };
}

describe('incidents', () => {
  it('equal a full recount of their current reports after batches, a redelivered batch and a newer extractor', async () => {
    const first = (await classified(240, 11))();
    const second = await classified(160, 12);

    for (let i = 0; i < first.length; i += 60) await store(first.slice(i, i + 60));
    await store(second().slice(0, 80));
    // Delivered again after a crash before the commit: nothing is counted twice.
    await store(second().slice(0, 80));
    await store(second().slice(80));
    let now = await storedAndRecounted();
    expect(now.stored.length).toBeGreaterThan(20);
    // The generated statements share days and areas: many incidents have several reports.
    expect(now.stored.filter((r) => r.report_count > 1).length).toBeGreaterThan(10);
    expect(now.stored).toEqual(now.recounted);
    expect(now.spans).toBe(0);

    // A newer extractor classifies some statements again: their old reports are superseded.
    await store(second('99.0.0').slice(0, 50));
    now = await storedAndRecounted();
    expect(now.stored).toEqual(now.recounted);
    expect(now.spans).toBe(0);
  }, 120_000);

  it('equal a full recount when batches sharing incidents are stored at once, the second waiting for the first only at its last statement', async () => {
    const inputs = (await classified(300, 21))();
    const before = new Set((await storedAndRecounted()).stored.map((r) => r.id));
    // Batch A keeps its transaction open after its whole store; batch B shares incidents with it.
    let releaseA: () => void = () => {};
    const aHeld = new Promise<void>((r) => (releaseA = r));
    let aStored: () => void = () => {};
    const aReachedEnd = new Promise<void>((r) => (aStored = r));
    const a = db().transaction(async (trx) => {
      await storeExtractions(trx, inputs.slice(0, 150));
      aStored();
      await aHeld;
    });
    await aReachedEnd;
    let bPid = 0;
    const b = db().transaction(async (trx) => {
      bPid = (await trx.raw('select pg_backend_pid() as pid')).rows[0].pid as number;
      await storeExtractions(trx, inputs.slice(150));
    });
    try {
      // B waits for A's locks in the statement that writes the incidents, its last, having
      // written its events already; before, the incident rows were written first and B waited
      // there for A's whole batch.
      const waiting = await eventually(async () => {
        const rows = (
          await db().raw(`select query from pg_stat_activity where wait_event_type = 'Lock' and pid = ?`, [bPid])
        ).rows as Array<{ query: string }>;
        return rows.find((r) => r.query.includes('insert into incidents as i'));
      }, 10_000, 'the second batch waiting on the incidents');
      expect(waiting.query).toContain('on conflict (id) do update');
    } finally {
      releaseA();
      await Promise.all([a, b]);
    }
    const now = await storedAndRecounted();
    expect(now.stored).toEqual(now.recounted);
    expect(now.spans).toBe(0);
    // Incidents new in this step with reports from both batches.
    expect(now.stored.filter((r) => !before.has(r.id) && r.report_count > 1).length).toBeGreaterThan(5);
  }, 120_000);
});
