// Every ```sql block of docs/sql.md runs against a populated private schema, so the document
// stays true as the schema changes; a few answers are checked against the fixture.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createDb } from '@ceasefire/db';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateEventStore, type Fixture } from './support/event-store-fixture.ts';
import { privateSchema, services } from './support/harness.ts';
import { repoRoot } from './support/workers.ts';

/** The ```sql blocks of a Markdown text, with the heading above each. */
function sqlBlocks(markdown: string): Array<{ heading: string; sql: string }> {
  const blocks: Array<{ heading: string; sql: string }> = [];
  let heading = '(top)';
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.startsWith('#')) heading = line.replace(/^#+\s*/, '');
    if (line.trim() === '```sql') {
      const body: string[] = [];
      while (++i < lines.length && lines[i]!.trim() !== '```') body.push(lines[i]!);
      blocks.push({ heading, sql: body.join('\n') });
    }
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
    expect(rows('5.')).toMatchObject([{ id: fx.bothSidesIncident, area: 'kg.batken.leilek', sides: ['KG', 'TJ'], accused: ['KG', 'TJ'] }]);
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
