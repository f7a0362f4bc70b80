import type { Knex } from 'knex';

/**
 * The ingester's sweeper looks for statements stored and never recorded as published
 * (`enqueued_at` null) every few seconds: a partial index keeps that a look at the few such rows,
 * not a scan of every statement.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index statements_unpublished_idx on statements (created_at) where enqueued_at is null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index statements_unpublished_idx');
}
