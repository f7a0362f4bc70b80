// Agreements proposed and completed from statements, and evaluated against stored events.
import {
  corroborationReason,
  IDENTITY_WINDOW_DAYS,
  isCorroborated,
  matchAgreement,
  type AgreementReport,
} from '@ceasefire/alerting';
import { isoInZone, type ViolationEvent } from '@ceasefire/contracts';
import {
  agreementsForRules,
  agreementsToEvaluate,
  candidateBreachEvents,
  addAgreementSources,
  agreementsOfSourceEvents,
  agreementReporters,
  agreementsReachedNear,
  insertAgreementTransitions,
  insertReportedAgreement,
  lockAgreementsOfParties,
  updateAgreement,
  markAgreementEvaluated,
  type AgreementPatch,
  type AgreementRecord,
  type AgreementSourceInput,
  type AgreementTransitionInput,
  type Queryable,
  type StoredBreachEvent,
} from '@ceasefire/db';
import { PipelineError, type Logger } from '@ceasefire/runtime';
import { enterIntoForceIfDue } from '@ceasefire/operations';
import type { Knex } from 'knex';
import { agreementLevel, breachEventOf, completion, hashId, partiesOf } from './breach-rules.ts';
import { DEFAULT_PROPOSED_HORIZON_MS, type EngineOptions, type PendingBreach } from './engine-options.ts';
import type { EventIntake } from './intake.ts';

/**
 * Agreements from statements: a `ceasefire_agreement` event proposes or completes its agreement,
 * and an agreement created or changed is evaluated against the events already stored (judged and
 * recorded by the intake).
 */
export class AgreementProposals {
  constructor(
    private readonly db: Knex,
    private readonly options: EngineOptions,
    private readonly logger: Logger,
    private readonly clock: () => Date,
    private readonly intake: Pick<EventIntake, 'selectAgreement' | 'recordGrouped'>,
  ) {}

  /**
   * A `ceasefire_agreement` event reports an agreement. Statements of one agreement are one row
   * (see `matchAgreement`: same parties, reached within a day, compatible level and start): a
   * later statement fills in what the row lacks (start and zone, terms, level, an earlier
   * announcement) and is listed among its sources. A new agreement is proposed, whole border; it
   * enters into force once corroborated (both sides, or a third party) and its start has passed.
   * Every change is a transition. `stored` is the event as stored (null: not in the store); the
   * result says whether a change may have made stored events breaches now (see proposeLocked).
   */
  async proposeAll(
    events: readonly ViolationEvent[],
    stored: ReadonlyMap<string, StoredBreachEvent>,
    log: Logger,
  ): Promise<boolean> {
    // The message names the event; the stored row says what it reports (see the README).
    const rows = events.map((e) => {
      const row = stored.get(e.id);
      if (row === undefined)
        throw new PipelineError('unprocessable', `event ${e.id} is not in the event store (violation_events)`);
      return row;
    });
    return this.db.transaction(async (trx) => {
      // Every lock the batch needs, in a fixed order: two workers cannot wait on each other.
      const partySets = [...new Set(rows.map((r) => partiesOf(r).join('-')))].sort();
      for (const set of partySets) if (set !== '') await lockAgreementsOfParties(trx, set.split('-'));
      return this.proposeLocked(trx, rows, log);
    });
  }

  /**
   * The batch's reports in order, against what the store holds, with a fixed number of round
   * trips whatever the batch's size (a report each was ten; a stream of reports of one agreement
   * held the events behind them for seconds): what is known is read once (which events are
   * sources already, the agreements each report can be, their reporters), the reports are
   * matched and merged in memory, and the changes are written once per agreement and table. Only
   * a new agreement costs its own insert (its row is matched by the reports after it).
   */
  private async proposeLocked(trx: Queryable, rows: readonly StoredBreachEvent[], log: Logger): Promise<boolean> {
    const reports = rows.flatMap((row) => reportOf(row, log));
    const known = await agreementsOfSourceEvents(trx, reports.map((r) => r.event.id));
    const fresh = reports.filter((r) => !known.has(r.event.id));
    if (fresh.length === 0) return false;
    const now = this.clock();
    // The agreements each report can be, per party set, over the batch's days.
    const candidates = new Map<string, AgreementRecord[]>();
    for (const r of fresh) {
      const key = r.report.parties.join('-');
      if (candidates.has(key)) continue;
      const days = fresh.filter((x) => x.report.parties.join('-') === key).map((x) => x.report.reachedOn).sort();
      candidates.set(
        key,
        await agreementsReachedNear(trx, { parties: r.report.parties, day: days[0]!, lastDay: days.at(-1)!, days: IDENTITY_WINDOW_DAYS }),
      );
    }
    const reporters = new Map<string, Array<string | null>>();
    const reporterList = (id: string) => reporters.get(id) ?? (reporters.set(id, []), reporters.get(id)!);
    // Reporters matter only to agreements not yet corroborated (is it now?).
    const open = [...candidates.values()].flat().filter((a) => !a.corroborated).map((a) => a.id);
    for (const s of await agreementReporters(trx, open)) reporterList(s.agreementId).push(s.reportedBy);
    const patches = new Map<string, AgreementPatch>();
    const transitions: AgreementTransitionInput[] = [];
    const sources: AgreementSourceInput[] = [];
    // Agreements this batch corroborated, with the statement that did.
    const corroborated = new Map<string, string>();
    for (const { event, report, startZone } of fresh) {
      const list = candidates.get(report.parties.join('-'))!;
      const match = matchAgreement(list, report);
      let agreement: AgreementRecord;
      if (match === null) {
        agreement = await insertReportedAgreement(trx, {
          id: hashId('ag', event.profile, report.parties.join('-'), report.reachedOn, event.id),
          parties: [...report.parties],
          level: report.level as AgreementRecord['level'],
          reachedOn: report.reachedOn,
          startsAt: report.startsAt,
          startZone,
          terms: [...report.terms],
          sourceStatementId: event.statementId,
          sourceEventId: event.id,
          announcedAt: event.publishedAt,
          name: `${report.level.replaceAll('_', ' ')} ceasefire of ${report.reachedOn}`,
          now,
        });
        list.push(agreement);
        transitions.push({
          agreementId: agreement.id,
          from: null,
          to: 'proposed',
          at: now,
          by: 'system',
          reason: `reported by ${event.reportedBy ?? 'an unnamed source'}`,
          statementId: event.statementId,
        });
        log.info({ agreement: agreement.id, parties: report.parties, agreementLevel: report.level }, 'agreement proposed');
      } else {
        const patch = completion(match, report, startZone, event.publishedAt);
        const filled = Object.keys(patch);
        agreement = match;
        if (filled.length > 0) {
          // Held in memory for the reports after it; stored once below.
          agreement = { ...match, ...patch } as AgreementRecord;
          list[list.indexOf(match)] = agreement;
          patches.set(match.id, { ...patches.get(match.id), ...patch });
          transitions.push({
            agreementId: match.id,
            from: match.status,
            to: match.status,
            at: now,
            by: 'system',
            reason: `completed by a statement: ${filled.join(', ')}`,
            statementId: event.statementId,
          });
          log.info({ agreement: agreement.id, filled }, 'agreement completed');
        }
      }
      sources.push({
        agreementId: agreement.id,
        eventId: event.id,
        statementId: event.statementId,
        reportedBy: event.reportedBy,
        publishedAt: event.publishedAt,
        startsAt: report.startsAt,
        startZone,
        level: report.level,
        terms: report.terms,
        now,
      });
      const said = reporterList(agreement.id);
      said.push(event.reportedBy);
      if (!agreement.corroborated && !corroborated.has(agreement.id) && isCorroborated(agreement.parties, said))
        corroborated.set(agreement.id, event.statementId);
    }
    for (const [id, patch] of patches) await updateAgreement(trx, id, patch, now);
    await insertAgreementTransitions(trx, transitions);
    await addAgreementSources(trx, sources);
    // Corroborated now: in force once its start has passed (which supersedes what it replaces).
    let enteredIntoForce = false;
    for (const [id, statementId] of corroborated) {
      const agreement = (await updateAgreement(trx, id, { corroborated: true }, now))!;
      const after = await enterIntoForceIfDue(trx, agreement, {
        now,
        statementId,
        reason: corroborationReason(agreement.parties, reporters.get(id) ?? []),
      });
      if (after.status !== agreement.status) {
        enteredIntoForce = true;
        log.info({ agreement: id }, 'agreement in force');
      }
    }
    // What can make stored events breaches at once: an agreement now in force, or one proposed or
    // completed while proposed agreements alert. Other changes wait for the scheduler's next pass
    // (a stream of reports completing agreements would otherwise run it after every batch).
    return enteredIntoForce || (this.options.alertOnProposed && transitions.length > 0);
  }

  /**
   * Evaluates stored events against agreements created or changed since their last evaluation:
   * an event no alert counts yet that one of these agreements is the one to judge (see
   * `selectAgreement`) becomes a breach of it. One read of the candidate events per party set and
   * one recording for all the agreements due (a stream of new agreements, one a second, made one
   * read and one locked write each, beside the live events' intake).
   */
  async evaluatePendingAgreements(): Promise<number> {
    const pending = await agreementsToEvaluate(this.db);
    const judging = pending.filter(
      // No event breaches these (judgeBreach): nothing to read.
      (a) => !((a.status === 'proposed' && !this.options.alertOnProposed) || a.status === 'rejected'),
    );
    if (judging.length > 0) {
      const started = performance.now();
      const all = await agreementsForRules(this.db);
      const due = new Set(judging.map((a) => a.id));
      const breaches: PendingBreach[] = [];
      const found = new Map<string, number>();
      let candidates = 0;
      for (const parties of new Set(judging.map((a) => a.parties.join('-')))) {
        const windows = judging.filter((a) => a.parties.join('-') === parties).map((a) => this.window(a));
        const stored = await candidateBreachEvents(this.db, {
          parties: parties.split('-'),
          // The union of their windows: the selection below keeps each event to its own agreement.
          notBefore: windows.some((w) => w.notBefore === null) ? null : new Date(Math.min(...windows.map((w) => w.notBefore!.getTime()))),
          notAfter: windows.some((w) => w.notAfter === null) ? null : new Date(Math.max(...windows.map((w) => w.notAfter!.getTime()))),
          unalerted: true,
        });
        candidates += stored.length;
        for (const row of stored) {
          const event = breachEventOf(row);
          if (event === null) continue;
          const selected = this.intake.selectAgreement(event, all);
          if (selected === null || !due.has(selected.agreement.id)) continue;
          breaches.push({ ...selected, event });
          found.set(selected.agreement.id, (found.get(selected.agreement.id) ?? 0) + 1);
        }
      }
      await this.intake.recordGrouped(breaches, this.logger);
      this.logger.info(
        {
          agreements: judging.map((a) => ({ id: a.id, breaches: found.get(a.id) ?? 0 })),
          candidates,
          ms: Math.round(performance.now() - started),
        },
        'agreements evaluated against stored events',
      );
    }
    // After the breaches are recorded: a crash before this evaluates them again (recording is idempotent).
    for (const agreement of pending) await markAgreementEvaluated(this.db, agreement);
    return pending.length;
  }

  /** The events an agreement can judge: from its start (or announcement) to its end, or a proposed one's horizon. */
  private window(agreement: AgreementRecord): { notBefore: Date | null; notAfter: Date | null } {
    const start = agreement.startsAt ?? agreement.announcedAt;
    const horizon =
      this.options.proposedHorizonMs === undefined ? DEFAULT_PROPOSED_HORIZON_MS : this.options.proposedHorizonMs;
    return {
      notBefore: start,
      // Nothing after its end, or a proposed one's horizon, is its breach; an event in an alert stays there.
      notAfter:
        agreement.status === 'proposed' && horizon !== null && start !== null
          ? new Date(start.getTime() + horizon)
          : agreement.status === 'in_force' || agreement.status === 'proposed'
            ? null
            : agreement.endsAt,
    };
  }
}

/**
 * What a stored `ceasefire_agreement` event reports of its agreement; none when it was superseded
 * (a re-classified statement's newer row reports it) or names no parties (said in the log).
 */
function reportOf(
  event: StoredBreachEvent,
  log: Logger,
): Array<{ event: StoredBreachEvent; report: AgreementReport; startZone: string | null }> {
  if (event.supersededAt !== null) {
    log.debug({ event: event.id }, 'superseded agreement event: not proposed');
    return [];
  }
  const parties = partiesOf(event);
  if (parties.length === 0) {
    log.warn({ event: event.id }, 'ceasefire agreement without parties: not proposed');
    return [];
  }
  const terms = event.agreement;
  const startsAt = terms?.starts_at_utc ? new Date(terms.starts_at_utc) : null;
  const report: AgreementReport = {
    parties,
    level: agreementLevel(terms?.level ?? null),
    // The statement's day in the zone it was published in, as its message gives it.
    reachedOn: event.date ?? isoInZone(event.publishedAt, event.publishedZone).slice(0, 10),
    startsAt,
    terms: terms && terms.terms.length > 0 ? [...new Set(terms.terms)].sort() : ['cease_fire'],
  };
  // A start without its zone is not kept as a zone: the instant is what counts.
  return [{ event, report, startZone: startsAt === null ? null : (terms?.zone ?? null) }];
}
