import type { Knex } from 'knex';

/**
 * Casualty reports are as-of snapshots of a source's running total ("24 killed, 122 injured"
 * then "36 / 129"). A newer snapshot of the same source and scope supersedes the older; two
 * snapshots are never added. `casualty_reports_latest` answers "what does each source say now".
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('casualty_reports', (t) => {
    // Deterministic from (statement_id, extractor_version, position in the statement).
    t.text('id').primary();
    t.text('statement_id').notNullable().references('id').inTable('statements').onDelete('CASCADE');
    t.text('extractor_version').notNullable();
    // The body that counts (e.g. the Kyrgyz Ministry of Health) and its side.
    t.text('source_agency').notNullable();
    t.text('side');
    // The moment the figure refers to (the statement's cut-off, else its publication).
    t.timestamp('as_of', { useTz: true }).notNullable();
    // What is counted: the whole escalation ('kg-tj:2022-09') or an area key.
    t.text('scope').notNullable();
    t.integer('killed');
    t.integer('injured');
    t.integer('displaced');
    // Whether the figures cover civilians only, military only or everyone, when stated.
    t.text('population').notNullable().defaultTo('all');
    t.jsonb('evidence').notNullable().defaultTo(knex.raw(`'[]'::jsonb`));
    t.timestamp('superseded_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(`side is null or side ~ '^[A-Z][A-Z0-9_]{1,15}$'`, [], 'casualty_reports_side');
    t.check(`population in ('all', 'civilian', 'military')`, [], 'casualty_reports_population');
    t.check(
      `(killed is null or killed >= 0) and (injured is null or injured >= 0) and (displaced is null or displaced >= 0)`,
      [],
      'casualty_reports_counts',
    );
    t.check(
      `killed is not null or injured is not null or displaced is not null`,
      [],
      'casualty_reports_some_figure',
    );
    t.check(`jsonb_typeof(evidence) = 'array'`, [], 'casualty_reports_evidence_array');
    t.index(['statement_id'], 'casualty_reports_statement_id_idx');
    t.index(['source_agency', 'scope', 'as_of'], 'casualty_reports_source_scope_as_of_idx');
  });

  // Newest current snapshot per source, scope and population; ties on as_of go to the later row.
  await knex.raw(`
    create view casualty_reports_latest as
    select distinct on (source_agency, scope, population)
      id, statement_id, source_agency, side, scope, population, as_of, killed, injured, displaced, extractor_version, created_at
    from casualty_reports
    where superseded_at is null
    order by source_agency, scope, population, as_of desc, created_at desc, id desc
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop view casualty_reports_latest');
  await knex.schema.dropTable('casualty_reports');
}
