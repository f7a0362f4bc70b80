import type { Knex } from 'knex';

/**
 * Two partial indexes for queries that run on every batch and, before a table's first ANALYZE
 * (a new deployment, a fresh schema), were planned as passes over every event: a cost that grew
 * with the store.
 * - The current (not superseded) events of an incident: the classifier recounts the reports and
 *   sides of every incident a batch touches.
 * - The superseded events of a statement: alerting looks for them in every batch (a statement
 *   classified again makes the summaries of the alerts counting its old events stale). Few
 *   events are ever superseded, so the index is small.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw('create index violation_events_current_incident_idx on violation_events (incident_id) where superseded_at is null');
  await knex.raw('create index violation_events_superseded_statement_idx on violation_events (statement_id) where superseded_at is not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index violation_events_superseded_statement_idx');
  await knex.raw('drop index violation_events_current_incident_idx');
}
