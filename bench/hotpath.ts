// The classifier's and the ingester's hot paths without the broker and without the extraction
// engine's own work: CPU milliseconds per statement in this process (its main thread) and in the
// Postgres backend that served it, step by step, on the bench's generated statements. CPU, not
// wall time: the figures hold on a shared machine (within the noise of caches and hyper-threads).
//
//   npx tsx bench/hotpath.ts [--statements 2000] [--batch 100] [--seed 1] [--threads 2]
//
// Steps, each over every statement in batches of --batch (the classifier's joined batches are
// 100–2000 statements in a drain):
// - ingest prepare: validate, normalise and envelope a submission (the ingester, before its insert);
// - ingest insert: `insertStatements` (the ingester's group insert), JS and Postgres;
// - decode: a statement message from its bytes (the consumer loop, against the contract);
// - extraction transfer: the extraction results through the worker-thread pool, less the engine's
//   own time (main thread CPU with the pool, minus nothing: the engine runs on the threads);
// - classify: the classifier's handler on the decoded batch, results computed beforehand (records,
//   the store's transaction, the events' messages encoded), JS and Postgres;
// - publish: gzip of each batch's event messages as the producer compresses them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import {
  decodeMessage,
  encodeMessage,
  statementsTopic,
  type Statement,
  type StatementMessage,
} from '@ceasefire/contracts';
import { createDb, dropSchema, insertStatements, migrateLatest } from '@ceasefire/db';
import { EXTRACTOR_VERSION, PROFILES } from '@ceasefire/extraction';
import {
  StatementSubmission,
  agencyDirectory,
  normalizeStatement,
  statementEnvelope,
} from '@ceasefire/ingest';
import { createLogger, type Decoded, type OutgoingMessage } from '@ceasefire/runtime';
import { checkoutId, stackUp } from '@ceasefire/stack';
import { extractAll, type Extracted } from '../services/classifier/src/extraction-task.ts';
import { threadExtractor } from '../services/classifier/src/extraction.ts';
import { createClassifierHandler, type ProfileFacts } from '../services/classifier/src/handler.ts';
import { generateStatements } from './generate.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    statements: { type: 'string', default: '2000' },
    batch: { type: 'string', default: '100' },
    seed: { type: 'string', default: '1' },
    threads: { type: 'string', default: '2' },
    /** Indexes dropped after the migrations (comma-separated), to measure what maintaining them costs the writes. */
    'drop-indexes': { type: 'string', default: '' },
  },
});
const N = Number(args.statements);
const BATCH = Number(args.batch);

/** CPU ms of one thread or process from /proc (`schedstat`: nanoseconds on a CPU). */
function cpuMs(schedstat: string): number {
  return Number(readFileSync(schedstat, 'utf8').split(' ')[0]) / 1e6;
}
const mainThreadMs = () => cpuMs(`/proc/${process.pid}/task/${process.pid}/schedstat`);

const stack = await stackUp({ root, log: () => {}, database: `ceasefire_bench_${checkoutId(root)}` });
const schema = `hotpath_${Date.now().toString(36)}`;
await migrateLatest({ databaseUrl: stack.databaseUrl, schema });
const dropped = args['drop-indexes']!.split(',').filter(Boolean);
// One connection: its backend's CPU is the store's.
const db = createDb({ databaseUrl: stack.databaseUrl, schema, pool: { min: 1, max: 1 } });
const backendPid = Number(
  (await db.raw<{ rows: { pid: number }[] }>('select pg_backend_pid() as pid')).rows[0]!.pid,
);
for (const index of dropped) await db.raw('drop index ??', [index]);
const backendMs = () => cpuMs(`/proc/${backendPid}/schedstat`);
// Postgres CPU per query (one connection, queries in series): from each query's start to its answer.
const perQuery = new Map<string, { ms: number; calls: number }>();
let queryStart = 0;
db.on('query', () => (queryStart = backendMs()));
db.on('query-response', (_r: unknown, q: { sql: string }) => {
  const key = q.sql.replace(/\s+/g, ' ').trim().slice(0, 70);
  const entry = perQuery.get(key) ?? { ms: 0, calls: 0 };
  entry.ms += backendMs() - queryStart;
  entry.calls++;
  perQuery.set(key, entry);
});

const rows: Array<{ step: string; js: number; pg: number | null }> = [];
/** Runs `work` once, recording main-thread and backend CPU per statement. */
async function step(name: string, work: () => Promise<void> | void, measurePg = false): Promise<void> {
  const j0 = mainThreadMs();
  const p0 = measurePg ? backendMs() : 0;
  await work();
  const js = (mainThreadMs() - j0) / N;
  const pg = measurePg ? (backendMs() - p0) / N : null;
  rows.push({ step: name, js, pg });
  process.stdout.write(
    `${name.padEnd(34)} js ${js.toFixed(3)} ms${pg === null ? '' : `, postgres ${pg.toFixed(3)} ms`} a statement\n`,
  );
}

const generated = generateStatements(root, N, Number(args.seed));
const agencies = agencyDirectory(PROFILES);
const receivedAt = new Date();
const submissions = generated.statements.map((s) => ({ ...s }));
const batches = <T>(xs: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(xs.length / BATCH) }, (_, i) => xs.slice(i * BATCH, (i + 1) * BATCH));

// Warm-up of the code paths (JIT), on copies that are not stored.
for (const s of submissions.slice(0, 200))
  normalizeStatement(StatementSubmission.parse(s), {
    receivedAt,
    origin: { kind: 'http', ref: null },
    zoneOfAgency: (a) => agencies.lookup(a),
  });

let statements: Statement[] = [];
let messages: StatementMessage[] = [];
let encoded: Buffer[] = [];
await step('ingest: validate, normalise, encode', () => {
  statements = submissions.map((s) =>
    normalizeStatement(StatementSubmission.parse(s), {
      receivedAt,
      origin: { kind: 'http', ref: null },
      zoneOfAgency: (a) => agencies.lookup(a),
    }),
  );
  messages = statements.map((s) => statementEnvelope(s, 'bench', receivedAt));
  encoded = messages.map((m) => encodeMessage(statementsTopic, m));
});
await step(
  'ingest: insertStatements',
  async () => {
    for (const b of batches(statements)) {
      await insertStatements(
        db,
        b.map((s) => ({
          statement: s,
          sourceSide: s.source_agency ? (agencies.lookup(s.source_agency)?.side ?? null) : null,
        })),
      );
    }
  },
  true,
);

let decoded: Decoded<StatementMessage>[] = [];
await step('classify: decode messages', () => {
  decoded = encoded.map((bytes, i) => ({
    message: {
      topic: 'statements.raw',
      partition: 0,
      offset: String(i),
      key: null,
      value: bytes,
      headers: {},
      timestamp: 0,
    },
    value: decodeMessage(statementsTopic, bytes),
  }));
});

// The engine's results, computed once off the clock.
const inputs = statements.map((s) => ({
  id: s.id,
  text: s.text,
  published_at: s.published_at,
  language: s.language,
  source_agency: s.source_agency,
  url: s.url,
}));
const results = extractAll({ statements: inputs, profileId: undefined });
const byId = new Map(statements.map((s, i) => [s.id, results[i]!]));
const events = results.reduce((n, r) => n + (r.ok ? r.result.events.length : 0), 0);

const threads = Number(args.threads);
if (threads > 0) {
  const pool = threadExtractor(
    undefined,
    threads,
    new URL('../services/classifier/src/extraction-worker.ts', import.meta.url),
  );
  await pool.extract(inputs.slice(0, 200)); // the threads' start and JIT
  await step(`extraction on ${threads} threads (main thread)`, async () => {
    for (const b of batches(inputs)) await pool.extract(b);
  });
  await pool.close();
}

const facts = new Map<string, ProfileFacts>(
  PROFILES.map((p) => [
    p.id,
    {
      dyad: p.parties
        .map((x) => x.code)
        .sort()
        .join('-'),
      thirdParties: p.third_parties.map((t) => t.code),
    },
  ]),
);
const published: OutgoingMessage[][] = [];
const handle = createClassifierHandler({
  db,
  producer: { publish: async (_topic, out) => void published.push(out) },
  topicPrefix: '',
  extractor: { extract: async (list) => list.map((s) => byId.get(s.id) as Extracted) },
  profileFacts: (id) => facts.get(id) ?? { dyad: null, thirdParties: [] },
  now: () => new Date(),
  source: `ceasefire/classifier@${EXTRACTOR_VERSION}`,
});
const logger = createLogger({ service: 'hotpath', level: 'warn' });
const ctx = { logger, signal: new AbortController().signal, heartbeat: async () => {} };
perQuery.clear();
await step(
  'classify: handler (store, encode)',
  async () => {
    for (const b of batches(decoded)) await handle(b, ctx);
  },
  true,
);
for (const [sql, q] of [...perQuery].sort((a, b) => b[1].ms - a[1].ms)) {
  process.stdout.write(`  postgres ${(q.ms / N).toFixed(3)} ms a statement, ${q.calls} calls: ${sql}\n`);
}
await step('classify: gzip of the published batches', () => {
  for (const out of published) gzipSync(Buffer.concat(out.map((m) => m.value)));
});

const counts = (
  await db.raw<{ rows: { events: string; places: string; incidents: string }[] }>(
    `select (select count(*) from violation_events) as events, (select count(*) from violation_event_places) as places, (select count(*) from incidents) as incidents`,
  )
).rows[0]!;
process.stdout.write(
  `${N} statements, batches of ${BATCH}; events extracted ${events}, stored ${counts.events}, places ${counts.places}, incidents ${counts.incidents}\n`,
);
process.stdout.write(
  `${JSON.stringify(rows.map((r) => ({ ...r, js: Math.round(r.js * 1000) / 1000, pg: r.pg === null ? null : Math.round(r.pg * 1000) / 1000 })))}\n`,
);
await db.destroy();
await dropSchema(stack.databaseUrl, schema);
