import type { Knex } from 'knex';

/**
 * Views for the questions analysts ask most. They read current events only (a replay with a
 * newer extractor supersedes the older rows) and count incidents beside reports, because one
 * clash is reported by many statements.
 */
export async function up(knex: Knex): Promise<void> {
  // Events without a day cannot be placed on a day and are left out; agreements are not violations.
  await knex.raw(`
    create view violations_per_day_area as
    select
      e.date as day,
      e.area,
      count(*)::int as reports,
      count(distinct coalesce(e.incident_id, e.id))::int as incidents,
      count(distinct e.statement_id)::int as statements,
      array_agg(distinct e.type order by e.type) as types,
      coalesce(array_agg(distinct e.reported_by order by e.reported_by) filter (where e.reported_by is not null), '{}') as reported_by,
      coalesce(array_agg(distinct e.accused_party order by e.accused_party) filter (where e.accused_party is not null), '{}') as accused_parties,
      max(e.killed) as max_killed_claimed,
      max(e.wounded) as max_wounded_claimed,
      bool_or(coalesce(e.civilians_affected, false)) as civilians_affected
    from violation_events e
    where e.superseded_at is null
      and e.type <> 'ceasefire_agreement'
      and e.date is not null
    group by e.date, e.area
  `);

  // Breaches are what alerting decided: events linked to an alert of the agreement.
  await knex.raw(`
    create view breaches_per_agreement as
    select
      a.id as agreement_id,
      a.name,
      a.parties,
      a.status,
      a.starts_at,
      a.ends_at,
      count(distinct al.id)::int as alerts,
      (count(distinct al.id) filter (where al.state <> 'resolved'))::int as open_alerts,
      count(distinct ve.id)::int as breach_reports,
      count(distinct coalesce(ve.incident_id, ve.id))::int as breach_incidents,
      count(distinct al.area)::int as areas,
      min(al.first_event_at) as first_breach_at,
      max(al.last_event_at) as last_breach_at,
      coalesce(bool_or(al.untimed_allegation), false) as has_untimed_allegations
    from agreements a
    left join alerts al on al.agreement_id = a.id
    left join alert_events ae on ae.alert_id = al.id
    left join violation_events ve on ve.id = ae.event_id and ve.superseded_at is null
    group by a.id
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop view breaches_per_agreement');
  await knex.raw('drop view violations_per_day_area');
}
