import type { Knex } from 'knex';

/** The roles whose transactions take alerting's group locks (`lockAlertGroup`): the worker and the read API's acknowledgement. */
export const ADVISORY_LOCK_ROLES = ['ceasefire_alerting', 'ceasefire_api'] as const;

/**
 * Advisory locks are open to every role by default (EXECUTE is granted to PUBLIC), so the
 * read-only `analyst` could take alerting's group locks (`alert-group:<key>`, hashed) and hold
 * them, stalling the worker, the ticker and acknowledgements. Execute on the pg_advisory*
 * functions is revoked from PUBLIC in this database and granted to the roles that lock, and to
 * the role running the migrations (the local stack's workers log in as it).
 *
 * Changing the privileges of pg_catalog functions needs their owner (a superuser): where the
 * migrations run as a lesser role, this warns and changes nothing, and a superuser should run it.
 */
export async function up(knex: Knex): Promise<void> {
  // A function (temporary, this session's) so that the roles are a binding, not SQL text.
  await knex.raw(`
    create function pg_temp.lock_down_advisory_locks(roles text[]) returns void language plpgsql as $$
    declare f regprocedure; r text;
    begin
      for f in select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'pg_catalog' and p.proname like '%advisory%' loop
        execute format('revoke execute on function %s from public', f);
        foreach r in array roles || current_user::text loop
          execute format('grant execute on function %s to %I', f, r);
        end loop;
      end loop;
    exception when insufficient_privilege then
      raise warning 'advisory lock functions left open to every role: only their owner can change that';
    end
    $$`);
  await knex.raw('select pg_temp.lock_down_advisory_locks(?::text[])', [[...ADVISORY_LOCK_ROLES]]);
  await knex.raw('drop function pg_temp.lock_down_advisory_locks(text[])');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    do $$
    declare f regprocedure;
    begin
      for f in select p.oid::regprocedure from pg_proc p join pg_namespace n on n.oid = p.pronamespace
               where n.nspname = 'pg_catalog' and p.proname like '%advisory%' loop
        execute format('grant execute on function %s to public', f);
      end loop;
    exception when insufficient_privilege then null;
    end
    $$
  `);
}
