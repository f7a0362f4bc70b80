import type { EventType } from '@ceasefire/contracts';

/** Alert severity, lowest first. */
export type Severity = 'info' | 'warning' | 'critical';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'critical'];

/** Where an alert is in its life: firing → acknowledged → resolved (acknowledged may fire again). */
export type AlertState = 'firing' | 'acknowledged' | 'resolved';

/** What one notification of an alert says happened. */
export type NotificationKind = 'opened' | 'updated' | 'repeated' | 'acknowledged' | 'resolved';

/** How far an incident is corroborated (the `incidents` table). */
export type Corroboration = 'alleged_one_side' | 'both_sides' | 'third_party';

/**
 * Agreement lifecycle as stored: proposed (reported by one side), in force (its start passed and
 * it is corroborated, or an operator confirmed it), superseded (a later agreement of the same
 * parties and scope replaced it), ended, or rejected by an operator.
 */
export type AgreementStatus = 'proposed' | 'in_force' | 'superseded' | 'ended' | 'rejected';

/**
 * The fields of a violation event the rules read. Built from a `ViolationEventMessage` or a
 * `violation_events` row; times are Dates (UTC instants).
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

/** The fields of an agreement the rules read. */
export interface RuleAgreement {
  readonly id: string;
  /** Party codes (`KG`, `TJ`). */
  readonly parties: readonly string[];
  readonly status: AgreementStatus;
  /** When the ceasefire took effect; null while no statement or operator has given it. */
  readonly startsAt: Date | null;
  /**
   * When the agreement was first known to us (publication of the statement that reported it, or
   * the operator's registration): the start's stand-in while the start is unknown.
   */
  readonly announcedAt: Date | null;
  readonly endsAt: Date | null;
  /** Gazetteer area ids (a region id covers its districts). */
  readonly scopeAreas: readonly string[];
  readonly wholeBorder: boolean;
  /** Normalised terms: `cease_fire`, `withdraw_forces`, `withdraw_heavy_weapons`… */
  readonly terms: readonly string[];
  /**
   * Whether it was ever in force (corroborated, or confirmed or registered by an operator): a
   * superseded or ended agreement nobody confirmed counts as proposed. Default: not `proposed`.
   */
  readonly confirmed?: boolean;
}
