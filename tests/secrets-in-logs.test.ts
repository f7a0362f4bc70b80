// No secret in any log line of a full run: ingester, classifier, alerting and the read API as
// processes at the most verbose log level, with known tokens, webhook secret, SMTP password and a
// database password, driven through their ordinary and error paths (a wrong token, rate limits,
// invalid requests, a webhook answering 500, an SMTP server that is not there, a missing table
// answering 500, a worker refusing its configuration). Then every line any of them wrote is
// searched for each secret, as it is and in base64.
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { statementsTopic, topicName } from '@ceasefire/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, storeAndPublish, violationEvent, type Receiver } from './support/alerting.ts';
import { eventually, privateStage, services, type PrivateStage } from './support/harness.ts';
import { freePort, startWorker, stopAllWorkers, type WorkerProcess } from './support/workers.ts';
import seed from './fixtures/seed-statement.json' with { type: 'json' };

const secret = (label: string) => `${label}-${randomBytes(16).toString('hex')}`;
const INGEST_TOKEN = secret('ingest');
const OPERATOR_TOKEN = secret('operator');
const API_TOKEN = secret('api');
const WEBHOOK_SECRET = secret('webhook');
const SMTP_PASSWORD = secret('smtp');
const DB_PASSWORD = secret('dbpw');
const KAFKA_SASL_PASSWORD = secret('sasl');
const GUESSED_TOKEN = secret('guess');
// A feed behind credentials: in the URL's user info and in its query.
const FEED_PASSWORD = secret('feedpw');
const FEED_KEY = secret('feedkey');
const SECRETS = { INGEST_TOKEN, OPERATOR_TOKEN, API_TOKEN, WEBHOOK_SECRET, SMTP_PASSWORD, DB_PASSWORD, KAFKA_SASL_PASSWORD, GUESSED_TOKEN, FEED_PASSWORD, FEED_KEY };

/** A secret as it could show up: itself, base64 (padded or not, either alphabet), in Basic auth. */
function forms(value: string): string[] {
  const out = new Set<string>([value]);
  // SMTP AUTH PLAIN is base64 of `\0user\0password`; HTTP Basic of `user:password`.
  for (const v of [value, `postgres:${value}`, `ceasefire:${value}`, `\0ceasefire\0${value}`]) {
    const b = Buffer.from(v, 'utf8');
    out.add(b.toString('base64').replace(/=+$/, ''));
    out.add(b.toString('base64url'));
  }
  return [...out];
}

function leaksIn(name: string, lines: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const line of lines) {
    for (const [secretName, value] of Object.entries(SECRETS)) {
      for (const form of forms(value)) if (line.includes(form)) leaks.push(`${name}: ${secretName}${form === value ? '' : ' (encoded)'}: ${line.slice(0, 400)}`);
    }
  }
  return leaks;
}

/**
 * An SMTP server that refuses every login: the e-mail channel sends the password (AUTH PLAIN)
 * and gets a permanent failure back. Keeps the AUTH lines it received.
 */
function refusingSmtp(port: number): Promise<{ server: Server; auth: string[] }> {
  const auth: string[] = [];
  const server = createServer((socket) => {
    socket.write('220 refusing.test ESMTP\r\n');
    let buffer = '';
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      let i: number;
      while ((i = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const verb = line.split(' ')[0]!.toUpperCase();
        if (verb === 'EHLO') socket.write('250-refusing.test\r\n250 AUTH PLAIN LOGIN\r\n');
        else if (verb === 'AUTH') {
          auth.push(line);
          socket.write('535 5.7.8 authentication credentials invalid\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('502 5.5.1 not here\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve({ server, auth })));
}

let smtp: { server: Server; auth: string[] };
let stage: PrivateStage;
let receiver: Receiver;
let workers: WorkerProcess[] = [];
const failedStartOutput: string[] = [];
let ingest: string;
let operator: string;
let api: string;

beforeAll(async () => {
  stage = await privateStage('secrets');
  // Trust authentication: the password is accepted and ignored, but it is in every worker's URL.
  const url = new URL(services().databaseUrl);
  url.password = DB_PASSWORD;
  const env = { ...stage.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'trace' };
  receiver = await startReceiver({ secret: WEBHOOK_SECRET, respond: () => 500 });
  const [ingestPort, operatorPort, apiPort, smtpPort, feedPort] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  smtp = await refusingSmtp(smtpPort);
  ingest = `http://127.0.0.1:${ingestPort}`;
  operator = `http://127.0.0.1:${operatorPort}`;
  api = `http://127.0.0.1:${apiPort}`;
  workers = await Promise.all([
    startWorker('ingester', {
      ...env,
      INGEST_TOKEN,
      HTTP_PORT: String(ingestPort),
      HTTP_RATE_LIMIT_PER_MINUTE: '20',
      HTTP_AUTH_FAILURES_PER_MINUTE: '2',
      // Nothing listens there: every poll fails and is logged with the feed.
      FEEDS: `http://reader:${FEED_PASSWORD}@127.0.0.1:${feedPort}/rss?key=${FEED_KEY}|Border Troops,http://127.0.0.1:${feedPort}/news?access_token=${FEED_KEY}`,
      FEED_INTERVAL_MS: '300',
    }),
    startWorker('classifier', { ...env, CLASSIFIER_GROUP_ID: `${stage.prefix}classifier` }),
    startWorker('alerting', {
      ...env,
      WEBHOOK_URL: receiver.url,
      WEBHOOK_SECRET,
      // It refuses the login: every e-mail attempt fails after sending the password.
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      SMTP_USER: 'ceasefire',
      SMTP_PASSWORD,
      EMAIL_TO: 'duty@example.org',
      OPERATOR_TOKEN,
      OPERATOR_PORT: String(operatorPort),
      ALERT_TICK_MS: '200',
      DELIVERY_POLL_MS: '200',
      DELIVERY_BACKOFF_INITIAL_MS: '200',
      DELIVERY_TIMEOUT_MS: '2000',
    }),
    startWorker('api', { ...env, API_TOKEN, API_HTTP_PORT: String(apiPort), API_SSE_HEARTBEAT_MS: '500' }),
  ]);
  // A worker refusing its configuration says which variable is wrong, and nothing of the others.
  try {
    await startWorker('ingester', {
      ...env,
      INGEST_TOKEN,
      HTTP_BATCH_MAX: 'many',
      KAFKA_SASL_MECHANISM: 'scram-sha-256',
      KAFKA_SASL_USERNAME: 'ceasefire',
      KAFKA_SASL_PASSWORD,
    });
    failedStartOutput.push('(started)');
  } catch (e) {
    failedStartOutput.push((e as Error).message);
  }
});

afterAll(async () => {
  await stopAllWorkers();
  await receiver?.close();
  await new Promise((r) => (smtp ? smtp.server.close(r) : r(undefined)));
  await stage?.close();
});

const call = (base: string, path: string, token: string | null, init: RequestInit = {}) =>
  fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers ?? {}) },
  });

describe('secrets in logs', () => {
  it('drives every worker through its ordinary and error paths', async () => {
    expect(failedStartOutput[0]).toMatch(/HTTP_BATCH_MAX/);

    // Ingest: the seed (a proposed agreement and an alert follow), an invalid statement, a wrong
    // token until the address is refused, and a burst past the token's limit.
    expect((await call(ingest, '/v1/statements', INGEST_TOKEN, { method: 'POST', body: JSON.stringify(seed) })).status).toBe(202);
    expect((await call(ingest, '/v1/statements', INGEST_TOKEN, { method: 'POST', body: JSON.stringify({ text: '' }) })).status).toBe(400);
    expect((await call(ingest, '/v1/nowhere', INGEST_TOKEN)).status).toBe(404);
    const guesses: number[] = [];
    for (let i = 0; i < 3; i++) guesses.push((await call(ingest, '/v1/statements', GUESSED_TOKEN, { method: 'POST', body: '{}' })).status);
    expect(guesses).toEqual([401, 401, 429]);
    expect((await call(ingest, '/v1/statements', INGEST_TOKEN, { method: 'POST', body: '{}' })).status).toBe(429);
    // Garbage on the consumed topic: the classifier dead-letters it with the reason (logged).
    await stage.producer.publish(topicName(statementsTopic, stage.prefix), [{ key: 'garbage', value: Buffer.from('{"not":"a statement"}') }]);

    // An agreement registered by an operator and a breach of it as the classifier would publish
    // it (so the alert does not depend on what the extraction makes of the seed): the alert is
    // delivered to a webhook that answers 500 and an SMTP server that is not there.
    const agreement = await call(operator, '/agreements', OPERATOR_TOKEN, {
      method: 'POST',
      body: JSON.stringify({ id: 'ag_secrets', parties: ['KG', 'TJ'], scope_areas: ['kg.batken'], starts_at: '2022-09-16T16:00:00+06:00', level: 'security_chiefs' }),
    });
    expect(agreement.status).toBe(201);
    await storeAndPublish(stage.db, stage.producer, stage.prefix, [violationEvent({ id: 'ev_secrets_breach' })]);
    const failed = await eventually(
      async () => {
        const rows = await stage.db('alert_deliveries').whereIn('channel', ['webhook', 'email']).whereNotNull('error').select('channel', 'error');
        const channels = new Set(rows.map((r) => r.channel as string));
        return channels.has('webhook') && channels.has('email') ? rows : undefined;
      },
      60_000,
      'failed webhook and e-mail attempts',
    );
    for (const row of failed) for (const [name, value] of Object.entries(SECRETS)) expect(row.error, name).not.toContain(value);
    expect(receiver.received.some((r) => r.status === 500)).toBe(true);
    // The password was really sent (and refused), so a leak of it had its chance.
    expect(smtp.auth.some((l) => Buffer.from(l.split(' ')[2] ?? '', 'base64').toString('utf8').includes(SMTP_PASSWORD))).toBe(true);

    // Operator API and read API: a good request, a wrong token, an invalid one, a live stream.
    expect((await call(operator, '/alerts?state=open', OPERATOR_TOKEN)).status).toBe(200);
    expect((await call(operator, '/alerts', GUESSED_TOKEN)).status).toBe(401);
    expect((await call(operator, '/agreements', OPERATOR_TOKEN, { method: 'POST', body: '{"parties":["KG"]}' })).status).toBe(400);
    expect((await call(api, '/v1/alerts', API_TOKEN)).status).toBe(200);
    expect((await call(api, '/v1/events?cursor=nonsense', API_TOKEN)).status).toBe(400);
    expect((await call(api, '/v1/alerts', GUESSED_TOKEN)).status).toBe(401);
    const controller = new AbortController();
    const stream = await call(api, '/v1/alerts/stream', API_TOKEN, { signal: controller.signal });
    expect(stream.status).toBe(200);
    await new Promise((r) => setTimeout(r, 700));
    controller.abort();

    // A failing query: both APIs answer 500 and log the error.
    await stage.db.raw('alter table ?? rename to ??', ['alerts', 'alerts_gone']);
    try {
      expect((await call(api, '/v1/alerts', API_TOKEN)).status).toBeGreaterThanOrEqual(500);
      expect((await call(operator, '/alerts', OPERATOR_TOKEN)).status).toBeGreaterThanOrEqual(500);
    } finally {
      await stage.db.raw('alter table ?? rename to ??', ['alerts_gone', 'alerts']);
    }
    await new Promise((r) => setTimeout(r, 500));
  }, 120_000);

  it('finds no secret, nor its base64, in any line any worker wrote', async () => {
    await stopAllWorkers();
    const all = [...workers.map((w) => ({ name: w.name, lines: w.lines })), { name: 'ingester (bad configuration)', lines: failedStartOutput }];
    for (const w of all) expect(w.lines.length, `${w.name} wrote nothing`).toBeGreaterThan(0);
    // The error paths were logged (so the search below looked at them).
    const text = workers.map((w) => w.lines.join('\n')).join('\n');
    expect(text).toMatch(/API request failed/);
    expect(text).toMatch(/operator API failed/);
    expect(text).toMatch(/too many authentication failures/);
    expect(text).toMatch(/feed poll failed/);
    if (process.env.SECRETS_TEST_LOG) writeFileSync(process.env.SECRETS_TEST_LOG, `${all.flatMap((w) => w.lines).join('\n')}\n`);
    // The search finds a secret wherever it is, as it is or encoded.
    expect(leaksIn('planted', [`{"msg":"x","url":"postgres://postgres:${DB_PASSWORD}@db/x"}`, `Basic ${Buffer.from(`ceasefire:${SMTP_PASSWORD}`).toString('base64')}`])).toHaveLength(2);
    expect(all.flatMap((w) => leaksIn(w.name, w.lines))).toEqual([]);
  });
});
