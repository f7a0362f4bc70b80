/**
 * A clause as the frames read it: its mentions, what a modal or a relative clause covers, and
 * whether a trigger in it is active. A stage of the engine (see ../engine.ts).
 */
import type { AgencyMention, PartyMention } from '../attribution.ts';
import type { ClockMention, DateMention } from '../dates.ts';
import type { WeaponMention } from '../events.ts';
import type { PlaceMention } from '../places.ts';
import type { Match } from '../text/patterns.ts';
import type { Clause, Sentence } from '../text/segment.ts';
import type { Reporter } from '../types.ts';
import { locatesOnly, MUTUAL_BLAME, type Scan, withinAny } from './scan.ts';

export const PLACE_EXCLUSION_HINT = /hospital|clinic|treated|леч|госпитал|accommodat|evacuated|taken|sent|program|office|больниц|размещ|доставл|направл|переведут|родственник/;
// "opened fire on a Kyrgyz tank", "fired at the mortar positions", «огонь по кыргызскому танку»,
// «огонь по позициям минометчиков»: the weapon fired at is the target, it types no attack.
// Not across "with", "from", "by" («из», «с»): "hit the village with artillery" names the weapon.
// (A Russian object without «по» may be the instrument: «обстреливают ракетами».)
const WEAPON_TARGETED =
  /(?:\b(?:(?:fire|fired|firing|shot|shooting) (?:at|on|upon)|shelled|struck|attacked|destroyed|damaged|hit) (?:the |a |an )?(?:(?!with |from |using |by |of )[a-z'-]+ ){0,2}|(?:^|[^а-яё])по (?:(?!из |с |со )[а-яё-]+ ){0,2})$/;

/** What every draft of one clause shares: the clause's mentions, cues and reporter. */
export interface ClauseView {
  clause: Clause;
  sentence: Sentence;
  negated: Match[];
  /**
   * Spans under modality ("demands to stop…"): triggers there did not happen. A span runs from
   * the modal word to the clause's end, or to a comma after which a side acts ("Ignoring the
   * demands of the truce, Kyrgyz forces opened fire").
   */
  modal: Array<{ start: number; end: number }>;
  blame: Match[];
  cDates: DateMention[];
  cClocks: ClockMention[];
  cPlaces: PlaceMention[];
  cParties: PartyMention[];
  cWeapons: WeaponMention[];
  reporter: Reporter;
  reporterEvidence: Match | null;
  /** Both sides blame each other in the sentence (computed on first use). */
  mutual: boolean | null;
  militaryNamed: boolean;
  civilianNamed: boolean;
  borderSectionNamed: boolean;
}

// A demand or threat that the actor ignores ("ignoring the demands to leave", «вопреки
// требованиям»): its scope ends where the actor is named, with or without a comma.
const DEFIED = /(?:ignor[a-z]*|despite|in spite of|in defiance of|contrary to|disregard[a-z]*|defy[a-z]*|defied|disobey[a-z]*|refus[a-z]* to (?:comply with|obey)|вопреки|несмотря на|проигнорир[а-яё]*|игнориру[а-яё]*|не подчинившись|не выполнив)(?: [0-9a-z\u00C0-\u024F\u0400-\u04FF-]+){0,3} $/;
// A modal inside a relative clause ("guards, who intended to seize the spring, opened fire").
const RELATIVE_OPEN = /, (?:who|which|that|whose|котор[а-яё]*)(?![a-zа-яё])[^,]*$/;
// "…demanded that they leave, after which they opened fire", "ignored the demands and opened
// fire": a conjunction followed by a past-tense attack verb closes the modal's scope.
const SCOPE_CONJ = /(?:,? and then|,? and|,? but|,? after which|,? whereupon|,? then) /g;
const PAST_TRIGGER = /^(?:[a-z]+ed|shot|struck|hit|began|broke)\b/;

/** Where a modal cue's scope ends before `end`: at the actor after a defied demand, at the close
 * of a relative clause, or at a conjunction that starts a told attack. */
function modalScopeEnd(s: Scan, m: Match, end: number, parties: readonly PartyMention[]): number {
  const before = s.low.slice(Math.max(0, m.start - 40), m.start);
  if (DEFIED.test(before)) {
    const actor = parties.find((p) => p.start >= m.end && p.start < end && p.role !== 'target' && p.role !== 'victim');
    if (actor) return actor.start;
  }
  if (RELATIVE_OPEN.test(before)) {
    const close = s.text.indexOf(',', m.end);
    if (close >= 0 && close < end) return close;
  }
  // Searched in the window only: a global search from m.end would run on to the text's end.
  const window = s.low.slice(m.end, end);
  SCOPE_CONJ.lastIndex = 0;
  for (let k = SCOPE_CONJ.exec(window); k !== null; k = SCOPE_CONJ.exec(window)) {
    const at = m.end + k.index;
    const after = at + k[0].length;
    for (const list of [s.trig.fire, s.trig.shelling, s.trig.clash, s.trig.incursion]) {
      for (const t of list) {
        if (t.start >= after && t.start < Math.min(end, after + 40) && t.text !== 'armed' && PAST_TRIGGER.test(s.low.slice(t.start, t.end))) return at;
      }
    }
  }
  return end;
}

export function clauseView(s: Scan, clause: Clause, sentence: Sentence): ClauseView {
  const inside = s.insideClause;
  const cParties = inside.inside(s.parties, clause);
  const modal: Array<{ start: number; end: number }> = [];
  const cModal = inside.inside(s.cues.modal, clause);
  for (const m of cModal) {
    let end = clause.end;
    for (let i = s.text.indexOf(',', m.end); i >= 0 && i < clause.end; i = s.text.indexOf(',', i + 1)) {
      const actor = cParties.find((p) => p.start > i && p.role !== 'target' && p.role !== 'victim');
      if (actor && !cModal.some((x) => x.start > i && x.start < actor.start)) {
        end = i;
        break;
      }
    }
    end = Math.min(end, modalScopeEnd(s, m, end, cParties));
    modal.push({ start: m.start, end });
  }
  const cPlaces = inside.inside(s.places, clause).filter((p) => {
    const lowBefore = s.low.slice(Math.max(0, p.start - 60), p.start);
    // The anchored test is costly; most contexts have none of its key words.
    return !(PLACE_EXCLUSION_HINT.test(lowBefore) && s.placeExclusion.test(lowBefore));
  });
  let frame: AgencyMention | PartyMention | null = null;
  for (const a of s.insideSentence.inside(s.agencies, sentence)) {
    if (a.frame && a.side && a.agency.kind !== 'media') {
      frame = a;
      break;
    }
  }
  // "the Tajik side claims that…", «таджикская сторона заявляет…»: a side speaking, in its clause.
  // A side cited ("according to Azerbaijan, …", «по заявлению Бангкока») frames the clause of an
  // item no party issued (a relay of a third country): the claim is the cited side's. In a party's
  // own statement the issuer stays the reporter of what it relays.
  const relayedItem = s.statementReporter.side === null || !s.partyCodes.has(s.statementReporter.side);
  frame ??= s.insideClause.inside(s.partyFrames, clause).find((p) => p.role !== 'mutual' && (relayedItem || !p.cited)) ?? null;
  // «Таджикское издание «Азия-Плюс» пишет, что…» in another outlet's item: a side's own outlet,
  // cited, gives its side's version.
  if (frame === null) {
    for (const a of s.insideSentence.inside(s.agencies, sentence)) {
      if (a.frame && a.agency.kind === 'media' && a.side && s.partyCodes.has(a.side) && a.side !== s.statementReporter.side) {
        frame = a;
        break;
      }
    }
  }
  // "According to the Kyrgyz agency Turmush, shots were fired at dawn. They were reportedly fired
  // from the Tajik side": the side cited goes on speaking in the sentences of its paragraph.
  if (frame) s.lastFrame = { paragraph: sentence.paragraph, frame };
  else if (s.lastFrame?.paragraph === sentence.paragraph && 'cited' in s.lastFrame.frame && s.lastFrame.frame.cited) frame = s.lastFrame.frame;
  // A third country's relay tells a paragraph that cites no source in its own name.
  const relayed = frame === null && s.relay !== null && s.relay.both.has(sentence.paragraph) ? s.relay : null;
  const militaryNamed = inside.inside(s.trig.military, clause).length > 0;
  // "fired at a patrol near the village of X": with a military target named, a village that
  // only locates it («у села», "near the village of") affects no civilians.
  const civilianNamed = inside.inside(s.trig.civilian, clause).some((m) => !(militaryNamed && locatesOnly(s.low, m)));
  return {
    clause,
    sentence,
    negated: inside.inside(s.cues.negation, clause),
    modal,
    blame: inside.inside(s.cues.blame, clause),
    cDates: inside.inside(s.dates, clause),
    cClocks: inside.inside(s.clocks, clause),
    cPlaces,
    cParties,
    // "shot down a Kyrgyz drone", «огонь по беспилотнику»: a drone fired at (inside a fire
    // exclusion) is the target, not a weapon of the clause; so is a tank or gun fired at.
    cWeapons: inside.inside(s.trig.weapons, clause).filter((w) => (w.class !== 'air' || !withinAny(s.trig.fireExclusions, w)) && !WEAPON_TARGETED.test(s.low.slice(Math.max(clause.start, w.start - 40), w.start))),
    reporter: frame
      ? { agency: 'agency' in frame ? frame.agency.name : s.statementReporter.agency, side: frame.side }
      : relayed
        ? { agency: relayed.agency, side: relayed.side }
        : s.statementReporter,
    reporterEvidence: frame ?? (relayed ? null : s.statementReporterEvidence),
    mutual: null,
    militaryNamed,
    civilianNamed,
    borderSectionNamed: inside.inside(s.trig.borderSection, clause).length > 0,
  };
}

export function underModal(c: ClauseView, pos: number): boolean {
  for (const w of c.modal) if (pos >= w.start && pos < w.end) return true;
  return false;
}

/** Not under modality and not a blame phrase ("opened fire first"). */
function isActive(c: ClauseView, m: Match): boolean {
  if (underModal(c, m.start)) return false;
  for (const b of c.blame) if (m.start < b.end && b.start < m.end) return false;
  return true;
}

export function activeIn(c: ClauseView, list: readonly Match[]): Match[] {
  const out: Match[] = [];
  for (const m of list) if (isActive(c, m)) out.push(m);
  return out;
}

export function mutualIn(s: Scan, c: ClauseView): boolean {
  if (c.mutual === null) c.mutual = MUTUAL_BLAME.test(s.low.slice(c.sentence.start, c.sentence.end));
  return c.mutual;
}
