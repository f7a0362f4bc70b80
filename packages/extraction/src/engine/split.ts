/**
 * One draft per day and per clock time a clause gives. A stage of the engine (see ../engine.ts).
 */
import type { ClockMention } from '../dates.ts';
import { copyDraft, type Draft, VIOLENT } from '../draft.ts';
import type { PlaceMention } from '../places.ts';
import type { ClauseView } from './clause.ts';
import type { Scan } from './scan.ts';

export const PLACE_THEN_DATE = /^\s*(?:on|,)?\s*$/i;
// «16 сентября — Кулунду, 17 сентября — Максат»: a day before a dash heads the phrase after it.
const HEADS_PHRASE = /^\s*[—–]/;
// "Kulundu at 06:00", «Кулунду в 06:00»: a clock right after a place is its own.
const PLACE_THEN_CLOCK = /^\s*(?:(?:post|outpost|village|checkpoint|area|border post)\s+)?(?:at|around|about|at about|в|около|примерно в)?\s*$/i;

/** "shelled Arka on 16 September and Maksat on 17 September": one event per day and place. */
export function splitByDay(s: Scan, c: ClauseView, d: Draft, out: Draft[]): void {
  const dayMentions = c.cDates.filter((x) => x.role === 'event' && x.date && (x.kind === 'absolute' || x.kind === 'relative' || x.kind === 'weekday' || x.kind === 'night'));
  if (d.type === 'ceasefire_agreement' || d.type === 'violation_allegation' || new Set(dayMentions.map((x) => x.date)).size < 2 || d.places.length < 2) {
    out.push(d);
    return;
  }
  const byDate = new Map<string, PlaceMention[]>();
  for (const p of d.places) {
    // "Maksat on 17 September": a date right after the place is its own; else the one before.
    const after = dayMentions.find((x) => x.start >= p.end && PLACE_THEN_DATE.test(s.text.slice(p.end, x.start)) && !HEADS_PHRASE.test(s.text.slice(x.end, x.end + 3)));
    const before = after ?? dayMentions.filter((x) => x.end <= p.start).at(-1) ?? dayMentions.find((x) => x.start >= p.end);
    const key = before?.date ?? d.date ?? '';
    byDate.set(key, [...(byDate.get(key) ?? []), p]);
  }
  if (byDate.size < 2) {
    out.push(d);
    return;
  }
  for (const [date, ps] of byDate) {
    const dm = dayMentions.find((x) => x.date === date);
    const one = copyDraft(d);
    one.date = date;
    one.part = dm?.part ?? null;
    one.places = ps;
    one.dateEvidence = dm ? [dm] : d.dateEvidence;
    one.casualtyEvidence = [];
    one.extraEvidence = [...d.extraEvidence];
    one.weapons = [...d.weapons];
    out.push(one);
  }
}

/**
 * The places of each clock time ("at 06:00 shelled Kulundu, at 09:30 — Maksat", "fired at Kulundu
 * at 06:00 and at Maksat at 09:30"): a place takes the clock right after it, else the one before
 * it, else the first after. Null unless every clock time gets a place of its own.
 */
function placesByClock(s: Scan, places: readonly PlaceMention[], clocks: readonly ClockMention[]): Map<ClockMention, PlaceMention[]> | null {
  if (places.length < clocks.length) return null;
  const by = new Map<ClockMention, PlaceMention[]>();
  for (const p of places) {
    const after = clocks.find((k) => k.start >= p.end && PLACE_THEN_CLOCK.test(s.text.slice(p.end, k.start)));
    const k = after ?? clocks.filter((x) => x.end <= p.start).at(-1) ?? clocks.find((x) => x.start >= p.end);
    if (!k) return null;
    by.set(k, [...(by.get(k) ?? []), p]);
  }
  return clocks.every((k) => by.has(k)) ? by : null;
}

/** "fired mortars at 17:20 and again at 18:10": one attack per clock time of the clause. */
export function splitByClock(s: Scan, c: ClauseView, created: Draft[]): Draft[] {
  const clocks: ClockMention[] = [];
  for (const k of c.cClocks) if (k.role === 'event' && !clocks.some((x) => x.hh === k.hh && x.mm === k.mm)) clocks.push(k);
  if (clocks.length < 2) return created;
  const out: Draft[] = [];
  for (const d of created) {
    if (!VIOLENT.has(d.type) || d.strength !== 'strong') {
      out.push(d);
      continue;
    }
    const own = placesByClock(s, d.places, clocks);
    for (const k of clocks) {
      const one = copyDraft(d);
      one.clock = k;
      one.part = null;
      one.dateEvidence = [...d.dateEvidence.filter((m) => !clocks.includes(m as ClockMention)), k];
      one.casualtyEvidence = k === clocks[0] ? d.casualtyEvidence : [];
      one.extraEvidence = [...d.extraEvidence];
      one.weapons = [...d.weapons];
      one.places = [...(own?.get(k) ?? d.places)];
      out.push(one);
    }
  }
  return out;
}
