// The dashboard: plain JavaScript, no build step, no external requests. Every text from the API
// is put in the page with textContent / createTextNode, never as HTML.
import { TYPE_COLOURS, dayAxis, parseSseBlock, projection, radiusFor, segments } from './lib.js';

const SVG = 'http://www.w3.org/2000/svg';
const TOKEN_KEY = 'ceasefire.token';
const OPERATOR_KEY = 'ceasefire.operator';
const $ = (id) => document.getElementById(id);

let token = sessionStorage.getItem(TOKEN_KEY);
let operator = sessionStorage.getItem(OPERATOR_KEY) || 'operator';
let streamAbort = null;
let gazetteer = null;

// ---- small DOM helpers ------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== undefined) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const fmtTime = (iso) => (iso ? new Date(iso).toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '—');
const label = (s) => String(s ?? '').replaceAll('_', ' ');

// ---- API --------------------------------------------------------------------------------------

class Unauthorized extends Error {}

async function api(path, init = {}) {
  const res = await fetch(path, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
  });
  if (res.status === 401) throw new Unauthorized();
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error(body?.message ?? `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return body;
}

function placeName(id) {
  const p = gazetteer?.places.find((x) => x.id === id);
  return p ? p.name : id;
}

/** Coordinates of an area id: its own, else its nearest ancestor's that has some. */
function coordsOf(areaId) {
  let id = areaId;
  while (id) {
    const p = gazetteer?.places.find((x) => x.id === id);
    if (p && p.lat !== null && p.lon !== null) return { lat: p.lat, lon: p.lon };
    id = p?.parent ?? (id.includes('.') ? id.slice(0, id.lastIndexOf('.')) : null);
  }
  return null;
}

// ---- login ------------------------------------------------------------------------------------

function showLogin(message = '') {
  $('login').hidden = false;
  $('login-error').textContent = message;
  $('login-token').focus();
}

$('login-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  token = $('login-token').value.trim();
  operator = $('login-operator').value.trim() || 'operator';
  try {
    await api('/v1/agreements?limit=1');
  } catch (err) {
    showLogin(err instanceof Unauthorized ? 'That token is not accepted.' : `The API does not answer: ${err.message}`);
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(OPERATOR_KEY, operator);
  $('login').hidden = true;
  start();
});

$('logout').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  token = null;
  streamAbort?.abort();
  showLogin();
});

function handleError(err) {
  if (err instanceof Unauthorized) {
    sessionStorage.removeItem(TOKEN_KEY);
    streamAbort?.abort();
    showLogin('Your token is no longer accepted; enter it again.');
    return;
  }
  console.error(err);
}

// ---- alerts -----------------------------------------------------------------------------------

/** Alerts shown, by id, in the REST shape (the stream's messages are mapped onto it). */
const alerts = new Map();

function fromMessage(msg) {
  const a = msg.data;
  return {
    id: a.alert_id,
    agreement_id: a.agreement_id,
    area: a.area,
    severity: a.severity,
    state: a.state,
    summary: a.summary,
    event_count: a.event_count,
    incident_count: a.incident_count ?? a.event_count,
    killed: a.killed,
    updated_at: a.updated_at,
    opened_at: a.opened_at,
    acknowledged_by: a.acknowledged_by ?? null,
  };
}

function renderAlerts() {
  const list = $('alerts');
  const open = [...alerts.values()].filter((a) => a.state !== 'resolved').sort((a, b) => (b.updated_at ?? '').localeCompare(a.updated_at ?? ''));
  list.replaceChildren(...open.map(alertItem));
  $('alerts-empty').hidden = open.length > 0;
}

function alertItem(a) {
  const ack =
    a.state === 'firing'
      ? el('button', { class: 'ack', type: 'button', onclick: (e) => (e.stopPropagation(), acknowledge(a.id, e.currentTarget)) }, 'Acknowledge')
      : el('span', { class: 'acked' }, a.acknowledged_by ? `by ${a.acknowledged_by}` : '');
  return el(
    'li',
    { class: `alert${a.fresh ? ' fresh' : ''}`, 'data-alert-id': a.id, 'data-severity': a.severity, 'data-state': a.state, onclick: () => showAlert(a.id) },
    el('div', { class: 'row' }, el('span', { class: `badge ${a.severity}` }, a.severity), el('strong', {}, placeName(a.area)), el('span', { class: 'state' }, a.state), ack),
    el('div', { class: 'summary' }, a.summary || '(no summary)'),
    el(
      'div',
      { class: 'meta' },
      `${a.incident_count} incident(s), ${a.event_count} report(s)${a.killed ? `, up to ${a.killed} killed claimed` : ''} · updated ${fmtTime(a.updated_at)}`,
    ),
  );
}

async function loadAlerts() {
  const page = await api('/v1/alerts?state=open&limit=100');
  alerts.clear();
  for (const a of page.items) alerts.set(a.id, a);
  renderAlerts();
}

async function acknowledge(id, button) {
  button.disabled = true;
  try {
    const updated = await api(`/v1/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST', body: JSON.stringify({ by: operator }) });
    alerts.set(id, updated);
  } catch (err) {
    if (err instanceof Unauthorized) return handleError(err);
    // 409: someone else acknowledged or it resolved meanwhile; show what is stored now.
    const current = await api(`/v1/alerts/${encodeURIComponent(id)}`).catch(() => null);
    if (current) alerts.set(id, current);
  }
  renderAlerts();
}

async function showAlert(id) {
  try {
    const a = await api(`/v1/alerts/${encodeURIComponent(id)}`);
    $('detail-title').textContent = `Alert: ${placeName(a.area)}`;
    $('detail').className = '';
    $('detail').replaceChildren(
      el('p', {}, a.summary),
      el('p', { class: 'muted' }, `${a.state}, ${a.severity}; agreement ${a.agreement_name ?? a.agreement_id}; opened ${fmtTime(a.opened_at)}`),
      eventsTable(a.events),
      el('h3', {}, 'History'),
      el('ul', { class: 'list' }, ...a.transitions.map((t) => el('li', {}, `${fmtTime(t.at)}: ${t.from ?? '—'} → ${t.to} by ${t.by}${t.reason ? ` (${t.reason})` : ''}`))),
      el('h3', {}, 'Deliveries'),
      el('ul', { class: 'list' }, ...a.deliveries.map((d) => el('li', {}, `${d.channel} ${d.notification} #${d.attempt}: ${d.status}${d.error ? ` (${d.error})` : ''}`))),
    );
  } catch (err) {
    handleError(err);
  }
}

// ---- live stream ------------------------------------------------------------------------------

function setLive(state) {
  $('live-status').dataset.state = state;
  $('live-status').textContent = state;
}

let refreshTimer = null;
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void Promise.all([loadIncidents(), loadTimeline(), loadAgreements()]).catch(handleError), 500);
}

function onStreamEvent(evt) {
  if (evt.event === 'ready') {
    setLive('live');
    // Whatever happened while disconnected is in the database.
    void loadAlerts().catch(handleError);
    return;
  }
  if (evt.event !== 'alert') return;
  const a = fromMessage(JSON.parse(evt.data));
  alerts.set(a.id, { ...alerts.get(a.id), ...a, fresh: true });
  renderAlerts();
  refreshSoon();
}

/**
 * Reads /v1/alerts/stream with fetch rather than EventSource, which cannot send the bearer
 * header (a token in the URL would end up in logs). Reconnects with backoff.
 */
async function stream() {
  streamAbort?.abort();
  const abort = new AbortController();
  streamAbort = abort;
  let delay = 1000;
  while (!abort.signal.aborted) {
    setLive('connecting');
    try {
      const res = await fetch('/v1/alerts/stream', { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
      if (res.status === 401) throw new Unauthorized();
      if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
      delay = 1000;
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let cut;
        while ((cut = buffer.search(/\r?\n\r?\n/)) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut).replace(/^\r?\n\r?\n/, '');
          const evt = parseSseBlock(block);
          if (evt) onStreamEvent(evt);
        }
      }
    } catch (err) {
      if (err instanceof Unauthorized) return handleError(err);
      if (abort.signal.aborted) return;
    }
    setLive('offline');
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 30_000);
  }
}

// ---- map --------------------------------------------------------------------------------------

let incidents = [];

function renderMap() {
  const map = $('map');
  const W = 800;
  const H = 460;
  map.replaceChildren();
  if (!gazetteer) return;
  // The border area: the profile's settlements and districts (capitals far away left out).
  const local = gazetteer.places.filter((p) => p.lat !== null && p.lon !== null && (p.kind === 'settlement' || p.kind === 'district'));
  if (local.length === 0) return;
  const proj = projection(local, W, H, 40);
  // No border line is drawn: the gazetteer has points, not boundaries, and a guessed line would
  // mislead. Places are coloured by the country they belong to instead.
  const partyColour = new Map(gazetteer.parties.map((p, i) => [p.code, ['#1e6fd9', '#8e24aa', '#2e7d32'][i % 3]]));
  for (const p of local.filter((p) => p.kind === 'settlement')) {
    const dot = svg('circle', { class: 'place-dot', cx: proj.x(p.lon), cy: proj.y(p.lat), r: 2.5, fill: partyColour.get(p.country) ?? '#999' });
    dot.append(svg('title', {}, `${p.name} (${p.country})`));
    map.append(dot);
  }
  for (const p of local.filter((p) => p.kind === 'district')) {
    map.append(svg('text', { class: 'district-label', x: proj.x(p.lon), y: proj.y(p.lat) - 8, 'text-anchor': 'middle' }, p.name.replace(/ district$/, '')));
  }
  // Incidents sharing a position are spread on a small circle so each stays clickable.
  const seen = new Map();
  for (const i of incidents) {
    const c = i.lat !== null && i.lon !== null ? { lat: i.lat, lon: i.lon } : coordsOf(i.area);
    if (!c) continue;
    const key = `${c.lat.toFixed(3)},${c.lon.toFixed(3)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    const angle = n * 2.4;
    const spread = n === 0 ? 0 : 6 + 2 * Math.sqrt(n);
    const circle = svg('circle', {
      class: 'incident',
      'data-incident-id': i.id,
      'data-type': i.type,
      cx: proj.x(c.lon) + spread * Math.cos(angle),
      cy: proj.y(c.lat) + spread * Math.sin(angle),
      r: radiusFor(i.max_killed_claimed, i.max_wounded_claimed),
      fill: TYPE_COLOURS[i.type] ?? '#555',
    });
    circle.append(
      svg('title', {}, `${i.day} ${label(i.type)} in ${placeName(i.area)}: ${i.report_count} report(s), ${label(i.corroboration)}${i.max_killed_claimed ? `, up to ${i.max_killed_claimed} killed claimed` : ''}`),
    );
    circle.addEventListener('click', () => showIncident(i.id));
    map.append(circle);
  }
  const types = [...new Set(incidents.map((i) => i.type))];
  const entry = (colour, text, small) => {
    const dot = el('i');
    dot.style.background = colour;
    if (small) dot.style.transform = 'scale(0.5)';
    return el('span', {}, dot, text);
  };
  $('map-legend').replaceChildren(
    ...types.map((t) => entry(TYPE_COLOURS[t] ?? '#555', label(t), false)),
    ...[...partyColour].map(([code, colour]) => entry(colour, `places in ${gazetteer.parties.find((p) => p.code === code)?.name ?? code}`, true)),
  );
}

async function loadIncidents() {
  const page = await api('/v1/incidents?limit=500');
  incidents = page.items;
  renderMap();
}

async function showIncident(id) {
  try {
    const i = await api(`/v1/incidents/${encodeURIComponent(id)}`);
    $('detail-title').textContent = `Incident: ${label(i.type)}, ${placeName(i.area)}, ${i.day}`;
    $('detail').className = '';
    $('detail').replaceChildren(
      el('p', { class: 'muted' }, `${label(i.corroboration)}; reported by ${i.sides.join(', ') || '—'}; accused ${i.accused_parties.join(', ') || '—'}`),
      eventsTable(i.reports),
    );
  } catch (err) {
    handleError(err);
  }
}

// ---- timeline ---------------------------------------------------------------------------------

async function loadTimeline() {
  const { items } = await api('/v1/stats/violations-per-day');
  const chart = $('timeline');
  chart.replaceChildren();
  if (items.length === 0) {
    chart.append(svg('text', { x: 400, y: 110, 'text-anchor': 'middle', fill: '#6b7480' }, 'no violations recorded'));
    $('timeline-legend').replaceChildren();
    return;
  }
  const W = 800;
  const H = 220;
  const left = 30;
  const bottom = 30;
  // Only days with violations get a slot, with a break mark where days are skipped: an
  // escalation of a few days stays readable beside a quiet year.
  const axis = dayAxis(items.map((r) => r.day));
  const perDay = new Map();
  for (const r of items) perDay.set(r.day, (perDay.get(r.day) ?? 0) + r.incidents);
  const max = Math.max(...perDay.values(), 1);
  const areas = [...new Set(items.map((r) => r.area))].sort();
  const palette = ['#1e6fd9', '#c62828', '#ef8f00', '#2e7d32', '#6a1b9a', '#00838f', '#5d4037', '#ad1457', '#558b2f', '#455a64'];
  const colour = (a) => palette[areas.indexOf(a) % palette.length];
  const slot = (W - left - 10) / axis.slots.length;
  const bw = Math.min(40, Math.max(2, slot - 6));
  const x = (d) => left + axis.index.get(d) * slot + (slot - bw) / 2;
  const y = (n) => H - bottom - (n * (H - bottom - 10)) / max;
  chart.append(svg('line', { x1: left, y1: H - bottom, x2: W - 5, y2: H - bottom, stroke: '#999' }));
  chart.append(svg('text', { x: left - 4, y: y(max) + 4, 'text-anchor': 'end', 'font-size': 11 }, String(max)));
  for (const i of axis.breaksBefore) {
    const bx = left + i * slot;
    chart.append(svg('line', { class: 'gap-mark', x1: bx - 3, y1: H - bottom + 5, x2: bx + 1, y2: H - bottom - 5 }));
    chart.append(svg('line', { class: 'gap-mark', x1: bx + 1, y1: H - bottom + 5, x2: bx + 5, y2: H - bottom - 5 }));
  }
  const stacked = new Map();
  for (const r of [...items].sort((a, b) => a.area.localeCompare(b.area))) {
    const base = stacked.get(r.day) ?? 0;
    stacked.set(r.day, base + r.incidents);
    const rect = svg('rect', { class: 'bar', 'data-day': r.day, 'data-area': r.area, x: x(r.day), y: y(base + r.incidents), width: bw, height: y(base) - y(base + r.incidents), fill: colour(r.area) });
    rect.append(svg('title', {}, `${r.day} ${placeName(r.area)}: ${r.incidents} incident(s), ${r.reports} report(s)`));
    chart.append(rect);
  }
  const every = Math.max(1, Math.ceil(axis.slots.length / 10));
  axis.slots.forEach((d, i) => {
    if (i % every === 0 || axis.breaksBefore.includes(i)) {
      chart.append(svg('text', { x: x(d) + bw / 2, y: H - 12, 'text-anchor': 'middle', 'font-size': 11 }, d));
    }
  });
  $('timeline-legend').replaceChildren(
    ...areas.map((a) => {
      const dot = el('i');
      dot.style.background = colour(a);
      return el('span', {}, dot, placeName(a));
    }),
  );
}

// ---- agreements -------------------------------------------------------------------------------

async function loadAgreements() {
  const { items } = await api('/v1/agreements?status=in_force');
  $('agreements').replaceChildren(
    ...items.map((a) =>
      el(
        'li',
        { class: 'agreement', 'data-agreement-id': a.id },
        el('strong', {}, a.name ?? a.id),
        el('div', { class: 'meta' }, `${a.parties.join(' – ')} · ${label(a.level)} · from ${fmtTime(a.starts_at)}${a.ends_at ? ` to ${fmtTime(a.ends_at)}` : ''}`),
        el('div', { class: 'meta' }, `scope: ${a.whole_border ? 'whole border' : a.scope_areas.map(placeName).join(', ')}; terms: ${a.terms.map(label).join(', ')}`),
        a.breaches ? el('div', { class: 'meta' }, `${a.breaches.breach_incidents} breach incident(s), ${a.breaches.open_alerts} open alert(s)`) : null,
      ),
    ),
  );
  $('agreements-empty').hidden = items.length > 0;
}

// ---- statement view ---------------------------------------------------------------------------

function eventsTable(events) {
  if (!events.length) return el('p', { class: 'muted' }, 'No reports.');
  return el(
    'table',
    { class: 'events-table' },
    el('tr', {}, el('th', {}, 'when'), el('th', {}, 'what'), el('th', {}, 'who says'), el('th', {}, 'statement')),
    ...events.map((e) =>
      el(
        'tr',
        {},
        el('td', {}, e.occurred_local ?? e.date ?? fmtTime(e.at)),
        el('td', {}, `${label(e.type)} in ${placeName(e.area)}${e.accused_party ? `, blames ${e.accused_party}` : ''}${e.killed ? `, ${e.killed} killed` : ''}${e.wounded ? `, ${e.wounded} wounded` : ''}`),
        el('td', {}, `${e.reporter_agency ?? e.source_agency ?? '—'} (${e.reported_by ?? '?'})`),
        el('td', {}, el('a', { class: 'link', 'data-statement-id': e.statement_id, onclick: () => showStatement(e.statement_id) }, 'read')),
      ),
    ),
  );
}

async function showStatement(id) {
  try {
    const s = await api(`/v1/statements/${encodeURIComponent(id)}`);
    const spans = s.events.flatMap((e, n) => e.evidence.map((ev) => ({ ...ev, event: n + 1 })));
    const text = el('div', { class: 'statement-text', id: 'statement-text' });
    for (const seg of segments(s.text, spans)) {
      if (seg.spans.length === 0) {
        text.append(document.createTextNode(seg.text));
      } else {
        const fields = [...new Set(seg.spans.map((sp) => sp.field))];
        text.append(
          el('mark', { class: fields.map((f) => `ev-${f}`).join(' '), title: seg.spans.map((sp) => `event ${sp.event}: ${sp.field}`).join('; ') }, seg.text),
        );
      }
    }
    $('detail-title').textContent = `Statement: ${s.source_agency ?? 'unknown source'}`;
    $('detail').className = '';
    $('detail').replaceChildren(
      el('p', { class: 'muted' }, `published ${fmtTime(s.published_at)}${s.published_zone ? ` (${s.published_zone})` : ''} · ${s.language}${s.url ? ` · ${s.url}` : ''}`),
      text,
      el('p', { class: 'legend' }, ...['type', 'time', 'place', 'party', 'casualties', 'weapon'].map((f) => el('mark', { class: `ev-${f}` }, f))),
      eventsTable(s.events),
    );
  } catch (err) {
    handleError(err);
  }
}

// ---- start ------------------------------------------------------------------------------------

async function start() {
  $('operator-name').textContent = operator;
  try {
    gazetteer = await api('/v1/gazetteer');
    await Promise.all([loadAlerts(), loadIncidents(), loadTimeline(), loadAgreements()]);
  } catch (err) {
    handleError(err);
    if (err instanceof Unauthorized) return;
  }
  void stream();
}

if (token) start();
else showLogin();
