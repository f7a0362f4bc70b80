import { createHash } from 'node:crypto';
import type { Queryable } from '../connection.ts';

/** An extracted event as stored (the contracts' ViolationEvent fits it). */
export interface EventRecord {
  readonly id: string;
  readonly statement_id: string;
  readonly extractor_version: string;
  readonly event_index: number;
  readonly profile: string;
  readonly area: string;
  readonly type: string;
  readonly acled_event_type: string | null;
  readonly acled_sub_event_type: string | null;
  readonly cameo_code: string | null;
  readonly date: string | null;
  readonly time_of_day: string | null;
  readonly time: {
    readonly start_utc: string | null;
    readonly end_utc: string | null;
    readonly local: string | null;
    readonly zone: string | null;
    readonly utc_offset: string | null;
    readonly precision: string;
  };
  readonly locations: readonly string[];
  readonly places: ReadonlyArray<{
    readonly id: string | null;
    readonly as_written: string;
    readonly name: string;
    readonly country: string | null;
    readonly admin: readonly string[];
    readonly lat: number | null;
    readonly lon: number | null;
    readonly kind: string;
  }>;
  readonly country_of_location: string | null;
  readonly accused_party: string | null;
  readonly reported_by: string | null;
  readonly reporter: { readonly agency: string | null; readonly side: string | null };
  readonly claim_status: string;
  readonly killed: number | null;
  readonly wounded: number | null;
  readonly displaced: number | null;
  readonly civilians_affected: boolean | null;
  readonly weapons: readonly string[];
  readonly agreement: unknown;
  readonly evidence: unknown;
  readonly confidence: number;
}

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
  return `in_${createHash('sha256').update(`${day}|${area}|${type}|${dyad ?? ''}`).digest('hex').slice(0, 24)}`;
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
export async function storeExtractions(trx: Queryable, inputs: readonly StoreExtractionInput[]): Promise<StoreExtractionResult[]> {
  if (inputs.length === 0) return [];
  const ids = [...new Set(inputs.map((i) => i.statementId))];
  const stored = (await trx.raw<{ rows: { statement_id: string; v: string }[] }>(
    `select distinct statement_id, extractor_version as v from violation_events where statement_id = any(?) and superseded_at is null
     union select distinct statement_id, extractor_version from casualty_reports where statement_id = any(?) and superseded_at is null`,
    [ids, ids],
  )).rows;
  const versionsOf = new Map<string, string[]>();
  for (const r of stored) versionsOf.set(r.statement_id, [...(versionsOf.get(r.statement_id) ?? []), r.v]);

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
    if (versions.some((v) => v !== input.extractorVersion)) supersede.push({ statementId: input.statementId, version: input.extractorVersion });
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
    for (const r of rows as Array<{ incident_id: string | null }>) if (r.incident_id) touched.add(r.incident_id);
    await trx('casualty_reports')
      .where({ statement_id: s.statementId })
      .whereNull('superseded_at')
      .whereNot({ extractor_version: s.version })
      .update({ superseded_at: trx.fn.now() });
  }

  const publishedAt = new Map<string, Date>(
    fresh.length === 0
      ? []
      : ((await trx('statements').select('id', 'published_at').whereIn('id', [...new Set(fresh.map((f) => f.statementId))])) as Array<{ id: string; published_at: Date }>).map((r) => [r.id, r.published_at]),
  );
  const incidentOf = new Map<StoreExtractionInput, Map<string, string | null>>();
  const incidents = new Map<string, { day: string; area: string; type: string; dyad: string | null; at: Date | undefined }>();
  for (const input of fresh) {
    const links = new Map<string, string | null>();
    for (const e of input.events) {
      const linkable = e.type !== 'ceasefire_agreement' && e.date !== null;
      const id = linkable ? incidentId(e.date!, e.area, e.type, input.dyad) : null;
      links.set(e.id, id);
      if (id && !incidents.has(id)) {
        incidents.set(id, { day: e.date!, area: e.area, type: e.type, dyad: input.dyad, at: publishedAt.get(input.statementId) });
      }
    }
    incidentOf.set(input, links);
  }
  if (incidents.size > 0) {
    await trx('incidents')
      .insert([...incidents].map(([id, k]) => ({ id, day: k.day, area: k.area, type: k.type, dyad: k.dyad, first_reported_at: k.at ?? trx.fn.now(), last_reported_at: k.at ?? trx.fn.now() })))
      .onConflict('id')
      .ignore();
  }

  const events = fresh.flatMap((input) => input.events.map((e) => ({ e, incident: incidentOf.get(input)!.get(e.id) ?? null })));
  // Postgres takes at most 65535 parameters per statement: insert in chunks.
  for (const chunk of chunks(events, 500)) {
    await trx('violation_events')
      .insert(
        chunk.map(({ e, incident }) => ({
          id: e.id,
          statement_id: e.statement_id,
          extractor_version: e.extractor_version,
          event_index: e.event_index,
          profile: e.profile,
          area: e.area,
          type: e.type,
          acled_event_type: e.acled_event_type,
          acled_sub_event_type: e.acled_sub_event_type,
          cameo_code: e.cameo_code,
          occurred_start: e.time.start_utc,
          occurred_end: e.time.end_utc,
          occurred_local: e.time.local,
          reported_zone: e.time.zone,
          utc_offset: e.time.utc_offset,
          time_precision: e.time.precision,
          date: e.date,
          time_of_day: e.time_of_day,
          locations: [...e.locations],
          country_of_location: e.country_of_location,
          accused_party: e.accused_party,
          reported_by: e.reported_by,
          reporter_agency: e.reporter.agency,
          claim_status: e.claim_status,
          killed: e.killed,
          wounded: e.wounded,
          displaced: e.displaced,
          civilians_affected: e.civilians_affected,
          weapons: [...e.weapons],
          confidence: e.confidence,
          evidence: JSON.stringify(e.evidence ?? []),
          agreement: e.agreement == null ? null : JSON.stringify(e.agreement),
          incident_id: incident,
        })),
      )
      .onConflict('id')
      .ignore();
  }
  const places = events.flatMap(({ e }) =>
    e.places.map((p, position) => ({
      event_id: e.id,
      position,
      place_id: p.id,
      as_written: p.as_written,
      name: p.name,
      country: p.country,
      admin: [...p.admin],
      lat: p.lat,
      lon: p.lon,
      kind: p.kind,
    })),
  );
  for (const chunk of chunks(places, 1000)) {
    await trx('violation_event_places').insert(chunk).onConflict(['event_id', 'position']).ignore();
  }
  const casualties = fresh.flatMap((input) => input.casualtyReports.map((c) => ({ ...c, evidence: JSON.stringify(c.evidence ?? []) })));
  for (const chunk of chunks(casualties, 1000)) {
    await trx('casualty_reports').insert(chunk).onConflict('id').ignore();
  }

  for (const id of incidents.keys()) touched.add(id);
  if (touched.size > 0) {
    await refreshIncidents(trx, [...touched], [...new Set(inputs.flatMap((i) => i.thirdParties))], {
      // Only superseded rows can leave an incident without a current report.
      emptied: supersede.length > 0,
    });
  }
  return inputs.map((input) => ({ outcome: outcome.get(input)!, incidentOf: incidentOf.get(input) ?? new Map() }));
}

/** One statement's extraction: {@link storeExtractions} for a batch of one. */
export async function storeExtraction(trx: Queryable, input: StoreExtractionInput): Promise<StoreExtractionResult> {
  const [result] = await storeExtractions(trx, [input]);
  return result!;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Recomputes report counts, sides and corroboration of incidents from their current reports.
 * `emptied: false` skips the pass over incidents left without any (none can be when no report
 * was superseded).
 */
export async function refreshIncidents(
  trx: Queryable,
  ids: readonly string[],
  thirdParties: readonly string[],
  options: { emptied?: boolean } = {},
): Promise<void> {
  await trx.raw(
    `update incidents i set
        report_count = agg.reports,
        sides = agg.sides,
        first_reported_at = least(i.first_reported_at, agg.first_at),
        last_reported_at = greatest(i.last_reported_at, agg.last_at),
        corroboration = case
          when agg.sides && ?::text[] then 'third_party'
          when cardinality(agg.sides) >= 2 then 'both_sides'
          else 'alleged_one_side' end,
        updated_at = now()
      from (
        select e.incident_id,
               count(distinct e.statement_id)::int as reports,
               coalesce(array_agg(distinct e.reported_by order by e.reported_by) filter (where e.reported_by is not null), '{}') as sides,
               min(s.published_at) as first_at,
               max(s.published_at) as last_at
          from violation_events e join statements s on s.id = e.statement_id
         where e.incident_id = any(?) and e.superseded_at is null
         group by e.incident_id
      ) agg
     where i.id = agg.incident_id`,
    [[...thirdParties], [...ids]],
  );
  if (options.emptied === false) return;
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
  const rows = await db('incidents').select('id', 'corroboration', 'report_count', 'sides').whereIn('id', ids);
  return new Map(rows.map((r: { id: string; corroboration: string; report_count: number; sides: string[] }) => [r.id, r]));
}
