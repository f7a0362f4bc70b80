import type { Knex } from 'knex';
import type { Queryable } from '../connection.ts';
import { likePrefix, pageSize, toPage, type Keyset, type Page } from './keyset.ts';
import type { AlertSeverity, AlertStateName } from './alerts.ts';

/** What the read API shows of an alert (the alerting worker's bookkeeping columns left out). */
export interface AlertView {
  readonly id: string;
  readonly groupKey: string;
  readonly agreementId: string;
  readonly agreementName: string | null;
  readonly proposedAgreement: boolean;
  readonly area: string;
  readonly severity: AlertSeverity;
  readonly state: AlertStateName;
  readonly summary: string;
  readonly eventCount: number;
  readonly incidentCount: number;
  readonly killed: number | null;
  readonly untimedAllegation: boolean;
  readonly escalations: string[];
  readonly firstEventAt: Date | null;
  readonly lastEventAt: Date | null;
  readonly openedAt: Date;
  readonly updatedAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedBy: string | null;
  readonly resolvedAt: Date | null;
  readonly lastNotifiedAt: Date | null;
}

interface Row {
  id: string;
  group_key: string;
  agreement_id: string;
  agreement_name: string | null;
  proposed_agreement: boolean;
  area: string;
  severity: AlertSeverity;
  state: AlertStateName;
  summary: string;
  event_count: number;
  incident_count: number;
  killed: number | null;
  untimed_allegation: boolean;
  escalations: string[] | null;
  first_event_at: Date | null;
  last_event_at: Date | null;
  opened_at: Date;
  updated_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  resolved_at: Date | null;
  last_notified_at: Date | null;
}

function toView(r: Row): AlertView {
  return {
    id: r.id,
    groupKey: r.group_key,
    agreementId: r.agreement_id,
    agreementName: r.agreement_name,
    proposedAgreement: r.proposed_agreement,
    area: r.area,
    severity: r.severity,
    state: r.state,
    summary: r.summary,
    eventCount: r.event_count,
    incidentCount: r.incident_count,
    killed: r.killed,
    untimedAllegation: r.untimed_allegation,
    escalations: r.escalations ?? [],
    firstEventAt: r.first_event_at,
    lastEventAt: r.last_event_at,
    openedAt: r.opened_at,
    updatedAt: r.updated_at,
    acknowledgedAt: r.acknowledged_at,
    acknowledgedBy: r.acknowledged_by,
    resolvedAt: r.resolved_at,
    lastNotifiedAt: r.last_notified_at,
  };
}

function baseQuery(db: Queryable) {
  return db('alerts as al')
    .join('agreements as ag', 'ag.id', 'al.agreement_id')
    .select(
      'al.id',
      'al.group_key',
      'al.agreement_id',
      'ag.name as agreement_name',
      'al.proposed_agreement',
      'al.area',
      'al.severity',
      'al.state',
      'al.summary',
      'al.event_count',
      'al.incident_count',
      'al.killed',
      'al.untimed_allegation',
      'al.escalations',
      'al.first_event_at',
      'al.last_event_at',
      'al.opened_at',
      'al.updated_at',
      'al.acknowledged_at',
      'al.acknowledged_by',
      'al.resolved_at',
      'al.last_notified_at',
    );
}

/** Filters of {@link listAlertViews}. */
export interface ListAlertViewsInput {
  /** A state, or `open` for firing and acknowledged. */
  readonly state?: AlertStateName | 'open';
  readonly severity?: AlertSeverity;
  readonly agreementId?: string;
  /** An area id; also matches the areas below it. */
  readonly area?: string;
  /** Opened at or after. */
  readonly from?: Date;
  /** Opened before. */
  readonly to?: Date;
  readonly after?: Keyset;
  readonly limit?: number;
}

/** Alerts, latest opened first (a stable order: `updated_at` would move rows between pages). */
export async function listAlertViews(db: Queryable, input: ListAlertViewsInput = {}): Promise<Page<AlertView>> {
  const limit = pageSize(input.limit);
  const q = baseQuery(db)
    .orderBy([
      { column: 'al.opened_at', order: 'desc' },
      { column: 'al.id', order: 'desc' },
    ])
    .limit(limit + 1);
  if (input.state === 'open') q.whereNot('al.state', 'resolved');
  else if (input.state) q.where('al.state', input.state);
  if (input.severity) q.where('al.severity', input.severity);
  whereAlertScope(q, input);
  if (input.after?.at) q.whereRaw('(al.opened_at, al.id) < (?, ?)', [input.after.at, input.after.id]);
  const page = toPage((await q) as Row[], limit, (r) => ({ at: r.opened_at, id: r.id }));
  return { items: page.items.map(toView), next: page.next };
}

/** The filters the alert list and the counts share: agreement, an area and those under it, opening time. */
function whereAlertScope(q: Knex.QueryBuilder, input: AlertCountsInput): void {
  if (input.agreementId) q.where('al.agreement_id', input.agreementId);
  if (input.area) {
    const area = input.area;
    q.where((w) => w.where('al.area', area).orWhere('al.area', 'like', `${likePrefix(area)}.%`));
  }
  if (input.from) q.where('al.opened_at', '>=', input.from);
  if (input.to) q.where('al.opened_at', '<', input.to);
}

/** Filters of {@link alertCounts}: those of the alert list but state and severity, which it counts by. */
export interface AlertCountsInput {
  agreementId?: string | undefined;
  /** An area and the areas under it. */
  area?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** How many alerts there are in each state and severity (zero counts left out). */
export async function alertCounts(db: Queryable, input: AlertCountsInput = {}): Promise<Array<{ state: string; severity: string; alerts: number }>> {
  const q = db('alerts as al').select('al.state', 'al.severity').count({ alerts: '*' }).groupBy('al.state', 'al.severity');
  whereAlertScope(q, input);
  const rows = (await q) as Array<{ state: string; severity: string; alerts: string | number }>;
  return rows.map((r) => ({ state: r.state, severity: r.severity, alerts: Number(r.alerts) }));
}

/**
 * The NOTIFY channel on which the database announces every change of what an alert shows, with
 * `{"schema": …, "id": …}` (migrations/20261207000100_alert_change_notify.ts).
 */
export const ALERT_CHANGES_CHANNEL = 'ceasefire_alert_changes';

export async function getAlertView(db: Queryable, id: string): Promise<AlertView | null> {
  const row = (await baseQuery(db).where('al.id', id).first()) as Row | undefined;
  return row === undefined ? null : toView(row);
}
