import type { Knex } from 'knex';

/**
 * A dead letter's key as it came. `key` is text, which holds neither NUL nor invalid UTF-8: a
 * message keyed with either could not be recorded and was committed all the same (issue #15).
 * `key` stays, as the key's readable form (those characters replaced by U+FFFD), and the bytes go
 * here.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dead_letters', (t) => {
    t.binary('key_bytes');
  });
  await knex.raw(`update dead_letters set key_bytes = convert_to(key, 'UTF8') where key is not null`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('dead_letters', (t) => {
    t.dropColumn('key_bytes');
  });
}
