import type { Knex } from 'knex';

/**
 * Alerts: one group per agreement and area within a window, updated as events arrive,
 * acknowledged by an operator, resolved when the area stays quiet. Every state change is kept
 * in `alert_transitions`; the events of an alert are in `alert_events`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('alerts', (t) => {
    t.text('id').primary();
    t.text('group_key').notNullable();
    t.text('agreement_id').notNullable().references('id').inTable('agreements').onDelete('RESTRICT');
    // The agreement was only proposed (read from a statement) when the alert opened.
    t.boolean('proposed_agreement').notNullable().defaultTo(false);
    t.text('area').notNullable();
    t.text('severity').notNullable();
    t.text('state').notNullable().defaultTo('firing');
    t.text('summary').notNullable().defaultTo('');
    t.timestamp('first_event_at', { useTz: true });
    t.timestamp('last_event_at', { useTz: true });
    t.integer('event_count').notNullable().defaultTo(0);
    t.integer('incident_count').notNullable().defaultTo(0);
    // Highest killed figure among its events (claims are not added up).
    t.integer('killed');
    // A breach alleged without a time cannot be placed after the agreement's start.
    t.boolean('untimed_allegation').notNullable().defaultTo(false);
    t.timestamp('opened_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
    // For the repeat interval.
    t.timestamp('last_notified_at', { useTz: true });
    t.timestamp('acknowledged_at', { useTz: true });
    t.text('acknowledged_by');
    t.timestamp('resolved_at', { useTz: true });
    t.check(`severity in ('info', 'warning', 'critical')`, [], 'alerts_severity');
    t.check(`state in ('firing', 'acknowledged', 'resolved')`, [], 'alerts_state');
    t.check(`event_count >= 0 and incident_count >= 0`, [], 'alerts_counts');
    t.check(`killed is null or killed >= 0`, [], 'alerts_killed');
    t.check(`state <> 'acknowledged' or acknowledged_at is not null`, [], 'alerts_acknowledged_at');
    t.check(`state <> 'resolved' or resolved_at is not null`, [], 'alerts_resolved_at');
    t.check(
      `last_event_at is null or first_event_at is null or last_event_at >= first_event_at`,
      [],
      'alerts_event_order',
    );
    t.index(['state', 'opened_at'], 'alerts_state_opened_at_idx');
    t.index(['agreement_id'], 'alerts_agreement_id_idx');
    t.index(['area', 'opened_at'], 'alerts_area_opened_at_idx');
  });
  // At most one open alert per group: two workers racing to open one collide here.
  await knex.raw(`create unique index alerts_open_group_key on alerts (group_key) where state <> 'resolved'`);

  await knex.schema.createTable('alert_events', (t) => {
    t.text('alert_id').notNullable().references('id').inTable('alerts').onDelete('CASCADE');
    t.text('event_id').notNullable().references('id').inTable('violation_events').onDelete('CASCADE');
    t.timestamp('added_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.primary(['alert_id', 'event_id']);
    t.index(['event_id'], 'alert_events_event_id_idx');
  });

  await knex.schema.createTable('alert_transitions', (t) => {
    t.bigIncrements('id').primary();
    t.text('alert_id').notNullable().references('id').inTable('alerts').onDelete('CASCADE');
    // Null for the transition that opened the alert.
    t.text('from_state');
    t.text('to_state').notNullable();
    t.timestamp('at', { useTz: true }).notNullable();
    // Operator name, or 'system' for automatic changes (resolution after quiet).
    t.text('by').notNullable();
    t.text('reason');
    t.check(
      `from_state is null or from_state in ('firing', 'acknowledged', 'resolved')`,
      [],
      'alert_transitions_from_state',
    );
    t.check(`to_state in ('firing', 'acknowledged', 'resolved')`, [], 'alert_transitions_to_state');
    t.index(['alert_id', 'at'], 'alert_transitions_alert_id_at_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('alert_transitions');
  await knex.schema.dropTable('alert_events');
  await knex.schema.dropTable('alerts');
}
