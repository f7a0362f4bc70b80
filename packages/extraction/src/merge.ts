/**
 * Merging of the mentions of one event: repeated mentions of a type on one day and area, weak
 * summary words ("the shelling") into the attack they sum up, agreements one per day told.
 */
import { addDays } from './dates.ts';
import { ev, pushAll, VIOLENT, type Draft } from './draft.ts';
import type { EventType } from './types.ts';

function hasPlace(d: Draft, id: string): boolean {
  for (const p of d.places) if (p.place.id === id) return true;
  return false;
}

export function placesOverlap(a: Draft, b: Draft): boolean {
  if (a.places.length === 0 || b.places.length === 0) return true;
  for (const p of b.places) if (hasPlace(a, p.place.id)) return true;
  // A place inside the other's district or region is the same area.
  for (const p of b.places) for (const q of a.places) if (p.place.parent === q.place.id || q.place.parent === p.place.id) return true;
  return false;
}

export function absorb(into: Draft, from: Draft, withPlaces = true): void {
  if (withPlaces) {
    // Only the places `into` had before: a place repeated in `from` is added each time, as before.
    const had = into.places.length;
    for (const p of from.places) {
      let seen = false;
      for (let i = 0; i < had; i++) if (into.places[i]?.place.id === p.place.id) seen = true;
      if (!seen) into.places.push(p);
    }
  }
  into.date ??= from.date;
  into.part ??= from.part;
  into.clock ??= from.clock;
  into.actor ??= from.actor;
  into.actorEvidence ??= from.actorEvidence;
  // A running total ("in all 59 were killed") outranks a partial count told with the episode.
  // Of two totals, the one told later is the update. An event dated and told with its own toll
  // ("attacked X on 23 December, killing one") keeps it: a conflict-wide total is not its.
  const total = into.date === null && from.casualtyTotal && (!into.casualtyTotal || from.trigger.start > into.trigger.start);
  into.killed = total ? (from.killed ?? into.killed) : (into.killed ?? from.killed);
  into.wounded = total ? (from.wounded ?? into.wounded) : (into.wounded ?? from.wounded);
  into.casualtyTotal ||= from.casualtyTotal;
  into.displaced ??= from.displaced;
  into.zero ||= from.zero;
  pushAll(into.casualtyEvidence, from.casualtyEvidence);
  pushAll(into.dateEvidence, from.dateEvidence);
  into.extraEvidence.push(ev('type', from.trigger));
  if (into.civilians === null) into.civilians = from.civilians;
  else if (from.civilians === true) into.civilians = true;
  for (const w of from.weapons) if (!into.weapons.some((x) => x.name === w.name)) into.weapons.push(w);
  into.merged++;
  into.mutual ||= from.mutual;
  // "…one of the sides used weapons. Civilians fired a hunting rifle": the shooters told in a
  // detail of no side keep the episode from being held against the other side by default.
  into.unknownAgent ||= from.unknownAgent && into.actor === null;
}

/** A mention with no day, place or time: a summary ("the shelling") that joins a specific one. */
function isEmptyDraft(x: Draft): boolean {
  return x.date === null && x.places.length === 0 && !x.clock;
}

/** Each side's version of an episode is its own claim (SCHEMA: a claim of its reporter). */
function sameReporter(a: Draft, b: Draft): boolean {
  // Sides that blame each other tell one episode.
  return a.reporter.side === null || b.reporter.side === null || a.reporter.side === b.reporter.side || a.mutual || b.mutual || citedInRelay(a, b) || citedInRelay(b, a);
}

/**
 * "Fighting broke out on Thursday. According to Bangkok, Cambodia shelled…": a relay's own words
 * (no source in the text) and the side it then cites tell one episode, in that side's claim.
 */
function citedInRelay(cited: Draft, own: Draft): boolean {
  const e = cited.reporterEvidence as { cited?: boolean } | null;
  return e !== null && e.cited === true && own.reporterEvidence === null;
}

/**
 * "The Tajik side is firing mortars along the whole border … At 06:30 it shelled Kok-Tash": the
 * attack told as going on, with no place or clock of its own, is the state of the conflict, not
 * the episode told at its clock time.
 */
const HEAVY_FIRE: ReadonlySet<EventType> = new Set(['heavy_weapons_fire', 'air_or_drone_strike']);

function stateBesideEpisode(a: Draft, b: Draft): boolean {
  return a.ongoing && a.clock === null && a.places.length === 0 && HEAVY_FIRE.has(a.type) && b.clock !== null && !b.ongoing;
}

function sameEvent(o: Draft, d: Draft, lead: Draft | null = null): boolean {
  if (stateBesideEpisode(o, d) || stateBesideEpisode(d, o)) return false;
  // Each side's build-up is its own: troops massed by both sides are never one act, as an
  // exchange of fire is one clash.
  if (o.type === 'military_buildup' && o.actor !== null && d.actor !== null && o.actor !== d.actor) return false;
  return (
    o.strength === 'strong' &&
    sameReporter(o, d) &&
    (o.type === d.type || mixedWeapons(o, d, lead)) &&
    // One of the two undated: a mention without its day ("during a shootout near the pass",
    // then "the shootout happened yesterday at 17:00") is the same event where the places agree.
    (((o.date === d.date || o.date === null || d.date === null) && placesOverlap(o, d) && !(o.clock && d.clock && (o.clock.hh !== d.clock.hh || o.clock.mm !== d.clock.mm))) ||
      isEmptyDraft(d) ||
      isEmptyDraft(o))
  );
}

/**
 * "The shooting happened at about noon near Bulak-Bashy. … The Tajik side opened fire and used
 * mortars": fire told with no weapon named and, a sentence or two away, the same side's fire typed
 * by its guns are one attack, typed by its heaviest weapon (SCHEMA: one attack, whatever mix of
 * weapons it uses). Two clock times apart keep them two (sameEvent checks the clocks).
 */
function mixedWeapons(a: Draft, b: Draft, lead: Draft | null): boolean {
  const [bare, typed] = bareFire(a) ? [a, b] : bareFire(b) ? [b, a] : [null, null];
  if (!bare || !typed || typed.type !== 'heavy_weapons_fire' || typed.weapons.length === 0) return false;
  if (bare.actor !== null && typed.actor !== null && bare.actor !== typed.actor) return false;
  // "Tajik troops opened fire on Kyrgyz posts today, the Border Service said.¶«At 14:20 they
  // shelled the Ak-Sai outpost with mortars»": the statement's lead, told before the detail in
  // its own or the next paragraph, sums that detail up.
  if (bare === lead && bare.clock === null && typed.trigger.start > bare.trigger.start && typed.clause.paragraph <= bare.clause.paragraph + 1) return true;
  // The bare mention is the episode's lead, told at its time of day; fire named in passing with
  // no time («при обстреле пострадал…») is as likely another attack.
  if (bare.clock === null && bare.part === null) return false;
  return a.clause.paragraph === b.clause.paragraph && Math.abs(a.clause.sentence - b.clause.sentence) <= 2;
}

/** A weak attack word can join `s` when their days and places agree. */
function compatible(w: Draft, s: Draft): boolean {
  // "…killed in the attack" told by the other side is the toll of the one side's attack told;
  // "…killed in the shootout" is that side's version of the fighting, a claim of its own.
  if (!sameReporter(w, s) && !(w.anaphoric && w.clashWord === null) && !w.confirms) return false;
  // "Large-scale clashes began on Friday morning": an episode told at its time of day is no
  // mention of the fire told as going on now.
  if (w.clashWord && s.ongoing && !s.clock && (w.part || w.clock)) return false;
  // "Clashes began on Friday morning" is not the shelling "at 22:20" the same day.
  if (w.clock && s.clock && (w.clock.hh !== s.clock.hh || w.clock.mm !== s.clock.mm) && (w.date === s.date || w.carried)) return false;
  if (!w.carried && w.date !== null && w.date === s.date && otherTime(w, s)) return false;
  // "In the morning they fired at Kulundu. In the evening the fire was repeated near Maksat": fire
  // told at another part of the same day, at other places or told as renewed, is another episode.
  if (!w.carried && !w.clock && !s.clock && w.part && s.part && w.part !== s.part && w.date === s.date && ((w.places.length > 0 && s.places.length > 0 && !placesOverlap(s, w)) || w.renewed)) return false;
  return w.date === null || w.carried || (s.date === w.date && (w.places.length === 0 || s.places.length === 0 || placesOverlap(s, w)));
}

const PART_HOURS: Record<string, [number, number]> = { morning: [5, 12], afternoon: [12, 18], evening: [18, 24], night: [22, 30] };

/** Told at another time of the day: two clock times apart, or a clock outside the other's part of day. */
function otherTime(a: Draft, b: Draft): boolean {
  if (a.clock && b.clock) return Math.abs(a.clock.hh * 60 + a.clock.mm - (b.clock.hh * 60 + b.clock.mm)) > 60;
  const [k, p] = a.clock && b.part ? [a.clock, b.part] : b.clock && a.part ? [b.clock, a.part] : [null, null];
  if (!k || !p) return false;
  const [from, to] = PART_HOURS[p] ?? [0, 24];
  const h = k.hh < 6 && p === 'night' ? k.hh + 24 : k.hh;
  return h < from - 1 || h >= to + 1;
}

/** Merges mentions of one event: weak attack words into the specific attack, repeats of a type. */
export function mergeDrafts(drafts: Draft[]): Draft[] {
  // 1. Repeated mentions of one event of the same type (same day, same area).
  const list: Draft[] = [];
  // The statement's first attack told: its lead (mixedWeapons).
  let lead: Draft | null = null;
  for (const d of drafts) if (VIOLENT.has(d.type) && d.strength === 'strong' && (!lead || d.trigger.start < lead.trigger.start)) lead = d;
  for (const d of drafts) {
    // Weak mentions are placed by step 2, by their position in the text.
    if (d.strength === 'weak') {
      list.push(d);
      continue;
    }
    let i = 0;
    while (i < list.length && !sameEvent(list[i] as Draft, d, lead)) i++;
    const twin = list[i];
    if (twin && twin.type !== d.type) {
      // Mixed weapons (mixedWeapons): the heaviest class types the attack, the lead's time dates it.
      const bare = bareFire(twin) ? twin : d;
      const typed = bare === twin ? d : twin;
      if (!bare.carried && bare.date !== null && (typed.date === null || typed.carried)) {
        typed.date = bare.date;
        typed.carried = false;
      }
      typed.clock ??= bare.clock;
      if (!typed.clock) typed.part ??= bare.part;
      twin.type = d.type = 'heavy_weapons_fire';
    }
    if (!twin) list.push(d);
    else if (isEmptyDraft(twin) && !isEmptyDraft(d)) {
      // The later, specific mention carries the event; the summary before it adds to it.
      absorb(d, twin);
      list[i] = d;
    } else absorb(twin, d);
  }
  foldRestatedFire(list);
  // 2. Weak attack words ("the shooting", «в результате обстрела») join a compatible attack:
  // the nearest one before them, else the nearest after.
  const weak: Draft[] = [];
  const result: Draft[] = [];
  for (const d of list) {
    if (VIOLENT.has(d.type) && d.strength === 'weak') weak.push(d);
    else result.push(d);
  }
  const strong = result.filter((d) => VIOLENT.has(d.type));
  const weakKept: Draft[] = [];
  for (const w of weak) {
    const at = w.trigger.start;
    // The nearest compatible attack before (strong or kept weak), else the nearest strong one after.
    let before: Draft | null = null;
    for (const s of strong) if (s.trigger.start < at && compatible(w, s) && (!before || s.trigger.start > before.trigger.start)) before = s;
    for (const s of weakKept) if (s.trigger.start < at && compatible(w, s) && (!before || s.trigger.start > before.trigger.start)) before = s;
    let after: Draft | null = null;
    if (!before) for (const s of strong) if (s.trigger.start > at && compatible(w, s) && (!after || s.trigger.start < after.trigger.start)) after = s;
    // "Tajik troops opened fire on the post at Kok-Tash. … In all, 34 people were killed": a running
    // total told in a paragraph of its own after a specific attack is tied to no event, the whole
    // episode's, coded once as a clash (SCHEMA "Numbers"); a lead total goes on the attack it heads.
    if (before && runningTotal(w) && farAttack(w, before)) {
      before = null;
      for (const s of strong) if (s.trigger.start > at && compatible(w, s) && !farAttack(w, s) && (!after || s.trigger.start < after.trigger.start)) after = s;
    }
    // "burned … as a result of the attack": the attack is the cause of the other event told.
    const target =
      before ??
      after ??
      result.find((d) => d.clause === w.clause && !VIOLENT.has(d.type) && d.type !== 'ceasefire_agreement' && d.type !== 'violation_allegation');
    // "The Tajik side opened fire. Then a short exchange of fire took place", "Large-scale clashes
    // began on Friday morning": an exchange or clash told with its own day or time of day is the
    // episode both sides fought, an event of its own beside one side's act (a shot, then a clash).
    if (
      target &&
      w.clashWord &&
      target.actor !== null &&
      !target.mutual &&
      target.type !== 'armed_clash' &&
      // (An undated clash word a paragraph later, "clashes broke out this week", is no sequel.)
      ((ownTime(w) && !leadSummary(w, target)) || (bareFire(target) && target.trigger.start < w.trigger.start && followsOrCounts(w, target) && w.clause.sentence - target.clause.sentence <= 2)) &&
      !(w.clashWord === 'exchange' && typedNear(result, w))
    ) {
      const told = weakKept.find((k) => k.clashWord && compatible(w, k));
      if (told) absorb(told, w);
      else {
        // The clash the side's fire began is blamed on that side (SCHEMA "Who").
        w.actor ??= target.actor;
        if (w.date === null) w.date = target.date;
        weakKept.push(w);
      }
      continue;
    }
    if (target) {
      if (
        target.strength === 'weak' &&
        weakRank(w.type) > weakRank(target.type) &&
        !(target.clashWord === 'exchange' && bareFire(w))
      )
        target.type = w.type;
      // Shooting no one side is told to have opened, with the exchange told of it: one clash.
      else if (w.clashWord === 'exchange' && bareFire(target) && (target.actor === null || target.mutual)) {
        target.type = 'armed_clash';
        target.clashWord = 'exchange';
      }
      absorb(target, w, (w.date !== null && !w.carried) || target.places.length === 0);
    } else weakKept.push(w);
  }
  // "the aggression", «в результате атак», with no attack of the statement to join, no day of its
  // own and no toll: a word that sums the whole dispute up, no event (SCHEMA: background). With a
  // toll it is the episode's running total, coded once as a clash (SCHEMA "Numbers").
  // "59 killed as a result of the aggression … Shooting began on the morning of 16 September": an
  // undated toll of the conflict goes on the statement's main violent event (SCHEMA "Numbers"),
  // the first one told with a day, not a clash of its own.
  const main = [...result, ...weakKept].filter((d) => VIOLENT.has(d.type) && d.date !== null).sort((a, b) => a.trigger.start - b.trigger.start);
  for (const w of weakKept) {
    // A toll of unknown size ("dozens of victims") is a toll too.
    if (w.date === null && w.type === 'armed_clash' && !w.part && !w.clock && (w.killed !== null || w.wounded !== null || w.zero || w.casualtyEvidence.length > 0)) {
      const into = main.find((d) => d !== w && sameReporter(d, w));
      if (into && !(runningTotal(w) && farAttack(w, into))) {
        absorb(into, w, false);
        continue;
      }
    }
    if (!(w.date === null && w.type === 'armed_clash' && SUMMARY.test(w.trigger.text.toLowerCase()) && w.killed === null && w.wounded === null && !w.zero && !toldAttack(w)))
      result.push(w);
  }
  result.sort((a, b) => a.trigger.start - b.trigger.start);
  return result;
}

/**
 * A running total told on its own ("In all, 34 were killed"), no attack word in its clause; a
 * body's count of one or two hurt ("one border guard was wounded, the ministry said") is the
 * detail of an attack, not a total.
 */
function runningTotal(w: Draft): boolean {
  if (w.anaphoric || w.toll === null) return false;
  return w.toll === 'total' || (w.killed ?? 0) + (w.wounded ?? 0) >= 3;
}

/** A specific attack told in another paragraph than the toll. */
function farAttack(w: Draft, x: Draft): boolean {
  return x.strength === 'strong' && x.clause.paragraph !== w.clause.paragraph;
}

/**
 * A clash word after one side's fire that is an episode of its own: told in the next sentence of
 * the narrative ("…opened fire. Then a short shootout took place") or with a toll of its own. A
 * clash word further on with neither ("the renewed hostilities threaten the truce") sums up the
 * fire told, no new event.
 */
function followsOrCounts(w: Draft, fire: Draft): boolean {
  return w.killed !== null || w.wounded !== null || w.zero || w.clause.sentence <= fire.clause.sentence + 1;
}

/**
 * "On Wednesday border guards of the two countries exchanged fire on another section. … The Tajik
 * side opened fire on the post at Kak-Sai": an exchange told before the side's fire with only a day
 * of its own (no time of day, no place) is the lead that sums that fire up, not another episode.
 */
function leadSummary(w: Draft, fire: Draft): boolean {
  return w.trigger.start < fire.trigger.start && w.clock === null && w.part === null && w.places.length === 0;
}

/**
 * "Tajikistan began massive shelling with mortars of the water intake. According to the press
 * service, Tajikistan opened fire today at 14.00.": fire with no weapon class, told with its own
 * day right after an undated attack typed by its weapons (same actor, reporter and area), restates
 * that attack and dates it; the lead and its detail are one event.
 */
function foldRestatedFire(list: Draft[]): void {
  for (let i = list.length - 1; i > 0; i--) {
    const d = list[i] as Draft;
    if (d.strength !== 'strong' || !bareFire(d) || d.date === null || d.carried || d.actor === null) continue;
    let lead: Draft | null = null;
    for (let j = i - 1; j >= 0 && !lead; j--) {
      const p = list[j] as Draft;
      if (p.strength !== 'strong' || !VIOLENT.has(p.type)) continue;
      if (p.date === null && p.weapons.length > 0 && (p.actor === d.actor || p.actor === null) && sameReporter(p, d) && d.clause.sentence - p.clause.sentence <= 2 && placesOverlap(p, d)) lead = p;
      else break;
    }
    if (!lead) continue;
    absorb(lead, d);
    list.splice(i, 1);
  }
}

/** An attack typed by a named weapon in the paragraph of `w` or next to it. */
function typedNear(drafts: readonly Draft[], w: Draft): boolean {
  const p = w.clause.paragraph;
  return drafts.some(
    (d) => VIOLENT.has(d.type) && d.weapons.length > 0 && Math.abs(d.clause.paragraph - p) <= 1,
  );
}

const SUMMARY =
  /^(?:armed )?(?:attack|aggress|атак|агресс|напад|вооружённ[а-яё]* напад|вооруженн[а-яё]* напад)/;

/**
 * "Tajik troops attacked border posts in Batken region", «таджикская сторона атаковала объекты в
 * Баткенской области»: an attack told with its side and its place is an act told, undated as it
 * may be; only "the aggression" or an attack with neither sums the dispute up.
 */
function toldAttack(w: Draft): boolean {
  return w.actor !== null && w.places.length > 0 && !AGGRESSION.test(w.trigger.text.toLowerCase());
}

const AGGRESSION = /^(?:aggress|агресс)/;

/** A mention told with its own day (not carried), part of day or clock time. */
function ownTime(d: Draft): boolean {
  return (d.date !== null && !d.carried) || d.part !== null || d.clock !== null;
}

/** Fire with no weapon class named (small arms by default). */
function bareFire(d: Draft): boolean {
  return d.type === 'small_arms_fire' && d.weapons.length === 0;
}

function weakRank(t: EventType): number {
  return t === 'air_or_drone_strike' ? 4 : t === 'heavy_weapons_fire' ? 3 : t === 'small_arms_fire' ? 2 : 1;
}

/** Two mentions timed by clocks of the same kind (both reached, or both taking effect) an hour or more apart. */
function otherClock(a: Draft, b: Draft): boolean {
  const ka = a.agreementStart ?? a.clock;
  const kb = b.agreementStart ?? b.clock;
  if (!ka || !kb || (a.agreementStart === null) !== (b.agreementStart === null)) return false;
  return Math.abs(ka.hh * 60 + ka.mm - (kb.hh * 60 + kb.mm)) >= 60;
}

/** How specific a mention is: a date, a time, places. */
function specificity(d: Draft): number {
  return (d.date ? 4 : 0) + (d.clock || d.part ? 2 : 0) + (d.places.length ? 1 : 0);
}

/**
 * Mentions of agreements (or allegations) are one per day told: "agreed on 28 January… the
 * ceasefire took effect" is one, a truce on 16 September and another on 19 September are two.
 * Undated mentions join the most specific one.
 */
/** An agreement verb telling its entry into force ("took effect", «вступит в силу»). */
const TAKES_EFFECT = /(?:effect|force|вступ|действовать)/;

export function keepOne(events: Draft[], type: EventType): Draft[] {
  const same = events.filter((e) => e.type === type);
  if (same.length <= 1) return events;
  const byDay = new Map<string, Draft[]>();
  for (const e of same) {
    if (!e.date) continue;
    // "approved on the evening of 26 November … took effect at 04:00 on 27 November": reached one
    // day, in force the next, one agreement, dated when it takes effect (SCHEMA).
    const next = addDays(e.date, 1);
    // «перемирие вступит в силу с рассвета 29 июля»: the day it takes effect, with no clock, too.
    // "Sept 15 — the sides have reached a ceasefire … from 8:00 p.m. on September 14": told the day
    // after it took effect, the same agreement too.
    const prev = addDays(e.date, -1);
    const inForce = e.agreementStart || TAKES_EFFECT.test(e.trigger.text.toLowerCase()) ? undefined : same.find((k) => k.agreementStart && k.date === prev) ?? same.find((k) => (k.agreementStart || TAKES_EFFECT.test(k.trigger.text.toLowerCase())) && k.date === next);
    if (inForce) {
      absorb(inForce, e);
      continue;
    }
    const group = byDay.get(e.date) ?? [];
    byDay.set(e.date, group);
    // "At 14:30 the parties agreed on a ceasefire … At 19:00 they reached another": a day's
    // agreements told at other clock times are other agreements.
    const i = group.findIndex((k) => !otherClock(k, e));
    const kept = group[i];
    if (!kept) group.push(e);
    else if (specificity(e) > specificity(kept)) {
      absorb(e, kept);
      group[i] = e;
    } else absorb(kept, e);
  }
  const dated = [...byDay.values()].flat();
  const best = dated.length > 0 ? dated.reduce((a, b) => (specificity(b) > specificity(a) ? b : a)) : same.reduce((a, b) => (specificity(b) > specificity(a) ? b : a));
  for (const o of same) if (!o.date && o !== best) absorb(best, o);
  const keep = new Set(dated.length > 0 ? dated : [best]);
  return events.filter((e) => e.type !== type || keep.has(e));
}

/** Days between the statement's latest event and an episode it recalls as background. */
const EPISODE_GAP_DAYS = 5;

function dayNumber(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 86_400_000;
}

/**
 * "…fired along the LoC on 6 May. Tensions rose after the attack of 22 April": an event dated
 * days before the statement's latest one and told after it is the background of that event, an
 * earlier episode repeated (SCHEMA "What is not an event"). A chronology told in order (the
 * earlier day first) is kept, and so is an episode told as still going on ("the conflict that
 * resumed on 7 December continues"). Agreements are the yardstick of the events, not an episode.
 */
export function dropEarlierEpisodes(events: Draft[]): Draft[] {
  let latest = -Infinity;
  for (const e of events)
    if (e.date && e.type !== 'ceasefire_agreement') latest = Math.max(latest, dayNumber(e.date));
  if (latest === -Infinity) return events;
  let latestAt = Infinity;
  for (const e of events)
    if (e.date && e.type !== 'ceasefire_agreement' && dayNumber(e.date) === latest)
      latestAt = Math.min(latestAt, e.trigger.start);
  return events.filter(
    (e) =>
      !(
        !e.ongoing &&
        e.date &&
        e.type !== 'ceasefire_agreement' &&
        latest - dayNumber(e.date) >= EPISODE_GAP_DAYS &&
        e.trigger.start > latestAt
      ),
  );
}

/**
 * "A Tajik drone entered Kyrgyz airspace and struck a border post": a drone's flight told with
 * its strike in one sentence is that strike, not an incursion beside it (SCHEMA: a drone entering
 * the other side's airspace without striking is an incursion).
 */
export function dropStrikingFlights(events: Draft[]): Draft[] {
  return events.filter(
    (e) =>
      !(
        e.type === 'incursion' &&
        e.merged === 0 &&
        e.weapons.length > 0 &&
        e.weapons.every((w) => w.class === 'air') &&
        events.some(
          (x) =>
            x.type === 'air_or_drone_strike' &&
            x.clause.sentence === e.clause.sentence &&
            x.trigger.start > e.trigger.start &&
            x.actor !== null &&
            x.actor === e.actor &&
            x.date === e.date,
        )
      ),
  );
}
