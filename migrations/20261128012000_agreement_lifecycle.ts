import type { Knex } from 'knex';
import { WORKER_TABLES } from './20261128004000_worker_roles.ts';

/** The worker roles that write the new agreement tables; every role reads them. */
export const AGREEMENT_HISTORY_WRITERS = ['ceasefire_alerting'] as const;

/**
 * Agreements with an identity and a lifecycle (issue #21):
 * - `agreements.reached_on`: the day the agreement was reached (local, as the statements give it);
 *   statements of one agreement are matched on it within a short window, not on an exact key.
 *   `corroborated`: reported by both sides or a third party (it enters into force at its start).
 *   Status gains `superseded` (a later agreement of the same parties and scope replaced it) and
 *   `rejected` (an operator said it is no agreement).
 * - `agreement_sources`: every statement (event) that reported the agreement.
 * - `agreement_transitions`: every change of status, with its reason and source.
 * - `alert_events.event_id` is unique: a violation event joins at most one alert. Links that
 *   break it (the old one-alert-per-agreement grouping) keep the earliest; the alerts that lose
 *   an event have their summary state dropped, so the worker rebuilds it from their events.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('agreements', (t) => {
    t.date('reached_on');
    t.boolean('corroborated').notNullable().defaultTo(false);
    t.dropChecks(['agreements_status']);
  });
  await knex.raw(
    `alter table agreements add constraint agreements_status check (status in ('proposed', 'in_force', 'superseded', 'ended', 'rejected'))`,
  );
  await knex.raw(`update agreements set reached_on = (announced_at at time zone 'UTC')::date where reached_on is null and source = 'statement'`);
  await knex.raw(`create index agreements_parties_reached_on_idx on agreements using gin (parties)`);

  await knex.schema.createTable('agreement_sources', (t) => {
    t.text('agreement_id').notNullable().references('id').inTable('agreements').onDelete('CASCADE');
    t.text('event_id').notNullable().references('id').inTable('violation_events').onDelete('CASCADE');
    t.text('statement_id').notNullable().references('id').inTable('statements').onDelete('CASCADE');
    // The side or third party that reported it (`KG`, `OSCE`); null when the statement does not say.
    t.text('reported_by');
    t.timestamp('published_at', { useTz: true }).notNullable();
    // What this statement said: the agreement keeps the first start given, the union of terms.
    t.timestamp('starts_at', { useTz: true });
    t.text('start_zone');
    t.text('level');
    t.specificType('terms', 'text[]').notNullable().defaultTo('{}');
    t.timestamp('added_at', { useTz: true }).notNullable();
    t.primary(['agreement_id', 'event_id']);
    t.index(['event_id'], 'agreement_sources_event_id_idx');
  });
  await knex.raw(`
    insert into agreement_sources (agreement_id, event_id, statement_id, reported_by, published_at, starts_at, start_zone, level, terms, added_at)
    select a.id, a.source_event_id, a.source_statement_id, ve.reported_by, s.published_at, a.starts_at, a.start_zone, a.level, a.terms, a.created_at
      from agreements a join violation_events ve on ve.id = a.source_event_id join statements s on s.id = a.source_statement_id
     where a.source = 'statement'`);

  await knex.schema.createTable('agreement_transitions', (t) => {
    t.bigIncrements('id').primary();
    t.text('agreement_id').notNullable().references('id').inTable('agreements').onDelete('CASCADE');
    // Null when the agreement was created; equal to to_status for a change that kept the status.
    t.text('from_status');
    t.text('to_status').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    // An operator's name, or 'system'.
    t.text('by').notNullable();
    t.text('reason').notNullable();
    // The statement that caused it, when one did.
    t.text('statement_id').references('id').inTable('statements').onDelete('SET NULL');
    // The agreement that replaced this one (to_status superseded).
    t.text('superseded_by').references('id').inTable('agreements').onDelete('SET NULL');
    t.index(['agreement_id', 'at'], 'agreement_transitions_agreement_id_at_idx');
  });
  await knex.raw(`
    insert into agreement_transitions (agreement_id, from_status, to_status, at, by, reason, statement_id)
    select id, null, status, created_at, coalesce(registered_by, 'system'),
           case when source = 'operator' then 'registered by an operator' else 'reported' end, source_statement_id
      from agreements`);

  // One alert per violation event: keep each event's earliest link.
  await knex.raw(`
    with ranked as (
      select alert_id, event_id, row_number() over (partition by event_id order by added_at, alert_id) as n from alert_events),
    dropped as (
      delete from alert_events ae using ranked r
       where ae.alert_id = r.alert_id and ae.event_id = r.event_id and r.n > 1
      returning ae.alert_id)
    update alerts set summary_state = null where id in (select alert_id from dropped)`);
  await knex.raw(`create unique index alert_events_one_alert_per_event on alert_events (event_id)`);

  for (const role of Object.keys(WORKER_TABLES)) {
    await knex.raw('grant select on agreement_sources, agreement_transitions to ??', [role]);
    await knex.raw('grant usage, select on sequence agreement_transitions_id_seq to ??', [role]);
  }
  for (const role of AGREEMENT_HISTORY_WRITERS)
    await knex.raw('grant insert, update, delete on agreement_sources, agreement_transitions to ??', [role]);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index alert_events_one_alert_per_event');
  await knex.schema.dropTable('agreement_transitions');
  await knex.schema.dropTable('agreement_sources');
  await knex.raw('drop index agreements_parties_reached_on_idx');
  await knex.raw(`update agreements set status = 'ended' where status in ('superseded', 'rejected')`);
  await knex.raw('alter table agreements drop constraint agreements_status');
  await knex.raw(`alter table agreements add constraint agreements_status check (status in ('proposed', 'in_force', 'ended'))`);
  await knex.schema.alterTable('agreements', (t) => {
    t.dropColumns('reached_on', 'corroborated');
  });
}
