import type { Queryable } from '../connection.ts';
import type { StatementRecord } from './insert-statement.ts';
import { STATEMENT_COLUMNS, type StatementColumns } from './statement-view.ts';

export interface ReplayRange {
  /** Published at or after (inclusive). */
  readonly since?: Date;
  /** Published before (exclusive). */
  readonly until?: Date;
}

function inRange(q: ReturnType<Queryable>, range: ReplayRange) {
  if (range.since) q.where('published_at', '>=', range.since);
  if (range.until) q.where('published_at', '<', range.until);
  return q;
}

/** How many stored statements a replay of the range covers. */
export async function countStatements(db: Queryable, range: ReplayRange): Promise<number> {
  const row = await inRange(db('statements'), range).count<{ n: string }[]>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/**
 * A page of stored statements in (published_at, id) order, after the given cursor: keyset
 * pagination, so a replay of millions neither skips nor repeats rows.
 */
export async function statementsPage(
  db: Queryable,
  input: ReplayRange & { readonly after?: { publishedAt: Date; id: string }; readonly limit: number },
): Promise<Array<StatementRecord & { published_at_date: Date }>> {
  const q = inRange(db('statements'), input)
    .select(...STATEMENT_COLUMNS)
    .orderBy([{ column: 'published_at' }, { column: 'id' }])
    .limit(input.limit);
  if (input.after) q.whereRaw('(published_at, id) > (?, ?)', [input.after.publishedAt, input.after.id]);
  const rows = (await q) as StatementColumns[];
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    language: r.language,
    published_at: r.published_at.toISOString(),
    published_at_date: r.published_at,
    published_zone: r.published_zone,
    source_agency: r.source_agency,
    url: r.url,
    received_at: r.received_at.toISOString(),
    origin: { kind: 'replay', ref: null },
  }));
}
