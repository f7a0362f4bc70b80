/**
 * Compiles vocabulary pattern lists into whole-word, case-insensitive Unicode regular
 * expressions. JavaScript's \b and \w are ASCII-only, so `\w` in a pattern is rewritten to a
 * Unicode letter-or-digit class and word boundaries are lookarounds on that class.
 */

export interface Match {
  start: number;
  end: number;
  text: string;
}

const LETTER = '[\\p{L}\\p{N}]';
const cache = new WeakMap<readonly string[], RegExp>();

export function patternSource(patterns: readonly string[]): string {
  return patterns.map((p) => p.replace(/\\w/g, LETTER)).join('|');
}

/** One global regex for a list of patterns (cached by list identity). */
export function compileList(patterns: readonly string[]): RegExp {
  const hit = cache.get(patterns);
  if (hit) return hit;
  const re = new RegExp(`(?<!${LETTER})(?:${patternSource(patterns)})(?!${LETTER})`, 'giu');
  cache.set(patterns, re);
  return re;
}

/** All non-overlapping matches of `re` (global) in `text`. */
export function findAll(re: RegExp, text: string): Match[] {
  const out: Match[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

export function findList(patterns: readonly string[], text: string): Match[] {
  return findAll(compileList(patterns), text);
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
