// The engine's intake of violation events: judged against the agreements, recorded as breaches.
import {
  addBreach,
  breachPayload,
  type Names,
  areaAtLevel,
  isRegionArea,
  prepareAgreements,
  selectAgreement,
  type PreparedAgreements,
  NOTIFIED_EVENT_IDS_MAX,
  openAlert,
  parseSummaryHead,
  stateOfStored,
  SummaryBuilder,
  summaryStateOf,
  type BreachEvent,
  type BreachVerdict,
  type RuleAgreement,
} from '@ceasefire/alerting';
import { type AlertMessage, type ViolationEvent } from '@ceasefire/contracts';
import {
  agreementsForRules,
  alertBreachEvents,
  alertDetails,
  eventsInAlerts,
  openAlertsInRegions,
  readEventBatch,
  unlinkAlertEvents,
  lockOpenAlertsAndLinked,
  summaryIncidentsOf,
  getAgreement,
  lockAlertGroups,
  type AgreementRecord,
  type AlertRecord,
  type EnqueueDeliveryInput,
  type Queryable,
} from '@ceasefire/db';
import { PipelineError, type Logger } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { areaOfGroupKey, breachEventOf, groupKeyOf, hashId, ruleAgreement } from './breach-rules.ts';
import { GroupWrites, HeldSummaries } from './group-writes.ts';
import { DEFAULT_PROPOSED_HORIZON_MS, type EngineOptions, type PendingBreach } from './engine-options.ts';
import type { AgreementProposals } from './proposals.ts';
import type { AlertTicking } from './ticking.ts';

/**
 * The engine's intake: a batch of violation events read again from the event store, judged
 * against the agreements (held between batches while unchanged), and its breaches recorded into
 * their alert groups with the notifications due (enriched with the breach's details).
 */
export class EventIntake {
  private readonly heldSummaries: HeldSummaries;

  constructor(
    private readonly db: Knex,
    private readonly options: EngineOptions,
    private readonly logger: Logger,
    private readonly clock: () => Date,
    private readonly ticking: Pick<AlertTicking, 'advance'>,
    private readonly proposals: Pick<AgreementProposals, 'proposeAll'>,
  ) {
    this.heldSummaries = new HeldSummaries(options.heldSummaryIncidents ?? 100_000);
  }

  /**
   * Handles one batch of events from the events topic. The batch's stored events are read in one
   * query; its breaches are recorded in one transaction, each alert group's in event order under
   * the group's lock. An agreement event proposes (or completes) its agreement on the way, and
   * the events after it are judged against it too.
   */
  async handleEvents(events: readonly ViolationEvent[], log: Logger = this.logger): Promise<void> {
    const started = performance.now();
    // One round trip: the stored events, whether an alert counts each, the agreements'
    // fingerprint, and (a re-classified statement's old events stop counting) the summaries of
    // their alerts marked to be rebuilt.
    const batch = await readEventBatch(
      this.db,
      events.map((e) => e.id),
      events.map((e) => e.statement_id),
    );
    const stored = batch.events;
    if (batch.forgotten.length > 0)
      log.info({ alerts: batch.forgotten }, 'alert summaries to rebuild (superseded events)');
    let agreements: readonly AgreementRecord[] | null = null;
    const pending: PendingBreach[] = [];
    // The batch's agreements first, in one transaction: its breaches are judged against the
    // agreements as they are then. A breach judged before its agreement was known is not missed
    // either: a new or changed agreement is evaluated against the stored events no alert counts
    // (the ticker).
    const readAt = performance.now();
    const reports = events.filter((e) => e.type === 'ceasefire_agreement');
    const evaluationDue = reports.length > 0 && (await this.proposals.proposeAll(reports, stored, log));
    const proposedAt = performance.now();
    for (const event of events) {
      if (event.type === 'ceasefire_agreement') continue;
      const row = stored.get(event.id) ?? null;
      if (row === null) {
        // The classifier stores an event before publishing it, so this is a reference to nothing.
        throw new PipelineError(
          'unprocessable',
          `event ${event.id} is not in the event store (violation_events)`,
        );
      }
      if (row.supersededAt !== null) continue;
      const breachEvent = breachEventOf(row);
      if (breachEvent === null) continue;
      // Read again only when they changed (this batch's reports change them here).
      agreements ??= await this.agreementsForRules(batch.agreementsVersion, reports.length > 0);
      // One agreement per event: the one in force when it happened (see selectAgreement).
      const selected = this.selectAgreement(breachEvent, agreements);
      if (selected !== null) pending.push({ ...selected, event: breachEvent });
      else log.trace({ event: event.id }, 'not a breach');
    }
    const judgedAt = performance.now();
    await this.recordGrouped(pending, log, batch.inAlerts);
    // The stored events a changed agreement may judge (an event reported before the report that
    // put its agreement in force) are evaluated now, not at the scheduler's next pass.
    if (evaluationDue) this.options.onEvaluationDue?.();
    const ms = (a: number, b: number) => Math.round(b - a);
    log.debug(
      {
        events: events.length,
        breaches: pending.length,
        reports: reports.length,
        readMs: ms(started, readAt),
        proposeMs: ms(readAt, proposedAt),
        judgeMs: ms(started, judgedAt),
        recordMs: ms(judgedAt, performance.now()),
      },
      'events handled',
    );
  }

  /**
   * The agreements that can judge an event, as read with this fingerprint of the table (see
   * `readEventBatch`): the list held from an earlier batch when the table is unchanged since, else
   * read again. `changedHere`: this batch changed agreements after the fingerprint was read. A
   * list is held under a fingerprint read before it, so it is never older than what the
   * fingerprint stands for; a change after it gives the next batch another fingerprint.
   */
  private async agreementsForRules(
    version: string,
    changedHere: boolean,
  ): Promise<readonly AgreementRecord[]> {
    const held = this.heldAgreements;
    if (!changedHere && held !== null && held.version === version) return held.list;
    const list = await agreementsForRules(this.db);
    this.heldAgreements = { version, list };
    return list;
  }

  private heldAgreements: { version: string; list: readonly AgreementRecord[] } | null = null;

  /**
   * Records breaches in one transaction under the locks of their alert groups: the groups' open
   * alerts and what already counts are read with one query each, every group's breaches are
   * applied in memory in event order, and the changes are written with one statement per table.
   * `counted`: which of the events an alert counted when the batch was read, if the caller knows
   * (they are not looked up again before the locks; under them, they always are).
   */
  async recordGrouped(
    pending: readonly PendingBreach[],
    log: Logger,
    counted?: ReadonlySet<string>,
  ): Promise<void> {
    if (pending.length === 0) return;
    // An event joins at most one alert: once per batch, and never when an alert counts it already.
    const once = new Map<string, PendingBreach>();
    for (const b of pending) if (!once.has(b.event.id)) once.set(b.event.id, b);
    const level = this.options.areaLevel ?? 'district';
    // The agreements of these breaches, for the notifications' payloads.
    const known = new Map(pending.map((b) => [b.agreement.id, b.agreement]));
    const added = await this.db.transaction(async (trx) => {
      const countedBefore = counted ?? (await eventsInAlerts(trx, [...once.keys()]));
      const fresh = [...once.values()].filter((b) => !countedBefore.has(b.event.id));
      if (fresh.length === 0) return [];
      // An event known only to its region joins the open alert of a district of that region of the
      // same agreement, if there is one (it is about the same breach, told less precisely);
      // otherwise the region's own alert. Read before the locks: the group is re-read under them.
      const regional = level === 'district' ? fresh.filter((b) => isRegionArea(b.event.area)) : [];
      const absorbing = await openAlertsInRegions(
        trx,
        regional.map((b) => ({ agreementId: b.agreement.id, region: b.event.area })),
      );
      const groups = new Map<string, PendingBreach[]>();
      const add = (key: string, b: PendingBreach) => {
        const items = groups.get(key);
        if (items) items.push(b);
        else groups.set(key, [b]);
      };
      const regionalIds = new Set(regional.map((b) => b.event.id));
      // District breaches first: a district of this batch can take a region-only report too.
      const districtOf = new Map<string, string>();
      for (const b of fresh) {
        if (regionalIds.has(b.event.id)) continue;
        const key = groupKeyOf(b.agreement.id, areaAtLevel(b.event.area, level));
        add(key, b);
        const region = b.event.area.split('.').slice(0, 2).join('.');
        districtOf.set(`${b.agreement.id} ${region}`, key);
      }
      for (const b of regional) {
        const pair = `${b.agreement.id} ${b.event.area}`;
        add(
          absorbing.get(pair)?.groupKey ?? districtOf.get(pair) ?? groupKeyOf(b.agreement.id, b.event.area),
          b,
        );
      }
      // A district alert absorbs the open alert of its region and agreement (the same breach, told
      // less precisely): the region's group is locked with it.
      const regionOf = new Map<string, string>();
      if (level === 'district')
        for (const [key, items] of groups) {
          const area = items[0]!.event.area;
          const parts = area.split('.');
          if (parts.length > 2 && !parts[0]!.includes('-')) {
            const regionKey = groupKeyOf(items[0]!.agreement.id, parts.slice(0, 2).join('.'));
            if (!groups.has(regionKey) && ![...regionOf.values()].includes(regionKey))
              regionOf.set(key, regionKey);
          }
        }
      await lockAlertGroups(trx, [...groups.keys(), ...regionOf.values()]);
      // Read again under the locks: another transaction (the ticker's evaluation of a changed
      // agreement, another worker) may have linked some of them since.
      // The row locks keep an operator's acknowledgement from being overwritten by these updates.
      // One statement for both.
      const { open, linked } = await lockOpenAlertsAndLinked(
        trx,
        [...groups.keys(), ...regionOf.values()],
        fresh.map((b) => b.event.id),
      );
      const writes = new GroupWrites();
      for (const [groupKey, items] of groups) {
        const unlinked = items.filter((b) => !linked.has(b.event.id));
        if (unlinked.length === 0) continue;
        const regionKey = regionOf.get(groupKey);
        const regional = regionKey === undefined ? undefined : open.get(regionKey);
        const absorbed: PendingBreach[] = [];
        if (regional !== undefined) {
          // Its events join the district's alert as breaches, in the order they happened; it is
          // resolved, saying which alert took them.
          for (const e of await alertBreachEvents(trx, regional.id)) {
            const event = breachEventOf(e);
            if (event !== null)
              absorbed.push({
                agreement: unlinked[0]!.agreement,
                event,
                verdict: {
                  breach: true,
                  timing: e.untimed ? 'untimed' : 'after_start',
                  untimed: e.untimed,
                  proposed: regional.proposedAgreement,
                },
              });
          }
          absorbed.sort(
            (x, y) =>
              (x.event.startUtc ?? x.event.publishedAt).getTime() -
              (y.event.startUtc ?? y.event.publishedAt).getTime(),
          );
          await unlinkAlertEvents(trx, regional.id);
        }
        await this.applyBreaches(
          trx,
          writes,
          groupKey,
          open.get(groupKey) ?? null,
          [...absorbed, ...unlinked],
          log,
        );
        if (regional !== undefined) {
          // Resolved after the district's alert is written, so that its notification (to whoever
          // was told the region's alert opened) names the alert that took its events.
          const now = this.clock();
          const into = writes.openAlertOf(groupKey);
          const area = items[0]!.event.area;
          writes.addTransitions(regional.id, [
            { from: regional.state, to: 'resolved', at: now, by: 'system', reason: `absorbed by the alert of ${area}` },
          ]);
          this.ticking.advance(
            writes,
            { ...regional, state: 'resolved', resolvedAt: now, updatedAt: now, unnotifiedEventIds: [], unnotifiedEventCount: 0 },
            unlinked[0]!.agreement,
            now,
            true,
            into === undefined ? undefined : { alertId: into.id, area: into.area },
          );
          log.info(
            { alert: regional.id, into: into?.id ?? groupKey, events: absorbed.length },
            'region alert absorbed by a district alert',
          );
        }
      }
      return writes.flush(trx, this.options.deliveryLeaseMs, this.heldSummaries, (t, d) =>
        this.enrich(t, d, known),
      );
    });
    if (added.length > 0) this.options.onEnqueued?.(added);
  }

  /**
   * Adds the `breach` part (who, what, where, when, evidence, link) to notifications, read for
   * all their alerts in one query: only alerts with a notification due pay for it. `known`: the
   * agreements the caller holds (those it judged the breaches with); others are read.
   */
  async enrich(
    trx: Queryable,
    deliveries: readonly EnqueueDeliveryInput[],
    known: ReadonlyMap<string, AgreementRecord> = new Map(),
  ): Promise<EnqueueDeliveryInput[]> {
    const alertIds = [...new Set(deliveries.map((d) => d.alertId))];
    const details = await alertDetails(trx, alertIds);
    const agreements = new Map<string, AgreementRecord | null>(known);
    const names: Names = this.options.names ?? { areaName: (id) => id, partyName: (code) => code };
    const done = new Map<unknown, AlertMessage>();
    const out: EnqueueDeliveryInput[] = [];
    for (const d of deliveries) {
      const message = d.payload as AlertMessage;
      let enriched = done.get(message);
      if (enriched === undefined) {
        const agreementId = message.data.agreement_id;
        if (!agreements.has(agreementId)) agreements.set(agreementId, await getAgreement(trx, agreementId));
        const agreement = agreements.get(agreementId) ?? null;
        const detail = details.get(d.alertId);
        enriched =
          detail === undefined || agreement === null
            ? message
            : {
                ...message,
                data: {
                  ...message.data,
                  breach: breachPayload(
                    {
                      alertId: d.alertId,
                      area: message.data.area,
                      agreement,
                      details: detail,
                      publicUrl: this.options.publicUrl ?? null,
                    },
                    names,
                  ),
                },
              };
        done.set(message, enriched);
      }
      out.push({ ...d, payload: enriched });
    }
    return out;
  }

  /** The rules' form of each agreements list, made once per list (a batch judges every event against one). */
  private readonly prepared = new WeakMap<
    readonly AgreementRecord[],
    PreparedAgreements<RuleAgreement & { record: AgreementRecord }>
  >();

  /** The one agreement an event breaches, with the verdict; null when it breaches none. */
  selectAgreement(
    event: BreachEvent,
    agreements: readonly AgreementRecord[],
  ): { agreement: AgreementRecord; verdict: Extract<BreachVerdict, { breach: true }> } | null {
    let prepared = this.prepared.get(agreements);
    if (prepared === undefined) {
      prepared = prepareAgreements(agreements.map((a) => ({ ...ruleAgreement(a), record: a })));
      this.prepared.set(agreements, prepared);
    }
    const selected = selectAgreement(event, prepared, {
      alertOnProposed: this.options.alertOnProposed,
      proposedHorizonMs:
        this.options.proposedHorizonMs === undefined
          ? DEFAULT_PROPOSED_HORIZON_MS
          : this.options.proposedHorizonMs,
    });
    return selected === null ? null : { agreement: selected.agreement.record, verdict: selected.verdict };
  }

  /**
   * Adds a breach to its group's alert, opening one when the group has none, and enqueues the
   * notification that is due. A no-op when an alert of the agreement already counts the event.
   */
  async recordBreach(
    agreement: AgreementRecord,
    event: BreachEvent,
    verdict: Extract<BreachVerdict, { breach: true }>,
    log: Logger = this.logger,
  ): Promise<void> {
    await this.recordGrouped([{ agreement, event, verdict }], log);
  }

  /**
   * Adds breaches of one alert group (one agreement and area, locked by the caller) to `writes`,
   * in order. Each breach joins the group's open alert, or opens one, and its notification is
   * decided as if it came alone; the alert's summary is updated from its stored state and the
   * new event, never by reading its events again (but for an alert without a usable state). The
   * state is built up in memory over the batch and stored once, when `writes` are flushed.
   */
  private async applyBreaches(
    trx: Queryable,
    writes: GroupWrites,
    groupKey: string,
    stored: AlertRecord | null,
    fresh: readonly PendingBreach[],
    log: Logger,
  ): Promise<void> {
    const { agreement } = fresh[0]!;
    let open = stored;
    // The open alert's summary, built up over the batch; `writes` stores it with the alert.
    const held =
      open === null
        ? { builder: new SummaryBuilder(), rebuilt: false }
        : await this.summaryOf(trx, open, log);
    let summary = held.builder;
    let rebuilt = held.rebuilt;
    // Lists of events not notified yet that this batch made: appended to in place (the alert's
    // earlier records in `writes` are replaced by its last), not copied per breach, and holding
    // the latest NOTIFIED_EVENT_IDS_MAX (the count says how many joined).
    const ours = new WeakSet<readonly string[]>();
    const appended = (list: readonly string[] | undefined, id: string): string[] => {
      if (list !== undefined && ours.has(list)) {
        const own = list as string[];
        own.push(id);
        if (own.length > NOTIFIED_EVENT_IDS_MAX) own.shift();
        return own;
      }
      const copy = [...(list ?? []).slice(-(NOTIFIED_EVENT_IDS_MAX - 1)), id];
      ours.add(copy);
      return copy;
    };
    for (const { event, verdict } of fresh) {
      const now = this.clock();
      if (open !== null) {
        // A group quiet for long enough resolves before the new breach opens the next alert.
        const advanced = this.ticking.advance(writes, open, agreement, now);
        open = advanced.state === 'resolved' ? null : advanced;
      }
      const breach = { ...event, untimed: verdict.untimed };
      let alert: AlertRecord;
      if (open === null) {
        summary = new SummaryBuilder().add(breach);
        rebuilt = false;
        const opened = openAlert(summary.summary(this.options.escalation), now);
        alert = {
          ...opened.alert,
          id: hashId('al', groupKey, event.id),
          groupKey,
          agreementId: agreement.id,
          proposedAgreement: verdict.proposed,
          // The group's area: the district (or region, at that level) even when the first breach
          // is a region-only report the district's alert absorbed.
          area: areaOfGroupKey(groupKey),
          summary: '',
          unnotifiedEventIds: appended(undefined, event.id),
          unnotifiedEventCount: 1,
        };
        writes.open(alert);
        writes.summarise(alert.id, summary, rebuilt);
        writes.addTransitions(alert.id, opened.transitions);
        log.info(
          {
            alert: alert.id,
            agreement: agreement.id,
            area: event.area,
            event: event.id,
            severity: alert.severity,
          },
          'alert opened',
        );
      } else {
        const added = addBreach(open, summary.add(breach).summary(this.options.escalation), now);
        alert = {
          ...open,
          ...added.alert,
          proposedAgreement: verdict.proposed,
          unnotifiedEventIds: appended(open.unnotifiedEventIds, event.id),
          unnotifiedEventCount: (open.unnotifiedEventCount ?? 0) + 1,
        };
        writes.summarise(alert.id, summary, rebuilt);
        writes.addTransitions(alert.id, added.transitions);
        // Debug: one line per breach of an open group; the transitions and notifications are the record.
        log.debug(
          {
            alert: alert.id,
            event: event.id,
            events: alert.eventCount,
            incidents: alert.incidentCount,
            severity: alert.severity,
          },
          'alert updated',
        );
      }
      writes.links.push({ alertId: alert.id, eventId: event.id, untimed: verdict.untimed, at: now });
      open = this.ticking.advance(writes, alert, agreement, now, true);
    }
  }

  /**
   * The alert's summary state to add to: the one this worker holds if it is the stored one, else
   * the stored one read (its head and incident rows), else one rebuilt from the alert's current
   * events (`rebuilt`: its rows are replaced when written) for an alert whose state was forgotten
   * (superseded events) or does not add up.
   */
  private async summaryOf(
    trx: Queryable,
    alert: AlertRecord,
    log: Logger,
  ): Promise<{ builder: SummaryBuilder; rebuilt: boolean }> {
    const head = parseSummaryHead(alert.summaryState);
    if (head !== null) {
      const held = this.heldSummaries.take(alert.id, head.stamp);
      if (held !== undefined) return { builder: held, rebuilt: false };
      const incidents = (await summaryIncidentsOf(trx, [alert.id])).get(alert.id) ?? [];
      if (incidents.length === alert.incidentCount)
        return { builder: new SummaryBuilder(stateOfStored(head, incidents)), rebuilt: false };
      log.warn(
        { alert: alert.id, incidents: incidents.length, incidentCount: alert.incidentCount },
        'stored summary state does not add up: rebuilt from the events',
      );
    }
    const events = (await alertBreachEvents(trx, alert.id)).flatMap((e) => {
      const rule = breachEventOf(e);
      return rule === null ? [] : [{ ...rule, untimed: e.untimed }];
    });
    return { builder: new SummaryBuilder(summaryStateOf(events)), rebuilt: true };
  }
}
