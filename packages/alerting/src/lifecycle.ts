import { severityRank, type GroupSummary } from './severity.ts';
import type { AlertCore } from '@ceasefire/contracts';
import type { AlertState, NotificationKind } from './types.ts';

/** Timing of notifications and resolution (Alertmanager's names). */
export interface LifecyclePolicy {
  /** How long a new alert waits for more events before its first notification (0: at once). */
  readonly groupWaitMs: number;
  /** Least time between notifications of an alert's updates (new incidents, more killed). */
  readonly groupIntervalMs: number;
  /** A firing alert with nothing new is notified again after this long. */
  readonly repeatIntervalMs: number;
  /** An alert resolves when no breach has joined it for this long. */
  readonly resolveAfterMs: number;
}

export const DEFAULT_LIFECYCLE: LifecyclePolicy = {
  groupWaitMs: 0,
  groupIntervalMs: 5 * 60_000,
  repeatIntervalMs: 4 * 3600_000,
  resolveAfterMs: 12 * 3600_000,
};

// An alert's state as the lifecycle sees it: the contracts' own, which the store's row extends.
export type { AlertCore };

/** A state change to store in `alert_transitions`. */
export interface Transition {
  readonly from: AlertState | null;
  readonly to: AlertState;
  readonly at: Date;
  /** Operator name, or `system`. */
  readonly by: string;
  readonly reason: string;
}

/** What an alert takes from its group's summary, when opened and on every later breach. */
function fromSummary(summary: GroupSummary) {
  return {
    severity: summary.severity,
    eventCount: summary.eventCount,
    incidentCount: summary.incidentCount,
    killed: summary.killed,
    firstEventAt: summary.firstEventAt,
    lastEventAt: summary.lastEventAt,
    untimedAllegation: summary.untimedAllegation,
    escalations: summary.escalations,
  } satisfies Partial<AlertCore>;
}

/** A new alert for a group's first breach. */
export function openAlert(summary: GroupSummary, now: Date): { alert: AlertCore; transitions: Transition[] } {
  const alert: AlertCore = {
    state: 'firing',
    ...fromSummary(summary),
    openedAt: now,
    updatedAt: now,
    lastBreachAt: now,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedSeverity: null,
    resolvedAt: null,
    lastNotifiedAt: null,
    notifiedState: null,
    notifiedSeverity: null,
    notifiedIncidentCount: 0,
    notifiedKilled: null,
    notificationSeq: 0,
  };
  return { alert, transitions: [{ from: null, to: 'firing', at: now, by: 'system', reason: 'breach' }] };
}

/**
 * A breach joined an open alert: its aggregate is replaced by the new summary. An acknowledged
 * alert whose severity rises above what the operator acknowledged fires again: the operator saw
 * less than what is happening now.
 */
export function addBreach(
  alert: AlertCore,
  summary: GroupSummary,
  now: Date,
): { alert: AlertCore; transitions: Transition[] } {
  if (alert.state === 'resolved') throw new Error('a resolved alert takes no breaches: open a new one');
  const transitions: Transition[] = [];
  let state: AlertState = alert.state;
  if (
    alert.state === 'acknowledged' &&
    alert.acknowledgedSeverity !== null &&
    severityRank(summary.severity) > severityRank(alert.acknowledgedSeverity)
  ) {
    state = 'firing';
    transitions.push({
      from: 'acknowledged',
      to: 'firing',
      at: now,
      by: 'system',
      reason: `severity rose from ${alert.acknowledgedSeverity} to ${summary.severity}`,
    });
  }
  return {
    alert: {
      ...alert,
      state,
      ...fromSummary(summary),
      updatedAt: now,
      lastBreachAt: now,
    },
    transitions,
  };
}

/** Why an acknowledgement was refused. */
export type AckRefusal = 'already_acknowledged' | 'resolved';

/** An operator acknowledges a firing alert: repeats stop until something new happens. */
export function acknowledge(
  alert: AlertCore,
  by: string,
  now: Date,
  note?: string,
): { alert: AlertCore; transitions: Transition[] } | { refused: AckRefusal } {
  if (alert.state === 'resolved') return { refused: 'resolved' };
  if (alert.state === 'acknowledged') return { refused: 'already_acknowledged' };
  return {
    alert: {
      ...alert,
      state: 'acknowledged',
      acknowledgedAt: now,
      acknowledgedBy: by,
      acknowledgedSeverity: alert.severity,
      updatedAt: now,
    },
    transitions: [{ from: 'firing', to: 'acknowledged', at: now, by, reason: note ?? 'acknowledged' }],
  };
}

/** What {@link tick} decided. */
export interface TickResult {
  readonly alert: AlertCore;
  readonly transitions: Transition[];
  /** The notification to send now, if one is due; `alert` already records it as sent. */
  readonly notification: NotificationKind | null;
}

function changedSinceNotified(a: AlertCore): { changed: boolean; urgent: boolean } {
  const severityRaised =
    a.notifiedSeverity !== null && severityRank(a.severity) > severityRank(a.notifiedSeverity);
  const changed =
    severityRaised ||
    a.incidentCount > a.notifiedIncidentCount ||
    (a.killed ?? 0) > (a.notifiedKilled ?? 0) ||
    (a.state === 'firing' && a.notifiedState === 'acknowledged');
  // A rise in severity (and a re-fire, which only follows one) does not wait for the group interval.
  return { changed, urgent: severityRaised || (a.state === 'firing' && a.notifiedState === 'acknowledged') };
}

/**
 * Advances an alert to `now`: resolves it after the quiet period, then decides which
 * notification, if any, is due. Called after every breach and periodically; idempotent for a
 * fixed `now` (a second call finds nothing due). Notifications only follow a difference between
 * the alert and what was last notified, so a restart re-sends nothing that was already enqueued.
 */
export function tick(alert: AlertCore, now: Date, policy: LifecyclePolicy = DEFAULT_LIFECYCLE): TickResult {
  const transitions: Transition[] = [];
  let a = alert;
  const t = now.getTime();
  if (a.state !== 'resolved' && t - a.lastBreachAt.getTime() >= policy.resolveAfterMs) {
    transitions.push({
      from: a.state,
      to: 'resolved',
      at: now,
      by: 'system',
      reason: `no breach for ${Math.round(policy.resolveAfterMs / 60_000)} min`,
    });
    a = { ...a, state: 'resolved', resolvedAt: now, updatedAt: now };
  }

  const kind = dueNotification(a, t, policy);
  if (kind === null) return { alert: a, transitions, notification: null };
  return {
    alert: {
      ...a,
      lastNotifiedAt: now,
      notifiedState: a.state,
      notifiedSeverity: a.severity,
      notifiedIncidentCount: a.incidentCount,
      notifiedKilled: a.killed,
      notificationSeq: a.notificationSeq + 1,
    },
    transitions,
    notification: kind,
  };
}

function dueNotification(a: AlertCore, t: number, policy: LifecyclePolicy): NotificationKind | null {
  if (a.notifiedState === null || a.lastNotifiedAt === null) {
    // Never notified: an alert resolved during its group wait still tells nobody it opened.
    if (a.state === 'resolved') return null;
    return t - a.openedAt.getTime() >= policy.groupWaitMs ? 'opened' : null;
  }
  if (a.state === 'resolved') return a.notifiedState === 'resolved' ? null : 'resolved';
  if (a.state === 'acknowledged' && a.notifiedState !== 'acknowledged') return 'acknowledged';
  const since = t - a.lastNotifiedAt.getTime();
  const { changed, urgent } = changedSinceNotified(a);
  if (changed && (urgent || since >= policy.groupIntervalMs)) return 'updated';
  if (a.state === 'firing' && since >= policy.repeatIntervalMs) return 'repeated';
  return null;
}

/**
 * When {@link tick} may next have something to do for this alert, so a scheduler can sleep;
 * null when only a new breach or an acknowledgement can change it.
 */
export function nextTickAt(a: AlertCore, policy: LifecyclePolicy = DEFAULT_LIFECYCLE): Date | null {
  if (a.state === 'resolved') return a.notifiedState === 'resolved' ? null : a.updatedAt;
  const times = [a.lastBreachAt.getTime() + policy.resolveAfterMs];
  if (a.lastNotifiedAt === null) times.push(a.openedAt.getTime() + policy.groupWaitMs);
  else {
    if (changedSinceNotified(a).changed) times.push(a.lastNotifiedAt.getTime() + policy.groupIntervalMs);
    if (a.state === 'firing') times.push(a.lastNotifiedAt.getTime() + policy.repeatIntervalMs);
  }
  return new Date(Math.min(...times));
}
