import { createHash } from 'node:crypto';
import type { Queryable } from '../connection.ts';
import { markStatementsEnqueued } from './statement-enqueue.ts';

/**
 * The fields of a statement this query stores. The contracts' `Statement` fits it as it is;
 * it is restated here so the db package does not depend on the message schemas.
 */
export interface StatementRecord {
  readonly id: string;
  readonly text: string;
  readonly language: string;
  /** RFC 3339 with offset. */
  readonly published_at: string;
  readonly published_zone: string | null;
  readonly source_agency: string | null;
  readonly url: string | null;
  /** RFC 3339 with offset. */
  readonly received_at: string;
  readonly origin: { readonly kind: string; readonly ref: string | null };
}

/** Input of {@link insertStatement}. */
export interface InsertStatementInput {
  readonly statement: StatementRecord;
  /** The issuing body's side (KG, TJ, UN…) when the ingester knows it. */
  readonly sourceSide?: string | null;
}

/** What makes one arrival of a statement another source of it (`sources` entries hold it and `received_at`). */
function sourceKey(s: StatementRecord) {
  return { kind: s.origin.kind, ref: s.origin.ref, source_agency: s.source_agency, url: s.url, published_at: s.published_at };
}

/** What {@link insertStatement} did. */
export interface InsertStatementResult {
  /** True when this call stored the statement; false when it was already there. */
  readonly inserted: boolean;
  /** True when the statement existed and this call recorded a new origin (another feed, the CLI…). */
  readonly sourceAdded: boolean;
}

/** What {@link insertStatements} did with one statement. */
export interface StoredStatementResult extends InsertStatementResult {
  /**
   * True unless the statement was already stored and marked handed to the statements topic
   * (`enqueued_at`) before this call: new statements, and old ones a crash left unpublished.
   * When in doubt (a concurrent call stored it first) true: publishing twice is harmless.
   */
  readonly pending: boolean;
}

/**
 * Stores a statement once. Its id is content-derived, so a second arrival is a conflict: the
 * row is kept as it is and only a new source is appended to `sources`: another origin (kind +
 * ref), or the same origin with another agency, publication time or URL (the same text from a
 * second agency over the same API is a second source). A redelivery of the same message changes
 * nothing, so the call is safe to repeat.
 */
export async function insertStatement(
  db: Queryable,
  input: InsertStatementInput,
): Promise<InsertStatementResult> {
  const s = input.statement;
  const origin = sourceKey(s);
  const result = await db.raw<{ rows: { inserted: boolean }[] }>(
    `insert into statements
       (id, text, language, published_at, published_zone, source_agency, source_side, url, sources, received_at, content_sha256)
     values
       (:id, :text, :language, :publishedAt, :publishedZone, :sourceAgency, :sourceSide, :url, cast(:sources as jsonb), :receivedAt, :sha)
     on conflict (id) do update
       set sources = statements.sources || excluded.sources
       where not statements.sources @> cast(:originKey as jsonb)
     returning (xmax = 0) as inserted`,
    {
      id: s.id,
      text: s.text,
      language: s.language,
      publishedAt: s.published_at,
      publishedZone: s.published_zone,
      sourceAgency: s.source_agency,
      sourceSide: input.sourceSide ?? null,
      url: s.url,
      sources: JSON.stringify([{ ...origin, received_at: s.received_at }]),
      originKey: JSON.stringify([origin]),
      receivedAt: s.received_at,
      sha: createHash('sha256').update(s.text, 'utf8').digest('hex'),
    },
  );
  // No row: the statement and this origin were both already stored. A row with xmax <> 0: the
  // conflict branch updated `sources`.
  const row = result.rows[0];
  if (row === undefined) return { inserted: false, sourceAdded: false };
  return { inserted: row.inserted, sourceAdded: !row.inserted };
}

/**
 * {@link insertStatement} for many statements in one round trip (the ingester's groups and
 * batches): the same conflict rule per row. Results by statement id; an id given twice is stored
 * once, by its first input, and its later inputs go through {@link insertStatement} (their
 * origins are kept, in order).
 *
 * `markPublished`: statements published earlier, recorded as such ({@link markStatementsEnqueued})
 * by the same statement, so that at a steady rate the record costs no round trip and no commit
 * of its own. None of them may be among `inputs` (one statement cannot change a row twice).
 */
export async function insertStatements(
  db: Queryable,
  inputs: readonly InsertStatementInput[],
  markPublished: readonly string[] = [],
): Promise<Map<string, StoredStatementResult>> {
  const first = new Map<string, InsertStatementInput>();
  const again: InsertStatementInput[] = [];
  for (const input of inputs) {
    if (first.has(input.statement.id)) again.push(input);
    else first.set(input.statement.id, input);
  }
  const rows = [...first.values()];
  const results = new Map<string, StoredStatementResult>();
  if (rows.length === 0) {
    await markStatementsEnqueued(db, markPublished);
  } else {
    const col = <T>(f: (input: InsertStatementInput) => T) => rows.map(f);
    // One round trip for the insert and for what is still to publish: the outer select reads
    // `statements` as it was before the insert, so a row it does not find was inserted now.
    const result = await db.raw<{ rows: { id: string; inserted: boolean | null; touched: boolean; pending: boolean }[] }>(
      `with given as (
         select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::jsonb[], ?::timestamptz[], ?::text[])
           as g(id, text, language, published_at, published_zone, source_agency, source_side, url, sources, received_at, content_sha256)
       ), stored as (
         insert into statements
           (id, text, language, published_at, published_zone, source_agency, source_side, url, sources, received_at, content_sha256)
         select * from given
         on conflict (id) do update
           set sources = statements.sources || excluded.sources
           where not statements.sources @> jsonb_build_array((excluded.sources->0) - 'received_at')
         returning id, (xmax = 0) as inserted
       ), marked as (
         update statements set enqueued_at = now() where id = any(?::text[]) and enqueued_at is null
       )
       select given.id, stored.inserted, stored.id is not null as touched, before.enqueued_at is null as pending
         from given
         left join stored on stored.id = given.id
         left join statements before on before.id = given.id`,
      // Arrays with nulls bind as Postgres arrays; knex's types know only arrays of strings.
      [
        col((i) => i.statement.id),
        col((i) => i.statement.text),
        col((i) => i.statement.language),
        col((i) => i.statement.published_at),
        col((i) => i.statement.published_zone),
        col((i) => i.statement.source_agency),
        col((i) => i.sourceSide ?? null),
        col((i) => i.statement.url),
        col((i) => JSON.stringify([{ ...sourceKey(i.statement), received_at: i.statement.received_at }])),
        col((i) => i.statement.received_at),
        col((i) => createHash('sha256').update(i.statement.text, 'utf8').digest('hex')),
        markPublished,
      ] as unknown as string[],
    );
    for (const r of result.rows) {
      const inserted = r.inserted === true;
      results.set(r.id, { inserted, sourceAdded: r.touched && !inserted, pending: r.pending });
    }
  }
  for (const input of again) {
    const r = await insertStatement(db, input);
    const prev = results.get(input.statement.id)!;
    results.set(input.statement.id, { ...prev, sourceAdded: prev.sourceAdded || r.sourceAdded });
  }
  return results;
}
