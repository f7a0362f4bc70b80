// Delivery of alerts through the outbox, with the worker as a process: a webhook receiver that
// fails three times and then succeeds gets the alert once; a chat webhook that is down delays
// nothing else and is caught up when it comes back; e-mail reaches a local SMTP server; killing
// the worker and restarting it sends nothing twice.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { AlertMessage } from '@ceasefire/contracts';
import { listDeliveries, type DeliveryRecord } from '@ceasefire/db';
import { registerAgreement, NewAgreement } from '@ceasefire/alerting-service';
import type { Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, storeAndPublish, violationEvent, type Receiver } from './support/alerting.ts';
import { freePort, startWorker, type WorkerProcess } from './support/workers.ts';
import { eventually, privateStage, type PrivateStage } from './support/harness.ts';

const secret = randomBytes(24).toString('hex');

let stage: PrivateStage;
let db: Knex;
let producer: Producer;
let prefix: string;
let webhook: Receiver;
let chat: Receiver | undefined;
let chatPort: number;
let smtp: SMTPServer;
let smtpPort: number;
const mails: Array<{ to: string[]; raw: string }> = [];
let worker: WorkerProcess;
let env: Record<string, string>;
let slowOnes = 0;

const byChannel = (all: DeliveryRecord[], channel: string) =>
  all.filter((d) => d.channel === channel).sort((a, b) => a.attempt - b.attempt);

beforeAll(async () => {
  stage = await privateStage('alerting_delivery', { poolMax: 4 });
  ({ db, producer, prefix } = stage);
  // Down three times (503), then up.
  webhook = await startReceiver({
    secret,
    respond: (n) => (n <= 3 ? 503 : 200),
    // The first request for the Batken district is answered slowly: the worker is killed while it waits.
    delayMs: (_n, body) => (body.includes('"area":"kg.batken.batken"') && ++slowOnes === 1 ? 3_000 : 0),
  });
  chatPort = await freePort();
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
  smtpPort = (smtp.server.address() as AddressInfo).port;

  await registerAgreement(
    db,
    NewAgreement.parse({
      id: 'ag_batken',
      parties: ['KG', 'TJ'],
      scope_areas: ['kg.batken'],
      starts_at: '2022-09-16T16:00:00+06:00',
      level: 'security_chiefs',
    }),
    new Date(),
  );
  env = {
    ...stage.env,
    WEBHOOK_URL: webhook.url,
    WEBHOOK_SECRET: secret,
    CHAT_WEBHOOK_URL: `http://127.0.0.1:${chatPort}/chat`,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    EMAIL_TO: 'duty@example.org',
    EMAIL_FROM: 'ceasefire-watch <alerts@example.org>',
    ALERT_TICK_MS: '200',
    DELIVERY_POLL_MS: '100',
    DELIVERY_BACKOFF_INITIAL_MS: '300',
    DELIVERY_BACKOFF_MAX_MS: '1500',
    DELIVERY_TIMEOUT_MS: '2000',
  };
  worker = await startWorker('alerting', env);
});

afterAll(async () => {
  await worker?.stop('SIGTERM');
  await webhook?.close();
  await chat?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await stage?.close();
});

describe('alert delivery', () => {
  it('retries a failing webhook until it takes the alert, once, while other channels go ahead', async () => {
    await storeAndPublish(db, producer, prefix, [
      violationEvent({ id: 'ev_d1', incident_id: 'inc_d1', killed: 2, weapons: ['mortars'] }),
    ]);

    // E-mail, log and topic are delivered while the webhook still fails and the chat is down.
    await eventually(() => (mails.length === 1 ? true : undefined), 30_000, 'the e-mail');
    const early = await listDeliveries(db);
    expect(byChannel(early, 'log').map((d) => d.status)).toEqual(['succeeded']);
    expect(byChannel(early, 'topic').map((d) => d.status)).toEqual(['succeeded']);

    await eventually(
      () => (webhook.received.some((r) => r.status === 200) ? true : undefined),
      30_000,
      'the webhook to succeed',
    );
    expect(webhook.received.map((r) => r.status)).toEqual([503, 503, 503, 200]);
    expect(webhook.received.every((r) => r.verified)).toBe(true);
    // One notification, four attempts: the same idempotency key on each.
    expect(new Set(webhook.received.map((r) => r.headers['x-ceasefire-idempotency-key'])).size).toBe(1);
    expect(webhook.received.map((r) => r.headers['x-ceasefire-attempt'])).toEqual(['1', '2', '3', '4']);
    const hook = webhook.received[3]!.json as AlertMessage;
    expect(hook.data).toMatchObject({
      notification: 'opened',
      severity: 'critical',
      killed: 2,
      escalations: ['fatalities'],
    });

    // The receiver has answered 200; the worker records the outcome right after.
    const attempts = await eventually(
      async () => {
        const rows = byChannel(await listDeliveries(db), 'webhook');
        return rows.some((d) => d.status === 'succeeded') ? rows : undefined;
      },
      30_000,
      'the success recorded',
    );
    expect(attempts.map((d) => [d.attempt, d.status, d.responseCode])).toEqual([
      [1, 'failed', 503],
      [2, 'failed', 503],
      [3, 'failed', 503],
      [4, 'succeeded', 200],
    ]);
    expect(attempts[0]!.error).toMatch(/channel_unavailable: receiver answered 503/);
    // Backoff grows between attempts.
    const gaps = attempts
      .slice(1)
      .map((d, i) => d.attemptedAt!.getTime() - attempts[i]!.attemptedAt!.getTime());
    expect(gaps[0]!).toBeGreaterThanOrEqual(100);

    // The chat stays down: it keeps failing and keeps a pending attempt, losing nothing.
    await eventually(
      async () =>
        byChannel(await listDeliveries(db), 'chat').filter((d) => d.status === 'failed').length >= 2
          ? true
          : undefined,
      20_000,
      'chat retries',
    );
    const chatAttempts = byChannel(await listDeliveries(db), 'chat');
    expect(chatAttempts.at(-1)!.status).toBe('pending');
    expect(chatAttempts[0]!.error).toMatch(/channel_unavailable: POST failed/);
  });

  it('sends the e-mail through SMTP', async () => {
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.to).toEqual(['duty@example.org']);
    // The area by name and the envelope id as the key (issues #21, #18); long headers are folded.
    expect(mail.raw.replace(/\r?\n[ \t]+/g, ' ')).toMatch(
      /Subject: \[ceasefire critical\] opened: breach in Leilek district, Batken region \(KG\)/,
    );
    expect(mail.raw).toMatch(/X-Ceasefire-Idempotency-Key: al_[0-9a-f]+:1\r?\n/);
    // The body is quoted-printable: its soft line breaks (`=` at the end of a line) are undone.
    const body = mail.raw.replace(/=\r?\n/g, '');
    expect(body).toContain('npx ceasefire alerts ack al_');
    expect(body).toMatch(/Accused: +Tajikistan/);
    expect(body).toMatch(/Where: +Leilek district, Batken region \(KG\)/);
  });

  it('after a kill and a restart sends nothing twice, and catches the chat up once it is back', async () => {
    await worker.stop('SIGKILL');
    const webhookBefore = webhook.received.length;
    // Another report of the same incident while the worker is down: grouped, no new notification.
    await storeAndPublish(db, producer, prefix, [
      violationEvent({ id: 'ev_d2', statement_id: 'st_d2', incident_id: 'inc_d1', killed: 2 }),
    ]);
    chat = await startReceiver({ port: chatPort });
    worker = await startWorker('alerting', env);

    await eventually(
      async () => ((await db('alert_events').where({ event_id: 'ev_d2' })).length === 1 ? true : undefined),
      45_000,
      'the second report',
    );
    await eventually(
      () => (chat!.received.some((r) => r.status === 200) ? true : undefined),
      30_000,
      'the chat to catch up',
    );
    await new Promise((r) => setTimeout(r, 2_000));

    expect(chat.received).toHaveLength(1);
    const blocks = chat.received[0]!.json as { text: string; blocks: Array<{ type: string }> };
    // Read at a glance: severity, what, where by name, who is blamed (issue #21).
    expect(blocks.text).toMatch(
      /^:red_circle: Ceasefire breach: small arms fire in Leilek district, Batken region \(KG\), blamed on Tajikistan/,
    );
    expect(blocks.blocks[0]!.type).toBe('header');
    expect(webhook.received.length).toBe(webhookBefore);
    expect(mails).toHaveLength(1);
    const alerts = await db('alerts');
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ event_count: 2, incident_count: 1 });
    const succeeded = (await listDeliveries(db)).filter((d) => d.status === 'succeeded');
    expect(succeeded.map((d) => d.channel).sort()).toEqual(['chat', 'email', 'log', 'topic', 'webhook']);
  });

  it('killed mid-delivery, resends under the same idempotency key, and records one success', async () => {
    await storeAndPublish(db, producer, prefix, [
      violationEvent({ id: 'ev_d3', statement_id: 'st_d3', area: 'kg.batken.batken' }),
    ]);
    const forBatken = () =>
      webhook.received.filter((r) => (r.json as AlertMessage | null)?.data?.area === 'kg.batken.batken');
    await eventually(
      () => (forBatken().length > 0 ? true : undefined),
      45_000,
      'the webhook request in flight',
    );
    // The receiver has the notification but has not answered: kill the worker now.
    await worker.stop('SIGKILL');
    worker = await startWorker('alerting', env);

    // The claim's lease runs out (2 × DELIVERY_TIMEOUT_MS + 5 s) and the attempt is made again.
    const alertId = (forBatken()[0]!.json as AlertMessage).data.alert_id;
    await eventually(
      async () =>
        (await listDeliveries(db, { alertId, channel: 'webhook' })).some((d) => d.status === 'succeeded')
          ? true
          : undefined,
      60_000,
      'the webhook delivery to be recorded',
    );
    const requests = forBatken();
    expect(requests.length).toBeGreaterThanOrEqual(2);
    // A receiver that drops repeats by idempotency key takes it once.
    expect(new Set(requests.map((r) => r.headers['x-ceasefire-idempotency-key'])).size).toBe(1);
    const rows = await listDeliveries(db, { alertId, channel: 'webhook' });
    expect(rows.filter((d) => d.status === 'succeeded')).toHaveLength(1);
    // Every other channel also succeeds exactly once for the notification (one that was in flight
    // at the kill is attempted again when its lease runs out).
    const all = await eventually(
      async () => {
        const ok = (await listDeliveries(db, { alertId })).filter((d) => d.status === 'succeeded');
        return ok.length >= 5 ? ok : undefined;
      },
      30_000,
      'every channel',
    );
    expect(all.map((d) => d.channel).sort()).toEqual(['chat', 'email', 'log', 'topic', 'webhook']);
    expect(
      new Set(
        mails
          .filter((m) => m.raw.includes('kg.batken.batken'))
          .map((m) => /Message-ID: (\S+)/i.exec(m.raw)?.[1]),
      ).size,
    ).toBe(1);
    // Two kills: the restarted consumer waits out the killed member's session before it reads.
  }, 150_000);
});
