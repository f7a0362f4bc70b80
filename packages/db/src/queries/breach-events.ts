import type { BreachEvent, ViolationEvent } from '@ceasefire/contracts';
import type { Queryable } from '../connection.ts';
import { eventsWithSources } from './event-search.ts';

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
  /** A `ceasefire_agreement` event's terms as stored (null for other events). */
  readonly agreement: ViolationEvent['agreement'];
  readonly profile: string;
  /** The zone the statement was published in (`publishedAt` is the instant), when known. */
  readonly publishedZone: string | null;
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
  agreement: ViolationEvent['agreement'];
  profile: string;
  published_zone: string | null;
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
    agreement: r.agreement,
    profile: r.profile,
    publishedZone: r.published_zone,
  };
}

function eventQuery(db: Queryable) {
  return eventsWithSources(db).select(
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
    've.agreement',
    've.profile',
    's.published_zone',
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

/** What the alerting worker reads for one batch of events, in {@link readEventBatch}. */
export interface EventBatch {
  /** The stored events by id; ids the event store does not have are absent. */
  readonly events: Map<string, StoredBreachEvent>;
  /** Which of them an alert counts already (an event joins at most one alert). */
  readonly inAlerts: Set<string>;
  /** Open alerts whose summaries were marked to be rebuilt (as {@link forgetSummariesOfSuperseded}). */
  readonly forgotten: string[];
  /**
   * A fingerprint of the `agreements` table as this statement saw it: the ids with their row
   * versions (`xmin`, the writing transaction, new on every insert and update), so any committed
   * insert, update or delete gives another value. Agreements read after it are at least as new.
   */
  readonly agreementsVersion: string;
}

/**
 * One statement, one round trip, for a batch of events: marks the summaries of open alerts that
 * count a superseded event of these statements as to be rebuilt (a data-modifying CTE: it runs
 * whatever the select returns, exactly as {@link forgetSummariesOfSuperseded}), reads the stored
 * events ({@link getBreachEvents}) with whether an alert counts each ({@link eventsInAlerts}),
 * and the agreements' fingerprint, so an unchanged list of agreements need not be read again.
 */
export async function readEventBatch(
  db: Queryable,
  eventIds: readonly string[],
  statementIds: readonly string[],
): Promise<EventBatch> {
  const result = await db.raw<{
    rows: Array<
      Partial<StoredEventRow> & { agreements_version: string; forgotten: string[]; in_alert: boolean | null }
    >;
  }>(
    `with forgotten as (
       update alerts set summary_state = null
        where summary_state is not null and state <> 'resolved'
          and id in (select ae.alert_id
                       from violation_events ve join alert_events ae on ae.event_id = ve.id
                      where ve.statement_id = any(?::text[]) and ve.superseded_at is not null)
        returning id),
     version as (
       select md5(coalesce(string_agg(a.id || ':' || a.xmin::text, ',' order by a.id), '')) as agreements_version from agreements a)
     select v.agreements_version, (select coalesce(array_agg(f.id order by f.id), '{}') from forgotten f) as forgotten, e.*
       from version v
       left join lateral (
         select ve.id, ve.type, ve.area, ve.accused_party, ve.reported_by, ve.occurred_start, ve.occurred_end, ve.date,
                s.published_at, ve.killed, ve.wounded, ve.weapons, ve.incident_id, i.corroboration, ve.superseded_at,
                ve.statement_id, ve.agreement, ve.profile, s.published_zone, exists (select 1 from alert_events ae where ae.event_id = ve.id) as in_alert
           from violation_events ve
           join statements s on s.id = ve.statement_id
           left join incidents i on i.id = ve.incident_id
          where ve.id = any(?::text[])) e on true`,
    [[...new Set(statementIds)], [...new Set(eventIds)]],
  );
  const rows = result.rows;
  const events = new Map<string, StoredBreachEvent>();
  const inAlerts = new Set<string>();
  for (const r of rows) {
    if (r.id === null || r.id === undefined) continue;
    events.set(r.id, storedEvent(r as StoredEventRow));
    if (r.in_alert) inAlerts.add(r.id);
  }
  return {
    events,
    inAlerts,
    forgotten: rows[0]?.forgotten ?? [],
    agreementsVersion: rows[0]?.agreements_version ?? '',
  };
}
