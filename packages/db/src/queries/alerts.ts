import type { AlertCore, AlertState, Severity } from '@ceasefire/contracts';
import type { Knex } from 'knex';
import type { Queryable } from '../connection.ts';

export type AlertSeverity = Severity;
export type AlertStateName = AlertState;

/** An alert as stored in `alerts`: its lifecycle fields are the contracts' `AlertCore`. */
export interface AlertRecord extends AlertCore {
  readonly id: string;
  readonly groupKey: string;
  readonly agreementId: string;
  readonly proposedAgreement: boolean;
  readonly area: string;
  readonly summary: string;
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

/**
 * {@link findOpenAlerts} with `forUpdate`, and which of these events an alert counts already
 * (`eventsInAlerts`), in one statement: what a batch reads under its alert groups' locks.
 */
export async function lockOpenAlertsAndLinked(
  trx: Queryable,
  groupKeys: readonly string[],
  eventIds: readonly string[],
): Promise<{ open: Map<string, AlertRecord>; linked: Set<string> }> {
  // The lateral subquery's row locks are taken as in findOpenAlerts; the outer row is there even
  // when no group has an open alert, so the links are always returned.
  const result = (await trx.raw(
    `with linked as (select coalesce(array_agg(ae.event_id), '{}') as ids from alert_events ae where ae.event_id = any(?::text[]))
     select l.ids as linked_event_ids, a.*
       from linked l
       left join lateral (select * from alerts where group_key = any(?::text[]) and state <> 'resolved' for update) a on true`,
    [[...new Set(eventIds)], [...new Set(groupKeys)]],
  )) as { rows: Array<AlertRow & { linked_event_ids: string[] }> };
  const open = new Map<string, AlertRecord>();
  for (const r of result.rows) if (r.id !== null) open.set(r.group_key, toRecord(r));
  return { open, linked: new Set(result.rows[0]?.linked_event_ids ?? []) };
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
  await upsertAlertsQuery(db, alerts);
}

/** The statement of {@link upsertAlerts} (one or more alerts), not run yet. */
export function upsertAlertsQuery(db: Queryable, alerts: readonly AlertRecord[]): Knex.QueryBuilder {
  const rows = alerts.map(toRow);
  const keys = new Set(rows.flatMap((r) => Object.keys(r)));
  // Every row must name the same columns, or the merge would write defaults over stored values.
  if (rows.some((r) => Object.keys(r).length !== keys.size))
    throw new Error('upsertAlerts: alerts with and without summary fields in one call');
  const fixed = new Set(['id', 'group_key', 'agreement_id', 'opened_at']);
  return db('alerts')
    .insert(rows)
    .onConflict('id')
    .merge([...keys].filter((k) => !fixed.has(k)));
}

/** Writes every mutable field of the alert. */
export async function saveAlert(db: Queryable, alert: AlertRecord): Promise<void> {
  const { id: _id, group_key: _g, agreement_id: _a, opened_at: _o, ...rest } = toRow(alert);
  await db('alerts').where({ id: alert.id }).update(rest);
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

/** The instant and the lifecycle's periods {@link listAlertsToTick} narrows by. */
export interface TickDue {
  readonly now: Date;
  readonly resolveAfterMs: number;
  readonly groupIntervalMs: number;
  readonly repeatIntervalMs: number;
}

/**
 * Alerts the ticker must look at (not resolved, or resolved but not yet notified as such), as
 * records without the summary's state and unnotified events, so the ticker can see in memory
 * which have something due before it locks any.
 */
export async function listAlertsToTick(db: Queryable, limit = 500, due?: TickDue): Promise<AlertRecord[]> {
  const q = db('alerts').where((w) =>
    w
      .whereNot('state', 'resolved')
      .orWhereRaw('notified_state is distinct from state and notified_state is not null'),
  );
  if (due !== undefined) {
    // Every alert the lifecycle's tick could change at `now`, and some it will not (the tick
    // decides): resolved and not notified so; quiet for the resolution period; never notified;
    // acknowledged or re-fired since notified; another severity than notified; or notified at
    // least the shorter of the group and repeat intervals ago. The others wait for a breach.
    const quietSince = new Date(due.now.getTime() - due.resolveAfterMs);
    const notifiedBefore = new Date(due.now.getTime() - Math.min(due.groupIntervalMs, due.repeatIntervalMs));
    q.where((w) =>
      w
        .where('state', 'resolved')
        .orWhereRaw('coalesce(last_breach_at, updated_at) <= ?', [quietSince])
        .orWhereNull('notified_state')
        .orWhereNull('last_notified_at')
        .orWhereRaw('state is distinct from notified_state')
        .orWhereRaw('severity is distinct from notified_severity')
        .orWhere('last_notified_at', '<=', notifiedBefore),
    );
  }
  const rows = (await q.orderBy('updated_at').limit(limit).select(LIFECYCLE_COLUMNS)) as AlertRow[];
  return rows.map(toRecord);
}
