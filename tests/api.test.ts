// The read API as a separate process against real Kafka and Postgres: a populated private schema,
// every /v1 route, cursor pagination, acknowledgement stored with its transition, the OpenAPI
// document, and live alerts from the private `alerts` topic as server-sent events.
import { alertsTopic, encodeMessage } from '@ceasefire/contracts';
import { createDb, getAlert, listAlertTransitions } from '@ceasefire/db';
import type { Admin, Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alertMessageOf, alertRecord, populateEventStore, type Fixture } from './support/event-store-fixture.ts';
import { createPrivateTopics, deleteTopicsWithPrefix, privateSchema, services, testKafka } from './support/harness.ts';
import { freePort, startWorker, stopAllWorkers, type WorkerProcess } from './support/workers.ts';

const TOKEN = 'test-api-token-0123456789';
let admin: Admin;
let producer: Producer;
let prefix: string;
let schema: { schema: string; drop(): Promise<void> };
let db: Knex;
let worker: WorkerProcess;
let base: string;
let fx: Fixture;

type Json = Record<string, unknown> & { items?: Array<Record<string, unknown>>; next_cursor?: string | null };

async function get(path: string, token: string | null = TOKEN): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
}

async function post(path: string, body: unknown): Promise<{ status: number; body: Json }> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Json };
}

const ids = (body: Json) => (body.items ?? []).map((i) => i.id as string);

beforeAll(async () => {
  const kafka = testKafka('api-test');
  admin = await kafka.admin();
  producer = await kafka.producer();
  prefix = await createPrivateTopics(admin, 'api');
  schema = await privateSchema('api');
  db = createDb({ databaseUrl: services().databaseUrl, schema: schema.schema });
  fx = await populateEventStore(db);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  worker = await startWorker('api', {
    KAFKA_BROKERS: services().brokers.join(','),
    DATABASE_URL: services().databaseUrl,
    DATABASE_SCHEMA: schema.schema,
    TOPIC_PREFIX: prefix,
    API_TOKEN: TOKEN,
    API_HTTP_PORT: String(port),
  });
});

afterAll(async () => {
  await stopAllWorkers();
  await producer?.disconnect();
  if (admin && prefix) await deleteTopicsWithPrefix(admin, prefix);
  await admin?.disconnect();
  await db?.destroy();
  await schema?.drop();
});

describe('read API', () => {
  it('asks every /v1 route for the token, serves the dashboard page and the OpenAPI document without it', async () => {
    expect((await get('/v1/events', null)).status).toBe(401);
    expect((await get('/v1/events', 'wrong-token-0123456789')).status).toBe(401);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('ceasefire watch');
    const doc = await get('/openapi.json', null);
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.0.3');
    const paths = Object.keys(doc.body.paths as object);
    for (const p of ['/v1/statements', '/v1/statements/{id}', '/v1/events', '/v1/incidents/{id}', '/v1/casualties', '/v1/agreements', '/v1/alerts', '/v1/alerts/{id}', '/v1/alerts/{id}/ack', '/v1/alerts/stream']) {
      expect(paths).toContain(p);
    }
  });

  it('shows a statement with its events and the evidence spans of each, which match its text', async () => {
    const { status, body } = await get(`/v1/statements/${fx.statements.kgBreach}`);
    expect(status).toBe(200);
    const text = body.text as string;
    const events = body.events as Array<{ type: string; evidence: Array<{ start: number; end: number; text: string; field: string }> }>;
    expect(events.map((e) => e.type)).toEqual(['small_arms_fire', 'armed_clash']);
    for (const e of events) {
      expect(e.evidence.length).toBeGreaterThan(0);
      for (const span of e.evidence) expect(text.slice(span.start, span.end)).toBe(span.text);
    }
    expect((await get('/v1/statements/nope')).status).toBe(404);
    const health = await get(`/v1/statements/${fx.statements.kgHealth2}`);
    expect(health.body.casualty_reports).toMatchObject([{ killed: 36, injured: 129 }]);
  });

  it('filters events by area (with the areas below it), type, accused party, agreement, incident and time', async () => {
    const batken = await get('/v1/events?area=kg.batken');
    expect(ids(batken.body).sort()).toEqual([fx.events.kgLeilek, fx.events.tjLeilek, fx.events.kgBatkenBreach, fx.events.kgLeilekBreach].sort());
    const heavy = await get('/v1/events?type=heavy_weapons_fire&accused_party=KG');
    expect(ids(heavy.body).sort()).toEqual([fx.events.tjVorukh, fx.events.tjLeilek].sort());
    const breaches = await get(`/v1/events?agreement=${fx.agreement}`);
    expect(ids(breaches.body).sort()).toEqual([fx.events.kgBatkenBreach, fx.events.kgLeilekBreach].sort());
    const incident = await get(`/v1/events?incident=${fx.bothSidesIncident}`);
    expect(ids(incident.body).sort()).toEqual([fx.events.kgLeilek, fx.events.tjLeilek].sort());
    // The Kulundu mortar fire has a time (00:00Z); the others of that day fall back on publication.
    const window = await get('/v1/events?from=2022-09-16T00:00:00Z&to=2022-09-16T00:00:01Z');
    expect(ids(window.body)).toEqual([fx.events.kgLeilek]);
    const event = await get(`/v1/events/${fx.events.kgLeilek}`);
    expect(event.body).toMatchObject({ area: 'kg.batken.leilek', accused_party: 'TJ', wounded: 2, corroboration: 'both_sides' });
    expect((event.body.places as unknown[])[0]).toMatchObject({ place_id: 'kg.batken.leilek.kulundu', lat: 40.106 });
  });

  it('pages events with a cursor: every event once, newest first', async () => {
    const all = ids((await get('/v1/events?limit=500')).body);
    expect(all.length).toBe(6);
    const seen: string[] = [];
    let cursor: string | null | undefined = null;
    do {
      const res: { body: Json } = await get(`/v1/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(res.body));
      cursor = res.body.next_cursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all[0]).toBe(fx.events.recent);
  });

  it('answers 400 naming the problem for a bad filter or cursor', async () => {
    const bad = await get('/v1/events?type=shelling&from=yesterday');
    expect(bad.status).toBe(400);
    expect((bad.body.problems as string[]).join(' ')).toMatch(/query\.type/);
    expect((bad.body.problems as string[]).join(' ')).toMatch(/query\.from/);
    expect((await get('/v1/events?cursor=not-a-cursor')).status).toBe(400);
    expect((await get('/v1/events?colour=red')).status).toBe(400);
  });

  it('lists incidents with their corroboration, position and reports', async () => {
    const list = await get('/v1/incidents?area=kg.batken.leilek');
    const both = list.body.items!.find((i) => i.id === fx.bothSidesIncident)!;
    expect(both).toMatchObject({ corroboration: 'both_sides', report_count: 2, sides: ['KG', 'TJ'], max_wounded_claimed: 2 });
    expect(both.lat).toBeCloseTo(40.106);
    const detail = await get(`/v1/incidents/${fx.bothSidesIncident}`);
    expect((detail.body.reports as unknown[]).length).toBe(2);
    const paged = await get('/v1/incidents?limit=1');
    expect(paged.body.items!.length).toBe(1);
    const next = await get(`/v1/incidents?limit=1&cursor=${paged.body.next_cursor}`);
    expect(next.body.items![0]!.id).not.toBe(paged.body.items![0]!.id);
  });

  it('gives casualty figures as one series per source, never summed', async () => {
    const { body } = await get('/v1/casualties?scope=kg-tj');
    const series = body.series as Array<{ source_agency: string; points: Array<{ killed: number; injured: number }> }>;
    expect(series).toHaveLength(2);
    const kg = series.find((s) => s.source_agency.includes('Kyrgyz'))!;
    expect(kg.points.map((p) => [p.killed, p.injured])).toEqual([
      [24, 122],
      [36, 129],
    ]);
  });

  it('lists the agreements in force with their breaches, and the violations per day', async () => {
    const { body } = await get('/v1/agreements?status=in_force');
    expect(body.items!.map((a) => a.id)).toEqual([fx.agreement]);
    expect(body.items![0]!.breaches).toMatchObject({ alerts: 2, open_alerts: 2, breach_incidents: 2 });
    const stats = await get('/v1/stats/violations-per-day?from=2022-09-16&to=2022-09-16');
    expect(stats.body.items!.map((r) => [r.area, r.incidents])).toEqual([
      ['kg.batken.leilek', 1],
      ['tj.sughd.isfara', 1],
    ]);
    const gazetteer = await get('/v1/gazetteer');
    expect((gazetteer.body.places as Array<{ id: string }>).some((p) => p.id === 'kg.batken.leilek')).toBe(true);
  });

  it('shows alerts with their events, state history and deliveries', async () => {
    const open = await get('/v1/alerts?state=open');
    expect(ids(open.body).sort()).toEqual([fx.alerts.firing, fx.alerts.acknowledged].sort());
    const detail = await get(`/v1/alerts/${fx.alerts.firing}`);
    expect(detail.body).toMatchObject({ state: 'firing', agreement_name: 'Ceasefire of 16 September 2022' });
    expect((detail.body.events as Array<{ id: string }>).map((e) => e.id)).toEqual([fx.events.kgBatkenBreach]);
    expect(detail.body.transitions).toMatchObject([{ from: null, to: 'firing', by: 'system' }]);
    const deliveries = detail.body.deliveries as Array<{ channel: string; status: string }>;
    expect(deliveries.map((d) => [d.channel, d.status]).sort()).toEqual([
      ['log', 'succeeded'],
      ['ops-webhook', 'failed'],
    ]);
  });

  it('acknowledges a firing alert once, storing who and the transition', async () => {
    const ack = await post(`/v1/alerts/${fx.alerts.firing}/ack`, { by: 'api test', note: 'looking into it' });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({ state: 'acknowledged', acknowledged_by: 'api test' });
    const stored = await getAlert(db, fx.alerts.firing);
    expect(stored).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'api test', acknowledgedSeverity: 'warning' });
    const transitions = await listAlertTransitions(db, fx.alerts.firing);
    expect(transitions.at(-1)).toMatchObject({ from: 'firing', to: 'acknowledged', by: 'api test', reason: 'looking into it' });
    expect((await post(`/v1/alerts/${fx.alerts.firing}/ack`, { by: 'someone else' })).status).toBe(409);
    expect((await post('/v1/alerts/al_nope/ack', {})).status).toBe(404);
    expect((await post(`/v1/alerts/${fx.alerts.firing}/ack`, { by: 'x', extra: 1 })).status).toBe(400);
  });

  it('streams alerts published on the alerts topic as server-sent events', async () => {
    const controller = new AbortController();
    const res = await fetch(`${base}/v1/alerts/stream`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    const until = async (pattern: RegExp, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(buffer)) {
        if (Date.now() > deadline) throw new Error(`no ${pattern} in the stream: ${buffer}`);
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buffer += value;
      }
    };
    await until(/event: ready/);
    const now = new Date();
    const alert = alertRecord({ id: 'al_stream_test', agreementId: fx.agreement, area: 'kg.osh.chon_alai', openedAt: now, severity: 'critical', summary: 'Shelling in Chon-Alai' });
    await producer.publish(prefix + alertsTopic.name, [{ key: alert.groupKey, value: encodeMessage(alertsTopic, alertMessageOf(alert, 'opened', [])) }]);
    await until(/"alert_id":"al_stream_test"/);
    expect(buffer).toMatch(/event: alert\n/);
    controller.abort();

    const metrics = await (await fetch(`http://127.0.0.1:${worker.healthPort}/metrics`)).text();
    expect(metrics).toMatch(/ceasefire_api_request_seconds_count\{[^}]*route="\/v1\/events"/);
    expect(metrics).toMatch(/ceasefire_api_sse_events_total\{[^}]*\} [1-9]/);
  });
});
