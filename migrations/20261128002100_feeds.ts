import type { Knex } from 'knex';

/**
 * The feed poller's memory: validators for conditional requests per feed, and every item seen,
 * so an item is ingested once however often the feed repeats it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('feeds', (t) => {
    t.text('url').primary();
    t.text('etag');
    t.text('last_modified');
    t.timestamp('last_polled_at', { useTz: true });
    t.integer('last_status');
    t.text('last_error');
    t.integer('consecutive_failures').notNullable().defaultTo(0);
  });
  await knex.schema.createTable('feed_items', (t) => {
    t.text('feed_url').notNullable().references('url').inTable('feeds').onDelete('CASCADE');
    // guid / atom:id, else the item's link.
    t.text('item_key').notNullable();
    t.text('statement_id').references('id').inTable('statements').onDelete('SET NULL');
    t.timestamp('seen_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['feed_url', 'item_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('feed_items');
  await knex.schema.dropTable('feeds');
}
