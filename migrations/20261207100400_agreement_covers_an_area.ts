import type { Knex } from 'knex';

/**
 * An agreement covers at least one area or the whole border: one covering none never matches an
 * event, so its alerts stop without a word (a PATCH could leave it so). The operator API refuses
 * such a change with a 400; this check keeps every other path (CLI, SQL) from doing it. NOT
 * VALID: rows stored before are not checked, only their next change.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`alter table agreements add constraint agreements_covers_an_area check (whole_border or cardinality(scope_areas) > 0) not valid`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('alter table agreements drop constraint agreements_covers_an_area');
}
