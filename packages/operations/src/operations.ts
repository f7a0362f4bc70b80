// Operator actions shared by the HTTP API and the CLI, so both behave the same.
import { randomBytes } from 'node:crypto';
import { acknowledge } from '@ceasefire/alerting';
import {
  AGREEMENT_LEVELS,
  getAgreement,
  getAlert,
  insertAgreement,
  insertAgreementTransitions,
  lockAgreementsOfParties,
  insertAlertTransitions,
  lockAlert,
  lockAlertGroup,
  saveAlert,
  type AgreementRecord,
  type AlertRecord,
} from '@ceasefire/db';
import { PARTY_CODE, Timestamp } from '@ceasefire/contracts';
import type { Knex } from 'knex';
import { z } from 'zod';
import { reconcileSupersession, transitionAgreement } from './agreement-lifecycle.ts';

const Party = z.string().regex(PARTY_CODE, 'a party code such as KG or TJ');
const AreaId = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'a gazetteer area id such as kg.batken.leilek');
const Term = z.string().regex(/^[a-z][a-z0-9_]*$/, 'a term such as cease_fire or withdraw_forces');

/** An agreement an operator registers (HTTP body, CLI flags). */
export const NewAgreement = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,100}$/)
      .optional(),
    name: z.string().max(500).nullable().optional(),
    parties: z.array(Party).min(1),
    level: z.enum(AGREEMENT_LEVELS).default('other'),
    /** With its offset, e.g. `2022-09-16T16:00:00+06:00`; omitted when not known yet. */
    starts_at: Timestamp.nullable().optional(),
    start_zone: z.string().max(64).nullable().optional(),
    ends_at: Timestamp.nullable().optional(),
    scope_areas: z.array(AreaId).default([]),
    whole_border: z.boolean().default(false),
    terms: z.array(Term).min(1).default(['cease_fire']),
    registered_by: z.string().max(200).nullable().optional(),
    notes: z.string().max(4000).nullable().optional(),
  })
  .refine((a) => a.whole_border || a.scope_areas.length > 0, {
    message: 'give scope_areas or whole_border: true',
    path: ['scope_areas'],
  })
  .refine((a) => !a.starts_at || !a.ends_at || Date.parse(a.ends_at) >= Date.parse(a.starts_at), {
    message: 'ends before it starts',
    path: ['ends_at'],
  });
export type NewAgreement = z.input<typeof NewAgreement>;

/** Changes an operator may make: confirm (status in_force), fill in the start, narrow the scope… */
export const AgreementChange = z
  .object({
    name: z.string().max(500).nullable(),
    /** `in_force` confirms, `rejected` rejects (it judges nothing), `proposed` withdraws a confirmation. */
    status: z.enum(['proposed', 'in_force', 'ended', 'rejected']),
    starts_at: Timestamp.nullable(),
    start_zone: z.string().max(64).nullable(),
    ends_at: Timestamp.nullable(),
    superseded_by: z.string().min(1).nullable(),
    scope_areas: z.array(AreaId),
    whole_border: z.boolean(),
    terms: z.array(Term).min(1),
    parties: z.array(Party).min(1),
    level: z.enum(AGREEMENT_LEVELS),
    registered_by: z.string().max(200).nullable(),
    notes: z.string().max(4000).nullable(),
  })
  .partial()
  .strict();
export type AgreementChange = z.input<typeof AgreementChange>;

/** The areas and parties an agreement may name: the conflict profiles' gazetteer ids and party codes. */
export interface KnownReferences {
  readonly areas: ReadonlySet<string>;
  readonly parties: ReadonlySet<string>;
}

/**
 * `field: unknown …` for each area or party no profile knows: an agreement over a misspelt area
 * never matches an event, so its breaches would go unnoticed.
 */
export function referenceProblems(
  input: { scope_areas?: readonly string[] | undefined; parties?: readonly string[] | undefined },
  known: KnownReferences,
): string[] {
  const problems: string[] = [];
  input.scope_areas?.forEach((a, i) => {
    if (!known.areas.has(a))
      problems.push(`scope_areas.${i}: unknown area ${a} (not in any conflict profile's gazetteer)`);
  });
  input.parties?.forEach((p, i) => {
    if (!known.parties.has(p))
      problems.push(`parties.${i}: unknown party ${p} (not a party or third party of any conflict profile)`);
  });
  return problems;
}

/** An operator's change that would leave an agreement covering nothing. */
export class AgreementRefused extends Error {
  override readonly name = 'AgreementRefused';
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

const toDate = (s: string | null | undefined): Date | null | undefined =>
  s === undefined ? undefined : s === null ? null : new Date(s);

/** Registers an agreement (in force). The id defaults to `ag_<start day>_<random>`. */
export async function registerAgreement(
  db: Knex,
  input: z.output<typeof NewAgreement>,
  now: Date,
): Promise<AgreementRecord> {
  const day = (input.starts_at ? new Date(input.starts_at) : now)
    .toISOString()
    .slice(0, 10)
    .replaceAll('-', '');
  const parties = [...new Set(input.parties)].sort();
  return db.transaction(async (trx) => {
    await lockAgreementsOfParties(trx, parties);
    const agreement = await insertAgreement(trx, {
      id: input.id ?? `ag_${day}_${randomBytes(3).toString('hex')}`,
      name: input.name ?? null,
      parties,
      level: input.level,
      startsAt: toDate(input.starts_at) ?? null,
      startZone: input.start_zone ?? null,
      endsAt: toDate(input.ends_at) ?? null,
      scopeAreas: input.scope_areas,
      wholeBorder: input.whole_border,
      terms: input.terms,
      registeredBy: input.registered_by ?? null,
      notes: input.notes ?? null,
      now,
    });
    await insertAgreementTransitions(trx, [
      { agreementId: agreement.id, from: null, to: agreement.status, at: now, by: input.registered_by ?? 'operator', reason: 'registered by an operator' },
    ]);
    // A registered agreement in force replaces the earlier ones of its parties and scope.
    await reconcileSupersession(trx, parties, { by: 'system', now });
    return (await getAgreement(trx, agreement.id))!;
  });
}

const STATUS_REASON: Record<string, string> = {
  in_force: 'confirmed by an operator',
  rejected: 'rejected by an operator',
  proposed: 'confirmation withdrawn by an operator',
  ended: 'ended by an operator',
};

/**
 * Applies an operator's change; null when there is no such agreement. A change of status is a
 * transition (confirm, reject, end); any other change (narrowing the scope, a start) is recorded
 * as a transition that keeps the status. Agreements it now replaces are superseded.
 */
export async function changeAgreement(
  db: Knex,
  id: string,
  change: z.output<typeof AgreementChange>,
  now: Date,
  by = change.registered_by ?? 'operator',
): Promise<AgreementRecord | null> {
  const startsAt = toDate(change.starts_at);
  const endsAt = toDate(change.ends_at);
  const patch = {
    ...(change.name !== undefined ? { name: change.name } : {}),
    ...(startsAt !== undefined ? { startsAt } : {}),
    ...(change.start_zone !== undefined ? { startZone: change.start_zone } : {}),
    ...(endsAt !== undefined ? { endsAt } : {}),
    ...(change.superseded_by !== undefined ? { supersededBy: change.superseded_by } : {}),
    ...(change.scope_areas !== undefined ? { scopeAreas: change.scope_areas } : {}),
    ...(change.whole_border !== undefined ? { wholeBorder: change.whole_border } : {}),
    ...(change.terms !== undefined ? { terms: change.terms } : {}),
    ...(change.parties !== undefined ? { parties: change.parties } : {}),
    ...(change.level !== undefined ? { level: change.level } : {}),
    ...(change.registered_by !== undefined ? { registeredBy: change.registered_by } : {}),
    ...(change.notes !== undefined ? { notes: change.notes } : {}),
  };
  const current = await getAgreement(db, id);
  if (current === null) return null;
  return db.transaction(async (trx) => {
    await lockAgreementsOfParties(trx, current.parties);
    const locked = await getAgreement(trx, id);
    if (locked === null) return null;
    // Checked under the lock, so two changes that each leave one kind of cover cannot together leave none.
    if (!(change.whole_border ?? locked.wholeBorder) && (change.scope_areas ?? locked.scopeAreas).length === 0) {
      throw new AgreementRefused(['scope_areas: the agreement would cover no area; give scope_areas or whole_border: true']);
    }
    const to = change.status ?? locked.status;
    const fields = Object.keys(patch).filter((k) => k !== 'registeredBy');
    const reason =
      to !== locked.status
        ? (STATUS_REASON[to] ?? `set to ${to} by an operator`)
        : `changed by an operator: ${fields.join(', ') || 'nothing'}`;
    // An operator's confirmation counts as corroboration: the agreement was in force.
    const next = await transitionAgreement(trx, locked, to, { by, reason, now }, to === 'in_force' ? { ...patch, corroborated: true } : patch);
    await reconcileSupersession(trx, next.parties, { by: 'system', now });
    if (change.parties !== undefined) await reconcileSupersession(trx, locked.parties, { by: 'system', now });
    return getAgreement(trx, id);
  });
}

/**
 * Ends an agreement at `endsAt` (default now): `superseded` when another replaces it, else
 * `ended`; refuses an unknown superseding agreement.
 */
export async function finishAgreement(
  db: Knex,
  input: { id: string; endsAt?: Date; supersededBy?: string | null; now: Date; by?: string },
): Promise<
  | { agreement: AgreementRecord }
  | { error: 'not_found' | 'already_ended' | 'unknown_superseding' | 'ends_before_start' }
> {
  const current = await getAgreement(db, input.id);
  if (current === null) return { error: 'not_found' };
  // Ending it again would move its end, and with it which events were breaches.
  if (current.status === 'ended' || current.status === 'superseded') return { error: 'already_ended' };
  const superseding = input.supersededBy ? await getAgreement(db, input.supersededBy) : null;
  if (input.supersededBy && superseding === null) return { error: 'unknown_superseding' };
  const endsAt = input.endsAt ?? input.now;
  if (current.startsAt !== null && endsAt < current.startsAt) return { error: 'ends_before_start' };
  const agreement = await db.transaction(async (trx) => {
    await lockAgreementsOfParties(trx, current.parties);
    const locked = await getAgreement(trx, input.id);
    if (locked === null) return null;
    return transitionAgreement(
      trx,
      locked,
      superseding ? 'superseded' : 'ended',
      {
        by: input.by ?? 'operator',
        reason: superseding ? `replaced by ${superseding.name ?? superseding.id} (${superseding.id}), said an operator` : 'ended by an operator',
        now: input.now,
      },
      { endsAt, ...(superseding ? { supersededBy: superseding.id } : {}) },
    );
  });
  return agreement === null ? { error: 'not_found' } : { agreement };
}

/** Outcome of {@link acknowledgeAlert}. */
export type AckOutcome =
  | { ok: true; alert: AlertRecord }
  | { ok: false; reason: 'not_found' | 'already_acknowledged' | 'resolved'; alert: AlertRecord | null };

/**
 * Acknowledges an alert: state, transition and who, in one transaction. The worker's ticker sees
 * the new state and sends the `acknowledged` notification; repeats stop.
 */
export async function acknowledgeAlert(
  db: Knex,
  input: { id: string; by: string; note?: string; now: Date },
): Promise<AckOutcome> {
  const current = await getAlert(db, input.id);
  if (current === null) return { ok: false, reason: 'not_found', alert: null };
  return db.transaction(async (trx) => {
    // The group lock first, as the worker takes it: the two never wait on each other in reverse.
    await lockAlertGroup(trx, current.groupKey);
    const alert = await lockAlert(trx, input.id);
    if (alert === null) return { ok: false, reason: 'not_found', alert: null };
    const result = acknowledge(alert, input.by, input.now, input.note);
    if ('refused' in result) return { ok: false, reason: result.refused, alert };
    const next: AlertRecord = { ...alert, ...result.alert };
    await saveAlert(trx, next);
    await insertAlertTransitions(trx, alert.id, result.transitions);
    return { ok: true, alert: next };
  });
}

// The JSON form of agreements and alerts is shared with the read API and the CLI.
export { agreementJson, alertJson } from '@ceasefire/db';

/** A zod error as one line per problem, for 400 answers and CLI messages. */
export function problemsOf(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`);
}
