import { parseArgs } from 'node:util';
import { createDb } from '@ceasefire/db';
import type { Knex } from 'knex';

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
