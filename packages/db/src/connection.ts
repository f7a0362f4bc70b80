import knex, { type Knex } from 'knex';
import pg from 'pg';

/** Options for {@link createDb}. */
export interface DbOptions {
  /** `postgres://user@host:port/database`. */
  readonly databaseUrl: string;
  /**
   * Schema that unqualified names resolve to (the connection's `search_path`). Tests give each
   * file its own schema; production leaves it unset and uses the database's default path.
   */
  readonly schema?: string | undefined;
  /** Pool bounds; defaults min 0 (idle pools hold no connections) and max 10. */
  readonly pool?: { readonly min?: number; readonly max?: number } | undefined;
  /** How long a query waits for a connection before it fails (knex's default: 60 s). */
  readonly acquireTimeoutMs?: number | undefined;
  /** Where knex's own warnings go, one line each (default stderr; a command that reports the error itself drops them). */
  readonly onWarning?: ((line: string) => void) | undefined;
}

/**
 * knex writes its own warnings ("Acquire connection error: …" with a stack, once per attempt)
 * with console.log, onto stdout: into a command's JSON output or a worker's JSON log lines. They go
 * to stderr instead, one line each; the error itself reaches the caller.
 */
const knexLog = (write: (line: string) => void) => ({
  warn: (message: unknown) => write(`knex: ${firstLine(message)}`),
  error: (message: unknown) => write(`knex: ${firstLine(message)}`),
  deprecate: (method: unknown, alternative: unknown) => write(`knex: ${String(method)} is deprecated, use ${String(alternative)}`),
  debug: () => undefined,
});

const toStderr = (line: string) => void process.stderr.write(`${line}\n`);

function firstLine(message: unknown): string {
  return String(message instanceof Error ? message.message : message).split('\n')[0]!;
}

/** Either the pool or a transaction: every query module accepts both. */
export type Queryable = Knex | Knex.Transaction;

const DATE_OID = 1082;

/**
 * pg's default parser turns a `date` into a JS Date at local midnight, which shifts the day in
 * any zone west of UTC. Calendar days stay `YYYY-MM-DD` strings, as in the message contracts.
 * Set per connection rather than on the global `pg.types` so importing this package changes
 * nothing for other pg users in the process.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE_OID && format !== 'binary') return (value: string) => value;
    return format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text');
  },
};

/** The knex configuration for {@link createDb}; pure, exported for tests. */
export function knexConfig(options: DbOptions): Knex.Config {
  return {
    client: 'pg',
    connection: { connectionString: options.databaseUrl, types } as Knex.PgConnectionConfig,
    ...(options.schema === undefined ? {} : { searchPath: [options.schema] }),
    pool: { min: options.pool?.min ?? 0, max: options.pool?.max ?? 10 },
    ...(options.acquireTimeoutMs === undefined ? {} : { acquireConnectionTimeout: options.acquireTimeoutMs }),
    log: knexLog(options.onWarning ?? toStderr),
  };
}

/** A knex pool on the event store. The caller owns it and must `destroy()` it. */
export function createDb(options: DbOptions): Knex {
  return knex(knexConfig(options));
}
