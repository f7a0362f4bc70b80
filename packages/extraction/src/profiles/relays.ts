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
  { country: 'DE', patterns: ['dw', 'deutsche welle', 'немецкая волна', 'dpa', 'der spiegel'] },
  { country: 'MY', patterns: ['bernama', 'бернама'] },
  { country: 'IN', patterns: ['ians', 'press trust of india', 'pti', 'the hindu', 'hindustan times', 'times of india', 'ndtv', 'india today', 'the tribune', 'indian express', 'news18', 'wion', 'ani'] },
  { country: 'PK', patterns: ['dawn', 'express tribune', 'geo news', 'associated press of pakistan', 'the news', 'ary news', 'radio pakistan'] },
  { country: 'FR', patterns: ['afp', 'agence france-presse', 'франс пресс', 'france 24', 'rfi', 'euronews', 'евроньюс', 'le monde'] },
  { country: 'GB', patterns: ['reuters', 'рейтер', 'bbc', 'би-би-си', 'the guardian', 'sky news', 'the independent', 'the telegraph', 'financial times', 'the times'] },
  {
    country: 'US',
    patterns: [
      'associated press', 'ap news', 'ap', 'ассошиэйтед пресс', 'cnn', 'bloomberg', 'блумберг', 'new york times', 'нью-йорк таймс', 'washington post',
      'вашингтон пост', 'wall street journal', 'voice of america', 'voa', 'голос америки', 'eurasianet', 'nbc news', 'cbs news', 'abc news', 'npr', 'fox news',
      'politico', 'axios', 'the diplomat',
    ],
  },
  { country: 'QA', patterns: ['al jazeera', 'аль-джазира'] },
  // The outlets of the sides of the conflicts the profiles cover (an item of theirs that cites no
  // one is their side's).
  { country: 'LB', patterns: ["l['’]orient(?:-le jour| today)?", 'naharnet', 'national news agency', 'nna', 'al[- ]manar', 'аль-манар', 'al[- ]mayadeen', 'аль-маядин', 'lbci', 'an[- ]nahar'] },
  { country: 'IL', patterns: ['times of israel', 'jerusalem post', 'haaretz', 'ynet(?:news)?', 'i24(?:news)?', 'kan news', 'channel 12'] },
  { country: 'AM', patterns: ['azatutyun', 'armenpress', 'арменпресс', 'hetq', 'civilnet', 'arka'] },
  { country: 'GE', patterns: ['jamnews', 'oc media', 'agenda\\.ge'] },
  { country: 'KG', patterns: ['akipress', 'акипресс', 'kabar', 'кабар', 'kloop', 'клооп', 'azattyk', 'азаттык', 'kaktus(?:\\.media)?', 'кактус', 'bulak', 'булак'] },
  { country: 'TJ', patterns: ['asia-plus', 'азия-плюс', '(?:niat )?khovar', '(?:ниат )?«?ховар»?', '(?:radio )?ozodi', '(?:радио )?озоди', 'avesta', 'авеста'] },
  { country: 'TH', patterns: ['bangkok post', 'the nation(?: thailand)?', 'thai pbs', 'khaosod', 'matichon', 'thairath', 'thai news agency'] },
  { country: 'KH', patterns: ['khmer times', 'phnom penh post', 'cambodia daily', 'fresh news', 'akp', 'agence kampuchea presse', 'cambodianess'] },
  { country: 'JP', patterns: ['kyodo', 'киодо', 'nhk', 'nikkei'] },
  { country: 'KR', patterns: ['yonhap', 'ренхап', 'ёнхап'] },
  { country: 'SG', patterns: ['straits times', 'channel newsasia', 'cna'] },
  { country: 'HK', patterns: ['south china morning post', 'scmp'] },
  { country: 'ES', patterns: ['efe'] },
  { country: 'IT', patterns: ['ansa'] },
];

const L = '0-9a-zа-яё\u00C0-\u024F';
let compiled: { named: RegExp; codes: string[]; byTld: Map<string, string> } | null = null;

/**
 * A regex with a group per named outlet country, and the country of each country-code TLD. The
 * TLDs are looked up, not matched: as ~250 regex alternatives that each began with a word loop
 * they backtracked over every position of the source line and took two thirds of the engine.
 */
function compile(): { named: RegExp; codes: string[]; byTld: Map<string, string> } {
  if (compiled) return compiled;
  const codes: string[] = [];
  const groups: string[] = [];
  for (const o of NAMED_OUTLETS) {
    codes.push(o.country);
    groups.push(`(?<![${L}])(?:${o.patterns.join('|')})(?![${L}])`);
  }
  const byTld = new Map<string, string>();
  for (const c of countries) for (const t of c.tld) if (/^\.[a-zа-яё]{2,3}$/.test(t) && !byTld.has(t)) byTld.set(t, c.cca2);
  compiled = { named: new RegExp(groups.map((g) => `(${g})`).join('|'), 'g'), codes, byTld };
  return compiled;
}

// "zakon.kz", "iarex.ru", "fakty.com.ua": labels of letters joined by dots; the last is the TLD.
const DOMAIN = new RegExp(`[${L}-]+(?:\\.[${L}-]+)+`, 'g');
const known = new Map<string, string | null>();

/** The country of the outlet a `source_agency` names first, or null. */
export function relayCountry(sourceAgency: string | null | undefined): string | null {
  if (!sourceAgency) return null;
  const hit = known.get(sourceAgency);
  if (hit !== undefined) return hit;
  const { named, codes, byTld } = compile();
  const low = lower(sourceAgency);
  named.lastIndex = 0;
  const m = named.exec(low);
  let outlet: { at: number; code: string | null } | null = null;
  if (m) for (let g = 1; g < m.length; g++) if (m[g] !== undefined) { outlet = { at: m.index, code: codes[g - 1] ?? null }; break; }
  DOMAIN.lastIndex = 0;
  for (let d = DOMAIN.exec(low); d !== null && (outlet === null || d.index < outlet.at); d = DOMAIN.exec(low)) {
    const code = byTld.get(d[0].slice(d[0].lastIndexOf('.')));
    if (code) {
      outlet = { at: d.index, code };
      break;
    }
  }
  const code = outlet?.code ?? null;
  // Source lines repeat (a few hundred outlets): each is read once.
  if (known.size >= 4096) known.clear();
  known.set(sourceAgency, code);
  return code;
}
