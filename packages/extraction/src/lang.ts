// Which language a statement is in, answered once for the whole pipeline: the ingester stores it
// as the statement's language when the source declares none, and the engine reads the same
// answer for a statement that reaches it undeclared.
//
// For the languages statements on this border come in: Russian, Kyrgyz and Tajik (Cyrillic, told
// apart by their own letters) and English. Cheap and deterministic; a statement in anything else
// is marked `und` (undetermined) rather than guessed.

const KYRGYZ_LETTERS = /[ңөүҢӨҮ]/g;
const TAJIK_LETTERS = /[ғӣқҳҷӯҒӢҚҲҶӮ]/g;
const CYRILLIC = /\p{Script=Cyrillic}/gu;
const LATIN = /\p{Script=Latin}/gu;
const ENGLISH_WORDS = /\b(the|of|and|in|on|at|was|were|from|with|by|that|said|border)\b/gi;

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/**
 * ISO 639-1 code of a statement's language: the declared one when it is a code (`en`, `ru-RU` →
 * `ru`), else detected from the text: en, ru, ky, tg, or `und`.
 */
export function detectLanguage(text: string, declared?: string | null): string {
  const d = (declared ?? '').trim().toLowerCase();
  if (/^[a-z]{2}(?:-[a-z]{2})?$/.test(d)) return d.slice(0, 2);
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const cyrillic = count(sample, CYRILLIC);
  const latin = count(sample, LATIN);
  if (cyrillic === 0 && latin === 0) return 'und';
  if (cyrillic >= latin) {
    const ky = count(sample, KYRGYZ_LETTERS);
    const tg = count(sample, TAJIK_LETTERS);
    // A handful of such letters can be a quoted place name; a language uses them throughout.
    const threshold = Math.max(3, cyrillic * 0.005);
    if (ky >= threshold && ky > tg) return 'ky';
    if (tg >= threshold && tg > ky) return 'tg';
    return 'ru';
  }
  return count(sample, ENGLISH_WORDS) >= 2 || latin < 40 ? 'en' : 'und';
}
