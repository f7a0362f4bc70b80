import type { AlertCore, BreachEvent, BreachVerdict } from '@ceasefire/alerting';
import type { ViolationEvent } from '@ceasefire/contracts';
import type { AgreementRecord } from '@ceasefire/db';
import type { Logger } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import type { EngineOptions } from './engine-options.ts';
import { EventIntake } from './intake.ts';
import { AgreementProposals } from './proposals.ts';
import { AlertTicking } from './ticking.ts';
// Re-exported: the worker's tests and the alerting tests use them as the engine's.
export { agreementLevel, breachEventOf, groupKeyOf, hashId } from './breach-rules.ts';
export { DEFAULT_PROPOSED_HORIZON_MS, type EngineOptions } from './engine-options.ts';

/**
 * Alerting's effects on the event store: agreements from statements, breaches grouped into
 * alerts, notifications put in the delivery outbox. Every method is idempotent (a redelivered
 * event, a re-run evaluation, a tick at the same instant change nothing twice), and every
 * change of one alert group happens in one transaction under the group's lock, so several
 * workers can run at once.
 *
 * The work is done by three parts, by job: the intake of events (intake.ts), agreements from
 * statements (proposals.ts) and the alerts' lifecycle in time (ticking.ts).
 */
export class AlertEngine {
  private readonly intake: EventIntake;
  private readonly proposals: AgreementProposals;
  private readonly ticking: AlertTicking;

  constructor(db: Knex, options: EngineOptions, logger: Logger, clock: () => Date = () => new Date()) {
    // The parts call each other, never while being built: the intake reaches the other two
    // (made after it) through these arrows.
    this.intake = new EventIntake(
      db,
      options,
      logger,
      clock,
      { advance: (...args) => this.ticking.advance(...args) },
      { proposeAll: (...args) => this.proposals.proposeAll(...args) },
    );
    this.proposals = new AgreementProposals(db, options, logger, clock, this.intake);
    this.ticking = new AlertTicking(db, options, logger, clock, this.intake, this.proposals);
  }

  /** See {@link EventIntake.handleEvents}. */
  handleEvents(events: readonly ViolationEvent[], log?: Logger): Promise<void> {
    return this.intake.handleEvents(events, log);
  }

  /** See {@link EventIntake.recordBreach}. */
  recordBreach(
    agreement: AgreementRecord,
    event: BreachEvent,
    verdict: Extract<BreachVerdict, { breach: true }>,
    log?: Logger,
  ): Promise<void> {
    return this.intake.recordBreach(agreement, event, verdict, log);
  }

  /** See {@link AgreementProposals.evaluatePendingAgreements}. */
  evaluatePendingAgreements(): Promise<number> {
    return this.proposals.evaluatePendingAgreements();
  }

  /** See {@link AlertTicking.tickAlert}. */
  tickAlert(id: string): Promise<void> {
    return this.ticking.tickAlert(id);
  }

  /** See {@link AlertTicking.tickAll}. */
  tickAll(): Promise<void> {
    return this.ticking.tickAll();
  }
}

/** Re-exported for the operator API and CLI: the lifecycle fields of a stored alert. */
export type { AlertCore };
