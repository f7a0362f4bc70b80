// Pure helpers of the dashboard, shared with the unit tests (lib.test.ts). No DOM here.

/**
 * Splits `text` at every evidence span boundary: each piece lists the spans covering it, so
 * overlapping spans (a place inside a time phrase) both stay visible.
 * @param {string} text
 * @param {Array<{start: number, end: number, field: string}>} spans
 */
export function segments(text, spans) {
  const valid = spans.filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.start < s.end && s.start >= 0 && s.end <= text.length);
  const cuts = new Set([0, text.length]);
  for (const s of valid) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    out.push({ start, end, text: text.slice(start, end), spans: valid.filter((s) => s.start <= start && s.end >= end) });
  }
  return out;
}

/**
 * An equirectangular projection fitting the points into width × height with a margin; longitude
 * is scaled by cos(latitude) so the region keeps its shape.
 * @param {Array<{lat: number, lon: number}>} points
 */
export function projection(points, width, height, margin = 30) {
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  const minLat = Math.min(...lats);
  const maxLat = Math.max(...lats);
  const minLon = Math.min(...lons);
  const maxLon = Math.max(...lons);
  const k = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * k, 1e-6);
  const spanY = Math.max(maxLat - minLat, 1e-6);
  const scale = Math.min((width - 2 * margin) / spanX, (height - 2 * margin) / spanY);
  const offX = (width - spanX * scale) / 2;
  const offY = (height - spanY * scale) / 2;
  return {
    x: (lon) => offX + (lon - minLon) * k * scale,
    y: (lat) => height - offY - (lat - minLat) * scale,
  };
}

/**
 * The slots of a day axis that shows only days with data: `slots` sorted, `index` of each day,
 * and `breaksBefore` the slot indexes preceded by skipped days.
 * @param {string[]} days `YYYY-MM-DD`
 */
export function dayAxis(days) {
  const slots = [...new Set(days)].sort();
  const index = new Map(slots.map((d, i) => [d, i]));
  const ordinal = (d) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;
  const breaksBefore = [];
  for (let i = 1; i < slots.length; i++) if (ordinal(slots[i]) - ordinal(slots[i - 1]) > 1) breaksBefore.push(i);
  return { slots, index, breaksBefore };
}

/** Marker radius for an incident: grows with the square root of the casualties claimed. */
export function radiusFor(killed, wounded) {
  const n = (killed ?? 0) + (wounded ?? 0);
  return 5 + 3 * Math.sqrt(n);
}

/** Parses one server-sent event block (the lines between blank lines). */
export function parseSseBlock(block) {
  let event = 'message';
  let id = null;
  const data = [];
  for (const line of block.split(/\r?\n/)) {
    if (!line || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id') id = value;
  }
  return data.length ? { event, id, data: data.join('\n') } : null;
}

/** Colours of the event types (the map and its legend). */
export const TYPE_COLOURS = {
  small_arms_fire: '#f9a825',
  heavy_weapons_fire: '#d84315',
  air_or_drone_strike: '#6a1b9a',
  armed_clash: '#c62828',
  incursion: '#1565c0',
  property_destruction: '#5d4037',
  military_buildup: '#00838f',
  violation_allegation: '#757575',
  ceasefire_agreement: '#2e7d32',
};
