import type { Knex } from 'knex';

/**
 * A batch's store creates the incidents its events link to as its last statement, together with
 * their new counts, instead of first: two classifier transactions reporting the same incident
 * then wait for each other only over that statement and the commit, not over the whole batch
 * (the first one's new incident row held the second's insert until the first committed). The
 * events' link to their incident is therefore checked at commit, when the incident exists.
 * `incident_sides` is the sorted, distinct union of the sides of two sets of reports.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('alter table violation_events alter constraint violation_events_incident_id_foreign deferrable initially deferred');
  await knex.raw(`
    create function incident_sides(a text[], b text[]) returns text[]
      language sql immutable as $$
        select coalesce(array_agg(distinct x order by x), '{}') from unnest(a || b) as x where x <> ''
      $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function incident_sides(text[], text[])');
  await knex.raw('alter table violation_events alter constraint violation_events_incident_id_foreign not deferrable');
}
