import { parseArgs } from 'node:util';
import { createDb } from '@ceasefire/db';
import type { Knex } from 'knex';
import { CLI_DB_ACQUIRE_TIMEOUT_MS, explainFailure } from '../context.ts';

/** I/O handed in by the CLI's entry point, so a command is testable. */
export interface OperatorIo {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** The database the operator commands use: DATABASE_URL / DATABASE_SCHEMA, else the local stack's. */
export function operatorDb(env: NodeJS.ProcessEnv): Knex {
  const schema = env['DATABASE_SCHEMA'];
  return createDb({
    databaseUrl: env['DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/ceasefire',
    schema: schema && schema !== 'public' ? schema : undefined,
    pool: { max: 2 },
    acquireTimeoutMs: CLI_DB_ACQUIRE_TIMEOUT_MS,
    // The command says in one line what failed.
    onWarning: () => undefined,
  });
}

/** Fixed-width columns for humans. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n') + '\n';
}

/** `parseArgs` that reports an unknown flag as a usage error instead of throwing. */
export function parseFlags(
  args: string[],
  options: Record<string, { type: 'string' | 'boolean' }>,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } | { error: string } {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
    return {
      values: parsed.values as Record<string, string | boolean | undefined>,
      positionals: parsed.positionals,
    };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

/** A time given on the command line: RFC 3339 with an offset. */
export function parseTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return null;
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t);
}

/** What an operator command's action gets: its flags, positionals, the database and `fail`. */
export interface OperatorAction {
  readonly action: string;
  readonly values: Record<string, string | boolean | undefined>;
  readonly positionals: string[];
  readonly db: Knex;
  /** Writes the message (with the usage for code 2) and returns the exit code. */
  fail(message: string, code?: number): number;
}

/**
 * The frame every operator command shares: help, flag parsing, usage errors (exit 2), one
 * database pool for the action, and a database failure reported as exit 1.
 */
export async function runOperatorCommand(
  command: { name: string; usage: string; flags: Record<string, { type: 'string' | 'boolean' }> },
  args: string[],
  io: OperatorIo,
  act: (a: OperatorAction) => Promise<number>,
): Promise<number> {
  const [action, ...rest] = args;
  if (action === '--help' || action === '-h' || action === 'help') {
    io.stdout.write(command.usage);
    return 0;
  }
  const fail = (message: string, code = 2) => (
    io.stderr.write(`ceasefire ${command.name}: ${message}\n${code === 2 ? command.usage : ''}`),
    code
  );
  const flags = parseFlags(rest, { ...command.flags, help: { type: 'boolean' } });
  if ('error' in flags) return fail(flags.error);
  if (action === undefined || flags.values.help) {
    io.stdout.write(command.usage);
    return action === undefined ? 2 : 0;
  }
  const db = operatorDb(io.env);
  try {
    return await act({ action, values: flags.values, positionals: flags.positionals, db, fail });
  } catch (e) {
    io.stderr.write(`ceasefire ${command.name} ${action}: ${explainFailure(e, io.env)}\n`);
    return 1;
  } finally {
    await db.destroy();
  }
}
