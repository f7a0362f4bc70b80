import type { Knex } from 'knex';

/**
 * The channel the read API listens on: ALERT_CHANGES_CHANNEL of @ceasefire/db. A migration keeps
 * its own copy, as it must never change once applied (a unit test holds the two equal).
 */
export const ALERT_CHANGES_CHANNEL = 'ceasefire_alert_changes';

/**
 * Every change of what an alert shows (state, severity, summary, counts, acknowledgement) is
 * announced with NOTIFY, whoever made it (the alerting worker, an acknowledgement through the read
 * or operator API, a resolution by the scheduler): the read API pushes it to open dashboards at
 * once. The alerts topic carries notifications, which the group interval throttles, so it cannot
 * serve. The payload names the schema (several event stores may share a database) and the alert;
 * NOTIFY is delivered at commit and folds identical payloads of one transaction into one.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    create function notify_alert_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('${ALERT_CHANGES_CHANNEL}', json_build_object('schema', tg_table_schema, 'id', new.id)::text);
      return null;
    end $$`);
  await knex.raw(`
    create trigger alerts_notify_change
      after insert or update of state, severity, summary, event_count, incident_count, killed, untimed_allegation,
        escalations, first_event_at, last_event_at, acknowledged_at, acknowledged_by, resolved_at, agreement_id
      on alerts
      for each row execute function notify_alert_change()`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop trigger if exists alerts_notify_change on alerts');
  await knex.raw('drop function if exists notify_alert_change()');
}
