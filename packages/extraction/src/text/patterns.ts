/**
 * Compiles vocabulary pattern lists into whole-word regular expressions. Matching runs on a
 * lower-cased copy of the text (same length, so offsets hold) with lower-cased patterns and no
 * `u`/`i` flags: Unicode property classes and case folding made the engine several times slower.
 * `\w` in a pattern stands for a Latin or Cyrillic letter or a digit.
 */

export interface Match {
  start: number;
  end: number;
  text: string;
}

/**
 * A Latin (incl. accented) or Cyrillic letter, or a digit: what a "word" is made of here. The
 * ranges are written as the characters themselves (À-ɏ, Ѐ-ӿ), not as `\u` escapes: every `\w` of
 * a pattern becomes this class, and the escapes made it 34 characters instead of 14. That length
 * matters: V8 compiles a regular expression whose source exceeds 20 KB without its fast
 * first-character scan (`kRegExpTooLargeToOptimize`), and one such regex (the events' lists,
 * 22 KB) took 40% of the engine's time, 25 times what it took at 19 KB. See {@link REGEX_SOURCE_LIMIT}.
 */
export const LETTER = '[0-9a-z\u00C0-\u024F\u0400-\u04FF]';

/** V8 optimises a regular expression only below this source length (see {@link LETTER}). */
export const REGEX_SOURCE_LIMIT = 20 * 1024;
let largest = 0;
/** The longest source of the regexes compiled here so far (a test holds it under the limit). */
export function largestCompiledSource(): number {
  return largest;
}
function compiled(source: string, flags: string): RegExp {
  largest = Math.max(largest, source.length);
  return new RegExp(source, flags);
}
const cache = new WeakMap<readonly string[], RegExp>();

function lowerPattern(p: string): string {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] ?? '';
    if (c === '\\') {
      out += c + (p[i + 1] ?? '');
      i++;
    } else out += c.toLowerCase();
  }
  return out;
}

export function patternSource(patterns: readonly string[]): string {
  return patterns.map((p) => lowerPattern(p).replace(/\\w/g, LETTER)).join('|');
}

/** One global regex for a list of patterns (cached by list identity); run it on `lower(text)`. */
export function compileList(patterns: readonly string[]): RegExp {
  const hit = cache.get(patterns);
  if (hit) return hit;
  const re = compiled(`(?<!${LETTER})(?:${patternSource(patterns)})(?!${LETTER})`, 'g');
  cache.set(patterns, re);
  return re;
}

// Two entries: the statement and one other string (a profile-selection sample, a source name)
// can alternate without evicting the statement.
let lastIn = '';
let lastOut = '';
let prevIn = '';
let prevOut = '';
/** Lower-cases without changing the length (a character whose lower case is longer is kept). */
export function lower(text: string): string {
  if (text === lastIn) return lastOut;
  if (text === prevIn) return prevOut;
  let out = text.toLowerCase();
  if (out.length !== text.length) {
    out = Array.from(text, (c) => {
      const l = c.toLowerCase();
      return l.length === c.length ? l : c;
    }).join('');
  }
  prevIn = lastIn;
  prevOut = lastOut;
  lastIn = text;
  lastOut = out;
  return out;
}

/**
 * Calls `fn` with every non-overlapping, non-empty match of `re` (global) in `text`, in order; an
 * empty match (a list that can match nothing) moves on by one character.
 */
export function eachMatch(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    fn(m);
  }
}

/** Index of the first capture group that took part in the match (-1 when none). */
export function firstGroup(m: RegExpExecArray): number {
  for (let i = 1; i < m.length; i++) if (m[i] !== undefined) return i - 1;
  return -1;
}

/** All non-overlapping matches of `re` (global) in `text`; `text` of the match is the original. */
export function findAll(re: RegExp, text: string, original: string = text): Match[] {
  const out: Match[] = [];
  eachMatch(re, text, (m) => out.push({ start: m.index, end: m.index + m[0].length, text: original.slice(m.index, m.index + m[0].length) }));
  return out;
}

const groupCache = new WeakMap<readonly (readonly string[])[], RegExp>();
const listsCache = new WeakMap<object, Map<string, (readonly string[])[]>>();

/** The same array of lists for the same owner and key, so that `findGroups` caches its regex. */
export function listsOf(owner: object, key: string, make: () => (readonly string[])[]): (readonly string[])[] {
  let m = listsCache.get(owner);
  if (!m) {
    m = new Map();
    listsCache.set(owner, m);
  }
  let l = m.get(key);
  if (!l) {
    l = make();
    m.set(key, l);
  }
  return l;
}

/** Splits `findGroups` results into one array per list. */
export function byGroup<T extends { group: number }>(found: readonly T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < n; i++) out.push([]);
  for (const m of found) out[m.group]?.push(m);
  return out;
}

/**
 * Matches of several pattern lists in one pass, each tagged with the index of its list. At one
 * position the first list that matches wins, so order lists from the longest phrases down.
 */
export function findGroups(lists: readonly (readonly string[])[], text: string): Array<Match & { group: number }> {
  let re = groupCache.get(lists);
  if (!re) {
    re = compiled(`(?<!${LETTER})(?:${lists.map((l) => `(${patternSource(l)})`).join('|')})(?!${LETTER})`, 'g');
    groupCache.set(lists, re);
  }
  const low = lower(text);
  const out: Array<Match & { group: number }> = [];
  eachMatch(re, low, (m) =>
    out.push({ start: m.index, end: m.index + m[0].length, text: text.slice(m.index, m.index + m[0].length), group: Math.max(0, firstGroup(m)) }),
  );
  return out;
}

/** Matches of a pattern list in `text` (case-insensitive). */
export function findList(patterns: readonly string[], text: string): Match[] {
  return findAll(compileList(patterns), lower(text), text);
}

/** Matches of `list` that lie within [start, end). */
export function within<T extends { start: number; end: number }>(list: readonly T[], start: number, end: number): T[] {
  return list.filter((m) => m.start >= start && m.end <= end);
}

export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

export function span(text: string, start: number, end: number): Match {
  return { start, end, text: text.slice(start, end) };
}
