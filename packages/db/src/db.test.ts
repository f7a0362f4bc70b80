import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { knexConfig } from './connection.ts';
import { ALERT_CHANGES_CHANNEL } from './queries/index.ts';
import { isMigrationFile, migrationsDirectory, TsMigrationSource } from './migration-source.ts';

describe('isMigrationFile', () => {
  it('accepts timestamped TypeScript migrations only', () => {
    expect(isMigrationFile('20261128000100_statements.ts')).toBe(true);
    expect(isMigrationFile('20261128000100_statements.d.ts')).toBe(false);
    expect(isMigrationFile('20261128000100_statements.test.ts')).toBe(false);
    expect(isMigrationFile('statements.ts')).toBe(false);
    expect(isMigrationFile('20261128000100_statements.js')).toBe(false);
    expect(isMigrationFile('README.md')).toBe(false);
  });
});

describe('migrations folder', () => {
  it('holds only well-named files, in a strict order', async () => {
    const files = readdirSync(migrationsDirectory);
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((f) => !isMigrationFile(f))).toEqual([]);
    const timestamps = files.map((f) => f.slice(0, 14));
    expect(new Set(timestamps).size).toBe(timestamps.length);
    expect(await new TsMigrationSource().getMigrations()).toEqual([...files].sort());
  });

  it('every migration exports up and down', async () => {
    const source = new TsMigrationSource();
    for (const name of await source.getMigrations()) {
      const migration = await source.getMigration(name);
      expect(typeof migration.up, name).toBe('function');
      expect(typeof migration.down, name).toBe('function');
    }
  });
});

describe('knexConfig', () => {
  it('sets the search path only when a schema is given', () => {
    expect(knexConfig({ databaseUrl: 'postgres://x@h/db', schema: 't_a' }).searchPath).toEqual(['t_a']);
    expect(knexConfig({ databaseUrl: 'postgres://x@h/db' })).not.toHaveProperty('searchPath');
  });

  it('keeps idle pools empty by default', () => {
    expect(knexConfig({ databaseUrl: 'postgres://x@h/db' }).pool).toEqual({ min: 0, max: 10 });
  });

  it('returns calendar days as strings', () => {
    const connection = knexConfig({ databaseUrl: 'postgres://x@h/db' }).connection as {
      types: { getTypeParser(oid: number, format?: 'text'): (v: string) => unknown };
    };
    expect(connection.types.getTypeParser(1082, 'text')('2022-09-16')).toBe('2022-09-16');
    // Other types keep pg's parsers (int4 → number).
    expect(connection.types.getTypeParser(23, 'text')('42')).toBe(42);
  });
});

describe('alert change notifications', () => {
  it('the migration announces on the channel the read API listens on', async () => {
    const migration = (await import('../../../migrations/20261207000100_alert_change_notify.ts')) as { ALERT_CHANGES_CHANNEL: string };
    expect(migration.ALERT_CHANGES_CHANNEL).toBe(ALERT_CHANGES_CHANNEL);
  });
});
