// The console of the person on duty: plain JavaScript, no build step, no external requests. Every
// text from the API is put in the page with textContent / createTextNode, never as HTML.
// Its state is in the URL (lib.js parseRoute): `#/alerts/<id>?severity=…` selects an alert and
// filters the list; on a narrow screen each view (list, detail, map, agreements) is a page of its own.
import {
  TYPE_COLOURS,
  alertsQuery,
  compareAlerts,
  dayAxis,
  declutter,
  matchesFilters,
  parseRoute,
  parseSseBlock,
  projection,
  radiusFor,
  routeHash,
  segments,
  timeLabels,
} from './lib.js';

const SVG = 'http://www.w3.org/2000/svg';
const TOKEN_KEY = 'ceasefire.token';
const OPERATOR_KEY = 'ceasefire.operator';
/** Without a stream chunk (heartbeats included) for this long, the data is called stale. */
const STALE_AFTER_MS = 45_000;
const $ = (id) => document.getElementById(id);

let token = sessionStorage.getItem(TOKEN_KEY);
let operator = sessionStorage.getItem(OPERATOR_KEY) || 'operator';
let streamAbort = null;
let gazetteer = null;
let route = parseRoute(location.hash);
/** When the page last knew it had the latest data (a load, a stream event or heartbeat). */
let syncedAt = null;
let live = 'offline';
/** Since when the stream has not been live: a (re)connection of a few seconds is not staleness. */
let notLiveSince = Date.now();
const RECONNECT_GRACE_MS = 5_000;

// ---- small DOM helpers ------------------------------------------------------------------------

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c !== null && c !== undefined && c !== false) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function svg(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** An instant in the one convention of the page: "2 h ago · 17 Sep 2022, 14:05 GMT+6", UTC on hover. */
function time(iso) {
  if (!iso) return el('span', { class: 'muted' }, '—');
  const t = timeLabels(iso);
  return el('time', { datetime: iso, title: t.utc, 'data-relative': '' }, t.text);
}

/** Relative times age: refreshed every 30 s. */
setInterval(() => {
  for (const node of document.querySelectorAll('time[data-relative]')) node.textContent = timeLabels(node.getAttribute('datetime')).text;
  renderFreshness();
}, 30_000);

const label = (s) => String(s ?? '').replaceAll('_', ' ');

/** The loading, empty and error states of a panel, each distinct (`data-state` for tests and styles). */
function setViewState(id, state, message, action) {
  const box = $(id);
  box.dataset.state = state;
  if (state === 'ready') return box.replaceChildren();
  const role = state === 'error' ? 'alert' : 'status';
  box.replaceChildren(
    el('p', { class: `state-${state}`, role }, state === 'loading' ? el('span', { class: 'spinner', 'aria-hidden': 'true' }) : null, message, action ? ' ' : null, action),
  );
}

function announce(text) {
  $('announcer').textContent = text;
}

// ---- API --------------------------------------------------------------------------------------

class Unauthorized extends Error {}

async function api(path, init = {}) {
  let res;
  try {
    res = await fetch(path, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
    });
  } catch {
    throw new Error('the server does not answer');
  }
  if (res.status === 401) throw new Unauthorized();
  const body = await res.json().catch(() => null);
  if (!res.ok) {
    const err = new Error(body?.message ?? `HTTP ${res.status}`);
    err.status = res.status;
    throw err;
  }
  return body;
}

const describeError = (err) => (err.status ? `${err.message} (HTTP ${err.status})` : err.message);

function placeName(id) {
  const p = gazetteer?.places.find((x) => x.id === id);
  if (p) return p.name;
  // The border as a whole (`kg-tj.border`) is an area of the events, not a place of the gazetteer.
  const border = /^([a-z]+)-([a-z]+)\.border$/.exec(String(id));
  return border ? `${border[1].toUpperCase()}–${border[2].toUpperCase()} border` : id;
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

/** True when the error was the token's (the login is shown); other errors are the caller's to show. */
function unauthorized(err) {
  if (!(err instanceof Unauthorized)) return false;
  sessionStorage.removeItem(TOKEN_KEY);
  streamAbort?.abort();
  showLogin('Your token is no longer accepted; enter it again.');
  return true;
}

// ---- freshness: live pill, data age, stale banner ---------------------------------------------------

/** The last load of the alerts failed: heartbeats then do not make the data current. */
let loadFailed = false;

function synced() {
  if (loadFailed) return renderFreshness();
  syncedAt = Date.now();
  renderFreshness();
}

function setLive(state) {
  if (state !== 'live' && live === 'live') notLiveSince = Date.now();
  if (state !== 'live') setTimeout(renderFreshness, RECONNECT_GRACE_MS + 100);
  live = state;
  $('live-status').dataset.state = state;
  $('live-status').textContent = state === 'live' ? 'live' : state === 'connecting' ? 'connecting…' : 'offline';
  renderFreshness();
}

function renderFreshness() {
  const age = syncedAt === null ? null : Date.now() - syncedAt;
  $('data-age').textContent = loadFailed
    ? `alerts not loaded${syncedAt === null ? '' : `; data as of ${timeLabels(new Date(syncedAt).toISOString()).relative}`}`
    : syncedAt === null
      ? ''
      : `data as of ${timeLabels(new Date(syncedAt).toISOString()).relative}`;
  const stale = syncedAt !== null && ((live !== 'live' && Date.now() - notLiveSince > RECONNECT_GRACE_MS) || age > STALE_AFTER_MS);
  const banner = $('stale-banner');
  banner.hidden = !stale;
  document.body.dataset.stale = String(stale);
  if (stale) {
    const iso = new Date(syncedAt).toISOString();
    const t = timeLabels(iso);
    banner.replaceChildren(
      el('strong', {}, 'Stale data. '),
      `Live updates are interrupted; what you see is from ${t.relative} (`,
      el('time', { datetime: iso, title: t.utc }, t.local),
      '). Reconnecting…',
    );
  }
}

// ---- alerts -----------------------------------------------------------------------------------

/** Alerts of the current list, by id, in the REST shape (stream messages are mapped onto it). */
const alerts = new Map();
let alertsLoaded = false;
let counts = null;

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
    first_event_at: a.first_event_at ?? null,
    acknowledged_by: a.acknowledged_by ?? null,
  };
}

function renderAlerts() {
  const list = $('alerts');
  const shown = [...alerts.values()].filter((a) => matchesFilters(a, route.filters)).sort(compareAlerts);
  list.replaceChildren(...shown.map(alertItem));
  if (!alertsLoaded) return;
  if (shown.length > 0) return setViewState('alerts-state', 'ready');
  const filtered = ['severity', 'area', 'agreement'].some((k) => route.filters[k]) || (route.filters.state && route.filters.state !== 'open');
  if (filtered) setViewState('alerts-state', 'empty', 'No alerts match these filters.', el('button', { type: 'button', onclick: () => setFilters({}) }, 'Clear filters'));
  else setViewState('alerts-state', 'empty', 'No open alerts: nothing is firing or waiting for acknowledgement.');
}

function alertItem(a) {
  const selected = route.view === 'alerts' && route.id === a.id;
  const started = a.first_event_at ?? a.opened_at;
  const link = el(
    'a',
    { class: 'alert-link', href: routeHash({ view: 'alerts', id: a.id, filters: route.filters }), 'aria-current': selected ? 'page' : null },
    el(
      'span',
      { class: 'row' },
      el('span', { class: `badge ${a.severity}` }, a.severity),
      el('strong', { class: 'place' }, placeName(a.area)),
      el('span', { class: `state state-${a.state}` }, a.state === 'acknowledged' && a.acknowledged_by ? `acknowledged by ${a.acknowledged_by}` : a.state),
    ),
    el('span', { class: 'summary' }, a.summary || '(no summary)'),
    el('span', { class: 'meta' }, 'Breach started ', time(started)),
    el(
      'span',
      { class: 'meta' },
      `${a.incident_count} incident${a.incident_count === 1 ? '' : 's'}, ${a.event_count} report${a.event_count === 1 ? '' : 's'}${a.killed ? `, up to ${a.killed} killed claimed` : ''}${a.agreement_name ? ` · ${a.agreement_name}` : ''}`,
    ),
  );
  const ack =
    a.state === 'firing'
      ? el('button', { class: 'ack', type: 'button', 'aria-label': `Acknowledge the ${a.severity} alert in ${placeName(a.area)}`, onclick: (e) => acknowledge(a.id, e.currentTarget) }, 'Acknowledge')
      : null;
  return el('li', { class: `alert${a.fresh ? ' fresh' : ''}${selected ? ' selected' : ''}`, 'data-alert-id': a.id, 'data-severity': a.severity, 'data-state': a.state }, link, ack);
}

/** Loads are numbered: an answer to an older load (filters changed since) is dropped. */
let alertsLoad = 0;

async function loadAlerts() {
  const seq = ++alertsLoad;
  if (!alertsLoaded) setViewState('alerts-state', 'loading', 'Loading alerts…');
  try {
    const page = await api(`/v1/alerts?${alertsQuery(route.filters)}`);
    if (seq !== alertsLoad) return;
    loadFailed = false;
    alerts.clear();
    for (const a of page.items) alerts.set(a.id, a);
    alertsLoaded = true;
    synced();
    renderAlerts();
  } catch (err) {
    if (unauthorized(err) || seq !== alertsLoad) return;
    alertsLoaded = false;
    loadFailed = true;
    renderFreshness();
    $('alerts').replaceChildren();
    setViewState('alerts-state', 'error', `The alerts could not be loaded: ${describeError(err)}.`, el('button', { type: 'button', onclick: () => void loadAlerts() }, 'Try again'));
  }
  void loadCounts();
}

async function loadCounts() {
  const params = new URLSearchParams();
  for (const k of ['area', 'agreement']) if (route.filters[k]) params.set(k, route.filters[k]);
  try {
    counts = await api(`/v1/alerts/counts?${params}`);
  } catch (err) {
    if (unauthorized(err)) return;
    counts = null;
  }
  renderCounts();
}

function renderCounts() {
  const box = $('severity-counts');
  if (!counts) return box.replaceChildren(el('span', { class: 'muted' }, 'Counts unavailable'));
  const state = route.filters.state ?? 'open';
  const row = state === 'all' ? sumCounts(counts) : counts[state] ?? counts.open;
  box.replaceChildren(
    ...['critical', 'warning', 'info'].map((s) =>
      el(
        'button',
        {
          type: 'button',
          class: `count ${s}`,
          'data-severity': s,
          'aria-pressed': String(route.filters.severity === s),
          onclick: () => setFilters({ ...route.filters, severity: route.filters.severity === s ? '' : s }),
        },
        el('span', { class: 'n' }, String(row[s])),
        ` ${s}`,
      ),
    ),
    el('span', { class: 'muted count-label' }, state === 'all' ? 'alerts in all states' : `${state} alerts`),
  );
}

const sumCounts = (c) => Object.fromEntries(['critical', 'warning', 'info'].map((s) => [s, c.firing[s] + c.acknowledged[s] + c.resolved[s]]));

async function acknowledge(id, button) {
  button.disabled = true;
  button.textContent = 'Acknowledging…';
  try {
    const updated = await api(`/v1/alerts/${encodeURIComponent(id)}/ack`, { method: 'POST', body: JSON.stringify({ by: operator }) });
    alerts.set(id, updated);
    announce(`Alert in ${placeName(updated.area)} acknowledged.`);
  } catch (err) {
    if (unauthorized(err)) return;
    // 409: someone else acknowledged or it resolved meanwhile; show what is stored now.
    const current = await api(`/v1/alerts/${encodeURIComponent(id)}`).catch(() => null);
    if (current) alerts.set(id, current);
    else announce(`The acknowledgement failed: ${describeError(err)}`);
  }
  renderAlerts();
  void loadCounts();
  if (route.id === id) void showAlert(id);
}

/** An alert as the database has it now (pushed by the stream): the list, counts and detail follow. */
function alertChanged(a, { fresh = true } = {}) {
  const before = alerts.get(a.id);
  alerts.set(a.id, { ...before, ...a, fresh });
  if (!before) announce(`New ${a.severity} alert in ${placeName(a.area)}: ${a.summary}`);
  else if (before.severity !== a.severity || before.state !== a.state) announce(`Alert in ${placeName(a.area)} is now ${a.severity}, ${a.state}.`);
  renderAlerts();
  countsSoon();
  if (route.view === 'alerts' && route.id === a.id) detailSoon(a.id);
}

let countsTimer = null;
function countsSoon() {
  clearTimeout(countsTimer);
  countsTimer = setTimeout(() => void loadCounts(), 300);
}

let detailTimer = null;
function detailSoon(id) {
  clearTimeout(detailTimer);
  detailTimer = setTimeout(() => route.id === id && void showAlert(id, { quiet: true }), 300);
}

// ---- detail: alert, incident, statement ----------------------------------------------------------

function detail(title, ...children) {
  $('detail-title').textContent = title;
  $('detail').className = '';
  $('detail').replaceChildren(...children);
}

function detailLoading(what) {
  $('detail').className = '';
  $('detail').replaceChildren(el('p', { class: 'state-loading', role: 'status' }, el('span', { class: 'spinner', 'aria-hidden': 'true' }), `Loading the ${what}…`));
}

function detailError(what, err, retry) {
  if (unauthorized(err)) return;
  $('detail').replaceChildren(
    el('p', { class: 'state-error', role: 'alert' }, err.status === 404 ? `There is no such ${what}.` : `The ${what} could not be loaded: ${describeError(err)}.`, ' ', err.status === 404 ? null : el('button', { type: 'button', onclick: retry }, 'Try again')),
  );
}

function facts(...pairs) {
  return el('dl', { class: 'facts' }, ...pairs.filter(Boolean).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

async function showAlert(id, { quiet = false } = {}) {
  if (!quiet) detailLoading('alert');
  try {
    const a = await api(`/v1/alerts/${encodeURIComponent(id)}`);
    if (route.id !== id) return;
    alerts.set(a.id, { ...alerts.get(a.id), ...a });
    renderAlerts();
    const ack =
      a.state === 'firing'
        ? el('button', { class: 'ack', type: 'button', onclick: (e) => acknowledge(a.id, e.currentTarget) }, 'Acknowledge')
        : null;
    detail(
      `${label(a.severity)} alert: ${placeName(a.area)}`,
      el('p', { class: 'lead' }, el('span', { class: `badge ${a.severity}` }, a.severity), ' ', el('span', { class: `state state-${a.state}` }, a.state), ' ', ack),
      el('p', {}, a.summary),
      facts(
        ['Breach started', time(a.first_event_at ?? a.opened_at)],
        ['Latest breach', time(a.last_event_at)],
        ['Alert opened', time(a.opened_at)],
        ['Last change', time(a.updated_at)],
        ['Agreement', `${a.agreement_name ?? a.agreement_id}${a.proposed_agreement ? ' (proposed, not yet in force)' : ''}`],
        ['Area', placeName(a.area)],
        ['Extent', `${a.incident_count} incident(s), ${a.event_count} report(s)${a.killed ? `, up to ${a.killed} killed claimed` : ''}`],
        a.escalations.length ? ['Escalated by', a.escalations.join(', ')] : null,
        a.untimed_allegation ? ['Note', 'an allegation without a time: it may predate the agreement'] : null,
        a.acknowledged_at ? ['Acknowledged', el('span', {}, time(a.acknowledged_at), ` by ${a.acknowledged_by ?? '—'}`)] : null,
        a.resolved_at ? ['Resolved', time(a.resolved_at)] : null,
      ),
      el('h3', {}, 'Reports'),
      eventsTable(a.events),
      el('h3', {}, 'History'),
      a.transitions.length
        ? el('ol', { class: 'list history' }, ...a.transitions.map((t) => el('li', {}, time(t.at), ` ${t.from ?? '—'} → ${t.to} by ${t.by}${t.reason ? ` (${t.reason})` : ''}`)))
        : el('p', { class: 'muted' }, 'No state change yet.'),
      el('h3', {}, 'Deliveries'),
      a.deliveries.length
        ? el(
            'ul',
            { class: 'list' },
            ...a.deliveries.map((d) => el('li', {}, time(d.attempted_at ?? d.created_at), ` ${d.channel}, ${d.notification} #${d.attempt}: ${d.status}${d.error ? ` (${d.error})` : ''}`)),
          )
        : el('p', { class: 'muted' }, 'No delivery yet.'),
    );
  } catch (err) {
    detailError('alert', err, () => void showAlert(id));
  }
}

async function showIncident(id) {
  detailLoading('incident');
  try {
    const i = await api(`/v1/incidents/${encodeURIComponent(id)}`);
    detail(
      `Incident: ${label(i.type)}, ${placeName(i.area)}, ${i.day}`,
      facts(
        ['Corroboration', label(i.corroboration)],
        ['Reported by', i.sides.join(', ') || '—'],
        ['Accused', i.accused_parties.join(', ') || '—'],
        ['First report', time(i.first_reported_at)],
      ),
      eventsTable(i.reports),
    );
  } catch (err) {
    detailError('incident', err, () => void showIncident(id));
  }
}

async function showStatement(id) {
  detailLoading('statement');
  try {
    const s = await api(`/v1/statements/${encodeURIComponent(id)}`);
    const spans = s.events.flatMap((e, n) => e.evidence.map((ev) => ({ ...ev, event: n + 1 })));
    const text = el('div', { class: 'statement-text', id: 'statement-text', tabindex: '0', 'aria-label': 'Statement text with the evidence highlighted' });
    for (const seg of segments(s.text, spans)) {
      if (seg.spans.length === 0) {
        text.append(document.createTextNode(seg.text));
      } else {
        const fields = [...new Set(seg.spans.map((sp) => sp.field))];
        text.append(el('mark', { class: fields.map((f) => `ev-${f}`).join(' '), title: seg.spans.map((sp) => `event ${sp.event}: ${sp.field}`).join('; ') }, seg.text));
      }
    }
    detail(
      `Statement: ${s.source_agency ?? 'unknown source'}`,
      facts(['Published', time(s.published_at)], ['Language', s.language], s.url ? ['Link', s.url] : null),
      text,
      el('p', { class: 'legend' }, ...['type', 'time', 'place', 'party', 'casualties', 'weapon'].map((f) => el('mark', { class: `ev-${f}` }, f))),
      eventsTable(s.events),
    );
  } catch (err) {
    detailError('statement', err, () => void showStatement(id));
  }
}

/**
 * When an event happened, as precisely as its statement says: an instant only for an exact time
 * or hour (a day's 00:00 would claim a time nobody gave), else the reporter's day and words.
 */
function eventWhen(e) {
  if (e.occurred_start && (e.time_precision === 'exact' || e.time_precision === 'hour')) return time(e.occurred_start);
  if (e.date) return `${e.date}${e.time_precision === 'part_of_day' && e.time_of_day ? `, ${e.time_of_day}` : ''} (reporter's day; no time given)`;
  return el('span', {}, time(e.at), ' (publication; no date given)');
}

function eventsTable(events) {
  if (!events.length) return el('p', { class: 'muted' }, 'No reports.');
  return el(
    'div',
    { class: 'table-wrap' },
    el(
      'table',
      { class: 'events-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'when'), el('th', { scope: 'col' }, 'what'), el('th', { scope: 'col' }, 'who says'), el('th', { scope: 'col' }, 'statement'))),
      el(
        'tbody',
        {},
        ...events.map((e) =>
          el(
            'tr',
            {},
            el('td', {}, eventWhen(e)),
            el('td', {}, `${label(e.type)} in ${placeName(e.area)}${e.accused_party ? `, blames ${e.accused_party}` : ''}${e.killed ? `, ${e.killed} killed` : ''}${e.wounded ? `, ${e.wounded} wounded` : ''}`),
            el('td', {}, `${e.reporter_agency ?? e.source_agency ?? '—'} (${e.reported_by ?? '?'})`),
            el('td', {}, el('a', { class: 'link', 'data-statement-id': e.statement_id, href: routeHash({ view: 'statements', id: e.statement_id, filters: route.filters }) }, 'read')),
          ),
        ),
      ),
    ),
  );
}

// ---- live stream ------------------------------------------------------------------------------

let refreshTimer = null;
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void Promise.all([loadIncidents(), loadTimeline(), loadAgreements()]), 500);
}

function onStreamEvent(evt) {
  if (evt.event === 'ready') {
    setLive('live');
    // Whatever happened while disconnected is in the database.
    void loadAlerts();
    return;
  }
  if (evt.event === 'resync') {
    void loadAlerts();
    refreshSoon();
    return;
  }
  if (evt.event === 'alert-changed') {
    alertChanged(JSON.parse(evt.data));
    refreshSoon();
    return;
  }
  if (evt.event === 'alert') {
    // A notification: the alert-changed event carries the same change (and more) when the
    // server has the change feed; this keeps the list right when it has not.
    const a = fromMessage(JSON.parse(evt.data));
    if (!alerts.has(a.id) || alerts.get(a.id).updated_at < a.updated_at) alertChanged(a);
    refreshSoon();
  }
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
        // Any chunk, a heartbeat comment too, shows the server is there and the data current.
        if (live === 'live') synced();
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
      if (unauthorized(err)) return;
      if (abort.signal.aborted) return;
    }
    setLive('offline');
    await new Promise((r) => setTimeout(r, delay));
    delay = Math.min(delay * 2, 30_000);
  }
}

// ---- map --------------------------------------------------------------------------------------

let incidents = [];

function incidentTitle(i) {
  return `${i.day} ${label(i.type)} in ${placeName(i.area)}: ${i.report_count} report(s), ${label(i.corroboration)}${i.max_killed_claimed ? `, up to ${i.max_killed_claimed} killed claimed` : ''}`;
}

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
    map.append(svg('circle', { class: 'place-dot', cx: proj.x(p.lon), cy: proj.y(p.lat), r: 2.5, fill: partyColour.get(p.country) ?? '#999', 'aria-hidden': 'true' }));
  }
  for (const p of local.filter((p) => p.kind === 'district')) {
    map.append(svg('text', { class: 'district-label', x: proj.x(p.lon), y: proj.y(p.lat) - 8, 'text-anchor': 'middle', 'aria-hidden': 'true' }, p.name.replace(/ district$/, '')));
  }
  // Markers are moved apart until no centre is under another marker (lib.js declutter); larger
  // ones are drawn first so a smaller one is never under a larger one. Each marker is a link (keyboard and
  // screen reader), and the list under the map names them all.
  const placed = [];
  for (const i of incidents) {
    const c = i.lat !== null && i.lon !== null ? { lat: i.lat, lon: i.lon } : coordsOf(i.area);
    if (!c) continue;
    placed.push({ i, r: Math.min(radiusFor(i.max_killed_claimed, i.max_wounded_claimed), 22), x: proj.x(c.lon), y: proj.y(c.lat) });
  }
  declutter(placed).forEach((p, n) => Object.assign(placed[n], p));
  placed.sort((a, b) => b.r - a.r);
  for (const { i, r, x, y } of placed) {
    const link = svg('a', { href: routeHash({ view: 'incidents', id: i.id, filters: route.filters }), class: 'incident-link', 'aria-label': incidentTitle(i) });
    const circle = svg('circle', { class: 'incident', 'data-incident-id': i.id, 'data-type': i.type, cx: x, cy: y, r, fill: TYPE_COLOURS[i.type] ?? '#555' });
    circle.append(svg('title', {}, incidentTitle(i)));
    link.append(circle);
    map.append(link);
  }
  const types = [...new Set(incidents.map((i) => i.type))];
  const entry = (colour, text, small) => {
    const dot = el('i', { 'aria-hidden': 'true' });
    dot.style.background = colour;
    if (small) dot.style.transform = 'scale(0.5)';
    return el('span', {}, dot, text);
  };
  $('map-legend').replaceChildren(
    ...types.map((t) => entry(TYPE_COLOURS[t] ?? '#555', label(t), false)),
    ...[...partyColour].map(([code, colour]) => entry(colour, `places in ${gazetteer.parties.find((p) => p.code === code)?.name ?? code}`, true)),
  );
  const onMap = new Set(placed.map((p) => p.i.id));
  $('incident-list').replaceChildren(
    ...incidents.map((i) =>
      el(
        'li',
        {},
        el('a', { href: routeHash({ view: 'incidents', id: i.id, filters: route.filters }), 'data-incident-id': i.id }, incidentTitle(i)),
        onMap.has(i.id) ? null : el('span', { class: 'muted' }, ' (not on the map: no position)'),
      ),
    ),
  );
  $('incident-list-box').querySelector('summary').textContent = `Every incident as a list (${incidents.length})`;
}

async function loadIncidents() {
  if (incidents.length === 0) setViewState('map-state', 'loading', 'Loading incidents…');
  try {
    const page = await api('/v1/incidents?limit=500');
    incidents = page.items;
    setViewState('map-state', incidents.length ? 'ready' : 'empty', 'No incidents recorded.');
    renderMap();
  } catch (err) {
    if (unauthorized(err)) return;
    setViewState('map-state', 'error', `The incidents could not be loaded: ${describeError(err)}.`, el('button', { type: 'button', onclick: () => void loadIncidents() }, 'Try again'));
  }
}

// ---- timeline ---------------------------------------------------------------------------------

async function loadTimeline() {
  let items;
  try {
    ({ items } = await api('/v1/stats/violations-per-day'));
  } catch (err) {
    if (unauthorized(err)) return;
    const chart = $('timeline');
    chart.replaceChildren(svg('text', { x: 400, y: 110, 'text-anchor': 'middle', fill: '#a12020' }, `not loaded: ${describeError(err)}`));
    return;
  }
  const chart = $('timeline');
  chart.replaceChildren();
  if (items.length === 0) {
    chart.append(svg('text', { x: 400, y: 110, 'text-anchor': 'middle', fill: '#5b6470' }, 'no violations recorded'));
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
  const palette = ['#1e6fd9', '#c62828', '#b45309', '#2e7d32', '#6a1b9a', '#00838f', '#5d4037', '#ad1457', '#558b2f', '#455a64'];
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
  const every = Math.max(1, Math.ceil(axis.slots.length / 8));
  axis.slots.forEach((d, i) => {
    if (i % every === 0) chart.append(svg('text', { x: x(d) + bw / 2, y: H - 12, 'text-anchor': 'middle', 'font-size': 11 }, d));
  });
  $('timeline-legend').replaceChildren(
    ...areas.map((a) => {
      const dot = el('i', { 'aria-hidden': 'true' });
      dot.style.background = colour(a);
      return el('span', {}, dot, placeName(a));
    }),
  );
}

// ---- agreements -------------------------------------------------------------------------------

const STATUS_ORDER = { in_force: 0, proposed: 1, superseded: 2, ended: 3 };
let agreements = [];

async function loadAgreements() {
  if (agreements.length === 0) setViewState('agreements-state', 'loading', 'Loading agreements…');
  try {
    const { items } = await api('/v1/agreements?limit=100');
    agreements = items;
  } catch (err) {
    if (unauthorized(err)) return;
    setViewState('agreements-state', 'error', `The agreements could not be loaded: ${describeError(err)}.`, el('button', { type: 'button', onclick: () => void loadAgreements() }, 'Try again'));
    return;
  }
  const sorted = [...agreements].sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9));
  $('agreements').replaceChildren(...sorted.map(agreementItem));
  setViewState('agreements-state', sorted.length ? 'ready' : 'empty', 'No agreement is registered: breaches cannot be judged.');
  fillFilterOptions();
}

/** Sources and transitions are rendered when the API gives them (the agreement lifecycle). */
function agreementItem(a) {
  const sources = Array.isArray(a.sources) ? a.sources : [];
  const transitions = Array.isArray(a.transitions) ? a.transitions : [];
  const sourceText = (s) => (typeof s === 'string' ? s : [s.source_agency ?? s.agency ?? s.kind ?? s.source, s.statement_id ? `statement ${s.statement_id}` : null, s.url].filter(Boolean).join(', '));
  return el(
    'li',
    { class: 'agreement', 'data-agreement-id': a.id, 'data-status': a.status },
    el('div', { class: 'row' }, el('span', { class: `status status-${a.status}` }, label(a.status)), el('strong', {}, a.name ?? a.id)),
    el('div', { class: 'meta' }, `${a.parties.join(' – ')} · ${label(a.level)}`),
    a.starts_at ? el('div', { class: 'meta' }, 'From ', time(a.starts_at), a.ends_at ? el('span', {}, ' to ', time(a.ends_at)) : null) : el('div', { class: 'meta' }, 'Start not stated'),
    el('div', { class: 'meta' }, `Scope: ${a.whole_border ? 'whole border' : a.scope_areas.map(placeName).join(', ') || '—'}; terms: ${a.terms.map(label).join(', ') || '—'}`),
    a.superseded_by ? el('div', { class: 'meta' }, `Superseded by ${agreements.find((x) => x.id === a.superseded_by)?.name ?? a.superseded_by}`) : null,
    sources.length ? el('div', { class: 'meta' }, `Sources: ${sources.map(sourceText).join('; ')}`) : el('div', { class: 'meta' }, `Source: ${label(a.source)}${a.registered_by ? ` (${a.registered_by})` : ''}`),
    a.breaches
      ? el('div', { class: 'meta' }, `${a.breaches.breach_incidents} breach incident(s), ${a.breaches.open_alerts} open alert(s)`, a.breaches.last_breach_at ? el('span', {}, '; latest ', time(a.breaches.last_breach_at)) : null)
      : null,
    transitions.length
      ? el(
          'details',
          {},
          el('summary', {}, `History (${transitions.length})`),
          el('ol', { class: 'list history' }, ...transitions.map((t) => el('li', {}, time(t.at), ` ${label(t.from ?? '—')} → ${label(t.to)}${t.by ? ` by ${t.by}` : ''}${t.reason ? ` (${t.reason})` : ''}`))),
        )
      : null,
  );
}

// ---- filters ----------------------------------------------------------------------------------

function fillFilterOptions() {
  const form = $('filters');
  const areaSelect = form.elements.area;
  const areas = (gazetteer?.places ?? []).filter((p) => p.kind === 'region' || p.kind === 'district').sort((a, b) => a.id.localeCompare(b.id));
  areaSelect.replaceChildren(el('option', { value: '' }, 'anywhere'), ...areas.map((p) => el('option', { value: p.id }, `${p.kind === 'district' ? '  ' : ''}${p.name}`)));
  const agreementSelect = form.elements.agreement;
  agreementSelect.replaceChildren(el('option', { value: '' }, 'any'), ...agreements.map((a) => el('option', { value: a.id }, `${a.name ?? a.id} (${label(a.status)})`)));
  syncFilterForm();
}

function syncFilterForm() {
  const form = $('filters');
  for (const k of ['severity', 'area', 'agreement']) form.elements[k].value = route.filters[k] ?? '';
  form.elements.state.value = route.filters.state ?? 'open';
}

function setFilters(filters) {
  const clean = Object.fromEntries(Object.entries(filters).filter(([k, v]) => v && !(k === 'state' && v === 'open')));
  location.hash = routeHash({ view: route.view, id: route.id, filters: clean });
}

$('filters').addEventListener('change', () => {
  const form = $('filters');
  setFilters(Object.fromEntries(['severity', 'area', 'agreement', 'state'].map((k) => [k, form.elements[k].value])));
});

// ---- keyboard: arrows move through the alert list -------------------------------------------------

$('alerts').addEventListener('keydown', (e) => {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const links = [...$('alerts').querySelectorAll('a.alert-link')];
  const at = links.indexOf(document.activeElement);
  if (at < 0) return;
  e.preventDefault();
  links[Math.max(0, Math.min(links.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))].focus();
});

// ---- routing ----------------------------------------------------------------------------------

function applyRoute(previous) {
  document.body.dataset.view = route.id && (route.view === 'alerts' || route.view === 'incidents' || route.view === 'statements') ? 'detail' : route.view;
  for (const a of document.querySelectorAll('[data-view-link]')) {
    const on = a.dataset.viewLink === route.view || (a.dataset.viewLink === 'alerts' && document.body.dataset.view === 'detail');
    a.setAttribute('aria-current', on ? 'page' : 'false');
    a.href = routeHash({ view: a.dataset.viewLink, filters: route.filters });
  }
  $('back').href = routeHash({ view: 'alerts', filters: route.filters });
  syncFilterForm();
  const filtersChanged = !previous || JSON.stringify(previous.filters) !== JSON.stringify(route.filters);
  if (filtersChanged && token) void loadAlerts();
  else renderAlerts();
  renderCounts();
  if (route.id && (!previous || previous.id !== route.id || previous.view !== route.view)) {
    if (route.view === 'alerts') void showAlert(route.id);
    else if (route.view === 'incidents') void showIncident(route.id);
    else if (route.view === 'statements') void showStatement(route.id);
    // On a phone the detail replaces the list: move focus there so a screen reader follows.
    if (previous && window.matchMedia('(max-width: 899px)').matches) $('detail-panel').focus();
  } else if (!route.id && route.view === 'alerts') {
    $('detail-title').textContent = 'Alert';
    $('detail').className = 'muted';
    $('detail').replaceChildren('Select an alert to see its breach, reports, history and deliveries.');
  }
}

window.addEventListener('hashchange', () => {
  const previous = route;
  route = parseRoute(location.hash);
  applyRoute(previous);
});

// ---- start ------------------------------------------------------------------------------------

async function start() {
  $('operator-name').textContent = operator;
  try {
    gazetteer = await api('/v1/gazetteer');
  } catch (err) {
    if (unauthorized(err)) return;
    gazetteer = null;
  }
  applyRoute(null);
  await Promise.all([loadIncidents(), loadTimeline(), loadAgreements()]);
  void stream();
}

if (token) start();
else showLogin();
