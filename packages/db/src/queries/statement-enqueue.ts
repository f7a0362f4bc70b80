import type { Queryable } from '../connection.ts';

/** Records that the statements were published. Idempotent: the first time is kept. */
export async function markStatementsEnqueued(db: Queryable, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db('statements').whereIn('id', ids).whereNull('enqueued_at').update({ enqueued_at: db.fn.now() });
}
