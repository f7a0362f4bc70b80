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
export type TemporalRole = 'event' | 'as_of' | 'reference' | 'start' | 'alt';

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
  утром: 'morning', утра: 'morning', днем: 'afternoon', днём: 'afternoon', вечером: 'evening', вечера: 'evening', ночью: 'night',
};

const RE_NIGHT_EN = new RegExp(
  `${B}(?:on |during |in )?the night of (?:(${MON}) )?(\\d{1,2})(?:st|nd|rd|th)?(?: (${MON}))? (?:to|into|and|[-–]) (?:(${MON}) )?(\\d{1,2})(?:st|nd|rd|th)?(?: (${MON}))?(?:,? (\\d{4}))?${E}`,
  'g',
);
const RE_NIGHT_RU = new RegExp(`${B}в ночь (?:с (\\d{1,2})(?: (${MON}))? )?на (\\d{1,2}) (${MON})(?: (\\d{4})(?: года| г\\.)?)?${E}`, 'g');
const RE_NIGHT_WEEKDAY = new RegExp(`${B}(?:(?:on )?the night (?:of|to) ([a-z]+day)|в ночь на (понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье))${E}`, 'g');
const RE_DMY = new RegExp(
  `${B}(\\d{1,2})(?:(?:\\s*[-–—]\\s*|\\s+(?:and|и|to|по)\\s+)(\\d{1,2}))?(?:st|nd|rd|th)?\\s+(${MON})(?:,?\\s+(\\d{4})(?:\\s*(?:года|г\\.))?)?(?![0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF])`,
  'g',
);
const RE_MDY = new RegExp(`${B}(${MON})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*[-–]\\s*(\\d{1,2}))?(?:,?\\s+(\\d{4}))?(?![0-9:])`, 'g');
const RE_NUMERIC = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])/g;
const RE_MONTH_YEAR = new RegExp(`${B}(${MON})\\s+(\\d{4})${E}`, 'g');
const RE_RELATIVE = new RegExp(
  `${B}(the day before yesterday|позавчерашн[а-яё]*|позавчера|вчерашн[а-яё]*|yesterday|вчера|накануне|the previous day|a day earlier|earlier today|today|сегодняшн[а-яё]*|сегодня|tonight|last night|overnight|this (?:morning|afternoon|evening)|минувшей ночью|прошлой ночью|прошедшей ночью|этой ночью|сегодня ночью)(?: (morning|afternoon|evening|night|утром|днем|днём|вечером|ночью))?${E}`,
  'g',
);
const RE_WEEKDAY = new RegExp(
  `${B}(?:(?:on|last|this|since|по|в|во) )?(sunday|monday|tuesday|wednesday|thursday|friday|saturday|воскресенье|понедельник|вторник|среду|четверг|пятницу|субботу)(?:'s|’s)?(?: (morning|afternoon|evening|night|утром|днем|днём|вечером|ночью))?${E}`,
  'g',
);
const RE_SAME_DAY = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:on )?(?:the same (day|evening|night|morning)|that day|в тот же (день|вечер)|в этот же день|того же дня|в тот же день)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/g;
const RE_ANAPHOR = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:before (?:this|that)|after (?:this|that)|перед этим|после этого|затем|кроме того|in addition|moreover|furthermore|then|shortly after(?:wards)?|later)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/g;
const RE_PART = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:(since|from|с) )?(?:(?:in|during|throughout|early in|late in|on) )?(?:the )?(morning|afternoon|evening|night)(?: hours)?(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])|(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(утром|с утра|днем|днём|вечером|ночью|рано утром|поздно вечером|в первой половине дня|во второй половине дня)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/g;
// "21:40", "21.40"; also "10 часов утра", "в 7 часов вечера", "10 a.m.", "9:30 pm".
const RE_CLOCK = /(?<![\d:.])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d]|[.:]\d)(?:\s*(a\.?m\.?|p\.?m\.?)(?![a-z]))?|(?<![\d:.])(1[0-2]|0?\d)\s*(a\.?m\.?|p\.?m\.?)(?![a-z])|(?<![\d:.])([01]?\d|2[0-3])\s+час(?:ов|а)?(?:\s+(утра|дня|вечера|ночи))?(?![а-яё])/gi;

const AS_OF_BEFORE = /(?:as of|as at|по состоянию на|на момент)(?:\s+(?:about\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:on|,))?)?\s*$/i;
const REFERENCE_BEFORE =
  /(?:protocol|agreement|agreements|accords?|memorandum|ceasefire|truce|договор[её]нност[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|протокол[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|соглашени[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|меморандум[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|перемири[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?:\s+[A-Za-z\u00C0-\u024F\u0400-\u04FF-]+){0,1}?\s+(?:of|от|dated|reached on|agreed on|signed on|on|достигнут[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)\s*$/i;
const REFERENCE_VERB_BEFORE = /(?:reached|agreed|signed|concluded|достигнут[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|подписанн[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?:\s+(?:on|at about|at))?\s*$/i;
// "the ministry said today": the day of the report, not of the event.
const REPORT_BEFORE = /(?:said|says|reported|stated|announced|noted|told\s+\S+|сообщил[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|заявил[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|сообщает|заявляет)\s*$/i;
const REFERENCE_AFTER = /^\s*(?:agreements?|accords?|protocol|договор[её]нност)/i;
const START_BEFORE =
  /(?:cease[- ]?fire|truce|прекращени[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* огня|перемири[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|режим[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* тишины)(?:\s+[A-Za-z\u00C0-\u024F\u0400-\u04FF-]+){0,3}?\s+(?:from|starting(?: at| from)?|effective(?: from)?|с)\s*$|(?:effective from|вступает в силу с|starting from)\s*$/i;
const APPROX_BEFORE = /(?:around|about|approximately|approx\.|some|около|примерно|приблизительно)\s+(?:at\s+|в\s+)?$/i;

// Substrings every match of a scanner contains: a scanner whose key words are all absent is
// skipped (`includes` is far cheaper than a regex pass over the text).
const RELATIVE_KEYS = ['yesterday', 'вчера', 'накануне', 'the previous day', 'a day earlier', 'today', 'сегодня', 'tonight', 'last night', 'overnight', 'this ', 'ночью'];
const WEEKDAY_KEYS = ['day', 'понедельник', 'вторник', 'сред', 'четверг', 'пятниц', 'суббот', 'воскресен'];
const SAME_DAY_KEYS = ['same', 'that day', 'тот же', 'этот же', 'того же'];
const ANAPHOR_KEYS = ['before', 'after', 'перед этим', 'после этого', 'затем', 'кроме того', 'in addition', 'moreover', 'furthermore', 'then', 'later'];
const PART_KEYS = ['morning', 'afternoon', 'evening', 'night', 'утр', 'днем', 'днём', 'вечер', 'ночью', 'половине дня'];

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
const ROLE_HINT = /as of|as at|состояни|момент|protocol|agree|accord|memorand|ceasefire|truce|договор|протокол|соглашени|меморандум|перемири|reached|signed|concluded|достигнут|подписанн|said|says|report|stated|announc|noted|told|сообщ|заяв/i;

function roleOf(text: string, m: Match): TemporalRole {
  const before = text.slice(Math.max(0, m.start - 60), m.start);
  if (!ROLE_HINT.test(before) && !REFERENCE_AFTER.test(text.slice(m.end, m.end + 20))) return 'event';
  if (AS_OF_BEFORE.test(before)) return 'as_of';
  if (REFERENCE_BEFORE.test(before) || REFERENCE_VERB_BEFORE.test(before) || REFERENCE_AFTER.test(text.slice(m.end, m.end + 20))) return 'reference';
  if (REPORT_BEFORE.test(before)) return 'as_of';
  return 'event';
}

/** Finds date and clock mentions and resolves dates against the publication date. */
export function findTemporal(
  text: string,
  pubDate: string | null,
  /** Per zone, a regex anchored at the start matching its labels ("(Bishkek time)"). */
  zoneLabels: ReadonlyArray<{ offset_min: number; labels: RegExp }>,
): { dates: DateMention[]; clocks: ClockMention[] } {
  const dates: DateMention[] = [];
  const taken: Match[] = [];
  const free = (s: number, e: number): boolean => !taken.some((t) => s < t.end && t.start < e);
  const push = (m: RegExpExecArray, d: Omit<DateMention, 'start' | 'end' | 'text' | 'role'>): void => {
    const start = m.index;
    const end = start + m[0].length;
    if (!free(start, end)) return;
    const match = { start, end, text: text.slice(start, end) };
    taken.push(match);
    dates.push({ ...match, ...d, role: roleOf(text, match) });
  };
  // The scanners are lower-case patterns run on the lower-cased text (see text/patterns.ts).
  const low = lower(text);
  const each = (re: RegExp, f: (m: RegExpExecArray) => void): void => {
    re.lastIndex = 0;
    for (let m = re.exec(low); m !== null; m = re.exec(low)) f(m);
  };
  // Scanners whose key word is absent from the text are skipped (a substring test is cheap).
  const eachIf = (needed: boolean, re: RegExp, f: (m: RegExpExecArray) => void): void => {
    if (needed) each(re, f);
  };
  const hasNight = low.includes('night');
  const has = (words: readonly string[]): boolean => words.some((w) => low.includes(w));
  eachIf(hasNight, RE_NIGHT_EN, (m) => {
    const monthWord = m[6] ?? m[4] ?? m[3] ?? m[1];
    const mon = monthWord ? monthNumber(monthWord) : null;
    const day = Number(m[5]);
    push(m, { date: mon ? inferYear(mon, day, pubDate, m[7]) : null, part: 'night', kind: 'night', month: null });
  });
  eachIf(low.includes('в ночь'), RE_NIGHT_RU, (m) => {
    const mon = monthNumber(m[4] ?? '');
    push(m, { date: mon ? inferYear(mon, Number(m[3]), pubDate, m[5]) : null, part: 'night', kind: 'night', month: null });
  });
  eachIf(hasNight || low.includes('в ночь'), RE_NIGHT_WEEKDAY, (m) => {
    const w = WEEKDAYS[(m[1] ?? m[2] ?? '').toLowerCase()];
    push(m, { date: w === undefined || !pubDate ? null : lastWeekday(pubDate, w), part: 'night', kind: 'night', month: null });
  });
  eachIf(/\d\.\d{1,2}\.\d{4}/.test(low), RE_NUMERIC, (m) => push(m, { date: ymd(Number(m[3]), Number(m[2]), Number(m[1])), part: null, kind: 'absolute', month: null }));
  each(RE_DMY, (m) => {
    const mon = monthNumber(m[3] ?? '');
    if (!mon) return;
    // A range ("April 29-30", «29–30 апреля») takes its first day.
    push(m, { date: inferYear(mon, Number(m[1]), pubDate, m[4]), part: null, kind: 'absolute', month: null });
  });
  each(RE_MDY, (m) => {
    const mon = monthNumber(m[1] ?? '');
    if (!mon) return;
    push(m, { date: inferYear(mon, Number(m[2]), pubDate, m[4]), part: null, kind: 'absolute', month: null });
  });
  each(RE_MONTH_YEAR, (m) => {
    const mon = monthNumber(m[1] ?? '');
    if (!mon) return;
    push(m, { date: null, part: null, kind: 'month', month: `${m[2]}-${pad(mon)}` });
  });
  eachIf(has(RELATIVE_KEYS), RE_RELATIVE, (m) => {
    const w = (m[1] ?? '').toLowerCase();
    const partWord = (m[2] ?? '').toLowerCase();
    let days = 0;
    let part: PartOfDay | null = partWord ? (PARTS[partWord] ?? null) : null;
    // Adjectives date their noun as the adverbs do: «вчерашнего обстрела», «сегодняшний».
    if (w === 'the day before yesterday' || w.startsWith('позавчера')) days = -2;
    else if (w === 'yesterday' || w.startsWith('вчера') || w === 'накануне' || w === 'the previous day' || w === 'a day earlier') days = -1;
    else if (w === 'tonight') part = 'night';
    else if (/night|overnight|ночью/.test(w)) part = 'night';
    else if (w.startsWith('this ')) part = PARTS[w.slice(5)] ?? null;
    push(m, { date: pubDate ? addDays(pubDate, days) : null, part, kind: 'relative', month: null });
  });
  eachIf(has(WEEKDAY_KEYS), RE_WEEKDAY, (m) => {
    const w = WEEKDAYS[(m[1] ?? '').toLowerCase()];
    if (w === undefined) return;
    push(m, {
      date: pubDate ? lastWeekday(pubDate, w) : null,
      part: m[2] ? (PARTS[m[2].toLowerCase()] ?? null) : null,
      kind: 'weekday',
      month: null,
    });
  });
  eachIf(has(SAME_DAY_KEYS), RE_SAME_DAY, (m) => {
    const p = (m[1] ?? m[2] ?? '').toLowerCase();
    push(m, { date: null, part: p === 'evening' || p === 'вечер' ? 'evening' : p === 'morning' ? 'morning' : p === 'night' ? 'night' : null, kind: 'same_day', month: null });
  });
  eachIf(has(ANAPHOR_KEYS), RE_ANAPHOR, (m) => push(m, { date: null, part: null, kind: 'anaphor', month: null }));
  eachIf(has(PART_KEYS), RE_PART, (m) => {
    const since = (m[1] ?? '').toLowerCase();
    const word = (m[2] ?? m[3] ?? '').toLowerCase();
    const isSince = word === 'с утра' || ((since === 'since' || since === 'from' || since === 'с') && word === 'morning');
    const part: PartOfDay | null = word.includes('утр') || word === 'morning' ? 'morning' : word.includes('половине дня') ? (word.startsWith('в первой') ? 'morning' : 'afternoon') : (PARTS[word.replace(/^(рано|поздно) /, '')] ?? null);
    push(m, { date: isSince ? pubDate : null, part, kind: isSince ? 'since_morning' : 'part', month: null });
  });
  mergeAdjacentParts(text, dates);
  dates.sort((a, b) => a.start - b.start);

  const clocks: ClockMention[] = [];
  RE_CLOCK.lastIndex = 0;
  for (let m = RE_CLOCK.exec(text); m !== null; m = RE_CLOCK.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    // "16.09" inside a date was taken already; a dot form needs a preposition before it.
    if (/^\d{1,2}\.\d{2}/.test(m[0]) && !/(?:в|около|at|about|around|к|by|с|from)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) continue;
    if (taken.some((t) => start < t.end && t.start < end)) continue;
    const before = text.slice(Math.max(0, start - 60), start);
    const after = text.slice(end, end + 40);
    let offset: number | null = null;
    let extra = 0;
    const zm = /^\s*\(?\s*(local time|по местному времени|local|moscow time|по московскому времени|мск|msk|(?:gmt|utc)(?:\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?)?)\s*\)?/i.exec(after);
    if (zm) {
      const label = (zm[1] ?? '').toLowerCase();
      if (/moscow|московск|мск|msk/.test(label)) offset = 180;
      else if (/gmt|utc/.test(label)) offset = zm[2] ? (zm[2] === '-' ? -1 : 1) * (Number(zm[3]) * 60 + Number(zm[4] ?? 0)) : 0;
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
      if (prev && /^\s*[(,]\s*$/.test(text.slice(prev.end, start))) role = 'alt';
      else if (prev && prev.end <= start && /^[\s(]*$/.test(text.slice(prev.end, start)) && start - prev.end < 4) role = 'alt';
    }
    // 12-hour clocks and Russian "N часов вечера" give the 24-hour time.
    let hh = Number(m[1] ?? m[4] ?? m[6]);
    const mm = Number(m[2] ?? 0);
    const suffix = (m[3] ?? m[5] ?? m[7] ?? '').toLowerCase().replace(/\./g, '');
    if ((suffix === 'pm' || suffix === 'дня' || suffix === 'вечера') && hh < 12) hh += 12;
    if ((suffix === 'am' || suffix === 'ночи') && hh === 12) hh = 0;
    clocks.push({
      start,
      end: end + (offset !== null ? extra : 0),
      text: text.slice(start, end + (offset !== null ? extra : 0)),
      hh,
      mm,
      approx: APPROX_BEFORE.test(before),
      offset_min: offset,
      role,
    });
  }
  return { dates, clocks };
}

function lastWeekday(pub: string, target: number): string {
  const delta = (weekday(pub) - target + 7) % 7;
  return addDays(pub, -delta);
}

/** "on the morning of September 16", "16 сентября с утра", "вечером 20 сентября": one mention. */
function mergeAdjacentParts(text: string, dates: DateMention[]): void {
  dates.sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < dates.length; i++) {
    const a = dates[i];
    const b = dates[i + 1];
    if (!a || !b) continue;
    const gap = text.slice(a.end, b.start);
    if (!/^[ \t]*(?:of|on)?[ \t]*$/i.test(gap) || /[.!?]$/.test(a.text)) continue;
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

export { findAll };
