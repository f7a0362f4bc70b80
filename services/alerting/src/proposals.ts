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
  addAgreementSource,
  agreementOfSourceEvent,
  agreementSources,
  agreementsReachedNear,
  insertAgreementTransitions,
  insertReportedAgreement,
  lockAgreementsOfParties,
  updateAgreement,
  getAgreement,
  markAgreementEvaluated,
  type AgreementRecord,
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
   * result says whether the agreement changed (a changed one is evaluated against stored events).
   */
  async proposeAll(
    events: readonly ViolationEvent[],
    stored: ReadonlyMap<string, StoredBreachEvent>,
    log: Logger,
  ): Promise<void> {
    await this.db.transaction(async (trx) => {
      // Every lock the batch needs, in a fixed order: two workers cannot wait on each other.
      // The message names the event; the stored row says what it reports (see the README).
      const rows = events.map((e) => {
        const row = stored.get(e.id);
        if (row === undefined)
          throw new PipelineError('unprocessable', `event ${e.id} is not in the event store (violation_events)`);
        return row;
      });
      const partySets = [...new Set(rows.map((r) => partiesOf(r).join('-')))].sort();
      for (const set of partySets) if (set !== '') await lockAgreementsOfParties(trx, set.split('-'));
      for (const row of rows) await this.propose(trx, row, log);
    });
  }

  private async propose(
    trx: Queryable,
    event: StoredBreachEvent,
    log: Logger,
  ): Promise<{ agreement: AgreementRecord; changed: boolean } | null> {
    if (event.supersededAt !== null) {
      // A re-classified statement's newer row reports the agreement (its own message).
      log.debug({ event: event.id }, 'superseded agreement event: not proposed');
      return null;
    }
    const terms = event.agreement;
    const parties = partiesOf(event);
    if (parties.length === 0) {
      log.warn({ event: event.id }, 'ceasefire agreement without parties: not proposed');
      return null;
    }
    const level = agreementLevel(terms?.level ?? null);
    // The statement's day in the zone it was published in, as its message gives it.
    const reachedOn = event.date ?? isoInZone(event.publishedAt, event.publishedZone).slice(0, 10);
    const startsAt = terms?.starts_at_utc ? new Date(terms.starts_at_utc) : null;
    // A start without its zone is not kept as a zone: the instant is what counts.
    const startZone = startsAt === null ? null : (terms?.zone ?? null);
    const termList = terms && terms.terms.length > 0 ? [...new Set(terms.terms)].sort() : ['cease_fire'];
    const report: AgreementReport = { parties, level, reachedOn, startsAt, terms: termList };
    const now = this.clock();
    const cause = { now, statementId: event.statementId };
    {
      const known = await agreementOfSourceEvent(trx, event.id);
      if (known !== null) {
        const agreement = await getAgreement(trx, known);
        return agreement === null ? null : { agreement, changed: false };
      }
      const match = matchAgreement(
        await agreementsReachedNear(trx, { parties, day: reachedOn, days: IDENTITY_WINDOW_DAYS }),
        report,
      );
      let agreement: AgreementRecord;
      let changed = true;
      if (match === null) {
        agreement = await insertReportedAgreement(trx, {
          id: hashId('ag', event.profile, parties.join('-'), reachedOn, event.id),
          parties,
          level,
          reachedOn,
          startsAt,
          startZone,
          terms: termList,
          sourceStatementId: event.statementId,
          sourceEventId: event.id,
          announcedAt: event.publishedAt,
          name: `${level.replaceAll('_', ' ')} ceasefire of ${reachedOn}`,
          now,
        });
        await insertAgreementTransitions(trx, [
          {
            agreementId: agreement.id,
            from: null,
            to: 'proposed',
            at: now,
            by: 'system',
            reason: `reported by ${event.reportedBy ?? 'an unnamed source'}`,
            statementId: event.statementId,
          },
        ]);
        log.info({ agreement: agreement.id, parties, agreementLevel: level }, 'agreement proposed');
      } else {
        const patch = completion(match, report, startZone, event.publishedAt);
        const filled = Object.keys(patch);
        if (filled.length > 0) {
          agreement = (await updateAgreement(trx, match.id, patch, now))!;
          await insertAgreementTransitions(trx, [
            {
              agreementId: match.id,
              from: match.status,
              to: match.status,
              at: now,
              by: 'system',
              reason: `completed by a statement: ${filled.join(', ')}`,
              statementId: event.statementId,
            },
          ]);
          log.info({ agreement: agreement.id, filled }, 'agreement completed');
        } else {
          agreement = match;
          changed = false;
        }
      }
      await addAgreementSource(trx, {
        agreementId: agreement.id,
        eventId: event.id,
        statementId: event.statementId,
        reportedBy: event.reportedBy,
        publishedAt: event.publishedAt,
        startsAt,
        startZone,
        level,
        terms: termList,
        now,
      });
      if (!agreement.corroborated) {
        const reporters = (await agreementSources(trx, [agreement.id])).map((s) => s.reportedBy);
        if (isCorroborated(agreement.parties, reporters)) {
          agreement = (await updateAgreement(trx, agreement.id, { corroborated: true }, now))!;
          changed = true;
          const before = agreement.status;
          agreement = await enterIntoForceIfDue(trx, agreement, {
            ...cause,
            reason: corroborationReason(agreement.parties, reporters),
          });
          if (agreement.status !== before) log.info({ agreement: agreement.id }, 'agreement in force');
        }
      }
      return { agreement, changed };
    }
  }

  /**
   * Evaluates stored events against agreements created or changed since their last evaluation:
   * an event no alert counts yet that this agreement is the one to judge it (see
   * `selectAgreement`) becomes a breach of it.
   */
  async evaluatePendingAgreements(): Promise<number> {
    const pending = await agreementsToEvaluate(this.db);
    let all: AgreementRecord[] | null = null;
    for (const agreement of pending) {
      if (
        (agreement.status === 'proposed' && !this.options.alertOnProposed) ||
        agreement.status === 'rejected'
      ) {
        // No event breaches it then (judgeBreach): nothing to read.
        await markAgreementEvaluated(this.db, agreement);
        continue;
      }
      all ??= await agreementsForRules(this.db);
      const start = agreement.startsAt ?? agreement.announcedAt;
      const horizon =
        this.options.proposedHorizonMs === undefined
          ? DEFAULT_PROPOSED_HORIZON_MS
          : this.options.proposedHorizonMs;
      const candidates = await candidateBreachEvents(this.db, {
        parties: agreement.parties,
        notBefore: start,
        // Nothing after its end, or a proposed one's horizon, is its breach; an event in an alert stays there.
        notAfter:
          agreement.status === 'proposed' && horizon !== null && start !== null
            ? new Date(start.getTime() + horizon)
            : agreement.status === 'in_force' || agreement.status === 'proposed'
              ? null
              : agreement.endsAt,
        unalerted: true,
      });
      const breaches: PendingBreach[] = [];
      for (const stored of candidates) {
        const event = breachEventOf(stored);
        if (event === null) continue;
        const selected = this.intake.selectAgreement(event, all);
        if (selected !== null && selected.agreement.id === agreement.id)
          breaches.push({ ...selected, event });
      }
      await this.intake.recordGrouped(breaches, this.logger);
      await markAgreementEvaluated(this.db, agreement);
      this.logger.info(
        { agreement: agreement.id, candidates: candidates.length, breaches: breaches.length },
        'agreement evaluated against stored events',
      );
    }
    return pending.length;
  }
}
