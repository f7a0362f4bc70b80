/**
 * The extraction engine: statement in, attributed and located events out. Pure and
 * deterministic: the only notion of "now" is the statement's publication time.
 *
 * This module is the order of the stages; each stage is a module of `engine/`:
 * - `scan.ts`: the statement read once (segmentation, every mention, reporter, relay, page date);
 * - `clause-step.ts`: each clause through the frames, with `clause.ts` (what a clause holds and
 *   what its modal or relative words cover), `anchors.ts` (a trigger's time and actor),
 *   `attack-frames.ts`, `agreement-frames.ts` and `asserted.ts` (the drafts), `split.ts` (one
 *   draft per day and clock time);
 * - `casualty-pass.ts`: casualty figures tied to drafts;
 * then `../subsume.ts`, `../merge.ts` and `../output.ts` (what another event already tells, one
 * event per episode, the output).
 */
import { addDays } from './dates.ts';
import type { Draft } from './draft.ts';
import { borrowAgreementStarts, borrowMeetingDay } from './engine/agreement-frames.ts';
import { casualtyPass, scenePlaces } from './engine/casualty-pass.ts';
import { clauseStep, matchesIn, TO_THE_BORDER } from './engine/clause-step.ts';
import { type Scan, scanStatement, withinAny } from './engine/scan.ts';
import { dropEarlierEpisodes, dropStrikingFlights, keepOne, mergeDrafts } from './merge.ts';
import { finish, mergeReports } from './output.ts';
import type { PlaceMention } from './places.ts';
import type { ConflictProfile } from './profile.ts';
import { dropSubsumed } from './subsume.ts';
import { findAll } from './text/patterns.ts';
import type { ExtractionResult, ExtractOptions, StatementInput, ViolationEvent } from './types.ts';

/** Version of the extractor; events carry it so that a newer run supersedes older events. */
export const EXTRACTOR_VERSION = '1.7.0';
const BACKGROUND_DAYS = 45;

/** Extracts violation events and casualty reports from one statement. */
export function extract(statement: StatementInput, profile?: ConflictProfile, options: ExtractOptions = {}): ExtractionResult {
  const s = scanStatement(statement, profile, options);
  for (const clause of s.seg.clauses) clauseStep(s, clause);
  borrowAgreementStarts(s);
  borrowMeetingDay(s);
  const casualtyReports = casualtyPass(s);
  const drafts = s.drafts;

  const kept = dropSubsumed(drafts, s.low);
  let events = mergeDrafts(kept);
  dateEpisodeTotals(s, events);

  // Background mentions of incidents long past ("burned during the events of September 2022").
  if (s.pub.date) {
    const floor = addDays(s.pub.date, -BACKGROUND_DAYS);
    const floorMonth = floor.slice(0, 7);
    events = events.filter((d) => !(d.date && d.date < floor) && !(d.month && d.month < floorMonth));
  }
  events = dropEarlierEpisodes(events);
  events = dropStrikingFlights(events);
  // A border line or a whole region alone ("along the LoC in Jammu and Kashmir") places an event
  // hardly better than nothing: the scene the statement names comes before it.
  for (const d of events) {
    if (d.places.some((p) => p.place.kind !== 'border_section' && p.place.kind !== 'region' && p.place.kind !== 'country')) continue;
    if (d.type === 'military_buildup' && TO_THE_BORDER.test(s.low.slice(d.clause.start, d.clause.end))) continue;
    // A scene inside another region than the one the event names is not its scene (surgeons sent
    // "from Bishkek and Osh" to Batken region).
    const regions = d.places.filter((q) => q.place.kind === 'region').map((q) => q.place.id);
    // Gazetteer ids are hierarchical (kg.batken.leilek.kulundu); a place with no parent is unplaced.
    const inRegion = (p: PlaceMention): boolean => regions.length === 0 || p.place.parent === null || regions.some((r) => p.place.id.startsWith(`${r}.`));
    const scene = scenePlaces(s, d.clause.sentence, d.date, (p) => !d.places.some((q) => q.place.id === p.place.id) && p.place.kind !== 'border_section' && (d.places.length === 0 || p.place.kind !== 'region') && inRegion(p));
    if (scene.length > 0) d.places = d.places.length > 0 ? [...scene, ...d.places] : scene;
  }
  events = keepOne(events, 'violation_allegation');
  events = keepOne(events, 'ceasefire_agreement');

  const publisherSide = s.source?.side ?? s.statementReporter.side;
  const out: ViolationEvent[] = [];
  for (let i = 0; i < events.length; i++) out.push(finish(events[i] as Draft, i, s.prof, s.lang, s.gazetteer, s.issuerZone, s.pubOwnOffset, s.partyCodes, s.text, publisherSide));
  const isViolation = out.some((e) => e.type !== 'ceasefire_agreement');
  return {
    statement_id: String(statement.id ?? ''),
    extractor_version: EXTRACTOR_VERSION,
    profile: s.prof.id,
    language: s.lang,
    is_violation_report: isViolation,
    reporter: s.statementReporter,
    events: out,
    casualty_reports: mergeReports(casualtyReports),
  };
}

// "The situation on the border escalated on 14 September", «Конфликт вспыхнул 14 сентября»: the
// day the episode began.
const ONSET = /(?:escalat(?:ed|ion)|flared(?: up)?|flare-up|erupted|broke out|обострил[а-яё]*|обострени[а-яё]*|вспыхнул[а-яё]*|разгорел[а-яё]*|начал(?:ся|ась|ось|ись))(?![a-zа-яё])/g;

/**
 * A running total for the whole episode, tied to no told event, is dated only when the text dates
 * the fighting (SCHEMA "Numbers"): the day a clause with no event of its own says the episode
 * began or escalated ("The situation escalated on 14 September", «обострилась 14 сентября»).
 */
function dateEpisodeTotals(s: Scan, events: Draft[]): void {
  const totals = events.filter((d) => d.type === 'armed_clash' && d.date === null && d.month === null && !d.clock && (d.killed !== null || d.wounded !== null || d.casualtyEvidence.length > 0));
  if (totals.length === 0) return;
  const withEvents = new Set<number>();
  for (const d of s.drafts) withEvents.add(d.clause.index);
  for (const clause of s.seg.clauses) {
    if (withEvents.has(clause.index) || withinAny(s.excluded, clause) || !matchesIn(ONSET, s.low, clause)) continue;
    const day = s.insideClause.inside(s.dates, clause).find((x) => x.role === 'event' && x.date && (x.kind === 'absolute' || x.kind === 'night' || x.kind === 'weekday'));
    if (!day) continue;
    for (const d of totals) {
      d.date = day.date;
      d.part = day.part;
      d.dateEvidence = [day];
    }
    return;
  }
}

export { findAll };
