/**
 * The statement scanned once: its segmentation and every mention the stages read (places, parties,
 * agencies, dates, clocks, numbers, cues), with the statement's reporter, relay, page date and
 * publication offset. A stage of the engine (see ../engine.ts).
 */
import { agreementTerms, type TermMatch } from '../agreements.ts';
import { type AgencyMention, agencyOfSource, findAgencies, findParties, partyFrames, type PartyMention, thirdPartyFrames, thirdPartyOf } from '../attribution.ts';
import { compileProfile } from '../compile.ts';
import { addDays, type ClockMention, type DateMention, findTemporal, parseOffset, type PublicationTime, publicationTime } from '../dates.ts';
import { byStart, type Draft } from '../draft.ts';
import { findTriggers, type TriggerSet } from '../events.ts';
import { detectLanguage } from '../lang.ts';
import { type Cues, findCues } from '../negation.ts';
import { findNumbers, type NumberMention } from '../numbers.ts';
import { insideScan } from '../output.ts';
import { findPlaces, type Gazetteer, type PlaceMention, withUnlistedPlaces } from '../places.ts';
import type { AgencyDef, ConflictProfile, PartyDef } from '../profile.ts';
import { getProfile, selectProfile } from '../profiles/index.ts';
import { relayCountry } from '../profiles/relays.ts';
import { lower, type Match } from '../text/patterns.ts';
import { type Segment, segment, type Segmentation } from '../text/segment.ts';
import { dayStartUtc } from '../time.ts';
import type { ExtractOptions, Reporter, StatementInput } from '../types.ts';

// Matched against the lower-cased text (case-insensitive regexes are several times slower).
// "A clash between border guards of the two countries" says who fought, not that neither is
// blamed: a side the sentence names as the one that started it stays accused.
export const MUTUAL_BLAME =
  /(?:each other|one another|blaming the other|each [a-z]+ (?:[a-z]+ )?(?:accus|blam)[a-z]* the other|blame each|друг друга|взаимн[а-яё]* обвинени|кажд[а-яё]* из сторон (?:[а-яё]+ )?обвин[а-яё]* другую)/;
const SETTLEMENT_WORD = /^(?:villages?|settlements?|село|села|селу|селе|сел|населенн[а-яё]* пункт[а-яё]*|населённ[а-яё]* пункт[а-яё]*)$/;
const LOCATIVE_BEFORE = /(?:^|[^0-9a-z\u00C0-\u024F\u0400-\u04FF])(?:near|at|close to|outside|in the (?:area|vicinity) of|у|около|близ|возле|вблизи|рядом с|в районе)\s+(?:the\s+)?$/;

/** A settlement word that only says where something else was hit ("near the village of X"). */
export function locatesOnly(low: string, m: Match): boolean {
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
export function nearest<T extends { start: number; end: number }>(list: readonly T[], pos: number): T | null {
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
export interface Scan {
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

export function withinAny(list: readonly Segment[], m: Segment): boolean {
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
export function scanStatement(statement: StatementInput, profile: ConflictProfile | undefined, options: ExtractOptions): Scan {
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

/** How far a relay's date may stray from its dateline's and the dateline still be the reference day. */
const DATELINE_RELAY_DAYS = 14;
