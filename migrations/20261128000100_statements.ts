import type { Knex } from 'knex';

/**
 * Statements as the ingester normalised them. The id is derived from the content, so the same
 * statement arriving from two feeds is one row whose `sources` lists both arrivals.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('statements', (t) => {
    t.text('id').primary();
    t.text('text').notNullable();
    t.text('language').notNullable();
    t.timestamp('published_at', { useTz: true }).notNullable();
    // IANA name or fixed offset ('+06:00'): timestamptz keeps the instant, not the issuer's zone.
    t.text('published_zone');
    t.text('source_agency');
    // The side of the issuing body (KG, TJ, UN…), when the ingester knows it.
    t.text('source_side');
    t.text('url');
    // Every arrival: [{kind: http|feed|folder|cli|replay, ref, received_at}].
    t.jsonb('sources').notNullable().defaultTo(knex.raw(`'[]'::jsonb`));
    t.timestamp('received_at', { useTz: true }).notNullable();
    t.text('content_sha256').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`jsonb_typeof(sources) = 'array'`, [], 'statements_sources_array');
    t.check(`content_sha256 ~ '^[0-9a-f]{64}$'`, [], 'statements_content_sha256_hex');
    t.check(
      `source_side is null or source_side ~ '^[A-Z][A-Z0-9_]{1,15}$'`,
      [],
      'statements_source_side_code',
    );
    t.index(['published_at'], 'statements_published_at_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('statements');
}
