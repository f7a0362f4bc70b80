import { z } from 'zod';
import {
  corroborationPoints,
  DEFAULT_ESCALATION,
  eventPoints,
  frequencyEscalation,
  frequencyHolds,
  severityOfPoints,
  type EscalationPolicy,
  type GroupSummary,
} from './severity.ts';
import type { BreachEvent } from './types.ts';

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

/** What an event adds to a summary: its time span, its incident's key. */
function eventFacts(event: BreachEvent): { start: number | null; end: number | null; key: string } {
  return {
    start: (event.startUtc ?? event.endUtc)?.getTime() ?? null,
    end: (event.endUtc ?? event.startUtc)?.getTime() ?? null,
    key: event.incidentId ?? `event:${event.id}`,
  };
}

/** The incident's entry (`seen`, or none yet) with one more of its events: `seen` itself when that changes nothing. */
function incidentWith(seen: IncidentEntry | undefined, event: BreachEvent): IncidentEntry {
  const at = (event.startUtc ?? event.endUtc ?? event.publishedAt).getTime();
  const points = eventPoints(event);
  const corroboration = corroborationPoints(event.corroboration);
  if (seen === undefined) return [at, points, corroboration];
  if (at >= seen[0] && points <= seen[1] && corroboration <= seen[2]) return seen;
  return [Math.min(seen[0], at), Math.max(seen[1], points), Math.max(seen[2], corroboration)];
}

/**
 * The state with one more event. The caller adds each event once (alerting checks that the
 * alert does not count it yet); events may come in any order.
 */
export function addToSummary(
  state: SummaryState,
  event: BreachEvent & { readonly untimed: boolean },
): SummaryState {
  const { start, end, key } = eventFacts(event);
  const entry = incidentWith(state.incidents[key], event);
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
  return new SummaryBuilder(state).summary(policy);
}

/** The first index of `sorted` (ascending) whose value is not below `at`. */
function lowerBound(sorted: readonly number[], at: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The frequency rule of one policy as a {@link SummaryBuilder} keeps it up to date. */
interface FrequencyCheck {
  readonly policy: EscalationPolicy;
  holds: boolean;
}

/**
 * A {@link SummaryState} being added to, for many events in a row: built once from a stored
 * state (linear in its incidents), then {@link add} costs a map update and a binary search (plus
 * moving the sorted incident times along) instead of copying every incident, and
 * {@link summary} costs no walk over the incidents. {@link state} gives the plain state to store
 * (linear: once, when it is written). `summary(policy)` is {@link summaryOf} of `state()`.
 */
export class SummaryBuilder {
  private eventCount: number;
  private killed: number | null;
  private firstEventAt: number | null;
  private lastEventAt: number | null;
  private untimedAllegation: boolean;
  private readonly incidents: Map<string, IncidentEntry>;
  /** Every incident's earliest time, ascending (one per incident; equal times repeat). */
  private readonly times: number[];
  /** The highest points + corroboration of an incident (they only rise, so this only rises). */
  private topPoints = -Infinity;
  /** The frequency rule of each policy a summary was asked for, by count and window. */
  private readonly frequency = new Map<string, FrequencyCheck>();
  /** Incidents added or changed since the builder was made or last {@link takeChangedIncidents}. */
  private readonly changed = new Set<string>();

  constructor(from: SummaryState = EMPTY_SUMMARY_STATE) {
    this.eventCount = from.eventCount;
    this.killed = from.killed;
    this.firstEventAt = from.firstEventAt;
    this.lastEventAt = from.lastEventAt;
    this.untimedAllegation = from.untimedAllegation;
    this.incidents = new Map(Object.entries(from.incidents));
    this.times = [];
    for (const [at, points, corroboration] of this.incidents.values()) {
      this.times.push(at);
      this.topPoints = Math.max(this.topPoints, points + corroboration);
    }
    this.times.sort((a, b) => a - b);
  }

  /** Adds one event, as {@link addToSummary} does: once each, in any order. */
  add(event: BreachEvent & { readonly untimed: boolean }): this {
    const { start, end, key } = eventFacts(event);
    this.eventCount += 1;
    if (event.killed !== null) this.killed = Math.max(this.killed ?? 0, event.killed);
    if (start !== null && (this.firstEventAt === null || start < this.firstEventAt))
      this.firstEventAt = start;
    if (end !== null && (this.lastEventAt === null || end > this.lastEventAt)) this.lastEventAt = end;
    this.untimedAllegation ||= event.untimed;
    const seen = this.incidents.get(key);
    const entry = incidentWith(seen, event);
    if (entry !== seen) {
      this.incidents.set(key, entry);
      this.changed.add(key);
    }
    this.topPoints = Math.max(this.topPoints, entry[1] + entry[2]);
    if (seen === undefined) this.insertTime(entry[0], false);
    else if (entry[0] < seen[0]) {
      this.times.splice(lowerBound(this.times, seen[0]), 1);
      this.insertTime(entry[0], true);
    }
    return this;
  }

  /** {@link summaryOf} of the state so far. */
  summary(policy: EscalationPolicy = DEFAULT_ESCALATION): GroupSummary {
    const escalations: string[] = [];
    if (policy.fatalitiesCritical && (this.killed ?? 0) > 0) escalations.push('fatalities');
    if (this.frequencyCheck(policy).holds) escalations.push(frequencyEscalation(policy));
    return {
      eventCount: this.eventCount,
      incidentCount: this.incidents.size,
      killed: this.killed,
      firstEventAt: this.firstEventAt === null ? null : new Date(this.firstEventAt),
      lastEventAt: this.lastEventAt === null ? null : new Date(this.lastEventAt),
      untimedAllegation: this.untimedAllegation,
      severity: escalations.length > 0 ? 'critical' : severityOfPoints(this.topPoints),
      escalations,
    };
  }

  /** The plain state to store (a copy: adding more later does not change it). */
  state(): SummaryState {
    // The entries are never changed in place (add replaces them), so they are shared.
    return { v: 1, ...this.scalars(), incidents: Object.fromEntries(this.incidents) };
  }

  /** The state without its incidents, as `alerts.summary_state` stores it (with `stamp`). */
  head(stamp: string): SummaryHead {
    return { v: 2, stamp, ...this.scalars() };
  }

  private scalars(): SummaryScalars {
    return {
      eventCount: this.eventCount,
      killed: this.killed,
      firstEventAt: this.firstEventAt,
      lastEventAt: this.lastEventAt,
      untimedAllegation: this.untimedAllegation,
    };
  }

  /** How many incidents the state has (the alert's incident count). */
  get incidentCount(): number {
    return this.incidents.size;
  }

  /**
   * The incidents added or changed since the builder was made or this was last called (what a
   * write of the state must store besides its head), and forgets them.
   */
  takeChangedIncidents(): Array<[key: string, entry: IncidentEntry]> {
    const out = [...this.changed].map((key): [string, IncidentEntry] => [key, this.incidents.get(key)!]);
    this.changed.clear();
    return out;
  }

  /** Every incident, and nothing left to take as changed: for a state written whole. */
  takeAllIncidents(): Array<[key: string, entry: IncidentEntry]> {
    this.changed.clear();
    return [...this.incidents];
  }

  private frequencyCheck(policy: EscalationPolicy): FrequencyCheck {
    const id = `${policy.frequencyCount}|${policy.frequencyWindowMs}`;
    let check = this.frequency.get(id);
    if (check === undefined) {
      check = { policy, holds: frequencyHolds(this.times, policy) };
      this.frequency.set(id, check);
    }
    return check;
  }

  /**
   * Puts an incident time in the sorted times and brings the frequency checks up to date. A new
   * time can only make the rule fire (any window holds at least the times it held): only the
   * windows around it are looked at. A time that `moved` earlier left its old place, which can
   * undo a window that held: then the check is done again over all the times (rare: an incident
   * reported again with an earlier time).
   */
  private insertTime(at: number, moved: boolean): void {
    const j = lowerBound(this.times, at);
    this.times.splice(j, 0, at);
    const n = this.times.length;
    for (const check of this.frequency.values()) {
      const { frequencyCount: count, frequencyWindowMs: windowMs } = check.policy;
      if (!Number.isInteger(count) || count < 1 || (moved && check.holds)) {
        check.holds = frequencyHolds(this.times, check.policy);
        continue;
      }
      if (check.holds) continue;
      // The windows of `count` times in a row that include index j.
      for (let i = Math.max(0, j - count + 1); i <= j && i + count - 1 < n; i++) {
        if (this.times[i + count - 1]! - this.times[i]! <= windowMs) {
          check.holds = true;
          break;
        }
      }
    }
  }
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

/**
 * How a state is stored since it outgrew one JSON value: its head (the scalars) on the alert, and
 * one row per incident, written only when it changes, so a batch costs the same whatever the size
 * of the alerts it touches. `stamp` is new at every write: a worker that holds a state in memory
 * uses it while the stored stamp is the one it wrote (no other worker, nor a rolled-back
 * transaction, has changed the state since).
 */
export interface SummaryHead extends SummaryScalars {
  readonly v: 2;
  /** Absent for a head converted from a v1 state (no worker holds it). */
  readonly stamp?: string;
}

/** A state's fields besides its version and incidents. */
type SummaryScalars = Omit<SummaryState, 'v' | 'incidents'>;

const StoredSummaryHead = StoredSummaryState.omit({ v: true, incidents: true }).extend({
  v: z.literal(2),
  stamp: z.string().optional(),
});

/** A stored head, or null when there is none or it is not one this version reads (rebuild the state). */
export function parseSummaryHead(stored: unknown): SummaryHead | null {
  const parsed = StoredSummaryHead.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The state a stored head and its incident rows stand for. */
export function stateOfStored(head: SummaryHead, incidents: ReadonlyArray<readonly [string, IncidentEntry]>): SummaryState {
  const { v: _v, stamp: _stamp, ...scalars } = head;
  return { v: 1, ...scalars, incidents: Object.fromEntries(incidents) };
}

/** A stored state, or null when there is none or it is not one this version reads (rebuild it). */
export function parseSummaryState(stored: unknown): SummaryState | null {
  const parsed = StoredSummaryState.safeParse(stored);
  return parsed.success ? parsed.data : null;
}
