// The alerting engine alone (issue 7): events already in the event store handed to
// AlertEngine.handleEvents in batches, in this process, against the local Postgres, without
// Kafka or delivery. Reports this process's CPU time and the wall time per event, for a few
// batch sizes, so a change to alerting is measured without the rest of the pipeline (and, as
// CPU time, with less of the drift of a shared machine).
//
//   npm run bench:alerting [-- --events 3000 --batches 1,10,100 --days 20 --areas 13]
//
// A long crisis in one place (`--days 2000 --areas 1 --events 20000`, each event a new incident of
// one alert) shows whether an alert's cost per batch grows with its size: the last tenth of a run
// is timed against the first.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_ESCALATION, DEFAULT_LIFECYCLE } from '@ceasefire/alerting';
import { AlertEngine } from '@ceasefire/alerting-service';
import type { ViolationEvent } from '@ceasefire/contracts';
import { createDb, dropSchema, migrateLatest } from '@ceasefire/db';
import { agreementInForce } from './lib/agreements.ts';
import { createLogger, type Producer } from '@ceasefire/runtime';
import { checkoutId, stackUp } from '@ceasefire/stack';
import { storeAndPublish, violationEvent } from '../tests/support/alerting.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '3000' },
    batches: { type: 'string', default: '1,10,100' },
    /** Days the events spread over (incidents are keyed by day, area and type). */
    days: { type: 'string', default: '20' },
    /** Areas the events spread over (one alert group per area). */
    areas: { type: 'string', default: '13' },
  },
});
const N = Number(args.events);
const BATCHES = args.batches!.split(',').map(Number);
const DAYS = Number(args.days);
// This checkout's own database: the machine's default one is shared with other checkouts.
const stack = await stackUp({ root, log: () => {}, database: `ceasefire_bench_${checkoutId(root)}` });
const noProducer = { publish: async () => {} } as unknown as Producer;

const AREAS = [
  'kg.batken.leilek',
  'kg.batken.batken',
  'kg.batken.kadamjai',
  'kg.osh.chon-alai',
  'tj.sughd.isfara',
  'tj.sughd.b-gafurov',
  'tj.sughd.jabbor-rasulov',
  'kg.batken.kyzyl-kiya',
  'kg.batken.sulukta',
  'tj.sughd.istaravshan',
  'kg.osh.alai',
  'tj.sughd.spitamen',
  'kg.batken.isfana',
];
const USED_AREAS = AREAS.slice(0, Number(args.areas));
const TYPES = [
  'small_arms_fire',
  'armed_clash',
  'heavy_weapons_fire',
  'violation_allegation',
  'incursion',
] as const;

/** Events like the pipeline bench's: 13 areas, a few types, incidents by day, some casualties. */
function events(tag: string, year: number): ViolationEvent[] {
  return Array.from({ length: N }, (_, i) => {
    const day = 1 + (i % DAYS);
    const start = new Date(Date.UTC(year, 4, day, (i * 7) % 24)).toISOString();
    const area = USED_AREAS[(i * 5) % USED_AREAS.length]!;
    const type = TYPES[(i * 3) % TYPES.length]!;
    return violationEvent({
      id: `ev_${tag}_${i}`,
      statement_id: `st_${tag}_${i}`,
      area,
      type,
      time: {
        date: start.slice(0, 10),
        time_of_day: null,
        start_utc: start,
        end_utc: start,
        local: null,
        zone: 'Asia/Bishkek',
        utc_offset: '+06:00',
        precision: 'exact',
      },
      date: start.slice(0, 10),
      published_at: new Date(Date.parse(start) + 3600_000).toISOString(),
      killed: i % 17 === 0 ? 1 + (i % 5) : null,
      wounded: i % 9 === 0 ? 2 : null,
      incident_id: i % 6 === 5 ? null : `in_${tag}_${start.slice(0, 10)}_${area}_${type}`,
    });
  });
}

const schema = `bench_alerting_${Date.now().toString(36)}`;
await migrateLatest({ databaseUrl: stack.databaseUrl, schema });
const db = createDb({ databaseUrl: stack.databaseUrl, schema, pool: { max: 10 } });
const logger = createLogger({ service: 'bench-alerting', level: 'silent' });
// Statements sent to Postgres (round trips), counted by their first words when PROFILE_QUERIES is
// set, with the wall time each kind took from sending to its answer (Postgres' share of a batch).
let queries = 0;
const byKind = new Map<string, number>();
const msByKind = new Map<string, number>();
const inFlight = new Map<string, { kind: string; at: number }>();
db.on('query', (q: { sql: string; __knexQueryUid?: string }) => {
  queries++;
  if (process.env.PROFILE_QUERIES) {
    const kind = q.sql.replace(/\s+/g, ' ').slice(0, 90);
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    if (q.__knexQueryUid) inFlight.set(q.__knexQueryUid, { kind, at: performance.now() });
  }
});
const answered = (_: unknown, q: { __knexQueryUid?: string }) => {
  const sent = q?.__knexQueryUid ? inFlight.get(q.__knexQueryUid) : undefined;
  if (sent === undefined) return;
  inFlight.delete(q.__knexQueryUid!);
  msByKind.set(sent.kind, (msByKind.get(sent.kind) ?? 0) + performance.now() - sent.at);
};
db.on('query-response', answered);
db.on('query-error', answered);
const say = (line: string) => process.stdout.write(`${line}\n`);
say(
  `alerting alone: ${N} events per run over ${DAYS} days and ${USED_AREAS.length} areas, batches of ${BATCHES.join(', ')}`,
);
try {
  for (const [run, size] of BATCHES.entries()) {
    const tag = `b${size}_${run}`;
    // A year per run: incidents are keyed by day, area and type.
    const list = events(tag, 2024 + run);
    await storeAndPublish(db, noProducer, 'unused.', list);
    const agreement = await agreementInForce(db, `ag_${tag}`);
    const engine = new AlertEngine(
      db,
      {
        // Production's lifecycle, but every breach notified at once.
        lifecycle: { ...DEFAULT_LIFECYCLE, groupIntervalMs: 0 },
        escalation: DEFAULT_ESCALATION,
        routes: [{ channel: 'webhook' }],
        alertOnProposed: false,
        source: 'ceasefire/bench',
      },
      logger,
    );
    const q0 = queries;
    byKind.clear();
    msByKind.clear();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    // Wall time per event of the first and the last tenth of the run: growth with the alerts' size.
    const tenth = Math.max(size, Math.floor(list.length / 10));
    let firstTenth = 0;
    let lastTenth = 0;
    for (let i = 0; i < list.length; i += size) {
      const b0 = performance.now();
      await engine.handleEvents(list.slice(i, i + size));
      const took = performance.now() - b0;
      if (i < tenth) firstTenth += took;
      if (i >= list.length - tenth) lastTenth += took;
    }
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const sent = queries - q0;
    const deliveries = Number(
      (
        await db('alert_deliveries')
          .join('alerts', 'alerts.id', 'alert_deliveries.alert_id')
          .where('alerts.agreement_id', agreement.id)
          .count<{ n: string }[]>('* as n')
      )[0]!.n,
    );
    // Each agreement ends before the next run, so its events breach only their own run's.
    await db('agreements')
      .where({ id: agreement.id })
      .update({ status: 'ended', ends_at: new Date('2020-01-02T00:00:00Z') });
    say(
      `batch ${String(size).padStart(4)}: ${Math.round((N * 1000) / wall)} events/s, wall ${(wall / N).toFixed(3)} ms/event, ` +
        `CPU ${((cpu.user + cpu.system) / 1000 / N).toFixed(3)} ms/event (this process), ${(sent / N).toFixed(2)} queries/event; ` +
        `first tenth ${(firstTenth / tenth).toFixed(3)}, last tenth ${(lastTenth / tenth).toFixed(3)} ms/event; ${deliveries} notifications`,
    );
    if (process.env.PROFILE_QUERIES)
      for (const [kind, n] of [...byKind].sort((a, b) => b[1] - a[1]).slice(0, 25))
        say(`  ${(n / N).toFixed(3)}/event  ${((msByKind.get(kind) ?? 0) / N).toFixed(3)} ms/event  ${kind}`);
  }
  // The scheduler's pass (agreements due, alerts with work due) over the alerts the runs left open,
  // with production's lifecycle: its cost is paid every ALERT_TICK_MS whatever the traffic.
  const ticker = new AlertEngine(
    db,
    {
      lifecycle: DEFAULT_LIFECYCLE,
      escalation: DEFAULT_ESCALATION,
      routes: [{ channel: 'webhook' }],
      alertOnProposed: false,
      source: 'ceasefire/bench',
    },
    logger,
  );
  const open = Number(
    (await db('alerts').whereNot('state', 'resolved').count<{ n: string }[]>('* as n'))[0]!.n,
  );
  await ticker.tickAll();
  const passes = 20;
  const q0 = queries;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < passes; i++) await ticker.tickAll();
  const cpu = process.cpuUsage(cpu0);
  say(
    `ticker: ${open} open alerts, CPU ${((cpu.user + cpu.system) / 1000 / passes).toFixed(2)} ms a pass (this process), ${((queries - q0) / passes).toFixed(1)} queries a pass`,
  );
} finally {
  await db.destroy();
  // KEEP_SCHEMA=1: left for a look at the queries' plans (its name is printed).
  if (process.env.KEEP_SCHEMA) say(`schema kept: ${schema}`);
  else await dropSchema(stack.databaseUrl, schema);
}
