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
  /** A leading line of a multi-line news item without final punctuation: a title or page chrome. */
  headline: boolean;
  /** The page after the body: "Read also", «По теме», related news, tags, and all after them. */
  tail: boolean;
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

/** A character `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** First index in [from, to) that `trim` keeps (`to` when the span is blank). */
function trimStartAt(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isTrimSpace(text.charCodeAt(i))) i++;
  return i;
}

/** One past the last index in [from, to) that `trim` keeps (`from` when the span is blank). */
function trimEndAt(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isTrimSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

const SENTENCE_START = /[A-ZА-ЯЁ\u00C0-\u00DE\d«"“(]/;
const WORD_BEFORE = /([0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]+)$/;
const SENTENCE_FINAL = /[.!?…]["»”)]?$/;
const SINGLE_CAPITAL = /A-ZА-ЯЁ\u00C0-\u00DE/;
const CLOCK_MERIDIEM = /\d\s*[ap]\.m$/i;

const TAIL_MARK =
  /^(?:read (?:also|more)|see also|related(?: news| articles| stories| posts)?\b|more (?:news|on this|stories)\b|latest news|other news|tags?:|читайте (?:также|ещ[её])|смотрите также|(?:ещ[её] )?по теме(?![а-яё])|новости по теме|другие новости|последние новости|теги:|метки:)/i;

function isTitleLine(text: string, p: Paragraph): boolean {
  const from = trimStartAt(text, p.start, p.end);
  const to = trimEndAt(text, p.start, p.end);
  return to - from < 250 && !SENTENCE_FINAL.test(text.slice(from, to));
}

export function segment(text: string): Segmentation {
  const paragraphs: Paragraph[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (trimStartAt(text, start, end) < end) paragraphs.push({ start, end, index: paragraphs.length, headline: false, tail: false });
    start = end + 1;
  }
  // A web page's head: the title, and before the body the lines of the page around it (clock,
  // currency quotes, menus, rubrics, other news, captions), none ending as a sentence does.
  // The run ends at the first paragraph that does; with no such paragraph only the first
  // line is a title.
  let lead = 0;
  while (lead < paragraphs.length && isTitleLine(text, paragraphs[lead] as Paragraph)) lead++;
  if (paragraphs.length > 1 && lead === paragraphs.length) lead = 1;
  for (let i = 0; i < lead; i++) (paragraphs[i] as Paragraph).headline = true;
  // Teasers of other news after the body tell other statements' events.
  const tailAt = paragraphs.findIndex((p, i) => i > 0 && !p.headline && TAIL_MARK.test(text.slice(trimStartAt(text, p.start, p.end), p.end)));
  if (tailAt > 0) for (let i = tailAt; i < paragraphs.length; i++) (paragraphs[i] as Paragraph).tail = true;
  let dateline: Segment | null = null;
  const body = paragraphs.find((p) => !p.headline);
  if (body) {
    const m = DATELINE.exec(text.slice(body.start, body.end));
    if (m) dateline = { start: body.start, end: body.start + m[0].length };
  }
  const sentences: Sentence[] = [];
  const clauses: Clause[] = [];
  for (const p of paragraphs) splitSentences(text, p, sentences, clauses);
  return { paragraphs, sentences, clauses, dateline };
}

function splitSentences(text: string, p: Paragraph, sentences: Sentence[], clauses: Clause[]): void {
  const ptext = text.slice(p.start, p.end);
  let s = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(ptext); m !== null; m = SENTENCE_END.exec(ptext)) {
    const after = m.index + m[0].length;
    const next = ptext[after];
    if (next === undefined || !SENTENCE_START.test(next)) continue;
    if (m[0].startsWith('.')) {
      const before = WORD_BEFORE.exec(ptext.slice(Math.max(0, m.index - 12), m.index));
      const word = before?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && SINGLE_CAPITAL.test(word))) continue;
      // "At 7.15 a.m. Tajik servicemen opened fire": a clock's a.m./p.m. ends no sentence.
      if (CLOCK_MERIDIEM.test(ptext.slice(Math.max(0, m.index - 12), m.index))) continue;
    }
    pushSentence(text, p, s, after, sentences, clauses);
    s = after;
  }
  pushSentence(text, p, s, ptext.length, sentences, clauses);
}

/** The sentence in [p.start + from, p.start + to), trimmed, unless it is blank. */
function pushSentence(text: string, p: Paragraph, from: number, to: number, sentences: Sentence[], clauses: Clause[]): void {
  const start = trimStartAt(text, p.start + from, p.start + to);
  if (start >= p.start + to) return;
  const sentence: Sentence = {
    start,
    end: trimEndAt(text, p.start + from, p.start + to),
    index: sentences.length,
    paragraph: p.index,
    clauses: [],
  };
  splitClauses(text, sentence, clauses);
  sentences.push(sentence);
}

function splitClauses(text: string, sentence: Sentence, all: Clause[]): void {
  const stext = text.slice(sentence.start, sentence.end);
  let s = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(stext); m !== null; m = CLAUSE_BREAK.exec(stext)) {
    if (m[0].length === 0) {
      CLAUSE_BREAK.lastIndex++;
      continue;
    }
    pushClause(text, sentence, s, m.index + (m[0].startsWith(',') ? 0 : 1), m[0].startsWith(':'), all);
    s = m.index + m[0].length;
  }
  pushClause(text, sentence, s, stext.length, false, all);
}

/** The clause in [sentence.start + from, sentence.start + to), trimmed, unless it is blank. */
function pushClause(text: string, sentence: Sentence, from: number, to: number, introduces: boolean, all: Clause[]): void {
  const start = trimStartAt(text, sentence.start + from, sentence.start + to);
  if (start >= sentence.start + to) return;
  const clause: Clause = {
    start,
    end: trimEndAt(text, sentence.start + from, sentence.start + to),
    index: all.length,
    sentence: sentence.index,
    paragraph: sentence.paragraph,
    introduces,
  };
  sentence.clauses.push(clause);
  all.push(clause);
}
