import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Knex } from 'knex';

/** The repository's `migrations/` folder, found from this file so any working directory works. */
export const migrationsDirectory = fileURLToPath(new URL('../../../migrations/', import.meta.url));

/** A migration file: `<14-digit timestamp>_<concern>.ts`, never a declaration or a test file. */
export function isMigrationFile(name: string): boolean {
  return /^\d{14}_[a-z0-9_]+\.ts$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.test.ts');
}

/**
 * Loads the TypeScript migrations with this module's own `import()`.
 *
 * knex's file source imports from inside knex (a CommonJS dependency), so under vitest the
 * import bypasses vitest's transform and Node 20 cannot load `.ts`. An `import()` written here
 * goes through whatever loader runs this package: vitest's module runner in tests, tsx's hooks
 * for the CLI. Names keep the `.ts` extension, as knex's own source records them, so the
 * `knex_migrations` table reads the same either way.
 */
export class TsMigrationSource implements Knex.MigrationSource<string> {
  constructor(private readonly directory: string = migrationsDirectory) {}

  async getMigrations(): Promise<string[]> {
    const names = await readdir(this.directory);
    return names.filter(isMigrationFile).sort();
  }

  getMigrationName(migration: string): string {
    return migration;
  }

  async getMigration(migration: string): Promise<Knex.Migration> {
    const module = (await import(
      pathToFileURL(path.join(this.directory, migration)).href
    )) as Partial<Knex.Migration>;
    if (typeof module.up !== 'function' || typeof module.down !== 'function') {
      throw new Error(`migration ${migration} must export up and down functions`);
    }
    return { up: module.up, down: module.down };
  }
}
