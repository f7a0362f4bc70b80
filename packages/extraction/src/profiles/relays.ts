/**
 * The home country of a news outlet that relays a statement, read from the `source_agency`
 * string: the outlet named first, by its web domain's country-code TLD ("Zakon.kz" → KZ,
 * "Газета.Ru" → RU, "fakty.com.ua" → UA, from the `world-countries` data) or by the name of a
 * national news agency or broadcaster that carries no domain ("TASS", «Звезда», "Anadolu").
 * The conventions give such an item's uncited narrative to the outlet's country (corpus README,
 * `reported_by`).
 */
import worldCountries, { type Countries } from 'world-countries';
import { lower } from '../text/patterns.ts';

const countries: Countries = (worldCountries as unknown as { default?: Countries }).default ?? (worldCountries as unknown as Countries);

/** National news agencies and broadcasters known by name, by country (lower-case regex sources). */
const NAMED_OUTLETS: ReadonlyArray<{ country: string; patterns: string[] }> = [
  {
    country: 'RU',
    patterns: [
      'tass', 'тасс', 'ria novosti', 'риа новости', 'interfax', 'интерфакс', 'rbc', 'рбк', 'телеканал «?звезда»?', 'zvezda',
      'rex', 'коммерсант[ъ]?', 'kommersant', 'известия', 'izvestia', 'рен тв', 'москва 24', 'российская газета', 'rossiyskaya gazeta',
      'rt на русском', 'russia today', 'lenta\\.ru', 'regnum', 'регнум', 'eadaily', 'ведомости', 'vedomosti',
    ],
  },
  { country: 'KZ', patterns: ['kazinform', 'qazinform', 'казинформ', 'tengrinews', 'kaztag', 'казтаг'] },
  { country: 'AZ', patterns: ['trend', 'тренд', 'apa', 'azertac', 'азертадж', 'azernews'] },
  { country: 'IR', patterns: ['pars today', 'press tv', 'irna', 'tasnim', 'mehr news'] },
  { country: 'TR', patterns: ['anadolu', 'анадолу', 'trt'] },
  { country: 'CN', patterns: ['xinhua', 'синьхуа', 'cgtn', 'global times'] },
  { country: 'DE', patterns: ['dw', 'deutsche welle', 'немецкая волна'] },
  { country: 'MY', patterns: ['bernama', 'бернама'] },
  { country: 'IN', patterns: ['ians', 'press trust of india', 'pti', 'the hindu', 'hindustan times', 'times of india', 'ndtv', 'india today'] },
  { country: 'PK', patterns: ['dawn', 'express tribune', 'geo news', 'associated press of pakistan'] },
  { country: 'FR', patterns: ['afp', 'agence france-presse', 'франс пресс'] },
  { country: 'GB', patterns: ['reuters', 'рейтер', 'bbc', 'би-би-си'] },
];

const L = '0-9a-zа-яё\\u00C0-\\u024F';
let compiled: { re: RegExp; codes: string[] } | null = null;

/** One regex: a group per named outlet country, then a group per country-code TLD. */
function compile(): { re: RegExp; codes: string[] } {
  if (compiled) return compiled;
  const codes: string[] = [];
  const groups: string[] = [];
  for (const o of NAMED_OUTLETS) {
    codes.push(o.country);
    groups.push(`(?<![${L}])(?:${o.patterns.join('|')})(?![${L}])`);
  }
  // "zakon.kz", "iarex.ru", "fakty.com.ua": a domain of letters ending in a country's TLD.
  const byTld = new Map<string, string>();
  for (const c of countries) for (const t of c.tld) if (/^\.[a-zа-яё]{2,3}$/.test(t) && !byTld.has(t)) byTld.set(t, c.cca2);
  for (const [tld, code] of byTld) {
    codes.push(code);
    groups.push(`[${L}-]+(?:\\.(?:com|co|org|net|news))?\\${tld}(?![${L}.])`);
  }
  compiled = { re: new RegExp(groups.map((g) => `(${g})`).join('|'), 'g'), codes };
  return compiled;
}

/** The country of the outlet a `source_agency` names first, or null. */
export function relayCountry(sourceAgency: string | null | undefined): string | null {
  if (!sourceAgency) return null;
  const { re, codes } = compile();
  re.lastIndex = 0;
  const m = re.exec(lower(sourceAgency));
  if (!m) return null;
  for (let g = 1; g < m.length; g++) if (m[g] !== undefined) return codes[g - 1] ?? null;
  return null;
}
