import type { ViolationEvent } from '@ceasefire/contracts';
import { createHash } from 'node:crypto';
import type { Queryable } from '../connection.ts';

/**
 * A violation event as stored: the contract's event without what the store adds (its incident)
 * and what the message copies from the statement (its publication time).
 */
export type EventRecord = Readonly<Omit<ViolationEvent, 'incident_id' | 'published_at'>>;

/** A casualty snapshot as stored. */
export interface CasualtyRecord {
  readonly id: string;
  readonly statement_id: string;
  readonly extractor_version: string;
  readonly source_agency: string;
  readonly side: string | null;
  readonly as_of: string;
  readonly scope: string;
  readonly killed: number | null;
  readonly injured: number | null;
  readonly displaced: number | null;
  readonly evidence: unknown;
}

export interface StoreExtractionInput {
  readonly statementId: string;
  readonly extractorVersion: string;
  readonly events: readonly EventRecord[];
  readonly casualtyReports: readonly CasualtyRecord[];
  /** The sides of the conflict (a profile's parties), sorted into the incident's dyad. */
  readonly dyad: string | null;
  /** Third parties (UN, OSCE…): their reports make an incident "confirmed by a third party". */
  readonly thirdParties: readonly string[];
}

export interface StoreExtractionResult {
  /** `stored`: written now or already there (a redelivery); `stale`: a newer extractor's rows exist. */
  readonly outcome: 'stored' | 'stale';
  /** Incident of each stored event, by event id (null for agreements and undated events). */
  readonly incidentOf: ReadonlyMap<string, string | null>;
}

/** Numeric comparison of dotted versions (`1.10.0` > `1.9.2`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** Deterministic incident id of its key. */
export function incidentId(day: string, area: string, type: string, dyad: string | null): string {
  return `in_${createHash('sha256')
    .update(`${day}|${area}|${type}|${dyad ?? ''}`)
    .digest('hex')
    .slice(0, 24)}`;
}

/**
 * Stores the extractions of many statements, idempotently, inside the caller's transaction,
 * with a fixed number of round trips whatever the batch size:
 * - a redelivery of the same version inserts nothing new;
 * - a newer version marks the older rows `superseded_at` (kept for comparison) and adds its own;
 * - an older version than what is stored is ignored (`stale`), so a slow replay cannot win;
 * - events with a day and area are linked to their incident, whose report count, sides and
 *   corroboration are recomputed from its current reports.
 * Results are in input order.
 */
export async function storeExtractions(
  trx: Queryable,
  inputs: readonly StoreExtractionInput[],
): Promise<StoreExtractionResult[]> {
  if (inputs.length === 0) return [];
  const ids = [...new Set(inputs.map((i) => i.statementId))];
  // Each statement's publication time and the extractor versions of its current rows, in one read.
  const stored = (
    await trx.raw<{ rows: { id: string; published_at: Date; versions: string[] }[] }>(
      `select s.id, s.published_at,
            array(select extractor_version from violation_events where statement_id = s.id and superseded_at is null
                  union select extractor_version from casualty_reports where statement_id = s.id and superseded_at is null) as versions
       from statements s where s.id = any(?)`,
      [ids],
    )
  ).rows;
  const versionsOf = new Map<string, string[]>(stored.map((r) => [r.id, r.versions]));
  const publishedAt = new Map<string, Date>(stored.map((r) => [r.id, r.published_at]));

  const fresh: StoreExtractionInput[] = [];
  const outcome = new Map<StoreExtractionInput, 'stored' | 'stale'>();
  const supersede: Array<{ statementId: string; version: string }> = [];
  for (const input of inputs) {
    const versions = versionsOf.get(input.statementId) ?? [];
    if (versions.some((v) => compareVersions(v, input.extractorVersion) > 0)) {
      outcome.set(input, 'stale');
      continue;
    }
    outcome.set(input, 'stored');
    fresh.push(input);
    if (versions.some((v) => v !== input.extractorVersion))
      supersede.push({ statementId: input.statementId, version: input.extractorVersion });
  }

  // Incidents the old rows belonged to: their counts change when those rows are superseded.
  const touched = new Set<string>();
  for (const s of supersede) {
    const rows = await trx('violation_events')
      .where({ statement_id: s.statementId })
      .whereNull('superseded_at')
      .whereNot({ extractor_version: s.version })
      .update({ superseded_at: trx.fn.now() })
      .returning('incident_id');
    for (const r of rows as Array<{ incident_id: string | null }>)
      if (r.incident_id) touched.add(r.incident_id);
    await trx('casualty_reports')
      .where({ statement_id: s.statementId })
      .whereNull('superseded_at')
      .whereNot({ extractor_version: s.version })
      .update({ superseded_at: trx.fn.now() });
  }

  const incidentOf = new Map<StoreExtractionInput, Map<string, string | null>>();
  const incidents = new Map<string, IncidentKey>();
  for (const input of fresh) {
    const links = new Map<string, string | null>();
    for (const e of input.events) {
      const linkable = e.type !== 'ceasefire_agreement' && e.date !== null;
      const id = linkable ? incidentId(e.date!, e.area, e.type, input.dyad) : null;
      links.set(e.id, id);
      if (id && !incidents.has(id)) {
        incidents.set(id, { day: e.date!, area: e.area, type: e.type, dyad: input.dyad });
      }
    }
    incidentOf.set(input, links);
  }
  // The incidents themselves are written last (see below); the events' link to them is checked
  // at commit.

  const events = fresh.flatMap((input) =>
    input.events.map((e) => ({ e, incident: incidentOf.get(input)!.get(e.id) ?? null })),
  );
  // The rows actually inserted (a redelivered batch inserts none): what incidents gain.
  const inserted = await insertByColumns<{
    statement_id: string;
    incident_id: string | null;
    reported_by: string | null;
  }>(
    trx,
    `${INSERT_EVENTS} returning statement_id, incident_id, reported_by`,
    EVENT_COLUMNS,
    events.map(({ e, incident }) => [
      e.id,
      e.statement_id,
      e.extractor_version,
      e.event_index,
      e.profile,
      e.area,
      e.type,
      e.acled_event_type,
      e.acled_sub_event_type,
      e.cameo_code,
      e.time.start_utc,
      e.time.end_utc,
      e.time.local,
      e.time.zone,
      e.time.utc_offset,
      e.time.precision,
      e.date,
      e.time_of_day,
      e.locations,
      e.country_of_location,
      e.accused_party,
      e.reported_by,
      e.reporter.agency,
      e.claim_status,
      e.killed,
      e.wounded,
      e.displaced,
      e.civilians_affected,
      e.weapons,
      e.confidence,
      JSON.stringify(e.evidence ?? []),
      e.agreement == null ? null : JSON.stringify(e.agreement),
      incident,
    ]),
  );
  await insertByColumns(
    trx,
    INSERT_PLACES,
    PLACE_COLUMNS,
    events.flatMap(({ e }) =>
      e.places.map((p, position) => [
        e.id,
        position,
        p.id,
        p.as_written,
        p.name,
        p.country,
        p.admin,
        p.lat,
        p.lon,
        p.kind,
      ]),
    ),
  );
  await insertByColumns(
    trx,
    INSERT_CASUALTIES,
    CASUALTY_COLUMNS,
    fresh.flatMap((input) =>
      input.casualtyReports.map((c) => [
        c.id,
        c.statement_id,
        c.extractor_version,
        c.source_agency,
        c.side,
        c.as_of,
        c.scope,
        c.killed,
        c.injured,
        c.displaced,
        JSON.stringify(c.evidence ?? []),
      ]),
    ),
  );

  const thirdParties = [...new Set(inputs.flatMap((i) => i.thirdParties))];
  // Incidents that lost reports (superseded rows) are recounted from their current reports; the
  // others only gained reports, and are created or updated by what they gained, as the last
  // statement: a recount reads every report of an incident, on every batch that touches it, and
  // an incident row written earlier would hold another batch reporting it until this one commits.
  if (touched.size > 0) await refreshIncidents(trx, [...touched], thirdParties);
  const gains = new Map<
    string,
    { statements: Set<string>; sides: Set<string>; first: Date | null; last: Date | null }
  >();
  for (const row of inserted) {
    if (row.incident_id === null || touched.has(row.incident_id)) continue;
    const gain = gains.get(row.incident_id) ?? {
      statements: new Set<string>(),
      sides: new Set<string>(),
      first: null,
      last: null,
    };
    gains.set(row.incident_id, gain);
    gain.statements.add(row.statement_id);
    if (row.reported_by !== null) gain.sides.add(row.reported_by);
    const at = publishedAt.get(row.statement_id) ?? null;
    if (at !== null && (gain.first === null || at < gain.first)) gain.first = at;
    if (at !== null && (gain.last === null || at > gain.last)) gain.last = at;
  }
  if (gains.size > 0) await addReportsToIncidents(trx, gains, incidents, thirdParties);
  return inputs.map((input) => ({
    outcome: outcome.get(input)!,
    incidentOf: incidentOf.get(input) ?? new Map(),
  }));
}

/** One statement's extraction: {@link storeExtractions} for a batch of one. */
export async function storeExtraction(
  trx: Queryable,
  input: StoreExtractionInput,
): Promise<StoreExtractionResult> {
  const [result] = await storeExtractions(trx, [input]);
  return result!;
}

/** Column name and Postgres type, in the order of the values of {@link insertByColumns}' rows. */
type Columns = ReadonlyArray<readonly [name: string, type: string]>;

const EVENT_COLUMNS: Columns = [
  ['id', 'text'],
  ['statement_id', 'text'],
  ['extractor_version', 'text'],
  ['event_index', 'integer'],
  ['profile', 'text'],
  ['area', 'text'],
  ['type', 'text'],
  ['acled_event_type', 'text'],
  ['acled_sub_event_type', 'text'],
  ['cameo_code', 'text'],
  ['occurred_start', 'timestamptz'],
  ['occurred_end', 'timestamptz'],
  ['occurred_local', 'text'],
  ['reported_zone', 'text'],
  ['utc_offset', 'text'],
  ['time_precision', 'text'],
  ['date', 'date'],
  ['time_of_day', 'text'],
  ['locations', 'text[]'],
  ['country_of_location', 'text'],
  ['accused_party', 'text'],
  ['reported_by', 'text'],
  ['reporter_agency', 'text'],
  ['claim_status', 'text'],
  ['killed', 'integer'],
  ['wounded', 'integer'],
  ['displaced', 'integer'],
  ['civilians_affected', 'boolean'],
  ['weapons', 'text[]'],
  ['confidence', 'double precision'],
  ['evidence', 'jsonb'],
  ['agreement', 'jsonb'],
  ['incident_id', 'text'],
];

const PLACE_COLUMNS: Columns = [
  ['event_id', 'text'],
  ['position', 'integer'],
  ['place_id', 'text'],
  ['as_written', 'text'],
  ['name', 'text'],
  ['country', 'text'],
  ['admin', 'text[]'],
  ['lat', 'double precision'],
  ['lon', 'double precision'],
  ['kind', 'text'],
];

const CASUALTY_COLUMNS: Columns = [
  ['id', 'text'],
  ['statement_id', 'text'],
  ['extractor_version', 'text'],
  ['source_agency', 'text'],
  ['side', 'text'],
  ['as_of', 'timestamptz'],
  ['scope', 'text'],
  ['killed', 'integer'],
  ['injured', 'integer'],
  ['displaced', 'integer'],
  ['evidence', 'jsonb'],
];

/** Characters a quoted element of an array literal escapes. */
const NEEDS_ESCAPE = /[\\"]/;
const ESCAPED = /[\\"]/g;

/** A string as a quoted element of a Postgres array literal. */
function quoted(value: string): string {
  return NEEDS_ESCAPE.test(value) ? `"${value.replace(ESCAPED, '\\$&')}"` : `"${value}"`;
}

/** A text[] value as a Postgres array literal (an element of a text[] parameter). */
function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map(quoted).join(',')}}`;
}

/**
 * One column's values as one Postgres array literal (`{"a",NULL,3}`), the parameter passed as a
 * string. pg would build the same literal from a JS array, but escapes every element with two
 * regular expressions (numbers too), and knex first walks every element looking for `undefined`:
 * together about a tenth of the classifier's main-thread CPU in a drain's profile. Numbers and
 * booleans go unquoted, strings are escaped only when they hold a quote or a backslash.
 */
function columnLiteral(values: readonly unknown[], type: string): string {
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) out += ',';
    const v = values[i];
    if (v === null || v === undefined) out += 'NULL';
    else if (type === 'text[]') out += quoted(textArrayLiteral(v as string[]));
    else if (typeof v === 'number') out += Number.isFinite(v) ? String(v) : quoted(String(v));
    else if (typeof v === 'boolean') out += v ? 't' : 'f';
    else if (v instanceof Date) out += quoted(v.toISOString());
    else out += quoted(String(v));
  }
  return `${out}}`;
}

/** Array columns travel as array literals and jsonb as JSON text: the element type of their parameter. */
function carried(type: string): string {
  return type === 'text[]' || type === 'jsonb' ? 'text' : type;
}

/**
 * The insert of {@link insertByColumns}: one array parameter per column, unnested into rows and
 * cast back per row; rows already there are left alone. Built once from the fixed column lists.
 */
function unnestInsert(table: string, columns: Columns, conflict: string): string {
  const names = columns.map(([n]) => `"${n}"`).join(', ');
  const values = columns
    .map(([n, type]) => (carried(type) === type ? `"${n}"` : `"${n}"::${type}`))
    .join(', ');
  const params = columns.map(([, type]) => `?::${carried(type)}[]`).join(', ');
  return `insert into ${table} (${names}) select ${values} from unnest(${params}) as u(${names}) on conflict (${conflict}) do nothing`;
}

const INSERT_EVENTS = unnestInsert('violation_events', EVENT_COLUMNS, 'id');
const INSERT_PLACES = unnestInsert('violation_event_places', PLACE_COLUMNS, 'event_id, position');
const INSERT_CASUALTIES = unnestInsert('casualty_reports', CASUALTY_COLUMNS, 'id');

/**
 * Inserts rows with one array parameter per column (`insert … select from unnest(…)`), so the
 * statement has as many parameters as the table has columns whatever the number of rows:
 * cheaper to build and to parse than a multi-row VALUES list with a parameter per value.
 */
async function insertByColumns<R = never>(
  trx: Queryable,
  sql: string,
  columns: Columns,
  rows: ReadonlyArray<readonly unknown[]>,
): Promise<R[]> {
  if (rows.length === 0) return [];
  const params = columns.map(([, type], c) =>
    columnLiteral(
      rows.map((r) => r[c]),
      type,
    ),
  );
  return ((await trx.raw<{ rows?: R[] }>(sql, params)).rows ?? []) as R[];
}

/** What identifies an incident (its id is derived from it: {@link incidentId}). */
interface IncidentKey {
  day: string;
  area: string;
  type: string;
  dyad: string | null;
}

/**
 * Adds newly stored reports to incidents that lost none, creating those that are new: each gains
 * its new statements' count, its new sides and the span of their publication. The same as
 * {@link refreshIncidents} for them (a statement's events are stored together, once: a new one
 * was not counted before). Rows go in id order, so two batches lock shared incidents in the same
 * order.
 */
async function addReportsToIncidents(
  trx: Queryable,
  gains: ReadonlyMap<
    string,
    { statements: ReadonlySet<string>; sides: ReadonlySet<string>; first: Date | null; last: Date | null }
  >,
  keys: ReadonlyMap<string, IncidentKey>,
  thirdParties: readonly string[],
): Promise<void> {
  const list = [...gains].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const key = (id: string) => keys.get(id)!;
  await trx.raw(
    `with d as (
       select * from unnest(?::text[], ?::date[], ?::text[], ?::text[], ?::text[], ?::int[], ?::text[], ?::timestamptz[], ?::timestamptz[])
         with ordinality as d(id, day, area, type, dyad, reports, sides, first_at, last_at, n)
     )
     insert into incidents as i (id, day, area, type, dyad, report_count, sides, first_reported_at, last_reported_at, corroboration)
     select id, day, area, type, dyad, reports, incident_sides('{}', string_to_array(sides, ',')),
            coalesce(first_at, now()), coalesce(last_at, now()),
            incident_corroboration(incident_sides('{}', string_to_array(sides, ',')), ?::text[])
       from d order by n
     on conflict (id) do update set
        report_count = i.report_count + excluded.report_count,
        sides = incident_sides(i.sides, excluded.sides),
        first_reported_at = least(i.first_reported_at, excluded.first_reported_at),
        last_reported_at = greatest(i.last_reported_at, excluded.last_reported_at),
        corroboration = incident_corroboration(incident_sides(i.sides, excluded.sides), ?::text[]),
        updated_at = now()`,
    [
      list.map(([id]) => id),
      list.map(([id]) => key(id).day),
      list.map(([id]) => key(id).area),
      list.map(([id]) => key(id).type),
      list.map(([id]) => key(id).dyad),
      list.map(([, g]) => g.statements.size),
      list.map(([, g]) => [...g.sides].join(',')),
      list.map(([, g]) => g.first),
      list.map(([, g]) => g.last),
      [...thirdParties],
      [...thirdParties],
    ] as never[],
  );
}

/**
 * Recomputes report counts, sides and corroboration of incidents from their current reports,
 * for incidents that lost reports (see {@link addReportsToIncidents} for those that only gained).
 */
export async function refreshIncidents(
  trx: Queryable,
  ids: readonly string[],
  thirdParties: readonly string[],
): Promise<void> {
  await trx.raw(
    `update incidents i set
        report_count = agg.reports,
        sides = agg.sides,
        first_reported_at = least(i.first_reported_at, agg.first_at),
        last_reported_at = greatest(i.last_reported_at, agg.last_at),
        corroboration = incident_corroboration(agg.sides, ?::text[]),
        updated_at = now()
      from (
        -- Per incident, through the index of its current events (not one pass over all of them).
        select ids.id as incident_id, x.*
          from unnest(?::text[]) as ids(id)
          cross join lateral (
            select count(distinct e.statement_id)::int as reports,
                   coalesce(array_agg(distinct e.reported_by order by e.reported_by) filter (where e.reported_by is not null), '{}') as sides,
                   min(s.published_at) as first_at,
                   max(s.published_at) as last_at
              from violation_events e join statements s on s.id = e.statement_id
             where e.incident_id = ids.id and e.superseded_at is null
          ) x
         where x.reports > 0
      ) agg
     where i.id = agg.incident_id`,
    [[...thirdParties], [...ids]],
  );
  // An incident whose every report was superseded keeps its row with no current reports.
  await trx.raw(
    `update incidents set report_count = 0, sides = '{}', corroboration = 'alleged_one_side', updated_at = now()
      where id = any(?) and not exists (select 1 from violation_events e where e.incident_id = incidents.id and e.superseded_at is null)`,
    [[...ids]],
  );
}

/** The incident's corroboration as stored, for publishing with the event. */
export async function incidentsById(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, { corroboration: string; report_count: number; sides: string[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await db('incidents')
    .select('id', 'corroboration', 'report_count', 'sides')
    .whereIn('id', ids);
  return new Map(
    rows.map((r: { id: string; corroboration: string; report_count: number; sides: string[] }) => [r.id, r]),
  );
}
