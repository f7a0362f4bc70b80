/**
 * The world fall-back profile: for a conflict no built-in profile covers, the two countries a
 * statement names most become its parties, so that accused, reporter and country come out for
 * any conflict. Country names, demonyms, capitals (English) and Russian names come from the
 * `world-countries` data package (mledoze/countries); the rest is the standard vocabulary.
 * A profile is built once per pair of countries and publication offset, and kept.
 */
import worldCountries, { type Countries } from 'world-countries';
import type { AgencyDef, ConflictProfile, PartyDef, PlaceDef } from '../profile.ts';
import { formatOffset } from '../dates.ts';
import { eachMatch, firstGroup, lower } from '../text/patterns.ts';
import { STANDARD_VOCABULARY } from './vocabulary.ts';

// The package is CommonJS with an ES-style declaration: Node hands its array over as the default
// export, TypeScript's NodeNext reads the declaration as the module itself; either shape is read.
const countries: Countries = (worldCountries as unknown as { default?: Countries }).default ?? (worldCountries as unknown as Countries);

interface CountryNames {
  code: string;
  name: string;
  /** Lower-case English names, demonyms and Russian stems, as regular-expression sources. */
  patterns: string[];
  capitals: string[];
  ruName: string | null;
  latlng: [number, number];
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN_WORDS = /^[A-Za-z][A-Za-z .'’-]{2,}$/;
const RU_VOWEL_END = /[аяйьоеиыу]$/;

// Short Russian names that are also common words («того», «мали», «чад»): never a country here.
const RU_COMMON_WORDS = new Set(['того', 'мали', 'чад', 'перу', 'куба', 'оман']);

// Demonyms that name one of the people and take a plural "-s" (Ukrainian, Afghan, Thai).
const PLURAL_DEMONYM = /(?:an|n|i|k|h|ch|d)$/i;

/**
 * The Russian adjective of a one-word country name, as a stem that takes any ending: «Эфиопия» →
 * эфиоп(ий)ск…, «Иран» → иранск…, «Китай» → китайск…, «Украина» → украинск…, «Афганистан» →
 * афганск…. Null for a name of several words (its adjective is not derived).
 */
function ruAdjective(name: string): string | null {
  const low = lower(name);
  if (!/^[а-яё]+$/.test(low) || RU_COMMON_WORDS.has(low) || low.length < 4) return null;
  let base = low;
  if (/ия$/.test(low)) base = low.slice(0, -2);
  else if (/[ая]$/.test(low)) base = low.slice(0, -1);
  else if (/[ьоеиу]$/.test(low)) return null;
  const stems = [`${esc(base)}(?:ий|ь|й)?ск[а-яё]*`];
  // «Афганистан» → афганск…, «Узбекистан» → узбекск…: the people's name before -(и)стан.
  const stan = /^(.{3,}?)и?стан$/.exec(low);
  if (stan?.[1]) stems.push(`${esc(stan[1])}ск[а-яё]*`);
  return stems.join('|');
}

/**
 * A Russian name as a stem that takes any ending ("Камбоджа" → «камбодж…»: Камбоджи,
 * камбоджийский); a short name only as written. Null for a name that is also a common word.
 */
function ruStem(name: string): string | null {
  const low = lower(name);
  if (RU_COMMON_WORDS.has(low)) return null;
  // A short name as written and in its cases («Иран», «Ирана», «Индии»).
  if (low.length < 6) return /[аяй]$/.test(low) ? `${esc(low.slice(0, -1))}(?:[аяйиеуюы]|ей|ой|ем|ом)` : `${esc(low)}(?:а|у|е|ом)?`;
  const stem = RU_VOWEL_END.test(low) ? low.slice(0, -1) : low;
  return `${esc(stem)}[а-яё]*`;
}

let table: CountryNames[] | null = null;
/** Every country's names (built on first use). */
function countryTable(): CountryNames[] {
  if (table) return table;
  const built = countries.map((c) => {
    const en = new Set<string>([c.name.common]);
    if (c.name.official.length < 40) en.add(c.name.official);
    for (const a of c.altSpellings) if (LATIN_WORDS.test(a) && a.length > 4) en.add(a);
    const dem = c.demonyms.eng;
    const patterns = [...en].filter((n) => n.trim().length > 1).map((n) => esc(lower(n)));
    // Demonyms, with the plural of the people ("Ukrainians", "the Venezuelans"; "Sudanese" has none).
    if (dem) for (const d of new Set([dem.m, dem.f])) if (d.trim().length > 1) patterns.push(PLURAL_DEMONYM.test(d) ? `${esc(lower(d))}s?` : esc(lower(d)));
    const ru = c.translations.rus?.common ?? null;
    const ruPattern = ru ? ruStem(ru) : null;
    if (ruPattern) patterns.push(ruPattern);
    const ruAdj = ru ? ruAdjective(ru) : null;
    if (ruAdj) patterns.push(ruAdj);
    return { code: c.cca2, name: c.name.common, patterns, capitals: c.capital, ruName: ru, latlng: c.latlng };
  });
  table = built;
  return built;
}

let scanners: { latin: { re: RegExp; codes: string[] }; cyrillic: { re: RegExp; codes: string[] } } | null = null;
const CYRILLIC = /[\u0400-\u04FF]/;
/**
 * Two regexes over every country name, a capture group per country: the Latin names and the
 * Russian ones apart, each below the size V8 still optimises (REGEX_SOURCE_LIMIT in
 * text/patterns.ts); the Russian one runs only on a text with Cyrillic letters.
 */
function countryScanners(): NonNullable<typeof scanners> {
  if (scanners) return scanners;
  const t = countryTable();
  // The ranges as characters, not escapes: a shorter source (see LETTER in text/patterns.ts).
  const L = '0-9A-Za-z\u00C0-\u024F\u0400-\u04FF';
  const build = (cyrillic: boolean) => {
    const rows = t.map((c) => ({ code: c.code, patterns: c.patterns.filter((x) => CYRILLIC.test(x) === cyrillic) })).filter((r) => r.patterns.length > 0);
    const re = new RegExp(`(?<![${L}])(?:${rows.map((r) => `(${r.patterns.join('|')})`).join('|')})(?![${L}])`, 'g');
    return { re, codes: rows.map((r) => r.code) };
  };
  scanners = { latin: build(false), cyrillic: build(true) };
  return scanners;
}

/**
 * How often each country is named in `low` (a lower-cased text: see text/patterns.ts `lower`),
 * first mention first on a tie.
 */
export function countryMentions(low: string): Array<{ code: string; count: number; first: number }> {
  const { latin, cyrillic } = countryScanners();
  const seen = new Map<string, { code: string; count: number; first: number }>();
  for (const { re, codes } of CYRILLIC.test(low) ? [latin, cyrillic] : [latin]) {
    eachMatch(re, low, (m) => {
      const code = codes[firstGroup(m)];
      if (!code) return;
      const hit = seen.get(code);
      if (hit) {
        hit.count++;
        if (m.index < hit.first) hit.first = m.index;
      } else seen.set(code, { code, count: 1, first: m.index });
    });
  }
  return [...seen.values()].sort((a, b) => b.count - a.count || a.first - b.first);
}

// Agencies of a side, named with its demonym or name: "the Lebanese army", "Israel's Defence Ministry".
const ARMED_NOUNS = '(?:army|armed forces|military|defen[cs]e forces|ministry of defen[cs]e|defen[cs]e ministry|border guards?|border (?:service|troops|police))';
const GOVERNMENT_NOUNS = '(?:prime minister|president|government|cabinet|foreign minister|defen[cs]e minister)';
const MFA_NOUNS = '(?:ministry of foreign affairs|foreign ministry|mfa)';

function agenciesOf(c: CountryNames, names: string[]): AgencyDef[] {
  const own = names.map((n) => esc(lower(n))).join('|');
  return [
    { id: `${c.code.toLowerCase()}.armed`, armed: true, name: `Armed forces of ${c.name}`, side: c.code, kind: 'official', patterns: [`(?:${own})(?:['’]s)? ${ARMED_NOUNS}`, `${ARMED_NOUNS} of (?:the )?(?:${own})`] },
    { id: `${c.code.toLowerCase()}.mfa`, name: `Ministry of Foreign Affairs of ${c.name}`, side: c.code, kind: 'official', patterns: [`(?:${own})(?:['’]s)? ${MFA_NOUNS}`, `${MFA_NOUNS} of (?:the )?(?:${own})`] },
    // "Israeli Prime Minister X confirmed": a side's government speaking.
    { id: `${c.code.toLowerCase()}.government`, name: `Government of ${c.name}`, side: c.code, kind: 'official', patterns: [`(?:${own})(?:['’]s)? ${GOVERNMENT_NOUNS}`, `${GOVERNMENT_NOUNS} of (?:the )?(?:${own})`] },
  ];
}

// A bare "Defence Ministry": its side is its qualifier's or the statement's source's. ("the army"
// alone is too often an object's modifier, "an army bulldozer", to be an agency.)
const GENERIC_AGENCIES: AgencyDef[] = [
  { id: 'armed', armed: true, name: 'Armed forces', side: null, kind: 'official', patterns: ['Ministry of Defen[cs]e', 'Defen[cs]e Ministry', 'Минобороны', 'Министерств\\w* обороны'] },
  { id: 'mfa', name: 'Ministry of Foreign Affairs', side: null, kind: 'official', patterns: ['Ministry of Foreign Affairs', 'Foreign Ministry', 'МИД'] },
];

/** Whole-hour offsets have an IANA zone of their own (Etc/GMT-7 is UTC+7). */
function zoneOf(offsetMin: number): PartyDef['zone'] {
  const iana = offsetMin % 60 === 0 ? (offsetMin === 0 ? 'Etc/UTC' : `Etc/GMT${offsetMin > 0 ? '-' : '+'}${Math.abs(offsetMin / 60)}`) : 'Etc/UTC';
  return { iana, offset: formatOffset(offsetMin), labels: ['local time'] };
}

const built = new Map<string, ConflictProfile>();
const MAX_BUILT = 512;

/**
 * The profile of the conflict between two countries (ISO codes), in the publication's zone
 * (a statement of an unknown conflict gives no other). Null for an unknown code.
 */
export function worldProfile(a: string, b: string | null, offsetMin: number): ConflictProfile | null {
  const [x, y] = b === null || a < b ? [a, b] : [b, a];
  const key = `${x}-${y ?? ''}|${offsetMin}`;
  const hit = built.get(key);
  if (hit) return hit;
  const t = countryTable();
  const cx = t.find((c) => c.code === x);
  const cy = y === null ? null : t.find((c) => c.code === y);
  if (!cx || cy === undefined) return null;
  const sides = cy ? [cx, cy] : [cx];
  const zone = zoneOf(offsetMin);
  // Capitals stand for their governments only where they speak, are cited or are accused.
  const parties: PartyDef[] = sides.map((c) => ({ code: c.code, name: c.name, patterns: c.patterns, capitals: c.capitals.map((k) => esc(lower(k))), zone }));
  const places: PlaceDef[] = sides.flatMap((c) =>
    c.capitals.map((k) => ({ id: `${c.code.toLowerCase()}.${lower(k).replace(/[^a-z]+/g, '_')}`, kind: 'other' as const, country: c.code, parent: null, lat: null, lon: null, en: [k], ru: [] })),
  );
  const namesOf = (c: CountryNames): string[] => {
    const entry = countries.find((k) => k.cca2 === c.code);
    return [c.name, ...(entry?.demonyms.eng ? [entry.demonyms.eng.m] : [])];
  };
  const profile: ConflictProfile = {
    id: cy ? `world:${x}-${y}` : `world:${x}`,
    name: `${sides.map((c) => c.name).join('–')} (world fall-back)`,
    languages: ['en', 'ru'],
    parties,
    third_parties: [],
    agencies: [...sides.flatMap((c) => agenciesOf(c, namesOf(c))), ...GENERIC_AGENCIES],
    places,
    vocabulary: STANDARD_VOCABULARY,
  };
  if (built.size >= MAX_BUILT) built.clear();
  built.set(key, profile);
  return profile;
}
