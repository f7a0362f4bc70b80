/**
 * One clause through the frames: status lines, background paragraphs, then attack, agreement and
 * asserted drafts. A stage of the engine (see ../engine.ts).
 */
import type { ClockMention, DateMention } from '../dates.ts';
import { copyDraft, type Draft, VIOLENT } from '../draft.ts';
import type { PlaceMention } from '../places.ts';
import { lower } from '../text/patterns.ts';
import type { Clause } from '../text/segment.ts';
import { assertedDrafts } from './asserted.ts';
import { scenePlacesOf } from './casualty-pass.ts';
import { type ClauseView, clauseView } from './clause.ts';
import { type Scan, withinAny } from './scan.ts';
import { PLACE_THEN_DATE, splitByClock, splitByDay } from './split.ts';

const GENERIC_SITE = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:the (?:outpost|post|village|checkpoint|settlement)|this (?:village|area|section)|застав[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|этого села|села|этом районе|кпп)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
export const TO_THE_BORDER = /\b(?:to|towards|along) the (?:state )?border\b|(?:^|[^а-яё])(?:к|вдоль) (?:государственной )?границ/;
// "the temple", "the bridge": a site named before with that head noun ("Ta Muen Temple").
const SITE_ANAPHOR = /\bthe (temple|pagoda|bridge|dam|mine|hill)\b/;
const BACKGROUND_START = /(?:напомним|напоминаем|напомню|recall(?:ing)?\b|it is worth recalling|as a reminder)/y;
// "The situation on the Kyrgyz-Tajik border escalated on September 14.", «Ситуация на границе
// обострилась 14 сентября»: a wire item's background paragraph, retelling how the episode began.
const ESCALATION_START =
  /(?:the )?(?:situation|tension|tensions|conflict) (?:on|at|along|between) [^.\n]{0,80}?(?:escalated|flared|deteriorated|worsened|erupted|heated)|(?:ситуация|обстановка|напряж[её]нность|конфликт) (?:на|между) [^.\n]{0,80}?(?:обострил|ухудшил|накалил|вспыхнул)/y;

const ELLIPTIC_START = /^(?:а|и|and|but)\s/i;
// «…перестрелку в местности Как-Сай, а затем — в местности Кок-Таш», "shelled Kulundu, and later
// Maksat": a sequence word in the elliptic clause tells a next episode at the places it names.
const ELLIPTIC_SEQUENCE = /^(?:а|и|and|but)\s+(?:затем|потом|позже|позднее|после этого|then|later|afterwards|after that)(?![a-zа-яё])/i;
// Only a place phrase follows (no verb of its own: «а затем отошли к селу Максат» tells no fire).
const ELLIPTIC_PLACE_GAP = /^(?:[\s,—–-]|(?:и|также|в|во|на|у|по|near|at|in|on|the|also|of|around|местност[а-яё]*|район[а-яё]*|сел[а-яё]*|застав[а-яё]*|пост[а-яё]*|village|area|town|post|outpost|checkpoint|соседн[а-яё]*|neighbou?ring)(?![a-zа-яё]))*$/i;

/** A clause after a semicolon that holds only a time, then its places ("; at 09:30, at the Maksat post"). */
function timeThenPlace(s: Scan, c: ClauseView): boolean {
  if (!/;\s*$/.test(s.text.slice(Math.max(0, c.clause.start - 3), c.clause.start))) return false;
  const time: Array<{ start: number; end: number }> = [...c.cClocks, ...c.cDates];
  const first = time.reduce<{ start: number; end: number } | null>((a, b) => (a === null || b.start < a.start ? b : a), null);
  const place = c.cPlaces[0];
  if (!first || !place || first.end > place.start) return false;
  return /^\s*(?:at|on|in|в|около|примерно в)?\s*$/i.test(s.text.slice(c.clause.start, first.start)) && ELLIPTIC_PLACE_GAP.test(s.text.slice(first.end, place.start));
}

/**
 * "fired at Kulundu in the morning and at Maksat in the evening": one attack per part of the day
 * when each part has places of its own (a place takes the part right after it, else the one before).
 */
function splitByPart(s: Scan, c: ClauseView, d: Draft): Draft[] {
  if (!VIOLENT.has(d.type) || d.strength !== 'strong' || d.clock || d.places.length < 2) return [d];
  const parts = c.cDates.filter((x) => x.role === 'event' && x.kind === 'part' && x.part);
  if (new Set(parts.map((x) => x.part)).size < 2) return [d];
  const by = new Map<DateMention, PlaceMention[]>();
  for (const p of d.places) {
    const after = parts.find((x) => x.start >= p.end && PLACE_THEN_DATE.test(s.text.slice(p.end, x.start)));
    const k = after ?? parts.filter((x) => x.end <= p.start).at(-1);
    if (!k) return [d];
    by.set(k, [...(by.get(k) ?? []), p]);
  }
  if (by.size < 2) return [d];
  const out: Draft[] = [];
  for (const [k, ps] of by) {
    const one = copyDraft(d);
    one.part = k.part;
    one.places = ps;
    one.dateEvidence = [...d.dateEvidence.filter((m) => !parts.includes(m as DateMention)), k];
    one.casualtyEvidence = out.length === 0 ? d.casualtyEvidence : [];
    one.extraEvidence = [...d.extraEvidence];
    one.weapons = [...d.weapons];
    out.push(one);
  }
  return out;
}

/**
 * "As of 7:00 on 16 September the situation is tense": a status line dates the narrative after
 * it, and an event told as going on now takes its day and time (SCHEMA, "Which day").
 */
function statusLine(s: Scan, c: ClauseView): void {
  let date: DateMention | null = null;
  for (const d of s.insideClause.inside(s.temporal.dates, c.clause)) if (d.role === 'as_of' && d.date && !date) date = d;
  let clock: ClockMention | null = null;
  for (const k of s.insideClause.inside(s.temporal.clocks, c.clause)) if (k.role === 'as_of' && !clock) clock = k;
  if (!date && !clock) return;
  // A status time without a day is of the day of publication.
  const day = date?.date ?? s.pub.date;
  s.status = { date: day, clock };
  if (day && !c.cDates.some((d) => d.role === 'event' && d.date)) s.ctx = { date: day, paragraph: c.clause.paragraph };
}

/** The paragraph starting at `start` opens with "Recall that", «Напомним». */
function backgroundParagraph(s: Scan, start: number): boolean {
  let i = start;
  while (i < s.text.length && (s.text[i] === ' ' || s.text[i] === '\t')) i++;
  BACKGROUND_START.lastIndex = i;
  return BACKGROUND_START.test(s.low);
}

/**
 * "The situation on the border escalated on September 14. …" opening a paragraph after the
 * statement's own attacks, on a day before theirs: the paragraph retells the episode's start
 * (SCHEMA: background paragraphs that repeat an earlier episode are no event).
 */
function escalationBackground(s: Scan, para: { start: number; end: number }): boolean {
  let i = para.start;
  while (i < s.text.length && (s.text[i] === ' ' || s.text[i] === '\t')) i++;
  ESCALATION_START.lastIndex = i;
  if (!ESCALATION_START.test(s.low)) return false;
  const day = s.dates.find((x) => x.start >= para.start && x.end <= para.end && x.role === 'event' && x.date)?.date;
  if (!day) return false;
  let earliest: string | null = null;
  for (const d of s.drafts) if (d.strength === 'strong' && VIOLENT.has(d.type) && d.date && (!earliest || d.date < earliest)) earliest = d.date;
  return earliest !== null && day < earliest;
}

/** A global regex matches inside [span.start, span.end) of `low`, without slicing it. */
export function matchesIn(re: RegExp, low: string, span: { start: number; end: number }): boolean {
  re.lastIndex = span.start;
  const m = re.exec(low);
  return m !== null && m.index + m[0].length <= span.end;
}

/** How many sentences back in its paragraph an unplaced event looks for its scene. */
const SCENE_SENTENCES_BACK = 3;

/** One clause of the clause pass: its drafts, then the day it leaves for the clauses after it. */
export function clauseStep(s: Scan, clause: Clause): void {
  if (withinAny(s.excluded, clause)) return;
  const sentence = s.seg.sentences[clause.sentence];
  if (!sentence) return;
  const c = clauseView(s, clause, sentence);
  statusLine(s, c);
  const created: Draft[] = [];
  if (c.negated.length === 0) assertedDrafts(s, c, created);
  // "…advanced into Kyrgyz territory in the area of the outpost": the site named just before.
  // "a drone circling the temple": the temple named before, however far back.
  for (const d of created) {
    if (d.places.length === 0 && d.type !== 'ceasefire_agreement' && d.type !== 'violation_allegation') {
      const head = SITE_ANAPHOR.exec(s.low.slice(clause.start, clause.end))?.[1];
      const named = head ? s.places.findLast((p) => p.end <= clause.start && lower(p.text).includes(head)) : undefined;
      if (named) d.places = [named];
    }
    if (d.places.length === 0 && d.type !== 'ceasefire_agreement' && d.type !== 'violation_allegation' && GENERIC_SITE.test(s.low.slice(clause.start, clause.end))) {
      let prev: Draft | undefined;
      for (let i = s.drafts.length - 1; i >= 0; i--) {
        const p = s.drafts[i];
        if (p && p.places.length > 0 && p.clause.paragraph >= clause.paragraph - 1) {
          prev = p;
          break;
        }
      }
      if (prev) d.places = [...prev.places];
    }
  }
  // "On 9 May a Kyrgyz patrol near Ak-Sai met Tajik guards. The Tajik guards opened fire.": an
  // event placed nowhere in its clause is where its sentence, else the sentence before, is.
  // A border line alone ("along the LoC") places an event no better than nothing: the settlement
  // named before still comes, the line kept beside it. The scene is sought back through the
  // paragraph, up to the sentence that told another event (another incident's places stay its own).
  for (const d of created) {
    if (d.strength !== 'strong' || d.type === 'ceasefire_agreement' || d.type === 'violation_allegation') continue;
    // "moved troops to the border", «перебросила к границе»: a build-up placed on the border is
    // not at the village the sentence before named.
    if (d.type === 'military_buildup' && TO_THE_BORDER.test(s.low.slice(clause.start, clause.end))) continue;
    if (d.places.some((p) => p.place.kind !== 'border_section')) continue;
    const lines = d.places;
    let found = scenePlacesOf(s, c.sentence).filter((p) => !lines.includes(p));
    for (let k = 1; found.length === 0 && k <= SCENE_SENTENCES_BACK; k++) {
      const prev = s.seg.sentences[c.sentence.index - k];
      if (!prev || prev.paragraph !== c.sentence.paragraph || withinAny(s.excluded, prev)) break;
      found = scenePlacesOf(s, prev);
      if (found.length === 0 && s.drafts.some((x) => x.clause.sentence === prev.index && x.strength === 'strong')) break;
    }
    if (found.length > 0) d.places = lines.length > 0 ? [...found, ...lines] : found;
  }
  // «…обстреляла село Арка, а 17 сентября — село Максат»: an elliptic clause repeats the
  // previous clause's event with its own day and places; «…в 06:00 — Арку, а в 09:30 — Максат»
  // with its own clock time on the same day.
  // "…fired at the Kulundu post; at 09:30, at the Maksat post", «…; в 09:30 — заставу Максат»: a
  // clause of a time and a place alone, after a semicolon, is elliptic too.
  if (created.length === 0 && c.negated.length === 0 && c.cPlaces.length > 0 && (ELLIPTIC_START.test(s.text.slice(clause.start, clause.start + 4)) || timeThenPlace(s, c))) {
    const prev = s.drafts.at(-1);
    const dm = c.cDates.find((x) => x.role === 'event' && x.date);
    const km = dm ? undefined : c.cClocks.find((k) => k.role === 'event');
    // «…обстреляли Кулунду утром, а вечером — Максат»: another part of the day.
    const pm = !dm && !km && prev?.part ? c.cDates.find((x) => x.role === 'event' && x.kind === 'part' && x.part && x.part !== prev.part) : undefined;
    const seq = !dm && !km ? ELLIPTIC_SEQUENCE.exec(s.text.slice(clause.start, clause.start + 20)) : null;
    const firstPlace = c.cPlaces[0];
    const next =
      seq !== null &&
      firstPlace !== undefined &&
      prev !== undefined &&
      prev.places.length > 0 &&
      ELLIPTIC_PLACE_GAP.test(s.text.slice(clause.start + seq[0].length, firstPlace.start)) &&
      !c.cPlaces.some((p) => prev.places.some((q) => q.place.id === p.place.id));
    if (prev && (dm || next || pm || (km && prev.clock && (prev.clock.hh !== km.hh || prev.clock.mm !== km.mm))) && prev.clause.sentence === clause.sentence && prev.type !== 'ceasefire_agreement' && prev.type !== 'violation_allegation') {
      const d = copyDraft(prev);
      d.clause = clause;
      d.date = dm ? dm.date : prev.date;
      d.part = dm ? dm.part : (pm?.part ?? null);
      d.clock = km ?? null;
      d.places = c.cPlaces;
      d.dateEvidence = dm ? [dm] : km ? [km] : pm ? [pm] : [];
      d.casualtyEvidence = [];
      d.extraEvidence = [];
      d.weapons = [...prev.weapons];
      d.killed = null;
      d.wounded = null;
      d.displaced = null;
      d.zero = false;
      d.merged = 0;
      created.push(d);
    }
  }
  // "Recall that…", «Напомним, …»: a background paragraph after the statement's own events
  // repeats an earlier episode, no event of this statement (SCHEMA); an agreement it recalls
  // still stands. With nothing told before it, the episode it recalls is the statement's news.
  const para = s.seg.paragraphs[clause.paragraph];
  if (created.length > 0 && para && backgroundParagraph(s, para.start) && s.drafts.some((d) => d.strength === 'strong' && d.type !== 'ceasefire_agreement' && d.type !== 'violation_allegation')) {
    for (let i = created.length - 1; i >= 0; i--) if (created[i]?.type !== 'ceasefire_agreement') created.splice(i, 1);
  } else if (s.background.has(clause.paragraph) || (created.length > 0 && para && escalationBackground(s, para))) {
    s.background.add(clause.paragraph);
    for (let i = created.length - 1; i >= 0; i--) if (created[i]?.type !== 'ceasefire_agreement') created.splice(i, 1);
  }
  let lastWithDate: Draft | null = null;
  const before = s.drafts.length;
  for (const d of splitByClock(s, c, created)) for (const e of splitByPart(s, c, d)) splitByDay(s, c, e, s.drafts);
  for (let i = before; i < s.drafts.length; i++) {
    const d = s.drafts[i];
    if (d?.date) lastWithDate = d;
  }
  if (lastWithDate) {
    s.ctx = { date: lastWithDate.date, paragraph: clause.paragraph };
    s.lastEventDate = lastWithDate.date;
  } else {
    let explicit: DateMention | null = null;
    for (const d of c.cDates) if (d.role === 'event' && d.date && d.kind !== 'part') explicit = d;
    if (explicit) s.ctx = { date: explicit.date, paragraph: clause.paragraph };
  }
}
