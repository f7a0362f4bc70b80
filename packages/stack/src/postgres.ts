/**
 * The stack's PostgreSQL: the one given by URL, else the machine's on 5432, else a private
 * server started from the machine's own binaries, its data in this checkout's folder under the
 * system's temporary directory (`checkoutTmpDir`): the server's user must reach it whatever the
 * permissions of the folder the clone sits in.
 */
import { existsSync } from 'node:fs';
import { appendFile, chmod, chown, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { checkoutTmpDir } from './checkout.ts';
import { isAlive, runOk, tcpAnswers } from './proc.ts';

export const DEFAULT_PG_PORT = 5432;
// Below the ephemeral range (32768+), where an outgoing connection could take it while it is down.
export const DEFAULT_PRIVATE_PG_PORT = 25432;
export const DEFAULT_DATABASE = 'ceasefire';

export interface PostgresOptions {
  readonly root: string;
  readonly log?: (line: string) => void;
  /** Use exactly this database (the caller's DATABASE_URL); it must answer. */
  readonly databaseUrl?: string;
  /** Where to look for the machine's server, default 127.0.0.1:5432. */
  readonly host?: string;
  readonly port?: number;
  /** Database to create and use on the machine's or the private server, default `ceasefire`. */
  readonly database?: string;
  /** Port of the private server, default 25432. */
  readonly privatePort?: number;
  /** Directory of the private server relative to the checkout's temporary folder (`checkoutTmpDir(root)`), default `postgres`. */
  readonly privateDir?: string;
}

/** Which Postgres the stack uses. */
export interface PostgresInfo {
  /** `env`: given by URL; `local`: the machine's server; `private`: one we started. */
  readonly source: 'env' | 'local' | 'private';
  readonly url: string;
}

const noop = (): void => {};

/** Connect, run `select 1`, disconnect; throws the driver's error when it does not answer. */
export async function pgAnswers(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(noop);
  }
}

/** Create `database` on the server behind `adminUrl` (a URL to any existing database) when missing. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database))
    throw new Error(`postgres: unsupported database name ${JSON.stringify(database)}`);
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    const found = await client.query('select 1 from pg_database where datname = $1', [database]);
    if (found.rowCount === 0) {
      // The name is checked above: identifiers cannot be bound as parameters.
      // eslint-disable-next-line no-restricted-syntax -- a database name matching ^[a-z_][a-z0-9_]*$, checked above
      await client.query(`create database "${database}"`).catch((err: { code?: string }) => {
        // 42P04: a concurrent `up` created it first.
        if (err.code !== '42P04') throw err;
      });
    }
  } finally {
    await client.end().catch(noop);
  }
}

/** Drop `database` (closing its connections) on the server behind `adminUrl`, when it exists. */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(database))
    throw new Error(`postgres: unsupported database name ${JSON.stringify(database)}`);
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    // eslint-disable-next-line no-restricted-syntax -- a database name matching ^[a-z_][a-z0-9_]*$, checked above
    await client.query(`drop database if exists "${database}" with (force)`);
  } finally {
    await client.end().catch(noop);
  }
}

function urlFor(host: string, port: number, database: string): string {
  return `postgres://postgres@${host}:${port}/${database}`;
}

/** Find a usable Postgres (see the module comment), create the database, return its URL. */
export async function ensurePostgres(opts: PostgresOptions): Promise<PostgresInfo> {
  const log = opts.log ?? noop;
  if (opts.databaseUrl !== undefined && opts.databaseUrl !== '') {
    try {
      await pgAnswers(opts.databaseUrl);
    } catch (err) {
      throw new Error(`postgres: DATABASE_URL does not answer: ${(err as Error).message}`, { cause: err });
    }
    return { source: 'env', url: opts.databaseUrl };
  }
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? DEFAULT_PG_PORT;
  const database = opts.database ?? DEFAULT_DATABASE;
  if (await tcpAnswers(port, host)) {
    await ensureDatabase(urlFor(host, port, 'postgres'), database);
    return { source: 'local', url: urlFor(host, port, database) };
  }
  log(`postgres: nothing answers on ${host}:${port}; using a private server`);
  const privatePort = await startPrivatePostgres(opts);
  await ensureDatabase(urlFor('127.0.0.1', privatePort, 'postgres'), database);
  return { source: 'private', url: urlFor('127.0.0.1', privatePort, database) };
}

/** The newest `/usr/lib/postgresql/<major>/bin` holding initdb (Debian keeps server binaries off PATH). */
async function serverBinDir(): Promise<string> {
  const base = '/usr/lib/postgresql';
  const majors = existsSync(base)
    ? (await readdir(base)).filter((d) => /^\d+$/.test(d)).sort((a, b) => Number(b) - Number(a))
    : [];
  for (const m of majors) {
    const bin = path.join(base, m, 'bin');
    if (existsSync(path.join(bin, 'initdb'))) return bin;
  }
  throw new Error(
    'postgres: no server binaries under /usr/lib/postgresql/*/bin (apt-get install postgresql)',
  );
}

interface PrivatePaths {
  readonly dir: string;
  readonly dataDir: string;
  readonly logFile: string;
}

function privatePaths(opts: PostgresOptions): PrivatePaths {
  const dir = path.resolve(checkoutTmpDir(opts.root), opts.privateDir ?? 'postgres');
  return { dir, dataDir: path.join(dir, 'data'), logFile: path.join(dir, 'postgres.log') };
}

const isRoot = (): boolean => process.getuid?.() === 0;

/** Run a server binary; as root through `runuser -u postgres`, since initdb and pg_ctl refuse root. */
function asServerUser(bin: string, args: string[]): Promise<unknown> {
  return isRoot() ? runOk('runuser', ['-u', 'postgres', '--', bin, ...args]) : runOk(bin, args);
}

/** The postmaster's pid from `postmaster.pid`, when that process is alive. */
async function privatePid(p: PrivatePaths): Promise<number | null> {
  try {
    const first = (await readFile(path.join(p.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0] ?? '';
    const pid = Number.parseInt(first, 10);
    return Number.isInteger(pid) && isAlive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Start (initialising once) the private server; returns its port. Idempotent. */
export async function startPrivatePostgres(opts: PostgresOptions): Promise<number> {
  const log = opts.log ?? noop;
  const port = opts.privatePort ?? DEFAULT_PRIVATE_PG_PORT;
  const p = privatePaths(opts);
  if ((await privatePid(p)) !== null && (await tcpAnswers(port))) return port;
  if (await tcpAnswers(port)) throw new Error(`postgres: private port ${port} is taken by another process`);

  const bin = await serverBinDir();
  // Every folder on the way must be enterable by the server's user, whatever the umask.
  const base = checkoutTmpDir(opts.root);
  await mkdir(base, { recursive: true });
  await chmod(base, 0o755);
  await mkdir(p.dir, { recursive: true });
  if (isRoot()) {
    const ids = await runOk('id', ['-u', 'postgres']);
    const gids = await runOk('id', ['-g', 'postgres']);
    await chown(p.dir, Number(ids.stdout.trim()), Number(gids.stdout.trim()));
  }
  if (!existsSync(path.join(p.dataDir, 'PG_VERSION'))) {
    log(`postgres: initdb ${p.dataDir}`);
    try {
      await asServerUser(path.join(bin, 'initdb'), [
        '-D',
        p.dataDir,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
      ]);
    } catch (err) {
      throw new Error(
        `${(err as Error).message}\n(the postgres user must be able to reach ${p.dir}: every parent directory needs o+x)`,
        { cause: err },
      );
    }
    // A disposable development server: durability across an OS crash is not worth the fsyncs.
    // No Unix socket: its path length limit and directory permissions are not worth the trouble.
    await appendFile(
      path.join(p.dataDir, 'postgresql.conf'),
      "\n# @ceasefire/stack\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = ''\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n",
    );
  }
  log(`postgres: starting private server on 127.0.0.1:${port}, log ${p.logFile}`);
  await asServerUser(path.join(bin, 'pg_ctl'), [
    '-D',
    p.dataDir,
    '-l',
    p.logFile,
    '-o',
    `-p ${port}`,
    '-w',
    '-t',
    '60',
    'start',
  ]);
  return port;
}

/** Stop the private server if it runs. */
export async function stopPrivatePostgres(opts: PostgresOptions): Promise<boolean> {
  const p = privatePaths(opts);
  if ((await privatePid(p)) === null) return false;
  const bin = await serverBinDir();
  await asServerUser(path.join(bin, 'pg_ctl'), ['-D', p.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  return true;
}

/** Stop the private server if it runs and remove its data folder; true when there was one. */
export async function removePrivatePostgres(opts: PostgresOptions): Promise<boolean> {
  await stopPrivatePostgres(opts);
  const p = privatePaths(opts);
  const existed = existsSync(p.dir);
  await rm(p.dir, { recursive: true, force: true });
  return existed;
}

/** Whether the private server runs, and its pid. */
export async function privatePostgresStatus(
  opts: PostgresOptions,
): Promise<{ running: boolean; pid: number | null; dataDir: string }> {
  const p = privatePaths(opts);
  const pid = await privatePid(p);
  return { running: pid !== null, pid, dataDir: p.dataDir };
}
