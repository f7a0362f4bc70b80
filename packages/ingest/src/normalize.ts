import { createHash } from 'node:crypto';
import { isCalendarDate, isoInZone, parseTimestamp, type Statement } from '@ceasefire/contracts';
import { detectLanguage } from '@ceasefire/extraction';
import type { StatementSubmission } from './submission.ts';

// Moved to the contracts (alerting reads a stored statement's day in its zone too); still
// exported here, where the ingester and the CLI's replay take it.
export { isoInZone };

/** A submission that cannot become a statement; `problems` are `field: reason` lines. */
export class InvalidStatement extends Error {
  override readonly name = 'InvalidStatement';
  constructor(readonly problems: string[]) {
    super(`invalid statement: ${problems.join('; ')}`);
  }
}

export interface NormalizeContext {
  receivedAt: Date;
  origin: Statement['origin'];
  /** The issuing agency's zone as a fixed offset (`+06:00`), when the profile knows the agency. */
  zoneOfAgency(agency: string): { zone: string; offset: string } | null;
}

// Control characters other than tab and newline carry no meaning in a statement and break
// downstream tools; so do lone surrogates and the byte-order mark.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff]/g;
// Terminal escape sequences (CSI, OSC): removing only their ESC would leave `[31m` in the text.
const ANSI =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u009b[0-?]*[ -/]*[@-~]/g;
// Direction overrides and isolates: they reorder what a reader sees, never part of a name.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text as stored: NFC, LF line ends, no control characters or terminal escapes, trailing spaces trimmed. */
export function normalizeText(text: string): string {
  return text
    .toWellFormed()
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(ANSI, '')
    .replace(CONTROL, '')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A one-line label (the source agency): no control characters, terminal escapes or direction overrides; white space collapsed. */
export function normalizeLabel(label: string): string {
  return label
    .toWellFormed()
    .normalize('NFC')
    .replace(ANSI, '')
    .replace(BIDI, '')
    .replace(/[\u0000-\u001f\u007f-\u009f\ufeff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// Invisible in print: soft hyphen, zero-width characters, joiners, word joiner, invisible
// operators, the byte-order mark, direction marks. A copy that differs by them is the same text.
const INVISIBLE = /[\u00ad\u034f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;
// Lower-case Cyrillic letters drawn like Latin ones, and back.
const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  һ: 'h',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
};
const LATIN_TO_CYRILLIC: Record<string, string> = Object.fromEntries(
  Object.entries(CYRILLIC_TO_LATIN).map(([c, l]) => [l, c]),
);
const LATIN = /\p{Script=Latin}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * A word written in two scripts (`Kulundu` with a Cyrillic `у`) in the script most of its
 * letters are in: look-alike letters of the other script become their twin. Words in one script
 * are left alone, so the ids of ordinary Latin or Cyrillic statements do not change.
 */
function oneScript(word: string): string {
  // Nearly every word is in one script: two scans of the word settle it without splitting it into
  // letters (this ran for every word of every statement: a tenth of the ingester's CPU at 1,000/s).
  if (!LATIN.test(word) || !CYRILLIC.test(word)) return word;
  const letters = [...word];
  const latin = letters.filter((c) => LATIN.test(c)).length;
  const cyrillic = letters.filter((c) => CYRILLIC.test(c)).length;
  if (latin === 0 || cyrillic === 0) return word;
  const twin = latin >= cyrillic ? CYRILLIC_TO_LATIN : LATIN_TO_CYRILLIC;
  return letters.map((c) => twin[c] ?? c).join('');
}

/**
 * The form two copies of a statement share: case, white space, invisible characters and
 * mixed-script look-alikes do not count. The stored text keeps what the source wrote.
 */
export function canonicalText(normalizedText: string): string {
  const folded = normalizedText.replace(INVISIBLE, '').toLowerCase().replace(/\s+/g, ' ');
  // A word can mix scripts only in a text that has both: most texts are in one script (and a
  // Latin name or two), and the word-by-word pass was half of the id's CPU.
  if (!LATIN.test(folded) || !CYRILLIC.test(folded)) return folded;
  return folded.replace(/[\p{L}\p{M}]+/gu, oneScript);
}

/**
 * The content-derived statement id: the same text from two feeds is one statement. Whitespace,
 * case, invisible characters and look-alike letters (re-wrapped relays, pasted copies, evasion)
 * do not make a new statement.
 */
export function statementId(normalizedText: string): string {
  return `st_${createHash('sha256').update(canonicalText(normalizedText), 'utf8').digest('hex').slice(0, 32)}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?$/;


/**
 * The publication time as RFC 3339 with an offset. A time without an offset is local time of
 * the issuer's zone (UTC when unknown); a bare date is the start of that local day. Whatever it
 * returns is read by `parseTimestamp`, the reader of the message contract: a statement stored
 * is never refused when published.
 */
export function normalizePublishedAt(
  value: string | null | undefined,
  receivedAt: Date,
  zone: { zone: string; offset: string } | null,
): { publishedAt: string; zone: string | null } | { problem: string } {
  if (!value) return { publishedAt: receivedAt.toISOString(), zone: zone?.zone ?? null };
  const offset = zone?.offset ?? 'Z';
  let written: string;
  let m = DATE_ONLY.exec(value);
  const local = m ? null : LOCAL_DATE_TIME.exec(value);
  if (m) {
    if (!isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])))
      return { problem: `published_at: not a real date (${value})` };
    written = `${m[1]}-${m[2]}-${m[3]}T00:00:00${offset}`;
  } else if ((m = local)) {
    written = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${m[7] ?? ''}${offset}`;
  } else {
    written = value;
  }
  const parsed = parseTimestamp(written);
  if ('problem' in parsed) {
    return {
      problem: `published_at: ${DATE_TIME_LIKE.test(value) ? parsed.problem : 'an ISO 8601 date (2022-09-16) or date-time (2022-09-16T14:20:00+06:00)'}`,
    };
  }
  // Unknown agency: the offset the source gave is the best zone we know.
  return {
    publishedAt: parsed.text,
    zone: zone?.zone ?? (m || parsed.offset === 'Z' ? null : parsed.offset),
  };
}
const DATE_TIME_LIKE = /^\d{4}-\d{2}-\d{2}([Tt ]|$)/;

/** Turns a validated submission into the statement the pipeline carries. Pure. */
export function normalizeStatement(input: StatementSubmission, ctx: NormalizeContext): Statement {
  const problems: string[] = [];
  const text = normalizeText(input.text);
  if (text.length === 0) problems.push('text: empty after removing white space and control characters');
  const agency = input.source_agency ? normalizeLabel(input.source_agency) || null : null;
  const zone = agency ? ctx.zoneOfAgency(agency) : null;
  const published = normalizePublishedAt(input.published_at, ctx.receivedAt, zone);
  if ('problem' in published) problems.push(published.problem);
  if (problems.length > 0 || 'problem' in published) throw new InvalidStatement(problems);
  return {
    id: statementId(text),
    text,
    language: input.language?.toLowerCase() ?? detectLanguage(text),
    published_at: published.publishedAt,
    published_zone: published.zone,
    source_agency: agency,
    url: input.url ?? null,
    received_at: ctx.receivedAt.toISOString(),
    origin: { kind: ctx.origin.kind, ref: ctx.origin.ref ?? input.id ?? null },
  };
}

