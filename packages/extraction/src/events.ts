/**
 * Event triggers in a clause and the type they give. One attack is one event whatever mix of
 * weapons it uses, typed by its heaviest weapon class; incursions, build-ups and deliberate
 * destruction are events of their own.
 */
import type { Vocabulary, WeaponClass } from './profile.ts';
import { byGroup, findGroups, listsOf, type Match } from './text/patterns.ts';
import type { EventType } from './types.ts';

/**
 * Damage words ("destroyed", «разрушены», «повреждён»): they tell what fire did, and damage from
 * fire is part of the fire event (SCHEMA). Only arson, looting or demolition is an act of its own.
 */
const DAMAGE_WORD = /^(?:destr|damag|разруш|уничтож|поврежд|повредил)/i;
/** "as a result of the conflict", «в результате обстрела», "by fire": the damage has its cause told. */
export const DAMAGE_CAUSE = /\b(?:as a result|result(?:ed|ing)? (?:of|from)|caused by|by (?:the )?(?:fire|shelling|strikes?|shells?)|from (?:the )?(?:fire|shelling|strikes?)|hit)\b|(?:^|[^а-яё])(?:в результате|огн[её]м|от обстрел|при обстрел|в ходе обстрел|снаряд)/i;

/** Burning: arson when done to the houses, the fire of the shells when shells are told its cause
 * ("burned down after rockets hit them"); "as a result of the attack" keeps it arson. */
export const BURN_WORD = /^(?:burn|torch|сгорел|сожж|сожг|поджог|подожг)/i;
export const BURN_CAUSE =
  /\b(?:due to (?:the )?(?:shelling|shells?|strikes?|rockets?|missiles?)|(?:rockets?|shells?|missiles?|strikes?) hit|by (?:the )?(?:shelling|shells?|strikes?|rockets?)|from (?:the )?(?:shelling|shells?|strikes?))\b|(?:от|при|в ходе|в результате) обстрел|снаряд/i;

export function isDamageWord(m: Match): boolean {
  return DAMAGE_WORD.test(m.text);
}

export interface WeaponMention extends Match {
  name: string;
  class: WeaponClass;
}

export interface TriggerSet {
  fire: Match[];
  weaponUse: Match[];
  shelling: Match[];
  clash: Match[];
  incursion: Match[];
  buildup: Match[];
  destruction: Match[];
  agreementVerbs: Match[];
  allegation: Match[];
  agreementExclusions: Match[];
  fireExclusions: Match[];
  weapons: WeaponMention[];
  civilian: Match[];
  military: Match[];
  borderSection: Match[];
}

const weaponListCache = new WeakMap<Vocabulary, string[][]>();
function weaponLists(v: Vocabulary): string[][] {
  let l = weaponListCache.get(v);
  if (!l) {
    l = v.weapons.map((w) => w.patterns);
    weaponListCache.set(v, l);
  }
  return l;
}

/** The matches that overlap no exclusion ("cease fire", "return fire"). */
function notExcluded(list: readonly Match[], exclusions: readonly Match[]): Match[] {
  const out: Match[] = [];
  for (const m of list) if (!exclusions.some((x) => m.start < x.end && x.start < m.end)) out.push(m);
  return out;
}

export function findTriggers(text: string, v: Vocabulary): TriggerSet {
  const dedup: WeaponMention[] = [];
  for (const m of findGroups(weaponLists(v), text)) {
    const w = v.weapons[m.group];
    if (w) dedup.push({ start: m.start, end: m.end, text: m.text, name: w.name, class: w.class });
  }
  // Exclusions and clash words share a pass: a clash word overlapping an exclusion is dropped
  // anyway, and at one position the exclusion wins.
  const excl = listsOf(v, 'exclusions', () => [v.fire_exclusions, v.clash]);
  const [fireExclusions = [], clashWords = []] = byGroup(findGroups(excl, text), 2);
  // Lists whose matches never need to overlap share one pass; at one position the earlier list
  // wins ("violation of the state border" is an incursion, not an allegation).
  const events = listsOf(v, 'events', () => [v.incursion, v.agreement_exclusions, v.buildup, v.destruction, v.allegation, v.agreement_verbs]);
  const [incursion = [], agreementExclusions = [], buildup = [], destruction = [], allegation = [], agreementVerbs = []] = byGroup(findGroups(events, text), 6);
  const targets = listsOf(v, 'targets', () => [v.border_section, v.military, v.civilian]);
  const [borderSection = [], military = [], civilian = []] = byGroup(findGroups(targets, text), 3);
  // Shelling words before firing words: where both match ("минометный огонь"), shelling wins.
  const attacks = listsOf(v, 'attacks', () => [v.shelling, v.fire, v.weapon_use]);
  const [shelling = [], fire = [], weaponUse = []] = byGroup(findGroups(attacks, text), 3);
  return {
    fire: notExcluded(fire, fireExclusions),
    weaponUse,
    shelling: notExcluded(shelling, fireExclusions),
    clash: notExcluded(clashWords, fireExclusions),
    incursion,
    buildup,
    destruction,
    agreementVerbs,
    allegation,
    agreementExclusions,
    fireExclusions,
    weapons: dedup,
    civilian,
    military,
    borderSection,
  };
}

const CLASS_RANK: Record<WeaponClass, number> = { small: 1, armour: 2, heavy: 3, air: 4 };

/** The type of an attack given the weapons named with it and the words used. */
export function attackType(weapons: readonly WeaponMention[], shelling: boolean, fire: boolean): EventType {
  let best: WeaponClass | null = null;
  for (const w of weapons) if (!best || CLASS_RANK[w.class] > CLASS_RANK[best]) best = w.class;
  if (best === 'air') return 'air_or_drone_strike';
  if (best === 'heavy' || best === 'armour') return 'heavy_weapons_fire';
  if (best === 'small') return 'small_arms_fire';
  if (shelling) return 'heavy_weapons_fire';
  if (fire) return 'small_arms_fire';
  return 'armed_clash';
}

/** ACLED type/sub-type and CAMEO code of our types (DOMAIN.md). */
export const CODEBOOK: Record<EventType, { acled: string | null; acled_sub: string | null; cameo: string | null }> = {
  small_arms_fire: { acled: 'Battles', acled_sub: 'Armed clash', cameo: '193' },
  heavy_weapons_fire: { acled: 'Explosions/Remote violence', acled_sub: 'Shelling/artillery/missile attack', cameo: '194' },
  air_or_drone_strike: { acled: 'Explosions/Remote violence', acled_sub: 'Air/drone strike', cameo: '195' },
  armed_clash: { acled: 'Battles', acled_sub: 'Armed clash', cameo: '190' },
  incursion: { acled: 'Strategic developments', acled_sub: 'Non-violent transfer of territory', cameo: '192' },
  property_destruction: { acled: 'Strategic developments', acled_sub: 'Looting/property destruction', cameo: null },
  military_buildup: { acled: 'Strategic developments', acled_sub: 'Other', cameo: '154' },
  ceasefire_agreement: { acled: 'Strategic developments', acled_sub: 'Agreement', cameo: '0871' },
  violation_allegation: { acled: null, acled_sub: null, cameo: '196' },
};
