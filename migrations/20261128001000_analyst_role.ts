import type { Knex } from 'knex';

/**
 * The read-only `analyst` role. Roles are cluster-wide while our tables live in a schema (one
 * per test file in tests), so the role is created if missing and never dropped, and every
 * grant names the current schema instead of assuming `public`. NOLOGIN: people log in as
 * their own users and are granted `analyst`.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    do $$
    begin
      if not exists (select from pg_roles where rolname = 'analyst') then
        create role analyst nologin;
      end if;
    exception
      -- Another schema's migration created it between our check and our create.
      when duplicate_object or unique_violation then null;
    end
    $$
  `);
  await knex.raw(`
    do $$
    begin
      execute format('grant usage on schema %I to analyst', current_schema());
      execute format('grant select on all tables in schema %I to analyst', current_schema());
      -- Tables and views of later migrations are readable without a grant of their own.
      execute format('alter default privileges in schema %I grant select on tables to analyst', current_schema());
    end
    $$
  `);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`
    do $$
    begin
      execute format('alter default privileges in schema %I revoke select on tables from analyst', current_schema());
      execute format('revoke select on all tables in schema %I from analyst', current_schema());
      execute format('revoke usage on schema %I from analyst', current_schema());
    end
    $$
  `);
}
