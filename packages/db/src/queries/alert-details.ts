import type { BreachDetails, BreachReportTime, CasualtyClaim } from '@ceasefire/contracts';
import type { Queryable } from '../connection.ts';

/** A stored report's time, as the breach payload shows it (the contracts' shape). */
export type ReportTime = BreachReportTime;
export type { CasualtyClaim };

/** What an alert's current events say, for its notifications: the contracts' `BreachDetails` of one alert. */
export interface AlertDetailsRecord extends BreachDetails {
  readonly alertId: string;
  readonly profile: string | null;
}

/**
 * The alerts' current events once (`ev`), then one row per alert of aggregates over them; at most
 * 20 places per alert. Times order by when the event happened (its publication when untimed).
 */
const ALERT_DETAILS_SQL = `
  with ev as materialized (
    select ae.alert_id, ae.added_at, v.id, v.profile, v.type, v.weapons, v.accused_party, v.reported_by, v.reporter_agency,
           v.occurred_start, v.occurred_end, v.occurred_local, v.reported_zone, v.utc_offset, v.date, v.killed, v.wounded,
           v.incident_id, v.evidence, v.statement_id, s.published_at, s.url, s.source_agency, s.text,
           coalesce(v.occurred_start, v.occurred_end, s.published_at) as happened
      from alert_events ae
      join violation_events v on v.id = ae.event_id
      join statements s on s.id = v.statement_id
     where ae.alert_id = any(?::text[]) and v.superseded_at is null)
  select a.id as alert_id,
    (select e.profile from ev e where e.alert_id = a.id limit 1) as profile,
    coalesce((select array_agg(distinct e.type order by e.type) from ev e where e.alert_id = a.id), '{}') as types,
    coalesce((select array_agg(distinct w order by w) from ev e cross join unnest(e.weapons) w where e.alert_id = a.id), '{}') as weapons,
    coalesce((select array_agg(distinct e.accused_party order by e.accused_party) from ev e
               where e.alert_id = a.id and e.accused_party is not null), '{}') as accused,
    coalesce((select jsonb_agg(distinct jsonb_build_object('party', e.reported_by, 'agency', coalesce(e.reporter_agency, e.source_agency)))
                from ev e where e.alert_id = a.id), '[]') as reporters,
    coalesce((select jsonb_agg(p) from (
                select distinct on (coalesce(pl.place_id, pl.name)) pl.name, pl.place_id, pl.lat, pl.lon
                  from ev e join violation_event_places pl on pl.event_id = e.id
                 where e.alert_id = a.id and pl.kind in ('settlement', 'other')
                 order by coalesce(pl.place_id, pl.name), pl.lat nulls last limit 20) p), '[]') as places,
    (select jsonb_build_object('utc', coalesce(e.occurred_start, e.occurred_end), 'local', e.occurred_local, 'zone', e.reported_zone,
                               'utc_offset', e.utc_offset, 'date', e.date::text)
       from ev e where e.alert_id = a.id order by e.happened, e.added_at limit 1) as first,
    (select jsonb_build_object('utc', coalesce(e.occurred_start, e.occurred_end), 'local', e.occurred_local, 'zone', e.reported_zone,
                               'utc_offset', e.utc_offset, 'date', e.date::text, 'statement_id', e.statement_id, 'text', e.text,
                               'evidence', e.evidence, 'url', e.url, 'source_agency', e.source_agency)
       from ev e where e.alert_id = a.id order by e.happened desc, e.added_at desc limit 1) as latest,
    (select jsonb_build_object('count', e.killed, 'reported_by', e.reported_by, 'agency', coalesce(e.reporter_agency, e.source_agency),
                               'statement_id', e.statement_id)
       from ev e where e.alert_id = a.id and e.killed is not null order by e.killed desc, e.published_at limit 1) as killed,
    (select jsonb_build_object('count', e.wounded, 'reported_by', e.reported_by, 'agency', coalesce(e.reporter_agency, e.source_agency),
                               'statement_id', e.statement_id)
       from ev e where e.alert_id = a.id and e.wounded is not null order by e.wounded desc, e.published_at limit 1) as wounded,
    (select i.corroboration from ev e join incidents i on i.id = e.incident_id where e.alert_id = a.id
      order by case i.corroboration when 'third_party' then 0 when 'both_sides' then 1 else 2 end limit 1) as corroboration
  from unnest(?::text[]) as a(id)`;

/**
 * The details of these alerts' current events in one query: distinct types, weapons, accused and
 * reporting sides, named places; the first and latest breach's time; the highest killed and
 * wounded claims with their reporters; the best corroboration; the latest report's statement
 * (text, evidence spans, URL). Aggregated in SQL, so a long alert costs one row.
 */
export async function alertDetails(db: Queryable, alertIds: readonly string[]): Promise<Map<string, AlertDetailsRecord>> {
  if (alertIds.length === 0) return new Map();
  const ids = [...new Set(alertIds)];
  const result = (await db.raw(ALERT_DETAILS_SQL, [ids, ids])) as { rows: Array<Record<string, unknown>> };
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
