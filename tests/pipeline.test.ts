// End to end, the three workers as separate processes on real Kafka and Postgres: the seed
// statement posted over HTTP becomes a proposed agreement (from its ceasefire_agreement event)
// and an alert for the renewed violation, delivered once to a signed webhook and on the alerts
// topic; a second report of a breach updates the same alert instead of opening another. One new
// breach posted to the running system gives exactly one webhook, signed, whose payload says who,
// what, where, when, how bad, how sure, the evidence, the source and the dashboard link (#21).
import { verifyWebhookSignature } from '@ceasefire/alerting-service';
import { AlertMessage, alertsTopic } from '@ceasefire/contracts';
import { createDb } from '@ceasefire/db';
import type { Admin } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from './support/alerting.ts';
import { createPrivateTopics, deleteTopicsWithPrefix, eventually, privateSchema, readTopicWithKcat, services, testKafka } from './support/harness.ts';
import { freePort, startWorker, stopAllWorkers, type WorkerProcess } from './support/workers.ts';
import seed from './fixtures/seed-statement.json' with { type: 'json' };

const TOKEN = 'pipeline-test-token-00000000';
const SECRET = 'pipeline-webhook-secret-000000';
let admin: Admin;
let prefix: string;
let schema: { schema: string; drop(): Promise<void> };
let db: Knex;
let api: string;
let receiver: Receiver;
let workers: WorkerProcess[];

async function post(body: unknown) {
  const res = await fetch(`${api}/v1/statements`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(202);
  return (await res.json()) as { id: string };
}

beforeAll(async () => {
  admin = await testKafka('pipeline-test').admin();
  prefix = await createPrivateTopics(admin, 'pipeline');
  schema = await privateSchema('pipeline');
  db = createDb({ databaseUrl: services().databaseUrl, schema: schema.schema });
  receiver = await startReceiver({ secret: SECRET });
  const env = {
    KAFKA_BROKERS: services().brokers.join(','),
    DATABASE_URL: services().databaseUrl,
    DATABASE_SCHEMA: schema.schema,
    TOPIC_PREFIX: prefix,
    KAFKA_SESSION_TIMEOUT_MS: '8000',
  };
  const httpPort = await freePort();
  api = `http://127.0.0.1:${httpPort}`;
  workers = await Promise.all([
    startWorker('ingester', { ...env, INGEST_TOKEN: TOKEN, HTTP_PORT: String(httpPort) }),
    // A group of its own: the default one is shared with every other classifier on the broker.
    startWorker('classifier', { ...env, CLASSIFIER_GROUP_ID: `${prefix}classifier` }),
    startWorker('alerting', { ...env, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: SECRET, ALERT_TICK_MS: '200', DELIVERY_POLL_MS: '200', PUBLIC_URL: 'https://watch.example.org' }),
  ]);
});

afterAll(async () => {
  await stopAllWorkers();
  await receiver?.close();
  await db?.destroy();
  await schema?.drop();
  if (admin) {
    await deleteTopicsWithPrefix(admin, prefix);
    await admin.disconnect();
  }
});

describe('the pipeline, end to end', () => {
  it('turns the seed statement into a proposed agreement and an alert for the renewed violation', async () => {
    const { id } = await post(seed);

    const agreement = await eventually(async () => (await db('agreements').where({ source_statement_id: id }).first()) ?? undefined, 60_000, 'a proposed agreement');
    expect(agreement).toMatchObject({ status: 'proposed', source: 'statement', level: 'heads_of_state' });
    expect([...agreement.parties].sort()).toEqual(['KG', 'TJ']);

    const alert = await eventually(async () => (await db('alerts').where({ agreement_id: agreement.id }).first()) ?? undefined, 60_000, 'an alert');
    expect(alert).toMatchObject({ state: 'firing', proposed_agreement: true });
    // The seed gives no time for the renewed violation: flagged, not silently placed after the start.
    expect(alert.untimed_allegation).toBe(true);
    const breachTypes = (await db('alert_events').join('violation_events', 'violation_events.id', 'alert_events.event_id').where({ alert_id: alert.id }).select('type')).map((r) => r.type);
    expect(breachTypes).toContain('violation_allegation');

    const hooks = await eventually(() => (receiver.received.length > 0 ? receiver.received : undefined), 30_000, 'a webhook delivery');
    expect(hooks[0]!.verified).toBe(true);
    expect(hooks[0]!.json).toMatchObject({ data: { alert_id: alert.id, notification: 'opened', agreement_proposed: true } });
    const delivery = await eventually(async () => (await db('alert_deliveries').where({ alert_id: alert.id, channel: 'webhook', status: 'succeeded' }).first()) ?? undefined, 30_000, 'a stored delivery');
    expect(delivery.response_code).toBe(200);

    // Each worker's metrics tell the same story.
    const metrics = async (w: WorkerProcess) => (await fetch(`http://127.0.0.1:${w.healthPort}/metrics`)).text();
    expect(await metrics(workers[2]!)).toMatch(/ceasefire_deliveries_total\{[^}]*channel="webhook"[^}]*outcome="succeeded"[^}]*\} [1-9]/);
    expect(await metrics(workers[1]!)).toMatch(/ceasefire_messages_total\{[^}]*stage="classifier"[^}]*outcome="processed"[^}]*\} [1-9]/);
    expect(await metrics(workers[1]!)).toMatch(/ceasefire_consumer_lag\{/);

    const onTopic = (await readTopicWithKcat(prefix + alertsTopic.name)).map((m) => ({ key: m.key, data: JSON.parse(m.value).data }));
    expect(onTopic.some((m) => m.data.alert_id === alert.id && m.key === alert.group_key)).toBe(true);
  });

  it('posting the same statement again changes nothing downstream', async () => {
    const before = { alerts: await db('alerts').count('* as n'), hooks: receiver.received.length, events: await db('violation_events').count('* as n') };
    await post(seed);
    await new Promise((r) => setTimeout(r, 4_000));
    expect(await db('alerts').count('* as n')).toEqual(before.alerts);
    expect(await db('violation_events').count('* as n')).toEqual(before.events);
    expect(receiver.received.length).toBe(before.hooks);
  });

  it('delivers one new breach as exactly one signed webhook that carries who, what, where, when, evidence, source and link', async () => {
    const before = receiver.received.length;
    const { id } = await post({
      published_at: '2022-09-18T09:00:00+06:00',
      language: 'en',
      source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      url: 'https://example.org/gknb/2022-09-18',
      text: 'BATKEN, September 18. On September 18 at 07:30, Tajik servicemen fired mortars at the village of Kulundu in Leilek district, the Border Service of the GKNB of the Kyrgyz Republic reports. Two residents of Kulundu were wounded.',
    });
    const event = await eventually(async () => (await db('violation_events').where({ statement_id: id, type: 'heavy_weapons_fire' }).first()) ?? undefined, 60_000, 'the breach stored');
    const link = await eventually(async () => (await db('alert_events').where({ event_id: event.id }).first()) ?? undefined, 60_000, 'the breach in an alert');
    const mine = () => receiver.received.slice(before).filter((r) => (r.json as AlertMessage).data.alert_id === link.alert_id);
    await eventually(() => (mine().length > 0 ? true : undefined), 30_000, 'its webhook');
    // Nothing else is due for it: a second request would come within the delivery poll.
    await new Promise((r) => setTimeout(r, 3_000));
    expect(mine()).toHaveLength(1);
    const hook = mine()[0]!;
    expect(
      verifyWebhookSignature({ secret: SECRET, body: hook.body, timestamp: hook.headers['x-ceasefire-timestamp'] as string, signature: hook.headers['x-ceasefire-signature'] as string }),
    ).toEqual({ ok: true });
    const message = AlertMessage.parse(hook.json);
    expect(hook.headers['x-ceasefire-idempotency-key']).toBe(message.id);
    expect(message.data).toMatchObject({ alert_id: link.alert_id, notification: 'opened', area: 'kg.batken.leilek' });
    const breach = message.data.breach!;
    expect(breach).toMatchObject({
      area_name: 'Leilek district, Batken region (KG)',
      accused: [{ party: 'TJ', name: 'Tajikistan' }],
      types: ['heavy_weapons_fire'],
      weapons: ['mortar'],
      places: [{ name: 'Kulundu', place_id: 'kg.batken.leilek.kulundu', lat: 40.106, lon: 69.641 }],
      first_breach: { utc: '2022-09-18T01:30:00.000Z', local: '2022-09-18T07:30:00+06:00', zone: 'Asia/Bishkek', utc_offset: '+06:00' },
      latest_breach: { utc: '2022-09-18T01:30:00.000Z', local: '2022-09-18T07:30:00+06:00', zone: 'Asia/Bishkek' },
      killed: null,
      wounded: { count: 2, reported_by: 'KG', statement_id: id },
      corroboration: 'alleged_one_side',
      statement_id: id,
      source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      source_url: 'https://example.org/gknb/2022-09-18',
      link: `https://watch.example.org/#/alerts/${link.alert_id}`,
    });
    expect(breach.reported_by).toEqual([{ party: 'KG', name: 'Kyrgyzstan', agency: expect.stringMatching(/Border Service/) }]);
    expect(breach.wounded!.agency).toMatch(/Border Service/);
    expect(breach.evidence).toBe('On September 18 at 07:30, Tajik servicemen fired mortars at the village of Kulundu in Leilek district, the Border Service of the GKNB of the Kyrgyz Republic reports.');
    const agreement = await db('agreements').where({ id: message.data.agreement_id }).first();
    expect(breach.agreement).toEqual({ id: agreement.id, name: agreement.name, status: agreement.status, starts_at: null, start_zone: null });
  });
});
