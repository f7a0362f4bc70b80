import type { Knex } from 'knex';

/**
 * Ceasefire agreements: registered by operators, or proposed from a `ceasefire_agreement`
 * event and confirmed later. The start may be unknown at first and filled in by a later
 * statement; an agreement ends at `ends_at` or when another supersedes it.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('agreements', (t) => {
    t.text('id').primary();
    t.text('name');
    t.specificType('parties', 'text[]').notNullable();
    // Who agreed it; the level tells operators how much weight it carries.
    t.text('level').notNullable().defaultTo('other');
    // Null until a statement gives the start; events before the start are not breaches.
    t.timestamp('starts_at', { useTz: true });
    t.text('start_zone');
    t.timestamp('ends_at', { useTz: true });
    t.text('superseded_by').references('id').inTable('agreements').onDelete('SET NULL');
    // Gazetteer area ids the agreement covers; `whole_border` covers every area of the profile.
    t.specificType('scope_areas', 'text[]').notNullable().defaultTo('{}');
    t.boolean('whole_border').notNullable().defaultTo(false);
    // Normalised terms: cease_fire, withdraw_forces, withdraw_heavy_weapons, joint_patrols…
    t.specificType('terms', 'text[]').notNullable().defaultTo('{}');
    t.text('source').notNullable();
    t.text('source_statement_id').references('id').inTable('statements').onDelete('SET NULL');
    t.text('source_event_id').references('id').inTable('violation_events').onDelete('SET NULL');
    // The operator who registered or confirmed it.
    t.text('registered_by');
    t.text('status').notNullable().defaultTo('proposed');
    t.text('notes');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`cardinality(parties) >= 1`, [], 'agreements_parties');
    t.check(
      `level in ('heads_of_state', 'heads_of_government', 'foreign_ministers', 'security_chiefs', 'governors', 'military_commanders', 'other')`,
      [],
      'agreements_level',
    );
    t.check(`source in ('statement', 'operator')`, [], 'agreements_source');
    t.check(`status in ('proposed', 'in_force', 'ended')`, [], 'agreements_status');
    t.check(`ends_at is null or starts_at is null or ends_at >= starts_at`, [], 'agreements_period');
    t.check(`superseded_by is null or superseded_by <> id`, [], 'agreements_not_self_superseded');
    t.index(['status'], 'agreements_status_idx');
    t.index(['source_statement_id'], 'agreements_source_statement_id_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('agreements');
}
