import { describe, expect, it } from 'vitest';
import { dayAxis, parseSseBlock, projection, radiusFor, segments } from './public/lib.js';

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
