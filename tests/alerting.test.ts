// The alerting worker as a process against real Kafka and Postgres: an operator's agreement,
// a breach alerted once and delivered to a signed webhook, the log and the alerts topic; five
// reports of one incident grouped into one alert; a pre-start incident ignored; an untimed
// allegation flagged; acknowledgement by CLI and HTTP; an agreement proposed from a
// `ceasefire_agreement` event that arrives after the breach it covers.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import {
  type AlertMessage,
  alertsTopic,
  decodeMessage,
  encodeMessage,
  VIOLATION_EVENT_DATASCHEMA,
  violationEventsTopic,
  topicName,
} from '@ceasefire/contracts';
import { listDeliveries, type AlertRecord } from '@ceasefire/db';
import type { Consumer, Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agreementsCommand } from '../packages/cli/src/commands/agreements.ts';
import { alertsCommand } from '../packages/cli/src/commands/alerts.ts';
import {
  notificationsOf,
  startReceiver,
  storeAndPublish,
  violationEvent,
  type Receiver,
} from './support/alerting.ts';
import { freePort, startWorker, type WorkerProcess } from './support/workers.ts';
import { createLogger } from '@ceasefire/runtime';
import { buildOperatorApi } from '../services/alerting/src/http.ts';
import { eventually, privateStage, services, uniqueName, type PrivateStage } from './support/harness.ts';

const secret = randomBytes(24).toString('hex');
const token = randomBytes(24).toString('hex');

let stage: PrivateStage;
let db: Knex;
let producer: Producer;
let prefix: string;
let receiver: Receiver;
let worker: WorkerProcess;
let apiPort: number;
let alertsConsumer: Consumer;
const topicAlerts: AlertMessage[] = [];

function io() {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: new Writable({ write: (c: Buffer, _e, cb) => void ((out += c.toString()), cb()) }),
      stderr: new Writable({ write: (c: Buffer, _e, cb) => void ((err += c.toString()), cb()) }),
      env: { DATABASE_URL: services().databaseUrl, DATABASE_SCHEMA: stage.schema },
    },
    out: () => out,
    err: () => err,
  };
}

function api(path: string, init: RequestInit = {}, auth = token) {
  return fetch(`http://127.0.0.1:${apiPort}${path}`, {
    ...init,
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      ...(init.headers ?? {}),
    },
  });
}

async function alertsOf(agreementId: string): Promise<AlertRecord[]> {
  const rows = (await db('alerts').where({ agreement_id: agreementId }).orderBy('opened_at')) as Array<
    Record<string, unknown>
  >;
  return rows.map(
    (r) =>
      ({
        id: r.id,
        area: r.area,
        state: r.state,
        eventCount: r.event_count,
        incidentCount: r.incident_count,
        untimedAllegation: r.untimed_allegation,
        proposedAgreement: r.proposed_agreement,
      }) as unknown as AlertRecord,
  );
}

beforeAll(async () => {
  stage = await privateStage('alerting', { poolMax: 4 });
  ({ db, producer, prefix } = stage);
  receiver = await startReceiver({ secret });
  apiPort = await freePort();
  alertsConsumer = stage.kafka.consumer({
    groupId: uniqueName('alerts-reader'),
    topics: [topicName(alertsTopic, prefix)],
    handleBatch: async (batch) =>
      void topicAlerts.push(...batch.messages.map((m) => decodeMessage(alertsTopic, m.value))),
  });
  await alertsConsumer.start();
  worker = await startWorker('alerting', {
    ...stage.env,
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: secret,
    OPERATOR_TOKEN: token,
    OPERATOR_PORT: String(apiPort),
    ALERT_TICK_MS: '200',
    DELIVERY_POLL_MS: '100',
    ALERT_GROUP_INTERVAL_MS: '1000',
  });
});

afterAll(async () => {
  const code = await worker?.stop('SIGTERM');
  if (process.env.ALERTING_TEST_LOG)
    writeFileSync(process.env.ALERTING_TEST_LOG, `${worker?.lines.join('\n')}\n`);
  if (code !== 0)
    process.stderr.write(`alerting worker exited with ${code}:\n${worker?.lines.slice(-30).join('\n')}\n`);
  await alertsConsumer?.stop();
  await receiver?.close();
  await stage?.close();
});

describe('alerting worker', () => {
  it('registers an agreement with the CLI and lists it', async () => {
    const add = io();
    const code = await agreementsCommand(
      [
        'add',
        '--id',
        'ag_gknb',
        '--name',
        'GKNB chiefs 16 Sep',
        '--parties',
        'KG,TJ',
        '--areas',
        'kg.batken,tj.sughd',
        '--starts-at',
        '2022-09-16T16:00:00+06:00',
        '--zone',
        'Asia/Bishkek',
        '--level',
        'security_chiefs',
        '--by',
        'test',
      ],
      add.io,
    );
    expect(add.err()).toBe('');
    expect(code).toBe(0);
    expect(add.out()).toMatch(/registered ag_gknb/);
    const list = io();
    expect(await agreementsCommand(['list', '--json'], list.io)).toBe(0);
    const agreements = JSON.parse(list.out()) as Array<{ id: string; status: string; starts_at: string }>;
    expect(agreements).toEqual([
      expect.objectContaining({ id: 'ag_gknb', status: 'in_force', starts_at: '2022-09-16T10:00:00.000Z' }),
    ]);
    const bad = io();
    expect(await agreementsCommand(['add', '--parties', 'KG,TJ'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/scope_areas/);
  });

  it('opens one alert for a breach, not for an incident before the start, and delivers it', async () => {
    await storeAndPublish(db, producer, prefix, [
      // 04:50 UTC, the morning clash: before the 10:00 UTC ceasefire.
      violationEvent({
        id: 'ev_early',
        time: {
          date: '2022-09-16',
          time_of_day: null,
          start_utc: '2022-09-16T04:50:00Z',
          end_utc: '2022-09-16T04:50:00Z',
          local: null,
          zone: null,
          utc_offset: null,
          precision: 'exact',
        },
      }),
      violationEvent({
        id: 'ev_breach_1',
        incident_id: 'inc_1',
        time: {
          date: '2022-09-16',
          time_of_day: null,
          start_utc: '2022-09-16T12:00:00Z',
          end_utc: '2022-09-16T12:00:00Z',
          local: null,
          zone: null,
          utc_offset: null,
          precision: 'exact',
        },
      }),
    ]);
    await eventually(
      () => (notificationsOf(receiver.received).includes('opened') ? true : undefined),
      45_000,
      'the webhook to receive the alert',
    );
    const alerts = await alertsOf('ag_gknb');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      area: 'kg.batken.leilek',
      state: 'firing',
      eventCount: 1,
      incidentCount: 1,
    });
    const early = await db('alert_events').where({ event_id: 'ev_early' });
    expect(early).toHaveLength(0);

    const hook = receiver.received.find((r) => r.status === 200)!;
    expect(hook.verified).toBe(true);
    // The envelope id (issue #18: the README said so; the header carried `<id>:webhook`).
    expect(hook.headers['x-ceasefire-idempotency-key']).toBe(`${alerts[0]!.id}:1`);
    expect(hook.headers['user-agent']).toMatch(/^ceasefire-watch-alerting\//);
    expect(hook.json).toMatchObject({
      type: 'ceasefire.alert',
      data: {
        alert_id: alerts[0]!.id,
        notification: 'opened',
        agreement_proposed: false,
        event_ids: ['ev_breach_1'],
      },
    });

    // The same notification on the log and the alerts topic.
    await eventually(
      () => (topicAlerts.some((m) => m.data.alert_id === alerts[0]!.id) ? true : undefined),
      20_000,
      'the alerts topic',
    );
    expect(
      topicAlerts.filter((m) => m.data.alert_id === alerts[0]!.id && m.data.notification === 'opened'),
    ).toHaveLength(1);
    await eventually(
      () =>
        worker.logs().some((l) => typeof l.msg === 'string' && l.msg.startsWith('ALERT opened'))
          ? true
          : undefined,
      10_000,
      'the log line',
    );
  });

  it('groups five reports of one incident into the same alert and notifies no one again', async () => {
    await storeAndPublish(
      db,
      producer,
      prefix,
      [2, 3, 4, 5].map((i) =>
        violationEvent({
          id: `ev_breach_${i}`,
          incident_id: 'inc_1',
          statement_id: `st_relay_${i}`,
          published_at: `2022-09-17T0${i}:00:00+06:00`,
        }),
      ),
    );
    await eventually(
      async () => ((await alertsOf('ag_gknb'))[0]?.eventCount === 5 ? true : undefined),
      30_000,
      'five reports in the alert',
    );
    const alerts = await alertsOf('ag_gknb');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ eventCount: 5, incidentCount: 1 });
    // More reports of the same incident are not news: past the group interval, still one notification.
    await new Promise((r) => setTimeout(r, 2_000));
    expect(notificationsOf(receiver.received)).toEqual(['opened']);
  });

  it('flags an allegation without a time in its own group', async () => {
    await storeAndPublish(db, producer, prefix, [
      violationEvent({
        id: 'ev_untimed',
        type: 'violation_allegation',
        area: 'tj.sughd.isfara',
        accused_party: 'KG',
        reported_by: 'TJ',
        date: null,
        time: {
          date: null,
          time_of_day: null,
          start_utc: null,
          end_utc: null,
          local: null,
          zone: null,
          utc_offset: null,
          precision: 'unknown',
        },
        published_at: '2022-09-17T09:00:00+05:00',
      }),
    ]);
    await eventually(
      async () => ((await alertsOf('ag_gknb')).length === 2 ? true : undefined),
      30_000,
      'the second alert',
    );
    const untimed = (await alertsOf('ag_gknb')).find((a) => a.area === 'tj.sughd.isfara')!;
    expect(untimed.untimedAllegation).toBe(true);
    await eventually(
      () =>
        receiver.received.some((r) => (r.json as AlertMessage).data?.untimed_allegation === true)
          ? true
          : undefined,
      20_000,
      'the flagged alert',
    );
  });

  it('acknowledges with the CLI: the channels are told, a second ack is refused', async () => {
    const [leilek] = await alertsOf('ag_gknb');
    const list = io();
    expect(await alertsCommand(['list'], list.io)).toBe(0);
    expect(list.out()).toMatch(/^ID\s+STATE\s+SEVERITY/);
    expect(list.out()).toContain(leilek!.id);

    const ack = io();
    expect(await alertsCommand(['ack', leilek!.id, '--by', 'duty-officer'], ack.io)).toBe(0);
    expect(ack.out()).toContain(`acknowledged ${leilek!.id}`);
    const again = io();
    expect(await alertsCommand(['ack', leilek!.id], again.io)).toBe(1);
    expect(again.err()).toMatch(/already acknowledged/);
    expect(await alertsCommand(['ack', 'al_missing'], io().io)).toBe(1);

    await eventually(
      () =>
        receiver.received.some(
          (r) =>
            (r.json as AlertMessage).data?.notification === 'acknowledged' &&
            (r.json as AlertMessage).data.alert_id === leilek!.id,
        )
          ? true
          : undefined,
      20_000,
      'the acknowledged notification',
    );
    const transitions = await db('alert_transitions').where({ alert_id: leilek!.id }).orderBy('id');
    expect(transitions.map((t: { to_state: string; by: string }) => `${t.to_state}:${t.by}`)).toEqual([
      'firing:system',
      'acknowledged:duty-officer',
    ]);
  });

  it('serves the operator API behind the bearer token', async () => {
    expect((await api('/alerts', {}, '')).status).toBe(401);
    expect((await api('/alerts', {}, 'wrong-token-of-some-length')).status).toBe(401);
    await eventually(
      async () => ((await api('/alerts?state=open').catch(() => null))?.status === 200 ? true : undefined),
      20_000,
      'the API',
    );
    const open = (await (await api('/alerts?state=firing')).json()) as {
      alerts: Array<{ id: string; area: string }>;
    };
    const isfara = open.alerts.find((a) => a.area === 'tj.sughd.isfara')!;
    expect(isfara).toBeDefined();

    const ack = await api(`/alerts/${isfara.id}/ack`, {
      method: 'POST',
      body: JSON.stringify({ by: 'api-operator', note: 'seen' }),
    });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({ state: 'acknowledged', acknowledged_by: 'api-operator' });
    expect((await api(`/alerts/${isfara.id}/ack`, { method: 'POST', body: '{}' })).status).toBe(409);
    expect((await api('/alerts/al_missing/ack', { method: 'POST', body: '{}' })).status).toBe(404);

    const detail = (await (await api(`/alerts/${isfara.id}`)).json()) as {
      event_ids: string[];
      transitions: unknown[];
      deliveries: Array<{ channel: string; status: string }>;
    };
    expect(detail.event_ids).toEqual(['ev_untimed']);
    expect(
      detail.deliveries
        .filter((d) => d.status === 'succeeded')
        .map((d) => d.channel)
        .sort(),
    ).toEqual(expect.arrayContaining(['log', 'topic', 'webhook']));

    const bad = await api('/agreements', { method: 'POST', body: JSON.stringify({ parties: ['kg'] }) });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { problems: string[] }).problems.join(' ')).toMatch(/parties/);
    const created = await api('/agreements', {
      method: 'POST',
      body: JSON.stringify({
        id: 'ag_api',
        parties: ['KG', 'TJ'],
        scope_areas: ['kg.osh.chon_alai'],
        starts_at: '2022-09-19T12:00:00+06:00',
        level: 'security_chiefs',
        terms: ['cease_fire', 'withdraw_heavy_weapons'],
      }),
    });
    expect(created.status).toBe(201);
    expect(
      (
        await api('/agreements', {
          method: 'POST',
          body: JSON.stringify({ id: 'ag_api', parties: ['KG'], whole_border: true }),
        })
      ).status,
    ).toBe(409);
    const ended = await api('/agreements/ag_api/end', {
      method: 'POST',
      body: JSON.stringify({ ends_at: '2022-09-20T00:00:00Z' }),
    });
    expect(await ended.json()).toMatchObject({ status: 'ended', ends_at: '2022-09-20T00:00:00.000Z' });
    const listed = (await (await api('/agreements?status=ended')).json()) as {
      agreements: Array<{ id: string }>;
    };
    expect(listed.agreements.map((a) => a.id)).toEqual(['ag_api']);
  });

  it('rate-limits the operator API: a burst over the limit and a flood of bad tokens get 429', async () => {
    // The worker's API with small limits, on the test's event store (the limits are per process).
    const limited = buildOperatorApi({
      db,
      token,
      rateLimitPerMinute: 3,
      authFailuresPerMinute: 2,
      logger: createLogger({ service: 'alerting-test', level: 'silent' }),
    });
    const base = await limited.listen({ host: '127.0.0.1', port: 0 });
    try {
      const get = (auth: string) =>
        fetch(`${base}/alerts?state=open`, { headers: { authorization: `Bearer ${auth}` } });
      for (let i = 0; i < 3; i++) expect((await get(token)).status).toBe(200);
      const over = await get(token);
      expect(over.status).toBe(429);
      expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await over.json()).toMatchObject({
        error: 'rate_limited',
        limit: 'OPERATOR_RATE_LIMIT_PER_MINUTE',
        max: 3,
      });

      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await get(`guess-${i}-0123456789abcdef`)).status);
      expect(codes).toEqual([401, 401, 429, 429, 429]);
      expect(await (await get('guess-5-0123456789abcdef')).json()).toMatchObject({
        limit: 'OPERATOR_AUTH_FAILURES_PER_MINUTE',
        max: 2,
      });
    } finally {
      await limited.close();
    }
  });

  it('proposes an agreement from a ceasefire_agreement event and alerts on a breach that arrived first', async () => {
    // A later truce between governors, read from a statement; its breach is published first.
    const breach = violationEvent({
      id: 'ev_after_truce',
      area: 'kg.chon-alai',
      accused_party: 'TJ',
      published_at: '2022-10-02T10:00:00+06:00',
      time: {
        date: '2022-10-02',
        time_of_day: null,
        start_utc: '2022-10-02T02:00:00Z',
        end_utc: '2022-10-02T02:00:00Z',
        local: null,
        zone: null,
        utc_offset: null,
        precision: 'exact',
      },
    });
    await storeAndPublish(db, producer, prefix, [breach]);
    await storeAndPublish(db, producer, prefix, [
      violationEvent({
        id: 'ev_truce',
        type: 'ceasefire_agreement',
        area: 'kg-tj.border',
        accused_party: null,
        reported_by: 'KG',
        date: '2022-10-01',
        time: {
          date: '2022-10-01',
          time_of_day: null,
          start_utc: null,
          end_utc: null,
          local: null,
          zone: null,
          utc_offset: null,
          precision: 'day',
        },
        agreement: {
          parties: ['TJ', 'KG'],
          level: 'governors',
          starts_at_utc: '2022-10-01T14:00:00Z',
          zone: '+06:00',
          terms: ['cease_fire', 'withdraw_forces'],
        },
        published_at: '2022-10-01T21:00:00+06:00',
      }),
    ]);
    const proposed = await eventually(
      async () => {
        const c = io();
        await agreementsCommand(['list', '--status', 'proposed', '--json'], c.io);
        const rows = JSON.parse(c.out() || '[]') as Array<{
          id: string;
          parties: string[];
          level: string;
          starts_at: string;
          source: string;
        }>;
        return rows[0];
      },
      30_000,
      'the proposed agreement',
    );
    expect(proposed).toMatchObject({
      parties: ['KG', 'TJ'],
      level: 'governors',
      starts_at: '2022-10-01T14:00:00.000Z',
      source: 'statement',
    });

    await eventually(
      async () => ((await alertsOf(proposed.id)).length === 1 ? true : undefined),
      30_000,
      'an alert for the proposed agreement',
    );
    const [alert] = await alertsOf(proposed.id);
    expect(alert).toMatchObject({ area: 'kg.chon-alai', proposedAgreement: true });
    await eventually(
      () =>
        receiver.received.some(
          (r) =>
            (r.json as AlertMessage).data?.agreement_id === proposed.id &&
            (r.json as AlertMessage).data.agreement_proposed,
        )
          ? true
          : undefined,
      20_000,
      'the proposed agreement alert at the webhook',
    );
    // The earlier breaches of 16 September were before this truce: no alert for them.
    expect((await alertsOf(proposed.id)).map((a) => a.area)).toEqual(['kg.chon-alai']);

    // The same agreement from a second statement is one agreement.
    await storeAndPublish(db, producer, prefix, [
      violationEvent({
        id: 'ev_truce_relay',
        type: 'ceasefire_agreement',
        area: 'kg-tj.border',
        accused_party: null,
        reported_by: 'TJ',
        date: '2022-10-01',
        agreement: {
          parties: ['KG', 'TJ'],
          level: 'governors',
          starts_at_utc: null,
          zone: null,
          terms: ['joint_patrols'],
        },
        published_at: '2022-10-01T22:00:00+05:00',
      }),
    ]);
    await eventually(
      async () => {
        const row = (await db('agreements').where({ id: proposed.id }).first()) as
          { terms: string[] } | undefined;
        return row?.terms.includes('joint_patrols') ? row : undefined;
      },
      20_000,
      'the relayed terms',
    );
    expect(await db('agreements').where({ source: 'statement' })).toHaveLength(1);
  });

  it('dead-letters an event the event store does not have, and goes on', async () => {
    const orphan = violationEvent({ id: 'ev_orphan' });
    const message = {
      specversion: '1.0' as const,
      id: orphan.id,
      type: 'ceasefire.violation_event' as const,
      source: 'ceasefire/test',
      time: new Date().toISOString(),
      dataschema: VIOLATION_EVENT_DATASCHEMA,
      datacontenttype: 'application/json' as const,
      data: orphan,
    };
    await producer.publish(topicName(violationEventsTopic, prefix), [
      { key: orphan.area, value: encodeMessage(violationEventsTopic, message) },
    ]);
    const letter = await eventually(
      async () =>
        (await db('dead_letters').where({ stage: 'alerting' }).first()) as
          { error_code: string; error_message: string } | undefined,
      30_000,
      'the dead letter',
    );
    expect(letter).toMatchObject({ error_code: 'unprocessable' });
    expect(letter.error_message).toMatch(/ev_orphan is not in the event store/);
  });

  it('records every delivery attempt, once per channel and notification', async () => {
    const deliveries = await listDeliveries(db);
    const succeeded = deliveries.filter((d) => d.status === 'succeeded');
    const keys = succeeded.map((d) => d.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(succeeded.map((d) => d.channel))).toEqual(new Set(['log', 'topic', 'webhook']));
  });
});
