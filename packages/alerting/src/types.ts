// Alert severity (lowest first) and where an alert is in its life (firing → acknowledged →
// resolved; acknowledged may fire again), an incident's corroboration and the fields of a
// violation event the rules read: the contracts' own.
export {
  SEVERITIES,
  type AlertState,
  type BreachEvent,
  type Corroboration,
  type Severity,
} from '@ceasefire/contracts';

/** What one notification of an alert says happened. */
export type NotificationKind = 'opened' | 'updated' | 'repeated' | 'acknowledged' | 'resolved';

/**
 * Agreement lifecycle as stored: proposed (reported by one side), in force (its start passed and
 * it is corroborated, or an operator confirmed it), superseded (a later agreement of the same
 * parties and scope replaced it), ended, or rejected by an operator.
 */
export type AgreementStatus = 'proposed' | 'in_force' | 'superseded' | 'ended' | 'rejected';

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
