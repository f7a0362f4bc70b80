// The shapes of a breach and an alert that the alerting rules read and the event store answers
// with: one owner, so the store's rows and the rules' inputs cannot drift apart.
import type { AlertState, EventType, Severity } from './messages.ts';

/** How far an incident is corroborated (the `incidents` table). */
export type Corroboration = 'alleged_one_side' | 'both_sides' | 'third_party';

/**
 * The fields of a violation event the breach rules read. Built from a `violation_events` row;
 * times are Dates (UTC instants).
 */
export interface BreachEvent {
  readonly id: string;
  readonly type: EventType;
  /** Conflict area: a district-level gazetteer id (`kg.batken.leilek`) or a profile-level key (`kg-tj.border`). */
  readonly area: string;
  readonly accusedParty: string | null;
  readonly reportedBy: string | null;
  /** UTC window of when it happened; both null when the statement gives no time. */
  readonly startUtc: Date | null;
  readonly endUtc: Date | null;
  /** Calendar day as reported (`YYYY-MM-DD`), used when no UTC window is known. */
  readonly date: string | null;
  /** When the reporting statement was published: an upper bound of when the event happened. */
  readonly publishedAt: Date;
  readonly killed: number | null;
  readonly wounded: number | null;
  readonly weapons: readonly string[];
  /** The incident the classifier linked this report to; reports of one incident count once. */
  readonly incidentId: string | null;
  /** The incident's corroboration, when it has one. */
  readonly corroboration: Corroboration | null;
}

/** A stored report's time, as the breach payload shows it. */
export interface BreachReportTime {
  readonly utc: Date | null;
  readonly local: string | null;
  readonly zone: string | null;
  readonly utcOffset: string | null;
  readonly date: string | null;
}

/** A casualty claim: the figure and the report that made it. */
export interface CasualtyClaim {
  readonly count: number;
  readonly reportedBy: string | null;
  readonly agency: string | null;
  readonly statementId: string;
}

/** What the store says of an alert's current events, for its notifications (who, what, where, when, evidence). */
export interface BreachDetails {
  readonly types: readonly string[];
  readonly weapons: readonly string[];
  readonly accused: readonly string[];
  readonly reporters: ReadonlyArray<{ party: string | null; agency: string | null }>;
  readonly places: ReadonlyArray<{
    name: string;
    placeId: string | null;
    lat: number | null;
    lon: number | null;
  }>;
  readonly first: BreachReportTime | null;
  readonly latest:
    | (BreachReportTime & {
        statementId: string;
        text: string;
        evidence: ReadonlyArray<{ field: string; start: number; end: number }>;
        url: string | null;
        sourceAgency: string | null;
      })
    | null;
  readonly killed: CasualtyClaim | null;
  readonly wounded: CasualtyClaim | null;
  readonly corroboration: Corroboration | null;
}

/** An alert group's aggregate over its events, as the alert stores and shows it. */
export interface AlertAggregate {
  readonly eventCount: number;
  /** Distinct incidents (an event the classifier linked to no incident counts as its own). */
  readonly incidentCount: number;
  /** The highest killed figure claimed (claims are not added up). */
  readonly killed: number | null;
  readonly firstEventAt: Date | null;
  readonly lastEventAt: Date | null;
  /** Some event could not be placed after the agreement's start. */
  readonly untimedAllegation: boolean;
  readonly severity: Severity;
  /** The escalation rules that fired (`fatalities`, `frequency:3/6h`). */
  readonly escalations: readonly string[];
}

/**
 * An alert's state as the lifecycle sees it: its aggregate, what it is, and what was last
 * notified. The difference between the two is what the next notification says.
 */
export interface AlertCore extends AlertAggregate {
  readonly state: AlertState;
  readonly openedAt: Date;
  readonly updatedAt: Date;
  /** When a breach last joined the alert (processing time): the quiet period counts from here. */
  readonly lastBreachAt: Date;
  readonly acknowledgedAt: Date | null;
  readonly acknowledgedBy: string | null;
  /** The severity the operator acknowledged; a higher one fires the alert again. */
  readonly acknowledgedSeverity: Severity | null;
  readonly resolvedAt: Date | null;
  readonly lastNotifiedAt: Date | null;
  /** The state, severity, incident count and killed figure of the last notification (null: none yet). */
  readonly notifiedState: AlertState | null;
  readonly notifiedSeverity: Severity | null;
  readonly notifiedIncidentCount: number;
  readonly notifiedKilled: number | null;
  /** Notifications so far: numbers them, so each has a distinct key. */
  readonly notificationSeq: number;
}
