/**
 * Output: a merged draft as a violation event (places, country, accused, evidence, agreement
 * terms, confidence), and casualty figures as reports.
 */
import type { AgencyMention, PartyMention } from './attribution.ts';
import type { CasualtyFigures } from './casualties.ts';
import { parseOffset } from './dates.ts';
import { byStart, ev, VIOLENT, type Draft } from './draft.ts';
import { CODEBOOK, type WeaponMention } from './events.ts';
import { toExtracted, type Gazetteer, type PlaceMention } from './places.ts';
import type { ConflictProfile, PartyDef, PlaceDef } from './profile.ts';
import { dayStartUtc, eventTime, iso, type EventZone } from './time.ts';
import type { AgreementTerms, CasualtyReport, Evidence, ExtractedPlace, Reporter, ViolationEvent } from './types.ts';

/** The side an event is held against. */
function accusedOf(d: Draft, partyCodes: ReadonlySet<string>): string | null {
  const type = d.type;
  if (type === 'ceasefire_agreement') return null;
  let accused = d.actor;
  if (type === 'armed_clash' && d.mutual) accused = null;
  const reporterSide = d.reporter.side;
  if (!accused && type !== 'armed_clash' && !d.unknownAgent && reporterSide && partyCodes.has(reporterSide) && !CIVIL_REPORTER.test(d.reporter.agency ?? '')) {
    // A side reporting an attack on itself accuses the other side; a health or emergency
    // ministry counting victims blames nobody unless it names who fired (corpus conventions).
    for (const c of partyCodes) if (c !== reporterSide) return c;
    return null;
  }
  return accused;
}

const CIVIL_REPORTER = /(?:health|emergenc)/i;

// A capital named without a locative is its government ("accused Dushanbe of…").
// A place noun before it («по району Дахия», «квартал X») names the place, not the government.
const LOCATIVE_BEFORE_PLACE =
  /(?:\b(?:in|near|at|on|(?:outskirts|suburbs?|areas?|vicinity|environs|cent(?:re|er)) of)|(?:^|\s)(?:в|во|у|под|по|на|близ|окрестност[а-яё]*|пригород[а-яё]*|район[а-яё]*|квартал[а-яё]*|центр[а-яё]*|храм[а-яё]*|пагод[а-яё]*|монастыр[а-яё]*))\s+(?:the\s+)?(?:city\s+of\s+|город[а-яё]*\s+)?$/i;

function isLocative(p: PlaceMention, text: string): boolean {
  if (p.place.kind !== 'other' || p.place.parent !== null || LOCATIVE_BEFORE_PLACE.test(text.slice(Math.max(0, p.start - 30), p.start))) return true;
  // «по району Дахия в Бейруте»: a place said to lie in a city is no government.
  return p.container !== undefined && isLocative(p.container, text);
}

// Where fire came from is not where it hit (corpus: the places of an attack are its targets):
// "fired from positions in the direction of the X and Y settlements at Z", «из населённых пунктов
// X и Y … по заставе Z». A place is an origin when "from" stands before it with only place words,
// names and lists between (not "fire from Cambodia hit a village in X": a verb ends the phrase).
const ORIGIN_FROM = /(?:\bfrom|(?:^|[^а-яё])(?:с позици[йи]|с территории|со стороны|из))\s/gi;
const PHRASE_END = /[.!?;\n]/;
const ORIGIN_FILLER =
  /^(?:the|of|in|and|near|its|their|positions?|directions?|territor(?:y|ies)|settlements?|villages?|regions?|districts?|areas?|sides?|posts?|outposts?|towns?|city|[a-z]+'s|[а-яё]+(?:ск|цк)(?:ий|ого|ой|их|ая|ое)|сел[а-яё]*|селени[а-яё]*|кишлак[а-яё]*|населенн[а-яё]*|населённ[а-яё]*|пункт[а-яё]*|посел[а-яё]*|посёл[а-яё]*|позици[а-яё]*|район[а-яё]*|област[а-яё]*|территори[а-яё]*|направлени[а-яё]*|и|в|стороны)$/;

function isOrigin(p: PlaceMention, text: string): boolean {
  const before = text.slice(Math.max(0, p.start - 160), p.start);
  // The last "from" before the place.
  let at = -1;
  ORIGIN_FROM.lastIndex = 0;
  for (let m = ORIGIN_FROM.exec(before); m; m = ORIGIN_FROM.exec(before)) at = m.index + m[0].length;
  if (at < 0) return false;
  const between = before.slice(at);
  if (PHRASE_END.test(between)) return false;
  for (const w of between.match(/[a-zа-яё'’]+/gi) ?? []) if (w[0] === w[0]?.toLowerCase() && !ORIGIN_FILLER.test(w)) return false;
  return true;
}

/** "missiles struck Ganja", «обстреляли Степанакерт»: the object of the attack word is a place. */
function isAttacked(p: PlaceMention, d: Draft, text: string): boolean {
  const gap = p.start - d.trigger.end;
  return gap >= 0 && gap <= 6 && /^\s+(?:the\s+)?$/.test(text.slice(d.trigger.end, p.start));
}

/** The event's places, with the units the text says they lie in. */
// The arrays of finish are built by push from literals rather than by map/filter: V8 then
// creates them with the elements kind they end up with, so code reading them sees one map
// whether they are empty or not (an empty builtin result has another one, and a deopt).
function eventPlaces(d: Draft, partyCodes: ReadonlySet<string>, text: string): PlaceMention[] {
  let own: PlaceMention[] = [];
  if (d.type === 'ceasefire_agreement') {
    // "Bishkek and Dushanbe agreed": a capital named without a locative is its government.
    // A city opening the item ("Kuala Lumpur, Aug 7 (IANS) At the meeting…") is where it was filed:
    // for a truce, the meeting place.
    for (const p of d.places) if ((p.place.kind === 'settlement' || p.place.kind === 'other') && (isLocative(p, text) || p.start === 0 || text.charCodeAt(p.start - 1) === 10)) own.push(p);
    if (own.length === 0) for (const p of d.places) if (p.place.kind !== 'settlement' && p.place.kind !== 'other') own.push(p);
  } else {
    let origins = 0;
    for (const p of d.places) {
      if (!((partyCodes.has(p.place.country) || p.place.country === '') && (isLocative(p, text) || isAttacked(p, d, text)))) continue;
      own.push(p);
      if (VIOLENT.has(d.type) && isOrigin(p, text)) origins++;
    }
    // Fire from X at Y is placed at Y; fire from X at nothing named stays at X.
    if (origins > 0 && origins < own.length) own = own.filter((p) => !isOrigin(p, text));
  }
  // SCHEMA: the settlement and, when the text names it, its district (and region): the units a
  // place is said to lie in follow it, each once.
  const specific: PlaceMention[] = [];
  for (const p of own) {
    for (let q: PlaceMention | undefined = p; q; q = q.container) {
      if (!specific.some((x) => x.start === q?.start)) specific.push(q);
    }
  }
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
  if (lang !== 'ru') return isAbbreviationOf(p.text, p.place.en[0]) ? (p.place.en[0] as string) : p.text;
  const names = normRuNames(p.place);
  const written = normName(p.text);
  if (names.includes(written)) return p.text;
  // «Самроунга»: the nominative of the spelling the text uses («Самроунг», not «Самраонг»).
  let best = 0;
  let bestLen = -1;
  names.forEach((n, i) => {
    let k = 0;
    while (k < n.length && n.charCodeAt(k) === written.charCodeAt(k)) k++;
    if (k > bestLen) {
      best = i;
      bestLen = k;
    }
  });
  return p.place.ru[best] ?? p.text;
}

/**
 * "LoC" for "Line of Control": an abbreviation is written out as the name it stands for (the
 * capitals of the one are the initials of the other's capitalised words).
 */
function isAbbreviationOf(text: string, name: string | undefined): boolean {
  if (!name || text.length > 6 || text === name || !/^[A-Z][A-Za-z&]*[A-Z]$/.test(text)) return false;
  const initials = name.match(/\b[A-Z]/g)?.join('') ?? '';
  return initials.length > 1 && initials === text.replace(/[^A-Z]/g, '');
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
  // A ceasefire takes effect when the text says ("from 16:00"); else when it was reached, if the
  // text gives that clock time ("agreed at a meeting held at 17:00"): the sides stop firing as they
  // agree (DOMAIN: 29 April 2021 from 20:00, "reached at about 20:00"; 14 September 2022, 17:00).
  const clock = d.agreementStart ?? (d.clock && d.clock.role === 'event' ? d.clock : null);
  // A clock time is the issuer's local time; with no zone known at all (a third party's
  // statement without an offset) it is no instant: taken as UTC, a Kyrgyz "20:00" became six
  // hours late (issue #21).
  const off = clock?.offset_min ?? zone.offset;
  if (clock && d.date && off !== null) {
    startsAt = iso(dayStartUtc(d.date) + (clock.hh * 60 + clock.mm) * 60_000 - off * 60_000);
  }
  return { parties: [...partyCodes], level: d.agreementLevel, starts_at_utc: startsAt, zone: zone.iana, terms: d.agreementTermsList };
}

export function finish(
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
    // "the Line of Control (LoC)": one place, written once.
    const name = locationName(p, lang);
    if (!locations.includes(name)) locations.push(name);
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
    date: time.date,
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
    profile: prof.id,
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

export function casualtyReport(
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
export function mergeReports(list: Array<CasualtyReport & { paragraph: number }>): CasualtyReport[] {
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


export function insideScan<T extends { start: number; end: number }>(list: readonly T[], c: { start: number; end: number }): T[] {
  return list.filter((m) => m.start >= c.start && m.end <= c.end);
}
