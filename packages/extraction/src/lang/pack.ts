/**
 * A language pack holds one language's word lists, in the shape of a profile's vocabulary;
 * `composeVocabulary` joins several packs into one vocabulary. Lists are concatenated in pack
 * order; a weapon (by name) or an agreement term (by key) named in several packs gets the
 * patterns of all of them, at the place of its first mention, so the order between weapons
 * (longer phrases first) is the first pack's.
 */
import type { Vocabulary, WeaponDef } from '../profile.ts';

export type LanguagePack = Vocabulary;

type ListKey = { [K in keyof Vocabulary]: Vocabulary[K] extends string[] ? K : never }[keyof Vocabulary];

export function composeVocabulary(packs: readonly LanguagePack[]): Vocabulary {
  const [first, ...rest] = packs;
  if (!first) throw new Error('composeVocabulary needs at least one language pack');
  const out: Vocabulary = structuredClone(first);
  for (const pack of rest) {
    for (const key of Object.keys(pack) as (keyof Vocabulary)[]) {
      if (key === 'weapons') out.weapons = mergeWeapons(out.weapons, pack.weapons);
      else if (key === 'agreement_terms') {
        for (const [term, patterns] of Object.entries(pack.agreement_terms)) {
          out.agreement_terms[term] = [...(out.agreement_terms[term] ?? []), ...patterns];
        }
      } else {
        const k: ListKey = key;
        out[k] = [...out[k], ...pack[k]];
      }
    }
  }
  return out;
}

function mergeWeapons(into: WeaponDef[], more: readonly WeaponDef[]): WeaponDef[] {
  const out = into.map((w) => ({ ...w, patterns: [...w.patterns] }));
  for (const w of more) {
    const same = out.find((o) => o.name === w.name);
    if (same && same.class !== w.class) {
      throw new Error(`weapon "${w.name}" is ${same.class} in one language pack and ${w.class} in another`);
    }
    if (same) same.patterns.push(...w.patterns);
    else out.push({ ...w, patterns: [...w.patterns] });
  }
  return out;
}
