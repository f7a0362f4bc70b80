import type { Queryable } from '../connection.ts';
import { STATEMENT_COLUMNS, type StatementColumns, type StatementView } from './statement-view.ts';

/** Records that the statements were published. Idempotent: the first time is kept. */
export async function markStatementsEnqueued(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db('statements').whereIn('id', ids).whereNull('enqueued_at').update({ enqueued_at: db.fn.now() });
}

/** A stored statement never recorded as published, as the ingester's sweeper republishes it. */
export interface UnpublishedStatement
  extends Pick<StatementView, 'id' | 'text' | 'language' | 'publishedAt' | 'publishedZone' | 'sourceAgency' | 'url'> {
  readonly receivedAt: Date;
  /** With `id`, the row's place in the sweep's order: the cursor of the next page. */
  readonly createdAt: Date;
  /** Its first source's origin. */
  readonly origin: { readonly kind: string; readonly ref: string | null };
}

/**
 * Statements stored before `storedBefore` and never recorded as published (`enqueued_at` null:
 * a crash or a failed publish between the store and the publish), oldest first. Uses the
 * partial index of the `statement_unpublished` migration.
 */
export async function unpublishedStatements(
  db: Queryable,
  input: { storedBefore: Date; limit: number; after?: SweepCursor | null },
): Promise<UnpublishedStatement[]> {
  const query = db('statements').whereNull('enqueued_at').where('created_at', '<', input.storedBefore);
  // Pages go on after the previous page's last row: rows that can never be published (they break
  // the contract) stay unpublished, and must not hold every later page back.
  if (input.after) query.whereRaw('(created_at, id) > (?, ?)', [input.after.createdAt, input.after.id]);
  const rows = (await query
    .orderBy([{ column: 'created_at' }, { column: 'id' }])
    .limit(input.limit)
    .select(...STATEMENT_COLUMNS, 'created_at', db.raw(`sources->0 as origin`))) as Array<
    StatementColumns & { created_at: Date; origin: { kind?: string; ref?: string | null } | null }
  >;
  return rows.map((r) => ({
    id: r.id,
    text: r.text,
    language: r.language,
    publishedAt: r.published_at,
    publishedZone: r.published_zone,
    sourceAgency: r.source_agency,
    url: r.url,
    receivedAt: r.received_at,
    createdAt: r.created_at,
    origin: { kind: r.origin?.kind ?? 'replay', ref: r.origin?.ref ?? null },
  }));
}

/** Where a sweep's page ended: the next page starts after this row. */
export interface SweepCursor {
  readonly createdAt: Date;
  readonly id: string;
}

/** How many statements stored before `storedBefore` were never recorded as published. */
export async function countUnpublishedStatements(db: Queryable, storedBefore: Date): Promise<number> {
  const row = await db('statements').whereNull('enqueued_at').where('created_at', '<', storedBefore).count<{ n: string }[]>({ n: '*' }).first();
  return Number(row?.n ?? 0);
}
