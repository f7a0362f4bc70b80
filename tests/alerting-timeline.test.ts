// Issue #21: a timeline played through the alerting worker as a process, on real Kafka and
// Postgres. Agreement A is reported by one side (proposed), then by the other with its start
// (one agreement, in force); breaches of A; agreement B, reported by a third party, replaces it
// (A superseded from B's start); breaches after B's start are B's, a late report of a breach
// before it is still A's; B is ended by an operator and a later breach raises nothing; a replay
// of everything changes nothing. Each alert, its agreement and the transitions are asserted, and
// no violation event is in more than one alert (in SQL, and by the schema's unique index).
import type { ViolationEvent } from '@ceasefire/contracts';
import { finishAgreement } from '@ceasefire/alerting-service';
import type { Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exactTime, storeAndPublish, violationEvent } from './support/alerting.ts';
import { eventually, privateStage, type PrivateStage } from './support/harness.ts';
import { freePort, startWorker, type WorkerProcess } from './support/workers.ts';

let stage: PrivateStage;
let db: Knex;
let producer: Producer;
let prefix: string;
let worker: WorkerProcess;
let api: WorkerProcess;
let apiBase: string;
const API_TOKEN = 'timeline-api-token-0000000000';

const agreementEvent = (id: string, over: Partial<ViolationEvent> & { starts: string | null; by: string; level: string; day: string }): ViolationEvent =>
  violationEvent({
    id,
    type: 'ceasefire_agreement',
    area: 'kg-tj.border',
    accused_party: null,
    reported_by: over.by,
    reporter: { agency: `${over.by} agency`, side: over.by },
    date: over.day,
    time: exactTime(null),
    agreement: { parties: ['KG', 'TJ'], level: over.level, starts_at_utc: over.starts, zone: over.starts ? 'Asia/Dushanbe' : null, terms: ['cease_fire'] },
    ...over,
  });

const breach = (id: string, at: string, over: Partial<ViolationEvent> = {}): ViolationEvent =>
  violationEvent({ id, time: exactTime(at), published_at: new Date(Date.parse(at) + 3 * 3600_000).toISOString(), ...over });

const A_KG = agreementEvent('ev_a_kg', { by: 'KG', level: 'security_chiefs', day: '2022-09-14', starts: null, published_at: '2022-09-15T09:20:00+06:00' });
const A_TJ = agreementEvent('ev_a_tj', { by: 'TJ', level: 'security_chiefs', day: '2022-09-14', starts: '2022-09-14T12:00:00Z', published_at: '2022-09-14T18:30:00+05:00' });
const B_OSCE = agreementEvent('ev_b_osce', { by: 'OSCE', level: 'heads_of_state', day: '2022-09-16', starts: '2022-09-16T10:00:00Z', published_at: '2022-09-16T20:00:00+06:00', reporter: { agency: 'OSCE Chairpersonship', side: null } });
const e1 = breach('ev_t1', '2022-09-15T01:00:00Z', { incident_id: 'inc_t1' });
// A second report of the same incident: counted once.
const e2 = breach('ev_t2', '2022-09-15T01:00:00Z', { incident_id: 'inc_t1', statement_id: 'st_ev_t2', reported_by: 'KG' });
// Known only to its region: joins the open district alert of the same agreement.
const e3 = breach('ev_t3', '2022-09-15T02:00:00Z', { area: 'kg.batken', locations: [] });
const e4 = breach('ev_t4', '2022-09-15T03:00:00Z', { area: 'tj.sughd.isfara', accused_party: 'KG', reported_by: 'TJ', reporter: { agency: 'Border Troops of the SCNS', side: 'TJ' } });
const e5 = breach('ev_t5', '2022-09-16T13:30:00Z', { type: 'heavy_weapons_fire', weapons: ['mortar'] });
// Before B's start, reported after B entered into force: A was in force when it happened.
const e6 = breach('ev_t6', '2022-09-16T05:00:00Z', { published_at: '2022-09-17T08:00:00+06:00' });
const e7 = breach('ev_t7', '2022-09-19T06:00:00Z');

const alertsOf = async (agreementId: string) =>
  (await db('alerts').where({ agreement_id: agreementId }).orderBy('area')) as Array<{ id: string; area: string; event_count: number; incident_count: number; state: string }>;
const eventsOf = async (alertId: string) => (await db('alert_events').where({ alert_id: alertId }).orderBy('event_id').pluck('event_id')) as string[];
const transitionsOf = async (agreementId: string) =>
  (await db('agreement_transitions').where({ agreement_id: agreementId }).orderBy('id').select('from_status', 'to_status', 'by', 'reason', 'superseded_by')) as Array<{
    from_status: string | null;
    to_status: string;
    by: string;
    reason: string;
    superseded_by: string | null;
  }>;
const agreementOfSource = async (eventId: string) =>
  (await db('agreement_sources').where({ event_id: eventId }).first('agreement_id'))?.agreement_id as string | undefined;
const linked = async (ids: string[]) => Number((await db('alert_events').whereIn('event_id', ids).count('* as n'))[0]!.n);

beforeAll(async () => {
  stage = await privateStage('alerting_timeline', { poolMax: 4 });
  ({ db, producer, prefix } = stage);
  worker = await startWorker('alerting', {
    ...stage.env,
    ALERTS_TOPIC_CHANNEL: 'false',
    ALERT_TICK_MS: '100',
    DELIVERY_POLL_MS: '100',
  });
  const port = await freePort();
  apiBase = `http://127.0.0.1:${port}`;
  api = await startWorker('api', {
    ...stage.env,
    API_TOKEN,
    API_HTTP_PORT: String(port),
  });
});

afterAll(async () => {
  await worker?.stop('SIGTERM');
  await api?.stop('SIGTERM');
  await stage?.close();
});

describe('an agreement timeline through the alerting worker', () => {
  let a: string;
  let b: string;

  it('makes one agreement of both sides\' statements, in force once both reported it, with the start the second gave', async () => {
    await storeAndPublish(db, producer, prefix, [A_KG]);
    a = await eventually(() => agreementOfSource(A_KG.id), 30_000, 'agreement A');
    expect(await db('agreements').where({ id: a }).first()).toMatchObject({ status: 'proposed', starts_at: null, corroborated: false });

    await storeAndPublish(db, producer, prefix, [A_TJ]);
    const row = await eventually(async () => {
      const r = await db('agreements').where({ id: a, status: 'in_force' }).first();
      return r ?? undefined;
    }, 30_000, 'agreement A in force');
    expect(await agreementOfSource(A_TJ.id)).toBe(a);
    expect(row).toMatchObject({ starts_at: new Date('2022-09-14T12:00:00Z'), start_zone: 'Asia/Dushanbe', corroborated: true, level: 'security_chiefs' });
    expect(Number((await db('agreements').count('* as n'))[0]!.n)).toBe(1);
    const sources = await db('agreement_sources').where({ agreement_id: a }).orderBy('published_at').select('event_id', 'reported_by');
    expect(sources).toEqual([
      { event_id: A_TJ.id, reported_by: 'TJ' },
      { event_id: A_KG.id, reported_by: 'KG' },
    ]);
  });

  it('puts breaches of A in one alert per district, a region-only report in the open district alert, one incident counted once', async () => {
    await storeAndPublish(db, producer, prefix, [e1, e2, e4]);
    await eventually(async () => ((await linked([e1.id, e2.id, e4.id])) === 3 ? true : undefined), 30_000, 'three breaches linked');
    // The region-only report after the district alert opened (events are keyed by area: another
    // partition, so the order of the two is only known this way).
    await storeAndPublish(db, producer, prefix, [e3]);
    await eventually(async () => ((await linked([e3.id])) === 1 ? true : undefined), 30_000, 'the region-only breach linked');
    const alerts = await alertsOf(a);
    expect(alerts.map((x) => x.area)).toEqual(['kg.batken.leilek', 'tj.sughd.isfara']);
    expect(await eventsOf(alerts[0]!.id)).toEqual([e1.id, e2.id, e3.id]);
    expect(alerts[0]).toMatchObject({ event_count: 3, incident_count: 2, state: 'firing' });
    expect(await eventsOf(alerts[1]!.id)).toEqual([e4.id]);
  });

  it('lets a district alert absorb the open alert of its region: its events move, the region alert is resolved saying so', async () => {
    const e9 = breach('ev_t9', '2022-09-15T06:00:00Z', { area: 'kg.osh', locations: [] });
    const e10 = breach('ev_t10', '2022-09-15T07:00:00Z', { area: 'kg.osh.chon_alai', locations: ['Dzhekendi'] });
    await storeAndPublish(db, producer, prefix, [e9]);
    await eventually(async () => ((await linked([e9.id])) === 1 ? true : undefined), 30_000, 'the region alert');
    const region = (await alertsOf(a)).find((x) => x.area === 'kg.osh')!;
    expect(await eventsOf(region.id)).toEqual([e9.id]);
    await storeAndPublish(db, producer, prefix, [e10]);
    await eventually(async () => ((await linked([e10.id])) === 1 ? true : undefined), 30_000, 'the district breach');
    const district = (await alertsOf(a)).find((x) => x.area === 'kg.osh.chon_alai')!;
    expect(await eventsOf(district.id)).toEqual([e10.id, e9.id].sort());
    expect(district).toMatchObject({ event_count: 2, incident_count: 2, state: 'firing' });
    expect(await db('alerts').where({ id: region.id }).first()).toMatchObject({ state: 'resolved' });
    expect(await eventsOf(region.id)).toEqual([]);
    const last = await db('alert_transitions').where({ alert_id: region.id }).orderBy('id', 'desc').first();
    expect(last).toMatchObject({ from_state: 'firing', to_state: 'resolved', by: 'system', reason: 'absorbed by the alert of kg.osh.chon_alai' });
    // Whoever was told the region's alert opened is told where its events went.
    const told = (await db('alert_deliveries').where({ alert_id: region.id, attempt: 1 }).orderBy('id').select('notification', 'payload')) as Array<{
      notification: string;
      payload: { data: { state: string; absorbed_into?: unknown } };
    }>;
    expect(told.map((d) => d.notification)).toEqual(['opened', 'resolved']);
    expect(told[0]!.payload.data.absorbed_into).toBeUndefined();
    expect(told[1]!.payload.data).toMatchObject({ state: 'resolved', absorbed_into: { alert_id: district.id, area: 'kg.osh.chon_alai' } });
  });

  it('supersedes A from B\'s start when a third party reports B, and judges each breach by the agreement in force when it happened', async () => {
    await storeAndPublish(db, producer, prefix, [B_OSCE]);
    b = await eventually(() => agreementOfSource(B_OSCE.id), 30_000, 'agreement B');
    await eventually(async () => (await db('agreements').where({ id: a, status: 'superseded' }).first()) ?? undefined, 30_000, 'A superseded');
    expect(await db('agreements').where({ id: a }).first()).toMatchObject({ superseded_by: b, ends_at: new Date('2022-09-16T10:00:00Z') });
    expect(await db('agreements').where({ id: b }).first()).toMatchObject({ status: 'in_force', level: 'heads_of_state', corroborated: true });

    await storeAndPublish(db, producer, prefix, [e5, e6]);
    await eventually(async () => ((await linked([e5.id, e6.id])) === 2 ? true : undefined), 30_000, 'two more breaches linked');
    const ofB = await alertsOf(b);
    expect(ofB.map((x) => x.area)).toEqual(['kg.batken.leilek']);
    expect(await eventsOf(ofB[0]!.id)).toEqual([e5.id]);
    const ofA = await alertsOf(a);
    expect(ofA.map((x) => x.area)).toEqual(['kg.batken.leilek', 'kg.osh', 'kg.osh.chon_alai', 'tj.sughd.isfara']);
    expect(await eventsOf(ofA[0]!.id)).toEqual([e1.id, e2.id, e3.id, e6.id]);
  });

  it('raises nothing for a breach after B ended, and a replay of the whole timeline changes nothing', async () => {
    const ended = await finishAgreement(db, { id: b, endsAt: new Date('2022-09-18T00:00:00Z'), now: new Date(), by: 'duty officer' });
    expect(ended).toMatchObject({ agreement: { status: 'ended' } });
    const before = await db('alert_events').count('* as n');
    await storeAndPublish(db, producer, prefix, [e7]);
    // Replayed: the agreements' statements and every breach again, then a marker breach of A that
    // tells the worker has read past them.
    const marker = breach('ev_t8', '2022-09-15T04:00:00Z', { area: 'tj.sughd.isfara', accused_party: 'KG', reported_by: 'TJ' });
    await storeAndPublish(db, producer, prefix, [A_KG, A_TJ, B_OSCE, e1, e2, e3, e4, e5, e6, e7]);
    await storeAndPublish(db, producer, prefix, [marker]);
    await eventually(async () => ((await linked([marker.id])) === 1 ? true : undefined), 30_000, 'the marker linked');
    expect(await linked([e7.id])).toBe(0);
    expect(Number((await db('alert_events').count('* as n'))[0]!.n)).toBe(Number(before[0]!.n) + 1);
    expect(Number((await db('agreements').count('* as n'))[0]!.n)).toBe(2);
    expect(Number((await db('alerts').count('* as n'))[0]!.n)).toBe(5);
    // No violation event is in more than one alert, and the schema refuses a second link.
    const twice = await db.raw(`select event_id from alert_events group by event_id having count(distinct alert_id) > 1`);
    expect(twice.rows).toEqual([]);
    const [other] = await alertsOf(b);
    await expect(db('alert_events').insert({ alert_id: other!.id, event_id: e1.id, added_at: new Date() })).rejects.toThrow(/alert_events_one_alert_per_event/);
  });

  it('records every change of both agreements with its reason and source', async () => {
    const ta = await transitionsOf(a);
    expect(ta.map((t) => [t.from_status, t.to_status])).toEqual([
      [null, 'proposed'],
      ['proposed', 'proposed'],
      ['proposed', 'in_force'],
      ['in_force', 'superseded'],
    ]);
    expect(ta[0]!.reason).toBe('reported by KG');
    expect(ta[1]!.reason).toMatch(/^completed by a statement: startsAt, startZone/);
    expect(ta[2]!.reason).toBe('reported by both sides (KG, TJ)');
    expect(ta[3]).toMatchObject({ by: 'system', superseded_by: b });
    expect(ta[3]!.reason).toMatch(/^replaced by heads of state ceasefire of 2022-09-16 .* from 2022-09-16T10:00:00.000Z$/);
    const statements = await db('agreement_transitions').where({ agreement_id: a }).orderBy('id').pluck('statement_id');
    expect(statements.slice(0, 3)).toEqual([A_KG.statement_id, A_TJ.statement_id, A_TJ.statement_id]);

    const tb = await transitionsOf(b);
    expect(tb.map((t) => [t.from_status, t.to_status, t.by, t.reason])).toEqual([
      [null, 'proposed', 'system', 'reported by OSCE'],
      ['proposed', 'in_force', 'system', 'reported by a third party (OSCE)'],
      ['in_force', 'ended', 'duty officer', 'ended by an operator'],
    ]);
  });

  it('shows both agreements on the read API with their status, sources and history', async () => {
    const get = async (path: string) => {
      const res = await fetch(`${apiBase}${path}`, { headers: { authorization: `Bearer ${API_TOKEN}` } });
      expect(res.status).toBe(200);
      return res.json() as Promise<Record<string, unknown>>;
    };
    const one = await get(`/v1/agreements/${a}`);
    expect(one).toMatchObject({ id: a, status: 'superseded', superseded_by: b, starts_at: '2022-09-14T12:00:00.000Z', start_zone: 'Asia/Dushanbe', reached_on: '2022-09-14', corroborated: true });
    expect((one.sources as Array<{ event_id: string; reported_by: string }>).map((x) => [x.event_id, x.reported_by])).toEqual([
      [A_TJ.id, 'TJ'],
      [A_KG.id, 'KG'],
    ]);
    expect((one.transitions as Array<{ to: string }>).map((t) => t.to)).toEqual(['proposed', 'proposed', 'in_force', 'superseded']);
    const superseded = (await get('/v1/agreements?status=superseded')).items as Array<{ id: string }>;
    expect(superseded.map((x) => x.id)).toEqual([a]);
    const ended = (await get('/v1/agreements?status=ended')).items as Array<{ id: string; transitions: Array<{ by: string; reason: string }> }>;
    expect(ended.map((x) => x.id)).toEqual([b]);
    expect(ended[0]!.transitions.at(-1)).toMatchObject({ by: 'duty officer', reason: 'ended by an operator' });
  });
});
