/**
 * The standard vocabulary shared by the profiles of this package (a profile may bring its
 * own): the English and Russian language packs (`lang/en.ts`, `lang/ru.ts`, where the word
 * lists are edited) composed into one. Patterns are regular-expression sources; `\w` stands
 * for any letter or digit (Latin or Cyrillic) and every pattern is matched as whole words.
 */
import type { Vocabulary } from '../profile.ts';
import { EN } from '../lang/en.ts';
import { composeVocabulary } from '../lang/pack.ts';
import { RU } from '../lang/ru.ts';

export const STANDARD_VOCABULARY: Vocabulary = composeVocabulary([EN, RU]);
