/**
 * The extraction engine: statement in, attributed and located events out. Pure and
 * deterministic: the only notion of "now" is the statement's publication time.
 */
import { agreementLevel, agreementTerms, type TermMatch } from './agreements.ts';
import { agencyOfSource, findAgencies, findParties, partyFrames, selfReported, thirdPartyFrames, thirdPartyOf, type AgencyMention, type PartyMention } from './attribution.ts';
import { casualtyTrigger, sentenceCasualties, type CasualtyFigures } from './casualties.ts';
import { compileProfile } from './compile.ts';
import {
  addDays,
  DAY_AFTER_WORDS,
  findTemporal,
  parseOffset,
  publicationTime,
  type ClockMention,
  type DateMention,
  type PartOfDay,
  type PublicationTime,
} from './dates.ts';
import { attackType, BURN_CAUSE, BURN_WORD, DAMAGE_CAUSE, findTriggers, isDamageWord, type TriggerSet, type WeaponMention } from './events.ts';
import { dropSubsumed } from './subsume.ts';
import { detectLanguage } from './lang.ts';
import { findCues, type Cues } from './negation.ts';
import { findNumbers, type NumberMention } from './numbers.ts';
import { findPlaces, withUnlistedPlaces, type Gazetteer, type PlaceMention } from './places.ts';
import type { AgencyDef, ConflictProfile, PartyDef } from './profile.ts';
import { getProfile, selectProfile } from './profiles/index.ts';
import { relayCountry } from './profiles/relays.ts';
import { findAll, lower, type Match } from './text/patterns.ts';
import { segment, type Clause, type Segment, type Segmentation, type Sentence } from './text/segment.ts';
import type { CasualtyReport, EventType, Evidence, ExtractionResult, ExtractOptions, Reporter, StatementInput, ViolationEvent } from './types.ts';
import { byStart, copyDraft, ev, pushAll, VIOLENT, type Draft, type Strength } from './draft.ts';
import { dropEarlierEpisodes, dropStrikingFlights, keepOne, mergeDrafts } from './merge.ts';
import { casualtyReport, finish, insideScan, mergeReports } from './output.ts';
import { dayStartUtc } from './time.ts';

/** Version of the extractor; events carry it so that a newer run supersedes older events. */
export const EXTRACTOR_VERSION = '1.6.0';

const AGREEMENT_NOUN = /(?:agreement|protocol|ceasefire|cease-fire|truce|accord|договор[её]нност|протокол|перемири|прекращени[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* огня|режим[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* прекращения)/;
const BACKGROUND_DAYS = 45;
/** How far after a colon an agreement's listed terms run, and where the first must start. */
const LIST_SPAN = 600;
const LIST_FIRST = 120;
// Matched against the lower-cased text (case-insensitive regexes are several times slower).
// "A clash between border guards of the two countries" says who fought, not that neither is
// blamed: a side the sentence names as the one that started it stays accused.
const MUTUAL_BLAME =
  /(?:each other|one another|blaming the other|each [a-z]+ (?:[a-z]+ )?(?:accus|blam)[a-z]* the other|blame each|друг друга|взаимн[а-яё]* обвинени|кажд[а-яё]* из сторон (?:[а-яё]+ )?обвин[а-яё]* другую)/;
const PLACE_EXCLUSION_HINT = /hospital|clinic|treated|леч|госпитал|accommodat|evacuated|taken|sent|program|office|больниц|размещ|доставл|направл|переведут|родственник/;
const GENERIC_SITE = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:the (?:outpost|post|village|checkpoint|settlement)|this (?:village|area|section)|застав[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|этого села|села|этом районе|кпп)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const TO_THE_BORDER = /\b(?:to|towards|along) the (?:state )?border\b|(?:^|[^а-яё])(?:к|вдоль) (?:государственной )?границ/;
// "the temple", "the bridge": a site named before with that head noun ("Ta Muen Temple").
const SITE_ANAPHOR = /\bthe (temple|pagoda|bridge|dam|mine|hill)\b/;
// "fired from both sides", «стреляли с обеих сторон», "border guards of the two countries began shooting".
// "traded fire", «обменялись огнём»; fire "between" the two sides («огонь между военнослужащими
// Кыргызстана и Таджикистана») is both sides' fire too, as is "shooting broke out between Kyrgyz
// and Tajik border guards", «стрельба между пограничниками».
const EXCHANGE =
  /(?:each other|one another|exchang\w* (?:of )?(?:\w+ )?(?:fire|gunfire|shots)|(?:exchang|trad)(?:ed|ing|es?) (?:\w+ ){0,2}(?:fire|gunfire|shots)|(?<![a-z-])(?:fire|gunfire) exchange|(?<![a-z-])(?:fire|firing|shooting|gunfire) between|обмен[а-яё]* (?:[а-яё]+ )?(?:огн|выстрел|удар)|(?<![а-яё])(?<!прекращени[а-яё]* )(?:огонь|огня|стрельба|стрельбы) между|перестрел(?:к|ива)|друг друга|друг по другу|shoot-?outs?|fire-?fights?|gun-?fights?|gun battles?|(?:from|by|on) both sides|со? обеих сторон|(?:guards|troops|forces|servicemen|soldiers|militar\w*) of (?:the )?(?:two|both) (?:countries|sides|states)|(?:пограничник|военн|военнослужащ)[а-яё]* (?:двух|обеих) (?:стран|сторон|государств)|between (?:the )?(?:[a-z-]+ and (?:the )?[a-z-]+ )?(?:border )?(?:guards|troops|forces|servicemen|soldiers|military|militaries|units|armies)\b|между (?:[а-яё-]+(?:ими|ыми) (?:и [а-яё-]+(?:ими|ыми) )?)?(?:пограничник|военн|военнослужащ|подразделени|войск|арми)[а-яё]*)/g;
const ONGOING =
  /(?:продолжа|continu|ongoing|keeps? [a-z]+ing|still|currently|at the moment|(?:is|are) (?:being )?(?:shell|fir|attack)|примен(?:яет|яют)|вед[её]т(?:ся)?|ведут(?:ся)?|идут|обстреливают|на данный момент|в настоящее время|по-прежнему)/g;
// An attack word that goes on with an episode told before: «продолжил обстреливать», "kept firing".
const CONTINUED = /(?:продолж|continu|kept|keeps|keep on|still)/g;
const REPORTED_THAT =
  /(?:said|says|reported|reports|stated|states|claimed|claims|announced|informed|noted|added|wrote|stressed|charged|alleged|insisted|told [a-z0-9.]+)(?: (?:on|in|at|last|this|earlier) [a-z]+)?(?: that|,)?(?= )|(?:заявля[а-яё]*|заявил[а-яё]*|сообща[а-яё]*|сообщил[а-яё]*|отмеча[а-яё]*|отметил[а-яё]*|утвержда[а-яё]*|информиру[а-яё]*|подчеркнул[а-яё]*|пояснил[а-яё]*|рассказал[а-яё]*|написал[а-яё]*|настаива[а-яё]*),? (?:что|о том,? что)/g;
const BACKGROUND_START = /(?:напомним|напоминаем|напомню|recall(?:ing)?\b|it is worth recalling|as a reminder)/y;
// "The situation on the Kyrgyz-Tajik border escalated on September 14.", «Ситуация на границе
// обострилась 14 сентября»: a wire item's background paragraph, retelling how the episode began.
const ESCALATION_START =
  /(?:the )?(?:situation|tension|tensions|conflict) (?:on|at|along|between) [^.\n]{0,80}?(?:escalated|flared|deteriorated|worsened|erupted|heated)|(?:ситуация|обстановка|напряж[её]нность|конфликт) (?:на|между) [^.\n]{0,80}?(?:обострил|ухудшил|накалил|вспыхнул)/y;
// "opened fire on a Kyrgyz tank", "fired at the mortar positions", «огонь по кыргызскому танку»,
// «огонь по позициям минометчиков»: the weapon fired at is the target, it types no attack.
// Not across "with", "from", "by" («из», «с»): "hit the village with artillery" names the weapon.
// (A Russian object without «по» may be the instrument: «обстреливают ракетами».)
const WEAPON_TARGETED =
  /(?:\b(?:(?:fire|fired|firing|shot|shooting) (?:at|on|upon)|shelled|struck|attacked|destroyed|damaged|hit) (?:the |a |an )?(?:(?!with |from |using |by |of )[a-z'-]+ ){0,2}|(?:^|[^а-яё])по (?:(?!из |с |со )[а-яё-]+ ){0,2})$/;
// "the attack", "this attack", «эта атака», «данное нападение»: an attack named again.
const THE_ATTACK = /(?:\b(?:the|this|that) (?:[a-z-]+ )?|(?:^|[^а-яё])(?:эт[а-яё]+|данн[а-яё]+) (?:[а-яё-]+ )?)(?:attack|assault|атак|нападени)[a-zа-яё]*$/;
// ", who were patrolling in…", "where mortars had been set up", «, которые…», «где…».
const TARGET_RELATIVE = /(?:, (?:who|which|whose|where|котор[а-яё]*|где)(?![a-zа-яё])| where |(?:^|[^а-яё])где )[^,]*$/;
const AGAINST = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:against|против)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;

// An appeal to keep an agreement ("urged both sides to respect it") after the report of that
// agreement does not unmake it; before it, it names an earlier one ("to observe the agreed ceasefire").
/**
 * Counts and rates of violations over a period ("5,133 ceasefire violations last year", "a jump
 * of 75 per cent in ceasefire violations", «с начала года»): monitoring statistics, no event
 * (SCHEMA). Matched on the lower-cased clause.
 */
const VIOLATION_STATISTICS = /(?:\d[\d,.]*|hundreds|thousands|dozens) (?:[a-z-]+ ){0,2}violations|per ?cent|\d ?%|(?:this|last|past) year|\d+ times (?:this|last|in the past|over the past|since|so far)|(?:\d+|several|many|numerous) times (?:\w+ ){0,3}(?:this|last|past) (?:month|week)|\d+ раз[а]? (?:за|с начала|в этом|в прошлом|в течение)|year-to-date|so far this|since (?:the )?(?:beginning|start)|had been rare|(?:new|record|all-time) high|с начала (?:года|месяца)|за (?:прошлый|этот|текущий) год|\d[\d\s,.]* (?:[а-яё-]+ ){0,2}нарушени|(?:в|за) \d{4} год/;
const APPEAL = /^(?:to |observance|respect|full |strict |неукоснительно |строго |и впредь |соблюд|придерж)/;
const SETTLEMENT_WORD = /^(?:villages?|settlements?|село|села|селу|селе|сел|населенн[а-яё]* пункт[а-яё]*|населённ[а-яё]* пункт[а-яё]*)$/;
const LOCATIVE_BEFORE = /(?:^|[^0-9a-z\u00C0-\u024F\u0400-\u04FF])(?:near|at|close to|outside|in the (?:area|vicinity) of|у|около|близ|возле|вблизи|рядом с|в районе)\s+(?:the\s+)?$/;

/** A settlement word that only says where something else was hit ("near the village of X"). */
function locatesOnly(low: string, m: Match): boolean {
  return SETTLEMENT_WORD.test(low.slice(m.start, m.end)) && LOCATIVE_BEFORE.test(low.slice(Math.max(0, m.start - 30), m.start));
}

/**
 * Items of a list by the segment (clause or sentence) that contains them, computed once per
 * list: statements can be long, and filtering every list for every clause is quadratic.
 */
class SegmentIndex {
  private readonly segments: ReadonlyArray<{ start: number; end: number }>;
  private readonly starts: number[];
  /** Per list: its items by segment index (undefined where a segment has none). */
  private readonly cache = new Map<readonly unknown[], Array<unknown[] | undefined>>();

  constructor(segments: ReadonlyArray<{ start: number; end: number }>) {
    this.segments = segments;
    this.starts = [];
    for (const s of segments) this.starts.push(s.start);
  }

  private find(pos: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    let ans = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] ?? 0) <= pos) {
        ans = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return ans;
  }

  /**
   * The items of `list` inside `seg`. The array of a segment is shared between calls (drafts
   * keep it); a segment without items gets a new empty array each time.
   */
  inside<T extends { start: number; end: number }>(list: readonly T[], seg: { start: number; end: number; index?: number }): T[] {
    // Clauses and sentences know their index; any other span is looked up.
    const k = seg.index !== undefined && this.segments[seg.index] === seg ? seg.index : this.find(seg.start);
    if (k < 0 || this.segments[k]?.start !== seg.start || this.segments[k]?.end !== seg.end) return insideScan(list, seg);
    let bySegment = this.cache.get(list);
    if (!bySegment) {
      bySegment = new Array<unknown[] | undefined>(this.segments.length).fill(undefined);
      for (const item of list) {
        const i = this.find(item.start);
        const s = this.segments[i];
        if (!s || item.end > s.end) continue;
        const arr = bySegment[i];
        if (arr) arr.push(item);
        else bySegment[i] = [item];
      }
      this.cache.set(list, bySegment);
    }
    return (bySegment[k] as T[] | undefined) ?? [];
  }
}

/** Nearest mention before `pos`, else the nearest after it. */
function nearest<T extends { start: number; end: number }>(list: readonly T[], pos: number): T | null {
  let before: T | null = null;
  let after: T | null = null;
  for (const m of list) {
    if (m.end <= pos || m.start < pos) {
      if (!before || m.start > before.start) before = m;
    } else if (!after || m.start < after.start) after = m;
  }
  return before ?? after;
}

function partyZone(profile: ConflictProfile, side: string | null): PartyDef['zone'] | null {
  return profile.parties.find((p) => p.code === side)?.zone ?? null;
}



/** Everything about one statement that the clause and sentence passes read; one object shape. */
interface Scan {
  text: string;
  low: string;
  lang: string;
  prof: ConflictProfile;
  seg: Segmentation;
  /** Headline and dateline: no events, agencies or places are read there. */
  excluded: Segment[];
  partyCodes: ReadonlySet<string>;
  source: AgencyDef | null;
  agencies: AgencyMention[];
  parties: PartyMention[];
  /** Sides that speak for themselves ("the Tajik side claims"). */
  partyFrames: PartyMention[];
  statementReporter: Reporter;
  statementReporterEvidence: Match | null;
  /**
   * A third country's outlet relaying the statement (its country, no party's): the reporter of
   * the paragraphs that cite no source and give both sides' word (`both`).
   */
  relay: { side: string; agency: string | null; both: ReadonlySet<number> } | null;
  issuerZone: PartyDef['zone'] | null;
  pubOwnOffset: number | null;
  offsetMin: number | null;
  pub: PublicationTime;
  pubLocalMin: number | null;
  temporal: { dates: DateMention[]; clocks: ClockMention[] };
  dates: DateMention[];
  clocks: ClockMention[];
  gazetteer: Gazetteer;
  placeExclusion: RegExp;
  places: PlaceMention[];
  numbers: NumberMention[];
  cues: Cues;
  trig: TriggerSet;
  terms: TermMatch[];
  insideClause: SegmentIndex;
  insideSentence: SegmentIndex;
  /** The clause pass: drafts so far, and the day the latest clauses told of. */
  drafts: Draft[];
  ctx: { date: string | null; paragraph: number } | null;
  lastEventDate: string | null;
  /** The latest status line ("as of 10:15 on 16 September the situation is tense"). */
  status: { date: string | null; clock: ClockMention | null } | null;
  /** The dateline's day and paragraph ("SAMARKAND, 16.09.2022 /NIAT Khovar/."). */
  datelineCtx: { date: string | null; paragraph: number } | null;
  /** Paragraphs read as background of an earlier episode (escalationBackground): no event's toll. */
  background: Set<number>;
  /** The source the latest clause cited, and its paragraph: it goes on speaking there. */
  lastFrame: { paragraph: number; frame: AgencyMention | PartyMention } | null;
}

function overlapsAny(list: readonly Segment[], m: Segment): boolean {
  for (const x of list) if (m.start < x.end && x.start < m.end) return true;
  return false;
}

function withinAny(list: readonly Segment[], m: Segment): boolean {
  for (const x of list) if (m.start >= x.start && m.end <= x.end) return true;
  return false;
}

/** Who issued the statement, and the span that says so. */
function statementReporterOf(
  statement: StatementInput,
  text: string,
  prof: ConflictProfile,
  source: AgencyDef | null,
  sourceThird: string | null,
  agencies: readonly AgencyMention[],
  parties: readonly PartyMention[],
  places: readonly PlaceMention[],
): { reporter: Reporter; evidence: Match | null } {
  if (source && source.kind !== 'media') return { reporter: { agency: source.name, side: source.side ?? sourceThird }, evidence: null };
  if (sourceThird) return { reporter: { agency: statement.source_agency ?? null, side: sourceThird }, evidence: null };
  let official: AgencyMention | undefined;
  for (const a of agencies) {
    if (a.frame && a.agency.kind !== 'media' && a.side) {
      official = a;
      break;
    }
  }
  if (official) return { reporter: { agency: official.agency.name, side: official.side }, evidence: official };
  // "Kyrgyzstan and Tajikistan blamed each other": both sides speaking are no single reporter.
  // A side cited in passing («по данным таджикской стороны, погиб…») frames its own clause only.
  const f = partyFrames(text, parties, prof).find((p) => p.role !== 'mutual' && !p.cited);
  if (f) return { reporter: { agency: source?.name ?? statement.source_agency ?? null, side: f.side }, evidence: f };
  const partyCodes = compileProfile(prof).partyCodes;
  if (source && source.side !== null && partyCodes.has(source.side)) return { reporter: { agency: source.name, side: source.side }, evidence: null };
  // A foreign outlet relays a side's statement: the side of the agencies it names, before its own.
  // ("an Israeli army base", "a Kyrgyz border service post": a body named as the owner of what was hit is no source.)
  const first = agencies.find((a) => a.side !== null && partyCodes.has(a.side) && !HELD_PLACE_AFTER.test(text.slice(a.end, a.end + 20)));
  if (first) return { reporter: { agency: first.agency.name, side: first.side }, evidence: null };
  // "the country's health ministry" in a relay about one side's citizens and places: that side's
  // (the country of the places it counts in, else of the citizens hurt, else the side most named).
  const unsided = agencies.find((a) => a.agency.kind === 'official' && a.side === null);
  const most = unsided ? (placeMajority(places, partyCodes) ?? mostNamed(parties.filter((p) => p.role === 'target' || p.role === 'victim')) ?? mostNamed(parties)) : null;
  if (unsided && most) return { reporter: { agency: unsided.agency.name, side: most }, evidence: unsided };
  const sided = agencies.find((a) => a.side && !HELD_PLACE_AFTER.test(text.slice(a.end, a.end + 20)));
  if (sided) return { reporter: { agency: sided.agency.name, side: sided.side }, evidence: null };
  // "Interfax, citing the MFA of Kyrgyzstan": the side the source line cites, before the wire's own.
  const cited = citedSide(statement.source_agency, prof);
  if (cited) return { reporter: { agency: statement.source_agency ?? null, side: cited }, evidence: null };
  if (source) return { reporter: { agency: source.name, side: source.side }, evidence: null };
  return { reporter: { agency: statement.source_agency ?? null, side: null }, evidence: null };
}

const HELD_PLACE_AFTER = /^\s+(?:base|post|outpost|position|checkpoint|vehicle|patrol|convoy|camp|barracks|jeep|tank|база|базу|пост|позици|заставу|заставы|колонну)/i;

/**
 * A relay by an outlet of a third country ("Zakon.kz", «Газета.Ru (ТАСС)»): its country, and the
 * paragraphs where no official body or side speaks and both sides' claims are summed up: the
 * item cites no single side there, so the claim is the outlet country's (corpus README
 * `reported_by`).
 */
function relayOf(
  statement: StatementInput,
  text: string,
  source: AgencyDef | null,
  sourceThird: string | null,
  partyCodes: ReadonlySet<string>,
  agencies: readonly AgencyMention[],
  parties: readonly PartyMention[],
  prof: ConflictProfile,
  seg: Segmentation,
): Scan['relay'] {
  if (sourceThird) return null;
  // "Zakon.kz (citing the Ministry of Emergencies)": the outlet named first relays the body it cites.
  const side = relayCountry(statement.source_agency) ?? (source?.kind === 'media' ? source.side : null);
  if (side === null || partyCodes.has(side)) return null;
  const framed = new Set<number>();
  const paragraphOf = (pos: number): number => {
    for (const p of seg.paragraphs) if (pos >= p.start && pos < p.end) return p.index;
    return -1;
  };
  for (const a of agencies) if (a.frame && a.side && a.agency.kind !== 'media') framed.add(paragraphOf(a.start));
  for (const p of partyFrames(text, parties, prof)) framed.add(paragraphOf(p.start));
  // «Стороны обвинили друг друга», "the sides blamed each other": a paragraph of the outlet's own
  // that gives both sides' word, no single side's.
  const both = new Set<number>();
  for (const p of seg.paragraphs) if (!framed.has(p.index) && MUTUAL_BLAME.test(lower(text.slice(p.start, p.end)))) both.add(p.index);
  return { side, agency: statement.source_agency ?? null, both };
}

// "citing …", «со ссылкой на …» in a source line: the bodies it cites follow.
const CITING = /(?:citing|quoting|relaying|со ссылкой на|ссылаясь на)\s+/i;

/** The one side the bodies a source line cites are named with ("citing the MFA of Kyrgyzstan"), if one. */
function citedSide(source: string | null | undefined, prof: ConflictProfile): string | null {
  if (!source) return null;
  const m = CITING.exec(source);
  if (!m) return null;
  const sides = new Set(findParties(source.slice(m.index + m[0].length), prof, []).map((p) => p.side));
  return sides.size === 1 ? ([...sides][0] ?? null) : null;
}

/** The value given most often, none on a tie. */
function majority(values: Iterable<string>): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  let n = 0;
  let tie = false;
  for (const [value, c] of counts) {
    if (c > n) {
      best = value;
      n = c;
      tie = false;
    } else if (c === n) tie = true;
  }
  return tie ? null : best;
}

/** The country most of the named places lie in (a party's), none on a tie. */
function placeMajority(places: readonly PlaceMention[], partyCodes: ReadonlySet<string>): string | null {
  return majority(places.map((p) => p.place.country).filter((c) => partyCodes.has(c)));
}

/** The side named most often, none on a tie. */
function mostNamed(parties: readonly PartyMention[]): string | null {
  return majority(parties.map((p) => p.side));
}

/**
 * An agency of no fixed side speaks for the country of a place in its name ("the Isfara district
 * hukumat" is Tajik whoever relays it); a qualifier or the context only when it names none.
 */
function placeSides(agencies: AgencyMention[], places: readonly PlaceMention[], partyCodes: ReadonlySet<string>): AgencyMention[] {
  for (let i = 0; i < agencies.length; i++) {
    const a = agencies[i] as AgencyMention;
    if (a.agency.side !== null) continue;
    for (const p of places) {
      if (p.start >= a.start && p.end <= a.end && partyCodes.has(p.place.country) && p.place.country !== a.side) {
        agencies[i] = { start: a.start, end: a.end, text: a.text, agency: a.agency, side: p.place.country, frame: a.frame };
        break;
      }
    }
  }
  return agencies;
}

const PUB_OFFSET = /([+-]\d{2}:\d{2}|Z)$/;

/** The offset a publication time is written in (minutes east of UTC), if it has one. */
function publicationOffset(publishedAt: string | null | undefined): number | null {
  const m = PUB_OFFSET.exec((publishedAt ?? '').trim());
  return m ? (m[1] === 'Z' ? 0 : parseOffset(m[1] ?? '')) : null;
}

/** Reads a statement once: segments, reporter, time basis, and every scanner's mentions. */
function scanStatement(statement: StatementInput, profile: ConflictProfile | undefined, options: ExtractOptions): Scan {
  const text = typeof statement.text === 'string' ? statement.text : '';
  const lang = detectLanguage(text, statement.language);
  const prof =
    profile ??
    (options.profile_id ? getProfile(options.profile_id) : undefined) ??
    selectProfile(text, statement.source_agency, undefined, publicationOffset(statement.published_at) ?? 0);
  const v = prof.vocabulary;
  const seg = segment(text);
  const low = lower(text);
  const excluded: Segment[] = [];
  for (const p of seg.paragraphs) if (p.headline || p.tail) excluded.push({ start: p.start, end: p.end });
  if (seg.dateline) excluded.push(seg.dateline);
  const partyCodes = compileProfile(prof).partyCodes;

  // Who issued the statement.
  const source = agencyOfSource(statement.source_agency, prof);
  const sourceThird = source?.kind === 'third_party' ? source.side : statement.source_agency ? thirdPartyOf(statement.source_agency.replace(WEB_DOMAIN, ' '), prof) : null;
  const contextSide = source?.side ?? sourceThird ?? null;
  const compiled = compileProfile(prof);
  const gazetteer = compiled.gazetteer;
  const listedPlaces = findPlaces(text, gazetteer);
  const allAgencies = findAgencies(text, prof, contextSide && partyCodes.has(contextSide) ? contextSide : null);
  const agencies = placeSides(
    allAgencies.filter((a) => !overlapsAny(excluded, a)),
    listedPlaces,
    partyCodes,
  );
  const parties = findParties(text, prof, agencies);
  let { reporter: statementReporter, evidence: statementReporterEvidence } = statementReporterOf(statement, text, prof, source, sourceThird, agencies, parties, listedPlaces);
  // "PRESS CENTRE OF THE BORDER TROOPS REPORTS:" as the first line: a headline that names the
  // issuer when the body names none.
  if (statementReporter.side === null) {
    const head = allAgencies.find((a) => a.side !== null && partyCodes.has(a.side) && a.agency.kind === 'official' && overlapsAny(excluded, a));
    if (head) {
      statementReporter = { agency: head.agency.name, side: head.side };
      statementReporterEvidence = head;
    }
  }
  const issuerSide = source?.kind === 'official' && source.side ? source.side : statementReporter.side;
  const relay = relayOf(statement, text, source, sourceThird, partyCodes, agencies, parties, prof, seg);
  // "Interfax (citing Security Council of Armenia)": the side of the body the source line cites.
  if (statementReporter.side === null) {
    const cited = citedSide(statement.source_agency, prof);
    if (cited) statementReporter = { agency: statement.source_agency ?? null, side: cited };
  }
  // An item that cites no side at all is the outlet's own, whichever country it is in.
  if (statementReporter.side === null) {
    const outlet = relay?.side ?? relayCountry(statement.source_agency);
    if (outlet) statementReporter = { agency: statement.source_agency ?? null, side: outlet };
  }
  // "Sputnik Tajikistan", "RFE/RL's Kyrgyz Service": an outlet named with one side's country is that side's.
  if (statementReporter.side === null && statement.source_agency) {
    const named = new Set(findParties(statement.source_agency, prof, []).map((p) => p.side));
    if (named.size === 1) statementReporter = { agency: statement.source_agency, side: [...named][0] ?? null };
  }

  // Time zone: the issuer's; a third party's statement is read in the publication's own offset.
  const issuerZone = partyZone(prof, issuerSide && partyCodes.has(issuerSide) ? issuerSide : null);
  const pubOwnOffset = publicationOffset(statement.published_at);
  const offsetMin = issuerZone ? parseOffset(issuerZone.offset) : pubOwnOffset;
  const pubGiven = publicationTime(statement.published_at, offsetMin);
  const zoneLabels = compiled.zoneLabels;
  const pubLocalMin =
    pubGiven.instant !== null && offsetMin !== null ? (((Math.floor(pubGiven.instant / 60_000) + offsetMin) % 1440) + 1440) % 1440 : null;
  // Without a publication time, a dated dateline or the first full date stands in for it.
  let pub = pubGiven;
  let temporal = findTemporal(text, pub.date, zoneLabels);
  if (!pub.date) {
    const full = temporal.dates.find((d) => d.date && (d.kind === 'absolute' || d.kind === 'night'));
    if (full?.date) {
      pub = { date: full.date, instant: null };
      temporal = findTemporal(text, pub.date, zoneLabels);
    }
  }
  // "BAKU, September 13. /TASS/." in a relay dated otherwise: "on Tuesday", "yesterday" are told
  // from the dateline's day, the issuer's, not from the relay's.
  const dl = seg.dateline;
  const dlDay = dl ? temporal.dates.find((d) => d.start >= dl.start && d.end <= dl.end && d.date && d.kind === 'absolute') : undefined;
  let pubMin = pubLocalMin;
  if (dlDay?.date && pub.date && dlDay.date !== pub.date && Math.abs(dayStartUtc(dlDay.date) - dayStartUtc(pub.date)) <= DATELINE_RELAY_DAYS * 86_400_000) {
    pub = { date: dlDay.date, instant: null };
    pubMin = null;
    temporal = findTemporal(text, pub.date, zoneLabels);
  }
  const dates = temporal.dates.filter((d) => !overlapsAny(excluded, d));
  const clocks = temporal.clocks.filter((c) => !overlapsAny(excluded, c));
  // "the plenipotentiary in Batken region", "the Batken regional administration": a place inside
  // an agency's name is no event place; nor is a city naming a clock ("20:00 Bishkek time"), where
  // someone is based ("a Srinagar-based spokesman") or where the item was filed ("SRINAGAR: …").
  const paraStarts = new Set<number>();
  for (const p of seg.paragraphs) paraStarts.add(p.start + (p.end - p.start - text.slice(p.start, p.end).trimStart().length));
  const places = withUnlistedPlaces(text, listedPlaces, prof).filter(
    (p) =>
      !overlapsAny(excluded, p) &&
      !agencies.some((a) => p.start >= a.start && p.end <= a.end) &&
      !NAMES_CLOCK.test(text.slice(p.end, p.end + 8)) &&
      !(paraStarts.has(p.start) && DATELINE_AFTER.test(text.slice(p.end, p.end + 4))),
  );
  // A dated dateline ("SAMARKAND, 16.09.2022 /NIAT Khovar/.", «ДУШАНБЕ, 16 сен — Sputnik.») dates
  // the narrative whoever issues or relays the statement (SCHEMA, "Which day": a dateline counts).
  let ctx: Scan['ctx'] = null;
  if (dl) {
    const datelineDate = temporal.dates.find((d) => d.start >= dl.start && d.end <= dl.end && d.date);
    if (datelineDate) ctx = { date: datelineDate.date, paragraph: seg.paragraphs.find((p) => p.start <= dl.start && dl.start < p.end)?.index ?? -1 };
  }
  ctx ??= pageDateLine(text, seg, temporal, pub.date);
  return {
    text,
    low,
    lang,
    prof,
    seg,
    excluded,
    partyCodes,
    source,
    agencies,
    parties,
    // Sides, and third parties (UNIFIL, the OSCE), that speak for themselves.
    partyFrames: [...partyFrames(text, parties, prof), ...thirdPartyFrames(text, prof).filter((t) => !overlapsAny(excluded, t))].sort(byStart),
    statementReporter,
    statementReporterEvidence,
    relay,
    issuerZone,
    pubOwnOffset,
    offsetMin,
    pub,
    pubLocalMin: pubMin,
    temporal,
    dates,
    clocks,
    gazetteer,
    placeExclusion: compiled.placeExclusion,
    places,
    numbers: findNumbers(text),
    cues: findCues(text, v),
    trig: findTriggers(text, v),
    terms: agreementTerms(text, v),
    insideClause: new SegmentIndex(seg.clauses),
    insideSentence: new SegmentIndex(seg.sentences),
    drafts: [],
    ctx,
    lastEventDate: null,
    status: null,
    datelineCtx: ctx,
    background: new Set(),
    lastFrame: null,
  };
}

const NAMES_CLOCK = /^(?:\s+time\b|-based\b)/i;
// "РИА Новости (embedy.eu)": a site's domain names no third party.
const WEB_DOMAIN = /[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}(?![\w.])/gi;
// A city opening a paragraph as a dateline: "SRINAGAR: …", "BISHKEK (Reuters) –", «Москва. 29 апреля.».
const DATELINE_AFTER = /^(?::|\s\(|\.\s+\d)/;
// What a page's date line holds besides its date and clock: separators, a view count.
const DATE_LINE_REST = /^[\s\d|,.:;/\-–—•·()]*$/;
// A wire dateline on a line of its own: "BAKU, Azerbaijan, May 1", «АСТАНА, 12 мая».
const WIRE_DATELINE_REST = /^\s*[A-ZА-ЯЁ][A-ZА-ЯЁ-]{2,}(?: [A-ZА-ЯЁ-]{2,})?,(?:\s*[A-ZА-ЯЁ][a-zа-яё]+,)?[\s\d|,.:;/\-–—•·()]*$/;

/**
 * A page's own date line above the body ("29.04.2021 19:55", "14 September 2022 12:48",
 * «28 января 2022, 07:45») is the item's dateline: it dates the narrative until the text gives
 * another day (SCHEMA, "Which day"). Only a line that holds nothing but a date (and a clock)
 * counts, and only a day of publication or the two before it: a site's header showing the day
 * the page was saved ("Апрель 30, 2025") is no dateline.
 */
const LEAD_SENTENCE = /(?:\S+\s+){8}/;

function pageDateLine(text: string, seg: Segmentation, temporal: { dates: DateMention[]; clocks: ClockMention[] }, pubDate: string | null): Scan['ctx'] {
  const firstBody = seg.paragraphs.find((p) => !p.headline);
  if (!firstBody) return null;
  for (const p of seg.paragraphs) {
    if (!p.headline) break;
    const inLine = temporal.dates.filter((d) => d.start >= p.start && d.end <= p.end);
    const day = inLine[0];
    // "…as a result of today's troop clashes" in a lead line before the body: the page's day
    // (not a page's time stamp, «сегодня в 13:32», which is only when it was published).
    if (
      inLine.length === 1 &&
      day?.date &&
      day.kind === 'relative' &&
      day.role === 'event' &&
      !temporal.clocks.some((k) => k.start >= p.start && k.end <= p.end) &&
      LEAD_SENTENCE.test(text.slice(p.start, p.end))
    )
      return { date: day.date, paragraph: firstBody.index };
    if (inLine.length !== 1 || !day?.date || day.kind !== 'absolute') continue;
    if (pubDate && (day.date > pubDate || day.date < addDays(pubDate, -2))) continue;
    let rest = `${text.slice(p.start, day.start)} ${text.slice(day.end, p.end)}`;
    for (const k of temporal.clocks) if (k.start >= p.start && k.end <= p.end) rest = rest.replace(text.slice(k.start, k.end), ' ');
    if (DATE_LINE_REST.test(rest) || WIRE_DATELINE_REST.test(rest)) return { date: day.date, paragraph: firstBody.index };
  }
  return null;
}


/** What every draft of one clause shares: the clause's mentions, cues and reporter. */
interface ClauseView {
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

function clauseView(s: Scan, clause: Clause, sentence: Sentence): ClauseView {
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

function underModal(c: ClauseView, pos: number): boolean {
  for (const w of c.modal) if (pos >= w.start && pos < w.end) return true;
  return false;
}

/** Not under modality and not a blame phrase ("opened fire first"). */
function isActive(c: ClauseView, m: Match): boolean {
  if (underModal(c, m.start)) return false;
  for (const b of c.blame) if (m.start < b.end && b.start < m.end) return false;
  return true;
}

function activeIn(c: ClauseView, list: readonly Match[]): Match[] {
  const out: Match[] = [];
  for (const m of list) if (isActive(c, m)) out.push(m);
  return out;
}

function mutualIn(s: Scan, c: ClauseView): boolean {
  if (c.mutual === null) c.mutual = MUTUAL_BLAME.test(s.low.slice(c.sentence.start, c.sentence.end));
  return c.mutual;
}

interface TimePick {
  carried: boolean;
  date: string | null;
  month: string | null;
  part: PartOfDay | null;
  clock: ClockMention | null;
  dateEvidence: Match[];
}

/** How far a relay's date may stray from its dateline's and the dateline still be the reference day. */
const DATELINE_RELAY_DAYS = 14;
const DAY_BEFORE = /^(?:накануне|the previous day|the day before|a day earlier)$/i;
const NIGHT_BEFORE = /^(?:the previous night|the night before)$/i;
const EARLIER_START = /^(?:earlier|previously|ранее|прежде)(?![a-zа-яё])/i;
// "Clashes broke out this week", «на прошлой неделе»: a week, no day; the narrative's day does not carry.
// "Over the past month", "in recent weeks", «в последние дни», «за последний месяц»: a period, no day either.
const WEEK_SPAN = /(?<![a-zа-яё])(?:(?:earlier|later) this week|this week|last week|past week|на (?:этой|прошлой) неделе|на минувшей неделе|(?:over|in|during) the (?:past|last) (?:few |several |two |three )?(?:weeks?|months?)|in recent (?:days|weeks|months)|recent weeks|за (?:последн|прошедш|минувш)[а-яё]+ (?:месяц|недел[а-яё]*|несколько (?:дней|недель|месяцев))|в последние (?:дни|недели|месяцы))(?![a-zа-яё])/;

/** A relative or temporal clause opened between a trigger and a day told after it, not one of taking effect. */
const SUBORDINATE_BEFORE_DATE =
  /(?:\b(?:that|which|who|after|since|when)\s|(?:^|[^а-яё])(?:котор[а-яё]*|после того|когда|с тех пор)\s)(?![^]*(?:effect|force|вступ|действ))/;

const OF_TRIGGER_ITSELF = /^[^\s,]+(?:\s[^\s,]+)?,?\s(?:that|which|котор[а-яё]*)\s/;

/** The time of a trigger at `pos`: the nearest date, part of day and clock of its clause. */
function resolveTime(s: Scan, c: ClauseView, pos: number, agreement: boolean): TimePick {
  const usable: DateMention[] = [];
  const parts: DateMention[] = [];
  for (const d of c.cDates) {
    // An agreement may be dated by the day it was reported reached ("The army said on Wednesday
    // that a cease-fire has taken effect").
    if (d.kind !== 'part' && (d.role === 'event' || (agreement && (d.role === 'reference' || d.role === 'report')))) usable.push(d);
    if (d.kind === 'part' && d.role === 'event') parts.push(d);
  }
  const eventClocks: ClockMention[] = [];
  for (const k of c.cClocks) if (k.role === 'event') eventClocks.push(k);
  let dm: DateMention | null = nearest(usable, pos);
  // "fortifying the positions they took after they breached the border on May 12", "to halt the
  // conflict that reignited on December 7": a day told after the trigger inside a clause of its
  // own dates that clause's act; "a ceasefire that takes effect on 21 May" still dates it.
  // "the armed conflict that resumed on 9 September": a clause right after a noun trigger tells of
  // the trigger itself.
  if (dm && dm.start > pos) {
    const between = s.low.slice(pos, dm.start);
    if (SUBORDINATE_BEFORE_DATE.test(between) && !OF_TRIGGER_ITSELF.test(between)) dm = null;
  }
  const partM = nearest(parts, pos);
  let clock = nearest(eventClocks, pos);
  let date: string | null = null;
  let carried = false;
  let month: string | null = null;
  let part: PartOfDay | null = dm?.part ?? partM?.part ?? null;
  const evidence: Match[] = [];
  if (dm) {
    evidence.push(dm);
    if (dm.kind === 'same_day' || dm.kind === 'anaphor') date = s.lastEventDate ?? s.ctx?.date ?? null;
    else if (dm.kind === 'month') month = dm.month;
    else if (dm.kind === 'relative' && DAY_AFTER_WORDS.test(dm.text.toLowerCase())) {
      // "Fighting broke out on 29 April; a day later the sides agreed…": the day after the
      // narrative's day, when one was told (up to publication).
      let told = s.lastEventDate ?? s.ctx?.date ?? null;
      for (const x of c.cDates) if (x.start < dm.start && x.date && x.role === 'event') told = x.date;
      const next = told ? addDays(told, 1) : null;
      date = next && (!s.pub.date || next <= s.pub.date) ? next : null;
    } else if (dm.kind === 'relative' && NIGHT_BEFORE.test(dm.text)) {
      // "On 6 August … The previous night …": the night that ended on the narrative's day.
      const told = s.ctx?.date ?? null;
      date = told && s.pub.date && told < s.pub.date ? told : dm.date;
    } else if (dm.kind === 'relative' && DAY_BEFORE.test(dm.text)) {
      // «16 сентября … Накануне …», "On 9 May … The day before …": the day before the narrative's
      // day, when the narrative told one before publication.
      const told = s.ctx?.date ?? null;
      date = told && s.pub.date && told < s.pub.date ? addDays(told, -1) : dm.date;
    } else date = dm.date;
  } else if (clock || partM) {
    date = s.lastEventDate ?? s.ctx?.date ?? null;
    // "On 14 September the Security Committee said that at 09:30 Tajik troops opened fire": a
    // clock time told in a report is of the report's day.
    const at = clock?.start ?? -1;
    const report = c.cDates.find((x) => x.role === 'report' && x.date && x.kind !== 'part' && x.start < at);
    if (report) {
      date = report.date;
      evidence.push(report);
    }
    // "Yesterday at 18:15 … fire was exchanged. At night the sides agreed…": a night told after
    // the narrative's day is the night that follows it, dated by the day it ends (SCHEMA), up to
    // the day of publication; unless the narrative's day was itself told as a night.
    if (date && !clock && partM?.part === 'night' && s.pub.date && date < s.pub.date && !s.drafts.some((d) => d.date === date && d.part === 'night')) date = addDays(date, 1);
    // A bare clock time in a statement with no other date: the day of publication, when
    // that time had already come (the issuer's local clock), or when only the day is known.
    if (!date && clock && s.pubLocalMin !== null && s.offsetMin !== null) {
      const local = clock.hh * 60 + clock.mm + (clock.offset_min === null ? 0 : s.offsetMin - clock.offset_min);
      if (local >= 0 && local <= s.pubLocalMin) date = s.pub.date;
    } else if (!date && clock && s.pub.instant === null) date = s.pub.date;
  } else if (s.status && matchesIn(ONGOING, s.low, c.clause)) {
    // Going on now: the status line's day and time.
    date = s.status.date;
    clock = s.status.clock;
  } else if (s.ctx && !EARLIER_START.test(s.text.slice(c.sentence.start, c.sentence.start + 12)) && !WEEK_SPAN.test(s.low.slice(c.clause.start, c.clause.end))) {
    // A date told earlier carries to later events of the narrative (a dateline, "Tension rose
    // on 9 May.¶Tajik servicemen fired…") until another date is given; not to a sentence that
    // tells what happened before it ("Earlier, …", «Ранее …»).
    date = s.ctx.date;
    carried = true;
  }
  if (partM) evidence.push(partM);
  if (clock) evidence.push(clock);
  // A night with a clock time after noon began the day before ("night of 16 to 17, at 23:10").
  if (date && dm?.kind === 'night' && clock && clock.hh >= 12) date = addDays(date, -1);
  if (clock) part = null;
  return { carried, date, month, part, clock, dateEvidence: evidence };
}

/** The side acting at `pos`: an explicit actor of the clause, else the nearest actor before, else after. */
function actorFor(s: Scan, c: ClauseView, pos: number): PartyMention | null {
  let before: PartyMention | null = null;
  let after: PartyMention | null = null;
  // "The Border Service of Kyrgyzstan said that Tajik troops…": the actor is told after the
  // reporting verb.
  let from = c.clause.start;
  if (c.cParties.some((p) => p.start < pos && p.role === 'actor')) {
    REPORTED_THAT.lastIndex = c.clause.start;
    for (let m = REPORTED_THAT.exec(s.low); m !== null && m.index + m[0].length <= pos; m = REPORTED_THAT.exec(s.low)) from = m.index + m[0].length;
  }
  for (const p of c.cParties) {
    if (p.role === 'explicit_actor') return p;
    if (p.role !== 'actor' || (p.start < from && from <= pos)) continue;
    // "…is continuing, the Tajik side said": the side that speaks of the act is not its actor.
    if (p.start > pos && s.partyFrames.includes(p)) continue;
    // «начались столкновения после того, как таджикская сторона попыталась…», "clashes broke out
    // after the Tajik side tried to…": the side of the cause told after the act is not its actor.
    // An attack as the cause ("…began after Kyrgyz units attacked the posts") still blames the clash on its side.
    if (p.start > pos && CAUSE_AFTER.test(s.low.slice(pos, p.start)) && !CAUSE_ATTACK.test(s.low.slice(p.end, p.end + 60))) continue;
    // The subject comes first: the first side named before the trigger, not the nearest
    // («пограничники … Кыргызской Республики выпустили мины в направлении заставы … Республики
    // Таджикистан и открыли огонь»).
    if (p.start < pos) before ??= p;
    else if (!after) after = p;
  }
  // "The Israeli army said it had carried out a strike": the speaking force is the actor.
  const ev = c.reporterEvidence;
  const self = !before && !after && ev ? selfReported(s.low, ev, pos) : null;
  // (A third party telling what it saw, "the EU mission said it had recorded gunfire", acted not.)
  if (self && ev && s.partyCodes.has(self)) return { start: ev.start, end: ev.end, text: ev.text, side: self, role: 'explicit_actor' };
  return before ?? after;
}

function newDraft(s: Scan, c: ClauseView, type: EventType, trigger: Match, strength: Strength, agreement: boolean): Draft {
  const t = resolveTime(s, c, trigger.start, agreement);
  const actor = agreement ? null : actorFor(s, c, trigger.start);
  const extraEvidence: Evidence[] = [];
  for (const n of c.negated) extraEvidence.push(ev('negation', n));
  return {
    type,
    clause: c.clause,
    trigger,
    strength,
    date: t.date,
    month: t.month,
    part: t.part,
    clock: t.clock,
    dateEvidence: t.dateEvidence,
    places: c.cPlaces,
    actor: actor ? actor.side : null,
    actorEvidence: actor,
    reporter: c.reporter,
    reporterEvidence: c.reporterEvidence,
    weapons: c.cWeapons,
    killed: null,
    wounded: null,
    displaced: null,
    casualtyTotal: false,
    zero: false,
    casualtyEvidence: [],
    civilians: c.civilianNamed ? true : c.militaryNamed ? false : null,
    borderSection: c.borderSectionNamed,
    agreementStart: null,
    agreementTermsList: [],
    agreementLevel: null,
    agreementEvidence: [],
    extraEvidence,
    merged: 0,
    carried: t.carried,
    // Coordinated sides ("between Tajik and Kyrgyz troops") only give no actor; blame each
    // other and the clash has none.
    mutual: mutualIn(s, c),
    clashWord: null,
    ongoing: false,
    // «стягиваются обеими сторонами», "troops are being massed by both sides": no one side acts.
    unknownAgent: BOTH_SIDES_AGENT.test(s.low.slice(c.clause.start, c.clause.end)),
    anaphoric: false,
    confirms: false,
    renewed: false,
    toll: null,
  };
}

function overlapsWeapon(c: ClauseView, m: Match): boolean {
  for (const w of c.cWeapons) if (m.start < w.end && w.start < m.end) return true;
  return false;
}

/**
 * Words for fighting between two sides (a clash, a battle, «бои», «столкновения»), not summary
 * words for one side's acts ("attack", "aggression") nor the whole dispute ("conflict").
 */
const UNKNOWN_AGENT =
  /(?<![a-zа-яё])(?:(?:by|from)\s+(?:an?\s+)?(?:unidentified|unknown)\s+(?:persons?|people|individuals|gunm[ae]n|assailants|attackers)|неизвестн[а-яё]*(?:\s+(?:лиц[а-яё]*|люд[а-яё]*|вооруж[а-яё]*|злоумышленник[а-яё]*))?\s+(?:открыл[а-яё]*|обстрелял[а-яё]*|выстрелил[а-яё]*|стрелял[а-яё]*)|(?:unidentified|unknown)\s+(?:persons?|people|individuals|gunm[ae]n|assailants|attackers)\s+(?:opened|fired|shot)|(?:гражданск[а-яё]*\s+лиц[а-яё]*|местн[а-яё]*\s+жител[а-яё]*)\s+(?:открыл[а-яё]*|выстрелил[а-яё]*|стрелял[а-яё]*)|(?:civilians|local residents|villagers)\s+(?:opened|fired|shot))(?![a-zа-яё])/g;
const CAUSE_AFTER = /(?<![a-zа-яё])(?:после того,? как|after)(?![a-zа-яё])/;
// A military act as the cause: an attack, fire, or taking up (firing) positions.
const CAUSE_ATTACK = /атак|обстрел|огон|огня|огнев|стрел|напал|позици|наступ|attack|fir(?:e|ed|ing)|shell|shot|position|advanc/;
const BOTH_SIDES_AGENT = /(?<![a-zа-яё])(?:by both (?:sides|countries|parties)|both sides (?:are|have|were|had)|обеими сторонами|обе стороны (?:стягива|наращива|перебрасыва|сосредотачива))/;
const EPISODE_NOUN_BEFORE = /(?:конфликт|столкновени|бо[ёея]|боях|перестрелк|clash|fighting|conflict|hostilities)[a-zа-яё]*\s+(?:(?:of|on|от)\s+)?$/;
const FIGHTING = /^(?:armed )?(?:clash|skirmish|battle|fighting$|fights?$|fought$|gunfight|firefight|shootout|exchange|exchanged|trad(?:ed|ing) |fire exchange|gunfire exchange|confrontation|incident|encounter|обмен|огнев|бо[йие]|боя|боестолкновени|столкновени|стычк|перестрел)/;
/** An incident noun ("armed incident", «вооружённый инцидент», «инцидент с применением оружия»). */
const INCIDENT = /^(?:armed incident|incidents? involving|вооруж[её]нн[а-яё]* инцидент|инцидент)/;
// "took fighting positions", «заняли боевые позиции»: a posture, not fighting.
const POSITIONS = /^\s*(?:positions?|позици)/;
// "a verbal skirmish", «словесная стычка»: a quarrel between residents (SCHEMA: not an event).
const VERBAL = /(?:verbal|словесн[а-яё]*)\s+$/;

const AFTER_EPISODE = /(?:^|[^0-9a-zа-яё])(?:after|following|since|после|со времени)\s+(?:the\s+|last\s+|latest\s+|recent\s+|прошлого[а-яё]*\s+)?(?:[0-9a-zа-яё-]+\s+){0,2}$/;

/** "another exchange of fire", "a third shooting", «ещё одну перестрелку»: an episode after the one told. */
const NEW_EPISODE = /(?:^|[^0-9a-zа-яё])(?:another|a (?:second|third|fourth|fifth|new)|(?:the )?(?:second|third|fourth|fifth)|further|ещ[её] (?:одн|одноj?)[а-яё]*|втор[а-яё]*|треть[а-яё]*|четв[её]рт[а-яё]*|нов[а-яё]*)\s+(?:[0-9a-zа-яё-]+\s+)?$/;

/** Gives the clause's weapons to the attack told just before it (same or previous sentence). */
function upgradeLastAttack(s: Scan, c: ClauseView): boolean {
  const weapons = c.cWeapons.filter((w) => !underModal(c, w.start));
  if (weapons.length === 0) return false;
  // «таджикская сторона применяет также минометы», "is using mortars": weapons told as in use now
  // are the state of the conflict, told beside the timed episode (SCHEMA), not its weapons.
  if (matchesIn(ONGOING, s.low, c.clause)) return false;
  // "…opened fire. The two sides exchanged fire, and the Tajik side used mortars": a summary
  // word told between the attack and its weapons («завязалась перестрелка») is no attack of its
  // own; a fire word told with a day of its own ("since the morning of 16 September…") is one.
  let prev: Draft | undefined;
  let reach = c.clause.sentence - 1;
  for (let i = s.drafts.length - 1; i >= 0 && !prev; i--) {
    const d = s.drafts[i];
    if (!d) continue;
    if (d.strength === 'strong' || !VIOLENT.has(d.type) || (d.type !== 'armed_clash' && d.date !== null && !d.carried) || d.clause.sentence < reach) prev = d;
    else reach = Math.min(reach, d.clause.sentence - 1);
  }
  if (!prev || !VIOLENT.has(prev.type) || prev.strength !== 'strong' || prev.clause.paragraph < c.clause.paragraph - 1 || prev.clause.sentence < reach) return false;
  for (const w of weapons) if (!prev.weapons.some((x) => x.name === w.name)) prev.weapons.push(w);
  prev.type = attackType(prev.weapons, false, true);
  return true;
}

// What stands between two weapons of one list: "artillery, mortars and drones", «артиллерии и БПЛА».
const WEAPON_LIST_GAP = /^\s*(?:,\s*(?:and\s+|и\s+)?|(?:and|и)\s+)$/;

/** The weapons that type an attack: "opened fire with artillery, mortars and drones" is a
 * bombardment in which drones join the guns, not an air strike; drones named apart are one. */
function typingWeapons(s: Scan, weapons: WeaponMention[]): WeaponMention[] {
  // Drones only: aircraft listed with guns («авиа- и артиллерийские удары») still strike from the air.
  if (!weapons.some((w) => w.name === 'drone') || !weapons.some((w) => w.class === 'heavy')) return weapons;
  const listed = (a: WeaponMention, b: WeaponMention) =>
    a.end <= b.start ? WEAPON_LIST_GAP.test(s.low.slice(a.end, b.start)) : b.end <= a.start && WEAPON_LIST_GAP.test(s.low.slice(b.end, a.start));
  // The list runs through its neighbours: each air weapon has a heavy one in the same chain.
  const sorted = [...weapons].sort(byStart);
  const chain: number[] = [];
  let id = 0;
  for (let i = 0; i < sorted.length; i++) chain.push(i > 0 && listed(sorted[i - 1] as WeaponMention, sorted[i] as WeaponMention) ? id : ++id);
  const heavyChains = new Set(sorted.flatMap((w, i) => (w.class === 'heavy' ? [chain[i]] : [])));
  if (!sorted.every((w, i) => w.class !== 'air' || heavyChains.has(chain[i]))) return weapons;
  return weapons.filter((w) => w.name !== 'drone');
}

// A word of running totals in a toll's sentence: "in all, 34 were killed", «всего погибли 12».
const TOTAL_TOLL = /(?<![a-zа-яё])(?:in all|in total|altogether|overall|total|toll|всего|общее число|в общей сложности|итого)(?![a-zа-яё])/g;
// "the shooting resumed", «обстрел повторился», «огонь возобновился», "fired again".
const RENEWED = /(?<![a-zа-яё])(?:resum(?:ed|es)|renewed|repeated|again|повтори(?:лся|лась|лись|лось)|возобнови(?:лся|лась|лись|лось)|вновь|снова)(?![a-zа-яё])/g;
const CONFIRMED = /(?<![a-zа-яё])(?:confirm(?:ed|s)|подтвердил[а-яё]*|подтвержда(?:ет|ют))(?![a-zа-яё])/g;
const DEFINITE_BEFORE = /(?:^|[^0-9a-zа-яё])(?:in|during|by|from)\s+(?:the|this|that)\s+$|(?:в ходе|в результате|во время|при)\s+(?:этого|этой|этих|того|той)\s+$/;
const WHERE_BEFORE = /(?:^|[^0-9a-zа-яё])(?:where|где)\s+(?:the\s+)?$/;
const PERIOD_TALLY =
  /(?:over|in|during) the (?:last|past) (?:few |several |\d+ |two |three )?(?:years|months|decades)|in recent (?:years|months|decades)|(?:в|за) последние (?:годы|месяцы|десятилетия)|\b(?:a|one|two|three|four|five|several|a few|\d+) years? ago|(?:год|года|лет) назад|since (?:the )?(?:beginning|start) of (?:the |this )?(?:year|month)|since (?:january|february|march|april|june|july|august|september|october|november|december)\b|\d[\d,.]* (?:cases|incidents|instances|episodes) of|\d[\d\s,.]* (?:случа[а-яё]*|инцидент[а-яё]*|эпизод[а-яё]*|факт[а-яё]*) (?:обстрел|стрельб|открыти|применени)|since last (?:year|month|january|february|march|april|may|june|july|august|september|october|november|december)|с (?:прошлого|начала) (?:года|месяца)|за последние (?:\d+ |несколько )?(?:лет|года|месяц)/;

/** Attacks told by the clause: firing, shelling, clashes; or casualty figures alone (weak). */
function attackDrafts(s: Scan, c: ClauseView, incursions: number, buildups: readonly Match[], created: Draft[]): void {
  const { clause, cWeapons } = c;
  const inside = s.insideClause;
  const trig = s.trig;
  const against = AGAINST.test(s.low.slice(clause.start, clause.end));
  let weaponBeforeModal = false;
  for (const w of cWeapons) if (!underModal(c, w.start)) weaponBeforeModal = true;
  let use = weaponBeforeModal && ((incursions === 0 && buildups.length === 0) || against) ? activeIn(c, inside.inside(trig.weaponUse, clause)) : [];
  // «применяют миномёты и стягивают к границе технику», "use mortars and move armour to the
  // border": a weapon used before the build-up verb is fired; the build-up is told beside it.
  const firstBuildup = buildups[0];
  if (use.length === 0 && incursions === 0 && firstBuildup && weaponBeforeModal)
    use = activeIn(c, inside.inside(trig.weaponUse, clause)).filter((u) => u.end <= firstBuildup.start && cWeapons.some((w) => w.start >= u.end && w.end <= firstBuildup.start && w.start - u.end <= 40));
  const fire = activeIn(c, inside.inside(trig.fire, clause));
  for (const m of use) fire.push(m);
  const shelling = activeIn(c, inside.inside(trig.shelling, clause));
  const clash = activeIn(c, inside.inside(trig.clash, clause));
  // "infantry fighting vehicles" is a weapon, not fighting.
  const attack: Match[] = [...shelling, ...fire];
  for (const m of clash) if (!overlapsWeapon(c, m)) attack.push(m);
  attack.sort(byStart);
  // Casualty figures with no attack word still tell of one (weak: it joins a told attack).
  const casualty = attack.length === 0 ? casualtyTrigger(s.text, clause.start, clause.end, s.numbers) : null;
  // "There were 299 such violations till 28 January, and one death was reported": a toll told in
  // a sentence of monitoring statistics is a statistic too (SCHEMA), no event.
  if (casualty && !inside.inside(trig.fireExclusions, clause).length && !VIOLATION_STATISTICS.test(s.low.slice(c.sentence.start, c.sentence.end))) {
    const d = newDraft(s, c, 'armed_clash', casualty, 'weak', false);
    // A running total: told with a word of totals, or as a body's own count ("Kyrgyz authorities
    // reported 34 killed", «Минздрав сообщил о 12 погибших»).
    const ownSource = c.reporterEvidence !== null && c.reporterEvidence.start >= c.sentence.start && c.reporterEvidence.end <= c.sentence.end;
    d.toll = matchesIn(TOTAL_TOLL, s.low, c.sentence) ? 'total' : ownSource ? 'count' : null;
    d.weapons = [];
    // A toll names the people hit ("citizens of Kyrgyzstan"), not who fired: only an explicit
    // agent («со стороны Таджикистана») is the accused.
    if (d.actorEvidence && c.cParties.every((p) => p !== d.actorEvidence || p.role !== 'explicit_actor')) {
      d.actor = null;
      d.actorEvidence = null;
    }
    // Casualty sentences name hospitals and home villages, not where the attack was, but a
    // toll counted "in Batken region" or «в Лейлекском районе» is the toll of that unit.
    d.places = c.cPlaces.filter((p) => p.place.kind === 'district' || p.place.kind === 'region');
    // Their day is only their own: "wounded in the clashes of 28-29 April", «в ходе конфликтов
    // 28-29 апреля» dates the episode the toll is of.
    const episodeDay = c.cDates.find((x) => x.role === 'event' && x.date && x.kind === 'absolute' && EPISODE_NOUN_BEFORE.test(s.low.slice(Math.max(0, x.start - 30), x.start)));
    d.date = episodeDay?.date ?? null;
    d.part = null;
    d.clock = null;
    d.dateEvidence = episodeDay ? [episodeDay] : [];
    created.push(d);
  }
  // "used drones for reconnaissance": drones used with no fire, strike or fighting told fly over
  // the other side, an incursion (SCHEMA), not a strike.
  if (attack.length > 0 && attack.length === use.length && cWeapons.every((w) => w.class === 'air')) {
    // "Thai jets struck targets in Cambodia. … The Thais used F-16 fighters": aircraft used after
    // the statement told their strikes are the strikes' weapons, no flight of their own.
    if (incursions === 0 && !s.drafts.some((d) => d.type === 'air_or_drone_strike' && d.strength === 'strong')) {
      const d = newDraft(s, c, 'incursion', attack[0] as Match, 'strong', false);
      d.civilians = null;
      d.weapons = cWeapons;
      created.push(d);
    }
    return;
  }
  // "…the Tajiks opened fire. The Tajik side used mortars.": weapons told with no fire word of
  // their own, right after a told attack, are that attack's, typed by its heaviest weapon (SCHEMA).
  if (attack.length > 0 && attack.length === use.length && upgradeLastAttack(s, c)) return;
  const first = attack[0];
  // "an increase in firing over the last few years", "killed in attacks since last October": a
  // tally over a period, no event (SCHEMA), unless the clause dates an episode of its own.
  if (first && PERIOD_TALLY.test(s.low.slice(clause.start, clause.end)) && !c.cDates.some((x) => x.role === 'event' && x.date && x.kind !== 'part')) return;
  if (first) {
    const activeWeapons: WeaponMention[] = [];
    for (const w of cWeapons) {
      if (underModal(c, w.start)) continue;
      // "opened fire on guards who were patrolling in an armoured vehicle": a weapon in a clause
      // describing the target or the place is no weapon of the attack.
      if (w.start > first.end && TARGET_RELATIVE.test(s.low.slice(first.end, w.start))) continue;
      activeWeapons.push(w);
    }
    // "fired at each other", «перестрелка», "exchanged fire" with no weapon class: a clash.
    const exchange = activeWeapons.length === 0 && matchesIn(EXCHANGE, s.low, clause);
    // "a clash broke out and the Tajik side opened fire": a clash word frames the fire told with
    // it; with no weapon class named and no shelling the incident is a clash (SCHEMA "Which type").
    let clashWord = false;
    for (const m of clash)
      if (!overlapsWeapon(c, m) && FIGHTING.test(m.text.toLowerCase()) && !POSITIONS.test(s.low.slice(m.end, m.end + 16)) && !VERBAL.test(s.low.slice(Math.max(0, m.start - 16), m.start)))
        clashWord = true;
    clashWord = (exchange || clashWord) && activeWeapons.length === 0 && shelling.length === 0;
    const type = exchange ? 'armed_clash' : attackType(typingWeapons(s, activeWeapons), shelling.length > 0, fire.length > 0 || shelling.length > 0);
    let hasActor = false;
    for (const p of c.cParties) if (p.role === 'actor' || p.role === 'explicit_actor') hasActor = true;
    // "fired by unidentified persons", «неизвестные открыли огонь»: an agent, of no side.
    const unknownAgent = !hasActor && matchesIn(UNKNOWN_AGENT, s.low, clause);
    if (unknownAgent) hasActor = true;
    // An attack told with its own clock time ("then at about 11:40 a short exchange of fire took
    // place", "at 8:30 they began firing") is an event of its own, not a summary word.
    // "Since 15:00 the enemy has continued shelling": the episode told before goes on.
    // "An armed incident took place at 02:50", «произошёл инцидент с применением оружия»: an
    // incident noun names the episode the statement then details, a summary even with its time.
    const ownTime = c.cClocks.some((k) => k.role === 'event') && (type === 'armed_clash' || !matchesIn(CONTINUED, s.low, clause)) && !attack.every((m) => INCIDENT.test(m.text.toLowerCase()));
    const strong = activeWeapons.length > 0 || ((fire.length > 0 || shelling.length > 0) && hasActor) || ownTime;
    // A summary word told as a new episode is an episode of its own, not a mention of one told.
    // Only after an attack told before it: "another clash took place today" opening a statement
    // is the episode it then details, new beside earlier days.
    const another = !strong && s.drafts.some((x) => VIOLENT.has(x.type)) && NEW_EPISODE.test(s.low.slice(Math.max(0, first.start - 30), first.start));
    // "Tajik troops opened fire on the outpost. … The attack on the outpost began at 14:20": the
    // attack named again with a definite article, no weapon and no side of its own, is the attack
    // told just before, timed; no second event.
    const restated =
      type === 'armed_clash' &&
      !exchange &&
      !hasActor &&
      activeWeapons.length === 0 &&
      THE_ATTACK.test(s.low.slice(Math.max(0, first.start - 12), first.end)) &&
      s.drafts.some((x) => VIOLENT.has(x.type) && x.strength === 'strong' && x.clause.sentence >= c.sentence.index - 1);
    const d = newDraft(s, c, type, first, (strong || another) && !clause.introduces && !restated ? 'strong' : 'weak', false);
    if (restated) d.anaphoric = true;
    // "reopened four years after armed clashes", «после столкновений»: a summary word after
    // "after/since" names an earlier episode as background (SCHEMA), unless a day of its own is told.
    // The day must be the episode's ("after clashes broke out today"), not that of the clause's
    // own act told before it ("today the presidents met after the recent clashes").
    const afterEpisode = AFTER_EPISODE.exec(s.low.slice(Math.max(0, first.start - 40), first.start));
    const afterAt = afterEpisode ? Math.max(0, first.start - 40) + afterEpisode.index : -1;
    if (d.strength === 'weak' && afterEpisode && !c.cDates.some((x) => x.role === 'event' && x.date && x.start > afterAt)) return;
    // "visits the villages where clashes took place", «сёла, где шли бои»: the place described by
    // its past, no event told, unless the clause dates it.
    // "three civilians were killed in the attack": the attack told before, even where another
    // source gives the toll (SCHEMA: one event, its casualties).
    d.anaphoric = d.strength === 'weak' && DEFINITE_BEFORE.test(s.low.slice(Math.max(0, first.start - 24), first.start));
    // «Факт перестрелки подтвердили в администрации области», "the other side confirmed the
    // shootout": the episode told, agreed to, not that side's claim of its own.
    d.confirms = d.strength === 'weak' && matchesIn(CONFIRMED, s.low, clause);
    d.renewed = d.strength === 'weak' && matchesIn(RENEWED, s.low, clause);
    if (d.strength === 'weak' && WHERE_BEFORE.test(s.low.slice(Math.max(0, first.start - 12), first.start)) && !c.cDates.some((x) => x.role === 'event' && x.date)) return;
    // "Over 200 structures have been damaged due to shelling", «из-за обстрелов пострадали дома»:
    // fire named only as the cause of damage, with no side, place, day or toll of its own and no
    // attack told before it, sums the conflict up (SCHEMA: background), no event.
    if (
      d.strength === 'weak' &&
      d.actor === null &&
      c.cPlaces.length === 0 &&
      CAUSE_BEFORE.test(s.low.slice(Math.max(0, first.start - 30), first.start)) &&
      !c.cDates.some((x) => x.role === 'event' && x.date) &&
      !s.drafts.some((x) => VIOLENT.has(x.type)) &&
      !casualtyTrigger(s.text, clause.start, clause.end, s.numbers)
    )
      return;
    // A summary word ("the aggression", «в результате агрессии») has no day of its own: it joins
    // a told attack, or stands for the whole episode, dated only when the text dates it.
    // A fire or shelling word with no actor named ("they fired", «началась стрельба») is a told
    // act, not a summary word: it keeps the narrative's day.
    if (d.strength === 'weak' && d.carried && !fire.includes(first) && !shelling.includes(first)) {
      d.date = null;
      d.carried = false;
    }
    d.weapons = activeWeapons;
    // Told as going on (SCHEMA "What counts as one event": the state beside the timed episodes);
    // read only where merging asks: unplaced heavy fire, and attacks with a clock time.
    const stateLike = (type === 'heavy_weapons_fire' || type === 'air_or_drone_strike') && d.places.length === 0;
    d.ongoing = ((d.strength === 'strong' && (stateLike || d.clock !== null)) || (type === 'armed_clash' && d.date !== null && !d.carried)) && matchesIn(ONGOING, s.low, clause);
    // Going on now, undated, in a statement that tells of its day of publication: that day.
    if (d.ongoing && stateLike && d.date === null && d.month === null && !d.clock && s.pub.date && s.dates.some((x) => x.role === 'event' && x.date === s.pub.date)) d.date = s.pub.date;
    d.unknownAgent ||= unknownAgent && d.actor === null;
    if (clashWord && fire.length === 0) d.clashWord = exchange ? 'exchange' : 'clash';
    created.push(d);
  }
}

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
function agreementDraft(s: Scan, c: ClauseView): Draft | null {
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
function borrowMeetingDay(s: Scan): void {
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
function borrowAgreementStarts(s: Scan): void {
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

// «эвакуировали из-за вторжения», "victims of the invasion": the invasion named as the cause of
// what the clause tells sums the conflict up, no incursion of its own (SCHEMA: background).
const CAUSE_BEFORE = /(?:из-за|в ходе|в результате|вследствие|жертв[а-яё]*|because of|due to|as a result of|victims of|during)\s+(?:the\s+)?$/;
const INVASION_NOUN = /^(?:вторжени|invasion|incursion)/;

function causeNoun(s: Scan, m: Match): boolean {
  return INVASION_NOUN.test(s.low.slice(m.start, m.end)) && CAUSE_BEFORE.test(s.low.slice(Math.max(0, m.start - 30), m.start));
}

/** The events a clause tells when nothing negates it. */
function assertedDrafts(s: Scan, c: ClauseView, created: Draft[]): void {
  const { clause } = c;
  const inside = s.insideClause;
  const trig = s.trig;
  const incursions = activeIn(c, inside.inside(trig.incursion, clause)).filter((m) => !causeNoun(s, m));
  const buildups = activeIn(c, inside.inside(trig.buildup, clause));
  attackDrafts(s, c, incursions.length, buildups, created);
  const incursion = incursions[0];
  if (incursion) {
    const d = newDraft(s, c, 'incursion', incursion, 'strong', false);
    d.civilians = null;
    created.push(d);
  }
  const buildup = buildups[0];
  if (buildup) {
    const d = newDraft(s, c, 'military_buildup', buildup, 'strong', false);
    d.civilians = null;
    created.push(d);
  }
  const destructions = activeIn(c, inside.inside(trig.destruction, clause));
  // Arson, looting, demolition are acts of their own; damage words are so only when no cause is
  // told in the clause (the statement-level check drops them beside a fire event).
  // "houses were burned down after rockets hit them", "torched due to shelling": the shells' fire.
  const shellFire = destructions.length > 0 && BURN_CAUSE.test(s.low.slice(clause.start, clause.end));
  const destruction =
    destructions.find((m) => !isDamageWord(m) && !(shellFire && BURN_WORD.test(m.text))) ?? (shellFire || DAMAGE_CAUSE.test(s.low.slice(clause.start, clause.end)) ? undefined : destructions[0]);
  if (destruction) {
    const d = newDraft(s, c, 'property_destruction', destruction, 'strong', false);
    d.civilians = true;
    created.push(d);
  }
  const agreement = agreementDraft(s, c);
  if (agreement) created.push(agreement);
  // Allegations: a claim that an agreement was broken, with no specific event in the clause.
  // "to prevent possible violations of the ceasefire": a modal allegation alleges nothing.
  const alleg = activeIn(c, inside.inside(trig.allegation, clause))[0];
  const clauseLow = alleg ? s.low.slice(clause.start, clause.end) : '';
  if (alleg && created.every((d) => d.type === 'ceasefire_agreement') && AGREEMENT_NOUN.test(clauseLow) && !VIOLATION_STATISTICS.test(clauseLow)) {
    const d = newDraft(s, c, 'violation_allegation', alleg, 'strong', false);
    d.civilians = null;
    d.places = [];
    // An allegation takes a day only from its own clause: a date, or a time word that places it
    // in the narrative's day ("Right after that…", "Towards evening the service reported…"); not
    // the day it was said ("said today").
    const reportPart = c.cDates.find((x) => x.role === 'report' && x.kind === 'part' && x.part !== null);
    if (!c.cDates.some((x) => x.role === 'event' || (x.role === 'report' && (x.kind === 'part' || x.kind === 'anaphor' || x.kind === 'same_day')))) {
      d.date = null;
      d.part = null;
      d.clock = null;
    } else if (reportPart && !d.part && !d.clock) {
      d.part = reportPart.part;
      d.dateEvidence.push(reportPart);
    }
    created.push(d);
  }
}

const ELLIPTIC_START = /^(?:а|и|and|but)\s/i;
// «…перестрелку в местности Как-Сай, а затем — в местности Кок-Таш», "shelled Kulundu, and later
// Maksat": a sequence word in the elliptic clause tells a next episode at the places it names.
const ELLIPTIC_SEQUENCE = /^(?:а|и|and|but)\s+(?:затем|потом|позже|позднее|после этого|then|later|afterwards|after that)(?![a-zа-яё])/i;
// Only a place phrase follows (no verb of its own: «а затем отошли к селу Максат» tells no fire).
const ELLIPTIC_PLACE_GAP = /^(?:[\s,—–-]|(?:и|также|в|во|на|у|по|near|at|in|on|the|also|of|around|местност[а-яё]*|район[а-яё]*|сел[а-яё]*|застав[а-яё]*|пост[а-яё]*|village|area|town|post|outpost|checkpoint|соседн[а-яё]*|neighbou?ring)(?![a-zа-яё]))*$/i;
const PLACE_THEN_DATE = /^\s*(?:on|,)?\s*$/i;
// «16 сентября — Кулунду, 17 сентября — Максат»: a day before a dash heads the phrase after it.
const HEADS_PHRASE = /^\s*[—–]/;
// "Kulundu at 06:00", «Кулунду в 06:00»: a clock right after a place is its own.
const PLACE_THEN_CLOCK = /^\s*(?:(?:post|outpost|village|checkpoint|area|border post)\s+)?(?:at|around|about|at about|в|около|примерно в)?\s*$/i;

/** A clause after a semicolon that holds only a time, then its places ("; at 09:30, at the Maksat post"). */
function timeThenPlace(s: Scan, c: ClauseView): boolean {
  if (!/;\s*$/.test(s.text.slice(Math.max(0, c.clause.start - 3), c.clause.start))) return false;
  const time: Array<{ start: number; end: number }> = [...c.cClocks, ...c.cDates];
  const first = time.reduce<{ start: number; end: number } | null>((a, b) => (a === null || b.start < a.start ? b : a), null);
  const place = c.cPlaces[0];
  if (!first || !place || first.end > place.start) return false;
  return /^\s*(?:at|on|in|в|около|примерно в)?\s*$/i.test(s.text.slice(c.clause.start, first.start)) && ELLIPTIC_PLACE_GAP.test(s.text.slice(first.end, place.start));
}

/** "shelled Arka on 16 September and Maksat on 17 September": one event per day and place. */
function splitByDay(s: Scan, c: ClauseView, d: Draft, out: Draft[]): void {
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

/** "fired mortars at 17:20 and again at 18:10": one attack per clock time of the clause. */
function splitByClock(s: Scan, c: ClauseView, created: Draft[]): Draft[] {
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
function matchesIn(re: RegExp, low: string, span: { start: number; end: number }): boolean {
  re.lastIndex = span.start;
  const m = re.exec(low);
  return m !== null && m.index + m[0].length <= span.end;
}

/** How many sentences back in its paragraph an unplaced event looks for its scene. */
const SCENE_SENTENCES_BACK = 3;

/** One clause of the clause pass: its drafts, then the day it leaves for the clauses after it. */
function clauseStep(s: Scan, clause: Clause): void {
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

const EARLIER_OPENER = /^\W*(?:earlier|previously|ранее|прежде)\s*,/;

/** Casualty figures per sentence: attached to the event of that sentence or the latest before it. */
function casualtyPass(s: Scan): Array<CasualtyReport & { paragraph: number }> {
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
function scenePlaces(s: Scan, sentence: number, date: string | null, keep: (p: PlaceMention) => boolean): PlaceMention[] {
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
function scenePlacesOf(s: Scan, sentence: Sentence): PlaceMention[] {
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

export { findAll };
