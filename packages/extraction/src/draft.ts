/**
 * The draft of an event: what the clause pass finds for one trigger, before mentions of one event
 * are merged and the output is written. Shared by the stages (frames, merging, time, output).
 */
import type { ClockMention, PartOfDay } from './dates.ts';
import type { WeaponMention } from './events.ts';
import type { PlaceMention } from './places.ts';
import type { Match } from './text/patterns.ts';
import type { Clause } from './text/segment.ts';
import type { EventType, Evidence, EvidenceField, Reporter } from './types.ts';

export type Strength = 'strong' | 'weak';

export interface Draft {
  type: EventType;
  clause: Clause;
  trigger: Match;
  strength: Strength;
  date: string | null;
  month: string | null;
  part: PartOfDay | null;
  clock: ClockMention | null;
  dateEvidence: Match[];
  places: PlaceMention[];
  actor: string | null;
  actorEvidence: Match | null;
  reporter: Reporter;
  reporterEvidence: Match | null;
  weapons: WeaponMention[];
  killed: number | null;
  wounded: number | null;
  displaced: number | null;
  casualtyTotal: boolean;
  zero: boolean;
  casualtyEvidence: Match[];
  civilians: boolean | null;
  borderSection: boolean;
  agreementStart: ClockMention | null;
  agreementTermsList: string[];
  agreementLevel: string | null;
  agreementEvidence: Match[];
  extraEvidence: Evidence[];
  merged: number;
  /** The day was carried from earlier in the statement, not told with the trigger. */
  carried: boolean;
  /** Both sides are told to have acted, or to blame each other. */
  mutual: boolean;
  /**
   * Told by an exchange word ("exchanged fire", «перестрелка») or a clash word ("clashes broke
   * out", «бои») alone, with no fire word, weapon class or shelling in its clause.
   */
  clashWord: 'exchange' | 'clash' | null;
  /**
   * Told as going on («продолжает применять минометы», "the Tajik side is firing mortars along
   * the whole border"): with no clock time, the state of the conflict, not a timed episode; an
   * episode begun days before and still going on is no background.
   */
  ongoing: boolean;
  /** Fired by "unknown persons" of no side named: the reporter accuses no one. */
  unknownAgent: boolean;
  /**
   * A summary word told as the one already told ("three were killed in the attack", «в ходе
   * этого обстрела»): that attack, whoever tells its toll.
   */
  anaphoric: boolean;
  /**
   * A toll told with no attack word of its own, as a running total: with a word of totals ('total':
   * "in all, 34 were killed", «всего погибли 12») or as a body's own count ('count': "the ministry
   * reported 34 killed").
   */
  toll: 'total' | 'count' | null;
  /** Told as renewed or repeated ("the shelling resumed", «обстрел повторился»). */
  renewed: boolean;
  /** Told as confirmed ("the shootout was confirmed by…", «факт перестрелки подтвердили»): the episode told, not the confirming side's own version. */
  confirms: boolean;
}

export const VIOLENT: ReadonlySet<EventType> = new Set(['small_arms_fire', 'heavy_weapons_fire', 'air_or_drone_strike', 'armed_clash']);
export function ev(field: EvidenceField, m: Match): Evidence {
  return { field, start: m.start, end: m.end, text: m.text };
}

/** A shallow copy (the arrays are shared, as with a spread). */
export function copyDraft(d: Draft): Draft {
  return {
    type: d.type,
    clause: d.clause,
    trigger: d.trigger,
    strength: d.strength,
    date: d.date,
    month: d.month,
    part: d.part,
    clock: d.clock,
    dateEvidence: d.dateEvidence,
    places: d.places,
    actor: d.actor,
    actorEvidence: d.actorEvidence,
    reporter: d.reporter,
    reporterEvidence: d.reporterEvidence,
    weapons: d.weapons,
    killed: d.killed,
    wounded: d.wounded,
    displaced: d.displaced,
    casualtyTotal: d.casualtyTotal,
    zero: d.zero,
    casualtyEvidence: d.casualtyEvidence,
    civilians: d.civilians,
    borderSection: d.borderSection,
    agreementStart: d.agreementStart,
    agreementTermsList: d.agreementTermsList,
    agreementLevel: d.agreementLevel,
    agreementEvidence: d.agreementEvidence,
    extraEvidence: d.extraEvidence,
    merged: d.merged,
    carried: d.carried,
    mutual: d.mutual,
    clashWord: d.clashWord,
    ongoing: d.ongoing,
    unknownAgent: d.unknownAgent,
    anaphoric: d.anaphoric,
    confirms: d.confirms,
    renewed: d.renewed,
    toll: d.toll,
  };
}

/** `into.push(...from)`, without the spread: the arrays may be one and the same (drafts share them). */
export function pushAll<T>(into: T[], from: readonly T[]): void {
  const n = from.length;
  for (let i = 0; i < n; i++) into.push(from[i] as T);
}

export function byStart(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}
