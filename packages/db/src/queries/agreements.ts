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
/** An agreement's lifecycle (the `agreements_status` check); see @ceasefire/alerting's agreements. */
export const AGREEMENT_STATUSES = ['proposed', 'in_force', 'superseded', 'ended', 'rejected'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

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
  /** The day it was reached (`YYYY-MM-DD`), for statement-derived agreements. */
  readonly reachedOn: string | null;
  /** Reported by both sides or a third party, or confirmed by an operator: it is (or was) in force. */
  readonly corroborated: boolean;
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
  reached_on: string | Date | null;
  corroborated: boolean;
  evaluated_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

// pg returns a `date` as a Date at local midnight unless its type parser is set: read it as the day it is.
function dayOf(d: string | Date | null): string | null {
  if (d === null) return null;
  if (typeof d === 'string') return d.slice(0, 10);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
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
    reachedOn: dayOf(r.reached_on),
    corroborated: r.corroborated,
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

/** An agreement read from a `ceasefire_agreement` event, first reported by one statement. */
export interface ReportedAgreementInput {
  readonly id: string;
  readonly parties: readonly string[];
  readonly level: AgreementLevel;
  readonly reachedOn: string;
  readonly startsAt: Date | null;
  readonly startZone: string | null;
  readonly terms: readonly string[];
  readonly sourceStatementId: string;
  readonly sourceEventId: string;
  readonly announcedAt: Date;
  /** A name for humans (`governors ceasefire of 2022-10-01`). */
  readonly name?: string | null;
  readonly now: Date;
}

/** Creates a proposed agreement read from a statement; its scope is the whole border (an operator narrows it). */
export async function insertReportedAgreement(db: Queryable, input: ReportedAgreementInput): Promise<AgreementRecord> {
  const rows = (await db('agreements')
    .insert({
      id: input.id,
      name: input.name ?? null,
      parties: [...input.parties],
      level: input.level,
      reached_on: input.reachedOn,
      starts_at: input.startsAt,
      start_zone: input.startZone,
      scope_areas: [],
      whole_border: true,
      terms: [...input.terms],
      source: 'statement',
      source_statement_id: input.sourceStatementId,
      source_event_id: input.sourceEventId,
      status: 'proposed',
      announced_at: input.announcedAt,
      created_at: input.now,
      updated_at: input.now,
    })
    .returning('*')) as AgreementRow[];
  return toRecord(rows[0]!);
}

/**
 * Agreements read from statements of exactly these parties reached within `days` of `day`: the
 * ones a new report can belong to. Call under {@link lockAgreementsOfParties}.
 */
export async function agreementsReachedNear(
  db: Queryable,
  /** `lastDay`: reports of several days at once (a batch's), `day` the first of them. */
  input: { parties: readonly string[]; day: string; lastDay?: string; days: number },
): Promise<AgreementRecord[]> {
  const parties = [...new Set(input.parties)].sort();
  const rows = (await db<AgreementRow>('agreements')
    .where('source', 'statement')
    .whereRaw('parties @> ?::text[] and parties <@ ?::text[]', [parties, parties])
    .whereRaw('reached_on between ?::date - ?::int and ?::date + ?::int', [input.day, input.days, input.lastDay ?? input.day, input.days])
    .orderBy('id')) as AgreementRow[];
  return rows.map(toRecord);
}

/** Every agreement of exactly these parties, for supersession. */
export async function agreementsOfParties(db: Queryable, parties: readonly string[]): Promise<AgreementRecord[]> {
  const sorted = [...new Set(parties)].sort();
  const rows = (await db<AgreementRow>('agreements')
    .whereRaw('parties @> ?::text[] and parties <@ ?::text[]', [sorted, sorted])
    .orderBy('id')) as AgreementRow[];
  return rows.map(toRecord);
}

/**
 * Serialises the changes to agreements of these parties (identity, status, supersession) across
 * workers and the operator API, for the rest of the transaction.
 */
export async function lockAgreementsOfParties(trx: Queryable, parties: readonly string[]): Promise<void> {
  await trx.raw('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`agreements:${[...new Set(parties)].sort().join('-')}`]);
}

/** A statement that reported an agreement. */
export interface AgreementSourceInput {
  readonly agreementId: string;
  readonly eventId: string;
  readonly statementId: string;
  readonly reportedBy: string | null;
  readonly publishedAt: Date;
  readonly startsAt: Date | null;
  readonly startZone: string | null;
  readonly level: string | null;
  readonly terms: readonly string[];
  readonly now: Date;
}

/** Lists a statement among an agreement's sources; false when it was listed already. */
export async function addAgreementSource(db: Queryable, input: AgreementSourceInput): Promise<boolean> {
  return (await addAgreementSources(db, [input])) > 0;
}

/** Lists statements among agreements' sources in one statement; returns how many were new. */
export async function addAgreementSources(db: Queryable, inputs: readonly AgreementSourceInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const rows = await db('agreement_sources')
    .insert(
      inputs.map((input) => ({
        agreement_id: input.agreementId,
        event_id: input.eventId,
        statement_id: input.statementId,
        reported_by: input.reportedBy,
        published_at: input.publishedAt,
        starts_at: input.startsAt,
        start_zone: input.startZone,
        level: input.level,
        terms: [...input.terms],
        added_at: input.now,
      })),
    )
    .onConflict(['agreement_id', 'event_id'])
    .ignore()
    .returning('event_id');
  return rows.length;
}

/** The agreement an event was listed as a source of, if any. */
export async function agreementOfSourceEvent(db: Queryable, eventId: string): Promise<string | null> {
  return (await agreementsOfSourceEvents(db, [eventId])).get(eventId) ?? null;
}

/** The agreements these events were listed as sources of, by event id (one query). */
export async function agreementsOfSourceEvents(db: Queryable, eventIds: readonly string[]): Promise<Map<string, string>> {
  if (eventIds.length === 0) return new Map();
  const rows = (await db('agreement_sources')
    .whereIn('event_id', [...new Set(eventIds)])
    .select('event_id', 'agreement_id')) as Array<{ event_id: string; agreement_id: string }>;
  return new Map(rows.map((r) => [r.event_id, r.agreement_id]));
}

/** A statement among an agreement's sources, as shown. */
export interface AgreementSourceRecord extends Omit<AgreementSourceInput, 'terms' | 'now'> {
  readonly terms: string[];
  readonly sourceAgency: string | null;
  readonly url: string | null;
}

/**
 * Who reported each agreement (each side or third party once): what corroboration asks of its
 * sources. The sources themselves grow with every repeat of an agreement, and an intake batch
 * that read them all for each candidate agreement took longer the longer the system ran.
 */
export async function agreementReporters(db: Queryable, agreementIds: readonly string[]): Promise<Array<{ agreementId: string; reportedBy: string | null }>> {
  if (agreementIds.length === 0) return [];
  const rows = (await db('agreement_sources')
    .whereIn('agreement_id', [...new Set(agreementIds)])
    .distinct('agreement_id', 'reported_by')) as Array<{ agreement_id: string; reported_by: string | null }>;
  return rows.map((r) => ({ agreementId: r.agreement_id, reportedBy: r.reported_by }));
}

/** The sources of these agreements, each agreement's in publication order. */
export async function agreementSources(db: Queryable, agreementIds: readonly string[]): Promise<AgreementSourceRecord[]> {
  if (agreementIds.length === 0) return [];
  const rows = (await db('agreement_sources as src')
    .join('statements as s', 's.id', 'src.statement_id')
    .whereIn('src.agreement_id', [...new Set(agreementIds)])
    .orderBy([{ column: 'src.agreement_id' }, { column: 'src.published_at' }, { column: 'src.event_id' }])
    .select('src.*', 's.source_agency', 's.url')) as Array<{
    agreement_id: string;
    event_id: string;
    statement_id: string;
    reported_by: string | null;
    published_at: Date;
    starts_at: Date | null;
    start_zone: string | null;
    level: string | null;
    terms: string[];
    source_agency: string | null;
    url: string | null;
  }>;
  return rows.map((r) => ({
    agreementId: r.agreement_id,
    eventId: r.event_id,
    statementId: r.statement_id,
    reportedBy: r.reported_by,
    publishedAt: r.published_at,
    startsAt: r.starts_at,
    startZone: r.start_zone,
    level: r.level,
    terms: r.terms,
    sourceAgency: r.source_agency,
    url: r.url,
  }));
}

/** One change of an agreement's status (or of its content, with the status kept). */
export interface AgreementTransitionInput {
  readonly agreementId: string;
  readonly from: AgreementStatus | null;
  readonly to: AgreementStatus;
  readonly at: Date;
  readonly by: string;
  readonly reason: string;
  readonly statementId?: string | null;
  readonly supersededBy?: string | null;
}

export interface AgreementTransitionRecord extends AgreementTransitionInput {
  readonly id: string;
}

export async function insertAgreementTransitions(db: Queryable, transitions: readonly AgreementTransitionInput[]): Promise<void> {
  if (transitions.length === 0) return;
  await db('agreement_transitions').insert(
    transitions.map((t) => ({
      agreement_id: t.agreementId,
      from_status: t.from,
      to_status: t.to,
      at: t.at,
      by: t.by,
      reason: t.reason,
      statement_id: t.statementId ?? null,
      superseded_by: t.supersededBy ?? null,
    })),
  );
}

/** The transitions of these agreements, oldest first. */
export async function agreementTransitions(db: Queryable, agreementIds: readonly string[]): Promise<AgreementTransitionRecord[]> {
  if (agreementIds.length === 0) return [];
  const rows = (await db('agreement_transitions')
    .whereIn('agreement_id', [...new Set(agreementIds)])
    .orderBy([{ column: 'at' }, { column: 'id' }])) as Array<{
    id: string;
    agreement_id: string;
    from_status: AgreementStatus | null;
    to_status: AgreementStatus;
    at: Date;
    by: string;
    reason: string;
    statement_id: string | null;
    superseded_by: string | null;
  }>;
  return rows.map((r) => ({
    id: String(r.id),
    agreementId: r.agreement_id,
    from: r.from_status,
    to: r.to_status,
    at: r.at,
    by: r.by,
    reason: r.reason,
    statementId: r.statement_id,
    supersededBy: r.superseded_by,
  }));
}

/** Proposed, corroborated agreements whose start (or announcement) has passed: due to enter into force. */
export async function agreementsDueInForce(db: Queryable, now: Date): Promise<AgreementRecord[]> {
  const rows = (await db<AgreementRow>('agreements')
    .where({ status: 'proposed', corroborated: true })
    .whereRaw('coalesce(starts_at, announced_at) <= ?', [now])
    .orderBy('id')) as AgreementRow[];
  return rows.map(toRecord);
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
  readonly announcedAt?: Date | null;
  readonly corroborated?: boolean;
  readonly reachedOn?: string;
}

/** What an event's judgement reads of an agreement (`@ceasefire/alerting`'s rules): changing one of these evaluates it again. */
const JUDGED: ReadonlyArray<keyof AgreementPatch> = ['status', 'startsAt', 'endsAt', 'supersededBy', 'scopeAreas', 'wholeBorder', 'terms', 'parties'];

/**
 * Applies a patch. Null when there is no such agreement. A change of what judges events (see
 * `JUDGED`; the announcement too while the start is unknown, as it stands in for it) makes the
 * agreement due for evaluation against the stored events again; a change of its name, level, day
 * or zone, or a confirmation (`corroborated`, whose status change comes as its own patch), leaves
 * an evaluated agreement evaluated: under a stream of reports each naming it, it is not re-read
 * against every stored event again and again.
 */
export async function updateAgreement(
  db: Queryable,
  id: string,
  patch: AgreementPatch,
  now: Date,
): Promise<AgreementRecord | null> {
  const set: Record<string, unknown> = { updated_at: now };
  const keys = Object.keys(patch) as Array<keyof AgreementPatch>;
  if (!keys.some((k) => JUDGED.includes(k)))
    set.evaluated_at = keys.includes('announcedAt')
      ? db.raw('case when evaluated_at >= updated_at and starts_at is not null then ?::timestamptz else evaluated_at end', [now])
      : db.raw('case when evaluated_at >= updated_at then ?::timestamptz else evaluated_at end', [now]);
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
  if (patch.announcedAt !== undefined) set.announced_at = patch.announcedAt;
  if (patch.corroborated !== undefined) set.corroborated = patch.corroborated;
  if (patch.reachedOn !== undefined) set.reached_on = patch.reachedOn;
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

/** Agreements that can judge an event: proposed or in force, or ended or superseded with a known end. */
export async function agreementsForRules(db: Queryable): Promise<AgreementRecord[]> {
  const rows = (await db<AgreementRow>('agreements')
    .select('*')
    .whereIn('status', ['proposed', 'in_force'])
    .orWhere((q) => q.whereIn('status', ['ended', 'superseded']).whereNotNull('ends_at'))) as AgreementRow[];
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
