import type { Knex } from 'knex';
import { createDb, type DbOptions } from './connection.ts';
import { TsMigrationSource } from './migration-source.ts';

/** Where to migrate. */
export interface MigrateOptions extends Pick<DbOptions, 'acquireTimeoutMs' | 'onWarning'> {
  readonly databaseUrl: string;
  /** Schema for our tables and for knex's bookkeeping tables; the database default when unset. */
  readonly schema?: string | undefined;
}

/** Migration names as recorded in `knex_migrations` (file names, e.g. `20261128000100_statements.ts`). */
export interface MigrationStatus {
  readonly completed: string[];
  readonly pending: string[];
}

const TABLE_NAME = 'knex_migrations';

function migratorConfig(schema: string | undefined): Knex.MigratorConfig {
  return {
    migrationSource: new TsMigrationSource(),
    tableName: TABLE_NAME,
    ...(schema === undefined ? {} : { schemaName: schema }),
  };
}

async function withDb<T>(options: MigrateOptions, work: (db: Knex) => Promise<T>): Promise<T> {
  // Two connections: knex checks its bookkeeping tables outside the batch's transaction.
  const db = createDb({ databaseUrl: options.databaseUrl, schema: options.schema, pool: { max: 2 }, acquireTimeoutMs: options.acquireTimeoutMs, onWarning: options.onWarning });
  try {
    if (options.schema !== undefined) {
      // Before any migration: with a missing schema first on the search_path, Postgres would
      // silently create the tables in the next schema of the path instead.
      await db.raw('create schema if not exists ??', [options.schema]);
    }
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** Applies every pending migration, each in its own transaction. */
export async function migrateLatest(options: MigrateOptions): Promise<{ applied: string[] }> {
  return withDb(options, async (db) => {
    const [, applied] = (await db.migrate.latest(migratorConfig(options.schema))) as [number, string[]];
    return { applied };
  });
}

/** Rolls back the last batch, or every migration with `all`. */
export async function migrateRollback(
  options: MigrateOptions & { readonly all?: boolean },
): Promise<{ rolledBack: string[] }> {
  return withDb(options, async (db) => {
    const [, rolledBack] = (await db.migrate.rollback(
      migratorConfig(options.schema),
      options.all ?? false,
    )) as [number, string[]];
    return { rolledBack };
  });
}

/** Which migrations are applied and which are pending. */
export async function migrationStatus(options: MigrateOptions): Promise<MigrationStatus> {
  return withDb(options, async (db) => {
    const [completed, pending] = (await db.migrate.list(migratorConfig(options.schema))) as [
      { name: string }[],
      string[],
    ];
    return { completed: completed.map((m) => m.name), pending };
  });
}

/** Creates an empty schema for one test file (`t_<name>`-style names are the caller's choice). */
export async function createTestSchema(databaseUrl: string, name: string): Promise<void> {
  const db = createDb({ databaseUrl, pool: { max: 1 } });
  try {
    await db.raw('create schema if not exists ??', [name]);
  } finally {
    await db.destroy();
  }
}

/** Drops a schema and everything in it; a teardown helper for tests. */
export async function dropSchema(databaseUrl: string, name: string): Promise<void> {
  const db = createDb({ databaseUrl, pool: { max: 1 } });
  try {
    await db.raw('drop schema if exists ?? cascade', [name]);
  } finally {
    await db.destroy();
  }
}
