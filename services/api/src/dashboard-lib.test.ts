import { describe, expect, it } from 'vitest';
import {
  alertsQuery,
  compareAlerts,
  declutter,
  dayAxis,
  localTime,
  matchesFilters,
  parseRoute,
  parseSseBlock,
  projection,
  radiusFor,
  relativeTime,
  routeHash,
  segments,
  timeLabels,
} from './public/lib.js';

describe('dashboard helpers', () => {
  it('cuts a text at every evidence boundary and keeps overlapping spans on their pieces', () => {
    const text = 'On 16 September at 06:00 fire near Kulundu';
    const spans = [
      { field: 'time', start: 0, end: 24 },
      { field: 'place', start: 35, end: 42 },
      { field: 'type', start: 25, end: 42 },
      { field: 'bad', start: 40, end: 400 },
    ];
    const parts = segments(text, spans);
    expect(parts.map((p) => p.text).join('')).toBe(text);
    expect(parts.find((p) => p.text === 'Kulundu')!.spans.map((s) => s.field).sort()).toEqual(['place', 'type']);
    expect(parts.find((p) => p.text === 'fire near ')!.spans.map((s) => s.field)).toEqual(['type']);
    expect(parts.some((p) => p.spans.some((s) => s.field === 'bad'))).toBe(false);
    expect(segments('plain', [])).toEqual([{ start: 0, end: 5, text: 'plain', spans: [] }]);
  });

  it('projects points into the frame, north up, keeping the aspect', () => {
    const pts = [
      { lat: 39.5, lon: 69.5 },
      { lat: 40.5, lon: 72.5 },
    ];
    const p = projection(pts, 800, 400, 20);
    for (const q of pts) {
      expect(p.x(q.lon)).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(p.x(q.lon)).toBeLessThanOrEqual(780 + 1e-9);
      expect(p.y(q.lat)).toBeGreaterThanOrEqual(20 - 1e-9);
      expect(p.y(q.lat)).toBeLessThanOrEqual(380 + 1e-9);
    }
    expect(p.y(40.5)).toBeLessThan(p.y(39.5));
    // One degree of longitude is shorter than one of latitude at 40°N.
    expect((p.x(72.5) - p.x(69.5)) / 3).toBeLessThan(p.y(39.5) - p.y(40.5));
  });

  it('sizes markers by the square root of the casualties claimed', () => {
    expect(radiusFor(null, null)).toBe(5);
    expect(radiusFor(4, 5)).toBe(14);
  });

  it('gives a slot to each day with data and marks the skipped days', () => {
    const axis = dayAxis(['2022-09-17', '2022-09-16', '2022-09-16', '2023-01-02']);
    expect(axis.slots).toEqual(['2022-09-16', '2022-09-17', '2023-01-02']);
    expect(axis.breaksBefore).toEqual([2]);
    expect(axis.index.get('2022-09-17')).toBe(1);
  });

  it('parses server-sent event blocks and ignores comments', () => {
    expect(parseSseBlock('id: 7\nevent: alert\ndata: {"a":1}')).toEqual({ event: 'alert', id: '7', data: '{"a":1}' });
    expect(parseSseBlock(': heartbeat')).toBeNull();
    expect(parseSseBlock('data: one\ndata: two')).toEqual({ event: 'message', id: null, data: 'one\ntwo' });
  });
});

describe('one time convention', () => {
  const now = Date.parse('2022-09-17T10:05:00Z');
  it('says how long ago, then the local time with its zone, and UTC for the title', () => {
    expect(relativeTime('2022-09-17T08:05:00Z', now)).toBe('2 h ago');
    expect(relativeTime('2022-09-17T10:04:40Z', now)).toBe('just now');
    expect(relativeTime('2022-09-17T09:50:00Z', now)).toBe('15 min ago');
    expect(relativeTime('2022-09-16T10:05:00Z', now)).toBe('24 h ago');
    expect(relativeTime('2022-09-14T10:05:00Z', now)).toBe('3 days ago');
    expect(relativeTime('2022-09-17T11:05:00Z', now)).toBe('in 1 h');
    const t = timeLabels('2022-09-17T08:05:00Z', now, 'Asia/Bishkek');
    // ICU versions spell September's short form "Sep" or "Sept".
    expect(t).toMatchObject({ relative: '2 h ago', utc: '2022-09-17 08:05 UTC' });
    expect(t.local).toMatch(/^17 Sept? 2022, 14:05 GMT\+6$/);
    expect(t.text).toBe(`2 h ago · ${t.local}`);
    expect(localTime('2022-09-17T08:05:00Z', 'UTC')).toMatch(/^17 Sept? 2022, 08:05 UTC$/);
  });
});

describe('routes and filters', () => {
  it('reads and writes the view, the alert and the filters of the URL', () => {
    expect(parseRoute('#/alerts/al_1?severity=critical&area=kg.batken&bogus=1')).toEqual({ view: 'alerts', id: 'al_1', filters: { severity: 'critical', area: 'kg.batken' } });
    expect(parseRoute('')).toEqual({ view: 'alerts', id: null, filters: {} });
    expect(parseRoute('#/map?state=all')).toEqual({ view: 'map', id: null, filters: { state: 'all' } });
    expect(parseRoute('#/statements/st%2F1')).toEqual({ view: 'statements', id: 'st/1', filters: {} });
    expect(routeHash({ view: 'alerts', id: 'al 1', filters: { state: 'firing', severity: '' } })).toBe('#/alerts/al%201?state=firing');
    const route = { view: 'alerts', id: 'al_2', filters: { severity: 'warning', agreement: 'ag_1', state: 'acknowledged' } };
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('queries and matches alerts as the API filters them', () => {
    expect(alertsQuery({})).toBe('state=open&limit=200');
    expect(alertsQuery({ state: 'all', area: 'kg.batken' }, 50)).toBe('area=kg.batken&limit=50');
    const a = { state: 'acknowledged', severity: 'critical', agreement_id: 'ag_1', area: 'kg.batken.leilek' };
    expect(matchesFilters(a, {})).toBe(true);
    expect(matchesFilters({ ...a, state: 'resolved' }, {})).toBe(false);
    expect(matchesFilters({ ...a, state: 'resolved' }, { state: 'all' })).toBe(true);
    expect(matchesFilters(a, { state: 'firing' })).toBe(false);
    expect(matchesFilters(a, { area: 'kg.batken' })).toBe(true);
    expect(matchesFilters(a, { area: 'kg.bat' })).toBe(false);
    expect(matchesFilters(a, { severity: 'warning' })).toBe(false);
    expect(matchesFilters(a, { agreement: 'ag_2' })).toBe(false);
    const list = [
      { severity: 'warning', updated_at: '2022-09-17T10:00:00Z' },
      { severity: 'critical', updated_at: '2022-09-17T08:00:00Z' },
      { severity: 'critical', updated_at: '2022-09-17T09:00:00Z' },
    ].sort(compareAlerts);
    expect(list.map((x) => x.updated_at)).toEqual(['2022-09-17T09:00:00Z', '2022-09-17T08:00:00Z', '2022-09-17T10:00:00Z']);
  });
});

describe('declutter (map markers)', () => {
  it('moves markers until no centre lies under another marker, and leaves apart ones where they are', () => {
    const markers = [
      { x: 100, y: 100, r: 20 },
      { x: 100, y: 100, r: 5 },
      { x: 100, y: 100, r: 5 },
      { x: 108, y: 102, r: 8 },
      { x: 300, y: 300, r: 5 },
    ];
    const out = declutter(markers);
    for (let i = 0; i < out.length; i++)
      for (let j = i + 1; j < out.length; j++) {
        const d = Math.hypot(out[i]!.x - out[j]!.x, out[i]!.y - out[j]!.y);
        expect(d).toBeGreaterThanOrEqual(Math.max(markers[i]!.r, markers[j]!.r) + 2.9);
      }
    expect(out[4]).toEqual({ x: 300, y: 300 });
    // Not scattered far: within a few radii of where they were.
    expect(Math.hypot(out[0]!.x - 100, out[0]!.y - 100)).toBeLessThan(40);
  });
});
