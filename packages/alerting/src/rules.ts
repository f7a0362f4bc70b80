import type { BreachEvent, RuleAgreement } from './types.ts';

/** How an event's time relates to the agreement's start. */
export type BreachTiming =
  /** The whole window lies at or after the start. */
  | 'after_start'
  /** The statement gives no time at all: alleged, cannot be placed after the start. */
  | 'untimed'
  /** The window (a day, a part of day) contains the start: it may be before or after. */
  | 'straddles_start';

/** Why an event is not a breach of an agreement. */
export type NotBreachReason =
  | 'not_a_violation'
  | 'terms_not_covered'
  | 'out_of_scope'
  | 'not_attributed'
  | 'before_start'
  | 'after_end'
  | 'agreement_inactive'
  | 'proposed_not_alerting'
  /** An untimed event in the statement that announced the agreement: background, not a breach. */
  | 'announcement_background';

/** The verdict of {@link judgeBreach}. */
export type BreachVerdict =
  | {
      readonly breach: true;
      readonly timing: BreachTiming;
      /** True when the event cannot be placed after the start (flagged in the alert). */
      readonly untimed: boolean;
      /** The agreement is only proposed (read from a statement). */
      readonly proposed: boolean;
    }
  | { readonly breach: false; readonly reason: NotBreachReason };

/** Options of {@link judgeBreach}. */
export interface BreachOptions {
  /** Whether a proposed (not yet confirmed) agreement can raise alerts. */
  readonly alertOnProposed: boolean;
}

/**
 * An area is in scope when the agreement covers the whole border, or one of its scope areas is
 * the area itself or an ancestor of it in the gazetteer's dotted ids (`kg.batken` covers
 * `kg.batken.leilek`). A profile-level area (`kg-tj.border`) cannot be placed inside a limited
 * scope, so it only falls in whole-border agreements.
 */
export function areaInScope(
  area: string,
  agreement: Pick<RuleAgreement, 'scopeAreas' | 'wholeBorder'>,
): boolean {
  if (agreement.wholeBorder) return true;
  return agreement.scopeAreas.some((scope) => area === scope || area.startsWith(`${scope}.`));
}

/** Whether the event type is a violation an agreement with these terms forbids. */
export function violatesTerms(
  type: BreachEvent['type'],
  terms: readonly string[],
): boolean | 'not_a_violation' {
  if (type === 'ceasefire_agreement') return 'not_a_violation';
  // Massing troops is no firing: it only breaches an agreement to withdraw forces or weapons.
  if (type === 'military_buildup') return terms.some((t) => t.startsWith('withdraw'));
  return true;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The UTC window an event happened in. With a UTC window it is that; with only a calendar day,
 * the widest window that day can mean in any zone (UTC+14 to UTC−12); with neither, null.
 */
export function eventWindow(
  event: Pick<BreachEvent, 'startUtc' | 'endUtc' | 'date'>,
): { start: Date; end: Date } | null {
  const start = event.startUtc ?? event.endUtc;
  const end = event.endUtc ?? event.startUtc;
  if (start && end) return { start, end };
  if (event.date) {
    const midnightUtc = Date.parse(`${event.date}T00:00:00Z`);
    if (Number.isNaN(midnightUtc)) return null;
    return {
      start: new Date(midnightUtc - 14 * 3600_000),
      end: new Date(midnightUtc + DAY_MS + 12 * 3600_000),
    };
  }
  return null;
}

/**
 * Decides whether one event breaches one agreement: it is a violation the terms forbid, falls in
 * the agreement's scope, is attributed to one of its parties, and happened after its start (and
 * before its end). An event with no time is flagged `untimed` rather than dropped: an allegation
 * matters even when the statement does not say when; but a statement published before the start
 * cannot report a breach of it, and in the statement that announced the agreement only an explicit
 * allegation is one. While the start is unknown, the agreement's announcement stands in for it.
 */
export function judgeBreach(
  event: BreachEvent,
  agreement: RuleAgreement,
  options: BreachOptions,
): BreachVerdict {
  const violation = violatesTerms(event.type, agreement.terms);
  if (violation === 'not_a_violation') return { breach: false, reason: 'not_a_violation' };
  if (!violation) return { breach: false, reason: 'terms_not_covered' };
  if (!areaInScope(event.area, agreement)) return { breach: false, reason: 'out_of_scope' };
  if (event.accusedParty === null || !agreement.parties.includes(event.accusedParty)) {
    return { breach: false, reason: 'not_attributed' };
  }
  const proposed = agreement.status === 'proposed';
  if (proposed && !options.alertOnProposed) return { breach: false, reason: 'proposed_not_alerting' };
  // An ended or superseded agreement still judges events that happened while it was in force;
  // without an end time it judges nothing; a rejected one never did.
  if (agreement.status === 'rejected' || ((agreement.status === 'ended' || agreement.status === 'superseded') && agreement.endsAt === null))
    return { breach: false, reason: 'agreement_inactive' };

  const start = agreement.startsAt ?? agreement.announcedAt;
  const window = eventWindow(event);
  if (window === null) {
    if (start !== null && event.publishedAt.getTime() < start.getTime())
      return { breach: false, reason: 'before_start' };
    // A statement announcing a ceasefire recounts the fighting that led to it; without a time,
    // only an explicit allegation of a violation in it is a breach ("violated the agreement again").
    if (
      event.type !== 'violation_allegation' &&
      agreement.announcedAt !== null &&
      event.publishedAt.getTime() === agreement.announcedAt.getTime()
    ) {
      return { breach: false, reason: 'announcement_background' };
    }
    // Reported after the end, with no time, it may still have happened before the end: flagged too.
    return { breach: true, timing: 'untimed', untimed: true, proposed };
  }
  if (agreement.endsAt !== null && window.start.getTime() >= agreement.endsAt.getTime()) {
    return { breach: false, reason: 'after_end' };
  }
  if (start === null) return { breach: true, timing: 'untimed', untimed: true, proposed };
  if (window.end.getTime() < start.getTime()) return { breach: false, reason: 'before_start' };
  if (window.start.getTime() >= start.getTime())
    return { breach: true, timing: 'after_start', untimed: false, proposed };
  return { breach: true, timing: 'straddles_start', untimed: true, proposed };
}
