import type { Queryable } from '../connection.ts';

export type AlertSeverity = 'info' | 'warning' | 'critical';
export type AlertStateName = 'firing' | 'acknowledged' | 'resolved';

/** An alert as stored in `alerts` (its lifecycle fields match the alerting core's `AlertCore`). */
export interface AlertRecord {
  readonly id: string;
  readonly groupKey: string;
  readonly agreementId: string;
  readonly proposedAgreement: boolean;
  readonly area: string;
  readonly summary: string;
  readonly state: AlertStateName;
  readonly severity: AlertSeverity;
  readonly eventCount: number;
  readonly incidentCount: number;
  readonly killed: number | null;
  readonly firstEventAt: Date | null;
  readonly lastEventAt: Date | null;
  readonly untimedAllegation: boolean;
  readonly escalations: readonly string[];
  readonly openedAt: Date;
  readonly updatedAt: Date;
  readonly lastBreachAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedBy: string | null;
  readonly acknowledgedSeverity: AlertSeverity | null;
  readonly resolvedAt: Date | null;
  readonly lastNotifiedAt: Date | null;
  readonly notifiedState: AlertStateName | null;
  readonly notifiedSeverity: AlertSeverity | null;
  readonly notifiedIncidentCount: number;
  readonly notifiedKilled: number | null;
  readonly notificationSeq: number;
  /**
   * The head of the group summary's inputs as the alerting core keeps them (its `SummaryHead` JSON;
   * the incidents are rows of `alert_summary_incidents`); null
   * when it must be rebuilt from the alert's events. Left as it is when absent.
   */
  readonly summaryState?: unknown;
  /**
   * The latest events (at most `NOTIFIED_EVENT_IDS_MAX`) that joined since the last notification,
   * which the next one lists. Left as it is when absent.
   */
  readonly unnotifiedEventIds?: readonly string[];
  /** How many events joined since the last notification (the ids above may be fewer). Left as it is when absent. */
  readonly unnotifiedEventCount?: number;
}

interface AlertRow {
  id: string;
  group_key: string;
  agreement_id: string;
  proposed_agreement: boolean;
  area: string;
  summary: string;
  state: AlertStateName;
  severity: AlertSeverity;
  event_count: number;
  incident_count: number;
  killed: number | null;
  first_event_at: Date | null;
  last_event_at: Date | null;
  untimed_allegation: boolean;
  escalations: string[];
  opened_at: Date;
  updated_at: Date;
  last_breach_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  acknowledged_severity: AlertSeverity | null;
  resolved_at: Date | null;
  last_notified_at: Date | null;
  notified_state: AlertStateName | null;
  notified_severity: AlertSeverity | null;
  notified_incident_count: number;
  notified_killed: number | null;
  notification_seq: number;
  summary_state?: unknown;
  unnotified_event_ids?: string[];
  unnotified_event_count?: number;
}

function toRecord(r: AlertRow): AlertRecord {
  return {
    id: r.id,
    groupKey: r.group_key,
    agreementId: r.agreement_id,
    proposedAgreement: r.proposed_agreement,
    area: r.area,
    summary: r.summary,
    state: r.state,
    severity: r.severity,
    eventCount: r.event_count,
    incidentCount: r.incident_count,
    killed: r.killed,
    firstEventAt: r.first_event_at,
    lastEventAt: r.last_event_at,
    untimedAllegation: r.untimed_allegation,
    escalations: r.escalations,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
    // Rows from before the column existed: the last update stands in.
    lastBreachAt: r.last_breach_at ?? r.updated_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedSeverity: r.acknowledged_severity,
    resolvedAt: r.resolved_at,
    lastNotifiedAt: r.last_notified_at,
    notifiedState: r.notified_state,
    notifiedSeverity: r.notified_severity,
    notifiedIncidentCount: r.notified_incident_count,
    notifiedKilled: r.notified_killed,
    notificationSeq: r.notification_seq,
    // Absent when the query did not select them (then a save leaves them as they are).
    ...(r.summary_state !== undefined ? { summaryState: r.summary_state } : {}),
    ...(r.unnotified_event_ids !== undefined ? { unnotifiedEventIds: r.unnotified_event_ids } : {}),
    ...(r.unnotified_event_count !== undefined ? { unnotifiedEventCount: r.unnotified_event_count } : {}),
  };
}

function toRow(a: AlertRecord): AlertRow {
  return {
    id: a.id,
    group_key: a.groupKey,
    agreement_id: a.agreementId,
    proposed_agreement: a.proposedAgreement,
    area: a.area,
    summary: a.summary,
    state: a.state,
    severity: a.severity,
    event_count: a.eventCount,
    incident_count: a.incidentCount,
    killed: a.killed,
    first_event_at: a.firstEventAt,
    last_event_at: a.lastEventAt,
    untimed_allegation: a.untimedAllegation,
    escalations: [...a.escalations],
    opened_at: a.openedAt,
    updated_at: a.updatedAt,
    last_breach_at: a.lastBreachAt,
    acknowledged_at: a.acknowledgedAt,
    acknowledged_by: a.acknowledgedBy,
    acknowledged_severity: a.acknowledgedSeverity,
    resolved_at: a.resolvedAt,
    last_notified_at: a.lastNotifiedAt,
    notified_state: a.notifiedState,
    notified_severity: a.notifiedSeverity,
    notified_incident_count: a.notifiedIncidentCount,
    notified_killed: a.notifiedKilled,
    notification_seq: a.notificationSeq,
    // jsonb: a string, since pg would write a JS array as a Postgres array.
    ...(a.summaryState !== undefined
      ? { summary_state: a.summaryState === null ? null : JSON.stringify(a.summaryState) }
      : {}),
    ...(a.unnotifiedEventIds !== undefined ? { unnotified_event_ids: [...a.unnotifiedEventIds] } : {}),
    ...(a.unnotifiedEventCount !== undefined ? { unnotified_event_count: a.unnotifiedEventCount } : {}),
  };
}

/**
 * Takes a transaction-scoped advisory lock on an alert group, so that the consumer, the
 * agreement evaluator and the ticker of every worker instance change one group in turn.
 */
export async function lockAlertGroup(trx: Queryable, groupKey: string): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`alert-group:${groupKey}`]);
}

/**
 * {@link lockAlertGroup} for many groups in one statement, in a fixed (sorted) order so that two
 * transactions locking overlapping sets cannot wait for each other.
 */
export async function lockAlertGroups(trx: Queryable, groupKeys: readonly string[]): Promise<void> {
  const keys = [...new Set(groupKeys)].sort();
  if (keys.length === 0) return;
  // unnest keeps the array's order and the plan has no sort: locks are taken in that order.
  await trx.raw(
    `select pg_advisory_xact_lock(hashtextextended('alert-group:' || k, 0)) from unnest(?::text[]) as k`,
    [keys],
  );
}

/** Each group's alert that is not resolved yet (at most one: a partial unique index), by group key; optionally locked. */
export async function findOpenAlerts(
  db: Queryable,
  groupKeys: readonly string[],
  options: { forUpdate?: boolean } = {},
): Promise<Map<string, AlertRecord>> {
  if (groupKeys.length === 0) return new Map();
  const q = db<AlertRow>('alerts')
    .whereIn('group_key', [...new Set(groupKeys)])
    .whereNot('state', 'resolved');
  if (options.forUpdate) q.forUpdate();
  return new Map(((await q) as AlertRow[]).map((r) => [r.group_key, toRecord(r)]));
}

export async function getAlert(db: Queryable, id: string): Promise<AlertRecord | null> {
  const row = await db<AlertRow>('alerts').where({ id }).first();
  return row === undefined ? null : toRecord(row);
}

/** Reads an alert and locks its row for the transaction; null when another holds it or it is gone. */
export async function lockAlert(
  trx: Queryable,
  id: string,
  options: { skipLocked?: boolean } = {},
): Promise<AlertRecord | null> {
  const q = trx<AlertRow>('alerts').where({ id }).forUpdate();
  if (options.skipLocked) q.skipLocked();
  const row = await q.first();
  return row === undefined ? null : toRecord(row);
}

export async function insertAlert(db: Queryable, alert: AlertRecord): Promise<void> {
  await insertAlerts(db, [alert]);
}

/** Many new alerts in one statement. */
export async function insertAlerts(db: Queryable, alerts: readonly AlertRecord[]): Promise<void> {
  if (alerts.length === 0) return;
  await db('alerts').insert(alerts.map(toRow));
}

/**
 * Stores alerts in one statement: new ones are inserted, stored ones get every mutable field
 * written (as {@link saveAlert}). Rows are written in the order given: put an alert that resolves
 * before the new alert of its group (one open alert per group).
 */
export async function upsertAlerts(db: Queryable, alerts: readonly AlertRecord[]): Promise<void> {
  if (alerts.length === 0) return;
  const rows = alerts.map(toRow);
  const keys = new Set(rows.flatMap((r) => Object.keys(r)));
  // Every row must name the same columns, or the merge would write defaults over stored values.
  if (rows.some((r) => Object.keys(r).length !== keys.size))
    throw new Error('upsertAlerts: alerts with and without summary fields in one call');
  const fixed = new Set(['id', 'group_key', 'agreement_id', 'opened_at']);
  await db('alerts')
    .insert(rows)
    .onConflict('id')
    .merge([...keys].filter((k) => !fixed.has(k)));
}

/** Writes every mutable field of the alert. */
export async function saveAlert(db: Queryable, alert: AlertRecord): Promise<void> {
  const { id: _id, group_key: _g, agreement_id: _a, opened_at: _o, ...rest } = toRow(alert);
  await db('alerts').where({ id: alert.id }).update(rest);
}

/** A state change, as `alert_transitions` keeps it. */
export interface AlertTransitionInput {
  readonly from: AlertStateName | null;
  readonly to: AlertStateName;
  readonly at: Date;
  readonly by: string;
  readonly reason: string | null;
}

export async function insertAlertTransitions(
  db: Queryable,
  alertId: string,
  transitions: readonly AlertTransitionInput[],
): Promise<void> {
  await insertTransitionsOfAlerts(
    db,
    transitions.map((t) => ({ ...t, alertId })),
  );
}

/** Transitions of several alerts in one statement, stored in the order given. */
export async function insertTransitionsOfAlerts(
  db: Queryable,
  transitions: ReadonlyArray<AlertTransitionInput & { readonly alertId: string }>,
): Promise<void> {
  if (transitions.length === 0) return;
  await db('alert_transitions').insert(
    transitions.map((t) => ({
      alert_id: t.alertId,
      from_state: t.from,
      to_state: t.to,
      at: t.at,
      by: t.by,
      reason: t.reason,
    })),
  );
}

/** A stored transition. */
export interface AlertTransitionRecord extends AlertTransitionInput {
  readonly id: string;
}

export async function listAlertTransitions(db: Queryable, alertId: string): Promise<AlertTransitionRecord[]> {
  const rows = (await db('alert_transitions').where({ alert_id: alertId }).orderBy('id')) as Array<{
    id: string;
    from_state: AlertStateName | null;
    to_state: AlertStateName;
    at: Date;
    by: string;
    reason: string | null;
  }>;
  return rows.map((r) => ({
    id: r.id,
    from: r.from_state,
    to: r.to_state,
    at: r.at,
    by: r.by,
    reason: r.reason,
  }));
}

/** Links an event to an alert; false when it was linked already. */
export async function linkAlertEvent(
  db: Queryable,
  input: { alertId: string; eventId: string; untimed: boolean; at: Date },
): Promise<boolean> {
  const rows = await db('alert_events')
    .insert({ alert_id: input.alertId, event_id: input.eventId, untimed: input.untimed, added_at: input.at })
    .onConflict(['alert_id', 'event_id'])
    .ignore()
    .returning('event_id');
  return rows.length > 0;
}

/** Links many events to their alerts in one statement; links that exist are left alone. */
export async function linkAlertEvents(
  db: Queryable,
  links: ReadonlyArray<{ alertId: string; eventId: string; untimed: boolean; at: Date }>,
): Promise<void> {
  if (links.length === 0) return;
  await db('alert_events')
    .insert(links.map((l) => ({ alert_id: l.alertId, event_id: l.eventId, untimed: l.untimed, added_at: l.at })))
    .onConflict(['alert_id', 'event_id'])
    .ignore();
}

/** Which of these events an alert counts already (an event joins at most one alert), in one query. */
export async function eventsInAlerts(db: Queryable, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = (await db('alert_events').whereIn('event_id', [...new Set(eventIds)]).select('event_id')) as Array<{ event_id: string }>;
  return new Set(rows.map((r) => r.event_id));
}

/** Removes an alert's events (they move to another alert) and its summary incidents; the alert keeps its counts as they were. */
export async function unlinkAlertEvents(db: Queryable, alertId: string): Promise<void> {
  await db('alert_events').where({ alert_id: alertId }).delete();
  await db('alert_summary_incidents').where({ alert_id: alertId }).delete();
}

/**
 * For each (agreement, region) pair, the open alert of that agreement in a district of the region
 * that had the latest breach: where an event known only to its region goes while one is open.
 * Keys of the result are `<agreement id> <region>`.
 */
export async function openAlertsInRegions(
  db: Queryable,
  pairs: ReadonlyArray<{ agreementId: string; region: string }>,
): Promise<Map<string, AlertRecord>> {
  if (pairs.length === 0) return new Map();
  const out = new Map<string, AlertRecord>();
  const rows = (await db.raw(
    `select distinct on (p.agreement_id, p.region) p.region, a.*
       from unnest(?::text[], ?::text[]) as p(agreement_id, region)
       join alerts a on a.agreement_id = p.agreement_id and a.area like p.region || '.%' and a.state <> 'resolved'
      order by p.agreement_id, p.region, a.last_breach_at desc nulls last, a.id`,
    [pairs.map((p) => p.agreementId), pairs.map((p) => p.region)],
  )) as { rows: Array<AlertRow & { region: string }> };
  for (const r of rows.rows) out.set(`${r.agreement_id} ${r.region}`, toRecord(r));
  return out;
}

/**
 * Marks the summaries of open alerts that count a superseded event of these statements as to be
 * rebuilt (a newer extractor re-classified the statement: its old events no longer count, as
 * they do not when an alert's events are read again). One statement; returns the alerts marked.
 */
export async function forgetSummariesOfSuperseded(db: Queryable, statementIds: readonly string[]): Promise<string[]> {
  if (statementIds.length === 0) return [];
  const result = await db.raw<{ rows: Array<{ id: string }> }>(
    `update alerts set summary_state = null
      where summary_state is not null and state <> 'resolved'
        and id in (select ae.alert_id
                     from violation_events ve join alert_events ae on ae.event_id = ve.id
                    where ve.statement_id = any(?) and ve.superseded_at is not null)
      returning id`,
    [[...new Set(statementIds)]],
  );
  return result.rows.map((r) => r.id);
}

/** One incident of an alert's summary state: `[earliest time (epoch ms), points, corroboration]`. */
export type SummaryIncident = readonly [key: string, entry: readonly [at: number, points: number, corroboration: number]];

/** The summary-state incidents of these alerts (`alert_summary_incidents`), by alert. One statement. */
export async function summaryIncidentsOf(db: Queryable, alertIds: readonly string[]): Promise<Map<string, SummaryIncident[]>> {
  const out = new Map<string, SummaryIncident[]>(alertIds.map((id) => [id, []]));
  if (alertIds.length === 0) return out;
  const rows = (
    await db.raw<{ rows: Array<{ alert_id: string; incident_key: string; at_ms: number; points: number; corroboration: number }> }>(
      `select alert_id, incident_key, at_ms, points, corroboration
         from alert_summary_incidents where alert_id = any(?)`,
      [[...new Set(alertIds)]],
    )
  ).rows;
  for (const r of rows) out.get(r.alert_id)?.push([r.incident_key, [r.at_ms, r.points, r.corroboration]]);
  return out;
}

/**
 * Stores summary-state incidents: the alerts in `replace` lose every incident row first (their
 * state was rebuilt whole), then `rows` are inserted or updated. At most two statements.
 */
export async function writeSummaryIncidents(
  db: Queryable,
  rows: ReadonlyArray<{ alertId: string; incident: SummaryIncident }>,
  replace: readonly string[] = [],
): Promise<void> {
  if (replace.length > 0) await db.raw('delete from alert_summary_incidents where alert_id = any(?)', [[...new Set(replace)]]);
  if (rows.length === 0) return;
  await db.raw(
    `insert into alert_summary_incidents (alert_id, incident_key, at_ms, points, corroboration)
     select * from unnest(?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[])
     on conflict (alert_id, incident_key) do update
        set at_ms = excluded.at_ms, points = excluded.points, corroboration = excluded.corroboration`,
    [
      rows.map((r) => r.alertId),
      rows.map((r) => r.incident[0]),
      rows.map((r) => r.incident[1][0]),
      rows.map((r) => r.incident[1][1]),
      rows.map((r) => r.incident[1][2]),
    ],
  );
}

/** The ids of an alert's events, in the order they joined. */
export async function alertEventIds(db: Queryable, alertId: string): Promise<string[]> {
  const rows = (await db('alert_events')
    .where({ alert_id: alertId })
    .orderBy(['added_at', 'event_id'])
    .select('event_id')) as Array<{
    event_id: string;
  }>;
  return rows.map((r) => r.event_id);
}

/** The fields of a stored violation event the breach rules read, with its incident's corroboration. */
export interface StoredBreachEvent {
  readonly id: string;
  readonly type: string;
  readonly area: string;
  readonly accusedParty: string | null;
  readonly reportedBy: string | null;
  readonly startUtc: Date | null;
  readonly endUtc: Date | null;
  readonly date: string | null;
  readonly publishedAt: Date;
  readonly killed: number | null;
  readonly wounded: number | null;
  readonly weapons: string[];
  readonly incidentId: string | null;
  readonly corroboration: 'alleged_one_side' | 'both_sides' | 'third_party' | null;
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
export async function getBreachEvents(db: Queryable, ids: readonly string[]): Promise<Map<string, StoredBreachEvent>> {
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
  if (input.unalerted) q.whereNotExists((e) => e.select(db.raw('1')).from('alert_events as ae').whereRaw('ae.event_id = ve.id'));
  if (input.notAfter) {
    const until = input.notAfter;
    q.where((w) =>
      w
        .where('ve.occurred_start', '<=', until)
        .orWhere((d) => d.whereNull('ve.occurred_start').where((o) => o.where('ve.occurred_end', '<=', until).orWhereNull('ve.occurred_end'))),
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

/** Filters of {@link listAlerts}. */
export interface ListAlertsInput {
  /** A state, or `open` for firing and acknowledged. */
  readonly state?: AlertStateName | 'open';
  readonly agreementId?: string;
  readonly limit?: number;
}

/** Alerts, most recently changed first. */
export async function listAlerts(db: Queryable, input: ListAlertsInput = {}): Promise<AlertRecord[]> {
  const q = db<AlertRow>('alerts')
    .select('*')
    .orderBy([{ column: 'updated_at', order: 'desc' }, { column: 'id' }])
    .limit(Math.min(Math.max(input.limit ?? 100, 1), 1000));
  if (input.state === 'open') q.whereNot('state', 'resolved');
  else if (input.state !== undefined) q.where('state', input.state);
  if (input.agreementId !== undefined) q.where('agreement_id', input.agreementId);
  return ((await q) as AlertRow[]).map(toRecord);
}

// Every column but the summary's state and unnotified events, which the ticker does not read.
const LIFECYCLE_COLUMNS = [
  'id',
  'group_key',
  'agreement_id',
  'proposed_agreement',
  'area',
  'summary',
  'state',
  'severity',
  'event_count',
  'incident_count',
  'killed',
  'first_event_at',
  'last_event_at',
  'untimed_allegation',
  'escalations',
  'opened_at',
  'updated_at',
  'last_breach_at',
  'acknowledged_at',
  'acknowledged_by',
  'acknowledged_severity',
  'resolved_at',
  'last_notified_at',
  'notified_state',
  'notified_severity',
  'notified_incident_count',
  'notified_killed',
  'notification_seq',
];

/**
 * Alerts the ticker must look at (not resolved, or resolved but not yet notified as such), as
 * records without the summary's state and unnotified events, so the ticker can see in memory
 * which have something due before it locks any.
 */
export async function listAlertsToTick(db: Queryable, limit = 500): Promise<AlertRecord[]> {
  const rows = (await db('alerts')
    .whereNot('state', 'resolved')
    .orWhereRaw('notified_state is distinct from state and notified_state is not null')
    .orderBy('updated_at')
    .limit(limit)
    .select(LIFECYCLE_COLUMNS)) as AlertRow[];
  return rows.map(toRecord);
}
