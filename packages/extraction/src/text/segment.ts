/**
 * Splits a statement into paragraphs, sentences and clauses, keeping character offsets.
 * Clauses end at ";", ":" and before contrastive or coordinating conjunctions, because
 * negation, blame and dates are scoped to a clause ("…violated on Saturday, but no shooting
 * was recorded overnight").
 */

export interface Segment {
  start: number;
  end: number;
}

export interface Clause extends Segment {
  index: number;
  sentence: number;
  paragraph: number;
  /** The clause ends with a colon: it introduces the details that follow. */
  introduces: boolean;
}

export interface Sentence extends Segment {
  index: number;
  paragraph: number;
  clauses: Clause[];
}

export interface Paragraph extends Segment {
  index: number;
  /** First line of a multi-line news item without final punctuation: a headline or a title. */
  headline: boolean;
}

export interface Segmentation {
  paragraphs: Paragraph[];
  sentences: Sentence[];
  clauses: Clause[];
  /** "DUSHANBE, April 29 — Asia-Plus." at the start of the body. */
  dateline: Segment | null;
}

const ABBREVIATIONS = new Set([
  'no', 'mr', 'mrs', 'ms', 'dr', 'st', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'vs',
  'etc', 'approx', 'incl', 'gen', 'col', 'lt', 'г', 'гг', 'ул', 'им', 'т', 'д', 'п', 'с', 'см', 'тыс', 'млн', 'англ', 'рус', 'corp', 'inc',
]);

const SENTENCE_END = /[.!?…]+["»”')]*\s+/g;
const CLAUSE_BREAK =
  /;\s*|:(?!\d)\s*|,\s+(?=(?:but|while|whereas|however|although|and|однако|но|а(?! также)|тогда как|в то время как)\s)|\s+(?=but\s)/gi;
const DATELINE =
  /^[A-ZА-ЯЁ][A-ZА-ЯЁ\- ]{2,30},\s+[^—–\n.]{1,30}?(?:\.\d{2}\.\d{4})?(?:\s*\([^)\n]{1,30}\))?\s*(?:[—–-]\s*(?:[«"]?[A-Za-z\u00C0-\u024F\u0400-\u04FF\d.\- «»"]{1,25}[»"]?\.\s+)?|\/[^/\n]{1,40}\/\.\s*|\.\s+)/;

export function segment(text: string): Segmentation {
  const paragraphs: Paragraph[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    const start = pos;
    const end = pos + line.length;
    pos = end + 1;
    if (line.trim().length === 0) continue;
    paragraphs.push({ start, end, index: paragraphs.length, headline: false });
  }
  const first = paragraphs[0];
  if (first && paragraphs.length > 1) {
    const line = text.slice(first.start, first.end).trim();
    if (line.length < 250 && !/[.!?…]["»”)]?$/.test(line)) first.headline = true;
  }
  let dateline: Segment | null = null;
  const body = paragraphs.find((p) => !p.headline);
  if (body) {
    const m = DATELINE.exec(text.slice(body.start, body.end));
    if (m) dateline = { start: body.start, end: body.start + m[0].length };
  }
  const sentences: Sentence[] = [];
  const clauses: Clause[] = [];
  for (const p of paragraphs) {
    const ptext = text.slice(p.start, p.end);
    const cuts: number[] = [];
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(ptext); m !== null; m = SENTENCE_END.exec(ptext)) {
      const after = m.index + m[0].length;
      const next = ptext[after];
      if (next === undefined || !/[A-ZА-ЯЁ\u00C0-\u00DE\d«"“(]/.test(next)) continue;
      if (m[0].startsWith('.')) {
        const before = /([0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]+)$/.exec(ptext.slice(Math.max(0, m.index - 12), m.index));
        const word = before?.[1] ?? '';
        if (ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && /A-ZА-ЯЁ\u00C0-\u00DE/.test(word))) continue;
      }
      cuts.push(after);
    }
    let s = 0;
    for (const c of [...cuts, ptext.length]) {
      const raw = ptext.slice(s, c);
      const lead = raw.length - raw.trimStart().length;
      const trail = raw.length - raw.trimEnd().length;
      if (raw.trim().length > 0) {
        const sentence: Sentence = {
          start: p.start + s + lead,
          end: p.start + c - trail,
          index: sentences.length,
          paragraph: p.index,
          clauses: [],
        };
        splitClauses(text, sentence, clauses);
        sentences.push(sentence);
      }
      s = c;
    }
  }
  return { paragraphs, sentences, clauses, dateline };
}

function splitClauses(text: string, sentence: Sentence, all: Clause[]): void {
  const stext = text.slice(sentence.start, sentence.end);
  let s = 0;
  const push = (from: number, to: number, introduces: boolean): void => {
    const raw = stext.slice(from, to);
    if (raw.trim().length === 0) return;
    const lead = raw.length - raw.trimStart().length;
    const trail = raw.length - raw.trimEnd().length;
    const clause: Clause = {
      start: sentence.start + from + lead,
      end: sentence.start + to - trail,
      index: all.length,
      sentence: sentence.index,
      paragraph: sentence.paragraph,
      introduces,
    };
    sentence.clauses.push(clause);
    all.push(clause);
  };
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(stext); m !== null; m = CLAUSE_BREAK.exec(stext)) {
    if (m[0].length === 0) {
      CLAUSE_BREAK.lastIndex++;
      continue;
    }
    push(s, m.index + (m[0].startsWith(',') ? 0 : 1), m[0].startsWith(':'));
    s = m.index + m[0].length;
  }
  push(s, stext.length, false);
}
