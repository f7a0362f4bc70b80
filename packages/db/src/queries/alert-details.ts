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
 * The alerts' current events once (`ev`), then each aggregate in one pass over them grouped by
 * alert, joined to one row per alert; at most 20 places per alert. Times order by when the event
 * happened (its publication when untimed). Only the latest report's statement text is read: `ev`
 * holds no texts, and no aggregate scans it once per alert (it did: a batch notifying many long
 * alerts paid alerts × their events, and copied every event's statement text).
 */
const ALERT_DETAILS_SQL = `
  with ev as materialized (
    select ae.alert_id, ae.added_at, v.id, v.profile, v.type, v.weapons, v.accused_party, v.reported_by, v.reporter_agency,
           v.occurred_start, v.occurred_end, v.occurred_local, v.reported_zone, v.utc_offset, v.date, v.killed, v.wounded,
           v.incident_id, v.statement_id, s.published_at, s.source_agency,
           coalesce(v.occurred_start, v.occurred_end, s.published_at) as happened
      from alert_events ae
      -- One index lookup per linked event (offset 0 keeps the subquery from being flattened):
      -- the planner otherwise hashed every current event of the store for an alert of four.
      join lateral (select * from violation_events v where v.id = ae.event_id and v.superseded_at is null offset 0) v on true
      join statements s on s.id = v.statement_id
     where ae.alert_id = any(?::text[])),
  agg as (
    select e.alert_id, min(e.profile) as profile,
           array_agg(distinct e.type order by e.type) as types,
           array_agg(distinct e.accused_party order by e.accused_party) filter (where e.accused_party is not null) as accused,
           jsonb_agg(distinct jsonb_build_object('party', e.reported_by, 'agency', coalesce(e.reporter_agency, e.source_agency))) as reporters
      from ev e group by e.alert_id),
  weapons as (
    select e.alert_id, array_agg(distinct w order by w) as weapons
      from ev e cross join unnest(e.weapons) w group by e.alert_id),
  places as (
    select p.alert_id, jsonb_agg(jsonb_build_object('name', p.name, 'place_id', p.place_id, 'lat', p.lat, 'lon', p.lon) order by p.key) as places
      from (select d.*, row_number() over (partition by d.alert_id order by d.key) as n
              from (select distinct on (e.alert_id, coalesce(pl.place_id, pl.name))
                           e.alert_id, coalesce(pl.place_id, pl.name) as key, pl.name, pl.place_id, pl.lat, pl.lon
                      from ev e
                      join lateral (select * from violation_event_places pl
                                     where pl.event_id = e.id and pl.kind in ('settlement', 'other') offset 0) pl on true
                     order by e.alert_id, coalesce(pl.place_id, pl.name), pl.lat nulls last) d) p
     where p.n <= 20 group by p.alert_id),
  first as (
    select distinct on (e.alert_id) e.alert_id,
           jsonb_build_object('utc', coalesce(e.occurred_start, e.occurred_end), 'local', e.occurred_local, 'zone', e.reported_zone,
                              'utc_offset', e.utc_offset, 'date', e.date::text) as first
      from ev e order by e.alert_id, e.happened, e.added_at),
  latest as (
    select l.alert_id,
           jsonb_build_object('utc', coalesce(l.occurred_start, l.occurred_end), 'local', l.occurred_local, 'zone', l.reported_zone,
                              'utc_offset', l.utc_offset, 'date', l.date::text, 'statement_id', l.statement_id, 'text', s.text,
                              'evidence', v.evidence, 'url', s.url, 'source_agency', l.source_agency) as latest
      from (select distinct on (e.alert_id) e.* from ev e order by e.alert_id, e.happened desc, e.added_at desc) l
      join violation_events v on v.id = l.id
      join statements s on s.id = l.statement_id),
  killed as (
    select distinct on (e.alert_id) e.alert_id,
           jsonb_build_object('count', e.killed, 'reported_by', e.reported_by, 'agency', coalesce(e.reporter_agency, e.source_agency),
                              'statement_id', e.statement_id) as killed
      from ev e where e.killed is not null order by e.alert_id, e.killed desc, e.published_at),
  wounded as (
    select distinct on (e.alert_id) e.alert_id,
           jsonb_build_object('count', e.wounded, 'reported_by', e.reported_by, 'agency', coalesce(e.reporter_agency, e.source_agency),
                              'statement_id', e.statement_id) as wounded
      from ev e where e.wounded is not null order by e.alert_id, e.wounded desc, e.published_at),
  corroboration as (
    select distinct on (e.alert_id) e.alert_id, i.corroboration
      from ev e join lateral (select i.corroboration from incidents i where i.id = e.incident_id offset 0) i on true
     order by e.alert_id, case i.corroboration when 'third_party' then 0 when 'both_sides' then 1 else 2 end)
  select a.id as alert_id, agg.profile,
         coalesce(agg.types, '{}') as types, coalesce(weapons.weapons, '{}') as weapons,
         coalesce(agg.accused, '{}') as accused, coalesce(agg.reporters, '[]') as reporters,
         coalesce(places.places, '[]') as places, first.first, latest.latest, killed.killed, wounded.wounded,
         corroboration.corroboration
    from unnest(?::text[]) as a(id)
    left join agg on agg.alert_id = a.id
    left join weapons on weapons.alert_id = a.id
    left join places on places.alert_id = a.id
    left join first on first.alert_id = a.id
    left join latest on latest.alert_id = a.id
    left join killed on killed.alert_id = a.id
    left join wounded on wounded.alert_id = a.id
    left join corroboration on corroboration.alert_id = a.id`;

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
