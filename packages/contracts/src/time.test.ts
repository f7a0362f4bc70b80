// The one date-time reader shared by the ingest API and the message contracts (issue #15).
import { describe, expect, it } from 'vitest';
import { IsoDate, Timestamp, isCalendarDate, parseTimestamp } from './time.ts';

const text = (v: string) => {
  const r = parseTimestamp(v);
  return 'problem' in r ? `problem: ${r.problem}` : r.text;
};

describe('parseTimestamp', () => {
  it('reads what sources write and gives the form the contract takes', () => {
    expect(text('2022-09-16T10:00Z')).toBe('2022-09-16T10:00:00Z');
    expect(text('2022-09-16t10:00:00z')).toBe('2022-09-16T10:00:00Z');
    expect(text('2022-09-16 10:00:00+0600')).toBe('2022-09-16T10:00:00+06:00');
    expect(text('2022-09-16T10:00:00.123456-03:30')).toBe('2022-09-16T10:00:00.123456-03:30');
    expect(text('0050-06-01T10:00:00Z')).toBe('0050-06-01T10:00:00Z');
    for (const ok of ['2022-09-16T10:00Z', '0050-06-01T10:00:00Z', '2022-09-16 10:00:00+0600']) {
      const r = parseTimestamp(ok);
      expect('text' in r && Timestamp.safeParse(r.text).success, ok).toBe(true);
    }
  });

  it('refuses impossible dates and times, offsets beyond ±14:00 and instants outside years 1–9999', () => {
    expect(text('2022-02-30T10:00:00Z')).toMatch(/not a real date/);
    expect(text('2022-09-16T24:00:00Z')).toMatch(/time of day/);
    expect(text('2022-09-16T10:60:00Z')).toMatch(/time of day/);
    expect(text('2022-09-16T10:00:00+15:00')).toMatch(/-14:00 and \+14:00/);
    expect(text('2022-09-16T10:00:00+05:75')).toMatch(/offset/);
    expect(text('9999-12-31T23:00:00-05:00')).toMatch(/0001 and 9999/);
    expect(text('0001-01-01T00:30:00+01:00')).toMatch(/0001 and 9999/);
    expect(text('10000-01-01T00:00:00Z')).toMatch(/RFC 3339/);
    expect(text('2022-09-16T10:00:00\u0000Z')).toMatch(/RFC 3339/);
  });

  it('is what the contract accepts: a refused value never passes Timestamp', () => {
    for (const bad of ['2022-09-16T10:00:00+15:00', '9999-12-31T23:00:00-05:00', '2022-02-30T10:00:00Z']) expect(Timestamp.safeParse(bad).success, bad).toBe(false);
    expect(Timestamp.safeParse('2022-09-16T10:00:00+14:00').success).toBe(true);
  });
});

describe('calendar dates', () => {
  it('knows years 0001–0099 (which Date.UTC reads as 19xx) and has no year 0', () => {
    expect(isCalendarDate(50, 2, 28)).toBe(true);
    expect(isCalendarDate(4, 2, 29)).toBe(true);
    expect(isCalendarDate(0, 1, 1)).toBe(false);
    expect(IsoDate.safeParse('0000-01-01').success).toBe(false);
    expect(IsoDate.safeParse('0050-01-01').success).toBe(true);
  });
});
