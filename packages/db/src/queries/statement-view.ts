import type { Queryable } from '../connection.ts';
import { pageSize, toPage, type Keyset, type Page } from './keyset.ts';

/** A stored statement as the read API shows it. */
export interface StatementView {
  readonly id: string;
  readonly text: string;
  readonly language: string;
  readonly publishedAt: Date;
  readonly publishedZone: string | null;
  readonly sourceAgency: string | null;
  readonly sourceSide: string | null;
  readonly url: string | null;
  /** Every arrival: `[{kind, ref, received_at}]`. */
  readonly sources: unknown[];
  readonly receivedAt: Date;
  /** Current events extracted from it. */
  readonly eventCount: number;
}

/** The `statements` columns a statement message carries, as pg returns them (replay and the outbox re-read them). */
export interface StatementColumns {
  id: string;
  text: string;
  language: string;
  published_at: Date;
  published_zone: string | null;
  source_agency: string | null;
  url: string | null;
  received_at: Date;
}

/** The names of {@link StatementColumns}, for a `select`. */
export const STATEMENT_COLUMNS = ['id', 'text', 'language', 'published_at', 'published_zone', 'source_agency', 'url', 'received_at'] as const;

interface StatementRow extends StatementColumns {
  source_side: string | null;
  sources: unknown[];
  event_count: number;
}

function toView(r: StatementRow): StatementView {
  return {
    id: r.id,
    text: r.text,
    language: r.language,
    publishedAt: r.published_at,
    publishedZone: r.published_zone,
    sourceAgency: r.source_agency,
    sourceSide: r.source_side,
    url: r.url,
    sources: r.sources,
    receivedAt: r.received_at,
    eventCount: r.event_count,
  };
}

function baseQuery(db: Queryable) {
  return db('statements as s').select(
    's.id',
    's.text',
    's.language',
    's.published_at',
    's.published_zone',
    's.source_agency',
    's.source_side',
    's.url',
    's.sources',
    's.received_at',
    db.raw('(select count(*)::int from violation_events e where e.statement_id = s.id and e.superseded_at is null) as event_count'),
  );
}

/** Filters of {@link listStatements}. */
export interface ListStatementsInput {
  /** Inclusive lower bound of the publication time. */
  readonly from?: Date;
  /** Exclusive upper bound of the publication time. */
  readonly to?: Date;
  readonly sourceAgency?: string;
  readonly language?: string;
  readonly after?: Keyset;
  readonly limit?: number;
}

/** Statements, latest publication first. */
export async function listStatements(db: Queryable, input: ListStatementsInput = {}): Promise<Page<StatementView>> {
  const limit = pageSize(input.limit);
  const q = baseQuery(db)
    .orderBy([
      { column: 's.published_at', order: 'desc' },
      { column: 's.id', order: 'desc' },
    ])
    .limit(limit + 1);
  if (input.from) q.where('s.published_at', '>=', input.from);
  if (input.to) q.where('s.published_at', '<', input.to);
  if (input.sourceAgency) q.where('s.source_agency', input.sourceAgency);
  if (input.language) q.where('s.language', input.language);
  if (input.after?.at) q.whereRaw('(s.published_at, s.id) < (?, ?)', [input.after.at, input.after.id]);
  const page = toPage((await q) as StatementRow[], limit, (r) => ({ at: r.published_at, id: r.id }));
  return { items: page.items.map(toView), next: page.next };
}

export async function getStatementView(db: Queryable, id: string): Promise<StatementView | null> {
  const row = (await baseQuery(db).where('s.id', id).first()) as StatementRow | undefined;
  return row === undefined ? null : toView(row);
}
