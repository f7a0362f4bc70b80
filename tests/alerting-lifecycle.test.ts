// The alert lifecycle with the worker as a process and short intervals: an alert repeats while
// firing, escalates at once when fatalities are reported, stops repeating once acknowledged,
// resolves when the area stays quiet, and the group's next breach opens a new alert. (Firing
// again when the severity rises above what was acknowledged is a unit test of the lifecycle.)
import { randomBytes } from 'node:crypto';
import type { AlertMessage } from '@ceasefire/contracts';
import { NewAgreement, acknowledgeAlert, registerAgreement } from '@ceasefire/alerting-service';
import type { Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  notificationsOf,
  startReceiver,
  storeAndPublish,
  violationEvent,
  type Receiver,
} from './support/alerting.ts';
import { startWorker, type WorkerProcess } from './support/workers.ts';
import { eventually, privateStage, type PrivateStage } from './support/harness.ts';

const secret = randomBytes(24).toString('hex');

let stage: PrivateStage;
let db: Knex;
let producer: Producer;
let prefix: string;
let webhook: Receiver;
let worker: WorkerProcess;

const messages = () =>
  webhook.received.filter((r) => r.status < 300).map((r) => (r.json as AlertMessage).data);

beforeAll(async () => {
  stage = await privateStage('alerting_lifecycle', { poolMax: 4 });
  ({ db, producer, prefix } = stage);
  webhook = await startReceiver({ secret });
  await registerAgreement(
    db,
    NewAgreement.parse({
      id: 'ag_lc',
      parties: ['KG', 'TJ'],
      whole_border: true,
      starts_at: '2022-09-16T16:00:00+06:00',
    }),
    new Date(),
  );
  worker = await startWorker('alerting', {
    ...stage.env,
    WEBHOOK_URL: webhook.url,
    WEBHOOK_SECRET: secret,
    ALERTS_TOPIC_CHANNEL: 'false',
    ALERT_TICK_MS: '100',
    DELIVERY_POLL_MS: '100',
    ALERT_GROUP_INTERVAL_MS: '500',
    ALERT_REPEAT_INTERVAL_MS: '2000',
    ALERT_RESOLVE_AFTER_MS: '8000',
    ALERT_ROUTES: JSON.stringify([{ channel: 'log' }, { channel: 'webhook', areas: ['kg.batken'] }]),
  });
});

afterAll(async () => {
  await worker?.stop('SIGTERM');
  await webhook?.close();
  await stage?.close();
});

describe('alert lifecycle', () => {
  it('repeats, escalates at once, stays quiet once acknowledged, resolves, reopens, and routes by area', async () => {
    await storeAndPublish(db, producer, prefix, [
      violationEvent({ id: 'ev_l1', incident_id: 'inc_l1' }),
      // Routed to the log only: the webhook takes Batken region.
      violationEvent({ id: 'ev_sughd', area: 'tj.sughd.isfara', accused_party: 'KG', reported_by: 'TJ' }),
    ]);
    await eventually(
      () => (notificationsOf(webhook.received).includes('repeated') ? true : undefined),
      30_000,
      'a repeat',
    );
    expect(notificationsOf(webhook.received).slice(0, 2)).toEqual(['opened', 'repeated']);
    const alertId = messages()[0]!.alert_id;

    // A second incident with fatalities: critical at once, without waiting for the group interval.
    await storeAndPublish(db, producer, prefix, [
      violationEvent({
        id: 'ev_l2',
        statement_id: 'st_l2',
        incident_id: 'inc_l2',
        type: 'heavy_weapons_fire',
        killed: 3,
        time: {
          date: '2022-09-16',
          time_of_day: null,
          start_utc: '2022-09-16T13:00:00Z',
          end_utc: '2022-09-16T13:00:00Z',
          local: null,
          zone: null,
          utc_offset: null,
          precision: 'exact',
        },
      }),
    ]);
    const updated = await eventually(
      () => messages().find((m) => m.notification === 'updated'),
      30_000,
      'the escalation',
    );
    expect(updated).toMatchObject({
      alert_id: alertId,
      severity: 'critical',
      incident_count: 2,
      killed: 3,
      escalations: ['fatalities'],
    });

    // Acknowledged at critical: no more repeats.
    const ack = await acknowledgeAlert(db, { id: alertId, by: 'duty', now: new Date() });
    expect(ack.ok).toBe(true);
    await eventually(
      () => (notificationsOf(webhook.received).includes('acknowledged') ? true : undefined),
      20_000,
      'the acknowledgement',
    );
    const count = webhook.received.length;
    await new Promise((r) => setTimeout(r, 3_000));
    expect(webhook.received.length).toBe(count);

    // Quiet for ALERT_RESOLVE_AFTER_MS: resolved, told once.
    await eventually(
      () => (notificationsOf(webhook.received).includes('resolved') ? true : undefined),
      30_000,
      'the resolution',
    );
    const transitions = (await db('alert_transitions').where({ alert_id: alertId }).orderBy('id')) as Array<{
      to_state: string;
      by: string;
    }>;
    expect(transitions.map((t) => `${t.to_state}:${t.by}`)).toEqual([
      'firing:system',
      'acknowledged:duty',
      'resolved:system',
    ]);
    expect(messages().every((m) => m.area === 'kg.batken.leilek')).toBe(true);

    // A new breach after resolution opens a new alert in the same group.
    await storeAndPublish(db, producer, prefix, [
      violationEvent({
        id: 'ev_l3',
        statement_id: 'st_l3',
        incident_id: 'inc_l3',
        date: '2022-09-17',
        time: {
          date: '2022-09-17',
          time_of_day: null,
          start_utc: '2022-09-17T12:00:00Z',
          end_utc: '2022-09-17T12:00:00Z',
          local: null,
          zone: null,
          utc_offset: null,
          precision: 'exact',
        },
      }),
    ]);
    await eventually(
      async () => ((await db('alerts').where({ area: 'kg.batken.leilek' })).length === 2 ? true : undefined),
      30_000,
      'a new alert',
    );
    const states = (
      (await db('alerts').where({ area: 'kg.batken.leilek' }).orderBy('opened_at')) as Array<{
        state: string;
        group_key: string;
      }>
    ).map((a) => a.state);
    expect(states).toEqual(['resolved', 'firing']);
    // The other area's alert went to the log only.
    const sughd = (await db('alert_deliveries as d')
      .join('alerts as a', 'a.id', 'd.alert_id')
      .where('a.area', 'tj.sughd.isfara')
      .distinct('d.channel')) as Array<{ channel: string }>;
    expect(sughd.map((d) => d.channel)).toEqual(['log']);
  }, 120_000);
});
