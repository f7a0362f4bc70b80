import type { Knex } from 'knex';

/**
 * How corroborated an incident is, from the sides that reported it: by a third party (one of
 * `third_parties` among them), by both sides, or alleged by one. One definition for the two
 * statements that keep `incidents.corroboration` (the recount and the incremental update).
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function incident_corroboration(sides text[], third_parties text[]) returns text
      language sql immutable as $$
        select case
          when sides && third_parties then 'third_party'
          when cardinality(sides) >= 2 then 'both_sides'
          else 'alleged_one_side' end
      $$`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop function incident_corroboration(text[], text[])');
}
