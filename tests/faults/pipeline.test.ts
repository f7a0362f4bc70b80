// The fault suite: a few thousand statements of known content posted over HTTP through the three
// workers (processes) on a private broker and a private Postgres, while a seeded plan SIGKILLs each
// worker several times, stops and restarts the broker and the database, and makes the operators'
// webhook fail and hang. Afterwards a checker proves from the database, the topics and the
// receiver that nothing was lost and nothing doubled (DESIGN.md, Guarantees).
//
// Short by default (part of `npm test`); `FAULTS_SOAK_MINUTES=30` runs a soak of that length and
// writes its figures into docs/reliability.md. `FAULTS_SEED` replays a run.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { groupKeyOf, NewAgreement, registerAgreement } from '@ceasefire/alerting-service';
import { areaAtLevel, isRegionArea, judgeBreach } from '@ceasefire/alerting';
import { toRecords } from '@ceasefire/classifier';
import { allTopics, statementsTopic, violationEventsTopic, topicName } from '@ceasefire/contracts';
import { createDb, migrateLatest } from '@ceasefire/db';
import { EXTRACTOR_VERSION, PROFILES, extract } from '@ceasefire/extraction';
import { agencyDirectory, normalizeStatement, StatementSubmission } from '@ceasefire/ingest';
import { kafkaClientFor, createLogger, ensureTopics, type Admin, type KafkaClient, type Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, repoRoot } from '../support/workers.ts';
import { generateStatements, prng, type Submission } from './statements.ts';
import {
  FAULT_BROKERS,
  FAULT_DATABASE_URL,
  readTopicValues,
  sleep,
  startFaultKafka,
  startFaultPostgres,
  startFaultReceiver,
  stopFaultKafka,
  removeFaultPostgres,
  stopFaultPostgres,
  Supervised,
  type FaultReceiver,
} from './support.ts';

const SOAK_MINUTES = Number(process.env.FAULTS_SOAK_MINUTES ?? 0);
const SOAK = SOAK_MINUTES > 0;
const SEED = Number(process.env.FAULTS_SEED ?? 20261128);
// Short: 1500 statements posted over ~90 s. Soak: ~10 statements a second for the whole time.
const STREAM_MS = SOAK ? SOAK_MINUTES * 60_000 : Number(process.env.FAULTS_STREAM_SECONDS ?? 90) * 1000;
const COUNT = SOAK ? Math.round(STREAM_MS / 100) : Number(process.env.FAULTS_STATEMENTS ?? 1500);
const BATCH = 20;
const TOKEN = `faults-ingest-token-${randomBytes(8).toString('hex')}`;
const SECRET = `faults-webhook-secret-${randomBytes(8).toString('hex')}`;
// Agreements registered one after another during the stream, so that alerts open (and are
// delivered) throughout the run, under whatever fault is on at the time.
// One agreement in force over the whole stream: since issue #21 an event joins at most one alert
// (the agreement in force when it happened), so agreements registered mid-stream would make the
// expected alerts depend on the faults' timing. The timeline test covers agreements that change.
const AGREEMENT = 'ag_faults_0';

const run = `f${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
const prefix = `${run}.`;
const schema = `faults_${run}`;

let db: Knex;
let kafka: KafkaClient;
let admin: Admin | null = null;
let producer: Producer | null = null;
let receiver: FaultReceiver;
const workers: Record<'ingester' | 'classifier' | 'alerting', Supervised> = {} as never;
let api = '';

const figures = {
  seed: SEED,
  mode: SOAK ? `soak ${SOAK_MINUTES} min` : 'short',
  kills: { ingester: 0, classifier: 0, alerting: 0 },
  restarts: 0,
  failedStarts: 0,
  brokerOutages: 0,
  databaseOutages: 0,
  webhookFailingWindows: 0,
  webhookHangingWindows: 0,
  postRetries: 0,
  posts503: 0,
  postsConnRefused: 0,
  plantedBadMessages: 0,
  statements: { posted: 0, expected: 0, found: 0 },
  events: { expected: 0, found: 0, distinctOnTopic: 0, copiesOnTopic: 0 },
  alerts: { expectedGroups: 0, found: 0, webhookRequests: 0, webhookDuplicates: 0, succeededDeliveries: 0 },
  deadLetters: 0,
  durationMs: 0,
  convergeMs: 0,
};

const log = (line: string) => process.stderr.write(`[faults] ${line}\n`);

async function connectKafka(): Promise<void> {
  kafka = await kafkaClientFor({ brokers: FAULT_BROKERS, clientId: 'faults-test', retries: 20 }, createLogger({ service: 'faults-test', level: 'silent' }));
  admin = await kafka.admin();
}

beforeAll(async () => {
  const t0 = Date.now();
  await Promise.all([startFaultKafka(), startFaultPostgres()]);
  await migrateLatest({ databaseUrl: FAULT_DATABASE_URL, schema });
  db = createDb({ databaseUrl: FAULT_DATABASE_URL, schema, pool: { max: 4 } });
  await connectKafka();
  await ensureTopics(admin!, allTopics, { prefix });
  await registerFaultAgreement(AGREEMENT);
  receiver = await startFaultReceiver(SECRET);
  const httpPort = await freePort();
  api = `http://127.0.0.1:${httpPort}`;
  const env = {
    KAFKA_BROKERS: FAULT_BROKERS.join(','),
    DATABASE_URL: FAULT_DATABASE_URL,
    DATABASE_SCHEMA: schema,
    TOPIC_PREFIX: prefix,
    KAFKA_SESSION_TIMEOUT_MS: '6000',
    SHUTDOWN_TIMEOUT_MS: '5000',
    DATABASE_POOL_MAX: '4',
  };
  workers.ingester = new Supervised('ingester', { ...env, INGEST_TOKEN: TOKEN, HTTP_PORT: String(httpPort), HTTP_BATCH_MAX: String(BATCH) });
  workers.classifier = new Supervised('classifier', { ...env, CLASSIFIER_GROUP_ID: `${prefix}classifier` });
  workers.alerting = new Supervised('alerting', {
    ...env,
    ALERTING_GROUP_ID: `${prefix}alerting`,
    WEBHOOK_URL: receiver.url,
    WEBHOOK_SECRET: SECRET,
    LOG_CHANNEL: 'false',
    ALERT_TICK_MS: '250',
    DELIVERY_POLL_MS: '250',
    DELIVERY_TIMEOUT_MS: '2000',
    DELIVERY_BACKOFF_INITIAL_MS: '250',
    DELIVERY_BACKOFF_MAX_MS: '3000',
    DELIVERY_MAX_ATTEMPTS: '10000',
    // One alert per group for the whole run, and no notifications but the first (and escalations):
    // the checker can then say exactly what each group must have received.
    ALERT_GROUP_INTERVAL_MS: String(24 * 3600_000),
    ALERT_REPEAT_INTERVAL_MS: String(24 * 3600_000),
    ALERT_RESOLVE_AFTER_MS: String(30 * 24 * 3600_000),
    ALERT_ON_PROPOSED: 'false',
  });
  await Promise.all([workers.ingester.start(), workers.classifier.start(), workers.alerting.start()]);
  log(`private broker ${FAULT_BROKERS[0]}, postgres ${FAULT_DATABASE_URL} schema ${schema}, prefix ${prefix}: ready in ${Date.now() - t0} ms`);
}, 300_000);

afterAll(async () => {
  receiver?.setMode('up');
  await Promise.all(Object.values(workers).map((w) => w.stop()));
  // Every line every worker process wrote, for the post-mortem of a failed run.
  await mkdir(path.join(repoRoot, '.cache/faults/logs'), { recursive: true });
  for (const w of Object.values(workers)) await writeFile(path.join(repoRoot, `.cache/faults/logs/${w.name}.log`), `${w.lines.join('\n')}\n`);
  await producer?.disconnect().catch(() => undefined);
  if (admin) {
    const mine = (await admin.listTopics().catch(() => [] as string[])).filter((t) => t.startsWith(prefix));
    await admin.deleteTopics(mine).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
  if (db) {
    await db.raw('drop schema if exists ?? cascade', [schema]).catch(() => undefined);
    await db.destroy();
  }
  await receiver?.close();
  // Stopped, so they cost nothing between runs; their data dirs stay for the next start.
  await Promise.allSettled([stopFaultKafka(), removeFaultPostgres()]);
}, 180_000);

async function registerFaultAgreement(id: string): Promise<void> {
  for (;;) {
    try {
      await registerAgreement(
        db,
        NewAgreement.parse({ id, parties: ['KG', 'TJ'], whole_border: true, starts_at: '2023-01-01T00:00:00+06:00', level: 'security_chiefs' }),
        new Date(),
      );
      return;
    } catch (e) {
      // The database may be down right now (a fault): an operator would try again.
      if ((e as { code?: string }).code === '23505') return;
      await sleep(1_000);
    }
  }
}

/** Posts the stream in batches, paced over STREAM_MS, retrying like a real client (503, refused). */
async function postStream(subs: Submission[], ids: Set<string>): Promise<void> {
  const batches: Submission[][] = [];
  for (let i = 0; i < subs.length; i += BATCH) batches.push(subs.slice(i, i + BATCH));
  const started = Date.now();
  for (const [i, batch] of batches.entries()) {
    // Garbage straight onto the topics, amid good messages: it must end in the DLQs, alone.
    if (i === Math.floor(batches.length / 3)) await plantBadMessages();
    const due = started + (STREAM_MS * i) / batches.length;
    if (due > Date.now()) await sleep(due - Date.now());
    for (let attempt = 0; ; attempt++) {
      let status = 0;
      let body: { results?: Array<{ id?: string; status: string }> } = {};
      try {
        const res = await fetch(`${api}/v1/statements/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(batch),
          signal: AbortSignal.timeout(30_000),
        });
        status = res.status;
        body = (await res.json().catch(() => ({}))) as typeof body;
      } catch {
        figures.postsConnRefused++;
      }
      if (status === 202) {
        for (const r of body.results ?? []) if (r.id) ids.add(r.id);
        expect(body.results?.every((r) => r.status === 'accepted')).toBe(true);
        figures.statements.posted += batch.length;
        break;
      }
      // Anything but "unavailable" (or no answer at all) is a bug of the ingester.
      expect([0, 503], `batch ${i}: HTTP ${status} ${JSON.stringify(body).slice(0, 500)}`).toContain(status);
      if (status === 503) figures.posts503++;
      figures.postRetries++;
      await sleep(Math.min(5_000, 250 * 2 ** Math.min(attempt, 4)));
    }
  }
}

type Fault = 'kill:ingester' | 'kill:classifier' | 'kill:alerting' | 'broker' | 'postgres' | 'webhook:failing' | 'webhook:hanging';

/** The seeded plan: which faults, in which order, with which gaps and outage lengths. */
function faultPlan(rnd: () => number): Fault[] {
  const base: Fault[] = [
    'kill:ingester', 'kill:ingester',
    'kill:classifier', 'kill:classifier', 'kill:classifier',
    'kill:alerting', 'kill:alerting', 'kill:alerting',
    'broker', 'postgres', 'webhook:failing', 'webhook:hanging',
  ];
  const shuffle = (xs: Fault[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  if (!SOAK) return shuffle(base);
  // Soak: rounds of the same mix until the stream ends.
  return Array.from({ length: 60 }, () => shuffle([...base])).flat();
}

const planted: Buffer[] = [];

async function plantBadMessages(): Promise<void> {
  producer ??= await kafka.producer();
  const bad = [
    { topic: topicName(statementsTopic, prefix), value: Buffer.from('not json at all {') },
    { topic: topicName(statementsTopic, prefix), value: Buffer.from(JSON.stringify({ specversion: '1.0', id: 'x', data: { text: 42 } })) },
    { topic: topicName(violationEventsTopic, prefix), value: Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80]) },
    { topic: topicName(violationEventsTopic, prefix), value: Buffer.from(JSON.stringify({ hello: 'world' })) },
  ];
  for (const b of bad) {
    for (;;) {
      try {
        await producer.publish(b.topic, [{ key: 'planted', value: b.value }]);
        break;
      } catch {
        await sleep(1_000);
      }
    }
    planted.push(b.value);
    figures.plantedBadMessages++;
  }
}

async function runFaults(plan: Fault[], rnd: () => number, until: number): Promise<void> {
  const planStarted = Date.now();
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  await sleep(between(3_000, 6_000));
  for (const fault of plan) {
    // The short plan runs whole, even past the stream's end; a soak stops with the stream.
    if (SOAK && Date.now() > until) break;
    log(`fault: ${fault} (+${Math.round((Date.now() - planStarted) / 1000)} s)`);
    switch (fault) {
      case 'kill:ingester':
      case 'kill:classifier':
      case 'kill:alerting': {
        const name = fault.slice(5) as 'ingester' | 'classifier' | 'alerting';
        await workers[name].kill('SIGKILL');
        figures.kills[name]++;
        await sleep(between(200, 2_000));
        await workers[name].start();
        break;
      }
      case 'broker':
        await stopFaultKafka();
        figures.brokerOutages++;
        await sleep(between(2_000, 6_000));
        await startFaultKafka();
        break;
      case 'postgres':
        await stopFaultPostgres();
        figures.databaseOutages++;
        await sleep(between(2_000, 6_000));
        await startFaultPostgres();
        break;
      case 'webhook:failing':
        receiver.setMode('failing');
        figures.webhookFailingWindows++;
        await sleep(between(5_000, 10_000));
        receiver.setMode('up');
        break;
      case 'webhook:hanging':
        receiver.setMode('hanging');
        figures.webhookHangingWindows++;
        await sleep(between(5_000, 10_000));
        receiver.setMode('up');
        break;
    }
    await sleep(between(1_500, SOAK ? 30_000 : 4_000));
  }
}

async function lag(group: string, topic: string): Promise<number> {
  const [committed, end] = await Promise.all([admin!.committedOffsets(group, topic), admin!.endOffsets(topic)]);
  const at = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  return end.reduce((n, p) => n + Number(p.offset) - Math.max(0, at.get(p.partition) ?? 0), 0);
}

describe('the pipeline under faults', () => {
  it(
    `stores every statement once, every event once, delivers every alert once (seed ${SEED})`,
    async () => {
      const t0 = Date.now();
      const rnd = prng(SEED);
      const subs = generateStatements(SEED, COUNT);

      // What must come out, computed in-process from the same statements with the same code.
      const agencies = agencyDirectory(PROFILES);
      const expectedStatements = new Map<string, Submission>();
      const expectedEvents = new Map<string, { statementId: string; area: string }>();
      const expectedGroups = new Set<string>();
      const requiredGroups = new Set<string>();
      const breaching = new Set<string>();
      const agreement = {
        id: 'any',
        parties: ['KG', 'TJ'],
        status: 'in_force' as const,
        startsAt: new Date('2023-01-01T00:00:00+06:00'),
        announcedAt: null,
        endsAt: null,
        scopeAreas: [],
        wholeBorder: true,
        terms: ['cease_fire'],
      };
      for (const sub of subs) {
        const statement = normalizeStatement(StatementSubmission.parse(sub), {
          receivedAt: new Date(),
          origin: { kind: 'http', ref: null },
          zoneOfAgency: (a) => agencies.lookup(a),
        });
        if (expectedStatements.has(statement.id)) continue;
        expectedStatements.set(statement.id, sub);
        const result = extract({ id: statement.id, text: statement.text, published_at: statement.published_at, language: statement.language, source_agency: statement.source_agency, url: statement.url });
        for (const e of toRecords(statement, result).events) {
          expectedEvents.set(e.id, { statementId: statement.id, area: e.area });
          const verdict = judgeBreach(
            {
              id: e.id,
              type: e.type as Parameters<typeof judgeBreach>[0]["type"],
              area: e.area,
              accusedParty: e.accused_party,
              reportedBy: e.reported_by,
              startUtc: e.time.start_utc ? new Date(e.time.start_utc) : null,
              endUtc: e.time.end_utc ? new Date(e.time.end_utc) : null,
              date: e.date,
              publishedAt: new Date(statement.published_at),
              killed: e.killed,
              wounded: e.wounded,
              weapons: e.weapons,
              incidentId: null,
              corroboration: null,
            },
            agreement,
            { alertOnProposed: false },
          );
          if (verdict.breach) {
            breaching.add(e.id);
            const area = areaAtLevel(e.area, 'district');
            expectedGroups.add(groupKeyOf(AGREEMENT, area));
            // A region-only event opens its region's alert only when no district alert of the
            // region is open (timing): such a group may or may not exist in the end.
            if (!isRegionArea(area)) requiredGroups.add(groupKeyOf(AGREEMENT, area));
          }
        }
      }
      figures.statements.expected = expectedStatements.size;
      figures.events.expected = expectedEvents.size;
      figures.alerts.expectedGroups = expectedGroups.size;
      log(`stream: ${subs.length} submissions, ${expectedStatements.size} statements, ${expectedEvents.size} events, ${expectedGroups.size} alert groups (extractor ${EXTRACTOR_VERSION})`);

      const acceptedIds = new Set<string>();
      const streamEnds = Date.now() + STREAM_MS;
      await Promise.all([postStream(subs, acceptedIds), runFaults(faultPlan(rnd), rnd, streamEnds - 5_000)]);
      receiver.setMode('up');
      for (const w of Object.values(workers)) if (!w.current) await w.start();
      expect([...acceptedIds].sort()).toEqual([...expectedStatements.keys()].sort());

      // Converge: everything stored, lag zero, every alert delivered.
      const tc = Date.now();
      const statementsTopicName = topicName(statementsTopic, prefix);
      const eventsTopicName = topicName(violationEventsTopic, prefix);
      const deadline = Date.now() + (SOAK ? 600_000 : 240_000);
      let state = '';
      for (;;) {
        try {
          const [st, ev, al, pendingWebhook, lagC, lagA, inAlerts] = await Promise.all([
            db('statements').count<{ n: string }[]>('* as n'),
            db('violation_events').count<{ n: string }[]>('* as n'),
            db('alerts').select('id'),
            db('alert_deliveries').where({ channel: 'webhook' }).whereNot({ status: 'succeeded' }).whereNotExists(
              db('alert_deliveries as s').whereRaw('s.idempotency_key = alert_deliveries.idempotency_key').where('s.status', 'succeeded'),
            ).count<{ n: string }[]>('* as n'),
            lag(`${prefix}classifier`, statementsTopicName),
            lag(`${prefix}alerting`, eventsTopicName),
            db('alert_events').countDistinct<{ n: string }[]>('event_id as n'),
          ]);
          const delivered = await db('alert_deliveries').where({ channel: 'webhook', status: 'succeeded', notification: 'opened' }).countDistinct<{ n: string }[]>('alert_id as n');
          state = `statements ${st[0]!.n}/${expectedStatements.size}, events ${ev[0]!.n}/${expectedEvents.size}, alerts ${al.length}/${expectedGroups.size} (opened delivered ${delivered[0]!.n}), undelivered ${pendingWebhook[0]!.n}, lag classifier ${lagC} alerting ${lagA}`;
          if (
            Number(st[0]!.n) >= expectedStatements.size &&
            Number(ev[0]!.n) >= expectedEvents.size &&
            al.length >= requiredGroups.size &&
            Number(inAlerts[0]!.n) >= breaching.size &&
            Number(delivered[0]!.n) >= al.length &&
            Number(pendingWebhook[0]!.n) === 0 &&
            lagC === 0 &&
            lagA === 0
          )
            break;
        } catch (e) {
          state = `not answering: ${String(e)}`;
        }
        if (Date.now() > deadline) throw new Error(`did not converge: ${state}`);
        await sleep(1_000);
      }
      figures.convergeMs = Date.now() - tc;
      log(`converged after ${figures.convergeMs} ms: ${state}`);

      // 1. Every statement stored once.
      const storedIds = (await db('statements').select('id')).map((r: { id: string }) => r.id);
      figures.statements.found = storedIds.length;
      expect(storedIds.sort()).toEqual([...expectedStatements.keys()].sort());

      // 2. Every expected event once per statement and extractor version, nothing else.
      const events = await db('violation_events').select('id', 'statement_id', 'extractor_version', 'area');
      figures.events.found = events.length;
      expect(events.map((e) => e.id).sort()).toEqual([...expectedEvents.keys()].sort());
      const perKey = new Map<string, number>();
      for (const e of events) perKey.set(`${e.statement_id}|${e.extractor_version}`, (perKey.get(`${e.statement_id}|${e.extractor_version}`) ?? 0) + 1);
      const expectedPerKey = new Map<string, number>();
      for (const e of expectedEvents.values()) expectedPerKey.set(`${e.statementId}|${EXTRACTOR_VERSION}`, (expectedPerKey.get(`${e.statementId}|${EXTRACTOR_VERSION}`) ?? 0) + 1);
      expect(Object.fromEntries(perKey)).toEqual(Object.fromEntries(expectedPerKey));
      // On the topic: at least once, so copies may repeat, but the ids are exactly the expected ones.
      const onTopic = (await readTopicValues(eventsTopicName)).flatMap((v) => {
        try {
          return [(JSON.parse(v) as { id?: string }).id ?? ''];
        } catch {
          return [];
        }
      }).filter((id) => id.startsWith('ev_'));
      figures.events.copiesOnTopic = onTopic.length;
      figures.events.distinctOnTopic = new Set(onTopic).size;
      expect([...new Set(onTopic)].sort()).toEqual([...expectedEvents.keys()].sort());

      // 3. Every breach in exactly one alert (issue #21), one alert per expected group, each
      //    delivered: one success per notification and channel; the receiver saw it at least
      //    once, and repeats carried the same key.
      const joined = await db('alert_events').select('event_id').count<{ event_id: string; n: string }[]>('* as n').groupBy('event_id');
      expect(joined.filter((j) => Number(j.n) !== 1)).toEqual([]);
      expect(joined.map((j) => j.event_id).sort()).toEqual([...breaching].sort());
      const alerts = await db('alerts').select('id', 'group_key');
      figures.alerts.found = alerts.length;
      const groups = alerts.map((a) => a.group_key as string);
      expect(new Set(groups).size).toBe(groups.length);
      for (const g of requiredGroups) expect(groups, `group ${g}`).toContain(g);
      for (const g of groups) expect([...expectedGroups], `group ${g}`).toContain(g);
      const succeeded = await db('alert_deliveries').where({ status: 'succeeded' }).select('alert_id', 'channel', 'notification_key', 'idempotency_key');
      figures.alerts.succeededDeliveries = succeeded.length;
      const successKeys = succeeded.map((d) => `${d.alert_id}|${d.channel}|${d.notification_key}`);
      expect(new Set(successKeys).size).toBe(successKeys.length);
      // A request's idempotency header is the notification's envelope id; the delivery row's key
      // adds its channel (`<envelope id>:webhook`).
      const webhookKeys = new Map(
        succeeded
          .filter((d) => d.channel === 'webhook')
          .map((d) => [(d.idempotency_key as string).replace(/:webhook$/, ''), d.alert_id as string]),
      );
      for (const a of alerts) expect([...webhookKeys.values()], `alert ${a.id} delivered`).toContain(a.id);
      const seen = new Map<string, number>();
      for (const r of receiver.requests) {
        expect(r.verified).toBe(true);
        if (r.status === 200) seen.set(r.idempotencyKey, (seen.get(r.idempotencyKey) ?? 0) + 1);
      }
      figures.alerts.webhookRequests = receiver.requests.length;
      figures.alerts.webhookDuplicates = [...seen.values()].reduce((n, c) => n + c - 1, 0);
      for (const key of webhookKeys.keys()) expect(seen.get(key) ?? 0, `receiver saw ${key}`).toBeGreaterThanOrEqual(1);
      // Every request the receiver accepted belongs to a notification recorded as succeeded, and
      // one notification of one alert always carried one key.
      for (const key of seen.keys()) expect(webhookKeys.has(key), `accepted ${key} is recorded`).toBe(true);
      const keyOf = new Map<string, string>();
      for (const r of receiver.requests) {
        const id = `${r.alertId}|${r.notification}`;
        if (r.notification === 'opened') {
          expect(keyOf.get(id) ?? r.idempotencyKey).toBe(r.idempotencyKey);
          keyOf.set(id, r.idempotencyKey);
        }
      }

      // 4. Nothing in any DLQ but the planted messages.
      const dead = await db('dead_letters').select('topic', 'payload', 'error_code');
      figures.deadLetters = dead.length;
      expect(dead.map((d) => Buffer.from(d.payload).toString('hex')).sort()).toEqual(planted.map((p) => p.toString('hex')).sort());
      expect(dead.every((d) => d.error_code === 'contract_violation')).toBe(true);
      const dlqSizes = await Promise.all(
        [statementsTopic, violationEventsTopic].map(async (t) => (await admin!.endOffsets(topicName(t.dlq!, prefix))).reduce((n, p) => n + Number(p.offset), 0)),
      );
      // A DLQ publish may repeat after a crash (at least once); the rows above are unique by origin.
      expect(dlqSizes[0]).toBeGreaterThanOrEqual(2);
      expect(dlqSizes[1]).toBeGreaterThanOrEqual(2);

      // 5. No worker died on its own; every restart was ours.
      for (const w of Object.values(workers)) expect(w.crashes, `${w.name} crashed`).toEqual([]);
      figures.restarts = Object.values(workers).reduce((n, w) => n + w.starts - 1, 0);
      figures.failedStarts = Object.values(workers).reduce((n, w) => n + w.failedStarts, 0);
      figures.durationMs = Date.now() - t0;

      log(`figures: ${JSON.stringify(figures)}`);
      await writeFigures();
    },
    (SOAK ? SOAK_MINUTES * 60_000 + 900_000 : 480_000),
  );
});

/** The last run's figures in .cache/faults/last-run.json; a soak run also updates docs/reliability.md. */
async function writeFigures(): Promise<void> {
  const dir = path.join(repoRoot, '.cache/faults');
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'last-run.json'), `${JSON.stringify({ at: new Date().toISOString(), ...figures }, null, 2)}\n`);
  if (!SOAK) return;
  const doc = path.join(repoRoot, 'docs/reliability.md');
  const text = await readFile(doc, 'utf8').catch(() => '');
  const begin = '<!-- fault-figures:begin -->';
  const end = '<!-- fault-figures:end -->';
  const table = [
    begin,
    `Last soak run: ${new Date().toISOString().slice(0, 16)}Z, \`FAULTS_SOAK_MINUTES=${SOAK_MINUTES} FAULTS_SEED=${SEED} npx vitest run tests/faults/pipeline.test.ts\`, ${Math.round(figures.durationMs / 60_000)} min.`,
    '',
    '| figure | value |',
    '|---|---|',
    `| worker kills (SIGKILL): ingester / classifier / alerting | ${figures.kills.ingester} / ${figures.kills.classifier} / ${figures.kills.alerting} |`,
    `| worker restarts (of which failed during an outage) | ${figures.restarts} (${figures.failedStarts}) |`,
    `| broker stop/start | ${figures.brokerOutages} |`,
    `| Postgres stop/start | ${figures.databaseOutages} |`,
    `| webhook failing / hanging windows | ${figures.webhookFailingWindows} / ${figures.webhookHangingWindows} |`,
    `| client retries (503 / no answer) | ${figures.posts503} / ${figures.postsConnRefused} |`,
    `| planted bad messages / dead letters | ${figures.plantedBadMessages} / ${figures.deadLetters} |`,
    `| statements expected / stored | ${figures.statements.expected} / ${figures.statements.found} |`,
    `| events expected / stored / distinct on topic (copies) | ${figures.events.expected} / ${figures.events.found} / ${figures.events.distinctOnTopic} (${figures.events.copiesOnTopic}) |`,
    `| alert groups expected / alerts found | ${figures.alerts.expectedGroups} / ${figures.alerts.found} |`,
    `| webhook requests / duplicates (same key) / succeeded deliveries, all channels | ${figures.alerts.webhookRequests} / ${figures.alerts.webhookDuplicates} / ${figures.alerts.succeededDeliveries} |`,
    `| time to converge after the stream | ${Math.round(figures.convergeMs / 1000)} s |`,
    end,
  ].join('\n');
  const next = text.includes(begin) ? text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), table) : `${text}\n${table}\n`;
  await writeFile(doc, next);
}
