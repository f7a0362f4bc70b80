import { migrateLatest, migrateRollback, migrationStatus } from '@ceasefire/db';
import { CLI_DB_ACQUIRE_TIMEOUT_MS, explainFailure } from '../context.ts';

/** The database the CLI migrates when `DATABASE_URL` is not set: the local stack's. */
export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/ceasefire';

const USAGE = `usage: ceasefire migrate <latest | rollback [--all] | status [--json]>
  latest            apply every pending migration
  rollback [--all]  undo the last batch (or every migration)
  status [--json]   list applied and pending migrations
environment: DATABASE_URL (default ${DEFAULT_DATABASE_URL}), DATABASE_SCHEMA (optional)
`;

/** I/O handed in by the CLI's entry point, so the command is testable. */
export interface MigrateIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * `ceasefire migrate latest | rollback [--all] | status`. Returns the exit code: 0 on success,
 * 2 on bad usage, 1 when the database refuses.
 */
export async function migrateCommand(args: string[], io: MigrateIo): Promise<number> {
  const [action, ...rest] = args;
  const databaseUrl = io.env['DATABASE_URL'] || DEFAULT_DATABASE_URL;
  const schema = io.env['DATABASE_SCHEMA'] || undefined;
  // The command reports a failure in one line of its own, in seconds.
  const options = { databaseUrl, schema, acquireTimeoutMs: CLI_DB_ACQUIRE_TIMEOUT_MS, onWarning: () => undefined };
  const unknown = rest.filter((arg) => !(action === 'rollback' && arg === '--all') && !(action === 'status' && arg === '--json'));
  if (unknown.length > 0) {
    io.stderr.write(`ceasefire migrate: unexpected argument ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  try {
    switch (action) {
      case 'latest': {
        const { applied } = await migrateLatest(options);
        io.stdout.write(
          applied.length === 0 ? 'already up to date\n' : applied.map((m) => `applied ${m}\n`).join(''),
        );
        return 0;
      }
      case 'rollback': {
        const { rolledBack } = await migrateRollback({ ...options, all: rest.includes('--all') });
        io.stdout.write(
          rolledBack.length === 0
            ? 'nothing to roll back\n'
            : rolledBack.map((m) => `rolled back ${m}\n`).join(''),
        );
        return 0;
      }
      case 'status': {
        const { completed, pending } = await migrationStatus(options);
        if (rest.includes('--json')) {
          io.stdout.write(`${JSON.stringify({ applied: completed, pending })}\n`);
          return 0;
        }
        const lines = [...completed.map((m) => `applied  ${m}`), ...pending.map((m) => `pending  ${m}`)];
        io.stdout.write(`${lines.join('\n')}\n${completed.length} applied, ${pending.length} pending\n`);
        return 0;
      }
      case undefined:
      case '--help':
      case 'help':
        io.stdout.write(USAGE);
        return action === undefined ? 2 : 0;
      default:
        io.stderr.write(`ceasefire migrate: unknown action ${action}\n${USAGE}`);
        return 2;
    }
  } catch (err) {
    // Credentials in the URL must not reach the terminal or the CI log.
    const message = explainFailure(err, { DATABASE_URL: databaseUrl });
    io.stderr.write(`ceasefire migrate ${action}: ${message.replaceAll(databaseUrl, redact(databaseUrl))}\n`);
    return 1;
  }
}

/** The URL with its password replaced, for messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '<DATABASE_URL>';
  }
}
