/**
 * Russian noun and adjective declension for gazetteer names: the gazetteer lists a place in
 * the nominative and the matcher needs every case form ("Ворух" → "Воруха", "Ворухе";
 * "Лейлекский район" → "в Лейлекском районе"). The rules cover the endings that place names
 * take; forms are generated as a superset (an unused form costs nothing).
 */

const VOWELS = 'аеёиоуыэюя';
const HUSHING_VELAR = 'гкхжшщч';

/** Case forms of one noun (singular, plus plural where it is a common noun such as "район"). */
export function declineNoun(word: string): string[] {
  const w = word;
  const lower = w.toLowerCase();
  const last = lower.at(-1) ?? '';
  const stem = w.slice(0, -1);
  const forms = new Set<string>([w]);
  if (lower.length < 2) return [...forms];
  if (last === 'а') {
    const prev = lower.at(-2) ?? '';
    const gen = HUSHING_VELAR.includes(prev) ? 'и' : 'ы';
    for (const e of [gen, 'е', 'у', 'ой', 'ей']) forms.add(stem + e);
  } else if (last === 'я') {
    for (const e of ['и', 'е', 'ю', 'ей', 'ёй']) forms.add(stem + e);
  } else if (last === 'й') {
    for (const e of ['я', 'ю', 'ем', 'е']) forms.add(stem + e);
  } else if (last === 'ь') {
    for (const e of ['я', 'ю', 'ем', 'е', 'и', 'ью']) forms.add(stem + e);
  } else if (!VOWELS.includes(last) && /[а-яё]/.test(last)) {
    for (const e of ['а', 'у', 'ом', 'ем', 'е']) forms.add(w + e);
  }
  // Names ending in о, у, и, е, ы, ю (Торт-Кочо, Кулунду, Булак-Баши) do not decline.
  return [...forms];
}

type AdjGender = 'm' | 'f' | 'n';

const ADJ_ENDINGS: Record<AdjGender, string[]> = {
  m: ['ий', 'ого', 'ому', 'им', 'ом', 'ие', 'их', 'ими'],
  f: ['ая', 'ой', 'ую', 'ие', 'их', 'им', 'ими'],
  n: ['ое', 'ого', 'ому', 'им', 'ом', 'ие', 'их', 'ими'],
};

/** Case forms of an adjective in -ский/-ская/-ское (and -ный/-ная where the stem allows). */
export function declineAdjective(word: string): string[] {
  const lower = word.toLowerCase();
  let gender: AdjGender | null = null;
  if (/(ий|ый)$/.test(lower)) gender = 'm';
  else if (/ая$/.test(lower)) gender = 'f';
  else if (/(ое|ее)$/.test(lower)) gender = 'n';
  if (!gender) return [word];
  const stem = word.slice(0, -2);
  // After г, к, х, ж, ш, щ, ч, й Russian spells и where a hard stem takes ы.
  const before = lower.at(-3) ?? '';
  const hard = /ый$/.test(lower) || (gender !== 'm' && !'гкхжшщчй'.includes(before));
  const forms = new Set<string>([word]);
  for (const e of ADJ_ENDINGS[gender]) {
    forms.add(stem + (hard ? e.replace(/^и/, 'ы') : e));
  }
  return [...forms];
}

const COMMON_NOUNS: Record<string, string[]> = {
  район: ['район', 'района', 'району', 'районом', 'районе', 'районы', 'районов', 'районам', 'районами', 'районах'],
  область: ['область', 'области', 'областью', 'областей', 'областям', 'областями', 'областях'],
  город: ['город', 'города', 'городу', 'городом', 'городе'],
  джамоат: ['джамоат', 'джамоата', 'джамоату', 'джамоатом', 'джамоате', 'джамоаты', 'джамоатов', 'джамоатах'],
};

/**
 * All case forms of a multi-word name in the nominative. An adjective + head noun pair
 * ("Баткенская область") is declined word by word (the cross product also covers
 * "в Баткенском и Лейлекском районах", where the adjective is singular and the noun plural);
 * for other names only the last word declines ("Овчи Калъача" → "Овчи Калъачи").
 */
export function declineName(name: string): string[] {
  const words = name.split(' ');
  if (words.length === 2) {
    const [a, b] = words as [string, string];
    const head = COMMON_NOUNS[b.toLowerCase()];
    if (head && /(ий|ый|ая|ое)$/i.test(a)) {
      const out: string[] = [];
      for (const fa of declineAdjective(a)) for (const fb of head) out.push(`${fa} ${fb}`);
      return out;
    }
  }
  const headFirst = COMMON_NOUNS[(words[0] ?? '').toLowerCase()];
  if (headFirst && words.length > 1) {
    const rest = words.slice(1).join(' ');
    return headFirst.map((f) => `${f} ${rest}`);
  }
  const lastWord = words.at(-1) ?? name;
  const prefix = words.slice(0, -1).join(' ');
  // In hyphenated names only the last part declines: Кок-Таш → Кок-Таша.
  const parts = lastWord.split('-');
  const lastPart = parts.at(-1) ?? lastWord;
  const partPrefix = parts.slice(0, -1).join('-');
  return declineNoun(lastPart).map((f) => {
    const full = partPrefix ? `${partPrefix}-${f}` : f;
    return prefix ? `${prefix} ${full}` : full;
  });
}

/** Adjective forms alone ("Баткенском"), for coordinated district names. */
export function declineHeadlessAdjective(adjective: string): string[] {
  return declineAdjective(adjective);
}
