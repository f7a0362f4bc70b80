import type { Knex } from 'knex';

/**
 * The alerting ticker reads, every second, the alerts it may have work for (`listAlertsToTick`:
 * not resolved, or resolved and not yet notified as such) in `updated_at` order. Without an
 * index of those alerts it scans the whole table, resolved alerts included, which grows for
 * ever; this partial index holds only the few it reads (its predicate is the query's).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(
    `create index alerts_to_tick_idx on alerts (updated_at)
      where state <> 'resolved' or (notified_state is distinct from state and notified_state is not null)`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index alerts_to_tick_idx');
}
