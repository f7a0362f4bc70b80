import { describe, expect, it } from 'vitest';
import { EN } from './lang/en.ts';
import { composeVocabulary } from './lang/pack.ts';
import { RU } from './lang/ru.ts';
import { STANDARD_VOCABULARY } from './profiles/vocabulary.ts';

const CYRILLIC = /[\u0400-\u04FF]/;

function allPatterns(v: typeof EN): string[] {
  return [
    ...v.weapons.flatMap((w) => w.patterns),
    ...Object.values(v.agreement_terms).flat(),
    ...Object.entries(v)
      .filter(([, l]) => Array.isArray(l) && l.every((p) => typeof p === 'string'))
      .flatMap(([, l]) => l as string[]),
  ];
}

describe('language packs', () => {
  it('keep each language in its own pack', () => {
    expect(allPatterns(EN).filter((p) => CYRILLIC.test(p))).toEqual([]);
    expect(allPatterns(RU).filter((p) => !CYRILLIC.test(p))).toEqual([]);
  });

  it('compose into the standard vocabulary: every list of both packs, weapons merged by name', () => {
    expect(allPatterns(STANDARD_VOCABULARY).length).toBe(allPatterns(EN).length + allPatterns(RU).length);
    const mortar = STANDARD_VOCABULARY.weapons.find((w) => w.name === 'mortar');
    expect(mortar?.patterns).toEqual(expect.arrayContaining(['mortars?', 'миномет\\w*']));
    expect(STANDARD_VOCABULARY.agreement_terms.cease_fire).toEqual(
      expect.arrayContaining(['truce', 'перемири\\w*']),
    );
  });

  it('refuses a weapon that two packs put in different classes', () => {
    const other = { ...RU, weapons: [{ name: 'mortar', class: 'small' as const, patterns: ['x'] }] };
    expect(() => composeVocabulary([EN, other])).toThrow(/mortar/);
  });
});
