// storeExtractions sends each column as one Postgres array literal that it builds itself (pg's
// own escaping cost a tenth of the classifier's CPU). A literal built by hand must survive every
// character a real statement can hold: quotes, backslashes, braces, commas, the word NULL, empty
// strings, Cyrillic and emoji, in plain text columns, text[] columns and jsonb. This test stores
// events whose strings hold all of them and reads them back unchanged.
import { toRecords } from '@ceasefire/classifier';
import { insertStatements, storeExtractions } from '@ceasefire/db';
import { extract } from '@ceasefire/extraction';
import { StatementSubmission, agencyDirectory, normalizeStatement } from '@ceasefire/ingest';
import { PROFILES } from '@ceasefire/extraction';
import { expect, it } from 'vitest';
import { privateDatabase } from './support/harness.ts';

const db = privateDatabase('store_literals');

const AWKWARD = [
  'a "quoted" word',
  'back\\slash and \\" both',
  '{braces},commas,',
  'NULL',
  '',
  ' padded ',
  'Ак-Сай «в кавычках»',
  'emoji 🚩 and tab\there',
  'trailing backslash \\',
];

it('stores and reads back strings with quotes, backslashes, braces, NULL and empty values unchanged', async () => {
  const agencies = agencyDirectory(PROFILES);
  const statement = normalizeStatement(
    StatementSubmission.parse({
      text: 'On 14 September at 09:40 Tajik servicemen fired mortars at the village of Ak-Sai in Batken district.',
      published_at: '2022-09-14T12:00:00+06:00',
      source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      language: 'en',
    }),
    {
      receivedAt: new Date('2026-12-07T00:00:00Z'),
      origin: { kind: 'cli', ref: 'test' },
      zoneOfAgency: (a) => agencies.lookup(a),
    },
  );
  await insertStatements(db(), [{ statement, sourceSide: 'KG' }]);
  const result = extract(statement, undefined);
  const records = toRecords(statement, result);
  expect(records.events.length).toBeGreaterThan(0);

  // Every string the store writes, in each kind of column, replaced by the awkward ones.
  const events = records.events.map((e, i) => ({
    ...e,
    reporter: { ...e.reporter, agency: AWKWARD[i % AWKWARD.length]! },
    locations: AWKWARD,
    weapons: [...AWKWARD].reverse(),
    places: e.places.map((p) => ({ ...p, as_written: AWKWARD[1]!, name: AWKWARD[0]!, admin: AWKWARD })),
    evidence: e.evidence.map((ev) => ({ ...ev, text: AWKWARD.join('|') })),
  }));
  await db().transaction((trx) =>
    storeExtractions(trx, [
      {
        statementId: statement.id,
        extractorVersion: result.extractor_version,
        events,
        casualtyReports: records.casualtyReports,
        dyad: 'KG-TJ',
        thirdParties: [],
      },
    ]),
  );

  const rows = await db()('violation_events')
    .select('id', 'reporter_agency', 'locations', 'weapons', 'evidence')
    .where({ statement_id: statement.id })
    .orderBy('event_index');
  expect(rows).toHaveLength(events.length);
  rows.forEach((row, i) => {
    const e = events[i]!;
    expect(row.id).toBe(e.id);
    expect(row.reporter_agency).toBe(e.reporter.agency);
    expect(row.locations).toEqual(AWKWARD);
    expect(row.weapons).toEqual([...AWKWARD].reverse());
    expect(row.evidence).toEqual(e.evidence);
  });
  const places = await db()('violation_event_places')
    .select('as_written', 'name', 'admin')
    .whereIn(
      'event_id',
      events.map((e) => e.id),
    );
  expect(places.length).toBe(events.reduce((n, e) => n + e.places.length, 0));
  for (const p of places) expect(p).toEqual({ as_written: AWKWARD[1], name: AWKWARD[0], admin: AWKWARD });
});
