// The alerts' lifecycle in time: ticks of alerts and the scheduler's pass.
import { alertSummary, buildAlertMessage, routeNotification, tick } from '@ceasefire/alerting';
import {
  listAlertsToTick,
  getAgreement,
  getAlert,
  lockAlert,
  lockAlertGroup,
  type AgreementRecord,
  type AlertRecord,
  type DeliveryRecord,
} from '@ceasefire/db';
import { type Logger } from '@ceasefire/runtime';
import { promoteDueAgreements } from '@ceasefire/operations';
import type { Knex } from 'knex';
import { GroupWrites } from './group-writes.ts';
import type { EngineOptions } from './engine-options.ts';
import type { AgreementProposals } from './proposals.ts';
import type { EventIntake } from './intake.ts';

/**
 * The alerts' lifecycle in time: the tick of one locked alert recorded (transitions, the
 * notification's outbox rows), and the scheduler's pass over agreements and alerts with work due.
 */
export class AlertTicking {
  constructor(
    private readonly db: Knex,
    private readonly options: EngineOptions,
    private readonly logger: Logger,
    private readonly clock: () => Date,
    private readonly intake: Pick<EventIntake, 'enrich'>,
    private readonly proposals: Pick<AgreementProposals, 'evaluatePendingAgreements'>,
  ) {}

  /**
   * Runs the lifecycle's tick on a locked alert and records in `writes` what it decided:
   * transitions, the notification's outbox rows, and the alert itself. `dirty` saves the alert
   * even when the tick changed nothing (the caller changed it). A notification lists the events
   * that joined since the previous one.
   */
  advance(
    writes: GroupWrites,
    alert: AlertRecord,
    agreement: AgreementRecord | null,
    now: Date,
    dirty = false,
    /** The alert that took this one's events (a region's alert absorbed by a district's). */
    absorbedInto?: { alertId: string; area: string },
  ): AlertRecord {
    const result = tick(alert, now, this.options.lifecycle);
    const next: AlertRecord = { ...alert, ...result.alert };
    if (result.notification === null && result.transitions.length === 0 && !dirty) return alert;
    const identity = {
      id: next.id,
      groupKey: next.groupKey,
      agreementId: next.agreementId,
      agreementName: agreement?.name ?? null,
      agreementParties: agreement?.parties ?? [],
      proposedAgreement: next.proposedAgreement,
      area: next.area,
    };
    // The message (with every event not notified yet) only when a notification is due: most
    // breaches of an open group only change its summary line.
    const message =
      result.notification === null
        ? null
        : buildAlertMessage(
            identity,
            next,
            result.notification,
            next.unnotifiedEventIds ?? [],
            now,
            this.options.source,
            next.unnotifiedEventCount ?? 0,
          );
    const saved: AlertRecord = {
      ...next,
      summary: message?.data.summary ?? alertSummary(identity, next),
      ...(result.notification === null ? {} : { unnotifiedEventIds: [], unnotifiedEventCount: 0 }),
    };
    writes.addTransitions(next.id, result.transitions);
    if (message !== null && absorbedInto !== undefined) message.data.absorbed_into = { alert_id: absorbedInto.alertId, area: absorbedInto.area };
    if (result.notification !== null && message !== null) {
      const kind = result.notification;
      const channels = routeNotification(saved, kind, this.options.routes);
      for (const channel of channels) {
        writes.deliveries.push({
          alertId: saved.id,
          channel,
          notification: kind,
          notificationKey: `${kind}:${saved.notificationSeq}`,
          idempotencyKey: `${saved.id}:${saved.notificationSeq}:${channel}`,
          payload: message,
          now,
        });
      }
      this.logger.debug({ alert: saved.id, notification: kind, channels }, 'notification enqueued');
    }
    writes.save(saved);
    return saved;
  }

  /** Ticks one alert (resolution, due notifications); skips it when another worker holds it. */
  async tickAlert(id: string): Promise<void> {
    const current = await getAlert(this.db, id);
    if (current === null) return;
    const added = await this.db.transaction(async (trx): Promise<DeliveryRecord[]> => {
      await lockAlertGroup(trx, current.groupKey);
      const locked = await lockAlert(trx, id, { skipLocked: true });
      if (locked === null) return [];
      const now = this.clock();
      const due = tick(locked, now, this.options.lifecycle);
      if (due.notification === null && due.transitions.length === 0) return [];
      const writes = new GroupWrites();
      const agreement = await getAgreement(trx, locked.agreementId);
      this.advance(writes, locked, agreement, now);
      const known = new Map(agreement === null ? [] : [[agreement.id, agreement]]);
      return writes.flush(trx, this.options.deliveryLeaseMs, undefined, (t, d) =>
        this.intake.enrich(t, d, known),
      );
    });
    if (added.length > 0) this.options.onEnqueued?.(added);
  }

  /**
   * One pass of the scheduler: pending agreements, then every alert that has work due. The
   * lifecycle's tick is pure: run on the alerts as read, it tells which need the locked tick.
   */
  async tickAll(): Promise<void> {
    await promoteDueAgreements(this.db, this.clock());
    await this.proposals.evaluatePendingAgreements();
    const now = this.clock();
    // Only the alerts that may have something due are read (and the tick below decides): every
    // open alert every second would be parsed to find the few with work.
    for (const alert of await listAlertsToTick(this.db, 500, { now, ...this.options.lifecycle })) {
      const due = tick(alert, now, this.options.lifecycle);
      if (due.notification !== null || due.transitions.length > 0) await this.tickAlert(alert.id);
    }
  }
}
