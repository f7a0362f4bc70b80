// Least-privilege roles (migrations/20261128004000_worker_roles.ts): each worker's role reads
// everything and writes only its own tables. Tried for real with SET ROLE: an allowed write
// works, a write to another stage's table is refused by Postgres (42501).
import { createDb } from '@ceasefire/db';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WORKER_TABLES } from '../migrations/20261128004000_worker_roles.ts';
import { SUMMARY_INCIDENT_WRITERS } from '../migrations/20261128011000_alert_summary_incidents.ts';
import { ADVISORY_LOCK_ROLES } from '../migrations/20261207100300_advisory_locks.ts';
import { privateSchema, services } from './support/harness.ts';

let schema: { schema: string; drop(): Promise<void> };
let db: Knex;

const ALL_TABLES = [
  'statements', 'feeds', 'feed_items', 'violation_events', 'violation_event_places', 'incidents', 'casualty_reports',
  'agreements', 'alerts', 'alert_events', 'alert_transitions', 'alert_deliveries', 'dead_letters', 'alert_summary_incidents',
];

/** The tables a role writes: those of the roles migration, and of later tables' grants. */
function ownTables(role: string): string[] {
  return [...(WORKER_TABLES[role] ?? []), ...((SUMMARY_INCIDENT_WRITERS as readonly string[]).includes(role) ? ['alert_summary_incidents'] : [])];
}

beforeAll(async () => {
  schema = await privateSchema('roles');
  db = createDb({ databaseUrl: services().databaseUrl, schema: schema.schema, pool: { max: 2 } });
});

afterAll(async () => {
  await db?.destroy();
  await schema?.drop();
});

/** Runs `sql` as `role` in a transaction that is rolled back; resolves to the SQLSTATE, or 'ok'. */
async function asRole(role: string, sql: string, bindings: unknown[] = []): Promise<string> {
  try {
    await db.transaction(async (trx) => {
      await trx.raw('set local role ??', [role]);
      await trx.raw(sql, bindings as Knex.RawBinding[]);
      throw new Error('rollback');
    });
    return 'ok';
  } catch (e) {
    const code = (e as { code?: string }).code;
    return code ?? ((e as Error).message === 'rollback' ? 'ok' : (e as Error).message);
  }
}

describe('worker roles', () => {
  it('grant each worker writes on its own tables only, and reads on all', async () => {
    for (const role of Object.keys(WORKER_TABLES)) {
      const own = ownTables(role);
      for (const table of ALL_TABLES) {
        const r = await db.raw<{ rows: Array<{ w: boolean; s: boolean }> }>(
          `select has_table_privilege(?, ?, 'INSERT') as w, has_table_privilege(?, ?, 'SELECT') as s`,
          [role, `${schema.schema}.${table}`, role, `${schema.schema}.${table}`],
        );
        expect(r.rows[0], `${role} on ${table}`).toEqual({ w: own.includes(table), s: true });
      }
    }
  });

  it('let a worker write its own table and refuse a write to another stage’s', async () => {
    expect(await asRole('ceasefire_ingester', `insert into feeds (url) values ('http://127.0.0.1/feed')`)).toBe('ok');
    expect(await asRole('ceasefire_ingester', `insert into dead_letters (stage, topic, partition, "offset", error_code, error_message) values ('x', 't', 0, 0, 'internal', 'x')`)).toBe('42501');
    expect(await asRole('ceasefire_classifier', `insert into dead_letters (stage, topic, partition, "offset", error_code, error_message) values ('classifier', 't', 0, 0, 'internal', 'x')`)).toBe('ok');
    expect(await asRole('ceasefire_classifier', `delete from statements`)).toBe('42501');
    expect(await asRole('ceasefire_classifier', `update agreements set notes = 'x'`)).toBe('42501');
    expect(await asRole('ceasefire_alerting', `update agreements set notes = 'x'`)).toBe('ok');
    expect(await asRole('ceasefire_alerting', `update violation_events set confidence = 1`)).toBe('42501');
    expect(await asRole('ceasefire_api', `update alerts set summary = 'x'`)).toBe('ok');
    expect(await asRole('ceasefire_api', `insert into agreements (id) values ('x')`)).toBe('42501');
    expect(await asRole('analyst', `update statements set text = 'x'`)).toBe('42501');
    expect(await asRole('analyst', `select count(*) from statements`)).toBe('ok');
  });
});

describe('advisory locks (issue #15)', () => {
  it("refuse the analyst role alerting's group locks, and let the roles that lock take them", async () => {
    const groupLock = `select pg_advisory_xact_lock(hashtextextended('alert-group:ag_1|kg.batken', 0))`;
    expect(await asRole('analyst', groupLock)).toBe('42501');
    expect(await asRole('analyst', 'select pg_advisory_lock(1)')).toBe('42501');
    expect(await asRole('analyst', 'select pg_try_advisory_lock(1, 2)')).toBe('42501');
    for (const role of ADVISORY_LOCK_ROLES) expect(await asRole(role, groupLock), role).toBe('ok');
  });
});
