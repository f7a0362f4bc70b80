// How one batch's changes to alert groups are written: in memory first, then with one statement
// per table (GroupWrites), and the summary states kept between batches (HeldSummaries).
import { randomUUID } from 'node:crypto';
import { SummaryBuilder, type Transition } from '@ceasefire/alerting';
import {
  enqueueDeliveries,
  writeSummaryIncidents,
  insertTransitionsOfAlerts,
  linkAlertEvents,
  upsertAlerts,
  writeAlertChanges,
  type AlertRecord,
  type AlertTransitionInput,
  type DeliveryRecord,
  type EnqueueDeliveryInput,
  type Queryable,
  type SummaryIncident,
} from '@ceasefire/db';

/**
 * The summary states this worker wrote last, by alert, each with the stamp it stored: while the
 * alert's stored stamp is that one, the state in memory is the stored one, and a batch neither
 * reads its incidents nor writes those that did not change. The least recently written go first
 * when the incidents held exceed the bound.
 */
export class HeldSummaries {
  private readonly held = new Map<string, { stamp: string; builder: SummaryBuilder; incidents: number }>();
  /** The incidents of the states held (a held state does not change: a batch takes it first). */
  private total = 0;

  constructor(private readonly maxIncidents: number) {}

  /**
   * The state written with `stamp`, if this worker holds it, handed over: the batch adds to it in
   * place, so it is held again only when the batch writes it (with a new stamp). A batch that
   * fails before then leaves nothing half-added behind.
   */
  take(alertId: string, stamp: string | undefined): SummaryBuilder | undefined {
    const entry = stamp === undefined ? undefined : this.drop(alertId);
    return entry?.stamp === stamp ? entry?.builder : undefined;
  }

  set(alertId: string, stamp: string, builder: SummaryBuilder): void {
    this.drop(alertId);
    const incidents = builder.incidentCount;
    if (incidents > this.maxIncidents) return;
    this.held.set(alertId, { stamp, builder, incidents });
    this.total += incidents;
    // Map order is insertion order: the least recently written go first.
    for (const id of this.held.keys()) {
      if (this.total <= this.maxIncidents) break;
      this.drop(id);
    }
  }

  private drop(alertId: string) {
    const entry = this.held.get(alertId);
    if (entry === undefined) return undefined;
    this.held.delete(alertId);
    this.total -= entry.incidents;
    return entry;
  }
}

/**
 * What one transaction does to alert groups, kept in memory while breaches are added and written
 * at the end with a fixed number of statements, whatever the number of breaches and groups.
 */
export class GroupWrites {
  /** Alerts opened in this transaction, in their last state. */
  private readonly opened = new Map<string, AlertRecord>();
  /** Alerts that were stored before, in their last state. */
  private readonly changed = new Map<string, AlertRecord>();
  readonly links: Array<{ alertId: string; eventId: string; untimed: boolean; at: Date }> = [];
  readonly transitions: Array<AlertTransitionInput & { alertId: string }> = [];
  deliveries: EnqueueDeliveryInput[] = [];
  /**
   * The summary state of each alert that breaches were added to, stored with the alert's last
   * record at the flush (materialised once, not at every breach).
   */
  private readonly summaries = new Map<string, SummaryBuilder>();
  /** Alerts whose state was rebuilt from their events: their incident rows are replaced. */
  private readonly rebuilt = new Set<string>();

  open(alert: AlertRecord): void {
    this.opened.set(alert.id, alert);
  }

  save(alert: AlertRecord): void {
    (this.opened.has(alert.id) ? this.opened : this.changed).set(alert.id, alert);
  }

  /** The unresolved alert of a group as this transaction leaves it, if it wrote one. */
  openAlertOf(groupKey: string): AlertRecord | undefined {
    for (const a of [...this.opened.values(), ...this.changed.values()]) if (a.groupKey === groupKey && a.state !== 'resolved') return a;
    return undefined;
  }

  addTransitions(alertId: string, transitions: readonly Transition[]): void {
    for (const t of transitions) this.transitions.push({ ...t, alertId });
  }

  /**
   * The alert's summary state is the builder's when it is written (whatever its record holds);
   * `rebuilt`: the builder was not made from the stored state, which is replaced whole.
   */
  summarise(alertId: string, builder: SummaryBuilder, rebuilt = false): void {
    this.summaries.set(alertId, builder);
    if (rebuilt) this.rebuilt.add(alertId);
  }

  /**
   * Writes everything; returns the outbox rows added. `held`: where the written states are kept;
   * `enrich` completes the notifications once the alerts' events are linked (their details).
   */
  async flush(
    trx: Queryable,
    deliveryLeaseMs?: number,
    held?: HeldSummaries,
    enrich?: (trx: Queryable, deliveries: readonly EnqueueDeliveryInput[]) => Promise<EnqueueDeliveryInput[]>,
  ): Promise<DeliveryRecord[]> {
    const stamps = new Map<string, string>();
    const incidents: Array<{ alertId: string; incident: SummaryIncident }> = [];
    const withState = (alert: AlertRecord): AlertRecord => {
      const builder = this.summaries.get(alert.id);
      if (builder === undefined) return alert;
      const stamp = randomUUID();
      stamps.set(alert.id, stamp);
      const changed = this.rebuilt.has(alert.id)
        ? builder.takeAllIncidents()
        : builder.takeChangedIncidents();
      for (const incident of changed) incidents.push({ alertId: alert.id, incident });
      return { ...alert, summaryState: builder.head(stamp) };
    };
    // Stored alerts first: one that resolved frees its group for the new one (a partial unique index).
    const alerts = [...this.changed.values(), ...this.opened.values()].map(withState);
    if (this.rebuilt.size === 0) {
      // The usual case: one statement (one round trip) for every table.
      await writeAlertChanges(trx, { alerts, incidents, links: this.links, transitions: this.transitions });
    } else {
      // A rebuilt state's incident rows are replaced whole: a delete before the inserts.
      await upsertAlerts(trx, alerts);
      await writeSummaryIncidents(trx, incidents, [...this.rebuilt]);
      await linkAlertEvents(trx, this.links);
      await insertTransitionsOfAlerts(trx, this.transitions);
    }
    // Held as written: if the transaction rolls back, the stored stamp is not this one.
    if (held) for (const [alertId, stamp] of stamps) held.set(alertId, stamp, this.summaries.get(alertId)!);
    if (enrich && this.deliveries.length > 0) this.deliveries = await enrich(trx, this.deliveries);
    return enqueueDeliveries(
      trx,
      this.deliveries,
      deliveryLeaseMs === undefined ? {} : { leaseMs: deliveryLeaseMs },
    );
  }
}
