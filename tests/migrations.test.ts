// The event store's migrations against a real Postgres, in a schema private to this file: they
// apply on an empty schema, a second run changes nothing, rollback undoes everything, and the
// constraints, views and analyst role behave as docs/schema.md says.
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { Writable } from 'node:stream';
import {
  createDb,
  createTestSchema,
  dropSchema,
  insertDeadLetter,
  insertStatement,
  isMigrationFile,
  listDeadLetters,
  migrateLatest,
  migrateRollback,
  migrationStatus,
  migrationsDirectory,
  type StatementRecord,
} from '@ceasefire/db';
import { migrateCommand } from '../packages/cli/src/commands/migrate.ts';
import * as summaryIncidents from '../migrations/20261128011000_alert_summary_incidents.ts';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const databaseUrl = process.env.DATABASE_URL ?? inject('databaseUrl');
const schema = `t_migrations_${randomBytes(4).toString('hex')}`;
const migrationFiles = readdirSync(migrationsDirectory).filter(isMigrationFile).sort();

const TABLES = [
  'statements',
  'incidents',
  'violation_events',
  'violation_event_places',
  'casualty_reports',
  'agreements',
  'alerts',
  'alert_events',
  'alert_transitions',
  'alert_deliveries',
  'dead_letters',
  'alert_summary_incidents',
];
const VIEWS = ['casualty_reports_latest', 'violations_per_day_area', 'breaches_per_agreement'];

let db: Knex;

/** Everything that defines the schema's shape, as comparable rows. */
async function dumpSchema(): Promise<unknown> {
  const columns = await db.raw(
    `select table_name, column_name, ordinal_position, data_type, udt_name, is_nullable, column_default
       from information_schema.columns where table_schema = ? order by table_name, ordinal_position`,
    [schema],
  );
  const constraints = await db.raw(
    `select c.conrelid::regclass::text as rel, c.conname, pg_get_constraintdef(c.oid) as def
       from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where n.nspname = ? order by rel, conname`,
    [schema],
  );
  const indexes = await db.raw(
    `select tablename, indexname, indexdef from pg_indexes where schemaname = ? order by indexname`,
    [schema],
  );
  const views = await db.raw(
    `select viewname, definition from pg_views where schemaname = ? order by viewname`,
    [schema],
  );
  const grants = await db.raw(
    `select table_name, privilege_type from information_schema.role_table_grants
      where table_schema = ? and grantee = 'analyst' order by table_name, privilege_type`,
    [schema],
  );
  return {
    columns: columns.rows,
    constraints: constraints.rows,
    indexes: indexes.rows,
    views: views.rows,
    grants: grants.rows,
  };
}

async function relations(): Promise<{ tables: string[]; views: string[] }> {
  const rows = (
    await db.raw<{ rows: { table_name: string; table_type: string }[] }>(
      `select table_name, table_type from information_schema.tables where table_schema = ? order by table_name`,
      [schema],
    )
  ).rows;
  return {
    tables: rows.filter((r) => r.table_type === 'BASE TABLE').map((r) => r.table_name),
    views: rows.filter((r) => r.table_type === 'VIEW').map((r) => r.table_name),
  };
}

function statement(id: string, overrides: Partial<StatementRecord> = {}): StatementRecord {
  return {
    id,
    text: `Statement ${id}: mortar fire on Kulundu village of Leilek district.`,
    language: 'en',
    published_at: '2022-09-16T14:20:00+06:00',
    published_zone: '+06:00',
    source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
    url: null,
    received_at: '2022-09-16T08:21:00Z',
    origin: { kind: 'http', ref: 'test' },
    ...overrides,
  };
}

function event(
  id: string,
  statementId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    id,
    statement_id: statementId,
    extractor_version: '1.0.0',
    event_index: 0,
    profile: 'kg-tj',
    area: 'kg.batken.leilek',
    type: 'heavy_weapons_fire',
    time_precision: 'part_of_day',
    date: '2022-09-16',
    time_of_day: 'morning',
    claim_status: 'reported',
    confidence: 0.9,
    ...overrides,
  };
}

/** The SQLSTATE of a failed promise. */
async function sqlState(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (err) {
    return (err as { code?: string }).code;
  }
  throw new Error('expected the statement to fail');
}

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

beforeAll(async () => {
  await createTestSchema(databaseUrl, schema);
  db = createDb({ databaseUrl, schema, pool: { max: 2 } });
});

afterAll(async () => {
  await db?.destroy();
  await dropSchema(databaseUrl, schema);
});

describe('migrations', () => {
  let firstDump: unknown;

  it('apply every migration to an empty schema', async () => {
    expect(migrationFiles.length).toBeGreaterThan(0);
    const { applied } = await migrateLatest({ databaseUrl, schema });
    expect(applied).toEqual(migrationFiles);

    const { tables, views } = await relations();
    expect(tables).toEqual(expect.arrayContaining([...TABLES, 'knex_migrations', 'knex_migrations_lock']));
    expect(views.sort()).toEqual([...VIEWS].sort());
    expect(await migrationStatus({ databaseUrl, schema })).toEqual({
      completed: migrationFiles,
      pending: [],
    });
    firstDump = await dumpSchema();
  });

  it('a second run applies nothing and changes nothing', async () => {
    expect(await migrateLatest({ databaseUrl, schema })).toEqual({ applied: [] });
    expect(await dumpSchema()).toEqual(firstDump);
  });

  it('stores a statement once and records each new origin', async () => {
    const s = statement('st-1');
    expect(await insertStatement(db, { statement: s })).toEqual({ inserted: true, sourceAdded: false });
    expect(await insertStatement(db, { statement: s })).toEqual({ inserted: false, sourceAdded: false });
    const fromFeed = {
      ...s,
      origin: { kind: 'feed', ref: 'https://example.org/rss' },
      received_at: '2022-09-16T09:00:00Z',
    };
    expect(await insertStatement(db, { statement: fromFeed })).toEqual({
      inserted: false,
      sourceAdded: true,
    });
    expect(await insertStatement(db, { statement: fromFeed })).toEqual({
      inserted: false,
      sourceAdded: false,
    });

    const row = await db('statements').where({ id: 'st-1' }).first();
    expect(row.sources.map((o: { kind: string }) => o.kind)).toEqual(['http', 'feed']);
    expect(row.content_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((row.published_at as Date).toISOString()).toBe('2022-09-16T08:20:00.000Z');
  });

  it('rejects an unknown event type and keeps the calendar day as written', async () => {
    await db('violation_events').insert(event('ev-1', 'st-1'));
    expect((await db('violation_events').where({ id: 'ev-1' }).first()).date).toBe('2022-09-16');

    expect(
      await sqlState(
        db('violation_events').insert(event('ev-bad', 'st-1', { event_index: 1, type: 'picnic' })),
      ),
    ).toBe('23514');
    expect(await sqlState(db('violation_events').insert(event('ev-dup', 'st-1')))).toBe('23505');
    expect(await sqlState(db('violation_events').insert(event('ev-orphan', 'no-such-statement')))).toBe(
      '23503',
    );
  });

  it('treats incidents without a dyad as one key', async () => {
    const incident = {
      day: '2022-09-16',
      area: 'kg.batken.leilek',
      type: 'heavy_weapons_fire',
      dyad: null,
      first_reported_at: '2022-09-16T08:20:00Z',
      last_reported_at: '2022-09-16T08:20:00Z',
    };
    await db('incidents').insert({ id: 'inc-1', ...incident });
    expect(await sqlState(db('incidents').insert({ id: 'inc-2', ...incident }))).toBe('23505');
  });

  it('keeps one dead letter per origin', async () => {
    const letter = {
      stage: 'classifier',
      topic: 'statements.raw',
      partition: 3,
      offset: '9007199254740993',
      key: 'st-x',
      payload: Buffer.from([0xff, 0x00, 0x7b]),
      headers: { 'x-error-code': 'PARSE' },
      errorCode: 'PARSE',
      errorMessage: 'not JSON',
    };
    const first = await insertDeadLetter(db, letter);
    const again = await insertDeadLetter(db, { ...letter, errorMessage: 'redelivered' });
    expect(first.inserted).toBe(true);
    expect(again).toEqual({ id: first.id, inserted: false });

    const listed = await listDeadLetters(db, { topic: 'statements.raw' });
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      offset: '9007199254740993',
      errorMessage: 'not JSON',
      headers: letter.headers,
    });
    expect(listed[0]?.payload?.equals(letter.payload)).toBe(true);
  });

  it('casualty_reports_latest gives the newest snapshot per source and scope, never a sum', async () => {
    const base = { statement_id: 'st-1', extractor_version: '1.0.0', scope: 'kg-tj:2022-09' };
    await db('casualty_reports').insert([
      {
        id: 'cr-1',
        ...base,
        source_agency: 'KG Ministry of Health',
        side: 'KG',
        as_of: '2022-09-16T10:00:00Z',
        killed: 24,
        injured: 87,
      },
      {
        id: 'cr-2',
        ...base,
        source_agency: 'KG Ministry of Health',
        side: 'KG',
        as_of: '2022-09-17T10:00:00Z',
        killed: 36,
        injured: 129,
      },
      {
        id: 'cr-3',
        ...base,
        source_agency: 'TJ MFA',
        side: 'TJ',
        as_of: '2022-09-17T12:00:00Z',
        killed: 33,
        injured: null,
      },
    ]);
    const latest = await db('casualty_reports_latest')
      .orderBy('source_agency')
      .select('id', 'killed', 'injured');
    expect(latest).toEqual([
      { id: 'cr-2', killed: 36, injured: 129 },
      { id: 'cr-3', killed: 33, injured: null },
    ]);
  });

  it('lets the analyst role read but not write', async () => {
    await db.transaction(async (trx) => {
      await trx.raw('set local role analyst');
      for (const relation of [...TABLES, ...VIEWS]) await trx(relation).select().limit(1);
    });
    const denied = db.transaction(async (trx) => {
      await trx.raw('set local role analyst');
      await insertStatement(trx, { statement: statement('st-analyst') });
    });
    expect(await sqlState(denied)).toBe('42501');
  });

  it('moves the incidents of a stored summary state into rows, and back on rollback', async () => {
    const v1 = {
      v: 1,
      eventCount: 3,
      killed: 2,
      firstEventAt: 1663322400000,
      lastEventAt: 1663333200000,
      untimedAllegation: false,
      incidents: { in_a: [1663322400000, 3, 1], 'event:ev_b': [1663333200000, 2.5, 0] },
    };
    // The migration undone by hand (the one before it left alerts as they were), an alert of that
    // time stored, and the migration applied again.
    await summaryIncidents.down(db);
    let applied = false;
    try {
      await db('agreements').insert({ id: 'ag_v1', parties: ['KG', 'TJ'], source: 'operator', whole_border: true });
      const now = new Date();
      await db('alerts').insert({
        id: 'al_v1', group_key: 'ag_v1|kg.batken.leilek', agreement_id: 'ag_v1', area: 'kg.batken.leilek', severity: 'critical',
        event_count: 3, incident_count: 2, opened_at: now, updated_at: now, last_breach_at: now, summary_state: JSON.stringify(v1),
      });
      await summaryIncidents.up(db);
      applied = true;
      const head = ((await db('alerts').where({ id: 'al_v1' }).first('summary_state')) as { summary_state: unknown }).summary_state;
      expect(head).toEqual({ v: 2, eventCount: 3, killed: 2, firstEventAt: 1663322400000, lastEventAt: 1663333200000, untimedAllegation: false });
      const rows = await db('alert_summary_incidents').where({ alert_id: 'al_v1' }).orderBy('incident_key').select('incident_key', 'at_ms', 'points', 'corroboration');
      expect(rows).toEqual([
        { incident_key: 'event:ev_b', at_ms: 1663333200000, points: 2.5, corroboration: 0 },
        { incident_key: 'in_a', at_ms: 1663322400000, points: 3, corroboration: 1 },
      ]);
      await summaryIncidents.down(db);
      applied = false;
      expect(((await db('alerts').where({ id: 'al_v1' }).first('summary_state')) as { summary_state: unknown }).summary_state).toEqual(v1);
    } finally {
      if (!applied) await summaryIncidents.up(db);
      await db('alerts').where({ id: 'al_v1' }).delete();
      await db('agreements').where({ id: 'ag_v1' }).delete();
    }
  });

  it('runs from the CLI command', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const env = { DATABASE_URL: databaseUrl, DATABASE_SCHEMA: schema };
    expect(await migrateCommand(['status'], { stdout, stderr, env })).toBe(0);
    expect(stdout.text).toContain(`${migrationFiles.length} applied, 0 pending`);
    expect(await migrateCommand(['sideways'], { stdout, stderr, env })).toBe(2);
    expect(stderr.text).toContain('unknown action sideways');
  });

  it('rollback --all removes every table and view, and migrating again restores the same schema', async () => {
    const { rolledBack } = await migrateRollback({ databaseUrl, schema, all: true });
    expect(rolledBack).toEqual([...migrationFiles].reverse());
    expect(await relations()).toEqual({ tables: ['knex_migrations', 'knex_migrations_lock'], views: [] });

    expect(await migrateLatest({ databaseUrl, schema })).toEqual({ applied: migrationFiles });
    expect(await dumpSchema()).toEqual(firstDump);
  });
});
