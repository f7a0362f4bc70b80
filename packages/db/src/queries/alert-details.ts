import type { Queryable } from '../connection.ts';

/** A stored report's time, as the breach payload shows it. */
export interface ReportTime {
  readonly utc: Date | null;
  readonly local: string | null;
  readonly zone: string | null;
  readonly utcOffset: string | null;
  readonly date: string | null;
}

/** A casualty claim: the figure and the report that made it. */
export interface CasualtyClaim {
  readonly count: number;
  readonly reportedBy: string | null;
  readonly agency: string | null;
  readonly statementId: string;
}

/** What an alert's current events say, for its notifications (who, what, where, when, evidence). */
export interface AlertDetailsRecord {
  readonly alertId: string;
  readonly profile: string | null;
  readonly types: string[];
  readonly weapons: string[];
  readonly accused: string[];
  readonly reporters: Array<{ party: string | null; agency: string | null }>;
  readonly places: Array<{ name: string; placeId: string | null; lat: number | null; lon: number | null }>;
  readonly first: ReportTime | null;
  readonly latest: (ReportTime & { statementId: string; text: string; evidence: Array<{ field: string; start: number; end: number }>; url: string | null; sourceAgency: string | null }) | null;
  readonly killed: CasualtyClaim | null;
  readonly wounded: CasualtyClaim | null;
  readonly corroboration: 'alleged_one_side' | 'both_sides' | 'third_party' | null;
}

/** At most this many places per alert in a notification. */
const PLACES_MAX = 20;

/**
 * The details of these alerts' current events in one query: distinct types, weapons, accused and
 * reporting sides, named places; the first and latest breach's time; the highest killed and
 * wounded claims with their reporters; the best corroboration; the latest report's statement
 * (text, evidence spans, URL). Aggregated in SQL, so a long alert costs one row.
 */
export async function alertDetails(db: Queryable, alertIds: readonly string[]): Promise<Map<string, AlertDetailsRecord>> {
  if (alertIds.length === 0) return new Map();
  const events = `from alert_events ae join violation_events v on v.id = ae.event_id
                   join statements s on s.id = v.statement_id
                  where ae.alert_id = a.id and v.superseded_at is null`;
  const time = (v: string) => `jsonb_build_object('utc', coalesce(${v}.occurred_start, ${v}.occurred_end), 'local', ${v}.occurred_local,
      'zone', ${v}.reported_zone, 'utc_offset', ${v}.utc_offset, 'date', ${v}.date::text)`;
  const claim = (column: 'killed' | 'wounded') => `(select jsonb_build_object('count', v.${column}, 'reported_by', v.reported_by,
      'agency', coalesce(v.reporter_agency, s.source_agency), 'statement_id', v.statement_id) ${events} and v.${column} is not null
      order by v.${column} desc, s.published_at limit 1)`;
  const result = (await db.raw(
    `select a.id as alert_id,
       (select v.profile ${events} limit 1) as profile,
       coalesce((select array_agg(distinct v.type order by v.type) ${events}), '{}') as types,
       coalesce((select array_agg(distinct w order by w) ${events.replace('where', 'cross join unnest(v.weapons) w where')}), '{}') as weapons,
       coalesce((select array_agg(distinct v.accused_party order by v.accused_party) ${events} and v.accused_party is not null), '{}') as accused,
       coalesce((select jsonb_agg(distinct jsonb_build_object('party', v.reported_by, 'agency', coalesce(v.reporter_agency, s.source_agency))) ${events}), '[]') as reporters,
       coalesce((select jsonb_agg(p) from (select distinct on (coalesce(pl.place_id, pl.name)) pl.name, pl.place_id, pl.lat, pl.lon
            ${events.replace('where', 'join violation_event_places pl on pl.event_id = v.id where')} and pl.kind in ('settlement', 'other')
            order by coalesce(pl.place_id, pl.name), pl.lat nulls last limit ${PLACES_MAX}) p), '[]') as places,
       (select ${time('v')} ${events} order by coalesce(v.occurred_start, v.occurred_end, s.published_at), ae.added_at limit 1) as first,
       (select ${time('v')} || jsonb_build_object('statement_id', v.statement_id, 'text', s.text, 'evidence', v.evidence,
                 'url', s.url, 'source_agency', s.source_agency)
          ${events} order by coalesce(v.occurred_start, v.occurred_end, s.published_at) desc, ae.added_at desc limit 1) as latest,
       ${claim('killed')} as killed,
       ${claim('wounded')} as wounded,
       (select i.corroboration ${events.replace('where', 'join incidents i on i.id = v.incident_id where')}
          order by case i.corroboration when 'third_party' then 0 when 'both_sides' then 1 else 2 end limit 1) as corroboration
     from unnest(?::text[]) as a(id)`,
    [[...new Set(alertIds)]],
  )) as { rows: Array<Record<string, unknown>> };
  const out = new Map<string, AlertDetailsRecord>();
  for (const r of result.rows) {
    const t = (j: unknown): ReportTime | null => {
      if (j === null || j === undefined) return null;
      const o = j as Record<string, string | null>;
      return { utc: o.utc ? new Date(o.utc) : null, local: o.local ?? null, zone: o.zone ?? null, utcOffset: o.utc_offset ?? null, date: o.date ?? null };
    };
    const c = (j: unknown): CasualtyClaim | null => {
      if (j === null || j === undefined) return null;
      const o = j as { count: number; reported_by: string | null; agency: string | null; statement_id: string };
      return { count: o.count, reportedBy: o.reported_by, agency: o.agency, statementId: o.statement_id };
    };
    const latest = r.latest as (Record<string, unknown> & { statement_id: string; text: string; evidence: Array<{ field: string; start: number; end: number }>; url: string | null; source_agency: string | null }) | null;
    out.set(r.alert_id as string, {
      alertId: r.alert_id as string,
      profile: (r.profile as string | null) ?? null,
      types: r.types as string[],
      weapons: r.weapons as string[],
      accused: r.accused as string[],
      reporters: r.reporters as Array<{ party: string | null; agency: string | null }>,
      places: (r.places as Array<{ name: string; place_id: string | null; lat: number | null; lon: number | null }>).map((p) => ({
        name: p.name,
        placeId: p.place_id,
        lat: p.lat,
        lon: p.lon,
      })),
      first: t(r.first),
      latest:
        latest === null
          ? null
          : { ...t(latest)!, statementId: latest.statement_id, text: latest.text, evidence: latest.evidence, url: latest.url, sourceAgency: latest.source_agency },
      killed: c(r.killed),
      wounded: c(r.wounded),
      corroboration: (r.corroboration as AlertDetailsRecord['corroboration']) ?? null,
    });
  }
  return out;
}
