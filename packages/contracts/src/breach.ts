// The shapes of a breach that the alerting rules read and the event store answers with: one
// owner, so the store's rows and the rules' inputs cannot drift apart.
import type { EventType } from './messages.ts';

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
