// What the alerting engine is told by configuration, and what its parts hand each other.
import {
  type Names,
  type AlertAreaLevel,
  type BreachEvent,
  type BreachVerdict,
  type EscalationPolicy,
  type LifecyclePolicy,
  type Route,
} from '@ceasefire/alerting';
import { type AgreementRecord, type DeliveryRecord } from '@ceasefire/db';

/** What the engine is told by configuration. */
export interface EngineOptions {
  readonly lifecycle: LifecyclePolicy;
  readonly escalation: EscalationPolicy;
  readonly routes: readonly Route[];
  /** Whether proposed agreements (read from statements) raise alerts. */
  readonly alertOnProposed: boolean;
  /**
   * A proposed agreement nobody confirmed judges only events within this long of its start (or
   * announcement); null: for ever. Default 3 days.
   */
  readonly proposedHorizonMs?: number | null;
  /** The area level of one alert: per district (default) or per region. */
  readonly areaLevel?: AlertAreaLevel;
  /** Names of areas and parties in notifications (default: their ids). */
  readonly names?: Names;
  /** The dashboard's public address, for the link to an alert in its notifications. */
  readonly publicUrl?: string | null;
  /** Envelope `source` of alert messages. */
  readonly source: string;
  /**
   * Called after a transaction that put notifications in the outbox has committed, with the
   * attempts it added (claimed for this worker when `deliveryLeaseMs` is set: delivery sends them
   * at once, with no claim in between).
   */
  readonly onEnqueued?: (added: readonly DeliveryRecord[]) => void;
  /** The outbox rows this engine writes are leased to this worker for so long (see `onEnqueued`). */
  readonly deliveryLeaseMs?: number;
  /**
   * Called after a batch's reports put an agreement in force (or proposed or completed one while
   * proposed agreements alert), committed: the stored events it may judge are evaluated by the
   * scheduler's next pass, which the caller can run at once instead of at the end of its interval.
   */
  readonly onEvaluationDue?: () => void;
  /**
   * At most so many summary-state incidents are held in memory between batches (the states of the
   * alerts touched last); 100,000 (tens of MB) when not set. Zero holds none.
   */
  readonly heldSummaryIncidents?: number;
}

/** A breach judged and not yet recorded: the event, the agreement it breaches, the verdict. */
export interface PendingBreach {
  readonly agreement: AgreementRecord;
  readonly event: BreachEvent;
  readonly verdict: Extract<BreachVerdict, { breach: true }>;
}

/** The default of {@link EngineOptions.proposedHorizonMs}: three days. */
export const DEFAULT_PROPOSED_HORIZON_MS = 3 * 86_400_000;
