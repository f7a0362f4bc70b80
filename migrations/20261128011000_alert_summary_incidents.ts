import type { Knex } from 'knex';
import { WORKER_TABLES } from './20261128004000_worker_roles.ts';

/** The worker roles (migrations/20261128004000_worker_roles.ts) that write the table; all of them read it. */
export const SUMMARY_INCIDENT_WRITERS = ['ceasefire_alerting'] as const;

/**
 * An alert's summary state was one JSON value that every batch touching the alert read, checked
 * and wrote whole, so a batch cost more as the alert grew (an alert of a long crisis holds
 * thousands of incidents). Its incidents are now rows, written only when they change, and
 * `summary_state` keeps the head (version 2: counts, killed claim, time span, and the stamp of
 * the write that a worker holding the state in memory checks). Existing states are converted.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('alert_summary_incidents', (t) => {
    t.text('alert_id').notNullable().references('id').inTable('alerts').onDelete('CASCADE');
    // An incident id, or `event:<id>` for an event linked to none.
    t.text('incident_key').notNullable();
    // Epoch ms of the incident's earliest time; its highest event points; its corroboration points.
    t.double('at_ms').notNullable();
    t.double('points').notNullable();
    t.double('corroboration').notNullable();
    t.primary(['alert_id', 'incident_key']);
  });
  // The worker roles' grants of the earlier migration covered the tables that existed then.
  for (const role of Object.keys(WORKER_TABLES)) await knex.raw('grant select on alert_summary_incidents to ??', [role]);
  for (const role of SUMMARY_INCIDENT_WRITERS) await knex.raw('grant insert, update, delete on alert_summary_incidents to ??', [role]);
  await knex.raw(`
    insert into alert_summary_incidents (alert_id, incident_key, at_ms, points, corroboration)
    select a.id, i.key, (i.value->>0)::float8, (i.value->>1)::float8, (i.value->>2)::float8
      from alerts a cross join lateral jsonb_each(a.summary_state->'incidents') as i
     where a.summary_state->>'v' = '1'`);
  await knex.raw(`
    update alerts set summary_state = (summary_state - 'incidents') || '{"v": 2}'::jsonb
     where summary_state->>'v' = '1'`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    update alerts a set summary_state = (a.summary_state - 'stamp') || jsonb_build_object('v', 1, 'incidents',
           coalesce((select jsonb_object_agg(i.incident_key, jsonb_build_array(i.at_ms, i.points, i.corroboration))
                       from alert_summary_incidents i where i.alert_id = a.id), '{}'::jsonb))
     where a.summary_state->>'v' = '2'`);
  await knex.schema.dropTable('alert_summary_incidents');
}
