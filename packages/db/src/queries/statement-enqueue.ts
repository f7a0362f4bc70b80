import type { Queryable } from '../connection.ts';

/**
 * Of the given statement ids, those not yet handed to the statements topic (a crash between
 * storing and publishing leaves them so).
 */
export async function statementsNotEnqueued(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db('statements').select('id').whereIn('id', ids).whereNull('enqueued_at');
  return new Set(rows.map((r: { id: string }) => r.id));
}

/** Records that the statements were published. Idempotent: the first time is kept. */
export async function markStatementsEnqueued(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db('statements').whereIn('id', ids).whereNull('enqueued_at').update({ enqueued_at: db.fn.now() });
}
