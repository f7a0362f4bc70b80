/**
 * A grammar of dates and clock times in English and Russian, and their resolution against the
 * publication time. Everything is computed from the statement: no clock is read.
 *
 * Dates are local calendar days of the issuer; clock times may carry their own zone
 * ("04:50 (Moscow time)", "10:00 GMT") and are then converted to the issuer's zone.
 */
import { findAll, lower, type Match } from './text/patterns.ts';

export type PartOfDay = 'morning' | 'afternoon' | 'evening' | 'night';

/** What a date or clock mention is for. */
/**
 * `report`: the day a statement was made or published ("said on Friday", "On Sunday the ministry
 * said", «в заявлении МИД 5 октября»): the day of the report, not of the event it tells (SCHEMA,
 * "Which day"); only an allegation, whose act is the report, or an event going on now takes it.
 */
export type TemporalRole = 'event' | 'as_of' | 'report' | 'reference' | 'start' | 'alt';

export interface DateMention extends Match {
  /** YYYY-MM-DD, null when unresolvable or when only a part of day is given. */
  date: string | null;
  part: PartOfDay | null;
  role: TemporalRole;
  kind: 'absolute' | 'relative' | 'weekday' | 'night' | 'same_day' | 'month' | 'part' | 'since_morning' | 'anaphor';
  /** For a month without a day: YYYY-MM. */
  month: string | null;
}

export interface ClockMention extends Match {
  hh: number;
  mm: number;
  approx: boolean;
  /** Offset in minutes when the text names a zone (Moscow time, GMT); null = issuer's local time. */
  offset_min: number | null;
  role: TemporalRole;
}

export interface PublicationTime {
  /** Local date of publication in the issuer's zone. */
  date: string | null;
  /** Publication instant (ms since epoch) when the time is known. */
  instant: number | null;
}

const EN_MONTHS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const RU_MONTHS =
  'января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь|янв|фев|мар|апр|июн|июл|авг|сент|сен|окт|ноя|дек';
const MON = `(?:${EN_MONTHS}|${RU_MONTHS})\\.?`;
const B = '(?<![0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF])';
const E = '(?![0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF])';

function monthNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  const en = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
  const i = en.indexOf(w.slice(0, 3));
  if (i >= 0 && /^[a-z]/.test(w)) return i + 1;
  if (w.startsWith('янв')) return 1;
  if (w.startsWith('фев')) return 2;
  if (w.startsWith('мар')) return 3;
  if (w.startsWith('апр')) return 4;
  if (/^ма[яйе]$/.test(w)) return 5;
  if (w.startsWith('июн')) return 6;
  if (w.startsWith('июл')) return 7;
  if (w.startsWith('авг')) return 8;
  if (w.startsWith('сен')) return 9;
  if (w.startsWith('окт')) return 10;
  if (w.startsWith('ноя')) return 11;
  if (w.startsWith('дек')) return 12;
  return null;
}

const WEEKDAYS: Record<string, number> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
  воскресенье: 0, понедельник: 1, вторник: 2, среду: 3, среда: 3, четверг: 4, пятницу: 5, пятница: 5, субботу: 6, суббота: 6,
};

const PARTS: Record<string, PartOfDay> = {
  morning: 'morning', afternoon: 'afternoon', evening: 'evening', night: 'night', overnight: 'night',
  утром: 'morning', утра: 'morning', днем: 'afternoon', днём: 'afternoon', вечером: 'evening', вечера: 'evening', ночью: 'night', ночи: 'night',
};

const RE_NIGHT_EN = new RegExp(
  `${B}(?:(?:on |during |in )?the (?:intervening |following |previous )?)?night of (?:(${MON}) )?(\\d{1,2})(?:st|nd|rd|th)?(?: (${MON}))?(?: (?:to|into|and) | ?[-–] ?)(?:(${MON}) )?(\\d{1,2})(?:st|nd|rd|th)?(?: (${MON}))?(?:,? (\\d{4}))?${E}`,
  'g',
);
const RE_NIGHT_RU = new RegExp(`${B}в ночь (?:с (\\d{1,2})(?:-?(?:го|ое|е))?(?: (${MON}))? )?на (\\d{1,2})(?:-?(?:го|ое|е))? (${MON})(?: (\\d{4})(?: года| г\\.)?)?${E}`, 'g');
// "the night of Saturday to Sunday", «в ночь с субботы на воскресенье»: dated by the day it ends.
const RE_NIGHT_WEEKDAY = new RegExp(
  `${B}(?:(?:on |during )?the night (?:(?:of|from) [a-z]+day (?:to|into) )?(of |to )?([a-z]+day)|в ночь (?:со? (?:понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья) )?на (понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)|(?:[a-z]+day )?overnight (?:[a-z]+day )?(?:into|to) ([a-z]+day)|[a-z]+day night (?:into|to) ([a-z]+day))${E}`,
  'g',
);
const RE_DMY = new RegExp(
  `${B}(\\d{1,2})(?:-?(?:го|ое|е)(?=\\s))?(?:(?:\\s*[-–—]\\s*|\\s+(?:and|и|to|по)\\s+)(\\d{1,2}))?(?:st|nd|rd|th|-?(?:го|ое|е)(?=\\s))?\\s+(${MON})(?:,?\\s+(\\d{4})(?:\\s*(?:года|г\\.))?)?(?![0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF])`,
  'g',
);
const RE_MDY = new RegExp(`${B}(${MON})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2}))?(?:,?\\s+(\\d{4}))?(?![0-9:])`, 'g');
// "16.09.2022", "09.05.23" (a two-digit year is this century's).
// "16/09/2022": day first, as agencies of the region write it.
const RE_NUMERIC = /(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d{2})(?![\d]|[./]\d)/g;
// "2022-1-27", "2022-01-27": a page's date stamp.
const RE_ISO = /(?<![\d.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d-])/g;
const RE_MONTH_YEAR = new RegExp(`${B}(${MON})\\s+(\\d{4})${E}`, 'g');
const RE_MONTH_BARE = new RegExp(
  `${B}(?:in|во?)\\s+(january|february|march|april|may|june|july|august|september|october|november|december|январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре)${E}`,
  'g',
);
const RE_RELATIVE = new RegExp(
  `${B}(in the (?:last|past) (?:24 hours|day)|over the (?:last|past) (?:24 hours|day)|за (?:последние|минувшие|прошедшие|истекшие|истекшие) сутки|during the day|в течение (?:дня|суток)|the day before yesterday|позавчерашн[а-яё]*|позавчера|вчерашн[а-яё]*|yesterday|вчера|накануне|the previous day|the day before(?=\s*[,.])|a day earlier|the next day|the following day|a day later|на следующий день|на другой день|спустя сутки|earlier today|today|сегодняшн[а-яё]*|сегодня|tonight|last night|the previous night|the night before(?! last)|overnight|this (?:morning|afternoon|evening)|минувшей ночью|прошлой ночью|прошедшей ночью|этой ночью|сегодня ночью|позапрошлой ночью|этим (?:утром|вечером)|(?:\\d|two|three|four|five|два|две|три|четыре|пять) (?:days ago|дн(?:я|ей) назад|суток назад)|(?:for )?(?:a |the )?(?:second|third|fourth|fifth) (?:(?:straight|consecutive) day|day (?:in a row|running))|(?:второй|третий|четв[её]ртый|пятый) день подряд|(?:вторые|третьи|четв[её]ртые|пятые) сутки подряд)(?: (morning|afternoon|evening|night|утром|днем|днём|вечером|ночью))?${E}`,
  'g',
);
const RE_WEEKDAY = new RegExp(
  `${B}(?:(on|last|this|since|по|в|во|в прошл(?:ый|ую|ое)|в минувш(?:ий|ую|ее)) )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday|воскресенье|понедельник|вторник|среду|четверг|пятницу|субботу)(?:'s|’s)?(?: (morning|afternoon|evening|night|утром|днем|днём|вечером|ночью))?${E}`,
  'g',
);
const RE_SAME_DAY = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:on )?(?:the same (day|evening|night|morning)|that day|в тот же (день|вечер)|в этот же день|того же дня|в тот же день)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/g;
// Words that place an event in time after or before the one told ("then", «затем»); additive
// connectives ("in addition", «кроме того») tell no time and are not among them.
const RE_ANAPHOR = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:before (?:this|that)|after (?:this|that)|перед этим|после этого|затем|then|shortly after(?:wards)?(?! midnight)|later)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/g;
const RE_PART = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:(?:(since|from|с) )?(?:(?:in|during|throughout|early in|late in|on) )?(?:the )?(morning|afternoon|evening|night)(?: hours)?(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])|(утром|с утра|днем|днём|вечером|ночью|с вечера|с ночи|рано утром|поздно вечером|в первой половине дня|во второй половине дня|(?:shortly |just |soon )?after midnight|(?:вскоре |сразу )?после полуночи|за полночь|(?:in )?the (?:early|small|wee) hours|(?:before|at) (?:dawn|daybreak)|pre-?dawn|на рассвете|перед рассветом|до рассвета)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]))/g;
// "21:40", "21.40"; also "10 часов утра", "в 7 часов вечера", "10 a.m.", "9:30 pm". (Here and in
// RE_PART the alternatives share their leading lookbehind: tested once per position.)
const RE_CLOCK = /(?<![\d:.])(?:([01]?\d|2[0-4])[:.]([0-5]\d)(?![\d]|[.:]\d)(?:\s*(a\.?m\.?|p\.?m\.?)(?![a-z]))?|(1[0-2]|0?\d)\s*(a\.?m\.?|p\.?m\.?)(?![a-z])|([01]?\d|2[0-3])\s+час(?:ов|а)?(?:\s+([0-5]?\d)\s+минут[аы]?)?(?:\s+(утра|дня|вечера|ночи))?(?![а-яё])|(?<![а-яё])час[уа]?\s+(ночи|дня)(?![а-яё])|([01]?\d|2[0-3])\s*ч\.\s*([0-5]?\d)\s*мин(?:ут[аы]?|\.)?|([01]\d|2[0-4])([0-5]\d)\s*(?:hours|hrs)(?![a-z])|(?<![a-zа-яё])(midnight|полуночи|полночь|полночи)(?![a-zа-яё])|(?<![a-zа-яё])(noon|midday|полдень|полудня)(?![a-zа-яё])|([01]?\d|2[0-3])(?<=(?:^|[^а-яё])(?:в|около|к|с|до)\s+\d{1,2})\s+(утра|вечера|ночи)(?![а-яё]))/gi;

const AS_OF_BEFORE = /(?:as of|as at|по состоянию на|на момент)(?:\s+(?:about\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:on|,))?)?\s*$/i;
// "the protocol of 25 September", "Protocol No. 42 dated 25 September", «протоколом № 42 от…».
const REFERENCE_BEFORE =
  /(?:protocol|agreement|agreements|accords?|memorandum|ceasefire|truce|договор[её]нност[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|протокол[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|соглашени[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|меморандум[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|перемири[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?:\s*(?:No\.?|№|#)\s*\d+)?(?:\s+[A-Za-z\u00C0-\u024F\u0400-\u04FF-]+){0,1}?\s+(?:of|от|dated|reached on|agreed on|signed on|on|достигнут[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)\s*$/i;
const REFERENCE_VERB_BEFORE = /(?:reached|agreed|signed|concluded|достигнут[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|подписанн[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?:\s+(?:on|at about|at))?\s*$/i;
// "the ministry said today": the day of the report, not of the event.
// "said on Monday", "told reporters on 18 September", «сообщил журналистам 18 сентября».
const REPORT_BEFORE = /(?:said|says|reported|stated|announced|noted|published|issued|told\s+\S+|сообщил[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|заявил[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|опубликовал[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|сообщает|заявляет)(?:\s+(?:to\s+)?(?:journalists|reporters|the press|журналистам|прессе|сми))?(?:\s+on)?\s*$/i;
// The words that may name who speaks between a day and its speech verb ("On Friday the
// government of Tajikistan confirmed", «Утром Минздрав Киргизии заявлял»): capitalised names,
// function words and the nouns of agencies and officials; no verb of an event.
// A military or border speaker ("On Tuesday the Defence Ministry said…", «Утром погранслужба
// сообщила…») reports the day's incidents as they happen: its day stays the events'.
const SPEAKER_WORD =
  "(?:(?!Defen[cs]e|Border|Army|Armed|Military|Troops|IDF|ISPR|Hezbollah|Hizb|Минобороны|Погран|Вооруж|Арми|ЦАХАЛ|Хезболл|Хизбал)[A-ZА-ЯЁ][^\\s,.;:!?()]*|the|of|for|and|its|their|ministry|foreign|affairs|service|press|office|centre|center|government|spokes(?:person|man|woman)|committee|security|national|state|first|deputy|minister|health|officials?|authorities|sources?|country's|(?:стран|республик|министерств|министр|заместител|ведомств|пресс-служб|пресс-секретар|представител|комитет|правительств|власт|минздрав|иностранных|дел|здравоохранения|национальной|безопасности|государственн|официальн|глав)[а-яё]*|и|по)";
const SPEECH_VERB =
  '(?:said|says|confirmed|reported|announced|stated|told|briefed|claimed|accused|noted|added|(?:за|)яв(?:ил|лял|ляет|ляют|или)[а-яё]*|сообщ(?:ил|ал|ает|ают|или)[а-яё]*|подтверд(?:ил|или)[а-яё]*|отметил[а-яё]*|уточнил[а-яё]*|обвинил[а-яё]*|обвиняет|распространил[а-яё]*)';
// "On Friday the government of Tajikistan confirmed that…", "On Sunday (December 14) X, spokesman
// for…, said": a day opening a sentence whose verb is one of speech dates the speaking.
const REPORT_AFTER = new RegExp(`^\\s*(?:\\([^()]{0,30}\\))?,?(?:\\s+${SPEAKER_WORD},?){1,12}\\s+${SPEECH_VERB}(?![a-zа-яё])`);
const SENTENCE_OPEN_BEFORE = /(?:[.!?»"]\s+|\n\s*)(?:on\s+)?$/i;
const ON_ONLY = /^\s*(?:on\s+)?$/i;

/** The mention at `start` opens its sentence ("On Friday, …", «Утром …»). */
function opensSentence(text: string, start: number): boolean {
  if (start <= 4 && ON_ONLY.test(text.slice(0, start))) return true;
  return SENTENCE_OPEN_BEFORE.test(text.slice(Math.max(0, start - 8), start));
}
// «в официальном заявлении Министерства иностранных дел 5 октября», "the statement of the Foreign
// Ministry of 5 October": the day of a statement named by its noun and its (non-military) speaker.
const REPORT_NOUN_BEFORE = new RegExp(
  `(?:statement|заявлени[а-яё]*|коммюнике|брифинг[а-яё]*|briefing)(?:\\s+${SPEAKER_WORD}){1,6}?(?:\\s+(?:issued\\s+)?(?:on|of))?\\s*$`,
);
// "should take effect at 24:00 hours on July 28", «вступает в силу с 00:00 28 июля»: the day a
// truce starts, not a day of fighting.
// "a ceasefire that took effect on Monday night", «перемирие вступило в силу 28 июля»: the day a
// truce started, no day of the narrative to carry to the fire told after it.
const START_DAY_BEFORE = /(?:(?:take|takes|took|taken|come|comes|came|enter|enters|entered|went|go|goes)\s+(?:into\s+)?(?:effect|force)|вступил[а-яё]*\s+в\s+силу)\s+(?:on\s+|at\s+|с\s+|в\s+)?$/i;
const START_CLOCK_BEFORE =
  /(?:effect|force|effective|силу|действовать)\s+(?:from\s+|at\s+|as of\s+|с\s+|в\s+)?(?:\d{1,2}[:.]\d{2}|\d{4}|midnight|полуночи|полночь)(?:\s*(?:hours|hrs|local time|по местному времени))?(?:\s*\([^()]{0,30}\))?\s*(?:on\s+|,\s*)?$/i;
const REFERENCE_AFTER = /^\s*(?:agreements?|accords?|protocol|договор[её]нност)/i;
const START_BEFORE =
  /(?:cease[- ]?fire|truce|(?:halt|stop|cease)[a-z]* (?:all )?(?:firing|fire|hostilities)|cessation of (?:all )?(?:hostilities|fire|firing)|прекращени[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* (?:огня|боевых действий|огневых)|перемири[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|режим[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* тишины)(?:\s+[A-Za-z\u00C0-\u024F\u0400-\u04FF-]+){0,5}?\s+(?:from|starting(?: at| from)?|effective(?: from)?|с)\s*$|(?:effective from|with effect from|вступает в силу с|starting from)\s*$|(?:(?:take|takes|took|taking|come|comes|came|go|goes|went|enter|enters|entered) (?:into )?(?:effect|force)|(?:began|begins|started|starts) to apply|вступ[а-яё]* в силу|начал[а-яё]* действовать)(?:(?! (?:but|and|но|а|и) )[^.;!?]){0,30}?\s+(?:at|from|as of|on|с|в)\s*$|(?:огня|тишины|перемирие|ceasefire|truce) (?:действует|соблюдается|is in (?:effect|force)) (?:с|from)\s*$/i;
const APPROX_BEFORE = /(?:around|about|approximately|approx\.|some|около|примерно|приблизительно)\s+(?:at\s+|в\s+)?$/i;

/** Whether a text contains any of `words`: one regex pass instead of one search per word. */
function anyOf(words: readonly string[]): RegExp {
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}

// Substrings every match of a scanner contains: a scanner whose key words are all absent is
// skipped (a literal alternation is far cheaper than the scanner's pass over the text).
const RELATIVE_KEYS = anyOf(['previous night', 'night before', 'in a row', 'running', 'consecutive day', 'straight day', 'подряд', '24 hours', 'past day', 'last day', 'сутки', 'during the day', 'в течение', 'yesterday', 'вчера', 'накануне', 'the previous day', 'the day before', 'a day earlier', 'next day', 'following day', 'day later', 'на следующий', 'на другой', 'спустя', 'today', 'сегодня', 'tonight', 'last night', 'overnight', 'this ', 'ночью', 'этим ', 'ago', 'назад']);
const WEEKDAY_KEYS = anyOf(['day', 'понедельник', 'вторник', 'сред', 'четверг', 'пятниц', 'суббот', 'воскресен']);
const SAME_DAY_KEYS = anyOf(['same', 'that day', 'тот же', 'этот же', 'того же']);
const ANAPHOR_KEYS = anyOf(['before', 'after', 'перед этим', 'после этого', 'затем', 'then', 'later']);
const PART_KEYS = anyOf(['morning', 'afternoon', 'evening', 'night', 'утр', 'днем', 'днём', 'вечер', 'ночью', 'половине дня', 'midnight', 'полуноч', 'полночь', 'early hours', 'small hours', 'wee hours', 'dawn', 'daybreak', 'рассвет']);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function ymd(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const t = Date.UTC(y, m - 1, d);
  const dt = new Date(t);
  if (dt.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

// Dates repeat across mentions and statements (the publication day, its neighbours): the day
// arithmetic is memoised (bounded, pure).
const addDaysMemo = new Map<string, string>();
export function addDays(date: string, days: number): string {
  const key = `${date}|${days}`;
  const hit = addDaysMemo.get(key);
  if (hit !== undefined) return hit;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const dt = new Date(Date.UTC(y, m - 1, d) + days * 86_400_000);
  const out = `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
  if (addDaysMemo.size > 4096) addDaysMemo.clear();
  addDaysMemo.set(key, out);
  return out;
}

function weekday(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function parseOffset(offset: string): number | null {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset);
  if (!m) return null;
  const v = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -v : v;
}

export function formatOffset(min: number): string {
  const sign = min < 0 ? '-' : '+';
  const a = Math.abs(min);
  return `${sign}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}

/** Publication date in the issuer's zone (or as given when the zone is unknown). */
export function publicationTime(publishedAt: string | null | undefined, issuerOffsetMin: number | null): PublicationTime {
  if (!publishedAt) return { date: null, instant: null };
  const s = publishedAt.trim();
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (bare) return { date: ymd(Number(bare[1]), Number(bare[2]), Number(bare[3])), instant: null };
  const full = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!full) return { date: null, instant: null };
  const [, y, mo, d, hh, mi, ss, z] = full;
  const own = z === undefined ? null : z === 'Z' ? 0 : parseOffset(z);
  const localMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss ?? 0));
  if (Number.isNaN(localMs)) return { date: null, instant: null };
  const instant = own === null ? null : localMs - own * 60_000;
  const offset = issuerOffsetMin ?? own;
  if (instant === null || offset === null) return { date: ymd(Number(y), Number(mo), Number(d)), instant };
  const shifted = new Date(instant + offset * 60_000);
  return {
    date: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    instant,
  };
}

function inferYear(month: number, day: number, pub: string | null, explicit: string | undefined): string | null {
  if (explicit) return ymd(Number(explicit), month, day);
  if (!pub) return null;
  const py = Number(pub.slice(0, 4));
  const candidate = ymd(py, month, day);
  // A day well after publication belongs to the previous year ("December 30" in a January item).
  if (candidate && candidate > addDays(pub, 7)) return ymd(py - 1, month, day);
  return candidate;
}

// One cheap test before the anchored ones: most dates have none of these words before them.
const ROLE_HINT = /as of|as at|состояни|момент|protocol|agree|accord|memorand|ceasefire|truce|договор|протокол|соглашени|меморандум|перемири|reached|signed|concluded|достигнут|подписанн|said|says|report|stated|announc|noted|told|published|issued|опубликов|сообщ|заяв|statement|коммюнике|брифинг|briefing|effect|force|силу|действовать/i;
// The speech verbs REPORT_AFTER ends on, as a cheap test of the sentence after a day.
const SPEECH_HINT = /said|says|confirm|report|announc|stated|told|brief|claim|accus|noted|added|заяв|сообщ|подтверд|отметил|уточнил|обвин|распростран/i;

// "Kok-Tash village, 2 December 2021. Photo: Kabar": a photo caption's day is the picture's.
const CAPTION_AFTER = /^\s*[.,]?\s*(?:photo|фото)(?![a-zа-яё])/i;

function roleOf(text: string, m: Match, narrative: boolean): TemporalRole {
  const before = text.slice(Math.max(0, m.start - 60), m.start);
  const after = text.slice(m.end, m.end + 20);
  if (CAPTION_AFTER.test(after)) return 'reference';
  // A night is when things happen, not when statements are made («В ночь на вторник Минобороны
  // сообщило, что…» tells the night's fire); "The day before, the ministry reported…" steps the
  // narrative back a day, and its news is of that day.
  if (!narrative && opensSentence(text, m.start)) {
    const rest = text.slice(m.end, m.end + 160);
    if (SPEECH_HINT.test(rest) && REPORT_AFTER.test(rest)) return 'report';
  }
  if (!ROLE_HINT.test(before) && !REFERENCE_AFTER.test(after)) return 'event';
  if (AS_OF_BEFORE.test(before)) return 'as_of';
  if (REFERENCE_BEFORE.test(before) || REFERENCE_VERB_BEFORE.test(before) || REFERENCE_AFTER.test(after)) return 'reference';
  if (REPORT_BEFORE.test(before)) return 'as_of';
  if (REPORT_NOUN_BEFORE.test(before)) return 'report';
  if (START_CLOCK_BEFORE.test(before)) return 'reference';
  if (START_DAY_BEFORE.test(before)) return 'reference';
  return 'event';
}

/** The date scan of one statement: mentions so far and the spans they take. */
interface DateScan {
  text: string;
  pubDate: string | null;
  dates: DateMention[];
  taken: Match[];
}

function isFree(st: DateScan, s: number, e: number): boolean {
  for (const t of st.taken) if (s < t.end && t.start < e) return false;
  return true;
}

/** Records a date mention unless an earlier scanner took (part of) its span. */
function pushDate(st: DateScan, m: RegExpExecArray, date: string | null, part: PartOfDay | null, kind: DateMention['kind'], month: string | null): void {
  const start = m.index;
  const end = start + m[0].length;
  if (!isFree(st, start, end)) return;
  const text = st.text.slice(start, end);
  const match: Match = { start, end, text };
  st.taken.push(match);
  st.dates.push({ start, end, text, date, part, kind, month, role: roleOf(st.text, match, part === 'night' || kind === 'relative' || kind === 'anaphor' || kind === 'same_day') });
}

function scanNightEn(st: DateScan, low: string): void {
  for (let m = first(RE_NIGHT_EN, low); m !== null; m = RE_NIGHT_EN.exec(low)) {
    const monthWord = m[6] ?? m[4] ?? m[3] ?? m[1];
    const mon = monthWord ? monthNumber(monthWord) : null;
    const day = Number(m[5]);
    pushDate(st, m, mon ? inferYear(mon, day, st.pubDate, m[7]) : null, 'night', 'night', null);
  }
}

function scanNightRu(st: DateScan, low: string): void {
  for (let m = first(RE_NIGHT_RU, low); m !== null; m = RE_NIGHT_RU.exec(low)) {
    const mon = monthNumber(m[4] ?? '');
    pushDate(st, m, mon ? inferYear(mon, Number(m[3]), st.pubDate, m[5]) : null, 'night', 'night', null);
  }
}

function scanNightWeekday(st: DateScan, low: string): void {
  for (let m = first(RE_NIGHT_WEEKDAY, low); m !== null; m = RE_NIGHT_WEEKDAY.exec(low)) {
    // "overnight Friday into Saturday", "Friday night into Saturday": the day the night ends.
    const w = WEEKDAYS[(m[2] ?? m[3] ?? m[4] ?? m[5] ?? '').toLowerCase()];
    let day = w === undefined || !st.pubDate ? null : lastWeekday(st.pubDate, w);
    // "the night of Monday" is Monday's night, dated by the day it ends (SCHEMA), up to the day of
    // publication; "the night to Tuesday", «в ночь на вторник» already name that day.
    if (day && st.pubDate && m[1] === 'of ' && day < st.pubDate) day = addDays(day, 1);
    pushDate(st, m, day, 'night', 'night', null);
  }
}

function scanNumeric(st: DateScan, low: string): void {
  for (let m = first(RE_NUMERIC, low); m !== null; m = RE_NUMERIC.exec(low)) {
    const y = m[4] ?? '';
    pushDate(st, m, ymd(y.length === 2 ? 2000 + Number(y) : Number(y), Number(m[3]), Number(m[1])), null, 'absolute', null);
  }
}

function scanIso(st: DateScan, low: string): void {
  for (let m = first(RE_ISO, low); m !== null; m = RE_ISO.exec(low)) pushDate(st, m, ymd(Number(m[1]), Number(m[2]), Number(m[3])), null, 'absolute', null);
}

function scanDayMonth(st: DateScan, low: string): void {
  for (let m = first(RE_DMY, low); m !== null; m = RE_DMY.exec(low)) {
    const mon = monthNumber(m[3] ?? '');
    if (!mon) continue;
    // A range ("April 29-30", «29–30 апреля») takes its first day.
    pushDate(st, m, inferYear(mon, Number(m[1]), st.pubDate, m[4]), null, 'absolute', null);
  }
}

function scanMonthDay(st: DateScan, low: string): void {
  for (let m = first(RE_MDY, low); m !== null; m = RE_MDY.exec(low)) {
    const mon = monthNumber(m[1] ?? '');
    if (!mon) continue;
    pushDate(st, m, inferYear(mon, Number(m[2]), st.pubDate, m[4]), null, 'absolute', null);
  }
}

// "on the 29th, exchanges of fire…", "in effect from the 29th at 20:00": a day of the month with no
// month named is the month of publication (the previous one for a day still to come); a noun
// after it ("the 12th day", "the 2nd Army Region") makes it an ordinal of something else.
const RE_ORDINAL_DAY_EN = /(?<=(?:^|[^0-9a-z])(?:on|from|since|until) )the (\d{1,2})(?:st|nd|rd|th)(?=\s*(?:[,.;:)]|$)|\s+(?:at|in|of this month|saying|when|as|and|but|morning|evening|night)(?![a-z]))/g;
// «7 декабря Камбоджа перебросила технику, а 8-го нанесла удары»: a day whose month the date just
// before in the sentence gives; «12-го числа»: the month of publication.
const ORDINAL_HINT = /\d(?:st|nd|rd|th|-го)/;
const RE_ORDINAL_DAY_RU = /(?<![0-9а-яё-])(\d{1,2})-го(\s+числа)?(?![а-яё])/g;
const DAY_MONTH_BEFORE = new RegExp(`(?:^|[^0-9])(\\d{1,2})\\s+(${RU_MONTHS})(?:\\s+(\\d{4}))?[^.!?\\d]{0,60}$`);

function dayOfPublicationMonth(pub: string, day: number): string | null {
  const y = Number(pub.slice(0, 4));
  const m = Number(pub.slice(5, 7));
  const here = ymd(y, m, day);
  if (here && here <= pub) return here;
  return m === 1 ? ymd(y - 1, 12, day) : ymd(y, m - 1, day);
}

function scanOrdinalDay(st: DateScan, low: string): void {
  for (let m = first(RE_ORDINAL_DAY_EN, low); m !== null; m = RE_ORDINAL_DAY_EN.exec(low)) {
    const day = Number(m[1]);
    if (!st.pubDate || day < 1 || day > 31) continue;
    pushDate(st, m, dayOfPublicationMonth(st.pubDate, day), null, 'absolute', null);
  }
  for (let m = first(RE_ORDINAL_DAY_RU, low); m !== null; m = RE_ORDINAL_DAY_RU.exec(low)) {
    const day = Number(m[1]);
    if (!st.pubDate || day < 1 || day > 31) continue;
    const told = DAY_MONTH_BEFORE.exec(low.slice(Math.max(0, m.index - 90), m.index));
    const mon = told ? monthNumber(told[2] ?? '') : null;
    if (mon) pushDate(st, m, inferYear(mon, day, st.pubDate, told?.[3]), null, 'absolute', null);
    else if (m[2]) pushDate(st, m, dayOfPublicationMonth(st.pubDate, day), null, 'absolute', null);
  }
}

function scanMonthYear(st: DateScan, low: string): void {
  for (let m = first(RE_MONTH_YEAR, low); m !== null; m = RE_MONTH_YEAR.exec(low)) {
    const mon = monthNumber(m[1] ?? '');
    if (!mon) continue;
    pushDate(st, m, null, null, 'month', `${m[2]}-${pad(mon)}`);
  }
  // "in May", «в мае» with no year: the last such month up to publication; only an earlier month
  // than publication's (the month of publication itself is told by its days).
  if (!st.pubDate) return;
  const pubYear = Number(st.pubDate.slice(0, 4));
  const pubMonth = Number(st.pubDate.slice(5, 7));
  for (let m = first(RE_MONTH_BARE, low); m !== null; m = RE_MONTH_BARE.exec(low)) {
    const mon = monthNumber(m[1] ?? '');
    if (!mon || mon === pubMonth) continue;
    pushDate(st, m, null, null, 'month', `${mon < pubMonth ? pubYear : pubYear - 1}-${pad(mon)}`);
  }
}

function scanRelative(st: DateScan, low: string): void {
  for (let m = first(RE_RELATIVE, low); m !== null; m = RE_RELATIVE.exec(low)) {
    const w = (m[1] ?? '').toLowerCase();
    const partWord = (m[2] ?? '').toLowerCase();
    let days = 0;
    let part: PartOfDay | null = partWord ? (PARTS[partWord] ?? null) : null;
    // «в течение дня 8 ноября», "during the day of 8 November": the date that follows is the day.
    if ((w === 'during the day' || w.startsWith('в течение')) && DATE_FOLLOWS.test(low.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    if (DAY_AFTER_WORDS.test(w)) {
      pushDate(st, m, null, part, 'relative', null);
      continue;
    }
    // Adjectives date their noun as the adverbs do: «вчерашнего обстрела», «сегодняшний».
    // "in the last 24 hours" is a range: dated by its first day.
    if (LAST_DAY.test(w)) days = -1;
    else if (w === 'during the day' || w.startsWith('в течение')) days = 0;
    else if (w === 'the day before yesterday' || w.startsWith('позавчера')) days = -2;
    else if (w === 'yesterday' || w.startsWith('вчера') || w === 'накануне' || w === 'the previous day' || w === 'the day before' || w === 'a day earlier') days = -1;
    else if (AGO.test(w)) days = -agoDays(w);
    // "for the third day in a row", «третий день подряд»: a range up to now, dated by its first day.
    else if (IN_A_ROW.test(w)) days = 1 - (ORDINAL_DAYS[IN_A_ROW.exec(w)?.[1] ?? ''] ?? 1);
    else if (w === 'позапрошлой ночью') {
      // The night before last ended yesterday.
      days = -1;
      part = 'night';
    } else if (w === 'tonight') part = 'night';
    else if (NIGHT_WORD.test(w)) part = 'night';
    else if (w.startsWith('this ') || w.startsWith('этим ')) part = PARTS[w.slice(5)] ?? null;
    pushDate(st, m, st.pubDate ? addDays(st.pubDate, days) : null, part, 'relative', null);
  }
}

function scanWeekday(st: DateScan, low: string): void {
  for (let m = first(RE_WEEKDAY, low); m !== null; m = RE_WEEKDAY.exec(low)) {
    const w = WEEKDAYS[(m[2] ?? '').toLowerCase()];
    if (w === undefined) continue;
    // "last Tuesday" in a Tuesday item is a week ago; "on Tuesday" is that day.
    const strict = m[1] !== undefined && LAST_WEEK.test(m[1]);
    pushDate(st, m, st.pubDate ? lastWeekday(st.pubDate, w, strict) : null, m[3] ? (PARTS[m[3].toLowerCase()] ?? null) : null, 'weekday', null);
  }
}

function scanSameDay(st: DateScan, low: string): void {
  for (let m = first(RE_SAME_DAY, low); m !== null; m = RE_SAME_DAY.exec(low)) {
    const p = (m[1] ?? m[2] ?? '').toLowerCase();
    pushDate(st, m, null, p === 'evening' || p === 'вечер' ? 'evening' : p === 'morning' ? 'morning' : p === 'night' ? 'night' : null, 'same_day', null);
  }
}

function scanAnaphor(st: DateScan, low: string): void {
  for (let m = first(RE_ANAPHOR, low); m !== null; m = RE_ANAPHOR.exec(low)) pushDate(st, m, null, null, 'anaphor', null);
}

function scanPart(st: DateScan, low: string): void {
  for (let m = first(RE_PART, low); m !== null; m = RE_PART.exec(low)) {
    const since = (m[1] ?? '').toLowerCase();
    const word = (m[2] ?? m[3] ?? '').toLowerCase();
    const isSince = word === 'с утра' || ((since === 'since' || since === 'from' || since === 'с') && word === 'morning');
    const part: PartOfDay | null = AFTER_MIDNIGHT.test(word) || BEFORE_DAWN.test(word) ? 'night' : AT_DAWN.test(word) ? 'morning' : word.includes('утр') || word === 'morning' ? 'morning' : word.includes('половине дня') ? (word.startsWith('в первой') ? 'morning' : 'afternoon') : (PARTS[word.replace(EARLY_LATE, '')] ?? null);
    pushDate(st, m, isSince ? st.pubDate : null, part, isSince ? 'since_morning' : 'part', null);
  }
}

/** The first match of a global scanner from the start of `low`. */
function first(re: RegExp, low: string): RegExpExecArray | null {
  re.lastIndex = 0;
  return re.exec(low);
}

// "the next day", «спустя сутки»: a day after the narrative's (the engine resolves it), never read
// against publication.
export const DAY_AFTER_WORDS = /^(?:the next day|the following day|a day later|на следующий день|на другой день|спустя сутки)$/;
const DATE_FOLLOWS = /^\s+(?:of\s+)?\d/;
const NIGHT_WORD = /night|overnight|ночью/;
const AGO = /ago|назад$/;
const IN_A_ROW = /(second|third|fourth|fifth|втор|трет|четв[её]рт|пят)[a-zа-яё]* (?:(?:straight|consecutive) day|day|день|сутки)/;
const ORDINAL_DAYS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, втор: 2, трет: 3, четверт: 4, четвёрт: 4, пят: 5 };
const AGO_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, два: 2, две: 2, три: 3, четыре: 4, пять: 5 };
/** "two days ago", «3 дня назад». */
function agoDays(w: string): number {
  const n = w.split(' ')[0] ?? '';
  return AGO_WORDS[n] ?? Number(n);
}
const LAST_WEEK = /^(?:last|в прошл|в минувш)/;
const LAST_DAY = /(?:last|past) (?:24 hours|day)|сутки$/;
const EARLY_LATE = /^(рано|поздно|с) /;
const AFTER_MIDNIGHT = /midnight|полуноч|полночь/;
// "the early hours", "before dawn", «перед рассветом»: the end of the night; "at dawn", «на рассвете»: the morning.
const BEFORE_DAWN = /hours|before|pre-?dawn|перед|до рассвета/;
const AT_DAWN = /dawn|daybreak|рассвет/;
const NUMERIC_HINT = /\d[./]\d{1,2}[./]\d{2}/;
const ISO_HINT = /\d{4}-\d{1,2}-\d/;
const DOT_CLOCK = /^\d{1,2}\.\d{2}/;
const DOT_CLOCK_PREPOSITION = /(?:в|около|at|about|around|к|by|с|from)\s+$/i;
const CLOCK_ZONE = /^\s*\(?\s*(local time|по местному времени|local|moscow time|по московскому времени|по москве|мск|msk|(?:gmt|utc)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?)\s*\)?/i;
const MOSCOW = /moscow|московск|москв|мск|msk/;
const GMT = /gmt|utc/;
// "at 5:05 a.m. (1:05 Moscow time)", «в 5:05 утра (1:05 мск)»: a part of day may come between.
const RESTATED = /^\s*[(,]\s*$|^\s*(?:утра|дня|вечера|ночи|a\.?m\.?|p\.?m\.?|local time|по местному времени)\s*\(\s*$/i;
const RESTATED_NEXT = /^[\s(]*$/;
// "from 13:00 to 15:00", "from 23:40 on July 8 to 06:05": the gap of a clock range (a day may
// follow the first clock).
const RANGE_GAP = /^\s*(?:,?\s*(?:on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-zА-Яа-яЁё]+\.?|[A-Za-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?\s*)?(?:[-–—]|to|till|until|до|по)\s*$/i;
// "… to 06:05 on July 9", "to early March 14": the end day of a range (SCHEMA: a range is dated
// by its first day).
const UNTIL_BEFORE = /(?:^|[^a-zа-яё])(?:from|since|с)\s+[^.;:]{1,40}\s(?:until|till|до)\s+(?:about\s+|около\s+)?$/i;
const BETWEEN_BEFORE = /(?:between|между)\s+$/i;
const AND_GAP = /^\s+(?:and|и)\s+$/i;
const RANGE_END_BEFORE = /(?:^|[^a-zа-яё])(?:to|till|until|до|по)\s+(?:(?:early|late)\s+)?(?:\d{1,2}[:.]\d{2}\s+(?:hours\s+)?)?(?:on\s+)?$/i;
const DOTS = /\./g;
const RANGE_START = /^(?:from|since|с)\s/i;
const INTO_GAP = /^\s*(?:(?:and|и)\s+)?(?:into|to|until|till|through|до|по)?(?:\s+(?:утра|вечера|ночи|early|late|the (?:morning|evening|night) of))?\s*$/i;

/** Finds date and clock mentions and resolves dates against the publication date. */
export function findTemporal(
  text: string,
  pubDate: string | null,
  /** Per zone, a regex anchored at the start matching its labels ("(Bishkek time)"). */
  zoneLabels: ReadonlyArray<{ offset_min: number; labels: RegExp }>,
): { dates: DateMention[]; clocks: ClockMention[] } {
  const st: DateScan = { text, pubDate, dates: [], taken: [] };
  // The scanners are lower-case patterns run on the lower-cased text (see text/patterns.ts), in
  // order of precedence: a span taken by one is not read again. A scanner whose key words are all
  // absent is skipped (a substring test is cheap).
  const low = lower(text);
  const hasNight = low.includes('night');
  const hasRuNight = low.includes('в ночь');
  if (hasNight) scanNightEn(st, low);
  if (hasRuNight) scanNightRu(st, low);
  if (hasNight || hasRuNight) scanNightWeekday(st, low);
  if (NUMERIC_HINT.test(low)) scanNumeric(st, low);
  if (ISO_HINT.test(low)) scanIso(st, low);
  scanDayMonth(st, low);
  scanMonthDay(st, low);
  scanMonthYear(st, low);
  if (ORDINAL_HINT.test(low)) scanOrdinalDay(st, low);
  if (RELATIVE_KEYS.test(low)) scanRelative(st, low);
  if (WEEKDAY_KEYS.test(low)) scanWeekday(st, low);
  if (SAME_DAY_KEYS.test(low)) scanSameDay(st, low);
  if (ANAPHOR_KEYS.test(low)) scanAnaphor(st, low);
  if (PART_KEYS.test(low)) scanPart(st, low);
  const dates = st.dates;
  mergeAdjacentParts(text, dates);
  mergeWeekdayDates(text, dates);
  dates.sort((a, b) => a.start - b.start);
  for (let i = 1; i < dates.length; i++) {
    const d = dates[i] as DateMention;
    const prev = dates[i - 1] as DateMention;
    if (d.role !== 'event' || !prev.date || !d.date || d.start - prev.end >= 60) continue;
    const between = BETWEEN_BEFORE.test(text.slice(Math.max(0, prev.start - 12), prev.start)) && AND_GAP.test(text.slice(prev.end, d.start));
    // «с вечера 2 июня в ночь на 3 июня», "from the evening of 2 June into the night of 3 June":
    // the range is dated by its start.
    const fromStart = RANGE_START.test(prev.text) && INTO_GAP.test(text.slice(prev.end, d.start));
    // "during the day of 8 November and on the night to 9 November": two days joined as one span
    // are dated by the first (SCHEMA: a range takes its first day).
    const joined = AND_GAP.test(text.slice(prev.end, d.start)) && prev.date < d.date && addDays(prev.date, 1) === d.date;
    if (between || fromStart || joined || RANGE_END_BEFORE.test(text.slice(Math.max(prev.end, d.start - 30), d.start))) d.role = 'alt';
  }
  return { dates, clocks: findClocks(text, st.taken, zoneLabels) };
}

function findClocks(text: string, taken: readonly Match[], zoneLabels: ReadonlyArray<{ offset_min: number; labels: RegExp }>): ClockMention[] {
  const clocks: ClockMention[] = [];
  RE_CLOCK.lastIndex = 0;
  for (let m = RE_CLOCK.exec(text); m !== null; m = RE_CLOCK.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // "16.09" inside a date was taken already; a dot form needs a preposition before it.
    if (DOT_CLOCK.test(m[0]) && !DOT_CLOCK_PREPOSITION.test(text.slice(Math.max(0, start - 8), start))) continue;
    let inTaken = false;
    for (const t of taken) if (start < t.end && t.start < end) inTaken = true;
    if (inTaken) continue;
    const before = text.slice(Math.max(0, start - 60), start);
    const after = text.slice(end, end + 40);
    let offset: number | null = null;
    let extra = 0;
    const zm = CLOCK_ZONE.exec(after);
    if (zm) {
      const label = (zm[1] ?? '').toLowerCase();
      if (MOSCOW.test(label)) offset = 180;
      else if (GMT.test(label)) offset = zm[2] ? (zm[2] === '-' ? -1 : 1) * (Number(zm[3]) * 60 + Number(zm[4] ?? 0)) : 0;
      extra = zm[0].length;
    } else {
      for (const z of zoneLabels) {
        const lm = z.labels.exec(after);
        if (lm) {
          offset = z.offset_min;
          extra = lm[0].length;
          break;
        }
      }
    }
    let role: TemporalRole = 'event';
    if (AS_OF_BEFORE.test(before)) role = 'as_of';
    else if (START_BEFORE.test(before)) role = 'start';
    else {
      // "at 16:00 (10:00 GMT)": the bracketed time restates the first one.
      const prev = clocks.at(-1);
      if (prev && RESTATED.test(text.slice(prev.end, start))) role = 'alt';
      // "from 13:00 to 15:00", «с 13:00 до 15:00»: a range is timed by its start.
      else if (prev && prev.end <= start && RANGE_GAP.test(text.slice(prev.end, start))) role = 'alt';
      else if (prev && prev.end <= start && RESTATED_NEXT.test(text.slice(prev.end, start)) && start - prev.end < 4) role = 'alt';
      // «с вечера 8 ноября до 00:50», "from the evening until 05:30": the end of a range is no event time.
      else if (UNTIL_BEFORE.test(before)) role = 'alt';
    }
    // 12-hour clocks and Russian "N часов вечера" give the 24-hour time.
    // «в час ночи», «к часу дня»: one o'clock.
    // «11ч. 40 мин.»
    // "1700 hours": a military clock. "24:00", "midnight": the end of the day named, kept as
    // hour 24 (the next day's 00:00 where the day is resolved); midnight only as a start time.
    if (m[14] && !START_BEFORE.test(before)) continue;
    // "at noon", «около полудня»: 12:00; «в 5 утра», «в 9 вечера»: a clock with its part of day.
    let hh = m[9] ? 1 : m[14] ? 24 : m[15] ? 12 : Number(m[1] ?? m[4] ?? m[6] ?? m[10] ?? m[12] ?? m[16]);
    const mm = Number(m[2] ?? m[7] ?? m[11] ?? m[13] ?? 0);
    if (hh === 24 && mm !== 0) continue;
    const suffix = (m[3] ?? m[5] ?? m[8] ?? m[9] ?? m[17] ?? '').toLowerCase().replace(DOTS, '');
    if ((suffix === 'pm' || suffix === 'дня' || suffix === 'вечера') && hh < 12) hh += 12;
    if ((suffix === 'am' || suffix === 'ночи') && hh === 12) hh = 0;
    // «в 11 ночи» is 23:00, «в 2 ночи» 02:00.
    if (suffix === 'ночи' && hh >= 9 && hh < 12) hh += 12;
    const clockEnd = end + (offset !== null ? extra : 0);
    clocks.push({
      start,
      end: clockEnd,
      text: text.slice(start, clockEnd),
      hh,
      mm,
      approx: APPROX_BEFORE.test(before),
      offset_min: offset,
      role,
    });
  }
  return clocks;
}

function lastWeekday(pub: string, target: number, strict = false): string {
  const delta = (weekday(pub) - target + 7) % 7 || (strict ? 7 : 0);
  return addDays(pub, -delta);
}

const PART_GAP = /^[ \t]*(?:of|on)?[ \t]*$/i;
const SENTENCE_FINAL = /[.!?]$/;

/** "on the morning of September 16", "16 сентября с утра", "вечером 20 сентября": one mention. */
function mergeAdjacentParts(text: string, dates: DateMention[]): void {
  dates.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i];
    const b = dates[i + 1];
    if (!a || !b) continue;
    const gap = text.slice(a.end, b.start);
    if (!PART_GAP.test(gap) || SENTENCE_FINAL.test(a.text)) continue;
    const aPart = a.kind === 'part' || a.kind === 'since_morning';
    const bPart = b.kind === 'part' || b.kind === 'since_morning';
    if (aPart === bPart) continue;
    const [part, day] = aPart ? [a, b] : [b, a];
    const merged: DateMention = {
      start: a.start,
      end: b.end,
      text: text.slice(a.start, b.end),
      // Same property order as the scanners' mentions: one object shape for all dates.
      date: day.date,
      part: part.part,
      kind: day.kind,
      month: day.month,
      role: day.role,
    };
    dates.splice(i, 2, merged);
  }
}

const WEEKDAY_DATE_GAP = /^\s*[,(]?\s*$/;

/**
 * "on Monday, August 7", «в среду, 27 ноября», "on Tuesday (July 29)", "7 August (Monday)": the
 * weekday names the day the date gives; the date wins (a weekday is read against publication).
 */
function mergeWeekdayDates(text: string, dates: DateMention[]): void {
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i] as DateMention;
    const b = dates[i + 1] as DateMention;
    const weekdayFirst = a.kind === 'weekday' && b.kind === 'absolute';
    if (!weekdayFirst && !(a.kind === 'absolute' && b.kind === 'weekday')) continue;
    if (!WEEKDAY_DATE_GAP.test(text.slice(a.end, b.start)) || b.start - a.end > 3) continue;
    const [wd, day] = weekdayFirst ? [a, b] : [b, a];
    const end = text[b.end] === ')' && text.slice(a.end, b.start).includes('(') ? b.end + 1 : b.end;
    // "On Sunday (December 14) the spokesman said": the weekday opening the sentence tells the
    // report's day for both.
    const role = wd.role === 'report' ? wd.role : day.role;
    const merged: DateMention = { start: a.start, end, text: text.slice(a.start, end), date: day.date, part: day.part ?? wd.part, kind: day.kind, month: day.month, role };
    dates.splice(i, 2, merged);
  }
}

export { findAll };
