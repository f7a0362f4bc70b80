import type { Knex } from 'knex';

/**
 * What lets a breach update its alert without reading the alert's events again:
 * - `summary_state`: the group summary's inputs (counts, highest killed claim, time span, each
 *   incident's earliest time, points and corroboration) as the alerting core's JSON; null for an
 *   alert from before this column, or one whose events a newer extractor superseded: the next
 *   breach rebuilds it from the alert's current events.
 * - `unnotified_event_ids`: the events that joined since the last notification, which the next
 *   notification lists (a notification carries the new event ids, not every event of the alert).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('alerts', (t) => {
    t.jsonb('summary_state');
    t.specificType('unnotified_event_ids', 'text[]').notNullable().defaultTo('{}');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('alerts', (t) => {
    t.dropColumns('summary_state', 'unnotified_event_ids');
  });
}
