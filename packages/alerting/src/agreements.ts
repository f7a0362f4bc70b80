/**
 * Agreement identity and lifecycle (issue #21), pure: which stored agreement a statement's
 * announcement belongs to, when an agreement enters into force, which agreements a newer one
 * replaces, and which single agreement an event is judged against.
 */
import { judgeBreach, type BreachOptions, type BreachVerdict } from './rules.ts';
import type { AgreementStatus, BreachEvent, RuleAgreement } from './types.ts';

/** Announcements reached this many days apart or less can be one agreement. */
export const IDENTITY_WINDOW_DAYS = 1;
/** Two statements' starts further apart than this are two agreements (a failed truce, then another). */
export const START_TOLERANCE_MS = 3 * 3600_000;

/** What one statement says about an agreement. */
export interface AgreementReport {
  readonly parties: readonly string[];
  /** A stored level (`security_chiefs`); `other` when the statement does not say who agreed. */
  readonly level: string;
  /** The day it was reached (`YYYY-MM-DD`, local as the statement gives it). */
  readonly reachedOn: string;
  readonly startsAt: Date | null;
  readonly terms: readonly string[];
}

/** What identity reads of a stored agreement. */
export interface AgreementIdentity {
  readonly id: string;
  readonly parties: readonly string[];
  readonly level: string;
  readonly reachedOn: string | null;
  readonly startsAt: Date | null;
  readonly status: AgreementStatus;
  /** When it ended or was replaced (null while it holds). */
  readonly endsAt?: Date | null;
}

const DAY_MS = 86_400_000;
const dayDiff = (a: string, b: string): number => Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / DAY_MS;

/** Levels are compatible when equal, or when one statement did not say who agreed (`other`). */
export function levelsCompatible(a: string, b: string): boolean {
  return a === b || a === 'other' || b === 'other';
}

/**
 * Whether a statement's report is of this stored agreement: the same parties, reached within
 * {@link IDENTITY_WINDOW_DAYS}, compatible levels, and starts (when both give one) within
 * {@link START_TOLERANCE_MS}, and no start after it ended. Terms never split an agreement: statements name some of its terms,
 * rarely all, so the agreement keeps their union. A rejected agreement takes no more reports.
 */
export function sameAgreement(existing: AgreementIdentity, report: AgreementReport): boolean {
  if (existing.status === 'rejected' || existing.reachedOn === null) return false;
  const parties = [...new Set(report.parties)].sort();
  const theirs = [...new Set(existing.parties)].sort();
  if (parties.length !== theirs.length || parties.some((p, i) => p !== theirs[i])) return false;
  if (dayDiff(existing.reachedOn, report.reachedOn) > IDENTITY_WINDOW_DAYS) return false;
  if (!levelsCompatible(existing.level, report.level)) return false;
  // A start after this agreement ended is another agreement's (a truce renewed the next day).
  if (existing.endsAt != null && report.startsAt !== null && report.startsAt > existing.endsAt) return false;
  if (existing.startsAt !== null && report.startsAt !== null)
    return Math.abs(existing.startsAt.getTime() - report.startsAt.getTime()) <= START_TOLERANCE_MS;
  return true;
}

/**
 * The stored agreement a report belongs to, or null (a new agreement): among those it can be
 * (see {@link sameAgreement}), the one of the same level, then reached closest, then the oldest id.
 */
export function matchAgreement<A extends AgreementIdentity>(candidates: readonly A[], report: AgreementReport): A | null {
  let best: { a: A; score: [number, number] } | null = null;
  for (const a of candidates) {
    if (!sameAgreement(a, report)) continue;
    const score: [number, number] = [a.level === report.level ? 0 : 1, dayDiff(a.reachedOn!, report.reachedOn)];
    if (best === null || score[0] < best.score[0] || (score[0] === best.score[0] && (score[1] < best.score[1] || (score[1] === best.score[1] && a.id < best.a.id))))
      best = { a, score };
  }
  return best?.a ?? null;
}

/**
 * Whether an agreement's reports corroborate it: both parties reported it, or someone who is no
 * party (a third party: OSCE, UN, CSTO) did.
 */
export function isCorroborated(parties: readonly string[], reporters: readonly (string | null)[]): boolean {
  const known = reporters.filter((r): r is string => r !== null);
  if (known.some((r) => !parties.includes(r))) return true;
  return parties.length > 0 && parties.every((p) => known.includes(p));
}

/** Why a corroborated agreement entered into force, for its transition. */
export function corroborationReason(parties: readonly string[], reporters: readonly (string | null)[]): string {
  const third = [...new Set(reporters.filter((r): r is string => r !== null && !parties.includes(r)))].sort();
  return third.length > 0 ? `reported by a third party (${third.join(', ')})` : `reported by both sides (${[...parties].sort().join(', ')})`;
}

/** The instant an agreement counts from: its start, or while that is unknown, its announcement. */
export function effectiveStart(a: Pick<RuleAgreement, 'startsAt' | 'announcedAt'>): Date | null {
  return a.startsAt ?? a.announcedAt;
}

/** What supersession reads of an agreement. */
export interface SupersessionAgreement extends Pick<RuleAgreement, 'id' | 'status' | 'startsAt' | 'announcedAt' | 'endsAt' | 'scopeAreas' | 'wholeBorder'> {
  readonly parties: readonly string[];
  readonly supersededBy: string | null;
  /** Corroborated by reports or confirmed by an operator (a registered one is): it was in force. */
  readonly confirmed: boolean;
}

/** A change {@link supersessions} asks for. */
export interface Supersession {
  readonly id: string;
  readonly supersededBy: string;
  /** The superseding agreement's start: the old one judges events before it. */
  readonly endsAt: Date;
}

const scopeKey = (a: Pick<RuleAgreement, 'scopeAreas' | 'wholeBorder'>): string =>
  a.wholeBorder ? '*' : [...new Set(a.scopeAreas)].sort().join(',');
const partiesKey = (a: { parties: readonly string[] }): string => [...new Set(a.parties)].sort().join('-');

/**
 * The agreements that a later agreement in force, of the same parties and scope, replaces: each
 * proposed, in-force or superseded agreement that starts before an agreement that was in force
 * (in force now, or confirmed and superseded since) is superseded by the first such after it,
 * from that one's start: the chain is the same whatever order the statements came in. Agreements
 * already superseded so are left out (idempotent); ended and rejected ones are an operator's and
 * stay as they are.
 */
export function supersessions(agreements: readonly SupersessionAgreement[]): Supersession[] {
  const out: Supersession[] = [];
  const startOf = (a: SupersessionAgreement) => effectiveStart(a)?.getTime() ?? null;
  for (const a of agreements) {
    if (a.status !== 'proposed' && a.status !== 'in_force' && a.status !== 'superseded') continue;
    const start = startOf(a);
    if (start === null) continue;
    let next: SupersessionAgreement | null = null;
    for (const b of agreements) {
      if (b.id === a.id || !(b.status === 'in_force' || (b.status === 'superseded' && b.confirmed))) continue;
      if (partiesKey(b) !== partiesKey(a) || scopeKey(b) !== scopeKey(a)) continue;
      const bs = startOf(b);
      if (bs === null || bs <= start) continue;
      const ns = next === null ? null : startOf(next);
      if (next === null || bs < ns! || (bs === ns && b.id < next.id)) next = b;
    }
    if (next === null) continue;
    const endsAt = effectiveStart(next)!;
    if (a.status === 'superseded' && a.supersededBy === next.id && a.endsAt?.getTime() === endsAt.getTime()) continue;
    out.push({ id: a.id, supersededBy: next.id, endsAt });
  }
  return out;
}

/** Options of {@link selectAgreement}. */
export interface SelectOptions extends BreachOptions {
  /**
   * A proposed agreement nobody confirmed judges only events within this long of its start (or
   * announcement): an unconfirmed announcement does not alert for ever. Null: no horizon.
   */
  readonly proposedHorizonMs: number | null;
}

/** Whether an agreement was ever in force (see `RuleAgreement.confirmed`). */
export function isConfirmed(a: Pick<RuleAgreement, 'status' | 'confirmed'>): boolean {
  return a.confirmed ?? a.status !== 'proposed';
}

/** Agreements in the order {@link selectAgreement} prefers them, made once per list (see {@link prepareAgreements}). */
export interface PreparedAgreements<A extends RuleAgreement> {
  readonly ordered: ReadonlyArray<{ readonly agreement: A; readonly start: number }>;
}

/**
 * Orders agreements as {@link selectAgreement} prefers them: confirmed ones (ever in force) before
 * those nobody confirmed (proposed, or superseded before anyone did), then the latest start first, then by id; rejected ones left out.
 * The first one an event breaches is then its agreement: a worker prepares its list once and
 * judges every event of a batch against it.
 */
export function prepareAgreements<A extends RuleAgreement>(agreements: readonly A[]): PreparedAgreements<A> {
  const ordered = agreements
    .filter((a) => a.status !== 'rejected')
    .map((agreement) => ({ agreement, start: effectiveStart(agreement)?.getTime() ?? 0, rank: isConfirmed(agreement) ? 1 : 0 }))
    .sort((x, y) => y.rank - x.rank || y.start - x.start || (x.agreement.id < y.agreement.id ? -1 : x.agreement.id > y.agreement.id ? 1 : 0));
  return { ordered };
}

/**
 * The one agreement an event is judged against: of the agreements it breaches (see
 * {@link judgeBreach}), a confirmed one (in force, or superseded or ended after the event) before
 * a proposed one, then the latest start: the agreement in force when it happened. A proposed
 * agreement past its horizon judges nothing. Null: the event breaches no agreement.
 */
export function selectAgreement<A extends RuleAgreement>(
  event: BreachEvent,
  agreements: readonly A[] | PreparedAgreements<A>,
  options: SelectOptions,
): { agreement: A; verdict: Extract<BreachVerdict, { breach: true }> } | null {
  const prepared = 'ordered' in agreements ? agreements : prepareAgreements(agreements);
  const happened = (event.startUtc ?? event.endUtc ?? event.publishedAt).getTime();
  for (const { agreement, start } of prepared.ordered) {
    const unconfirmed = !isConfirmed(agreement);
    if (unconfirmed && options.proposedHorizonMs !== null && happened > start + options.proposedHorizonMs) continue;
    if (unconfirmed && agreement.status !== 'proposed' && !options.alertOnProposed) continue;
    const verdict = judgeBreach(event, agreement, options);
    if (verdict.breach) return { agreement, verdict: unconfirmed && !verdict.proposed ? { ...verdict, proposed: true } : verdict };
  }
  return null;
}

/** The level alerts group areas at: one alert per district (default) or per region. */
export type AlertAreaLevel = 'district' | 'region';

/**
 * An area at the grouping level: gazetteer ids are dotted (`kg.batken.leilek` is a district of
 * region `kg.batken`); a region-level id stays a region, a profile-level key (`kg-tj.border`)
 * stays itself.
 */
export function areaAtLevel(area: string, level: AlertAreaLevel): string {
  const parts = area.split('.');
  if (level === 'region' && parts.length > 2) return parts.slice(0, 2).join('.');
  return area;
}

/**
 * Whether an area id is a region's (`kg.batken`: a country code and a region), so a district
 * alert of that region can absorb its events; a profile-level key (`kg-tj.border`) is none.
 */
export function isRegionArea(area: string): boolean {
  const parts = area.split('.');
  return parts.length === 2 && !parts[0]!.includes('-');
}
