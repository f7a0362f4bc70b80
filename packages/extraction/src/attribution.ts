/**
 * Who says what about whom: agencies (with the side each speaks for), reporting frames
 * ("according to X", "X said", «сообщили в X»), and mentions of the parties with their role
 * in the clause (actor, target, victim).
 */
import type { AgencyDef, ConflictProfile } from './profile.ts';
import { compileList, eachMatch, firstGroup, lower, patternSource, type Match } from './text/patterns.ts';

export interface AgencyMention extends Match {
  agency: AgencyDef;
  /** Resolved side (the agency's own, a qualifier such as "Kyrgyz", or the context). */
  side: string | null;
  /** The agency is the source of what the sentence says. */
  frame: boolean;
}

/** `bystander`: a side's person who only speaks or watches ("a Tajik blogger", "Lebanese sources"). */
export type PartyRole = 'actor' | 'explicit_actor' | 'target' | 'victim' | 'mutual' | 'bystander';

export interface PartyMention extends Match {
  side: string;
  role: PartyRole;
  /** The side is cited as the source ("according to Azerbaijan", «по заявлению Бангкока»): it reports. */
  cited?: boolean;
}

interface CompiledAttribution {
  agencies: RegExp;
  agencyList: AgencyDef[];
  parties: RegExp;
  partyCodes: string[];
  reportBefore: RegExp;
  reportAfter: RegExp;
  partyAtStart: RegExp;
  partyAtEnd: RegExp;
  /** The parties' capitals, a capture group per party (null when no party has one). */
  capitals: RegExp | null;
  /** The third parties (UN, OSCE…), a capture group each (null when the profile has none). */
  thirdParties: RegExp | null;
}

const L = '[0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF]';
const cache = new WeakMap<ConflictProfile, CompiledAttribution>();

function compile(profile: ConflictProfile): CompiledAttribution {
  const hit = cache.get(profile);
  if (hit) return hit;
  // One object shape for every agency (`armed` is optional in the profiles).
  const agencyList: AgencyDef[] = profile.agencies.map((a) => ({
    id: a.id,
    name: a.name,
    side: a.side,
    kind: a.kind,
    armed: a.armed,
    patterns: a.patterns,
  }));
  const agencies = new RegExp(
    `(?<!${L})(?:${agencyList.map((a) => `(${patternSource(a.patterns)})`).join('|')})(?!${L})`,
    'g',
  );
  const partyCodes = profile.parties.map((p) => p.code);
  // One capturing group per party, in the profile's order (a match's group index is its party).
  const partyAlternation = profile.parties.map((p) => `(${patternSource(p.patterns)})`).join('|');
  const parties = new RegExp(
    `(?<![0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF\\-–])(?:${partyAlternation})(?![0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF])(?!\\s?[-–]\\s?[A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF])`,
    'g',
  );
  const v = profile.vocabulary;
  const reportBefore = new RegExp(
    `(?<!${L})(?:${patternSource(v.report_before)})\\s+(?:the\\s+|a\\s+)?(?:latest\\s+)?(?:(?:data|information)\\s+(?:from|of)\\s+(?:the\\s+)?)?(?:press[- ](?:service|centre|center)\\s+of\\s+(?:the\\s+)?)?(?:(?:spokes(?:person|man|woman)|representative|press secretary|head|chairman)\\s+of\\s+(?:the\\s+)?|(?:представител|пресс-секретар|руководител|пресс-служб|пресс-центр)[а-яё]*\\s+)?(?:(?:государственн|национальн|федеральн)[а-яё]*\\s+|(?:state|national|federal)\\s+)?$`,
  );
  // Run on the lower-cased text (see text/patterns.ts): no `i` flag.
  const reportAfter = new RegExp(`^[^.;:!?]{0,45}?(?<!${L})(?:${patternSource(v.report_after)})(?!${L})`);
  const partyAtStart = new RegExp(
    `^(?:${partyAlternation})`,
  );
  const partyAtEnd = new RegExp(
    `(?:${partyAlternation})\\s*$`,
  );
  const capitals = profile.parties.some((p) => p.capitals && p.capitals.length > 0)
    ? new RegExp(
        `(?<!${L}|-)(?:${profile.parties.map((p) => `(${p.capitals && p.capitals.length > 0 ? patternSource(p.capitals) : '(?!)'})`).join('|')})(?!${L})`,
        'g',
      )
    : null;
  const thirdParties =
    profile.third_parties.length > 0
      ? new RegExp(`(?<!${L})(?:${profile.third_parties.map((t) => `(${patternSource(t.patterns)})`).join('|')})(?!${L})`, 'g')
      : null;
  const c = {
    agencies,
    agencyList,
    parties,
    partyCodes,
    reportBefore,
    reportAfter,
    partyAtStart,
    partyAtEnd,
    capitals,
    thirdParties,
  };
  cache.set(profile, c);
  return c;
}

/** The agency a `source_agency` string names, if the profile knows it. */
export function agencyOfSource(
  source: string | null | undefined,
  profile: ConflictProfile,
): AgencyDef | null {
  if (!source) return null;
  const c = compile(profile);
  c.agencies.lastIndex = 0;
  const m = c.agencies.exec(lower(source));
  if (!m) return null;
  const i = firstGroup(m);
  return c.agencyList[i] ?? null;
}

/** The side a qualifier right next to [start, end) names ("Tajik Ministry of Health", "МИД Таджикистана"). */
function qualifierSide(text: string, start: number, end: number, profile: ConflictProfile): string | null {
  const c = compile(profile);
  const low = lower(text);
  const after = low.slice(end, end + 40);
  const before = low.slice(Math.max(0, start - 25), start);
  const m1 = /^\s*(?:of|for)?\s*(?:the\s+)?(?:republic\s+of\s+)?/.exec(after);
  const tail = after.slice(m1?.[0].length ?? 0);
  const pm = c.partyAtStart.exec(tail);
  if (pm) return c.partyCodes[firstGroup(pm)] ?? null;
  const bm = c.partyAtEnd.exec(before.replace(/['’]s\s*$/, ' '));
  if (bm) return c.partyCodes[firstGroup(bm)] ?? null;
  return null;
}

/** Agencies in `text`, with their side and whether they frame a report. */
export function findAgencies(
  text: string,
  profile: ConflictProfile,
  contextSide: string | null,
): AgencyMention[] {
  const c = compile(profile);
  const out: AgencyMention[] = [];
  const low = lower(text);
  c.agencies.lastIndex = 0;
  for (let m = c.agencies.exec(low); m !== null; m = c.agencies.exec(low)) {
    if (m[0].length === 0) {
      c.agencies.lastIndex++;
      continue;
    }
    const i = firstGroup(m);
    const agency = c.agencyList[i];
    if (!agency) continue;
    const start = m.index;
    const end = start + m[0].length;
    const side = agency.side ?? qualifierSide(text, start, end, profile) ?? contextSide;
    const before = low.slice(Math.max(0, start - 70), start);
    const after = low.slice(end, end + 60);
    const frame =
      c.reportBefore.test(before) ||
      speaksAfter(c.reportAfter.exec(after)) ||
      SPEAKS_BEFORE.test(before) ||
      SPEAKS_AFTER.test(after);
    out.push({ start, end, text: text.slice(start, end), agency, side, frame });
  }
  // «пресс-центр Пограничных войск Государственного комитета национальной безопасности (ГКНБ)
  // Таджикистана»: a body named in the genitive chain of a speaking one is the same speaker.
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1] as AgencyMention;
    const cur = out[i] as AgencyMention;
    if (
      prev.frame &&
      !cur.frame &&
      cur.start - prev.end <= 60 &&
      GENITIVE_CHAIN.test(low.slice(prev.end, cur.start))
    )
      cur.frame = true;
  }
  return out;
}

/**
 * The reporting verb after an agency is its own, unless a single comma parts them and the verb
 * opens the next phrase: "the Israeli army struck the south, the agency reports", «армия нанесла
 * удары, сообщает агентство» (the verb's subject follows it). An aside between two commas
 * ("the ministry, in a statement, said") keeps the agency the speaker.
 */
function speaksAfter(m: RegExpExecArray | null): boolean {
  if (m === null) return false;
  const s = m[0];
  const comma = s.indexOf(',');
  return comma < 0 || comma !== s.lastIndexOf(',') || !/,\s*\S+$/.test(s) || !OWN_VERB.test(s.slice(0, comma));
}
// A finite verb of the agency's own before the comma («нанесла», "struck", "opened").
const OWN_VERB = /(?:^|\s)(?:[а-яё]{2,}(?:ла|ли|ло|ет|ют|ут|ит|ят)|[a-z]{2,}ed|struck|hit|shot|began|broke|took|fought|left)(?=[\s,])/;

// An agency right after a press office ("the press centre of the Border Troops", «пресс-служба
// ГКНБ») or after a Russian reporting verb that puts its subject last («как сообщает
// Погранслужба», «сообщает в субботу, 17 сентября, пресс-центр ГКНБ») is the source that
// speaks, never the side that acts.
const SPEAKS_BEFORE =
  /(?:(?:^|[^a-z\u00C0-\u024F])press[- ](?:service|cent(?:re|er)|office|secretary)\s+of\s+(?:the\s+)?|(?:^|[^а-яё])пресс-(?:служб|центр|секретар)[а-яё]*\s+|(?:^|[^а-яё])(?:(?:сообща|отмеча|заявля|переда|информиру|уточня)(?:ет|ют)|пиш(?:ет|ут))\s+(?:[^.!?;]{0,40}?,\s+)?(?:(?:пресс-(?:служб|центр)|представител|официальн)[а-яё]*\s+)?[«"“]?)$/;
// "the Royal Thai Army spokesperson said", «МВД, его пресс-служба»: the agency's voice.
const SPEAKS_AFTER =
  /^(?:\s+of\s+(?:the\s+)?(?:republic\s+of\s+)?[a-z-]+)?(?:['’]s)?\s+(?:spokes(?:person|man|woman)|press (?:service|secretary|office|cent(?:re|er))|representative|пресс-(?:служб|секретар|центр)[а-яё]*|представител[а-яё]*)(?![a-zа-яё])/;

// The party named right after a preposition of direction, or as the object of an attack verb
// ("shelled Kyrgyz positions", «обстреляла кыргызский патруль»), is the target.
const TARGET_BEFORE =
  /(?:(?:^|[^A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:at|on|against|toward|towards|into|to|with|among|near)\s+(?:the\s+|a\s+|an\s+)?(?:positions?\s+of\s+(?:the\s+)?)?|(?:territory|positions?|outskirts|citizens|residents|population|families)\s+of\s+(?:the\s+)?(?:republic\s+of\s+)?|(?:^|[^A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:по|на|против|в направлении|в сторону|к)\s+(?:[а-яё«»"\-]+\s+){0,6}|(?:территори[июя]|позици(?:и|ям|ях)|населени[яе])\s+|(?:^|[^A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:shelled|attacked|targeted|hit|struck|bombed|pounded|raided|stormed|ambushed|обстрелял[а-яё]*|атаковал[а-яё]*)\s+(?:the\s+|a\s+|an\s+)?)$/;
const EXPLICIT_BEFORE =
  /(?:(?:^|[^A-Za-z\u00C0-\u024F\u0400-\u04FF])by\s+(?:the\s+)?|(?:^|[^A-Za-z\u00C0-\u024F\u0400-\u04FF])from\s+(?:the\s+)?(?:territory\s+of\s+(?:the\s+)?)?(?:republic\s+of\s+)?|со\s+стороны\s+|с\s+территории\s+)$/;
// Nouns only («обстрел кыргызской стороны»); the verb «обстрелял…» takes its target next.
const NOMINAL_BEFORE =
  /(?:invasion|attack|aggression|shelling|offensive|incursion|provocation)\s+(?:of|by)\s+(?:the\s+)?$|(?:нападени|агресси|вторжени|обстрел(?!ял|ива)|провокаци|удар(?!и[лв]|ят)|атак(?!ова|у[ею]))[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*\s+(?:[сc]о?\s+)?$/;
// "property of Kyrgyz citizens", «граждан Таджикистана»: the people hit, not the actor.
const VICTIM_NOUN_AFTER =
  /^\s+(?:citizens|residents|civilians|population|villages?|houses?|settlements?|territory|граждан[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|жител[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|мирн[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|сел[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|территори[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|населени[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const VICTIM_NOUN_BEFORE =
  /(?:citizens|residents|граждан[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|жител[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)\s+(?:of\s+)?(?:the\s+)?$/;
const VICTIM_BEFORE =
  /(?:погиб[а-яё]*|ранен[а-яё]*|убит[а-яё]*|пострадал[а-яё]*|killed|wounded|injured|killing|wounding)\s+(?:\S+\s+){0,5}$/;
const MUTUAL_BEFORE = /(?:between|между)\s+(?:the\s+)?(?:(?:border\s+)?(?:forces|troops|guards|armies|army|military|units|soldiers|servicemen)\s+of\s+(?:the\s+)?|(?:пограничник|военн|военнослужащ|подразделени|сил|арми|войск|наряд)[а-яё]*\s+)?$/;
// "between Israel and Lebanon's Hezbollah": the second side may be named through its country.
const MUTUAL_SECOND =
  /(?:between|между)\s+(?:the\s+)?[A-Za-z\u00C0-\u024F\u0400-\u04FF-]+\s+(?:and|и)\s+(?:[A-Za-z\u00C0-\u024F-]+['’]s\s+)?$/;
const VICTIM_AFTER =
  /^(?:[A-Za-z\u00C0-\u024F\u0400-\u04FF\s-]{0,40}?|,\s*)(?:(?:was|were|had been|have been)\s+(?:killed|wounded|injured|hurt)|received\s+(?:a\s+)?(?:gunshot\s+)?wound|погиб|ранен|получил|пострадал)/;
// «ранены гражданские лица и военнослужащие Кыргызской Республики»: further back, within the clause.
const VICTIM_HINT = /погиб|ранен|убит|пострада|kill|wound|injur/;
const VICTIM_FAR_BEFORE = /(?:погиб[а-яё]*|ранен[а-яё]*|убит[а-яё]*|пострадал[а-яё]*|killed|wounded|injured)\s+(?:[^\s,;:.!?]+\s+){0,5}$/;
// "left 2 Tajik servicemen dead": a toll's count names the people hit.
const LEFT_COUNT_BEFORE = /(?:^|[^a-z])left\s+(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens of)\s+$/;

function overlapsAgency(agencies: readonly AgencyMention[], s: number, e: number): boolean {
  for (const a of agencies) if (s < a.end && a.start < e) return true;
  return false;
}

/** The role of a party named at [start, end) of the lower-cased text, from its context. */
function partyRole(low: string, start: number, end: number): PartyRole {
  const before = low.slice(Math.max(0, start - 40), start);
  const lowBefore = before;
  // Cheap key-word checks guard the anchored patterns.
  const mayExplicit =
    lowBefore.includes('by') ||
    lowBefore.includes('from') ||
    lowBefore.includes('стороны') ||
    lowBefore.includes('территории') ||
    EXPLICIT_HINT.test(lowBefore);
  // "Tajik positions", "Kyrgyzstan's airspace", «таджикских застав»: the side owning the place hit,
  // unless the fire came from there ("from Kyrgyz positions", «с таджикских позиций»).
  if (OWNED_TARGET_AFTER.test(low.slice(end, end + 24)))
    return FROM_BEFORE.test(before) || (mayExplicit && EXPLICIT_BEFORE.test(before)) ? 'explicit_actor' : 'target';
  if (mayExplicit && (EXPLICIT_BEFORE.test(before) || NOMINAL_BEFORE.test(before))) return 'explicit_actor';
  // «обстрел с кыргызской стороны», «огонь вёлся с таджикской стороны»: where the fire came from,
  // unless the side's losses follow («с таджикской стороны ранены трое»).
  if (FROM_SIDE_BEFORE.test(before) && FROM_SIDE_AFTER.test(low.slice(end, end + 50))) return 'explicit_actor';
  // «КПП «Сархадчи» таджикского погранотряда», «позиции подразделений Кыргызстана»: the owner of
  // a post named in the genitive (a noun, or an adjective in the genitive).
  if (OWNER_HINT.test(before) && OWNER_BEFORE.test(before) && (GENITIVE_ADJECTIVE.test(low.slice(start, end)) || !ADJECTIVE.test(low.slice(start, end))))
    return 'target';
  // «со стороны Бердского и Чамбаракского районов Армении», "by servicemen of Tajikistan": the
  // agent named through its units or districts.
  if (
    (lowBefore.includes('стороны') || lowBefore.includes('by ') || lowBefore.includes('from the')) &&
    EXPLICIT_FAR_BEFORE.test(low.slice(Math.max(0, start - 70), start))
  )
    return 'explicit_actor';
  if (ACCUSED_BEFORE.test(before) || AGENT_OF_NOUN_AFTER.test(low.slice(end, end + 24)))
    return 'explicit_actor';
  if (
    (LOCATION_BEFORE.test(before) && !OFFICIALS_IN.test(before)) ||
    // "near Surin (Thailand)", «Сурина (Таиланд)»: the country of a place, in brackets after it.
    (PAREN_BEFORE.test(before) && low[end] === ')') ||
    (ATTACK_VERB_HINT.test(low.slice(Math.max(0, start - 70), start)) && ATTACKED_OBJECT_BEFORE.test(low.slice(Math.max(0, start - 70), start))) ||
    (PLACE_NOUN_BEFORE.test(before) && !ADJECTIVE.test(low.slice(start, end)))
  )
    return 'target';
  if (
    (lowBefore.includes('between') || lowBefore.includes('между')) &&
    (MUTUAL_BEFORE.test(before) || MUTUAL_SECOND.test(before))
  )
    return 'mutual';
  if (
    TARGET_BEFORE.test(before) ||
    VICTIM_NOUN_BEFORE.test(before) ||
    VICTIM_NOUN_AFTER.test(low.slice(end, end + 30))
  )
    return 'target';
  if (VICTIM_AFTER.test(low.slice(end, end + 60)) || VICTIM_BEFORE.test(before) || (VICTIM_HINT.test(low.slice(Math.max(0, start - 60), start)) && VICTIM_FAR_BEFORE.test(low.slice(Math.max(0, start - 60), start))) || (before.includes('left') && LEFT_COUNT_BEFORE.test(before))) return 'victim';
  // "A Kyrgyz patrol was fired upon", "came under fire", «попал под обстрел», «подверглись
  // обстрелу», «был обстрелян»: the subject of a passive is the side hit.
  if (PASSIVE_SUBJECT_AFTER.test(low.slice(end, end + 70))) return 'target';
  if (BYSTANDER_AFTER.test(low.slice(end, end + 24))) return 'bystander';
  // "Tajikistan's Sughd province", "Thailand's Surin province": the country of a place.
  if (POSSESSIVE_PLACE_AFTER.test(low.slice(end, end + 40))) return 'target';
  // The side that finds, notices or accuses ("Kyrgyz border guards came upon…", «таджикская сторона
  // обвинила…») watches or speaks; the one found or accused acted.
  if (OBSERVER_AFTER.test(low.slice(end, end + 60))) return 'bystander';
  // "Kyrgyz border guards were forced to return fire", «кыргызские пограничники открыли ответный
  // огонь»: the answer is folded into the other side's act (SCHEMA "Who").
  if (RESPONDER_AFTER.test(low.slice(end, end + 70))) return 'bystander';
  // Russian agentive instrumental and nominalisations: «спровоцированного таджикской стороной».
  if (AGENTIVE_AFTER.test(low.slice(end, end + 18))) return 'explicit_actor';
  return 'actor';
}

// A side named as the place ("in southern Lebanon", «в Таджикистане», «вблизи таджикской
// заставы»), as the country of a named place («Лахшского района Республики Таджикистан»,
// "Sughd region of Tajikistan"), or as the object of an ongoing attack ("keeps shelling Kyrgyz
// posts", «продолжают обстреливать кыргызские позиции») is where it happened or whom it hit.
const LOCATION_BEFORE =
  /(?:(?:^|[^a-z\u00C0-\u024F])(?:in|inside|within)\s+(?:the\s+)?(?:(?:(?:north|south)-?(?:east|west)(?:ern)?|southern|northern|eastern|western|south|north|east|west|central)\s+)?|(?:^|[^а-яё])(?:в|во|вблизи|возле|около|у|близ|недалеко от|рядом с)\s+|(?:^|[^a-z\u00C0-\u024F])(?:districts?|regions?|provinces?|city|village|town|areas?|territory|outskirts|part|side of the border|airspace|borders?|frontiers?|communit(?:y|ies)|municipalit(?:y|ies)|jamoats?|communes?|settlements?|governorates?|count(?:y|ies)|oblasts?|ra[iy]ons?|sectors?|enclaves?|exclaves?|valley|subdistricts?|hamlets?|localit(?:y|ies))\s+of\s+(?:the\s+)?(?:(?:republic|kingdom)\s+of\s+)?(?:(?:southern|northern|eastern|western|south|north|east|west|central)\s+)?|(?:^|[^а-яёa-z])(?:обстрелива[а-яё]*|атаку(?:ет|ют)|shelling|attacking|targeting|bombing|bombarding|hitting)\s+(?:the\s+|a\s+|an\s+)?)$/;
// A place noun and up to two words of its name before a country in the genitive («области
// Кыргызстана», «города Канибадам Таджикистана»): only a noun can be that country; an adjective
// there starts the next phrase («в Баткенской области таджикские военные открыли огонь»).
const PLACE_NOUN_BEFORE =
  /(?:^|[^а-яё])(?:район|област|город|сел[оаеу]|посёлк|поселк|пункт|джамоат|махалл|кишлак|аймак|айыл|участк|границ|территори|воздушн[а-яё]* пространств)[а-яё]*\s+(?:[а-яё«»"-]+\s+){0,2}$/;
const PAREN_BEFORE = /[a-zа-яё0-9]\s*\($/;
// «обстреляли сотрудников службы безопасности Таиланда»: the owner of what an attack verb hits,
// named in the genitive a few words after it.
const ATTACK_VERB_HINT = /обстрел|атак/;
const ATTACKED_OBJECT_BEFORE = /(?:^|[^а-яё])(?:обстрелял|атаковал|обстрелива|атакова)[а-яё]*\s+(?:[а-яё«»"-]+\s+){1,3}$/;
// "officials in Tajikistan told…": the officials of that side, not a place.
const OFFICIALS_IN = /(?:officials|authorities|sources|officers)\s+in\s+$/;
const ADJECTIVE =
  /(?:ск|цк)(?:ий|ая|ое|ие|ого|ой|ом|ую|их|им|ими|ому|ому)$|(?:ian|ani|eri|ese|ish|ean|ai|i)$/;
// "Tajikistan accused Kyrgyz troops of…", «МИД обвинил киргизских пограничников в…»: the side
// accused is the one that acted.
const ACCUSED_BEFORE =
  /(?:^|[^a-zа-яё])(?:accus(?:ed|es|ing)|blam(?:ed|es|ing)|обвинил[а-яё]*|обвиня(?:ет|ют|ли|ла|л)|обвинив)\s+(?:the\s+)?$|(?:^|[^a-z])blam(?:ed|es|ing)\s+(?:the\s+)?(?:[a-z-]+\s+){1,3}on\s+(?:the\s+)?$|(?:^|[^а-яё])возлож[а-яё]*\s+ответственность\s+(?:[а-яё-]+\s+){0,3}на\s+$/;

// "responded to the Indian firing", "the Israeli strikes on…", «таджикский обстрел»: a side's
// adjective on an attack noun names who attacked, whatever preposition comes before it.
const AGENT_OF_NOUN_AFTER =
  /^\s+(?:(?:drone|missile|rocket|artillery|mortar|sniper|tank|air|aerial|cross-border|ground|military|army)\s+)?(?:firing|fire|shelling|strikes?|air ?strikes?|raids?|barrages?|attacks?|aggression|bombardment|bombing|provocations?|incursions?|обстрел[а-яё]*|агресси[а-яё]*|провокаци[а-яё]*|нападени[а-яё]*)(?![a-zа-яё])/;

// Places and posts a side holds; adjectives and possessives on them name the side hit.
const OWNED_TARGET_AFTER =
  /^(?:['’]s)?\s+(?:airspace|soil|targets?|sites?|facilit(?:y|ies)|infrastructure|strongholds?|depots?|installations?|launch(?:ers?| sites?| pads?)|positions?|posts?|outposts?|frontier posts?|border posts?|checkpoints?|позици[а-яё]*|застав[а-яё]*|погранзастав[а-яё]*|пост(?:ы|а|у|ов|ам|ах|ом)?|кпп|воздушн[а-яё]* пространств[а-яё]*)(?![a-zа-яё])/;
const OWNER_BEFORE =
  /(?:^|[^а-яё])(?:позици[а-яё]*|застав[а-яё]*|погранзастав[а-яё]*|пост(?:ы|а|у|ов|ам|ах|ом)?|кпп|сел[оаеу]|дом(?:а|у|ом|е)?)\s+(?:«[^«»]{1,25}»\s+)?(?:[а-яё-]+(?:ого|ой|ых|их|ий|ов|ей)\s+){0,2}$/;
const FROM_SIDE_BEFORE = /(?:^|[^а-яё])(?:с|со|c)\s+$/;
const FROM_SIDE_AFTER = /^\s+стороны(?![а-яё])(?![^.;:!?]{0,40}?(?:ранен|ранил|погиб|пострада|убит|потер|жертв|раненых))/;
const OWNER_HINT = /позици|застав|пост|кпп|сел|дом/;
const GENITIVE_ADJECTIVE = /(?:ого|ой|их)$/;
const FROM_BEFORE = /(?:(?:^|[^a-z])from\s+(?:the\s+)?|(?:^|[^а-яё])(?:с|со|из|c)\s+)$/;
// The agent after «со стороны» / "by" through up to four words (no preposition among them).
const EXPLICIT_FAR_BEFORE =
  /(?:(?:^|[^а-яё])(?:со|[сc]о?)\s+стороны\s+(?:(?!(?:по|на|в|во|к|против|у|от)\s)[а-яё«»"-]+\s+){1,4}|(?:^|[^a-z])by\s+(?:the\s+)?(?:[a-z-]+\s+){1,2}of\s+(?:the\s+)?(?:republic\s+of\s+)?|(?:^|[^a-z])from\s+the\s+(?:direction|side)\s+of\s+(?:the\s+)?)$/;
const POSSESSIVE_PLACE_AFTER =
  /^['’]s\s+(?:[a-z-]+\s+){0,2}(?:province|region|district|oblast|governorate|village|town|city|capital|border areas?|border regions?)(?![a-z])/;
const PASSIVE_SUBJECT_AFTER =
  /^(?:['’]s)?(?:\s+(?!(?:and|which|who|that|opened|fired|shelled|attacked|и|а|который|которые|которая|открыл[а-яё]*|обстрелял[а-яё]*|атаковал[а-яё]*)(?![a-zа-яё]))[a-zа-яё«»"-]+){0,4}?\s+(?:(?:(?:was|were|has been|have been|had been|is being|are being|got)\s+(?:[a-z]+ly\s+)?(?:fired (?:up)?on|fired at|shot at|shelled|attacked|targeted|ambushed|bombed|struck)|(?:came|come|comes|coming)\s+under\s+(?:[a-z-]+\s+){0,2}(?:fire|attack|shelling|bombardment))(?![a-z])|(?:попал[а-яё]*|попа(?:ли|дают|дает))\s+под\s+(?:[а-яё-]+\s+)?(?:обстрел|огонь)|подвергл[а-яё]*\s+(?:[а-яё-]+\s+)?(?:обстрел|нападени|атак|огн)|(?:был[аио]?\s+)?(?:обстрелян[а-яё]*|атакован[а-яё]*|подвергнут[а-яё]*)(?![а-яё]))/;
const RESPONDER_AFTER =
  /^(?:['’]s)?(?:\s+(?!(?:and|which|who|that|after|и|а|после|который|которые)(?![a-zа-яё]))[a-zа-яё«»"-]+){0,5}?\s+(?:return(?:ed|ing|s)?\s+(?:the\s+)?fire|respond(?:ed|ing|s)?\s+after|acted\s+in\s+self-?defen[cs]e|(?:shot|shoot(?:s|ing)?)\s+down|сбил[а-яё]*|сбива(?:ет|ют)|evacuat(?:e|ed|es|ing)|эвакуировал[а-яё]*|respond(?:ed|ing|s)?\s+(?:with\s+fire|in\s+kind)|retaliat(?:ed|ing|es|e)|(?:открыл[а-яё]*|откры(?:ть|вают))\s+ответный\s+огонь|ответил[а-яё]*\s+(?:на\s+[а-яё]+\s+)?огн[её]м)(?![a-zа-яё])/;
const OBSERVER_AFTER =
  /^(?:['’]s)?(?:\s+(?!(?:and|then|after|opened|fired|shot|и|а|затем|после|открыл[а-яё]*|обстрелял[а-яё]*|стрелял[а-яё]*)(?![a-zа-яё]))[a-zа-яё()-]+){0,5}?\s+(?<!(?:was|were|been|is|are|being)\s)(?:found|discovered|detected|spotted|noticed|heard|saw|observed|tracked|came (?:up)?on|came across|accus(?:ed|es|ing)|blam(?:ed|es|ing)|обнаружил[а-яё]*|заметил[а-яё]*|увидел[а-яё]*|засекл[а-яё]*|засёк|засек|выявил[а-яё]*|warned|предупредил[а-яё]*|обвинил[а-яё]*|обвиня(?:ет|ют|ли|ла|л)|detained|arrested|apprehended|задержал[а-яё]*|задерживал[а-яё]*|пресекл[а-яё]*|пресёк)(?![a-zа-яё])/;

const BYSTANDER_AFTER =
  /^\s+(?:служб[а-яё]*\s+(?:радио|би-би-си|bbc|голоса|«|")|service\s+of\s+(?:radio|the bbc|bbc|rfe|voice)|блогер|журналист|издани|сми(?![а-яё])|эксперт|политолог|депутат|источник|blogger|journalist|media|outlet|website|expert|analyst|lawmaker|sources?(?![a-z])|accusations|allegations|claims|обвинени[а-яё]*|заявлени[а-яё]*)/;

const CITED_BEFORE = /(?:according to|in the version of|по (?:данным|информации|сообщению|словам|заявлению|версии))\s+(?:the\s+)?$/;
// "citing the press centre of …", «со ссылкой на пресс-центр …»: a side cited through its body.
const CITING_BEFORE = /(?:^|[^a-zа-яё])(?:citing|quoting|со ссылкой на|ссылаясь на)\s+(?:the\s+)?(?:[^\s.,;:!?«»"]+\s+){0,5}$/;
// «Как сообщил в воскресенье киргизский Минздрав, …»: the subject of a fronted reporting verb speaks.
const AS_REPORTED_BEFORE =
  /(?:^|[^а-яё])как\s+(?:сообщил[а-яё]*|сообща(?:ет|ют)|заявил[а-яё]*|заявля(?:ет|ют)|переда(?:ёт|ет|ют)|пиш(?:ет|ут)|информиру(?:ет|ют)|уточнил[а-яё]*)\s+(?:[а-яё0-9-]+\s+){0,2}$/;
const CITING_HINT = /citing|quoting|ссылк|ссылая/;

const EXPLICIT_HINT = / (?:of|by) (?:the )?$|[а-яёc] $/;
// «спровоцированного таджикской стороной», «были обстреляны кыргызскими военными»: the agent in
// the instrumental.
const AGENTIVE_AFTER =
  /^\s+(?:стороной|военными|пограничниками|военнослужащими|силами|подразделениями|войсками|боевиками|солдатами|снайперами|армией)(?![а-яё])/;
// The forces of each side between them: "Thai rangers and Cambodian soldiers", «армией Таиланда и
// военными Камбоджи» (the noun of the second side may come first in Russian).
const FORCE_NOUN =
  '(?:border (?:guards?|troops|police)|armed forces|forces|troops|servicem[ae]n|military|army|armies|units|soldiers|rangers|marines|police(?:men)?|gunmen|fighters|militants|personnel|patrols?|side|villagers|residents|civilians|(?:пограничник|военн|военнослужащ|подразделени|сил|сторон|арми|войск|солдат|боевик|жител|граждан|наряд)[а-яё]*)';
const COORDINATED_SIDES = new RegExp(`^\\s*(?:${FORCE_NOUN}\\s+)?(?:and|и|,)\\s*(?:${FORCE_NOUN}\\s+)?$`, 'i');

// "Kyrgyz guards clashed with Tajik troops", «киргизские пограничники вступили в бой с таджикскими»:
// a fight both sides are told to wage, no side blamed.
const SYMMETRIC_FIGHT = new RegExp(
  `^(?:\\s+${FORCE_NOUN}){0,2}\\s+(?:(?:had|have|has)\\s+)?(?:clashed|skirmished|exchanged\\s+(?:heavy\\s+)?(?:fire|gunfire|shots)|traded\\s+(?:heavy\\s+)?(?:fire|gunfire|shots)|(?:вступил[а-яё]*|вступа(?:ет|ют))\\s+в\\s+(?:бой|бои|перестрелку|стычку|столкновени[ея])|(?:сошл[а-яё]*|столкнул[а-яё]*)\\s+в\\s+(?:бою|перестрелке)|перестрелял[а-яё]*|столкнул[а-яё]*)\\s+(?:with|с|со)\\s+(?:the\\s+)?$`,
);
const QUALIFIER_GAP =
  /^\s*(?:of\s+(?:the\s+)?(?:(?:republic|kingdom)\s+of\s+)?|(?:республики|королевства)\s+)?$/;
/** A side named as the country of an agency that speaks ("the Border Troops of Tajikistan said"): the reporter's, not an actor. */
function qualifiesSpeaker(low: string, agencies: readonly AgencyMention[], start: number): boolean {
  for (const a of agencies) {
    if (!a.frame || a.end > start || start - a.end > 60) continue;
    const gap = low.slice(a.end, start);
    if (QUALIFIER_GAP.test(gap) || GENITIVE_CHAIN.test(gap)) return true;
  }
  return false;
}
/** "Kyrgyzstan's Ministry of Foreign Affairs …": the country of a civil body, which does not fight. */
function ownsCivilBody(low: string, agencies: readonly AgencyMention[], end: number): boolean {
  for (const a of agencies) if (!a.agency.armed && a.start > end && a.start - end <= 4 && /^['’]s\s+$/.test(low.slice(end, a.start))) return true;
  return false;
}
/** A side's adjective right before an agency that speaks ("the Kyrgyz health ministry said", «киргизский Минздрав сообщил»). */
function namesSpeaker(low: string, agencies: readonly AgencyMention[], end: number): boolean {
  for (const a of agencies) if (a.frame && a.start >= end && a.start - end <= 2 && /^\s*$/.test(low.slice(end, a.start))) return true;
  return false;
}
// Genitive words and a bracketed abbreviation between the parts of one body's name.
const GENITIVE_CHAIN =
  /^(?:\s*(?:\([^()]{1,20}\)|[а-яё-]+(?:ого|ой|ых|их|ии|ти|ета|та|ра|а|ы)|of|the|for|national|state|security|committee))*\s*$/;

/** Mentions of the parties (country names, adjectives, their agencies) with their role. */
export function findParties(
  text: string,
  profile: ConflictProfile,
  agencies: readonly AgencyMention[],
): PartyMention[] {
  const c = compile(profile);
  const out: PartyMention[] = [];
  // Lower-case patterns on the lower-cased text: case-insensitive regexes are several times slower.
  const low = lower(text);
  c.parties.lastIndex = 0;
  for (let m = c.parties.exec(low); m !== null; m = c.parties.exec(low)) {
    if (m[0].length === 0) {
      c.parties.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    if (overlapsAgency(agencies, start, end) || qualifiesSpeaker(low, agencies, start)) continue;
    const side = c.partyCodes[firstGroup(m)];
    if (!side) continue;
    // "According to Kyrgyzstan, …", «по данным Таджикистана»: the side is the source, not an actor.
    const near = low.slice(Math.max(0, start - 60), start);
    const cited =
      CITED_BEFORE.test(near.slice(-30)) ||
      (CITING_HINT.test(near) && CITING_BEFORE.test(near)) ||
      (near.includes('как') && AS_REPORTED_BEFORE.test(near));
    out.push({
      start,
      end,
      text: text.slice(start, end),
      side,
      cited,
      // The side of a speaking agency ("the Kyrgyz health ministry said") is the speaker's.
      role: cited || namesSpeaker(low, agencies, end) || ownsCivilBody(low, agencies, end) ? 'bystander' : partyRole(low, start, end),
    });
  }
  if (c.capitals) capitalMentions(low, text, c, agencies, out);
  const named = out.length;
  for (const a of agencies) {
    if (a.frame || !a.agency.armed || !a.side || !c.partyCodes.includes(a.side)) continue;
    // «подразделения пограничных войск Киргизии»: the country named with the body is its side
    // and carries its role.
    if (qualified(low, out, named, a.end)) continue;
    out.push({
      start: a.start,
      end: a.end,
      text: a.text,
      side: a.side,
      role: partyRole(low, a.start, a.end),
    });
  }
  otherSideAccused(low, text, c.partyCodes, out);
  out.sort((x, y) => x.start - y.start);
  // "Kyrgyzstan and Tajikistan", «таджикскими и кыргызскими»: both sides together, no actor.
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i];
    const b = out[i + 1];
    // The nouns of the first side may stand between: "Tajik border guards and Kyrgyz forces".
    if (
      a &&
      b &&
      a.side !== b.side &&
      a.role !== 'bystander' &&
      (COORDINATED_SIDES.test(text.slice(a.end, b.start)) || (b.start - a.end <= 80 && SYMMETRIC_FIGHT.test(low.slice(a.end, b.start))))
    ) {
      a.role = 'mutual';
      b.role = 'mutual';
    }
  }
  return out;
}

/**
 * A capital standing for its government: "Baku accused Yerevan of shelling" (the accuser speaks,
 * the accused acted), "Islamabad said", «в Бишкеке заявили», "according to Bangkok" (it reports).
 * Anywhere else a capital is a place, no side's act.
 */
function capitalMentions(low: string, text: string, c: CompiledAttribution, agencies: readonly AgencyMention[], out: PartyMention[]): void {
  eachMatch(c.capitals as RegExp, low, (m) => {
    const start = m.index;
    const end = start + m[0].length;
    const side = c.partyCodes[firstGroup(m)];
    if (!side || overlapsAgency(agencies, start, end)) return;
    const before = low.slice(Math.max(0, start - 40), start);
    if (ACCUSED_BEFORE.test(before)) {
      out.push({ start, end, text: text.slice(start, end), side, role: 'explicit_actor' });
      return;
    }
    const near = low.slice(Math.max(0, start - 60), start);
    const cited =
      CITED_BEFORE.test(near.slice(-30)) ||
      (CITING_HINT.test(near) && CITING_BEFORE.test(near)) ||
      (near.includes('как') && AS_REPORTED_BEFORE.test(near));
    const aside = ASIDE.exec(low.slice(end, end + 40));
    const after = aside ? ` ${low.slice(end + aside[0].length, end + aside[0].length + 30)}` : low.slice(end, end + 30);
    // «…, заявили в Баку»: the verb before the capital.
    const spokeIn = SPEAKS_BEFORE_SIDE.test(before) && /^\s*(?:[.,;!?]|$)/.test(low.slice(end, end + 2));
    if (cited || spokeIn || (/^(?:['’]s)?\s/.test(after) && speaksNext(c.reportAfter.exec(after.replace(/^['’]s/, ''))))) {
      out.push({ start, end, text: text.slice(start, end), side, role: 'bystander', cited: cited || spokeIn });
    }
  });
}

/** A party mention (of the first `n`) naming the country of a body that ends at `end`. */
function qualified(low: string, parties: readonly PartyMention[], n: number, end: number): boolean {
  for (let i = 0; i < n; i++) {
    const p = parties[i] as PartyMention;
    if (p.start >= end && p.start - end <= 40 && QUALIFIER_GAP.test(low.slice(end, p.start))) return true;
  }
  return false;
}

// "accused the other side of shelling", «обвинила другую сторону в обстреле»: of two parties, the
// one the accuser is not.
const OTHER_SIDE_ACCUSED =
  /(?:accus(?:ed|es|ing)|blam(?:ed|es|ing)|обвинил[а-яё]*|обвиня(?:ет|ют|ли|ла|л))\s+(?:the\s+|its\s+)?(?:(?:other|opposite|opposing|neighbou?ring)\s+(?:side|country|state)|neighbou?rs?|(?:другую|противоположную|противную|соседнюю)\s+(?:сторону|страну)|соседей)(?![a-zа-яё])/g;

function otherSideAccused(low: string, text: string, codes: readonly string[], out: PartyMention[]): void {
  if (codes.length !== 2 || !(low.includes('accus') || low.includes('blam') || low.includes('обвин'))) return;
  OTHER_SIDE_ACCUSED.lastIndex = 0;
  for (let m = OTHER_SIDE_ACCUSED.exec(low); m !== null; m = OTHER_SIDE_ACCUSED.exec(low)) {
    let accuser: PartyMention | null = null;
    for (const p of out) if (p.end <= m.index && m.index - p.end <= 60 && p.role === 'bystander') accuser = p;
    const side = accuser ? codes.find((x) => x !== accuser.side) : undefined;
    if (!side) continue;
    const start = m.index + m[0].search(/\s/) + 1;
    const end = m.index + m[0].length;
    out.push({ start, end, text: text.slice(start, end), side, role: 'explicit_actor' });
  }
}

/**
 * Sides that speak for themselves in the text ("Kyrgyzstan said", "the Tajik side claims",
 * «таджикская сторона заявляет»): reporters when no agency is named.
 */
export function partyFrames(
  text: string,
  parties: readonly PartyMention[],
  profile: ConflictProfile,
): PartyMention[] {
  const c = compile(profile);
  return parties.filter((p) => {
    // "According to Azerbaijan, …", «по версии таджикской стороны»: the side cited speaks.
    if (p.cited) return true;
    let after = text.slice(p.end, p.end + 30);
    // "India's defence ministry said", "Cambodia's foreign ministry spokeswoman said": a side's
    // ministry or its spokesperson that no agency of the profile names.
    const body = MINISTRY_AFTER.exec(lower(text.slice(p.end, p.end + 60)));
    if (body) {
      // The spokesperson's name after the title ("… spokeswoman Maly Socheata said").
      const name = PERSON_NAME.exec(text.slice(p.end + body[0].length, p.end + body[0].length + 50));
      const at = p.end + body[0].length + (name?.[0].length ?? 0);
      after = ` ${text.slice(at, at + 30)}`;
    }
    // "Tajikistan, for its part, claims…", «Таджикистан, в свою очередь, заявил…»: an aside between commas.
    const aside = ASIDE.exec(text.slice(p.end, p.end + 40));
    if (aside) after = ` ${text.slice(p.end + aside[0].length, p.end + aside[0].length + 30)}`;
    // «на киргизской стороне отмечается…», "on the Kyrgyz side, … was noted": a place, not a speaker.
    if (PLACE_PREPOSITION_BEFORE.test(lower(text.slice(Math.max(0, p.start - 6), p.start)))) return false;
    // «…, сообщили ливанские СМИ», «заявили в индийской армии»: a reporting verb before the side
    // and its speaking body (its subject told after it).
    if (SPEAKER_BODY_AFTER.test(lower(text.slice(p.end, p.end + 20))) && SPEAKS_BEFORE_SIDE.test(lower(text.slice(Math.max(0, p.start - 40), p.start)))) return true;
    // «…, заявили в армии Пакистана», «сообщили власти Таиланда»: the body before the side's name.
    if (SPEAKS_BEFORE_BODY.test(lower(text.slice(Math.max(0, p.start - 50), p.start)))) return true;
    return (
      /^(?:['’]s)?\s+(?:side|officials?|authorities|government|media|press|army|military|sources|сторон[а-яё]*|власти|официальн[а-яё]*|сми)?\s*/i.test(
        after,
      ) && speaksNext(c.reportAfter.exec(lower(after)))
    );
  });
}

const MINISTRY_AFTER =
  /^(?:['’]s)?\s+(?:(?:defen[cs]e|foreign|interior|home|external affairs)\s+ministry|ministry\s+of\s+(?:defen[cs]e|foreign affairs|external affairs|the interior|interior)|foreign\s+office|(?:army|military|defen[cs]e|foreign)\s+spokes(?:man|woman|person))(?:\s+spokes(?:man|woman|person))?(?=\s)/;
const PERSON_NAME = /^(?:\s+[A-Z][a-z'’-]+){1,3}(?=\s)/;
const ASIDE =
  /^(?:['’]s\s+side|\s+(?:side|сторона))?\s*,\s*(?:for (?:its|their|his|her) part|in (?:its |their )?turn|meanwhile|however|в свою очередь|со своей стороны|однако)\s*,\s*/i;
const SPEAKER_BODY_AFTER =
  /^\s+(?:сми|сторон[аы]|арми[яиеюй]|власт(?:и|ей|ям|ях)|ведомств[а-яё]*|правительств[а-яё]*|источник[а-яё]*|официальн[а-яё]*|министерств[а-яё]*|мид)(?![а-яё])/;
const SPEAKS_BEFORE_SIDE =
  /(?:^|[^а-яё])(?:сообщил[а-яё]*|заявил[а-яё]*|сообща(?:ет|ют)|заявля(?:ет|ют)|переда(?:ёт|ет|ют)|пиш(?:ет|ут)|отметил[а-яё]*|уточнил[а-яё]*|подтвердил[а-яё]*|пояснил[а-яё]*|подчеркнул[а-яё]*|рассказал[а-яё]*|утвержда(?:ет|ют))\s+(?:(?:в|во)\s+)?$/;
const SPEAKS_BEFORE_BODY =
  /(?:^|[^а-яё])(?:сообщил[а-яё]*|заявил[а-яё]*|сообща(?:ет|ют)|заявля(?:ет|ют)|переда(?:ёт|ет|ют)|отметил[а-яё]*|уточнил[а-яё]*|подтвердил[а-яё]*)\s+(?:(?:в|во)\s+)?(?:арми[яиеюй]|власт(?:и|ях)|ведомств[а-яё]*|правительств[а-яё]*|министерств[а-яё]*\s+(?:обороны|иностранных дел)|мид|минобороны|сми)\s+$/;
const PLACE_PREPOSITION_BEFORE = /(?:^|[^a-zа-яё])(?:на|on)\s+(?:the\s+)?$/;

/**
 * The reporting verb follows the side within its own phrase ("Kyrgyzstan on Friday said"), not
 * after a comma or a quote's end ("…to the Indian firing," he added).
 */
function speaksNext(m: RegExpExecArray | null): boolean {
  return m !== null && m[0].length <= 40 && !/[,.;:"“”«»]/.test(m[0]) && !FIELD_UNITS.test(m[0]) && !HABITUAL.test(m[0]) && !PASSIVE_REPORT.test(m[0]);
}
// "a violation by Pakistan was reported": a passive reporting verb has no speaker before it.
const PASSIVE_REPORT = /(?:^|\s)(?:was|were|is|are|been|being|has been|had been)\s+\S+$/;
// "not an accident, as Cambodia often claims", «как постоянно заявляет»: what a side habitually
// says is no report of the event told.
const HABITUAL = /(?:^|[^a-zа-яё])(?:often|always|usually|routinely|constantly|часто|всегда|обычно|постоянно)(?![a-zа-яё])/;
// Units in the field ("the Kyrgyz border guards said the area was disputed and opened fire") speak
// inside the story the issuer tells; a side's government, ministry or military speaks for it.
const FIELD_UNITS = /(?:border guards?|soldiers|servicem[ae]n|troops|пограничник|военнослужащ|солдат)/;

/**
 * Third parties that speak in the text ("UNIFIL said", "the EU monitoring mission reported",
 * «ВСООНЛ сообщили», "according to the OSCE"): the reporters of their clauses, by code.
 */
export function thirdPartyFrames(text: string, profile: ConflictProfile): PartyMention[] {
  const c = compile(profile);
  const re = c.thirdParties;
  if (!re) return [];
  const low = lower(text);
  const out: PartyMention[] = [];
  eachMatch(re, low, (m) => {
    const code = profile.third_parties[firstGroup(m)]?.code;
    // International bodies that monitor (UN, OSCE, EU…), not third states that mediate (US, MY).
    if (!code || !INTERNATIONAL_BODY.test(code)) return;
    const start = m.index;
    const end = start + m[0].length;
    const cited = CITED_BEFORE.test(low.slice(Math.max(0, start - 30), start));
    if (cited || speaksNext(c.reportAfter.exec(low.slice(end, end + 45)))) out.push({ start, end, text: text.slice(start, end), side: code, role: 'bystander', cited });
  });
  return out;
}

const INTERNATIONAL_BODY = /^(?:UN|EU|[A-Z]{3,})$/;

/** Third parties named in a text (UN, OSCE…), by code. */
export function thirdPartyOf(text: string, profile: ConflictProfile): string | null {
  for (const t of profile.third_parties) {
    const re = compileList(t.patterns);
    re.lastIndex = 0;
    if (re.test(lower(text))) return t.code;
  }
  return null;
}

// "the Israeli army said it had carried out a drone strike", "the IDF said the military had hit
// a depot": an armed body telling of its own strike, in the sentence of its statement.
const SELF_SUBJECT =
  /(?:said|says|stated|reported|announced|confirmed|claimed)(?: on [a-z]+)?(?: that)? (?:it|we|the (?:military|army|troops|forces|air force)|its (?:troops|forces|units|aircraft|jets|drones|fighters)|our (?:troops|forces|units|fighters))(?! (?:had |has |have )?(?:been|was|were|came|come|is being|are being)\b)(?: had| has| have|\b)/;
const SYMMETRIC_TRIGGER = /^(?:clash|skirmish|exchang|traded|fought|перестрел|столкн|бо[йияе])/;
const RETURN_FIRE = /(?:return|respond|retaliat|ответн|в ответ)/;

/** The side of the armed agency that speaks at `ev`, when it tells of its own act at `pos` (a return of fire is not one). */
export function selfReported(low: string, ev: Match, pos: number): string | null {
  const a = ev as Partial<AgencyMention> & Partial<PartyMention>;
  // An armed body that speaks, or a side speaking for itself ("Hezbollah said it fired rockets").
  const speaker = a.agency ? a.agency.armed === true && a.frame === true : a.role !== undefined && !a.cited;
  if (!speaker || !a.side || ev.end > pos || pos - ev.end > 200) return null;
  const between = low.slice(ev.end, pos);
  if (/[.!?]\s/.test(between) || RETURN_FIRE.test(low.slice(ev.end, pos + 40))) return null;
  // "Thailand said its troops had clashed with…": a fight both sides wage is no one side's act.
  if (SYMMETRIC_TRIGGER.test(low.slice(pos, pos + 12))) return null;
  return SELF_SUBJECT.test(between) ? a.side : null;
}
