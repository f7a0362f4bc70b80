import type { Knex } from 'knex';

/**
 * When a statement was handed to the statements topic. The ingester stores first and publishes
 * second; a crash between the two leaves `enqueued_at` null, so the next arrival of the same
 * statement (or `ceasefire replay`) publishes it instead of finding "already stored" and stopping.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('statements', (t) => {
    t.timestamp('enqueued_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('statements', (t) => {
    t.dropColumn('enqueued_at');
  });
}
