import type { Queryable } from '../connection.ts';
import type { AlertStateName } from './alerts.ts';

// An alert's state changes, as `alert_transitions` keeps them.

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
