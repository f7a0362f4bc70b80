import { z } from 'zod';
import {
  corroborationPoints,
  DEFAULT_ESCALATION,
  eventPoints,
  groupEscalations,
  maxSeverity,
  severityOfPoints,
  type EscalationPolicy,
  type GroupSummary,
} from './severity.ts';
import type { BreachEvent, Severity } from './types.ts';

/**
 * What an alert keeps of its events so that a breach updates its summary without reading them
 * again: {@link summaryOf} of the state built by {@link addToSummary} over a group's events is
 * {@link summariseGroup} of those events. Plain JSON (times in epoch ms), stored on the alert.
 */
export interface SummaryState {
  /** Bumped when the shape or meaning changes: a stored state of another version is rebuilt. */
  readonly v: 1;
  readonly eventCount: number;
  readonly killed: number | null;
  readonly firstEventAt: number | null;
  readonly lastEventAt: number | null;
  readonly untimedAllegation: boolean;
  /**
   * Per incident (`event:<id>` for an event linked to none): its earliest time, the highest
   * severity points of its events without corroboration, and its corroboration points. The
   * corroboration is the incident's, so the latest (highest: it only rises as reports are added)
   * applies to every event of the incident, as it does when the events are read again.
   */
  readonly incidents: Readonly<Record<string, IncidentEntry>>;
}

/** `[earliest time (ms), highest event points, corroboration points]` */
export type IncidentEntry = readonly [at: number, points: number, corroboration: number];

export const EMPTY_SUMMARY_STATE: SummaryState = {
  v: 1,
  eventCount: 0,
  killed: null,
  firstEventAt: null,
  lastEventAt: null,
  untimedAllegation: false,
  incidents: {},
};

/**
 * The state with one more event. The caller adds each event once (alerting checks that the
 * alert does not count it yet); events may come in any order.
 */
export function addToSummary(
  state: SummaryState,
  event: BreachEvent & { readonly untimed: boolean },
): SummaryState {
  const start = (event.startUtc ?? event.endUtc)?.getTime() ?? null;
  const end = (event.endUtc ?? event.startUtc)?.getTime() ?? null;
  const key = event.incidentId ?? `event:${event.id}`;
  const at = start ?? event.publishedAt.getTime();
  const points = eventPoints(event);
  const corroboration = corroborationPoints(event.corroboration);
  const seen = state.incidents[key];
  const entry: IncidentEntry = seen
    ? [Math.min(seen[0], at), Math.max(seen[1], points), Math.max(seen[2], corroboration)]
    : [at, points, corroboration];
  return {
    v: 1,
    eventCount: state.eventCount + 1,
    killed: event.killed === null ? state.killed : Math.max(state.killed ?? 0, event.killed),
    firstEventAt:
      start !== null && (state.firstEventAt === null || start < state.firstEventAt)
        ? start
        : state.firstEventAt,
    lastEventAt:
      end !== null && (state.lastEventAt === null || end > state.lastEventAt) ? end : state.lastEventAt,
    untimedAllegation: state.untimedAllegation || event.untimed,
    incidents: { ...state.incidents, [key]: entry },
  };
}

/** {@link addToSummary} over many events. */
export function summaryStateOf(
  events: ReadonlyArray<BreachEvent & { readonly untimed: boolean }>,
  from: SummaryState = EMPTY_SUMMARY_STATE,
): SummaryState {
  return events.reduce(addToSummary, from);
}

/** The group summary the state stands for (the same as {@link summariseGroup} of its events). */
export function summaryOf(state: SummaryState, policy: EscalationPolicy = DEFAULT_ESCALATION): GroupSummary {
  let severity: Severity = 'info';
  const times: number[] = [];
  for (const [at, points, corroboration] of Object.values(state.incidents)) {
    severity = maxSeverity(severity, severityOfPoints(points + corroboration));
    times.push(at);
  }
  const escalations = groupEscalations(state.killed, times, policy);
  return {
    eventCount: state.eventCount,
    incidentCount: times.length,
    killed: state.killed,
    firstEventAt: state.firstEventAt === null ? null : new Date(state.firstEventAt),
    lastEventAt: state.lastEventAt === null ? null : new Date(state.lastEventAt),
    untimedAllegation: state.untimedAllegation,
    severity: escalations.length > 0 ? 'critical' : severity,
    escalations,
  };
}

const StoredSummaryState = z.object({
  v: z.literal(1),
  eventCount: z.number().int().nonnegative(),
  killed: z.number().int().nonnegative().nullable(),
  firstEventAt: z.number().nullable(),
  lastEventAt: z.number().nullable(),
  untimedAllegation: z.boolean(),
  incidents: z.record(z.string(), z.tuple([z.number(), z.number(), z.number()])),
});

/** A stored state, or null when there is none or it is not one this version reads (rebuild it). */
export function parseSummaryState(stored: unknown): SummaryState | null {
  const parsed = StoredSummaryState.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
