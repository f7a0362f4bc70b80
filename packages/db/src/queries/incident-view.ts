import type { Queryable } from '../connection.ts';
import { likePrefix, pageSize, toPage, type Keyset, type Page } from './keyset.ts';

/** An incident with what its current reports claim (the largest figures, never sums). */
export interface IncidentView {
  readonly id: string;
  readonly day: string;
  readonly area: string;
  readonly type: string;
  readonly dyad: string | null;
  readonly corroboration: string;
  readonly reportCount: number;
  readonly sides: string[];
  readonly accusedParties: string[];
  readonly statementCount: number;
  readonly maxKilledClaimed: number | null;
  readonly maxWoundedClaimed: number | null;
  /** Mean position of the gazetteer places its reports name; null when none has coordinates. */
  readonly lat: number | null;
  readonly lon: number | null;
  readonly firstReportedAt: Date;
  readonly lastReportedAt: Date;
}

interface IncidentRow {
  id: string;
  day: string;
  area: string;
  type: string;
  dyad: string | null;
  corroboration: string;
  report_count: number;
  sides: string[];
  accused_parties: string[] | null;
  statement_count: number | null;
  max_killed: number | null;
  max_wounded: number | null;
  lat: number | null;
  lon: number | null;
  first_reported_at: Date;
  last_reported_at: Date;
}

function toView(r: IncidentRow): IncidentView {
  return {
    id: r.id,
    day: r.day,
    area: r.area,
    type: r.type,
    dyad: r.dyad,
    corroboration: r.corroboration,
    reportCount: r.report_count,
    sides: r.sides,
    accusedParties: r.accused_parties ?? [],
    statementCount: r.statement_count ?? 0,
    maxKilledClaimed: r.max_killed,
    maxWoundedClaimed: r.max_wounded,
    lat: r.lat,
    lon: r.lon,
    firstReportedAt: r.first_reported_at,
    lastReportedAt: r.last_reported_at,
  };
}

function baseQuery(db: Queryable) {
  // Aggregates of the current reports, computed per incident in lateral subqueries so the page
  // limit applies to incidents, not to their reports.
  return db('incidents as i')
    .select(
      'i.id',
      'i.day',
      'i.area',
      'i.type',
      'i.dyad',
      'i.corroboration',
      'i.report_count',
      'i.sides',
      'i.first_reported_at',
      'i.last_reported_at',
      'r.accused_parties',
      'r.statement_count',
      'r.max_killed',
      'r.max_wounded',
      'p.lat',
      'p.lon',
    )
    .joinRaw(
      `left join lateral (
         select array_agg(distinct e.accused_party order by e.accused_party) filter (where e.accused_party is not null) as accused_parties,
                count(distinct e.statement_id)::int as statement_count,
                max(e.killed) as max_killed,
                max(e.wounded) as max_wounded
           from violation_events e
          where e.incident_id = i.id and e.superseded_at is null
       ) r on true`,
    )
    .joinRaw(
      `left join lateral (
         select avg(vp.lat) as lat, avg(vp.lon) as lon
           from violation_events e
           join violation_event_places vp on vp.event_id = e.id
          where e.incident_id = i.id and e.superseded_at is null and vp.lat is not null and vp.lon is not null
       ) p on true`,
    );
}

/** Filters of {@link listIncidents}. */
export interface ListIncidentsInput {
  /** Inclusive first day (`YYYY-MM-DD`). */
  readonly fromDay?: string;
  /** Inclusive last day. */
  readonly toDay?: string;
  /** An area id; also matches the areas below it. */
  readonly area?: string;
  readonly types?: readonly string[];
  readonly corroboration?: string;
  readonly after?: Keyset;
  readonly limit?: number;
}

/** Incidents, latest day first, with only those that still have a current report. */
export async function listIncidents(db: Queryable, input: ListIncidentsInput = {}): Promise<Page<IncidentView>> {
  const limit = pageSize(input.limit);
  const q = baseQuery(db)
    .where('i.report_count', '>', 0)
    .orderBy([
      { column: 'i.day', order: 'desc' },
      { column: 'i.id', order: 'desc' },
    ])
    .limit(limit + 1);
  if (input.fromDay) q.where('i.day', '>=', input.fromDay);
  if (input.toDay) q.where('i.day', '<=', input.toDay);
  if (input.area) {
    const area = input.area;
    q.where((w) => w.where('i.area', area).orWhere('i.area', 'like', `${likePrefix(area)}.%`));
  }
  if (input.types?.length) q.whereIn('i.type', [...input.types]);
  if (input.corroboration) q.where('i.corroboration', input.corroboration);
  if (input.after?.at) q.whereRaw('(i.day, i.id) < (?::date, ?)', [input.after.at.toISOString().slice(0, 10), input.after.id]);
  const page = toPage((await q) as IncidentRow[], limit, (r) => ({ at: new Date(`${r.day}T00:00:00Z`), id: r.id }));
  return { items: page.items.map(toView), next: page.next };
}

export async function getIncidentView(db: Queryable, id: string): Promise<IncidentView | null> {
  const row = (await baseQuery(db).where('i.id', id).first()) as IncidentRow | undefined;
  return row === undefined ? null : toView(row);
}
