import type { Knex } from 'knex';

/**
 * Every attempt to deliver a notification of an alert to a channel, with its outcome. A
 * notification is identified by its idempotency key (derived from alert, channel and
 * notification), sent to receivers so they can drop duplicates; each retry is a new attempt row.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('alert_deliveries', (t) => {
    t.bigIncrements('id').primary();
    t.text('alert_id').notNullable().references('id').inTable('alerts').onDelete('CASCADE');
    // Configured channel name ('ops-webhook', 'duty-email', 'alerts-topic', 'log').
    t.text('channel').notNullable();
    t.text('notification').notNullable();
    // Distinguishes notifications of one kind: 'updated:7' (event count), 'repeated:<time>'.
    t.text('notification_key').notNullable();
    t.text('idempotency_key').notNullable();
    t.integer('attempt').notNullable();
    t.text('status').notNullable().defaultTo('pending');
    t.integer('response_code');
    t.text('error');
    t.timestamp('attempted_at', { useTz: true });
    t.timestamp('next_attempt_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.check(
      `notification in ('opened', 'updated', 'repeated', 'acknowledged', 'resolved')`,
      [],
      'alert_deliveries_notification',
    );
    t.check(`status in ('pending', 'succeeded', 'failed')`, [], 'alert_deliveries_status');
    t.check(`attempt >= 1`, [], 'alert_deliveries_attempt');
    t.check(`status = 'pending' or attempted_at is not null`, [], 'alert_deliveries_attempted_at');
    t.unique(['alert_id', 'channel', 'notification_key', 'attempt'], {
      indexName: 'alert_deliveries_attempt_key',
    });
    t.unique(['idempotency_key', 'attempt'], { indexName: 'alert_deliveries_idempotency_attempt_key' });
    t.index(['alert_id'], 'alert_deliveries_alert_id_idx');
  });
  // A notification succeeds at most once per channel, whatever races between retries.
  await knex.raw(
    `create unique index alert_deliveries_one_success on alert_deliveries (idempotency_key) where status = 'succeeded'`,
  );
  // The retry loop's scan.
  await knex.raw(
    `create index alert_deliveries_due_idx on alert_deliveries (next_attempt_at) where status <> 'succeeded' and next_attempt_at is not null`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('alert_deliveries');
}
