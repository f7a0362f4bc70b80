import type { Knex } from 'knex';

// Frozen here, not imported from the contracts: a migration must read the same forever. The
// violation_events migration checks its column with this same frozen list.
export const EVENT_TYPES = [
  'small_arms_fire',
  'heavy_weapons_fire',
  'air_or_drone_strike',
  'armed_clash',
  'incursion',
  'property_destruction',
  'military_buildup',
  'ceasefire_agreement',
  'violation_allegation',
]
  .map((type) => `'${type}'`)
  .join(', ');

/**
 * Incidents: reports from different statements that agree on day, area, type and dyad are one
 * incident, so alerts fire once per incident and corroboration can grow.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('incidents', (t) => {
    // Deterministic from the key, so two classifiers linking the same report converge.
    t.text('id').primary();
    t.date('day').notNullable();
    t.text('area').notNullable();
    t.text('type').notNullable();
    // The two sides, sorted and joined by '-' ('KG-TJ'): both sides' mutual accusations about
    // one clash share it. Null when the reports name no accused side.
    t.text('dyad');
    t.timestamp('first_reported_at', { useTz: true }).notNullable();
    t.timestamp('last_reported_at', { useTz: true }).notNullable();
    t.text('corroboration').notNullable().defaultTo('alleged_one_side');
    t.integer('report_count').notNullable().defaultTo(0);
    // Sides that reported it (reported_by of its events).
    t.specificType('sides', 'text[]').notNullable().defaultTo('{}');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`type in (${EVENT_TYPES})`, [], 'incidents_type');
    t.check(
      `corroboration in ('alleged_one_side', 'both_sides', 'third_party')`,
      [],
      'incidents_corroboration',
    );
    t.check(`report_count >= 0`, [], 'incidents_report_count');
    t.check(`last_reported_at >= first_reported_at`, [], 'incidents_reported_order');
    t.index(['day'], 'incidents_day_idx');
  });
  // Postgres 15: NULLS NOT DISTINCT, so two incidents with no dyad on the same key collide.
  await knex.raw(
    `alter table incidents add constraint incidents_key unique nulls not distinct (day, area, type, dyad)`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('incidents');
}
