import type { Knex } from 'knex';

/**
 * An alert keeps only the latest ids of the events that joined since its last notification
 * (`unnotified_event_ids`, at most 100, what the next notification lists) and how many joined
 * (`unnotified_event_count`). The whole list was read and rewritten with every batch of breaches:
 * a busy group's list grew by thousands of ids per group interval, and each batch's cost with it.
 * Every event of an alert stays in `alert_events`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('alerts', (t) => {
    t.integer('unnotified_event_count').notNullable().defaultTo(0);
  });
  await knex.raw(`
    update alerts
       set unnotified_event_count = cardinality(unnotified_event_ids),
           unnotified_event_ids = unnotified_event_ids[greatest(1, cardinality(unnotified_event_ids) - 99):]
     where cardinality(unnotified_event_ids) > 0`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('alerts', (t) => {
    t.dropColumn('unnotified_event_count');
  });
}
