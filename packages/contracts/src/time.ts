import { z } from 'zod';

/** A date-time with an offset, read: the instant, the offset as written canonically, and the canonical text. */
export interface ParsedTimestamp {
  readonly instant: Date;
  /** `Z` or `±HH:MM`. */
  readonly offset: string;
  /** `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`: what the `Timestamp` contract accepts. */
  readonly text: string;
}

// What sources write: `T`, `t` or a space; seconds and a fraction optional; `Z`, `z`,
// `±HH:MM` or `±HHMM`. Four-digit years only (RFC 3339).
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|z|[+-]\d{2}:?\d{2})$/;
/** RFC 3339 offsets in use reach ±14:00 (Kiribati); beyond it an offset is a typo. */
const MAX_OFFSET_MINUTES = 14 * 60;

/** Whether y-m-d is a day of the proleptic Gregorian calendar (years 1–9999; 0001–0099 too, which `Date.UTC` would read as 19xx). */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Whether an instant's UTC date is within years 1–9999 (what RFC 3339, Postgres output and the API schemas can write). */
export function inYearRange(instant: Date): boolean {
  const y = instant.getUTCFullYear();
  return !Number.isNaN(instant.getTime()) && y >= 1 && y <= 9999;
}

/**
 * The one reader of date-times with an offset, shared by the ingest API (what a source may
 * send) and the message contracts (what a message may carry): an answer of the ingester is never
 * refused by the contract downstream. Returns the reason when the value is not a real instant.
 */
export function parseTimestamp(value: string): ParsedTimestamp | { problem: string } {
  const m = DATE_TIME.exec(value);
  if (!m) return { problem: 'an RFC 3339 date-time with an offset, such as 2022-09-16T14:20:00+06:00' };
  const [y, mo, d, h, mi] = [1, 2, 3, 4, 5].map((i) => Number(m[i]));
  const s = Number(m[6] ?? 0);
  if (!isCalendarDate(y!, mo!, d!)) return { problem: `not a real date (${m[1]}-${m[2]}-${m[3]})` };
  if (h! > 23 || mi! > 59 || s > 59) return { problem: `not a real time of day (${m[4]}:${m[5]}${m[6] ? `:${m[6]}` : ''}); 24:00 is 00:00 of the next day` };
  let offset = 'Z';
  let offsetMinutes = 0;
  if (m[8]!.toUpperCase() !== 'Z') {
    const o = /^([+-])(\d{2}):?(\d{2})$/.exec(m[8]!)!;
    const [oh, om] = [Number(o[2]), Number(o[3])];
    offsetMinutes = (o[1] === '-' ? -1 : 1) * (oh * 60 + om);
    if (om > 59 || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return { problem: `an offset between -14:00 and +14:00 (not ${m[8]})` };
    offset = `${o[1]}${o[2]}:${o[3]}`;
  }
  const fraction = m[7] ?? '';
  const local = new Date(0);
  local.setUTCFullYear(y!, mo! - 1, d!);
  local.setUTCHours(h!, mi!, s, Math.floor(Number(`0${fraction || '.0'}`) * 1000));
  const instant = new Date(local.getTime() - offsetMinutes * 60_000);
  if (!inYearRange(instant)) return { problem: 'a date-time between years 0001 and 9999 in UTC' };
  return { instant, offset, text: `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${fraction}${offset}` };
}

/**
 * An RFC 3339 date-time with an offset that {@link parseTimestamp} reads as it is: a real date
 * and time of day, an offset within ±14:00, years 0001–9999. The JSON Schema says `date-time`.
 */
export const Timestamp = z.iso.datetime({ offset: true }).refine((v) => {
  const parsed = parseTimestamp(v);
  return !('problem' in parsed) && parsed.text === v;
}, 'a real date-time with an offset within ±14:00, years 0001–9999');

/** An ISO calendar date `YYYY-MM-DD`, years 0001–9999 (Postgres has no year 0). */
export const IsoDate = z.iso.date().refine((v) => isCalendarDate(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10))), 'a real date, years 0001–9999');

function pad(n: number): string {
  return String(n).padStart(2, '0');
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
