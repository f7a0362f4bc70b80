/**
 * Numbers written in digits ("33,000", "8 500", "136 тысяч") and in words, English and Russian,
 * including Russian case and collective forms ("двое", "трёх", "пятерых"). Vague quantities
 * are kept with `value: null` ("several", "несколько") or the codebook value ("dozens" = 12,
 * "tens"/"десятки" = 10, following ACLED).
 */

export interface NumberMention {
  start: number;
  end: number;
  text: string;
  value: number | null;
  approx: boolean;
}

import { lower } from './text/patterns.ts';

type Kind = 'unit' | 'ten' | 'hundred' | 'scale' | 'vague';
interface Word {
  value: number | null;
  kind: Kind;
}

const WORDS = new Map<string, Word>();
function add(forms: string[], value: number | null, kind: Kind): void {
  for (const f of forms) WORDS.set(f, { value, kind });
}

// English
const EN_UNITS = [
  'zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen',
  'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen',
];
EN_UNITS.forEach((w, i) => add([w], i, 'unit'));
['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].forEach((w, i) => add([w], (i + 2) * 10, 'ten'));
add(['hundred', 'hundreds'], 100, 'hundred');
add(['thousand', 'thousands'], 1000, 'scale');
add(['million', 'millions'], 1_000_000, 'scale');
add(['dozen'], 12, 'unit');
add(['dozens'], 12, 'vague');
add(['tens'], 10, 'vague');
add(['several', 'few', 'some', 'many', 'numerous'], null, 'vague');

// Russian: the forms are generated from the nominative by the usual endings.
const ru = (base: string, value: number, extra: string[] = []): void => {
  const stem = base.slice(0, -1);
  add([base, `${stem}и`, `${stem}ью`, ...extra], value, value >= 20 && value % 10 === 0 ? 'ten' : 'unit');
};
add(['один', 'одна', 'одно', 'одного', 'одной', 'одному', 'одним', 'одну', 'одном'], 1, 'unit');
add(['два', 'две', 'двух', 'двум', 'двумя', 'двое', 'двоих', 'двоим', 'двоими'], 2, 'unit');
add(['три', 'трех', 'трёх', 'трем', 'трём', 'тремя', 'трое', 'троих', 'троим', 'троими'], 3, 'unit');
add(['четыре', 'четырех', 'четырёх', 'четырем', 'четырём', 'четырьмя', 'четверо', 'четверых', 'четверым'], 4, 'unit');
const collective: Record<number, string> = { 5: 'пятер', 6: 'шестер', 7: 'семер', 8: 'восьмер', 9: 'девятер', 10: 'десятер' };
(['пять', 'шесть', 'семь', 'восемь', 'девять', 'десять'] as const).forEach((w, i) => {
  const c = collective[i + 5] ?? '';
  ru(w, i + 5, [`${c}о`, `${c}ых`, `${c}ым`, ...(w === 'восемь' ? ['восьми', 'восьмью'] : [])]);
});
[
  'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать',
  'девятнадцать',
].forEach((w, i) => ru(w, i + 11));
ru('двадцать', 20);
ru('тридцать', 30);
add(['сорок', 'сорока'], 40, 'ten');
add(['пятьдесят', 'пятидесяти', 'пятьюдесятью'], 50, 'ten');
add(['шестьдесят', 'шестидесяти'], 60, 'ten');
add(['семьдесят', 'семидесяти'], 70, 'ten');
add(['восемьдесят', 'восьмидесяти'], 80, 'ten');
add(['девяносто', 'девяноста'], 90, 'ten');
add(['сто', 'ста'], 100, 'hundred');
add(['двести', 'двухсот'], 200, 'hundred');
add(['триста', 'трехсот', 'трёхсот'], 300, 'hundred');
add(['четыреста', 'четырехсот'], 400, 'hundred');
add(['пятьсот', 'пятисот'], 500, 'hundred');
add(['тысяча', 'тысячи', 'тысяч', 'тысячу', 'тысячам', 'тыс'], 1000, 'scale');
add(['миллион', 'миллиона', 'миллионов', 'млн'], 1_000_000, 'scale');
add(['десятки', 'десятков', 'десятках'], 10, 'vague');
add(['несколько', 'нескольких', 'многие', 'многих', 'ряд'], null, 'vague');

// Only number words and digit groups are scanned: one pass over the lower-cased text.
const WORD_ALT = [...WORDS.keys()].sort((a, b) => b.length - a.length).join('|');
const TOKEN = new RegExp(
  `(?<![0-9a-z\\u00C0-\\u024F\\u0400-\\u04FF])(?:${WORD_ALT})(?![0-9a-z\\u00C0-\\u024F\\u0400-\\u04FF])|\\d{1,3}(?:[ \\u00a0\\u202f,]\\d{3})+(?![\\d])|\\d+`,
  'g',
);

interface NumberInProgress {
  start: number;
  end: number;
  total: number;
  current: number;
  approx: boolean;
  vagueNull: boolean;
  lastKind: Kind | 'digit';
  andJoins: boolean;
}

/** Ends the number being read, if any (the caller's `cur` becomes null). */
function flush(text: string, cur: NumberInProgress | null, out: NumberMention[]): null {
  if (cur) {
    const value = cur.vagueNull ? null : cur.total + cur.current;
    out.push({ start: cur.start, end: cur.end, text: text.slice(cur.start, cur.end), value, approx: cur.approx });
  }
  return null;
}

/** Numbers in `text` with their spans, in order. */
export function findNumbers(text: string): NumberMention[] {
  const out: NumberMention[] = [];
  let cur: NumberInProgress | null = null;
  const low = lower(text);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(low); m !== null; m = TOKEN.exec(low)) {
    const tok = m[0];
    const start = m.index;
    const end = start + tok.length;
    // Only spaces or a hyphen may join two parts of one number ("thirty-five", "136 тысяч").
    const gap = cur ? text.slice(cur.end, start) : '';
    // English joins the tens and units after "hundred"/"thousand" with "and": "two hundred and five".
    const joinable = cur !== null && (/^[ \u00a0\u202f-]?$/.test(gap) || (cur.andJoins && /^ and $/i.test(gap)));
    if (/^\d/.test(tok)) {
      const before = text[start - 1] ?? '';
      const after = text.slice(end, end + 2);
      // Clock times, dates, decimals and names like 24.kg are not counts.
      if (/[.:/\d]/.test(before) || /^[.:/]\d/.test(after) || /^\.[A-Za-z\u00C0-\u024F\u0400-\u04FF]/.test(after)) {
        cur = flush(text, cur, out);
        continue;
      }
      cur = flush(text, cur, out);
      cur = { start, end, total: 0, current: Number(tok.replace(/[^\d]/g, '')), approx: false, vagueNull: false, lastKind: 'digit', andJoins: false };
      continue;
    }
    const w = WORDS.get(tok);
    if (!w) {
      // "a dozen" keeps its article out of the span; anything else ends the number.
      cur = flush(text, cur, out);
      continue;
    }
    if (cur && joinable) {
      const c: NonNullable<typeof cur> = cur;
      const viaAnd = gap.length > 1;
      // Only the singular "hundred"/"thousand" take "and"; "hundreds and ten" are two figures.
      const andJoins = tok === 'hundred' || tok === 'thousand' || tok === 'million';
      if (w.kind === 'scale' && w.value !== null && !viaAnd) {
        c.total += (c.current || 1) * w.value;
        c.current = 0;
        c.end = end;
        c.lastKind = 'scale';
        c.andJoins = andJoins;
        continue;
      }
      if (w.kind === 'hundred' && w.value !== null && c.lastKind !== 'digit' && !viaAnd) {
        c.current = w.value === 100 ? (c.current || 1) * 100 : c.current + w.value;
        c.end = end;
        c.lastKind = 'hundred';
        c.andJoins = andJoins;
        continue;
      }
      // Units after tens ("twenty-five"), or up to nineteen after hundreds and thousands
      // («сто пятнадцать», "two hundred and five", "two thousand three hundred").
      if (
        w.kind === 'unit' && w.value !== null &&
        ((w.value < 10 && c.lastKind === 'ten') || (w.value < 20 && (c.lastKind === 'hundred' || c.lastKind === 'scale')))
      ) {
        c.current += w.value;
        c.end = end;
        c.lastKind = 'unit';
        c.andJoins = false;
        continue;
      }
      if (w.kind === 'ten' && (c.lastKind === 'hundred' || c.lastKind === 'scale') && w.value !== null) {
        c.current += w.value;
        c.end = end;
        c.lastKind = 'ten';
        c.andJoins = false;
        continue;
      }
    }
    cur = flush(text, cur, out);
    cur = {
      start,
      end,
      total: 0,
      current: w.value ?? 0,
      approx: w.kind === 'vague',
      vagueNull: w.value === null,
      lastKind: w.kind,
      andJoins: false,
    };
  }
  flush(text, cur, out);
  return out;
}

/** Parses one number expression ("thirty-five", "пятерых", "8 500"); null when it is none. */
export function parseNumber(text: string): number | null {
  const found = findNumbers(text.trim());
  return found.length === 1 ? (found[0]?.value ?? null) : null;
}
