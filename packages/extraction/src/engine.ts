/**
 * The extraction engine: statement in, attributed and located events out. Pure and
 * deterministic: the only notion of "now" is the statement's publication time.
 */
import { agreementLevel, agreementTerms, type TermMatch } from './agreements.ts';
import { agencyOfSource, findAgencies, findParties, partyFrames, thirdPartyOf, type AgencyMention, type PartyMention } from './attribution.ts';
import { casualtyTrigger, sentenceCasualties, type CasualtyFigures } from './casualties.ts';
import {
  addDays,
  findTemporal,
  formatOffset,
  parseOffset,
  publicationTime,
  type ClockMention,
  type DateMention,
  type PartOfDay,
  type PublicationTime,
} from './dates.ts';
import { attackType, CODEBOOK, findTriggers, type TriggerSet, type WeaponMention } from './events.ts';
import { detectLanguage } from './lang.ts';
import { findCues, type Cues } from './negation.ts';
import { findNumbers, type NumberMention } from './numbers.ts';
import { compileGazetteer, findPlaces, toExtracted, withUnlistedPlaces, type Gazetteer, type PlaceMention } from './places.ts';
import type { AgencyDef, ConflictProfile, PartyDef, PlaceDef } from './profile.ts';
import { getProfile, selectProfile } from './profiles/index.ts';
import { findAll, lower, patternSource, type Match } from './text/patterns.ts';
import { segment, type Clause, type Segment, type Segmentation, type Sentence } from './text/segment.ts';
import type {
  AgreementTerms,
  CasualtyReport,
  EventTime,
  EventType,
  Evidence,
  EvidenceField,
  ExtractedPlace,
  ExtractionResult,
  ExtractOptions,
  Reporter,
  StatementInput,
  TimePrecision,
  ViolationEvent,
} from './types.ts';

/** Version of the extractor; events carry it so that a newer run supersedes older events. */
export const EXTRACTOR_VERSION = '1.1.0';

type Strength = 'strong' | 'weak';

interface Draft {
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
  /** Both sides are told to have acted, or to blame each other. */
  mutual: boolean;
}

const VIOLENT: ReadonlySet<EventType> = new Set(['small_arms_fire', 'heavy_weapons_fire', 'air_or_drone_strike', 'armed_clash']);
const AGREEMENT_NOUN = /(?:agreement|protocol|ceasefire|cease-fire|truce|accord|договор[её]нност|протокол|перемири|прекращени[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* огня|режим[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* прекращения)/;
const BACKGROUND_DAYS = 45;
// Matched against the lower-cased text (case-insensitive regexes are several times slower).
const MUTUAL_BLAME = /(?:each other|one another|blaming the other|blame each|друг друга|взаимн[а-яё]* обвинени)/;
const PLACE_EXCLUSION_HINT = /hospital|clinic|accommodat|evacuated|taken|sent|program|office|больниц|размещ|доставл|направл|переведут|родственник/;
const GENERIC_SITE = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:the (?:outpost|post|village|checkpoint|settlement)|this (?:village|area|section)|застав[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|этого села|села|этом районе|кпп)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const AGAINST = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:against|против)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;

// An appeal to keep an agreement ("urged both sides to respect it") after the report of that
// agreement does not unmake it; before it, it names an earlier one ("to observe the agreed ceasefire").
const APPEAL = /^(?:to |observance|respect|full |strict |неукоснительно |строго |и впредь |соблюд|придерж)/;
const SETTLEMENT_WORD = /^(?:villages?|settlements?|село|села|селу|селе|сел|населенн[а-яё]* пункт[а-яё]*|населённ[а-яё]* пункт[а-яё]*)$/;
const LOCATIVE_BEFORE = /(?:^|[^0-9a-z\u00C0-\u024F\u0400-\u04FF])(?:near|at|close to|outside|in the (?:area|vicinity) of|у|около|близ|возле|вблизи|рядом с|в районе)\s+(?:the\s+)?$/;

/** A settlement word that only says where something else was hit ("near the village of X"). */
function locatesOnly(low: string, m: Match): boolean {
  return SETTLEMENT_WORD.test(low.slice(m.start, m.end)) && LOCATIVE_BEFORE.test(low.slice(Math.max(0, m.start - 30), m.start));
}

function insideScan<T extends { start: number; end: number }>(list: readonly T[], c: { start: number; end: number }): T[] {
  return list.filter((m) => m.start >= c.start && m.end <= c.end);
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

function ev(field: EvidenceField, m: Match): Evidence {
  return { field, start: m.start, end: m.end, text: m.text };
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

const zoneCache = new WeakMap<ConflictProfile, Array<{ offset_min: number; labels: RegExp }>>();
function zoneLabelsOf(p: ConflictProfile): Array<{ offset_min: number; labels: RegExp }> {
  const hit = zoneCache.get(p);
  if (hit) return hit;
  const z = p.parties.map((x) => ({
    offset_min: parseOffset(x.zone.offset) ?? 0,
    labels: new RegExp(`^\\s*\\(?\\s*(?:${patternSource(x.zone.labels)})\\s*\\)?`, 'i'),
  }));
  zoneCache.set(p, z);
  return z;
}

const placeExclusionCache = new WeakMap<ConflictProfile, RegExp>();
/** Context right before a place that makes it no event location ("taken to hospital in"). */
function placeExclusionRe(p: ConflictProfile): RegExp {
  const hit = placeExclusionCache.get(p);
  if (hit) return hit;
  // Run on the lower-cased text: no `i` flag (patternSource lower-cases the patterns).
  const re = new RegExp(`(?:${patternSource(p.vocabulary.place_exclusions)})\\s*$`);
  placeExclusionCache.set(p, re);
  return re;
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
  partyCodes: Set<string>;
  source: AgencyDef | null;
  agencies: AgencyMention[];
  parties: PartyMention[];
  statementReporter: Reporter;
  statementReporterEvidence: Match | null;
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
  const f = partyFrames(text, parties, prof)[0];
  if (f) return { reporter: { agency: source?.name ?? statement.source_agency ?? null, side: f.side }, evidence: f };
  if (source) return { reporter: { agency: source.name, side: source.side }, evidence: null };
  const first = agencies.find((a) => a.side);
  return { reporter: { agency: first?.agency.name ?? statement.source_agency ?? null, side: first?.side ?? null }, evidence: null };
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

/** Reads a statement once: segments, reporter, time basis, and every scanner's mentions. */
function scanStatement(statement: StatementInput, profile: ConflictProfile | undefined, options: ExtractOptions): Scan {
  const text = typeof statement.text === 'string' ? statement.text : '';
  const lang = detectLanguage(text, statement.language);
  const prof = profile ?? (options.profile_id ? getProfile(options.profile_id) : undefined) ?? selectProfile(text, statement.source_agency, undefined);
  const v = prof.vocabulary;
  const seg = segment(text);
  const low = lower(text);
  const excluded: Segment[] = [];
  for (const p of seg.paragraphs) if (p.headline) excluded.push({ start: p.start, end: p.end });
  if (seg.dateline) excluded.push(seg.dateline);
  const partyCodes = partyCodesOf(prof);

  // Who issued the statement.
  const source = agencyOfSource(statement.source_agency, prof);
  const sourceThird = source?.kind === 'third_party' ? source.side : statement.source_agency ? thirdPartyOf(statement.source_agency, prof) : null;
  const contextSide = source?.side ?? sourceThird ?? null;
  const gazetteer = compileGazetteer(prof);
  const listedPlaces = findPlaces(text, gazetteer);
  const agencies = placeSides(
    findAgencies(text, prof, contextSide && partyCodes.has(contextSide) ? contextSide : null).filter((a) => !overlapsAny(excluded, a)),
    listedPlaces,
    partyCodes,
  );
  const parties = findParties(text, prof, agencies);
  const { reporter: statementReporter, evidence: statementReporterEvidence } = statementReporterOf(statement, text, prof, source, sourceThird, agencies, parties);
  const issuerSide = source?.kind === 'official' && source.side ? source.side : statementReporter.side;

  // Time zone: the issuer's; a third party's statement is read in the publication's own offset.
  const issuerZone = partyZone(prof, issuerSide && partyCodes.has(issuerSide) ? issuerSide : null);
  const pubOffsetMatch = PUB_OFFSET.exec((statement.published_at ?? '').trim());
  const pubOwnOffset = pubOffsetMatch ? (pubOffsetMatch[1] === 'Z' ? 0 : parseOffset(pubOffsetMatch[1] ?? '')) : null;
  const offsetMin = issuerZone ? parseOffset(issuerZone.offset) : pubOwnOffset;
  const pubGiven = publicationTime(statement.published_at, offsetMin);
  const zoneLabels = zoneLabelsOf(prof);
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
  const dates = temporal.dates.filter((d) => !overlapsAny(excluded, d));
  const clocks = temporal.clocks.filter((c) => !overlapsAny(excluded, c));
  // "the plenipotentiary in Batken region", "the Batken regional administration": a place inside
  // an agency's name is no event place; nor is a city naming a clock ("20:00 Bishkek time").
  const places = withUnlistedPlaces(text, listedPlaces, prof).filter(
    (p) => !overlapsAny(excluded, p) && !agencies.some((a) => p.start >= a.start && p.end <= a.end) && !NAMES_CLOCK.test(text.slice(p.end, p.end + 6)),
  );
  // A dated dateline ("SAMARKAND, 16.09.2022 /NIAT Khovar/.") dates its first paragraph; third
  // parties speak of a conflict at large: their datelines date nothing.
  let ctx: Scan['ctx'] = null;
  const dl = seg.dateline;
  if (dl && issuerSide !== null && partyCodes.has(issuerSide)) {
    const datelineDate = temporal.dates.find((d) => d.start >= dl.start && d.end <= dl.end && d.date);
    if (datelineDate) ctx = { date: datelineDate.date, paragraph: seg.paragraphs.find((p) => p.start <= dl.start && dl.start < p.end)?.index ?? -1 };
  }
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
    statementReporter,
    statementReporterEvidence,
    issuerZone,
    pubOwnOffset,
    offsetMin,
    pub,
    pubLocalMin,
    temporal,
    dates,
    clocks,
    gazetteer,
    placeExclusion: placeExclusionRe(prof),
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
  };
}

const NAMES_CLOCK = /^\s+time\b/i;

const partyCodesCache = new WeakMap<ConflictProfile, Set<string>>();
/** The parties' codes (shared, read-only). */
function partyCodesOf(p: ConflictProfile): Set<string> {
  let codes = partyCodesCache.get(p);
  if (!codes) {
    codes = new Set(p.parties.map((x) => x.code));
    partyCodesCache.set(p, codes);
  }
  return codes;
}

/** What every draft of one clause shares: the clause's mentions, cues and reporter. */
interface ClauseView {
  clause: Clause;
  sentence: Sentence;
  negated: Match[];
  /** Where modality starts ("demands to stop…"): triggers after it did not happen. */
  modalStart: number;
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

function clauseView(s: Scan, clause: Clause, sentence: Sentence): ClauseView {
  const inside = s.insideClause;
  let modalStart = Infinity;
  for (const m of inside.inside(s.cues.modal, clause)) if (m.start < modalStart) modalStart = m.start;
  const cPlaces = inside.inside(s.places, clause).filter((p) => {
    const lowBefore = s.low.slice(Math.max(0, p.start - 60), p.start);
    // The anchored test is costly; most contexts have none of its key words.
    return !(PLACE_EXCLUSION_HINT.test(lowBefore) && s.placeExclusion.test(lowBefore));
  });
  let frame: AgencyMention | null = null;
  for (const a of s.insideSentence.inside(s.agencies, sentence)) {
    if (a.frame && a.side && a.agency.kind !== 'media') {
      frame = a;
      break;
    }
  }
  const militaryNamed = inside.inside(s.trig.military, clause).length > 0;
  // "fired at a patrol near the village of X": with a military target named, a village that
  // only locates it («у села», "near the village of") affects no civilians.
  const civilianNamed = inside.inside(s.trig.civilian, clause).some((m) => !(militaryNamed && locatesOnly(s.low, m)));
  return {
    clause,
    sentence,
    negated: inside.inside(s.cues.negation, clause),
    modalStart,
    blame: inside.inside(s.cues.blame, clause),
    cDates: inside.inside(s.dates, clause),
    cClocks: inside.inside(s.clocks, clause),
    cPlaces,
    cParties: inside.inside(s.parties, clause),
    cWeapons: inside.inside(s.trig.weapons, clause),
    reporter: frame ? { agency: frame.agency.name, side: frame.side } : s.statementReporter,
    reporterEvidence: frame ?? s.statementReporterEvidence,
    mutual: null,
    militaryNamed,
    civilianNamed,
    borderSectionNamed: inside.inside(s.trig.borderSection, clause).length > 0,
  };
}

/** Not under modality and not a blame phrase ("opened fire first"). */
function isActive(c: ClauseView, m: Match): boolean {
  if (m.start >= c.modalStart) return false;
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
  date: string | null;
  month: string | null;
  part: PartOfDay | null;
  clock: ClockMention | null;
  dateEvidence: Match[];
}

/** The time of a trigger at `pos`: the nearest date, part of day and clock of its clause. */
function resolveTime(s: Scan, c: ClauseView, pos: number, agreement: boolean): TimePick {
  const usable: DateMention[] = [];
  const parts: DateMention[] = [];
  for (const d of c.cDates) {
    if (d.kind !== 'part' && (d.role === 'event' || (agreement && d.role === 'reference'))) usable.push(d);
    if (d.kind === 'part' && d.role === 'event') parts.push(d);
  }
  const eventClocks: ClockMention[] = [];
  for (const k of c.cClocks) if (k.role === 'event') eventClocks.push(k);
  const dm: DateMention | null = nearest(usable, pos);
  const partM = nearest(parts, pos);
  const clock = nearest(eventClocks, pos);
  let date: string | null = null;
  let month: string | null = null;
  let part: PartOfDay | null = dm?.part ?? partM?.part ?? null;
  const evidence: Match[] = [];
  if (dm) {
    evidence.push(dm);
    if (dm.kind === 'same_day' || dm.kind === 'anaphor') date = s.lastEventDate ?? s.ctx?.date ?? null;
    else if (dm.kind === 'month') month = dm.month;
    else date = dm.date;
  } else if (clock || partM) {
    date = s.lastEventDate ?? s.ctx?.date ?? null;
    // A bare clock time in a statement with no other date: the day of publication, when
    // that time had already come (the issuer's local clock).
    if (!date && clock && s.pubLocalMin !== null && s.offsetMin !== null) {
      const local = clock.hh * 60 + clock.mm + (clock.offset_min === null ? 0 : s.offsetMin - clock.offset_min);
      if (local >= 0 && local <= s.pubLocalMin) date = s.pub.date;
    }
  } else if (s.ctx && s.ctx.paragraph === c.clause.paragraph) {
    date = s.ctx.date;
  }
  if (partM) evidence.push(partM);
  if (clock) evidence.push(clock);
  // A night with a clock time after noon began the day before ("night of 16 to 17, at 23:10").
  if (date && dm?.kind === 'night' && clock && clock.hh >= 12) date = addDays(date, -1);
  if (clock) part = null;
  return { date, month, part, clock, dateEvidence: evidence };
}

/** The side acting at `pos`: an explicit actor of the clause, else the nearest actor before, else after. */
function actorFor(c: ClauseView, pos: number): PartyMention | null {
  let before: PartyMention | null = null;
  let after: PartyMention | null = null;
  for (const p of c.cParties) {
    if (p.role === 'explicit_actor') return p;
    if (p.role !== 'actor') continue;
    if (p.start < pos) before = p;
    else if (!after) after = p;
  }
  return before ?? after;
}

function newDraft(s: Scan, c: ClauseView, type: EventType, trigger: Match, strength: Strength, agreement: boolean): Draft {
  const t = resolveTime(s, c, trigger.start, agreement);
  const actor = agreement ? null : actorFor(c, trigger.start);
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
    // Coordinated sides ("between Tajik and Kyrgyz troops") only give no actor; blame each
    // other and the clash has none.
    mutual: mutualIn(s, c),
  };
}

/** A shallow copy (the arrays are shared, as with a spread). */
function copyDraft(d: Draft): Draft {
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
    mutual: d.mutual,
  };
}

function overlapsWeapon(c: ClauseView, m: Match): boolean {
  for (const w of c.cWeapons) if (m.start < w.end && w.start < m.end) return true;
  return false;
}

/** Attacks told by the clause: firing, shelling, clashes; or casualty figures alone (weak). */
function attackDrafts(s: Scan, c: ClauseView, incursions: number, buildups: number, created: Draft[]): void {
  const { clause, cWeapons } = c;
  const inside = s.insideClause;
  const trig = s.trig;
  const against = AGAINST.test(s.low.slice(clause.start, clause.end));
  let weaponBeforeModal = false;
  for (const w of cWeapons) if (w.start < c.modalStart) weaponBeforeModal = true;
  const use = weaponBeforeModal && ((incursions === 0 && buildups === 0) || against) ? activeIn(c, inside.inside(trig.weaponUse, clause)) : [];
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
  if (casualty && !inside.inside(trig.fireExclusions, clause).length) {
    const d = newDraft(s, c, 'armed_clash', casualty, 'weak', false);
    d.weapons = [];
    // Casualty sentences name hospitals and home villages, not where the attack was; and
    // their day is only their own.
    d.places = [];
    d.date = null;
    d.part = null;
    d.clock = null;
    d.dateEvidence = [];
    created.push(d);
  }
  const first = attack[0];
  if (first) {
    const activeWeapons: WeaponMention[] = [];
    for (const w of cWeapons) if (w.start < c.modalStart) activeWeapons.push(w);
    const type = attackType(activeWeapons, shelling.length > 0, fire.length > 0 || shelling.length > 0);
    let hasActor = false;
    for (const p of c.cParties) if (p.role === 'actor' || p.role === 'explicit_actor') hasActor = true;
    const strong = activeWeapons.length > 0 || ((fire.length > 0 || shelling.length > 0) && hasActor);
    const d = newDraft(s, c, type, first, strong && !clause.introduces ? 'strong' : 'weak', false);
    d.weapons = activeWeapons;
    created.push(d);
  }
}

/** Agreements: an agreement verb with ceasefire terms, not a yardstick, not a treaty. */
function agreementDraft(s: Scan, c: ClauseView): Draft | null {
  const { clause, sentence } = c;
  const inside = s.insideClause;
  const verb = inside.inside(s.trig.agreementVerbs, clause)[0];
  if (!verb) return null;
  const cTerms = inside.inside(s.terms, clause);
  if (cTerms.length === 0 || inside.inside(s.trig.agreementExclusions, clause).length !== 0) return null;
  // An appeal to keep an agreement after the verb that reports it does not unmake it.
  for (const y of inside.inside(s.cues.yardstick, clause)) if (!(y.start > verb.start && APPEAL.test(s.low.slice(y.start, y.end)))) return null;
  const d = newDraft(s, c, 'ceasefire_agreement', verb, 'strong', true);
  d.civilians = null;
  d.agreementTermsList = [...new Set(cTerms.map((t) => t.term))];
  d.agreementLevel = agreementLevel(s.text.slice(clause.start, clause.end), s.text.slice(sentence.start, sentence.end));
  d.agreementStart = inside.inside(s.clocks, clause).find((k) => k.role === 'start') ?? null;
  d.agreementEvidence = [verb, ...cTerms];
  if (d.places.length === 0) {
    // "…summit in Samarkand, … The heads of state agreed": the meeting place of the paragraph.
    const paraStart = s.seg.paragraphs[clause.paragraph]?.start ?? 0;
    d.places = s.places.filter((p) => p.start >= paraStart && p.start < clause.start && p.place.kind === 'other');
  }
  return d;
}

/** The events a clause tells when nothing negates it. */
function assertedDrafts(s: Scan, c: ClauseView, created: Draft[]): void {
  const { clause } = c;
  const inside = s.insideClause;
  const trig = s.trig;
  const incursions = activeIn(c, inside.inside(trig.incursion, clause));
  const buildups = activeIn(c, inside.inside(trig.buildup, clause));
  attackDrafts(s, c, incursions.length, buildups.length, created);
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
  const destruction = activeIn(c, inside.inside(trig.destruction, clause))[0];
  if (destruction) {
    const d = newDraft(s, c, 'property_destruction', destruction, 'strong', false);
    d.civilians = true;
    created.push(d);
  }
  const agreement = agreementDraft(s, c);
  if (agreement) created.push(agreement);
  // Allegations: a claim that an agreement was broken, with no specific event in the clause.
  const alleg = inside.inside(trig.allegation, clause)[0];
  if (alleg && created.every((d) => d.type === 'ceasefire_agreement') && AGREEMENT_NOUN.test(s.low.slice(clause.start, clause.end))) {
    const d = newDraft(s, c, 'violation_allegation', alleg, 'strong', false);
    d.civilians = null;
    d.places = [];
    // An allegation takes a day only from its own clause.
    if (!c.cDates.some((x) => x.role === 'event' && x.kind !== 'part' && x.kind !== 'same_day' && x.kind !== 'anaphor')) {
      d.date = null;
      d.part = null;
      d.clock = null;
    }
    created.push(d);
  }
}

const ELLIPTIC_START = /^(?:а|и|and|but)\s/i;
const PLACE_THEN_DATE = /^\s*(?:on|,)?\s*$/i;

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
    const after = dayMentions.find((x) => x.start >= p.end && PLACE_THEN_DATE.test(s.text.slice(p.end, x.start)));
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

/** One clause of the clause pass: its drafts, then the day it leaves for the clauses after it. */
function clauseStep(s: Scan, clause: Clause): void {
  if (withinAny(s.excluded, clause)) return;
  const sentence = s.seg.sentences[clause.sentence];
  if (!sentence) return;
  const c = clauseView(s, clause, sentence);
  const created: Draft[] = [];
  if (c.negated.length === 0) assertedDrafts(s, c, created);
  // "…advanced into Kyrgyz territory in the area of the outpost": the site named just before.
  for (const d of created) {
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
  // «…обстреляла село Арка, а 17 сентября — село Максат»: an elliptic clause repeats the
  // previous clause's event with its own day and places.
  if (created.length === 0 && c.negated.length === 0 && c.cPlaces.length > 0 && ELLIPTIC_START.test(s.text.slice(clause.start, clause.start + 4))) {
    const prev = s.drafts.at(-1);
    const dm = c.cDates.find((x) => x.role === 'event' && x.date);
    if (prev && dm && prev.clause.sentence === clause.sentence && prev.type !== 'ceasefire_agreement' && prev.type !== 'violation_allegation') {
      const d = copyDraft(prev);
      d.clause = clause;
      d.date = dm.date;
      d.part = dm.part;
      d.clock = null;
      d.places = c.cPlaces;
      d.dateEvidence = [dm];
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
  let lastWithDate: Draft | null = null;
  const before = s.drafts.length;
  for (const d of created) splitByDay(s, c, d, s.drafts);
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

/** Casualty figures per sentence: attached to the event of that sentence or the latest before it. */
function casualtyPass(s: Scan): Array<CasualtyReport & { paragraph: number }> {
  const masked = [...s.temporal.dates, ...s.temporal.clocks];
  const reports: Array<CasualtyReport & { paragraph: number }> = [];
  for (const sentence of s.seg.sentences) {
    if (withinAny(s.excluded, sentence)) continue;
    const fig = sentenceCasualties(s.text, sentence.start, sentence.end, s.numbers, masked);
    if (!fig) continue;
    const target = casualtyTarget(s.drafts, sentence);
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

/** The places of a sentence that are not a destination ("evacuated to", "taken to hospital in"). */
function sentencePlaces(s: Scan, sentence: Sentence): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const p of s.insideSentence.inside(s.places, sentence)) {
    const lowBefore = s.low.slice(Math.max(0, p.start - 60), p.start);
    if (!(PLACE_EXCLUSION_HINT.test(lowBefore) && s.placeExclusion.test(lowBefore))) out.push(p);
  }
  return out;
}

function casualtyTarget(drafts: readonly Draft[], sentence: Sentence): Draft | undefined {
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
  const target = lastViolentIn ?? lastIn ?? lastViolentBefore;
  if (target) return target;
  const after = drafts.find((d) => d.clause.sentence > sentence.index && d.clause.paragraph === sentence.paragraph && VIOLENT.has(d.type));
  if (after) return after;
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
  const casualtyReports = casualtyPass(s);
  const drafts = s.drafts;

  // An allegation is dropped when the specific events it announces follow it.
  const kept = drafts.filter((d) => {
    if (d.type !== 'violation_allegation') return true;
    return !drafts.some((o) => o.type !== 'ceasefire_agreement' && o.type !== 'violation_allegation' && o.trigger.start > d.trigger.start && o.clause.paragraph <= d.clause.paragraph + 1);
  });
  let events = mergeDrafts(kept);

  // Background mentions of incidents long past ("burned during the events of September 2022").
  if (s.pub.date) {
    const floor = addDays(s.pub.date, -BACKGROUND_DAYS);
    const floorMonth = floor.slice(0, 7);
    events = events.filter((d) => !(d.date && d.date < floor) && !(d.month && d.month < floorMonth));
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

function byStart(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}

/** A figure replaces the draft's when it has none, or when it is a running total and the draft's is not. */
function takeFigure(cur: number | null, next: number | null, replace: boolean): number | null {
  return next === null ? cur : cur === null || replace ? next : cur;
}

function applyFigures(d: Draft, f: CasualtyFigures): void {
  const replace = f.total && !d.casualtyTotal;
  d.killed = takeFigure(d.killed, f.killed, replace);
  d.wounded = takeFigure(d.wounded, f.wounded, replace);
  d.displaced = d.displaced ?? f.displaced;
  d.casualtyTotal ||= f.total;
  d.zero ||= f.zero;
  pushAll(d.casualtyEvidence, f.evidence);
}

/** `into.push(...from)`, without the spread: the arrays may be one and the same (drafts share them). */
function pushAll<T>(into: T[], from: readonly T[]): void {
  const n = from.length;
  for (let i = 0; i < n; i++) into.push(from[i] as T);
}

function hasPlace(d: Draft, id: string): boolean {
  for (const p of d.places) if (p.place.id === id) return true;
  return false;
}

function placesOverlap(a: Draft, b: Draft): boolean {
  if (a.places.length === 0 || b.places.length === 0) return true;
  for (const p of b.places) if (hasPlace(a, p.place.id)) return true;
  // A place inside the other's district or region is the same area.
  for (const p of b.places) for (const q of a.places) if (p.place.parent === q.place.id || q.place.parent === p.place.id) return true;
  return false;
}

function absorb(into: Draft, from: Draft, withPlaces = true): void {
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
  into.killed ??= from.killed;
  into.wounded ??= from.wounded;
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
}

/** A mention with no day, place or time: a summary ("the shelling") that joins a specific one. */
function isEmptyDraft(x: Draft): boolean {
  return x.date === null && x.places.length === 0 && !x.clock;
}

function sameEvent(o: Draft, d: Draft): boolean {
  return (
    o.strength === 'strong' &&
    o.type === d.type &&
    ((o.date === d.date && placesOverlap(o, d) && !(o.clock && d.clock && (o.clock.hh !== d.clock.hh || o.clock.mm !== d.clock.mm))) || isEmptyDraft(d) || isEmptyDraft(o))
  );
}

/** A weak attack word can join `s` when their days and places agree. */
function compatible(w: Draft, s: Draft): boolean {
  return w.date === null || (s.date === w.date && (w.places.length === 0 || s.places.length === 0 || placesOverlap(s, w)));
}

/** Merges mentions of one event: weak attack words into the specific attack, repeats of a type. */
function mergeDrafts(drafts: Draft[]): Draft[] {
  // 1. Repeated mentions of one event of the same type (same day, same area).
  const list: Draft[] = [];
  for (const d of drafts) {
    // Weak mentions are placed by step 2, by their position in the text.
    if (d.strength === 'weak') {
      list.push(d);
      continue;
    }
    let i = 0;
    while (i < list.length && !sameEvent(list[i] as Draft, d)) i++;
    const twin = list[i];
    if (!twin) list.push(d);
    else if (isEmptyDraft(twin) && !isEmptyDraft(d)) {
      // The later, specific mention carries the event; the summary before it adds to it.
      absorb(d, twin);
      list[i] = d;
    } else absorb(twin, d);
  }
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
    // "burned … as a result of the attack": the attack is the cause of the other event told.
    const target =
      before ??
      after ??
      result.find((d) => d.clause === w.clause && !VIOLENT.has(d.type) && d.type !== 'ceasefire_agreement' && d.type !== 'violation_allegation');
    if (target) {
      if (target.strength === 'weak' && weakRank(w.type) > weakRank(target.type)) target.type = w.type;
      absorb(target, w, w.date !== null || target.places.length === 0);
    } else weakKept.push(w);
  }
  for (const w of weakKept) result.push(w);
  result.sort((a, b) => a.trigger.start - b.trigger.start);
  return result;
}

function weakRank(t: EventType): number {
  return t === 'air_or_drone_strike' ? 4 : t === 'heavy_weapons_fire' ? 3 : t === 'small_arms_fire' ? 2 : 1;
}

/** How specific a mention is: a date, a time, places. */
function specificity(d: Draft): number {
  return (d.date ? 4 : 0) + (d.clock || d.part ? 2 : 0) + (d.places.length ? 1 : 0);
}

function keepOne(events: Draft[], type: EventType): Draft[] {
  const same = events.filter((e) => e.type === type);
  if (same.length <= 1) return events;
  // Prefer the most specific mention.
  const best = same.reduce((a, b) => (specificity(b) > specificity(a) ? b : a));
  for (const o of same) if (o !== best) absorb(best, o);
  return events.filter((e) => e.type !== type || e === best);
}

const PART_WINDOWS: Record<PartOfDay, [number, number]> = {
  morning: [5 * 60, 12 * 60],
  afternoon: [12 * 60, 18 * 60],
  evening: [18 * 60, 24 * 60],
  night: [-2 * 60, 6 * 60],
};

const isoMemo = new Map<number, string>();
function iso(ms: number): string {
  let s = isoMemo.get(ms);
  if (s === undefined) {
    s = new Date(ms).toISOString().replace('.000Z', 'Z');
    if (isoMemo.size > 4096) isoMemo.clear();
    isoMemo.set(ms, s);
  }
  return s;
}

function toUtc(dayStart: number, off: number, localMin: number): number {
  return dayStart + (localMin - off) * 60_000;
}

// Events of a statement share a few days and instants: both conversions are memoised (bounded).
const dayStartMemo = new Map<string, number>();
/** Days "YYYY-MM-DD" as UTC midnight (ms). */
function dayStartUtc(date: string): number {
  let t = dayStartMemo.get(date);
  if (t === undefined) {
    const [y, mo, da] = date.split('-').map(Number) as [number, number, number];
    t = Date.UTC(y, mo - 1, da);
    if (dayStartMemo.size > 4096) dayStartMemo.clear();
    dayStartMemo.set(date, t);
  }
  return t;
}

function eventTime(d: Draft, zone: EventZone): EventTime {
  let timeOfDay: string | null = null;
  let clockLocalMin: number | null = null;
  if (d.clock) {
    clockLocalMin = d.clock.hh * 60 + d.clock.mm;
    if (d.clock.offset_min !== null && zone.offset !== null) clockLocalMin += zone.offset - d.clock.offset_min;
    const m = ((clockLocalMin % 1440) + 1440) % 1440;
    timeOfDay = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  } else if (d.part) timeOfDay = d.part;
  if (!d.date) {
    return { date: d.date, time_of_day: timeOfDay, start_utc: null, end_utc: null, local: null, zone: zone.iana, utc_offset: zone.offset === null ? null : formatOffset(zone.offset), precision: 'unknown' };
  }
  const dayStart = dayStartUtc(d.date);
  const off = zone.offset ?? 0;
  let precision: TimePrecision = 'day';
  let start = toUtc(dayStart, off, 0);
  let end = toUtc(dayStart, off, 1440);
  if (clockLocalMin !== null) {
    precision = d.clock?.approx ? 'hour' : 'exact';
    const t = toUtc(dayStart, off, clockLocalMin);
    start = d.clock?.approx ? t - 30 * 60_000 : t;
    end = d.clock?.approx ? t + 30 * 60_000 : t;
  } else if (d.part) {
    precision = 'part_of_day';
    const [a, b] = PART_WINDOWS[d.part];
    start = toUtc(dayStart, off, a);
    end = toUtc(dayStart, off, b);
  }
  const offStr = zone.offset === null ? null : formatOffset(zone.offset);
  const localClock = clockLocalMin !== null ? `T${timeOfDay}:00${offStr ?? ''}` : '';
  return {
    date: d.date,
    time_of_day: timeOfDay,
    start_utc: zone.offset === null ? null : iso(start),
    end_utc: zone.offset === null ? null : iso(end),
    local: `${d.date}${localClock}`,
    zone: zone.iana,
    utc_offset: offStr,
    precision,
  };
}

interface EventZone {
  iana: string | null;
  offset: number | null;
}

/** The side an event is held against. */
function accusedOf(d: Draft, partyCodes: ReadonlySet<string>): string | null {
  const type = d.type;
  if (type === 'ceasefire_agreement') return null;
  let accused = d.actor;
  if (type === 'armed_clash' && d.mutual) accused = null;
  const reporterSide = d.reporter.side;
  if (!accused && type !== 'armed_clash' && reporterSide && partyCodes.has(reporterSide)) {
    // A side reporting an attack on itself accuses the other side.
    for (const c of partyCodes) if (c !== reporterSide) return c;
    return null;
  }
  return accused;
}

// A capital named without a locative is its government ("accused Dushanbe of…").
const LOCATIVE_BEFORE_PLACE = /(?:\b(?:in|near|at|on|outskirts of)|(?:^|\s)(?:в|у|под|близ|окрестностях))\s+(?:the\s+)?(?:city\s+of\s+|город[а-яё]*\s+)?$/i;

function isLocative(p: PlaceMention, text: string): boolean {
  return p.place.kind !== 'other' || p.place.parent !== null || LOCATIVE_BEFORE_PLACE.test(text.slice(Math.max(0, p.start - 30), p.start));
}

/** The event's places, most specific only: a district is dropped when one of its villages is named. */
// The arrays of finish are built by push from literals rather than by map/filter: V8 then
// creates them with the elements kind they end up with, so code reading them sees one map
// whether they are empty or not (an empty builtin result has another one, and a deopt).
function eventPlaces(d: Draft, partyCodes: ReadonlySet<string>, text: string): PlaceMention[] {
  let own: PlaceMention[] = [];
  if (d.type === 'ceasefire_agreement') {
    for (const p of d.places) if (p.place.kind === 'settlement' || p.place.kind === 'other') own.push(p);
    if (own.length === 0) own = d.places;
  } else for (const p of d.places) if ((partyCodes.has(p.place.country) || p.place.country === '') && isLocative(p, text)) own.push(p);
  const specific: PlaceMention[] = [];
  for (const p of own) if (!own.some((q) => q !== p && q.place.parent === p.place.id)) specific.push(p);
  return specific;
}

function normName(s: string): string {
  return s.toLowerCase().replace(/ё/g, 'е').replace(/[\s-]+/g, ' ');
}

const ruNamesCache = new WeakMap<PlaceDef, string[]>();
/** A place's Russian names, normalised (computed once per place). */
function normRuNames(place: PlaceDef): string[] {
  let names = ruNamesCache.get(place);
  if (!names) {
    names = place.ru.map(normName);
    ruNamesCache.set(place, names);
  }
  return names;
}

/** As written in English; in Russian the nominative unless the text has it so already. */
function locationName(p: PlaceMention, lang: string): string {
  if (lang !== 'ru') return p.text;
  return normRuNames(p.place).includes(normName(p.text)) ? p.text : (p.place.ru[0] ?? p.text);
}

function evidenceOf(d: Draft, specific: readonly PlaceMention[], textLength: number): Evidence[] {
  const evidence: Evidence[] = [ev('type', d.trigger), ...d.extraEvidence];
  for (const m of d.dateEvidence) evidence.push(ev('time', m));
  for (const p of specific) evidence.push(ev('place', p));
  if (d.actorEvidence) evidence.push(ev('party', d.actorEvidence));
  if (d.reporterEvidence) evidence.push(ev('source', d.reporterEvidence));
  for (const m of d.casualtyEvidence) evidence.push(ev('casualties', m));
  for (const w of d.weapons) evidence.push(ev('weapon', w));
  for (const m of d.agreementEvidence) evidence.push(ev('agreement', m));
  // One entry per field and span, at its first position with its last value.
  const uniq: Evidence[] = [];
  for (const e of evidence) {
    if (!(e.start >= 0 && e.end <= textLength && e.start < e.end)) continue;
    let i = 0;
    while (i < uniq.length) {
      const u = uniq[i] as Evidence;
      if (u.field === e.field && u.start === e.start && u.end === e.end) break;
      i++;
    }
    uniq[i] = e;
  }
  return uniq.sort(byStart);
}

function agreementOf(d: Draft, zone: EventZone, partyCodes: ReadonlySet<string>): AgreementTerms {
  let startsAt: string | null = null;
  // A clock time is the issuer's local time; with no zone known at all (a third party's
  // statement without an offset) it is no instant: taken as UTC, a Kyrgyz "20:00" became six
  // hours late (issue #21).
  const off = d.agreementStart?.offset_min ?? zone.offset;
  if (d.agreementStart && d.date && off !== null) {
    startsAt = iso(dayStartUtc(d.date) + (d.agreementStart.hh * 60 + d.agreementStart.mm) * 60_000 - off * 60_000);
  }
  return { parties: [...partyCodes], level: d.agreementLevel, starts_at_utc: startsAt, zone: zone.iana, terms: d.agreementTermsList };
}

function finish(
  d: Draft,
  index: number,
  prof: ConflictProfile,
  lang: string,
  g: Gazetteer,
  issuerZone: PartyDef['zone'] | null,
  pubOffset: number | null,
  partyCodes: ReadonlySet<string>,
  text: string,
  publisherSide: string | null,
): ViolationEvent {
  const type = d.type;
  const reporterSide = d.reporter.side;
  const specific = eventPlaces(d, partyCodes, text);
  const extracted: ExtractedPlace[] = [];
  const locations: string[] = [];
  for (const p of specific) {
    extracted.push(toExtracted(p, g, lang));
    locations.push(locationName(p, lang));
  }
  let country: string | null = null;
  if (!d.borderSection && extracted.length > 0) {
    // An unlisted place of unknown country leaves the country to the others.
    let first = true;
    for (const p of extracted) {
      if (p.country === null) continue;
      if (first) country = p.country;
      else if (p.country !== country) country = null;
      first = false;
    }
  }
  // An attack on a place the gazetteer does not list and nothing else locates ("обстреляли
  // заставу «X»"): a side reporting an attack by the other tells of its own ground.
  const accused = accusedOf(d, partyCodes);
  if (country === null && !d.borderSection && extracted.length > 0 && (VIOLENT.has(type) || type === 'property_destruction') && reporterSide && partyCodes.has(reporterSide) && accused && accused !== reporterSide) {
    let unknown = true;
    for (const p of extracted) if (p.country !== null) unknown = false;
    if (unknown) country = reporterSide;
  }
  const zoneSide = reporterSide && partyCodes.has(reporterSide) ? reporterSide : (country && partyCodes.has(country) ? country : null);
  const zoneDef = zoneSide ? (prof.parties.find((p) => p.code === zoneSide)?.zone ?? issuerZone) : issuerZone;
  const zone: EventZone = zoneDef ? { iana: zoneDef.iana, offset: parseOffset(zoneDef.offset) } : { iana: null, offset: pubOffset };
  const time = eventTime(d, zone);
  let killed = d.killed;
  let wounded = d.wounded;
  if (killed === null && wounded === null && d.zero) {
    killed = 0;
    wounded = 0;
  }
  const cb = CODEBOOK[type];
  const confidence = Math.max(
    0.05,
    Math.min(
      0.99,
      0.45 + (d.strength === 'strong' ? 0.15 : 0) + (d.date ? 0.1 : 0) + (extracted.length ? 0.1 : 0) + (d.actorEvidence ? 0.1 : 0) + (d.reporterEvidence ? 0.05 : 0) + Math.min(d.merged, 3) * 0.03,
    ),
  );
  return {
    type,
    date: d.date,
    time_of_day: time.time_of_day,
    locations,
    country_of_location: type === 'ceasefire_agreement' && extracted.length === 0 ? null : country,
    accused_party: accused,
    reported_by: reporterSide,
    killed,
    wounded,
    displaced: d.displaced,
    civilians_affected: type === 'incursion' || type === 'military_buildup' || type === 'ceasefire_agreement' ? null : d.civilians,
    weapons: weaponNames(d.weapons),
    event_index: index,
    acled_event_type: cb.acled,
    acled_sub_event_type: cb.acled_sub,
    cameo_code: cb.cameo,
    time,
    places: extracted,
    reporter: d.reporter,
    // A claim of the other side relayed by this publisher is kept as a quoted claim.
    claim_status: publisherSide !== null && reporterSide !== null && reporterSide !== publisherSide ? 'quoted_claim' : 'reported',
    agreement: type === 'ceasefire_agreement' ? agreementOf(d, zone, partyCodes) : null,
    evidence: evidenceOf(d, specific, text.length),
    confidence: Math.round(confidence * 100) / 100,
  };
}

/** Weapon names, once each, in order; "heavy weapons" only types the event. */
function weaponNames(weapons: readonly WeaponMention[]): string[] {
  const out: string[] = [];
  for (const w of weapons) if (w.name !== 'heavy weapons' && !out.includes(w.name)) out.push(w.name);
  return out;
}

function casualtyReport(
  text: string,
  s: { start: number; end: number; paragraph: number },
  f: CasualtyFigures,
  agencies: readonly AgencyMention[],
  fallback: Reporter,
  pubInstant: number | null,
  parties: readonly PartyMention[],
): CasualtyReport & { paragraph: number } {
  const frame = insideScan(agencies, s).find((a) => a.frame && a.agency.kind !== 'media') ?? insideScan(agencies, s).find((a) => a.agency.kind === 'official');
  const scopeParty = insideScan(parties, s).find((p) => p.role === 'target' || p.role === 'victim' || /citizens|граждан/i.test(text.slice(Math.max(0, p.start - 20), p.end + 20)));
  const zero = f.zero && f.killed === null && f.wounded === null;
  const evidence: Evidence[] = f.evidence.map((m) => ev('casualties', m));
  if (frame) evidence.push(ev('source', frame));
  return {
    source_agency: frame?.agency.name ?? fallback.agency,
    side: frame?.side ?? fallback.side,
    as_of: pubInstant === null ? null : iso(pubInstant),
    scope: scopeParty ? scopeParty.side : null,
    killed: zero ? 0 : f.killed,
    injured: zero ? 0 : f.wounded,
    displaced: f.displaced,
    evidence,
    paragraph: s.paragraph,
  };
}

/** Consecutive figures of one source in one paragraph are one snapshot. */
function mergeReports(list: Array<CasualtyReport & { paragraph: number }>): CasualtyReport[] {
  const out: Array<CasualtyReport & { paragraph: number }> = [];
  for (const r of list) {
    const prev = out.at(-1);
    if (
      prev &&
      prev.paragraph === r.paragraph &&
      prev.source_agency === r.source_agency &&
      (prev.killed === null || r.killed === null) &&
      (prev.injured === null || r.injured === null) &&
      (prev.displaced === null || r.displaced === null)
    ) {
      prev.killed ??= r.killed;
      prev.injured ??= r.injured;
      prev.displaced ??= r.displaced;
      prev.evidence.push(...r.evidence);
      continue;
    }
    out.push({ ...r, evidence: [...r.evidence] });
  }
  return out.map(({ paragraph: _p, ...r }) => r);
}

export { findAll };
