import type { Knex } from 'knex';

/**
 * Least-privilege roles for the workers: each reads the event store but writes only its own
 * tables, so a compromised or buggy worker cannot rewrite another stage's data. As with the
 * `analyst` role, roles are cluster-wide while our tables live in a schema, so each role is
 * created if missing and never dropped, and every grant names the current schema. NOLOGIN: a
 * deployment creates one login user per worker and grants it the worker's role.
 */
export const WORKER_TABLES: Record<string, readonly string[]> = {
  ceasefire_ingester: ['statements', 'feeds', 'feed_items'],
  ceasefire_classifier: ['violation_events', 'violation_event_places', 'incidents', 'casualty_reports', 'dead_letters'],
  ceasefire_alerting: ['agreements', 'alerts', 'alert_events', 'alert_transitions', 'alert_deliveries', 'dead_letters'],
  // The read API and dashboard: acknowledgement is its one write.
  ceasefire_api: ['alerts', 'alert_transitions'],
};

export async function up(knex: Knex): Promise<void> {
  for (const [role, tables] of Object.entries(WORKER_TABLES)) {
    await knex.raw(
      `
      do $$
      begin
        if not exists (select from pg_roles where rolname = :role) then
          execute format('create role %I nologin', :role);
        end if;
      exception
        -- Another schema's migration created it between our check and our create.
        when duplicate_object or unique_violation then null;
      end
      $$
    `.replaceAll(':role', quoteLiteral(role)),
    );
    await knex.raw('grant usage on schema ?? to ??', [await currentSchema(knex), role]);
    await knex.raw('grant select on all tables in schema ?? to ??', [await currentSchema(knex), role]);
    // Ids of bigIncrements tables (dead_letters, alert_deliveries, alert_transitions).
    await knex.raw('grant usage, select on all sequences in schema ?? to ??', [await currentSchema(knex), role]);
    for (const table of tables) await knex.raw('grant insert, update, delete on ?? to ??', [table, role]);
  }
}

export async function down(knex: Knex): Promise<void> {
  const schema = await currentSchema(knex);
  for (const role of Object.keys(WORKER_TABLES)) {
    await knex.raw('revoke all on all tables in schema ?? from ??', [schema, role]);
    await knex.raw('revoke all on all sequences in schema ?? from ??', [schema, role]);
    await knex.raw('revoke usage on schema ?? from ??', [schema, role]);
  }
}

async function currentSchema(knex: Knex): Promise<string> {
  const r = await knex.raw<{ rows: Array<{ s: string }> }>('select current_schema() as s');
  return r.rows[0]!.s;
}

/** A fixed role name as an SQL string literal (the names are constants of this module). */
function quoteLiteral(s: string): string {
  if (!/^[a-z_]+$/.test(s)) throw new Error(`unexpected role name ${s}`);
  return `'${s}'`;
}
