/**
 * Ceasefire agreements: who agreed (level), on what terms, from when. An agreement is coded
 * when a clause reports or welcomes that it was reached, not when it is only the yardstick of a
 * violation ("despite the agreements reached on 27 January").
 */
import type { Vocabulary } from './profile.ts';
import { findGroups, type Match } from './text/patterns.ts';

const LEVELS: Array<[string, RegExp]> = [
  ['heads_of_state', /(?:presidents?|heads of state|leaders of|президент[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|глав[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* государств)/i],
  ['foreign_ministers', /(?:foreign ministers?|ministers? of foreign affairs|министр[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* иностранных дел|глав[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* МИД)/i],
  [
    'security_chiefs',
    /(?:chairm[ae]n of the (?:state committees?|national security)|national security committees?|GKNB|SCNS|ГКНБ|border (?:agencies|services|representatives|officials)|heads of the border|Tashiev|Yatimov|Ташиев|Ятимов|пограничн[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* ведомств|руководств[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* пограничн)/i,
  ],
  ['governors', /(?:governors?|heads? of (?:the )?[A-Za-z ]{0,30}regions?|plenipotentiar|akims?|губернатор|глав[а-яё]* [а-яё ]{0,30}област|полпред|полномочн[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* представител|хоким|председател[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* (?:Согдийской|области))/i],
  ['governments', /(?:government delegations?|governments|prime ministers?|правительств[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|премьер)/i],
];

export function agreementLevel(clauseText: string, contextText: string): string | null {
  for (const [level, re] of LEVELS) if (re.test(clauseText)) return level;
  for (const [level, re] of LEVELS) if (re.test(contextText)) return level;
  return 'other';
}

export interface TermMatch extends Match {
  term: string;
}

/** Agreement terms named in `text` (cease_fire, withdraw_forces, joint_patrols…). */
export function agreementTerms(text: string, v: Vocabulary): TermMatch[] {
  let c = termCache.get(v);
  if (!c) {
    // Longer phrases first: at one position the first list that matches wins.
    const names = Object.keys(v.agreement_terms).sort((a, b) => (b === 'withdraw_heavy_weapons' ? 1 : 0) - (a === 'withdraw_heavy_weapons' ? 1 : 0));
    c = { names, lists: names.map((n) => v.agreement_terms[n] ?? []) };
    termCache.set(v, c);
  }
  const out: TermMatch[] = [];
  for (const m of findGroups(c.lists, text)) {
    const term = c.names[m.group] ?? 'other';
    out.push({ start: m.start, end: m.end, text: m.text, term });
    // Withdrawing heavy weapons is also a withdrawal of forces.
    if (term === 'withdraw_heavy_weapons') out.push({ start: m.start, end: m.end, text: m.text, term: 'withdraw_forces' });
  }
  return out;
}

const termCache = new WeakMap<Vocabulary, { names: string[]; lists: string[][] }>();
