import type { Queryable } from '../connection.ts';

/** One snapshot of a source's running total. */
export interface CasualtyPoint {
  readonly id: string;
  readonly statementId: string;
  readonly asOf: Date;
  readonly killed: number | null;
  readonly injured: number | null;
  readonly displaced: number | null;
}

/**
 * What one source said over time about one scope and population: its snapshots in time order.
 * Sources are kept apart on purpose; their figures are claims and are never added up.
 */
export interface CasualtySeries {
  readonly sourceAgency: string;
  readonly side: string | null;
  readonly scope: string;
  readonly population: string;
  readonly points: CasualtyPoint[];
}

/** Filters of {@link casualtySeries}. */
export interface CasualtySeriesInput {
  readonly scope?: string;
  readonly sourceAgency?: string;
  readonly side?: string;
  readonly population?: string;
  /** Only the snapshots read from this statement. */
  readonly statementId?: string;
}

interface Row {
  id: string;
  statement_id: string;
  source_agency: string;
  side: string | null;
  scope: string;
  population: string;
  as_of: Date;
  killed: number | null;
  injured: number | null;
  displaced: number | null;
}

/** Current casualty snapshots grouped into one series per source, scope and population. */
export async function casualtySeries(db: Queryable, input: CasualtySeriesInput = {}): Promise<CasualtySeries[]> {
  const q = db('casualty_reports')
    .whereNull('superseded_at')
    .select('id', 'statement_id', 'source_agency', 'side', 'scope', 'population', 'as_of', 'killed', 'injured', 'displaced')
    .orderBy(['scope', 'source_agency', 'population', 'as_of', 'created_at', 'id'])
    .limit(10_000);
  if (input.scope) q.where('scope', input.scope);
  if (input.sourceAgency) q.where('source_agency', input.sourceAgency);
  if (input.side) q.where('side', input.side);
  if (input.population) q.where('population', input.population);
  if (input.statementId) q.where('statement_id', input.statementId);
  const series = new Map<string, CasualtySeries>();
  for (const r of (await q) as Row[]) {
    const key = JSON.stringify([r.scope, r.source_agency, r.population]);
    let s = series.get(key);
    if (!s) {
      s = { sourceAgency: r.source_agency, side: r.side, scope: r.scope, population: r.population, points: [] };
      series.set(key, s);
    }
    s.points.push({ id: r.id, statementId: r.statement_id, asOf: r.as_of, killed: r.killed, injured: r.injured, displaced: r.displaced });
  }
  return [...series.values()];
}
