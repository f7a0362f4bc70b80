import type { BreachEvent } from '@ceasefire/contracts';
import type { Queryable } from '../connection.ts';

// The stored violation events the breach rules read.

/**
 * The fields of a stored violation event the breach rules read (the contracts' `BreachEvent`),
 * with its incident's corroboration; its type as stored (a type the contracts no longer know is
 * the reader's to drop), whether it was superseded and its statement.
 */
export interface StoredBreachEvent extends Omit<BreachEvent, 'type'> {
  readonly type: string;
  readonly supersededAt: Date | null;
  readonly statementId: string;
}

interface StoredEventRow {
  id: string;
  type: string;
  area: string;
  accused_party: string | null;
  reported_by: string | null;
  occurred_start: Date | null;
  occurred_end: Date | null;
  date: string | null;
  published_at: Date;
  killed: number | null;
  wounded: number | null;
  weapons: string[];
  incident_id: string | null;
  corroboration: StoredBreachEvent['corroboration'];
  superseded_at: Date | null;
  statement_id: string;
}

function storedEvent(r: StoredEventRow): StoredBreachEvent {
  return {
    id: r.id,
    type: r.type,
    area: r.area,
    accusedParty: r.accused_party,
    reportedBy: r.reported_by,
    startUtc: r.occurred_start,
    endUtc: r.occurred_end,
    date: r.date,
    publishedAt: r.published_at,
    killed: r.killed,
    wounded: r.wounded,
    weapons: r.weapons,
    incidentId: r.incident_id,
    corroboration: r.corroboration,
    supersededAt: r.superseded_at,
    statementId: r.statement_id,
  };
}

function eventQuery(db: Queryable) {
  return db('violation_events as ve')
    .join('statements as s', 's.id', 've.statement_id')
    .leftJoin('incidents as i', 'i.id', 've.incident_id')
    .select(
      've.id',
      've.type',
      've.area',
      've.accused_party',
      've.reported_by',
      've.occurred_start',
      've.occurred_end',
      've.date',
      's.published_at',
      've.killed',
      've.wounded',
      've.weapons',
      've.incident_id',
      'i.corroboration',
      've.superseded_at',
      've.statement_id',
    );
}

/** Stored violation events by id, in one query; ids the event store does not have are absent from the map. */
export async function getBreachEvents(
  db: Queryable,
  ids: readonly string[],
): Promise<Map<string, StoredBreachEvent>> {
  if (ids.length === 0) return new Map();
  const rows = (await eventQuery(db).whereIn('ve.id', [...new Set(ids)])) as StoredEventRow[];
  return new Map(rows.map((r) => [r.id, storedEvent(r)]));
}

/** An alert's current events with whether each was untimed for the agreement. */
export async function alertBreachEvents(
  db: Queryable,
  alertId: string,
): Promise<Array<StoredBreachEvent & { untimed: boolean }>> {
  const rows = (await eventQuery(db)
    .join('alert_events as ae', 'ae.event_id', 've.id')
    .where('ae.alert_id', alertId)
    .whereNull('ve.superseded_at')
    .select('ae.untimed')) as Array<StoredEventRow & { untimed: boolean }>;
  return rows.map((r) => ({ ...storedEvent(r), untimed: r.untimed }));
}

/**
 * Current violation events that may breach an agreement of these parties, happening (or, when
 * untimed, published) no earlier than `notBefore`: the candidates of a re-evaluation. The breach
 * rules decide; this only narrows.
 */
export async function candidateBreachEvents(
  db: Queryable,
  input: {
    parties: readonly string[];
    notBefore: Date | null;
    /** Events that happened (or, untimed, were published) after this cannot be breaches of it. */
    notAfter?: Date | null;
    /** Only events no alert counts yet (an event joins at most one alert). */
    unalerted?: boolean;
    limit?: number;
  },
): Promise<StoredBreachEvent[]> {
  const q = eventQuery(db)
    .whereNull('ve.superseded_at')
    .whereNot('ve.type', 'ceasefire_agreement')
    .whereIn('ve.accused_party', [...input.parties])
    .orderBy('ve.created_at')
    .limit(input.limit ?? 5000);
  if (input.unalerted)
    q.whereNotExists((e) => e.select(db.raw('1')).from('alert_events as ae').whereRaw('ae.event_id = ve.id'));
  if (input.notAfter) {
    const until = input.notAfter;
    q.where((w) =>
      w
        .where('ve.occurred_start', '<=', until)
        .orWhere((d) =>
          d
            .whereNull('ve.occurred_start')
            .where((o) => o.where('ve.occurred_end', '<=', until).orWhereNull('ve.occurred_end')),
        ),
    );
  }
  if (input.notBefore !== null) {
    const since = input.notBefore;
    // Events without a UTC window (a day only, or no time) are kept when published since then.
    q.where((w) =>
      w
        .where('ve.occurred_end', '>=', since)
        .orWhere((d) =>
          d.whereNull('ve.occurred_end').whereNull('ve.occurred_start').where('s.published_at', '>=', since),
        ),
    );
  }
  return ((await q) as StoredEventRow[]).map(storedEvent);
}
