import { createHash } from 'node:crypto';
import type { Queryable } from '../connection.ts';

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

/** What {@link insertStatement} did. */
export interface InsertStatementResult {
  /** True when this call stored the statement; false when it was already there. */
  readonly inserted: boolean;
  /** True when the statement existed and this call recorded a new origin (another feed, the CLI…). */
  readonly sourceAdded: boolean;
}

/**
 * Stores a statement once. Its id is content-derived, so a second arrival is a conflict: the
 * row is kept as it is and only a new origin (kind + ref) is appended to `sources`. A
 * redelivery of the same message changes nothing, so the call is safe to repeat.
 */
export async function insertStatement(
  db: Queryable,
  input: InsertStatementInput,
): Promise<InsertStatementResult> {
  const s = input.statement;
  const origin = { kind: s.origin.kind, ref: s.origin.ref };
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
