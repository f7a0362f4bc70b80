// The agreement lifecycle's effects on the store, shared by the worker (statements, the ticker)
// and the operator actions (HTTP API, CLI): every status change goes through here and leaves a
// row in `agreement_transitions`. The decisions themselves are @ceasefire/alerting's (pure).
import { effectiveStart, supersessions } from '@ceasefire/alerting';
import {
  agreementsDueInForce,
  agreementsOfParties,
  insertAgreementTransitions,
  lockAgreementsOfParties,
  updateAgreement,
  type AgreementRecord,
  type AgreementTransitionInput,
  type Queryable,
} from '@ceasefire/db';
import type { Knex } from 'knex';

/** Who and why, for a transition. */
export interface ChangeCause {
  readonly by: string;
  readonly reason: string;
  readonly statementId?: string | null;
  readonly now: Date;
}

/** Sets an agreement's status (with the patch's other fields) and records the transition. */
export async function transitionAgreement(
  trx: Queryable,
  agreement: AgreementRecord,
  to: AgreementRecord['status'],
  cause: ChangeCause,
  patch: Parameters<typeof updateAgreement>[2] = {},
): Promise<AgreementRecord> {
  const next = await updateAgreement(trx, agreement.id, { ...patch, status: to }, cause.now);
  if (next === null) throw new Error(`agreement ${agreement.id} vanished during its transition`);
  await insertAgreementTransitions(trx, [
    {
      agreementId: agreement.id,
      from: agreement.status,
      to,
      at: cause.now,
      by: cause.by,
      reason: cause.reason,
      statementId: cause.statementId ?? null,
      supersededBy: patch.supersededBy ?? null,
    },
  ]);
  return next;
}

/**
 * Supersedes the agreements of these parties that a later agreement in force replaced (see
 * `supersessions`), each from the replacing one's start, and records why. Call under
 * `lockAgreementsOfParties`. Returns the agreements changed.
 */
export async function reconcileSupersession(
  trx: Queryable,
  parties: readonly string[],
  cause: Omit<ChangeCause, 'reason'>,
): Promise<AgreementRecord[]> {
  const all = (await agreementsOfParties(trx, parties)).map((a) => ({ ...a, confirmed: a.corroborated || a.source === 'operator' }));
  const byId = new Map(all.map((a) => [a.id, a]));
  const changed: AgreementRecord[] = [];
  for (const s of supersessions(all)) {
    const old = byId.get(s.id)!;
    const by = byId.get(s.supersededBy)!;
    changed.push(
      await transitionAgreement(
        trx,
        old,
        'superseded',
        { ...cause, reason: `replaced by ${by.name ?? by.id} (${by.id}) from ${s.endsAt.toISOString()}` },
        { endsAt: old.endsAt !== null && old.endsAt < s.endsAt ? old.endsAt : s.endsAt, supersededBy: s.supersededBy },
      ),
    );
  }
  return changed;
}

/**
 * A proposed agreement enters into force when it is corroborated (both sides or a third party
 * reported it) and its start (or, unknown, its announcement) has passed; then the agreements it
 * replaces are superseded. Call under `lockAgreementsOfParties`; returns it as it is now.
 */
export async function enterIntoForceIfDue(
  trx: Queryable,
  agreement: AgreementRecord,
  cause: Omit<ChangeCause, 'by'> & { by?: string },
): Promise<AgreementRecord> {
  if (!agreement.corroborated) return agreement;
  if (agreement.status === 'superseded') {
    // Replaced before anyone corroborated it: it was in force until then, and replaces the
    // agreements before it in turn.
    const next = await transitionAgreement(trx, agreement, 'superseded', { ...cause, by: cause.by ?? 'system', reason: `${cause.reason}: in force until it was replaced` });
    await reconcileSupersession(trx, next.parties, { by: 'system', now: cause.now, statementId: cause.statementId ?? null });
    return next;
  }
  if (agreement.status !== 'proposed') return agreement;
  const start = effectiveStart(agreement);
  if (start === null || start > cause.now) return agreement;
  const next = await transitionAgreement(trx, agreement, 'in_force', { ...cause, by: cause.by ?? 'system' });
  await reconcileSupersession(trx, next.parties, { by: 'system', now: cause.now, statementId: cause.statementId ?? null });
  return next;
}

/** The ticker's part: corroborated agreements whose start has come enter into force. Returns how many did. */
export async function promoteDueAgreements(db: Knex, now: Date): Promise<number> {
  let promoted = 0;
  for (const due of await agreementsDueInForce(db, now)) {
    await db.transaction(async (trx) => {
      await lockAgreementsOfParties(trx, due.parties);
      const current = (await agreementsOfParties(trx, due.parties)).find((a) => a.id === due.id);
      if (current === undefined) return;
      const next = await enterIntoForceIfDue(trx, current, { now, reason: 'corroborated, and its start has passed' });
      if (next.status !== current.status) promoted++;
    });
  }
  return promoted;
}

export type { AgreementTransitionInput };
