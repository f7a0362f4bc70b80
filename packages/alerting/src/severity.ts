import type { AlertAggregate } from '@ceasefire/contracts';
import type { BreachEvent, Severity } from './types.ts';
import { SEVERITIES } from './types.ts';

/** Orders severities: info < warning < critical. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** The higher of two severities. */
export function maxSeverity(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

// Points per event type: firing with heavy weapons, from the air or across the line weighs more
// than small arms; an allegation without detail or troops massing weigh least.
const TYPE_POINTS: Record<BreachEvent['type'], number> = {
  violation_allegation: 1,
  military_buildup: 1,
  property_destruction: 1,
  small_arms_fire: 2,
  armed_clash: 2,
  incursion: 3,
  heavy_weapons_fire: 3,
  air_or_drone_strike: 3,
  ceasefire_agreement: 0,
};

const HEAVY_WEAPON =
  /artiller|mortar|tank|howitzer|mlrs|grad|rocket|missile|drone|uav|bayraktar|helicopter|aircraft|миномет|миномёт|артилл|танк|беспилот|дрон|ракет/i;

/**
 * One event's severity: points for its type (heavy weapons, drones and incursions highest), for
 * heavy weapons named in the text, for casualties, and for corroboration (both sides or a third
 * party reporting it). 0–1 points is info, 2–3 warning, 4 or more critical.
 */
export function eventSeverity(
  event: Pick<BreachEvent, 'type' | 'weapons' | 'killed' | 'wounded' | 'corroboration'>,
): Severity {
  return severityOfPoints(eventPoints(event) + corroborationPoints(event.corroboration));
}

/**
 * An event's severity points without its corroboration, which belongs to its incident and can
 * rise as more sides report it (see {@link corroborationPoints}).
 */
export function eventPoints(event: Pick<BreachEvent, 'type' | 'weapons' | 'killed' | 'wounded'>): number {
  let points = TYPE_POINTS[event.type];
  if (event.weapons.some((w) => HEAVY_WEAPON.test(w))) points = Math.max(points, 3);
  if ((event.killed ?? 0) > 0) points += 2;
  if ((event.wounded ?? 0) > 0) points += 1;
  return points;
}

/** The point an incident reported by both sides or by a third party adds to each of its events. */
export function corroborationPoints(corroboration: BreachEvent['corroboration']): number {
  return corroboration === 'both_sides' || corroboration === 'third_party' ? 1 : 0;
}

/** 0–1 points is info, 2–3 warning, 4 or more critical. */
export function severityOfPoints(points: number): Severity {
  if (points >= 4) return 'critical';
  if (points >= 2) return 'warning';
  return 'info';
}

/** Escalation rules applied over a group's events. */
export interface EscalationPolicy {
  /** This many distinct incidents in the group within `frequencyWindowMs` make it critical. */
  readonly frequencyCount: number;
  readonly frequencyWindowMs: number;
  /** Any fatality reported makes the group critical. */
  readonly fatalitiesCritical: boolean;
}

export const DEFAULT_ESCALATION: EscalationPolicy = {
  frequencyCount: 3,
  frequencyWindowMs: 6 * 3600_000,
  fatalitiesCritical: true,
};

/** An alert group's aggregate over its events, as the alert stores and shows it (the contracts' shape). */
export type GroupSummary = AlertAggregate;

function hours(ms: number): string {
  return ms % 3600_000 === 0 ? `${ms / 3600_000}h` : `${Math.round(ms / 60_000)}m`;
}

/**
 * Summarises a group's breaching events: counts, the time span, the highest fatality claim, and a
 * severity that is the highest of its events raised by the escalation rules. The time of an event
 * for the frequency rule is its window start, or its publication when it has no time.
 */
export function summariseGroup(
  events: ReadonlyArray<BreachEvent & { readonly untimed: boolean }>,
  policy: EscalationPolicy = DEFAULT_ESCALATION,
): GroupSummary {
  let severity: Severity = 'info';
  let killed: number | null = null;
  let first: Date | null = null;
  let last: Date | null = null;
  let untimed = false;
  const incidentTimes = new Map<string, number>();
  for (const e of events) {
    severity = maxSeverity(severity, eventSeverity(e));
    if (e.killed !== null) killed = Math.max(killed ?? 0, e.killed);
    untimed ||= e.untimed;
    const start = e.startUtc ?? e.endUtc;
    const end = e.endUtc ?? e.startUtc;
    if (start && (first === null || start < first)) first = start;
    if (end && (last === null || end > last)) last = end;
    const key = e.incidentId ?? `event:${e.id}`;
    const at = (start ?? e.publishedAt).getTime();
    const seen = incidentTimes.get(key);
    if (seen === undefined || at < seen) incidentTimes.set(key, at);
  }
  const escalations = groupEscalations(killed, [...incidentTimes.values()], policy);
  if (escalations.length > 0) severity = 'critical';
  return {
    eventCount: events.length,
    incidentCount: incidentTimes.size,
    killed,
    firstEventAt: first,
    lastEventAt: last,
    untimedAllegation: untimed,
    severity,
    escalations,
  };
}

/**
 * The escalation rules that fire for a group with this highest killed claim and these incident
 * times (epoch ms, any order; one per incident).
 */
export function groupEscalations(
  killed: number | null,
  incidentTimes: readonly number[],
  policy: EscalationPolicy,
): string[] {
  const escalations: string[] = [];
  if (policy.fatalitiesCritical && (killed ?? 0) > 0) escalations.push('fatalities');
  const times = [...incidentTimes].sort((a, b) => a - b);
  if (frequencyHolds(times, policy)) escalations.push(frequencyEscalation(policy));
  return escalations;
}

/** The label of the frequency rule in a summary's escalations (`frequency:3/6h`). */
export function frequencyEscalation(policy: EscalationPolicy): string {
  return `frequency:${policy.frequencyCount}/${hours(policy.frequencyWindowMs)}`;
}

/**
 * Whether the frequency rule fires: some `frequencyCount` of these incident times (epoch ms,
 * sorted ascending) lie within `frequencyWindowMs` of each other.
 */
export function frequencyHolds(sortedTimes: readonly number[], policy: EscalationPolicy): boolean {
  for (let i = 0; i + policy.frequencyCount - 1 < sortedTimes.length; i++) {
    if (sortedTimes[i + policy.frequencyCount - 1]! - sortedTimes[i]! <= policy.frequencyWindowMs)
      return true;
  }
  return false;
}
