/**
 * Casualty figures sentence by sentence, tied to the draft they are about or kept as a report of
 * their own. A stage of the engine (see ../engine.ts).
 */
import { type CasualtyFigures, sentenceCasualties } from '../casualties.ts';
import { type Draft, ev, pushAll, VIOLENT } from '../draft.ts';
import { casualtyReport } from '../output.ts';
import type { PlaceMention } from '../places.ts';
import type { Sentence } from '../text/segment.ts';
import { dayStartUtc } from '../time.ts';
import type { CasualtyReport } from '../types.ts';
import { PLACE_EXCLUSION_HINT } from './clause.ts';
import { type Scan, withinAny } from './scan.ts';

const EARLIER_OPENER = /^\W*(?:earlier|previously|ранее|прежде)\s*,/;

/** Casualty figures per sentence: attached to the event of that sentence or the latest before it. */
export function casualtyPass(s: Scan): Array<CasualtyReport & { paragraph: number }> {
  const masked = [...s.temporal.dates, ...s.temporal.clocks];
  const reports: Array<CasualtyReport & { paragraph: number }> = [];
  let had: Draft | undefined;
  let hadVictims: number | null = null;
  let hadTotal = false;
  for (const sentence of s.seg.sentences) {
    if (withinAny(s.excluded, sentence)) continue;
    const fig = sentenceCasualties(s.text, sentence.start, sentence.end, s.numbers, masked);
    if (!fig) continue;
    let target = s.background.has(sentence.paragraph) ? undefined : casualtyTarget(s.drafts, sentence, (fig.killed ?? 0) > 0 || (fig.wounded ?? 0) > 0);
    // "…after the April 22 attack in Pahalgam that killed 26 people": a toll told in a sentence of
    // its own of another day than the event it would go to is another incident's.
    // An event of no day is of the day the statement told last before the sentence.
    if (target && otherDay(s, sentence, target.date ?? dayBefore(s.drafts, sentence))) target = undefined;
    // "Earlier, a 13-year-old girl was killed when…": a sentence opened by a bare "earlier" tells a
    // past episode; its toll is no event's told in another sentence.
    if (target && target.clause.sentence !== sentence.index && EARLIER_OPENER.test(s.low.slice(sentence.start, sentence.start + 16))) target = undefined;
    // «…число пострадавших составляет 154 человека. Из них 31 человек скончался.»: the dead are
    // among the victims of the sentence before; the injured are the rest, and the update is a total.
    if (target && had && fig.killedOfPrior && hadVictims !== null && fig.killed !== null && fig.killed <= hadVictims && had.wounded === hadVictims) {
      had.wounded = hadVictims - fig.killed;
      if (hadTotal) {
        had.killed = fig.killed;
        fig.total = true;
      }
      if (had !== target) fig.wounded = had.wounded;
    }
    had = target;
    hadVictims = fig.victims ?? null;
    hadTotal = fig.total;
    if (target) {
      applyFigures(target, fig);
      // "136,000 residents of Batken region were evacuated": where people fled is where the
      // event reached, for an event placed nowhere else; and evacuees are civilians.
      if (fig.displaced !== null && fig.displaced > 0 && target.type !== 'incursion' && target.type !== 'military_buildup') {
        if (target.places.length === 0) target.places = sentencePlaces(s, sentence);
        target.civilians ??= true;
      }
    }
    reports.push(sentenceReport(s, sentence, fig));
  }
  return reports;
}

/** The day of the latest dated event told before the sentence. */
function dayBefore(drafts: readonly Draft[], sentence: Sentence): string | null {
  let day: string | null = null;
  for (const d of drafts) if (d.clause.sentence < sentence.index && d.date && d.type !== 'ceasefire_agreement') day = d.date;
  return day;
}

/** The places of a sentence that are not a destination ("evacuated to", "taken to hospital in"). */
function sentencePlaces(s: Scan, sentence: Sentence): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const p of s.insideSentence.inside(s.places, sentence)) {
    const lowBefore = s.low.slice(Math.max(0, p.start - 60), p.start);
    if (!(PLACE_EXCLUSION_HINT.test(lowBefore) && s.placeExclusion.test(lowBefore))) out.push(p);
  }
  return out;
}

/**
 * "The incident took place near X. … The Tajik guards opened fire.": an event still placed nowhere
 * (its clause, its sentence and the sentences before it in its paragraph name no place) happened
 * where the statement last set a scene, however many paragraphs back. Filled after merging, so
 * that a carried place never decides which mentions are one event.
 */
export function scenePlaces(s: Scan, sentence: number, date: string | null, keep: (p: PlaceMention) => boolean): PlaceMention[] {
  const own = s.seg.sentences[sentence];
  for (let i = sentence - 1; i >= 0; i--) {
    const prev = s.seg.sentences[i];
    if (!prev || withinAny(s.excluded, prev)) continue;
    // A scene told in another paragraph of another day is another incident's: no scene.
    if (prev.paragraph !== own?.paragraph && otherDay(s, prev, date)) break;
    const found = scenePlacesOf(s, prev).filter(keep);
    if (found.length > 0) return found;
  }
  // The lead's event, its scene told after it ("…opened fire. It happened near X.").
  for (let i = sentence + 1; i < s.seg.sentences.length; i++) {
    const next = s.seg.sentences[i];
    if (!next || withinAny(s.excluded, next)) continue;
    const found = scenePlacesOf(s, next).filter(keep);
    if (found.length > 0) return found;
  }
  return [];
}

/** The sentence tells an event day, none of them `date` (an event of no day has no other). */
function otherDay(s: Scan, sentence: Sentence, date: string | null): boolean {
  if (date === null) return false;
  let other = false;
  for (const x of s.insideSentence.inside(s.temporal.dates, sentence)) {
    if (x.role !== 'event' || !x.date) continue;
    if (x.date === date) return false;
    other = true;
  }
  return other;
}

// «жители кишлака Аксай», "residents of Batken region": a place that says where people come
// from, not where something happened.
const PEOPLE_OF = /(?:^|[^а-яё])(?:жител[а-яё]*|граждан[а-яё]*|уроженц[а-яё]*|уроженк[а-яё]*|выходц[а-яё]*|residents?|natives?|citizens?|inhabitants?|people)(?: of)?\s+(?:(?:the|village|town|city|села|кишлака|поселка|посёлка|деревни|города|джамоата|айыла) (?:of )?)?$/;

// "the authorities of the city of Isfara", «губернатор Согдийской области», «полпред президента в
// Баткенской области»: a place in an official's title says whom they speak for.
const OFFICIAL_OF = /(?:\b(?:authorities|agenc(?:y|ies)|officials?|administrations?|governors?|mayors?|envoys?|representatives?) (?:of|in|for) (?:the )?(?:(?:city|town|village|district|region|province) of )?|(?:^|[^а-яё])(?:власт|орган|администраци|губернатор|полпред|представител|хоким|аким|мэр)[а-яё]*(?: [а-яё]+)? (?:в|по|при) |(?:^|[^а-яё])(?:власт|орган|администраци|губернатор|полпред|представител|хоким|аким|мэр)[а-яё]* (?:(?:города|района|области|джамоата|села) )?)$/;

/** The places of a sentence that can set a scene for an event told elsewhere. */
export function scenePlacesOf(s: Scan, sentence: Sentence): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const p of sentencePlaces(s, sentence)) {
    const before = s.low.slice(Math.max(0, p.start - 50), p.start);
    if (!PEOPLE_OF.test(before) && !OFFICIAL_OF.test(before)) out.push(p);
  }
  return out;
}

function casualtyTarget(drafts: readonly Draft[], sentence: Sentence, hurt: boolean): Draft | undefined {
  let lastIn: Draft | undefined;
  let lastViolentIn: Draft | undefined;
  let lastViolentBefore: Draft | undefined;
  for (const d of drafts) {
    const at = d.clause.sentence;
    if (at === sentence.index && d.type !== 'ceasefire_agreement' && d.type !== 'violation_allegation') {
      lastIn = d;
      if (VIOLENT.has(d.type)) lastViolentIn = d;
    } else if (at < sentence.index && VIOLENT.has(d.type)) lastViolentBefore = d;
  }
  // "Two of the trespassers were wounded by the return fire": a crossing or a build-up wounds
  // nobody; the dead and wounded are the fire's told before it.
  if (hurt && !lastViolentIn && lastViolentBefore && lastIn && (lastIn.type === 'incursion' || lastIn.type === 'military_buildup')) return lastViolentBefore;
  const target = lastViolentIn ?? lastIn ?? lastViolentBefore;
  if (target) return target;
  const after = drafts.find((d) => d.clause.sentence > sentence.index && d.clause.paragraph === sentence.paragraph && VIOLENT.has(d.type));
  if (after) return after;
  // A lead that tells the toll before any attack ("…said five civilians were wounded in an
  // unprovoked ceasefire violation", the attack told in a quote after it): the first attack told.
  if (!drafts.some((d) => d.clause.sentence < sentence.index && d.type !== 'ceasefire_agreement' && d.type !== 'violation_allegation')) {
    const later = drafts.find((d) => d.clause.sentence > sentence.index && VIOLENT.has(d.type));
    if (later) return later;
  }
  // "…set fire to houses in X. There were no casualties among the residents.": with no attack
  // told, the figures are the latest event's (the burning, the incursion).
  let lastBefore: Draft | undefined;
  for (const d of drafts) if (d.clause.sentence < sentence.index && d.type !== 'ceasefire_agreement' && d.type !== 'violation_allegation') lastBefore = d;
  return lastBefore;
}

function sentenceReport(s: Scan, sentence: Sentence, fig: CasualtyFigures): CasualtyReport & { paragraph: number } {
  // "As of 16:00 on April 30": the snapshot's own time, in the issuer's zone; else publication.
  const asOfDate = s.insideSentence.inside(s.temporal.dates, sentence).find((d) => d.role === 'as_of' && d.date);
  const asOfClock = s.insideSentence.inside(s.temporal.clocks, sentence).find((k) => k.role === 'as_of');
  let asOf = s.pub.instant;
  const asOfDay = asOfDate?.date ?? (asOfClock ? s.pub.date : null);
  if (asOfDay) {
    const off = asOfClock?.offset_min ?? s.offsetMin ?? 0;
    asOf = dayStartUtc(asOfDay) + ((asOfClock?.hh ?? 23) * 60 + (asOfClock?.mm ?? 59)) * 60_000 - off * 60_000;
  }
  const report = casualtyReport(s.text, sentence, fig, s.agencies, s.statementReporter, asOf, s.parties);
  if (asOfDate) report.evidence.push(ev('time', asOfDate));
  if (asOfClock) report.evidence.push(ev('time', asOfClock));
  return report;
}

/** A figure replaces the draft's when it has none, or when it is a running total and the draft's is not. */
function takeFigure(cur: number | null, next: number | null, replace: boolean): number | null {
  return next === null ? cur : cur === null || replace ? next : cur;
}

function applyFigures(d: Draft, f: CasualtyFigures): void {
  // A running total replaces what came before, an earlier total too: the latest update wins.
  // An event dated and told with its own toll keeps it: a total for the whole conflict told after
  // it is not that event's ("…killing one soldier. That brings the toll to 23.").
  const replace = f.total && d.date === null;
  d.killed = takeFigure(d.killed, f.killed, replace);
  d.wounded = takeFigure(d.wounded, f.wounded, replace);
  d.displaced = d.displaced ?? f.displaced;
  d.casualtyTotal ||= f.total;
  d.zero ||= f.zero;
  pushAll(d.casualtyEvidence, f.evidence);
}
