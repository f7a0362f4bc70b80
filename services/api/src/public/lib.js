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

// ---- time: one convention everywhere -------------------------------------------------------------
// Every instant is shown as "2 h ago · 17 Sep 2022, 14:05 GMT+6": how long ago, then the local
// time of the browser with its zone named; UTC is in the element's title (on hover).

/** How long ago (or ahead) `iso` is from `now` (ms), coarsely: "just now", "5 min ago", "2 h ago", "3 days ago". */
export function relativeTime(iso, now = Date.now()) {
  const ms = now - Date.parse(iso);
  const future = ms < 0;
  const s = Math.abs(ms) / 1000;
  if (s < 45) return 'just now';
  const [n, unit] =
    s < 59.5 * 60 ? [Math.round(s / 60), 'min'] : s < 36 * 3600 ? [Math.round(s / 3600), 'h'] : s < 60 * 86400 ? [Math.round(s / 86400), 'day'] : s < 730 * 86400 ? [Math.round(s / (30.44 * 86400)), 'month'] : [Math.round(s / (365.25 * 86400)), 'year'];
  const word = unit === 'min' || unit === 'h' ? unit : n === 1 ? unit : `${unit}s`;
  return future ? `in ${n} ${word}` : `${n} ${word} ago`;
}

/** The local time of `iso` in `timeZone` (the browser's when omitted), with the zone named. */
export function localTime(iso, timeZone) {
  return new Intl.DateTimeFormat('en-GB', {
    ...(timeZone ? { timeZone } : {}),
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** `iso` in UTC, to the minute: "2022-09-17 08:05 UTC". */
export function utcTime(iso) {
  return new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** The three labels of an instant: shown (`relative · local`), and `utc` for the title. */
export function timeLabels(iso, now = Date.now(), timeZone) {
  const relative = relativeTime(iso, now);
  const local = localTime(iso, timeZone);
  return { relative, local, utc: utcTime(iso), text: `${relative} · ${local}` };
}

// ---- routes and filters ---------------------------------------------------------------------------
// The page's state is in its URL: `#/alerts/<id>?severity=critical&area=kg.batken`, so a link to an
// alert can be shared and the back button works (on a phone the detail is a page of its own).

/** The alert list's filters, in URL order. `state` defaults to `open` (firing or acknowledged). */
export const FILTER_KEYS = ['severity', 'area', 'agreement', 'state'];
export const VIEWS = ['alerts', 'incidents', 'statements', 'map', 'agreements'];

/** `{ view, id, filters }` of a location hash such as `#/alerts/al_1?severity=critical`. */
export function parseRoute(hash) {
  const raw = String(hash || '').replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const pathPart = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const [first, ...rest] = pathPart.split('/').filter(Boolean);
  const view = VIEWS.includes(first) ? first : 'alerts';
  const id = rest.length && view !== 'map' && view !== 'agreements' ? decodeURIComponent(rest.join('/')) : null;
  const filters = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filters[k] = v;
  }
  return { view, id, filters };
}

/** The hash of a route; filters with no value are left out. */
export function routeHash({ view = 'alerts', id = null, filters = {} }) {
  const params = new URLSearchParams();
  for (const k of FILTER_KEYS) if (filters[k]) params.set(k, filters[k]);
  const qs = params.toString();
  return `#/${view}${id ? `/${encodeURIComponent(id)}` : ''}${qs ? `?${qs}` : ''}`;
}

/** The /v1/alerts query of the filters (`state` all: no state; none given: open). */
export function alertsQuery(filters, limit = 200) {
  const params = new URLSearchParams();
  const state = filters.state ?? 'open';
  if (state !== 'all') params.set('state', state);
  for (const k of ['severity', 'area', 'agreement']) if (filters[k]) params.set(k, filters[k]);
  params.set('limit', String(limit));
  return params.toString();
}

/** Whether an alert (REST shape) belongs in the list under `filters`, as the API would decide. */
export function matchesFilters(alert, filters) {
  const state = filters.state ?? 'open';
  if (state === 'open' ? alert.state === 'resolved' : state !== 'all' && alert.state !== state) return false;
  if (filters.severity && alert.severity !== filters.severity) return false;
  if (filters.agreement && alert.agreement_id !== filters.agreement) return false;
  if (filters.area && alert.area !== filters.area && !String(alert.area).startsWith(`${filters.area}.`)) return false;
  return true;
}

/** Severity order for the list: critical first, then by latest change. */
export const SEVERITY_RANK = { critical: 0, warning: 1, info: 2 };

export function compareAlerts(a, b) {
  const bySeverity = (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9);
  if (bySeverity !== 0) return bySeverity;
  return String(b.updated_at ?? '').localeCompare(String(a.updated_at ?? ''));
}

/**
 * Moves markers apart until no marker's centre lies under another (distance ≥ the larger radius
 * plus `gap`), so each can be pointed at; they still overlap at the rims, keeping the map compact.
 * Markers at the very same spot are first spread on a spiral. Returns new `{x, y}` per marker.
 * @param {Array<{x: number, y: number, r: number}>} markers
 */
export function declutter(markers, gap = 3, rounds = 60) {
  const out = markers.map((m) => ({ x: m.x, y: m.y, r: m.r }));
  const seen = new Map();
  for (const m of out) {
    const key = `${m.x.toFixed(1)},${m.y.toFixed(1)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    if (n > 0) {
      const angle = n * 2.4;
      const spread = 4 * Math.sqrt(n) + 2;
      m.x += spread * Math.cos(angle);
      m.y += spread * Math.sin(angle);
    }
  }
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        const a = out[i];
        const b = out[j];
        const need = Math.max(a.r, b.r) + gap;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        if (d >= need) continue;
        if (d < 1e-6) [dx, dy, d] = [Math.cos(i + j), Math.sin(i + j), 1];
        const push = (need - d) / 2 + 0.01;
        a.x -= (dx / d) * push;
        a.y -= (dy / d) * push;
        b.x += (dx / d) * push;
        b.y += (dy / d) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return out.map((m) => ({ x: m.x, y: m.y }));
}
