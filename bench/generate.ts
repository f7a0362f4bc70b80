// Realistic statements for the benchmarks, reproducible from a seed. Each one is a statement of
// the labelled corpus (English or Russian) with its settlements swapped for others of the same
// country from the profile's gazetteer, its casualty figures and publication time varied, and,
// for short ones, a background paragraph of another statement in the same language appended (news
// items repeat background word for word), so sizes run from 0.5 to 4 KB. Its expected events are
// what the (deterministic) extraction engine finds in it: the pipeline must store exactly those.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KG_TJ_PROFILE, extract } from '@ceasefire/extraction';

export interface BenchStatement {
  text: string;
  published_at: string;
  language: 'en' | 'ru';
  source_agency: string;
}

export interface GeneratedSet {
  statements: BenchStatement[];
  /** Events the extraction engine finds in each statement (same order). */
  expectedEvents: number[];
  bytes: { min: number; max: number; mean: number };
  languages: Record<string, number>;
  /** Generated texts the engine failed on (threw, or negative counts): replaced, listed here. */
  faults: string[];
}

/** Mulberry32: a small, fast, seedable PRNG. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Template extends BenchStatement {
  paragraphs: string[];
}

function loadTemplates(root: string): Template[] {
  const seen = new Set<string>();
  const out: Template[] = [];
  for (const file of ['corpus/dev.jsonl', 'samples/statements.jsonl']) {
    for (const line of readFileSync(path.join(root, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as BenchStatement & { id: string };
      if (seen.has(r.text)) continue;
      seen.add(r.text);
      out.push({ text: r.text, published_at: r.published_at, language: r.language, source_agency: r.source_agency, paragraphs: r.text.split('\n').filter((p) => p.length > 80) });
    }
  }
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Settlements by country and language: the names a statement may mention in the nominative. */
function settlementNames() {
  const byCountry = new Map<string, { en: string[]; ru: string[] }>();
  for (const p of KG_TJ_PROFILE.places) {
    if (p.kind !== 'settlement' || !p.en[0] || !p.ru[0]) continue;
    const entry = byCountry.get(p.country) ?? { en: [], ru: [] };
    entry.en.push(p.en[0]);
    entry.ru.push(p.ru[0]);
    byCountry.set(p.country, entry);
  }
  return byCountry;
}

const FIGURES = /\b(\d{1,3})(\s+(?:people|persons|civilians|servicemen|soldiers|border guards|residents|houses|homes|человек|военнослужащих|мирных жителей|пограничников|домов))/g;

function shiftPublished(published: string, minutes: number): string {
  // Keep the issuer's offset (or its absence: a date-only publication stays date-only).
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2})?([+-]\d{2}:\d{2}|Z))?$/.exec(published);
  if (!m) return published;
  if (!m[2]) {
    const d = new Date(`${m[1]}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + Math.floor(minutes / 1440));
    return d.toISOString().slice(0, 10);
  }
  const offset = m[3] ?? 'Z';
  const local = new Date(`${m[1]}T${m[2]}:00Z`);
  local.setUTCMinutes(local.getUTCMinutes() + minutes);
  return `${local.toISOString().slice(0, 16)}:00${offset}`;
}

/** `n` statements from `seed`; the same seed gives the same statements. */
export function generateStatements(
  root: string,
  n: number,
  seed: number,
  /** `seen`: texts already used (by other sets of the same run), shared so that no set repeats another's statement. */
  options: { expected?: boolean; seen?: Set<string> } = {},
): GeneratedSet {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const templates = loadTemplates(root);
  const byLanguage = { en: templates.filter((t) => t.language === 'en'), ru: templates.filter((t) => t.language === 'ru') };
  const names = settlementNames();
  const matchers = [...names].flatMap(([country, { en, ru }]) =>
    [...en.map((name) => ({ name, country, language: 'en' as const })), ...ru.map((name) => ({ name, country, language: 'ru' as const }))].map((x) => ({
      ...x,
      re: new RegExp(`(?<![\\p{L}-])${escape(x.name)}(?![\\p{L}-])`, 'gu'),
    })),
  );
  const seen = options.seen ?? new Set<string>();
  const faults: string[] = [];
  const statements: BenchStatement[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = pick(templates);
    let text = t.text;
    for (const m of matchers) {
      // includes() first: a plain search is far cheaper than the Unicode regex, and most names are absent.
      if (m.language !== t.language || !text.includes(m.name) || !m.re.test(text)) continue;
      m.re.lastIndex = 0;
      const other = pick(names.get(m.country)![t.language]);
      text = text.replace(m.re, other);
    }
    text = text.replace(FIGURES, (_all, _n: string, rest: string) => `${1 + Math.floor(random() * 40)}${rest}`);
    const enc = (s: string) => Buffer.byteLength(s, 'utf8');
    while (enc(text) < 512 || (random() < 0.3 && enc(text) < 3600)) {
      const donor = pick(byLanguage[t.language]);
      const para = donor.paragraphs.length ? pick(donor.paragraphs) : donor.text;
      if (enc(text) + enc(para) + 1 > 4096) break;
      text = `${text}\n${para}`;
    }
    if (enc(text) > 4096) text = Buffer.from(text, 'utf8').subarray(0, 4096).toString('utf8').replace(/\uFFFD+$/, '');
    // The engine must be total and give no negative counts; where it does not (a defect, to
    // report), the statement falls back to its template, or another template is drawn.
    // The check's extraction, on the statement as it will be sent, gives its expected events too
    // (drawn before the check since 2026-12-07, so a seed's statements differ from earlier runs').
    const published = shiftPublished(t.published_at, Math.floor(random() * 3 * 1440));
    let events = 0;
    const faulty = (x: string) => {
      try {
        const found = extract({ id: 'check', ...t, published_at: published, text: x }, undefined).events;
        events = found.length;
        return found.some((e) => [e.killed, e.wounded, e.displaced].some((v) => v !== null && v < 0));
      } catch (e) {
        faults.push(`${(e as Error).message.slice(0, 120)} in: ${x.slice(0, 80)}`);
        return true;
      }
    };
    if (text !== t.text && faulty(text)) text = t.text;
    if (faulty(text)) {
      if (faults.length > n + 100) throw new Error(`the extraction engine fails on most statements: ${faults[0]}`);
      i--;
      continue;
    }
    if (seen.has(text)) {
      // A feed item's reference keeps two otherwise identical items apart.
      text = `${text}\n${t.language === 'ru' ? 'Сообщение №' : 'Item no.'} ${seed}-${i}`;
      events = extract({ id: 'check', ...t, published_at: published, text }, undefined).events.length;
    }
    seen.add(text);
    counts.push(events);
    statements.push({ text, language: t.language, source_agency: t.source_agency, published_at: published });
  }
  const sizes = statements.map((s) => Buffer.byteLength(s.text, 'utf8'));
  const expectedEvents = options.expected === false ? [] : counts;
  return {
    statements,
    expectedEvents,
    bytes: { min: Math.min(...sizes), max: Math.max(...sizes), mean: Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) },
    faults,
    languages: statements.reduce<Record<string, number>>((acc, s) => ((acc[s.language] = (acc[s.language] ?? 0) + 1), acc), {}),
  };
}
