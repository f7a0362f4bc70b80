/**
 * An event's time as output: the local day and clock in the issuer's zone, as a UTC window with
 * its precision (the resolution of dates and clocks is `dates.ts`).
 */
import { addDays, formatOffset, type PartOfDay } from './dates.ts';
import type { Draft } from './draft.ts';
import type { EventTime, TimePrecision } from './types.ts';

const PART_WINDOWS: Record<PartOfDay, [number, number]> = {
  morning: [5 * 60, 12 * 60],
  afternoon: [12 * 60, 18 * 60],
  evening: [18 * 60, 24 * 60],
  night: [-2 * 60, 6 * 60],
};

const isoMemo = new Map<number, string>();
export function iso(ms: number): string {
  let s = isoMemo.get(ms);
  if (s === undefined) {
    s = new Date(ms).toISOString().replace('.000Z', 'Z');
    if (isoMemo.size > 4096) isoMemo.clear();
    isoMemo.set(ms, s);
  }
  return s;
}

function toUtc(dayStart: number, off: number, localMin: number): number {
  return dayStart + (localMin - off) * 60_000;
}

// Events of a statement share a few days and instants: both conversions are memoised (bounded).
const dayStartMemo = new Map<string, number>();
/** Days "YYYY-MM-DD" as UTC midnight (ms). */
export function dayStartUtc(date: string): number {
  let t = dayStartMemo.get(date);
  if (t === undefined) {
    const [y, mo, da] = date.split('-').map(Number) as [number, number, number];
    t = Date.UTC(y, mo - 1, da);
    if (dayStartMemo.size > 4096) dayStartMemo.clear();
    dayStartMemo.set(date, t);
  }
  return t;
}

export function eventTime(d: Draft, zone: EventZone): EventTime {
  let timeOfDay: string | null = null;
  let clockLocalMin: number | null = null;
  if (d.clock) {
    clockLocalMin = d.clock.hh * 60 + d.clock.mm;
    if (d.clock.offset_min !== null && zone.offset !== null) clockLocalMin += zone.offset - d.clock.offset_min;
    const m = ((clockLocalMin % 1440) + 1440) % 1440;
    timeOfDay = `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  } else if (d.part) timeOfDay = d.part;
  // "at 23:30 Moscow time on 14 September" is 02:30 on the 15th in Bishkek: a clock whose zone
  // puts it past midnight of the issuer's day moves the local day with it.
  let date = d.date;
  if (date && clockLocalMin !== null && (clockLocalMin < 0 || clockLocalMin >= 1440)) {
    const shift = Math.floor(clockLocalMin / 1440);
    date = addDays(date, shift);
    clockLocalMin -= shift * 1440;
  }
  if (!date) {
    return { date, time_of_day: timeOfDay, start_utc: null, end_utc: null, local: null, zone: zone.iana, utc_offset: zone.offset === null ? null : formatOffset(zone.offset), precision: 'unknown' };
  }
  const dayStart = dayStartUtc(date);
  const off = zone.offset ?? 0;
  let precision: TimePrecision = 'day';
  let start = toUtc(dayStart, off, 0);
  let end = toUtc(dayStart, off, 1440);
  if (clockLocalMin !== null) {
    precision = d.clock?.approx ? 'hour' : 'exact';
    const t = toUtc(dayStart, off, clockLocalMin);
    start = d.clock?.approx ? t - 30 * 60_000 : t;
    end = d.clock?.approx ? t + 30 * 60_000 : t;
  } else if (d.part) {
    precision = 'part_of_day';
    const [a, b] = PART_WINDOWS[d.part];
    start = toUtc(dayStart, off, a);
    end = toUtc(dayStart, off, b);
  }
  const offStr = zone.offset === null ? null : formatOffset(zone.offset);
  const localClock = clockLocalMin !== null ? `T${timeOfDay}:00${offStr ?? ''}` : '';
  return {
    date,
    time_of_day: timeOfDay,
    start_utc: zone.offset === null ? null : iso(start),
    end_utc: zone.offset === null ? null : iso(end),
    local: `${date}${localClock}`,
    zone: zone.iana,
    utc_offset: offStr,
    precision,
  };
}

export interface EventZone {
  iana: string | null;
  offset: number | null;
}
