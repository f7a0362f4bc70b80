/**
 * Agreement frames: a ceasefire reached, its terms, level and start. A stage of the engine (see
 * ../engine.ts).
 */
import { agreementLevel, type TermMatch } from '../agreements.ts';
import { addDays, type ClockMention } from '../dates.ts';
import type { Draft } from '../draft.ts';
import { newDraft } from './attack-frames.ts';
import { type ClauseView, underModal } from './clause.ts';
import type { Scan } from './scan.ts';

/** How far after a colon an agreement's listed terms run, and where the first must start. */
const LIST_SPAN = 600;
const LIST_FIRST = 120;
const APPEAL = /^(?:to |observance|respect|full |strict |неукоснительно |строго |и впредь |соблюд|придерж)/;

const FROM_BEFORE = /(?:from|since|starting|as of|effective|с|со)\s+$/i;

/**
 * "agreed on the following: • Cessation of hostilities in the border areas … from 19.30 on 29
 * April;": the start time told in the listed term's own item times the agreement.
 */
function listedStart(s: Scan, term: TermMatch | undefined): ClockMention | undefined {
  if (!term) return undefined;
  let end = s.text.indexOf('\n', term.end);
  if (end < 0) end = s.text.length;
  end = Math.min(end, term.end + 400);
  return s.clocks.find((k) => k.start >= term.end && k.end <= end && FROM_BEFORE.test(s.text.slice(Math.max(0, k.start - 12), k.start)));
}

/** The terms of a list that follows a colon at `end` (the first within a line or two of it). */
function listedTerms(s: Scan, end: number): TermMatch[] {
  let i = end;
  while (i < s.text.length && (s.text[i] === ' ' || s.text[i] === '\t')) i++;
  let j = end - 1;
  while (j > 0 && /\s/.test(s.text[j] ?? '')) j--;
  const colon = s.text[i] === ':' ? i : s.text[j] === ':' ? j : -1;
  if (colon < 0) return [];
  const out: TermMatch[] = [];
  for (const t of s.terms) if (t.start > colon && t.start < colon + LIST_SPAN && (out.length > 0 || t.start < colon + LIST_FIRST)) out.push(t);
  return out;
}

const ENTRY_INTO_FORCE = /(?:effect|force|began|begins|started|starts|вступ|действовать)/;
// A truce told broken; «нарушить» (an attempt or threat to break it) is not.
const BROKEN =
  /(?:violat|breach|\bbr(?:oke|oken|eaking) (?:the |a |its )?(?:\w+ )?(?:ceasefire|cease-fire|truce)|наруш(?!ить))/;

// "The two countries had agreed on a ceasefire that…", "hours after both sides agreed to a truce",
// «после того как стороны договорились»: the agreement as the time before the news, a yardstick
// (SCHEMA). Reported speech backshifts its news ("said the sides had agreed"): that one stands.
const AGREED_BEFORE = /(?:\bhad (?:[a-z]+ )?|(?:hours?|days?|weeks?|shortly|soon|just|only|a day) after (?:[0-9a-z-]+ ){0,4}|после того,? как (?:[0-9а-яё-]+ ){0,4})$/;
const SPEECH_BEFORE = /\b(?:said|says|say|told|tell|reported|reports|announced|announces|stated|states|claimed|claims|confirmed|added|noted|according|that)\b/;

// The modal cues that ask for an agreement (a purpose, "to settle the conflict", still reaches one),
// or tell it as a prospect ("are expected to sign a truce", «планируют подписать»).
const DEMAND = /^(?:must|should|demand|call|urg|ask|appeal|request|threat|expected|likely|scheduled|plan|intend|треб|потребова|призва|призыва|прос|угроз|планиру|намерен)/;

function agreedBefore(before: string): boolean {
  const m = AGREED_BEFORE.exec(before);
  if (!m) return false;
  return !m[0].startsWith('had') || !SPEECH_BEFORE.test(before);
}

/** Agreements: an agreement verb with ceasefire terms, not a yardstick, not a treaty. */
export function agreementDraft(s: Scan, c: ClauseView): Draft | null {
  const { clause, sentence } = c;
  const inside = s.insideClause;
  const verb = inside.inside(s.trig.agreementVerbs, clause)[0];
  if (!verb) return null;
  // "the ceasefire came into effect at midnight", «перемирие вступило в силу»: its entry into
  // force is the agreement's news, unless the statement tells it broken ("violated the truce"):
  // then it is the yardstick of the violation (SCHEMA).
  if (ENTRY_INTO_FORCE.test(verb.text.toLowerCase()) && (s.trig.allegation.length > 0 || BROKEN.test(s.low)))
    return null;
  const cTerms = inside.inside(s.terms, clause);
  // "agreed on the following: • cessation of hostilities…; • withdrawal…", «решено: прекратить
  // огонь; отвести…»: the terms are the list after the colon.
  const listed = cTerms.length === 0;
  if (listed) cTerms.push(...listedTerms(s, clause.end));
  if (cTerms.length === 0 || inside.inside(s.trig.agreementExclusions, clause).length !== 0) return null;
  // An appeal to keep an agreement after the verb that reports it does not unmake it.
  for (const y of inside.inside(s.cues.yardstick, clause)) if (!(y.start > verb.start && APPEAL.test(s.low.slice(y.start, y.end)))) return null;
  if (agreedBefore(s.low.slice(sentence.start, verb.start))) return null;
  // "Cambodia must first declare a ceasefire", "pressure to make them agree to a truce": a demand
  // or purpose told before the verb, no agreement reached.
  if (inside.inside(s.cues.modal, clause).some((m) => m.end <= verb.start && DEMAND.test(s.low.slice(m.start, m.end)) && underModal(c, verb.start))) return null;
  const d = newDraft(s, c, 'ceasefire_agreement', verb, 'strong', true);
  // An agreement is dated by its own words (reached or taking effect) or its paragraph's
  // dateline, not by the narrative.
  if (d.carried && !(s.datelineCtx && (s.datelineCtx.paragraph === clause.paragraph || s.ctx?.date === s.datelineCtx.date)) && s.ctx?.paragraph !== clause.paragraph) {
    d.date = null;
    d.carried = false;
  }
  d.civilians = null;
  d.agreementTermsList = [...new Set(cTerms.map((t) => t.term))];
  d.agreementLevel = agreementLevel(s.text.slice(clause.start, clause.end), s.text.slice(sentence.start, sentence.end));
  // SCHEMA: a ceasefire is timed by when it takes effect, when the text says so ("from 13.00
  // Moscow time").
  const start = inside.inside(s.clocks, clause).find((k) => k.role === 'start') ?? (listed ? listedStart(s, cTerms[0]) : undefined);
  if (start) startAgreement(s, d, start, true);
  d.agreementEvidence = [verb, ...cTerms];
  if (d.places.length === 0) {
    // "…summit in Samarkand, … The heads of state agreed": the meeting place of the paragraph.
    const paraStart = s.seg.paragraphs[clause.paragraph]?.start ?? 0;
    d.places = s.places.filter((p) => p.start >= paraStart && p.start < clause.start && p.place.kind === 'other');
  }
  return d;
}

// "The sides met on 25 September at the checkpoint", «Стороны встретились 25 сентября».
const MEETING = /(?<![a-zа-яё])(?:met|meet|meeting|talks|negotiations|встретил[а-яё]*|встреч[аеиу]|переговор[а-яё]*)(?![a-zа-яё])/;

/**
 * "Kyrgyzstan and Tajikistan signed a protocol on the settlement. The sides met on 25 September at
 * the Kyzyl-Bel checkpoint.": an undated agreement takes the day of the meeting told in the next
 * sentence, when that sentence tells no event of its own.
 */
export function borrowMeetingDay(s: Scan): void {
  for (const d of s.drafts) {
    if (d.type !== 'ceasefire_agreement' || d.date !== null) continue;
    const next = s.seg.sentences[d.clause.sentence + 1];
    if (!next || s.drafts.some((x) => x.clause.sentence === next.index) || !MEETING.test(s.low.slice(next.start, next.end))) continue;
    const day = s.dates.find((x) => x.start >= next.start && x.end <= next.end && x.date && x.role === 'event' && x.kind === 'absolute');
    if (day) {
      d.date = day.date;
      d.dateEvidence.push(day);
    }
  }
}

/**
 * "The sides agreed to a ceasefire. It takes effect at 4 a.m. on 27 November.": a start time told
 * in a sentence of its own (no agreement verb there) times the agreement, with that sentence's
 * day; with no day told there, the day of publication (a start at midnight: the midnight to come).
 */
export function borrowAgreementStarts(s: Scan): void {
  const used = new Set<ClockMention>();
  for (const d of s.drafts) if (d.agreementStart) used.add(d.agreementStart);
  for (const d of s.drafts) {
    if (d.type !== 'ceasefire_agreement' || d.agreementStart) continue;
    let best: ClockMention | null = null;
    const at = d.trigger.start;
    // A start another agreement took times that one.
    for (const k of s.clocks) if (k.role === 'start' && !used.has(k) && (!best || Math.abs(k.start - at) < Math.abs(best.start - at))) best = k;
    if (!best) continue;
    used.add(best);
    startAgreement(s, d, best, false);
  }
}

/** Times an agreement by its start `k`, told in its own clause or not. */
function startAgreement(s: Scan, d: Draft, k: ClockMention, inClause: boolean): void {
  // "from 1700 hours today", "from 24:00 on 28 July": the day told with the start time.
  // "in effect on Wednesday, 27 November, at 04:00": the day told right before it.
  const own =
    s.dates.find((x) => x.date && x.kind !== 'part' && x.role !== 'as_of' && x.start >= k.end && START_DAY_GAP.test(s.text.slice(k.end, x.start))) ??
    s.dates.find((x) => x.date && x.kind !== 'part' && x.role !== 'as_of' && x.end <= k.start && DAY_START_GAP.test(s.text.slice(x.end, k.start)));
  if (own) d.date = own.date;
  else if (!d.date && !inClause) d.date = startDay(s, k);
  d.agreementStart = k;
  // "24:00", "midnight": the start of the next day.
  if (k.hh === 24) {
    d.agreementStart = { ...k, hh: 0 };
    // "from midnight 24/25 February": the night's pair of days names the day that begins.
    if (d.date && !(own && NIGHT_PAIR_BEFORE.test(s.text.slice(Math.max(0, own.start - 6), own.start)))) d.date = addDays(d.date, 1);
  }
  d.clock = d.agreementStart;
  d.part = null;
}

const NIGHT_PAIR_BEFORE = /\d{1,2}\s*\/\s*$/;
// What stands between a start time and its day: "1700 hours IST today", "24:00 (local time) on 28 July".
const START_DAY_GAP = /^[^.;!?]{0,30}$/;
const DAY_START_GAP = /^[\s,]*(?:at|в|around|около)?\s*$/i;

/** The day an agreement's start time told outside its clause falls on. */
function startDay(s: Scan, k: ClockMention): string | null {
  const own = s.seg.clauses.find((c) => c.start <= k.start && k.end <= c.end);
  if (own) for (const d of s.dates) if (d.start >= own.start && d.end <= own.end && d.date && d.kind !== 'part' && d.role !== 'as_of') return d.date;
  // SCHEMA: never a day guessed from publication alone; a statement that dates anything (its
  // dateline, "today", a date) tells of the day it was issued.
  if (!s.pub.date || !(s.ctx || s.dates.some((d) => d.date))) return null;
  return k.hh === 0 && k.mm === 0 && s.pubLocalMin !== null && s.pubLocalMin > 0 ? addDays(s.pub.date, 1) : s.pub.date;
}
