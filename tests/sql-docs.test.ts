// Every ```sql block of docs/sql.md runs against a populated private schema, so the document
// stays true as the schema changes; a few answers are checked against the fixture. Then on the
// samples as `ceasefire up` loads them: every query of docs/sql.md and docs/schema.md returns rows
// (unless its text says it returns none there), and every value a coded column holds is listed in
// docs/schema.md.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '@ceasefire/db';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateEventStore, type Fixture } from './support/event-store-fixture.ts';
import { privateSchema, privateStage, services, type PrivateStage } from './support/harness.ts';
import { loadSamples } from './support/samples.ts';
import { repoRoot, stopAllWorkers } from './support/workers.ts';

/** The ```sql blocks of a Markdown text, with the heading above each and the text between. */
function sqlBlocks(markdown: string): Array<{ heading: string; sql: string; text: string }> {
  const blocks: Array<{ heading: string; sql: string; text: string }> = [];
  let heading = '(top)';
  let text: string[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) [heading, text] = [line.replace(/^#+\s*/, ''), []];
    else if (line.trim() === '```sql') {
      const body: string[] = [];
      while (++i < lines.length && lines[i]!.trim() !== '```') body.push(lines[i]!);
      blocks.push({ heading, sql: body.join('\n'), text: text.join(' ') });
    } else text.push(line);
  }
  return blocks;
}

const blocks = sqlBlocks(readFileSync(path.join(repoRoot, 'docs/sql.md'), 'utf8'));
let schema: { schema: string; drop(): Promise<void> };
let db: Knex;
let fx: Fixture;
const results = new Map<string, Array<Record<string, unknown>>>();

beforeAll(async () => {
  schema = await privateSchema('sqldocs');
  db = createDb({ databaseUrl: services().databaseUrl, schema: schema.schema });
  fx = await populateEventStore(db);
});

afterAll(async () => {
  await db?.destroy();
  await schema?.drop();
});

async function run(sql: string): Promise<Array<Record<string, unknown>>> {
  // As an analyst would: read-only, so a query in the document can never write.
  return db.transaction(async (trx) => {
    await trx.raw('set transaction read only');
    return ((await trx.raw(sql)) as { rows: Array<Record<string, unknown>> }).rows;
  });
}

describe('docs/sql.md', () => {
  it('has a dozen questions or more', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(12);
  });

  it.each(blocks.map((b) => [b.heading, b.sql] as const))('runs: %s', async (heading, sql) => {
    results.set(heading, await run(sql));
  });

  const rows = (prefix: string) => {
    const entry = [...results].find(([heading]) => heading.startsWith(prefix));
    if (!entry) throw new Error(`no result for "${prefix}"`);
    return entry[1];
  };

  it('answers with the rows the fixture implies', () => {
    expect(rows('1.').map((r) => [r.area, r.incidents])).toEqual([['tj.sughd.isfara', 1]]);
    expect(rows('2.')).toMatchObject([{ agreement_id: fx.agreement, alerts: 2, breach_incidents: 2 }]);
    const series = rows('3.').filter((r) => String(r.source_agency).includes('Kyrgyz'));
    expect(series.map((r) => [r.killed, r.killed_since_previous])).toEqual([
      [24, null],
      [36, 12],
    ]);
    expect(rows('4.').map((r) => r.killed)).toEqual([36, 35]);
    expect(rows('5.')).toMatchObject([{ id: fx.bothSidesIncident, area: 'kg.batken.leilek', corroboration: 'both_sides', sides: ['KG', 'TJ'], accused: ['KG', 'TJ'] }]);
    const delays = rows('6.');
    expect(delays.map((r) => r.alert_id).sort()).toEqual([fx.alerts.acknowledged, fx.alerts.firing].sort());
    expect(rows('8.')[0]).toMatchObject({ name: 'Kulundu', incidents: '2' });
    // Kulundu at 06:00 Bishkek time and Ak-Sai at 08:30.
    expect(rows('11.').map((r) => [r.local_hour, r.reported_by])).toEqual([
      [6, 'KG'],
      [8, 'KG'],
    ]);
    expect(rows('13.').map((r) => [r.channel, r.status])).toEqual([
      ['log', 'succeeded'],
      ['ops-webhook', 'failed'],
    ]);
  });
});

describe('docs/sql.md and docs/schema.md on the samples', () => {
  let stage: PrivateStage;
  const schemaDoc = readFileSync(path.join(repoRoot, 'docs/schema.md'), 'utf8');
  // schema.md's examples hold several statements per block, each with its own comment.
  const queries = [
    ...blocks.map((b) => ({ name: `sql.md ${b.heading}`, sql: b.sql, emptyOnSamples: /On (the )?samples[^.]*returns no rows/.test(b.text) })),
    ...sqlBlocks(schemaDoc).flatMap((b) =>
      b.sql
        .split(/;\s*(?:\n|$)/)
        .map((q) => q.trim())
        .filter(Boolean)
        .map((q) => ({ name: `schema.md ${q.split('\n')[0]!.replace(/^--\s*/, '')}`, sql: q, emptyOnSamples: false })),
    ),
  ];

  beforeAll(async () => {
    stage = await privateStage('sqlsamples');
    await loadSamples(stage);
    await stopAllWorkers();
  }, 240_000);

  afterAll(async () => {
    await stage?.close();
  });

  it.each(queries.map((q) => [q.name, q] as const))('%s', async (_name, q) => {
    const result = await stage.db.transaction(async (trx) => {
      await trx.raw('set transaction read only');
      return ((await trx.raw(q.sql)) as { rows: unknown[] }).rows;
    });
    if (q.emptyOnSamples) expect(result).toEqual([]);
    else expect(result.length).toBeGreaterThan(0);
  });

  /** Coded columns: each value on the samples is in schema.md, as `value` (or matches its pattern); `[]` marks an array column. */
  const coded: Array<[string, string, RegExp?]> = [
    ['statements', 'source_side'],
    ['statements', 'language'],
    ['statements', 'published_zone'],
    ['violation_events', 'type'],
    ['violation_events', 'acled_event_type'],
    ['violation_events', 'acled_sub_event_type'],
    ['violation_events', 'cameo_code'],
    ['violation_events', 'time_precision'],
    ['violation_events', 'time_of_day', /^\d\d:\d\d$/],
    ['violation_events', 'reported_zone'],
    ['violation_events', 'country_of_location'],
    ['violation_events', 'accused_party'],
    ['violation_events', 'reported_by'],
    ['violation_events', 'claim_status'],
    ['violation_events', 'area'],
    ['violation_event_places', 'kind'],
    ['violation_event_places', 'country'],
    ['incidents', 'type'],
    ['incidents', 'dyad'],
    ['incidents', 'corroboration'],
    ['incidents', 'area'],
    ['casualty_reports', 'side'],
    ['casualty_reports', 'scope'],
    ['casualty_reports', 'population'],
    ['agreements', 'level'],
    ['agreements', 'status'],
    ['agreements', 'source'],
    ['agreements', 'start_zone'],
    ['agreements', 'terms[]'],
    ['alerts', 'severity'],
    ['alerts', 'state'],
    ['alerts', 'escalations[]', /^frequency:\d+\/\d+h$/],
    ['alerts', 'area'],
    ['alert_transitions', 'to_state'],
    ['alert_transitions', 'by'],
    ['alert_transitions', 'reason'],
    ['alert_deliveries', 'channel'],
    ['alert_deliveries', 'notification'],
    ['alert_deliveries', 'status'],
  ];

  it('lists in schema.md every value the coded columns hold on the samples', async () => {
    const missing: string[] = [];
    for (const [table, column, pattern] of coded) {
      const array = column.endsWith('[]');
      const sql = array ? 'select distinct unnest(??)::text as v from ??' : 'select distinct ??::text as v from ??';
      const values = ((await stage.db.raw(sql, [column.replace('[]', ''), table])).rows as Array<{ v: string | null }>).map((r) => r.v).filter((v): v is string => v !== null);
      expect(values.length, `${table}.${column} has values on the samples`).toBeGreaterThan(0);
      for (const v of values) if (!schemaDoc.includes(`\`${v}\``) && !pattern?.test(v)) missing.push(`${table}.${column}: ${v}`);
    }
    expect(missing).toEqual([]);
  });
});

