import type { Knex } from 'knex';

/**
 * A dead letter's header values as they came: `headers` holds them decoded as UTF-8, which
 * replaces invalid bytes, and jsonb holds no NUL (issue #15). `header_bytes` maps each header
 * name to its value's bytes in base64 (jsonb keeps it readable next to `headers`).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dead_letters', (t) => {
    t.jsonb('header_bytes');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dead_letters', (t) => {
    t.dropColumn('header_bytes');
  });
}
