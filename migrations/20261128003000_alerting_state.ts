import type { Knex } from 'knex';

/**
 * What the alerting worker needs beyond the first alerting tables:
 * - agreements: when an agreement became known (the start's stand-in while the start is
 *   unknown), a key that makes the same agreement read from several statements one row, and
 *   when its breaches were last evaluated against the stored events (a new or changed
 *   agreement is evaluated against events that arrived before it).
 * - alerts: what was last notified (state, severity, incident count, killed) so that the next
 *   notification follows from the difference, the severity an operator acknowledged, the
 *   escalations that fired, and when a breach last joined (the quiet period counts from there).
 * - alert_events: whether the event could not be placed after the agreement's start.
 * - alert_deliveries: the notification as sent, so every retry sends the same bytes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('agreements', (t) => {
    t.timestamp('announced_at', { useTz: true });
    // parties, level and day of a statement-derived agreement; null for operators' agreements.
    t.text('dedupe_key');
    // Null or older than updated_at: the worker still has to evaluate stored events against it.
    t.timestamp('evaluated_at', { useTz: true });
    t.unique(['dedupe_key'], { indexName: 'agreements_dedupe_key' });
  });
  await knex.schema.alterTable('alerts', (t) => {
    t.timestamp('last_breach_at', { useTz: true });
    t.text('acknowledged_severity');
    t.specificType('escalations', 'text[]').notNullable().defaultTo('{}');
    t.text('notified_state');
    t.text('notified_severity');
    t.integer('notified_incident_count').notNullable().defaultTo(0);
    t.integer('notified_killed');
    t.integer('notification_seq').notNullable().defaultTo(0);
    t.check(
      `acknowledged_severity is null or acknowledged_severity in ('info', 'warning', 'critical')`,
      [],
      'alerts_acknowledged_severity',
    );
    t.check(
      `notified_state is null or notified_state in ('firing', 'acknowledged', 'resolved')`,
      [],
      'alerts_notified_state',
    );
  });
  await knex.schema.alterTable('alert_events', (t) => {
    t.boolean('untimed').notNullable().defaultTo(false);
  });
  await knex.schema.alterTable('alert_deliveries', (t) => {
    t.jsonb('payload');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('alert_deliveries', (t) => {
    t.dropColumn('payload');
  });
  await knex.schema.alterTable('alert_events', (t) => {
    t.dropColumn('untimed');
  });
  await knex.schema.alterTable('alerts', (t) => {
    t.dropChecks(['alerts_acknowledged_severity', 'alerts_notified_state']);
    t.dropColumns(
      'last_breach_at',
      'acknowledged_severity',
      'escalations',
      'notified_state',
      'notified_severity',
      'notified_incident_count',
      'notified_killed',
      'notification_seq',
    );
  });
  await knex.schema.alterTable('agreements', (t) => {
    t.dropUnique(['dedupe_key'], 'agreements_dedupe_key');
    t.dropColumns('announced_at', 'dedupe_key', 'evaluated_at');
  });
}
