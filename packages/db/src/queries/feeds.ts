import type { Queryable } from '../connection.ts';

/** The poller's memory of one feed. */
export interface FeedState {
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly consecutiveFailures: number;
}

/** The stored validators of a feed (null fields for a feed never polled). */
export async function getFeedState(db: Queryable, url: string): Promise<FeedState> {
  const row = await db('feeds').where({ url }).first();
  return {
    url,
    etag: row?.etag ?? null,
    lastModified: row?.last_modified ?? null,
    consecutiveFailures: row?.consecutive_failures ?? 0,
  };
}

/** Records a poll's outcome: new validators on success, the error and failure count otherwise. */
export async function recordFeedPoll(
  db: Queryable,
  input: { url: string; status: number | null; etag?: string | null; lastModified?: string | null; error?: string | null },
): Promise<void> {
  const failed = Boolean(input.error);
  await db('feeds')
    .insert({
      url: input.url,
      etag: input.etag ?? null,
      last_modified: input.lastModified ?? null,
      last_polled_at: db.fn.now(),
      last_status: input.status,
      last_error: input.error ?? null,
      consecutive_failures: failed ? 1 : 0,
    })
    .onConflict('url')
    .merge({
      last_polled_at: db.fn.now(),
      last_status: input.status,
      last_error: input.error ?? null,
      consecutive_failures: failed ? db.raw('feeds.consecutive_failures + 1') : 0,
      // A 304 or a failure keeps the validators we had.
      ...(input.etag !== undefined ? { etag: input.etag } : {}),
      ...(input.lastModified !== undefined ? { last_modified: input.lastModified } : {}),
    });
}

/** Of the given item keys of a feed, those already ingested. */
export async function seenFeedItems(db: Queryable, url: string, keys: readonly string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db('feed_items').select('item_key').where({ feed_url: url }).whereIn('item_key', keys);
  return new Set(rows.map((r: { item_key: string }) => r.item_key));
}

/** Remembers ingested items. Idempotent. */
export async function markFeedItemsSeen(
  db: Queryable,
  url: string,
  items: ReadonlyArray<{ key: string; statementId: string | null }>,
): Promise<void> {
  if (items.length === 0) return;
  await db('feeds').insert({ url }).onConflict('url').ignore();
  await db('feed_items')
    .insert(items.map((i) => ({ feed_url: url, item_key: i.key, statement_id: i.statementId })))
    .onConflict(['feed_url', 'item_key'])
    .ignore();
}
