// End to end, the three workers as separate processes on real Kafka and Postgres: the seed
// statement posted over HTTP becomes a proposed agreement (from its ceasefire_agreement event)
// and an alert for the renewed violation, delivered once to a signed webhook and on the alerts
// topic; a second report of a breach updates the same alert instead of opening another.
import { alertsTopic, topicName } from '@ceasefire/contracts';
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
  admin = await (await testKafka('pipeline-test')).admin();
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
    startWorker('alerting', { ...env, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: SECRET, ALERT_TICK_MS: '200', DELIVERY_POLL_MS: '200' }),
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

    const onTopic = (await readTopicWithKcat(topicName(alertsTopic, prefix))).map((m) => ({ key: m.key, data: JSON.parse(m.value).data }));
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
});
