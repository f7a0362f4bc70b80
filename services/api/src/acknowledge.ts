import { acknowledge } from '@ceasefire/alerting';
import { insertAlertTransitions, lockAlert, saveAlert, type AlertRecord } from '@ceasefire/db';
import type { Knex } from 'knex';

/** Outcome of {@link acknowledgeAlert}. */
export type AckOutcome = { ok: true } | { ok: false; reason: 'not_found' | 'already_acknowledged' | 'resolved' };

/**
 * Acknowledges an alert with the alerting core's rules (`acknowledge`) and its queries: state,
 * transition and who, in one transaction under the row lock, exactly as the operator API of the
 * alerting worker does. That worker's ticker notices the new state and sends the `acknowledged`
 * notification (which reaches the dashboards through the `alerts` topic).
 */
export async function acknowledgeAlert(db: Knex, input: { id: string; by: string; note?: string; now: Date }): Promise<AckOutcome> {
  return db.transaction(async (trx) => {
    const alert = await lockAlert(trx, input.id);
    if (alert === null) return { ok: false, reason: 'not_found' };
    const result = acknowledge(alert, input.by, input.now, input.note);
    if ('refused' in result) return { ok: false, reason: result.refused };
    const next: AlertRecord = { ...alert, ...result.alert };
    await saveAlert(trx, next);
    await insertAlertTransitions(trx, alert.id, result.transitions);
    return { ok: true };
  });
}
