/**
 * Ceasefire agreements: who agreed (level), on what terms, from when. An agreement is coded
 * when a clause reports or welcomes that it was reached, not when it is only the yardstick of a
 * violation ("despite the agreements reached on 27 January").
 */
import type { Vocabulary } from './profile.ts';
import { compileList, findAll, type Match } from './text/patterns.ts';

const LEVELS: Array<[string, RegExp]> = [
  ['heads_of_state', /(?:presidents?|heads of state|leaders of|президент[\p{L}]*|глав[\p{L}]* государств)/iu],
  ['foreign_ministers', /(?:foreign ministers?|ministers? of foreign affairs|министр[\p{L}]* иностранных дел|глав[\p{L}]* МИД)/iu],
  [
    'security_chiefs',
    /(?:chairm[ae]n of the (?:state committees?|national security)|national security committees?|GKNB|SCNS|ГКНБ|border (?:agencies|services|representatives|officials)|heads of the border|Tashiev|Yatimov|Ташиев|Ятимов|пограничн[\p{L}]* ведомств|руководств[\p{L}]* пограничн)/iu,
  ],
  ['governors', /(?:governors?|plenipotentiar|akims?|губернатор|полпред|полномочн[\p{L}]* представител|хоким|председател[\p{L}]* (?:Согдийской|области))/iu],
  ['governments', /(?:government delegations?|governments|prime ministers?|правительств[\p{L}]*|премьер)/iu],
];

export function agreementLevel(clauseText: string, contextText: string): string | null {
  for (const [level, re] of LEVELS) if (re.test(clauseText)) return level;
  for (const [level, re] of LEVELS) if (re.test(contextText)) return level;
  return 'other';
}

export function agreementTerms(text: string, v: Vocabulary): { terms: string[]; matches: Match[] } {
  const terms: string[] = [];
  const matches: Match[] = [];
  for (const [term, list] of Object.entries(v.agreement_terms)) {
    const found = findAll(compileList(list), text);
    if (found.length) {
      terms.push(term);
      matches.push(...found);
    }
  }
  return { terms, matches };
}
