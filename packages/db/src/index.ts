/**
 * `@ceasefire/db`: the event store's connection, migrations and queries. The schema itself is
 * the repository's `migrations/` folder; `docs/schema.md` explains it for analysts.
 */
export { createDb, knexConfig, type DbOptions, type Queryable } from './connection.ts';
export {
  migrateLatest,
  migrateRollback,
  migrationStatus,
  createTestSchema,
  dropSchema,
  type MigrateOptions,
  type MigrationStatus,
} from './migrate.ts';
export { migrationsDirectory, isMigrationFile, TsMigrationSource } from './migration-source.ts';
export * from './queries/index.ts';
export { agreementJson, alertJson, deliveryAttemptJson, transitionJson, type AlertShown } from './json.ts';
