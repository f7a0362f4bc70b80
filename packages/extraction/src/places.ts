/**
 * The gazetteer matcher. Every spelling of every place (English variants, Russian names and
 * their generated case forms) is indexed by its normalised token sequence; the text is
 * tokenised once and matched longest-first. Hyphens, spaces and "ё/е" do not matter
 * ("Kok-Tash" = "Kok Tash", "Ходжаи Аъло").
 */
import type { ConflictProfile, PlaceDef } from './profile.ts';
import { declineAdjective, declineName } from './text/russian.ts';
import { lower } from './text/patterns.ts';
import type { ExtractedPlace } from './types.ts';

interface Alias {
  tokens: string[];
  place: PlaceDef;
  /** A bare district adjective ("Баткенском"): only valid when coordinated with a full name. */
  headless: boolean;
  lang: 'en' | 'ru';
}

export interface Gazetteer {
  byId: Map<string, PlaceDef>;
  /** Aliases indexed by their first token. */
  index: Map<string, Alias[]>;
  /** Places sharing a base name, by kind: resolves "Batken and Leilek districts". */
  byBase: Map<string, PlaceDef[]>;
  /** `tokenHash` of every first token in `index`: most words of a text are no place name. */
  firstHashes: Set<number>;
}

export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  place: PlaceDef;
}

const TOKEN = /[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]+/g;
/** A character of TOKEN's class. */
function isTokenChar(c: number): boolean {
  // Cyrillic first: most words of the statements are Russian or Latin lower case.
  if (c >= 0x400) return c <= 0x4ff;
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0x24f);
}

export function normalizeToken(t: string): string {
  return t.toLowerCase().replace(/ё/g, 'е').replace(/[ʼ’']/g, '');
}

function tokensOf(s: string): string[] {
  return (s.match(TOKEN) ?? []).map(normalizeToken);
}

const cache = new WeakMap<ConflictProfile, Gazetteer>();

export function compileGazetteer(profile: ConflictProfile): Gazetteer {
  const hit = cache.get(profile);
  if (hit) return hit;
  const index = new Map<string, Alias[]>();
  const byId = new Map<string, PlaceDef>();
  const byBase = new Map<string, PlaceDef[]>();
  const seen = new Set<string>();
  const addAlias = (name: string, place: PlaceDef, headless: boolean, lang: 'en' | 'ru'): void => {
    const tokens = tokensOf(name);
    const first = tokens[0];
    if (!first) return;
    const key = `${place.id}|${tokens.join(' ')}|${headless}`;
    if (seen.has(key)) return;
    seen.add(key);
    const list = index.get(first) ?? [];
    list.push({ tokens, place, headless, lang });
    index.set(first, list);
  };
  for (const def of profile.places) {
    // One object shape for every place (the profile's builders and literals differ in their
    // optional fields): code reading `place.kind` then sees a single map.
    const p: PlaceDef = {
      id: def.id,
      kind: def.kind,
      country: def.country,
      parent: def.parent,
      lat: def.lat,
      lon: def.lon,
      en: def.en,
      ru: def.ru,
      base: def.base,
      ru_adjective: def.ru_adjective,
    };
    byId.set(p.id, p);
    for (const n of p.en) addAlias(n, p, false, 'en');
    for (const n of p.ru) for (const f of declineName(n)) addAlias(f, p, false, 'ru');
    if (p.ru_adjective) for (const f of declineAdjective(p.ru_adjective)) addAlias(f, p, true, 'ru');
    const base = p.base ?? tokensOf(p.en[0] ?? '').join(' ');
    if (base) {
      const list = byBase.get(base) ?? [];
      list.push(p);
      byBase.set(base, list);
    }
  }
  // Bare base names ("Leilek") resolve to the district when no settlement has that name.
  for (const [base, list] of byBase) {
    const hasSettlement = list.some((p) => p.kind !== 'district' && p.kind !== 'region' && p.en.some((n) => tokensOf(n).join(' ') === base));
    const target = list.find((p) => p.kind === 'district') ?? list.find((p) => p.kind === 'region');
    if (!hasSettlement && target) addAlias(base, target, false, 'en');
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  const firstHashes = new Set<number>();
  for (const key of index.keys()) firstHashes.add(tokenHash(key, 0, key.length));
  const g = { byId, index, byBase, firstHashes };
  cache.set(profile, g);
  return g;
}

const HEAD_WORDS = /^(?:districts?|regions?|raions?|rayons?|районах|районов|районы|районам|районами|областях|областей|области)$/;

const NAME_GAP = /^[\s\-–]{1,2}$/;
const COORDINATION = /^\s*(?:,|and|и)\s*$/i;
const YO = /ё/g;

/** FNV-1a over the characters of s[start, end) with "ё" read as "е", kept a small integer. */
function tokenHash(s: string, start: number, end: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    h = Math.imul(h ^ (c === 0x451 ? 0x435 : c), 16777619);
  }
  return h & 0x3fffffff;
}

// Token scratch arrays, reused from one statement to the next (findPlaces is not re-entrant);
// only the first `count` entries of a call are its own.
const tokStart: number[] = [];
const tokEnd: number[] = [];
const tokHash: number[] = [];
const tokText: Array<string | undefined> = [];

/** The normalised text of token i (sliced on demand: only candidates of a name are read). */
function tokenText(low: string, i: number): string {
  let t = tokText[i];
  if (t === undefined) {
    t = low.slice(tokStart[i] as number, tokEnd[i] as number);
    if (t.includes('ё')) t = t.replace(YO, 'е');
    tokText[i] = t;
  }
  return t;
}

/** Finds gazetteer places in `text` (longest match first, no overlaps). */
export function findPlaces(text: string, g: Gazetteer): PlaceMention[] {
  const low = lower(text);
  // The TOKEN class scanned by hand: one regex call per word cost more than the lookups. The
  // arrays are overwritten, not emptied (emptying an array frees its backing store).
  const n = low.length;
  let count = 0;
  for (let i = 0; i < n; ) {
    if (!isTokenChar(low.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // tokenHash, computed while scanning the word.
    let h = 0x811c9dc5 | 0;
    for (; i < n; i++) {
      const c = low.charCodeAt(i);
      if (!isTokenChar(c)) break;
      h = Math.imul(h ^ (c === 0x451 ? 0x435 : c), 16777619);
    }
    tokStart[count] = start;
    tokEnd[count] = i;
    tokHash[count] = h & 0x3fffffff;
    tokText[count] = undefined;
    count++;
  }
  const out: Array<PlaceMention & { headless: boolean; lastTok: number }> = [];
  for (let i = 0; i < count; ) {
    const cands = g.firstHashes.has(tokHash[i] as number) ? g.index.get(tokenText(low, i)) : undefined;
    let matched: Alias | null = null;
    if (cands) {
      for (const a of cands) {
        const len = a.tokens.length;
        if (i + len > count) continue;
        let ok = true;
        for (let k = 1; k < len; k++) {
          // Tokens of one name are separated by a space or a hyphen only.
          if (tokenText(low, i + k) !== a.tokens[k] || !NAME_GAP.test(text.slice(tokEnd[i + k - 1] as number, tokStart[i + k] as number))) {
            ok = false;
            break;
          }
        }
        if (ok) {
          matched = a;
          break;
        }
      }
    }
    if (matched) {
      const last = i + matched.tokens.length - 1;
      const start = tokStart[i] as number;
      const end = tokEnd[last] as number;
      // Proper names are capitalised; a lower-case match is an ordinary word ("arka" in no name).
      const c = text[start] ?? '';
      if (c === c.toUpperCase() || matched.place.kind === 'district' || matched.place.kind === 'region') {
        out.push({ start, end, text: text.slice(start, end), place: matched.place, headless: matched.headless, lastTok: last });
      }
      i += matched.tokens.length;
    } else i++;
  }
  // Coordination: "Batken and Leilek districts", «в Баткенском и Лейлекском районах».
  const result: PlaceMention[] = [];
  for (let j = 0; j < out.length; j++) {
    const m = out[j];
    if (!m) continue;
    const next = out[j + 1];
    if (next && (next.place.kind === 'district' || next.place.kind === 'region') && COORDINATION.test(text.slice(m.end, next.start))) {
      const headTok = tokenText(low, next.lastTok);
      if (HEAD_WORDS.test(headTok) || m.headless) {
        const base = m.place.base ?? tokensOf(m.place.en[0] ?? '').join(' ');
        const sibling = (g.byBase.get(base) ?? []).find((p) => p.kind === next.place.kind) ?? (m.place.kind === next.place.kind ? m.place : null);
        if (sibling) {
          result.push({ start: m.start, end: m.end, text: m.text, place: sibling });
          continue;
        }
      }
    }
    if (m.headless) continue;
    result.push({ start: m.start, end: m.end, text: m.text, place: m.place });
  }
  // A very long statement does not keep its token arrays alive.
  if (tokStart.length > 50_000) tokStart.length = tokEnd.length = tokHash.length = tokText.length = 0;
  return result;
}

/** Ancestors of a place, region first. */
export function adminChain(p: PlaceDef, g: Gazetteer): string[] {
  const chain: string[] = [];
  let cur = p.parent ? g.byId.get(p.parent) : undefined;
  while (cur) {
    chain.unshift(cur.id);
    cur = cur.parent ? g.byId.get(cur.parent) : undefined;
  }
  return chain;
}

export function toExtracted(m: PlaceMention, g: Gazetteer, lang: string): ExtractedPlace {
  const p = m.place;
  const name = lang === 'ru' ? (p.ru[0] ?? p.en[0] ?? m.text) : (p.en[0] ?? p.ru[0] ?? m.text);
  return {
    id: p.id,
    as_written: m.text,
    name,
    country: p.country,
    admin: adminChain(p, g),
    lat: p.lat,
    lon: p.lon,
    kind: p.kind,
  };
}
