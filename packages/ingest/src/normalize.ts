import { createHash } from 'node:crypto';
import type { Statement } from '@ceasefire/contracts';
import { detectLanguage } from './language.ts';
import type { StatementSubmission } from './submission.ts';

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
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufeff]/g;

/** The text as stored: NFC, LF line ends, no control characters, trailing spaces trimmed. */
export function normalizeText(text: string): string {
  return text
    .toWellFormed()
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(/[ \t\u00a0]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The content-derived statement id: the same text from two feeds is one statement. Whitespace
 * and case differences (re-wrapped relays) do not make a new statement.
 */
export function statementId(normalizedText: string): string {
  const canonical = normalizedText.toLowerCase().replace(/\s+/g, ' ');
  return `st_${createHash('sha256').update(canonical, 'utf8').digest('hex').slice(0, 32)}`;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validCalendar(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/**
 * The publication time as RFC 3339 with an offset. A time without an offset is local time of
 * the issuer's zone (UTC when unknown); a bare date is the start of that local day.
 */
export function normalizePublishedAt(
  value: string | null | undefined,
  receivedAt: Date,
  zone: { zone: string; offset: string } | null,
): { publishedAt: string; zone: string | null } | { problem: string } {
  if (!value) return { publishedAt: receivedAt.toISOString(), zone: zone?.zone ?? null };
  const offset = zone?.offset ?? 'Z';
  if (WITH_OFFSET.test(value)) {
    const t = new Date(value.replace(' ', 'T'));
    if (Number.isNaN(t.getTime())) return { problem: 'published_at: not a real date-time' };
    const m = /(Z|[+-]\d{2}:?\d{2})$/i.exec(value)!;
    const off = m[1]!.toUpperCase() === 'Z' ? 'Z' : m[1]!.replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    // Unknown agency: the offset the source gave is the best zone we know.
    return { publishedAt: value.replace(' ', 'T').replace(/(Z|[+-]\d{2}:?\d{2})$/i, off), zone: zone?.zone ?? (off === 'Z' ? null : off) };
  }
  let m = DATE_ONLY.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!validCalendar(y, mo, d)) return { problem: 'published_at: not a real date' };
    return { publishedAt: `${m[1]}-${m[2]}-${m[3]}T00:00:00${offset}`, zone: zone?.zone ?? null };
  }
  m = LOCAL_DATE_TIME.exec(value);
  if (m) {
    const [y, mo, d, h, mi, s] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
    if (!validCalendar(y, mo, d) || h > 23 || mi > 59 || s > 59) return { problem: 'published_at: not a real date-time' };
    return { publishedAt: `${m[1]}-${m[2]}-${m[3]}T${pad(h)}:${pad(mi)}:${pad(s)}${offset}`, zone: zone?.zone ?? null };
  }
  return { problem: 'published_at: an ISO 8601 date (2022-09-16) or date-time (2022-09-16T14:20:00+06:00)' };
}

/** Turns a validated submission into the statement the pipeline carries. Pure. */
export function normalizeStatement(input: StatementSubmission, ctx: NormalizeContext): Statement {
  const problems: string[] = [];
  const text = normalizeText(input.text);
  if (text.length === 0) problems.push('text: empty after removing white space and control characters');
  const agency = input.source_agency?.trim() || null;
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

/**
 * An instant as RFC 3339 in a zone (IANA name or `+06:00`), so a stored statement is republished
 * with the offset it was published in (relative dates are resolved in the issuer's zone).
 */
export function isoInZone(instant: Date, zone: string | null): string {
  if (!zone) return instant.toISOString();
  let offsetMin: number;
  const fixed = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (fixed) {
    offsetMin = (fixed[1] === '-' ? -1 : 1) * (Number(fixed[2]) * 60 + Number(fixed[3]));
  } else {
    try {
      const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
        .formatToParts(instant)
        .find((p) => p.type === 'timeZoneName')?.value;
      const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
      offsetMin = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    } catch {
      return instant.toISOString();
    }
  }
  if (offsetMin === 0) return instant.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const local = new Date(instant.getTime() + offsetMin * 60_000).toISOString().slice(0, 19);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
