import type { Queryable } from '../connection.ts';

/** Who agreed a ceasefire (the `agreements_level` check). */
export const AGREEMENT_LEVELS = [
  'heads_of_state',
  'heads_of_government',
  'foreign_ministers',
  'security_chiefs',
  'governors',
  'military_commanders',
  'other',
] as const;
export type AgreementLevel = (typeof AGREEMENT_LEVELS)[number];
export type AgreementStatus = 'proposed' | 'in_force' | 'ended';

/** An agreement as stored in `agreements`. */
export interface AgreementRecord {
  readonly id: string;
  readonly name: string | null;
  readonly parties: string[];
  readonly level: AgreementLevel;
  /** When the ceasefire took effect; null until a statement or an operator gives it. */
  readonly startsAt: Date | null;
  /** The zone the start was given in (`Asia/Bishkek`, `+06:00`). */
  readonly startZone: string | null;
  readonly endsAt: Date | null;
  readonly supersededBy: string | null;
  readonly scopeAreas: string[];
  readonly wholeBorder: boolean;
  readonly terms: string[];
  readonly source: 'statement' | 'operator';
  readonly sourceStatementId: string | null;
  readonly sourceEventId: string | null;
  readonly registeredBy: string | null;
  readonly status: AgreementStatus;
  readonly notes: string | null;
  /** When it became known: the start's stand-in while the start is unknown. */
  readonly announcedAt: Date | null;
  readonly evaluatedAt: Date | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface AgreementRow {
  id: string;
  name: string | null;
  parties: string[];
  level: AgreementLevel;
  starts_at: Date | null;
  start_zone: string | null;
  ends_at: Date | null;
  superseded_by: string | null;
  scope_areas: string[];
  whole_border: boolean;
  terms: string[];
  source: 'statement' | 'operator';
  source_statement_id: string | null;
  source_event_id: string | null;
  registered_by: string | null;
  status: AgreementStatus;
  notes: string | null;
  announced_at: Date | null;
  evaluated_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

function toRecord(r: AgreementRow): AgreementRecord {
  return {
    id: r.id,
    name: r.name,
    parties: r.parties,
    level: r.level,
    startsAt: r.starts_at,
    startZone: r.start_zone,
    endsAt: r.ends_at,
    supersededBy: r.superseded_by,
    scopeAreas: r.scope_areas,
    wholeBorder: r.whole_border,
    terms: r.terms,
    source: r.source,
    sourceStatementId: r.source_statement_id,
    sourceEventId: r.source_event_id,
    registeredBy: r.registered_by,
    status: r.status,
    notes: r.notes,
    announcedAt: r.announced_at,
    evaluatedAt: r.evaluated_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** An agreement an operator registers. */
export interface NewAgreementInput {
  readonly id: string;
  readonly name?: string | null;
  readonly parties: readonly string[];
  readonly level?: AgreementLevel;
  readonly startsAt?: Date | null;
  readonly startZone?: string | null;
  readonly endsAt?: Date | null;
  /** Empty with `wholeBorder` false is refused by the caller, not here. */
  readonly scopeAreas?: readonly string[];
  readonly wholeBorder?: boolean;
  readonly terms?: readonly string[];
  readonly registeredBy?: string | null;
  /** Operators' agreements are in force unless they say otherwise. */
  readonly status?: AgreementStatus;
  readonly notes?: string | null;
  readonly now: Date;
}

/** Registers an operator's agreement; fails on a duplicate id. */
export async function insertAgreement(db: Queryable, input: NewAgreementInput): Promise<AgreementRecord> {
  const rows = await db<AgreementRow>('agreements')
    .insert({
      id: input.id,
      name: input.name ?? null,
      parties: [...input.parties],
      level: input.level ?? 'other',
      starts_at: input.startsAt ?? null,
      start_zone: input.startZone ?? null,
      ends_at: input.endsAt ?? null,
      scope_areas: [...(input.scopeAreas ?? [])],
      whole_border: input.wholeBorder ?? false,
      terms: [...(input.terms ?? ['cease_fire'])],
      source: 'operator',
      registered_by: input.registeredBy ?? null,
      status: input.status ?? 'in_force',
      notes: input.notes ?? null,
      announced_at: input.now,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('*');
  return toRecord(rows[0] as AgreementRow);
}

/** An agreement read from a `ceasefire_agreement` event. */
export interface ProposedAgreementInput {
  readonly id: string;
  /** Same agreement, several statements: one row per key (parties, level, day). */
  readonly dedupeKey: string;
  readonly parties: readonly string[];
  readonly level: AgreementLevel;
  readonly startsAt: Date | null;
  readonly startZone: string | null;
  readonly scopeAreas: readonly string[];
  readonly wholeBorder: boolean;
  readonly terms: readonly string[];
  readonly sourceStatementId: string;
  readonly sourceEventId: string;
  readonly announcedAt: Date;
  /** A name for humans (`governors ceasefire of 2022-10-01`). */
  readonly name?: string | null;
  readonly notes?: string | null;
  readonly now: Date;
}

/**
 * Creates a proposed agreement, or completes the one already read from another statement: a
 * start unknown so far is filled in, new terms are added, the earliest announcement kept.
 * Returns the row and whether anything changed (a changed agreement is evaluated again).
 * Idempotent: the same event twice changes nothing the second time.
 */
export async function upsertProposedAgreement(
  db: Queryable,
  input: ProposedAgreementInput,
): Promise<{ agreement: AgreementRecord; created: boolean; changed: boolean }> {
  const result = await db.raw<{ rows: Array<AgreementRow & { created: boolean }> }>(
    `insert into agreements as a (id, name, dedupe_key, parties, level, starts_at, start_zone, scope_areas, whole_border, terms,
       source, source_statement_id, source_event_id, status, notes, announced_at, created_at, updated_at)
     values (:id, :name, :dedupeKey, :parties, :level, :startsAt, :startZone, :scopeAreas, :wholeBorder, :terms,
       'statement', :sourceStatementId, :sourceEventId, 'proposed', :notes, :announcedAt, :now, :now)
     on conflict (dedupe_key) do update set
       starts_at = coalesce(a.starts_at, excluded.starts_at),
       start_zone = case when a.starts_at is null then excluded.start_zone else a.start_zone end,
       terms = (select coalesce(array_agg(distinct t order by t), '{}') from unnest(a.terms || excluded.terms) t),
       announced_at = least(a.announced_at, excluded.announced_at),
       updated_at = excluded.updated_at
     where (a.starts_at is null and excluded.starts_at is not null)
        or not (excluded.terms <@ a.terms)
        or a.announced_at is null or excluded.announced_at < a.announced_at
     returning a.*, (xmax = 0) as created`,
    {
      id: input.id,
      name: input.name ?? null,
      dedupeKey: input.dedupeKey,
      parties: [...input.parties],
      level: input.level,
      startsAt: input.startsAt,
      startZone: input.startZone,
      scopeAreas: [...input.scopeAreas],
      wholeBorder: input.wholeBorder,
      terms: [...input.terms],
      sourceStatementId: input.sourceStatementId,
      sourceEventId: input.sourceEventId,
      notes: input.notes ?? null,
      announcedAt: input.announcedAt,
      now: input.now,
    },
  );
  const row = result.rows[0];
  if (row !== undefined) return { agreement: toRecord(row), created: row.created, changed: true };
  // The conflict's `where` found nothing new: the row is as it was.
  const existing = (await db('agreements').where('dedupe_key', input.dedupeKey).first()) as
    AgreementRow | undefined;
  if (existing === undefined) throw new Error(`agreement ${input.dedupeKey} vanished during upsert`);
  return { agreement: toRecord(existing), created: false, changed: false };
}

export async function getAgreement(db: Queryable, id: string): Promise<AgreementRecord | null> {
  const row = await db<AgreementRow>('agreements').where({ id }).first();
  return row === undefined ? null : toRecord(row);
}

/** Filters of {@link listAgreements}. */
export interface ListAgreementsInput {
  readonly status?: AgreementStatus;
  readonly limit?: number;
}

/** Agreements, newest first. */
export async function listAgreements(
  db: Queryable,
  input: ListAgreementsInput = {},
): Promise<AgreementRecord[]> {
  const q = db<AgreementRow>('agreements')
    .select('*')
    .orderBy([{ column: 'created_at', order: 'desc' }, { column: 'id' }])
    .limit(Math.min(Math.max(input.limit ?? 200, 1), 1000));
  if (input.status !== undefined) q.where('status', input.status);
  return ((await q) as AgreementRow[]).map(toRecord);
}

/** What an operator may change on an agreement. */
export interface AgreementPatch {
  readonly name?: string | null;
  readonly status?: AgreementStatus;
  readonly startsAt?: Date | null;
  readonly startZone?: string | null;
  readonly endsAt?: Date | null;
  readonly supersededBy?: string | null;
  readonly scopeAreas?: readonly string[];
  readonly wholeBorder?: boolean;
  readonly terms?: readonly string[];
  readonly parties?: readonly string[];
  readonly level?: AgreementLevel;
  readonly registeredBy?: string | null;
  readonly notes?: string | null;
}

/** Applies a patch; the agreement is evaluated again. Null when there is no such agreement. */
export async function updateAgreement(
  db: Queryable,
  id: string,
  patch: AgreementPatch,
  now: Date,
): Promise<AgreementRecord | null> {
  const set: Record<string, unknown> = { updated_at: now };
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.status !== undefined) set.status = patch.status;
  if (patch.startsAt !== undefined) set.starts_at = patch.startsAt;
  if (patch.startZone !== undefined) set.start_zone = patch.startZone;
  if (patch.endsAt !== undefined) set.ends_at = patch.endsAt;
  if (patch.supersededBy !== undefined) set.superseded_by = patch.supersededBy;
  if (patch.scopeAreas !== undefined) set.scope_areas = [...patch.scopeAreas];
  if (patch.wholeBorder !== undefined) set.whole_border = patch.wholeBorder;
  if (patch.terms !== undefined) set.terms = [...patch.terms];
  if (patch.parties !== undefined) set.parties = [...patch.parties];
  if (patch.level !== undefined) set.level = patch.level;
  if (patch.registeredBy !== undefined) set.registered_by = patch.registeredBy;
  if (patch.notes !== undefined) set.notes = patch.notes;
  const rows = (await db('agreements').where({ id }).update(set).returning('*')) as AgreementRow[];
  return rows[0] === undefined ? null : toRecord(rows[0]);
}

/** Ends an agreement at `endsAt` (default now), optionally superseded by another. */
export async function endAgreement(
  db: Queryable,
  input: { id: string; endsAt: Date; supersededBy?: string | null; now: Date },
): Promise<AgreementRecord | null> {
  return updateAgreement(
    db,
    input.id,
    {
      status: 'ended',
      endsAt: input.endsAt,
      ...(input.supersededBy ? { supersededBy: input.supersededBy } : {}),
    },
    input.now,
  );
}

/** Agreements that can judge an event: proposed or in force, or ended with a known end. */
export async function agreementsForRules(db: Queryable): Promise<AgreementRecord[]> {
  const rows = (await db<AgreementRow>('agreements')
    .select('*')
    .whereIn('status', ['proposed', 'in_force'])
    .orWhere((q) => q.where('status', 'ended').whereNotNull('ends_at'))) as AgreementRow[];
  return rows.map(toRecord);
}

/** Agreements created or changed since their stored events were last evaluated. */
export async function agreementsToEvaluate(db: Queryable, limit = 20): Promise<AgreementRecord[]> {
  const rows = (await db<AgreementRow>('agreements')
    .select('*')
    .where((q) => q.whereNull('evaluated_at').orWhereRaw('evaluated_at < updated_at'))
    .orderBy('updated_at')
    .limit(limit)) as AgreementRow[];
  return rows.map(toRecord);
}

/**
 * Records that the agreement was evaluated as of its `updatedAt`. A change made meanwhile moved
 * `updated_at` on, so the agreement stays due and is evaluated again.
 */
export async function markAgreementEvaluated(
  db: Queryable,
  agreement: Pick<AgreementRecord, 'id' | 'updatedAt'>,
): Promise<void> {
  await db('agreements')
    .where({ id: agreement.id, updated_at: agreement.updatedAt })
    .update({ evaluated_at: agreement.updatedAt });
}
