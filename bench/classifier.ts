// How many statements per second one classifier process handles end to end: a backlog of N
// stored statements on a private topic, drained by one classifier (extract, store events,
// places, casualty reports and incidents in one transaction per batch, publish the events,
// commit), and the CPU it spends a statement (all its threads, from its readiness on). Run: npx tsx bench/classifier.ts [N]   (uses the local stack; starts it if needed)
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { allTopics, statementsTopic, topicName } from '@ceasefire/contracts';
import { createDb, dropSchema, migrateLatest } from '@ceasefire/db';
import { PROFILES, extract } from '@ceasefire/extraction';
import { agencyDirectory, createIngestor } from '@ceasefire/ingest';
import { kafkaClientFor, createLogger, ensureTopics } from '@ceasefire/runtime';
import { buildWorkers, checkoutId, stackUp } from '@ceasefire/stack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[2] ?? 5000);
const samples = readFileSync(path.join(root, 'samples/statements.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; published_at: string; language: string; source_agency: string });

// This checkout's own database: the machine's default one is shared with other checkouts.
const stack = await stackUp({ root, log: () => {}, database: `ceasefire_bench_${checkoutId(root)}` });
const tag = `bench_${Date.now().toString(36)}`;
const prefix = `${tag}.`;
const logger = createLogger({ service: 'bench', level: 'warn' });
const kafka = await kafkaClientFor({ brokers: stack.kafkaBrokers, clientId: 'bench' }, logger);
const admin = await kafka.admin();
await ensureTopics(admin, allTopics, { prefix });
await migrateLatest({ databaseUrl: stack.databaseUrl, schema: tag });
const db = createDb({ databaseUrl: stack.databaseUrl, schema: tag });
const producer = await kafka.producer();

// Each statement unique (its own id) but of the corpus's content and length.
const statements = Array.from({ length: N }, (_, i) => {
  const s = samples[i % samples.length]!;
  return { ...s, text: `${s.text}\n(bench copy ${i})` };
});
// The extraction engine alone on the same statements, in this process: the CPU ceiling.
let t = performance.now();
for (const s of statements) extract({ id: 'x', ...s }, undefined);
const extractPerSec = N / ((performance.now() - t) / 1000);

const groupId = `${tag}-classifier`;
// PROF=dir: a CPU profile of the classifier's main thread (--cpu-prof), written when it exits.
const profArgs = process.env.PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.PROF] : [];
// The bundle, as production runs it (rebuilt when its sources changed); TSX=1: the sources under tsx.
await buildWorkers({ root, names: ['classifier'], onlyStale: true, log: () => {} });
const entry = process.env.TSX
  ? ['--import', 'tsx', path.join(root, 'services/classifier/src/main.ts')]
  : ['--enable-source-maps', path.join(root, 'services/classifier/dist/main.js')];
const child = spawn(process.execPath, [...profArgs, ...entry], {
  cwd: root,
  env: { ...process.env, KAFKA_BROKERS: stack.kafkaBrokers.join(','), DATABASE_URL: stack.databaseUrl, DATABASE_SCHEMA: tag, TOPIC_PREFIX: prefix, CLASSIFIER_GROUP_ID: groupId, LOG_LEVEL: 'info' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
/** CPU ms of the classifier process, all its threads (utime + stime from /proc, in ticks of 10 ms). */
const childCpuMs = () => {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
// The classifier starts on an empty topic: its CPU is counted from its readiness (module loading and
// the group's join left out), and the backlog is produced while it runs.
await new Promise<void>((resolve) => {
  let seen = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    seen += chunk.toString('utf8');
    if (seen.includes('classifying statements')) resolve();
    seen = seen.slice(-200);
  });
});
await new Promise((r) => setTimeout(r, 3000));
const readyCpu = childCpuMs();
const ingestor = createIngestor({ db, producer, topicPrefix: prefix, agencies: agencyDirectory(PROFILES), now: () => new Date(), source: 'bench' });
t = Date.now();
for (let i = 0; i < statements.length; i += 500) await ingestor.ingestMany(statements.slice(i, i + 500), { kind: 'cli', ref: 'bench' });
const fillMs = Date.now() - t;
// The drain is timed from the start of the backlog's production.

const topic = topicName(statementsTopic, prefix);
const end = (await admin.endOffsets(topic)).reduce((n, p) => n + Number(p.offset), 0);
let firstAt = 0;
for (;;) {
  const committed = (await admin.committedOffsets(groupId, topic)).reduce((n, p) => n + Math.max(0, Number(p.offset)), 0);
  if (committed > 0 && !firstAt) firstAt = Date.now();
  if (committed >= end) break;
  await new Promise((r) => setTimeout(r, 100));
}
const drainMs = Date.now() - t;
const cpuPerStatement = (childCpuMs() - readyCpu) / N;
const events = Number((await db('violation_events').count<{ n: string }[]>('* as n'))[0]!.n);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));

const result = {
  statements: N,
  events,
  backlog_fill_seconds: fillMs / 1000,
  drain_seconds_from_fill_start: drainMs / 1000,
  drain_seconds_after_first_commit: (Date.now() - firstAt) / 1000,
  classifier_statements_per_second: Math.round(N / (drainMs / 1000)),
  extraction_alone_statements_per_second: Math.round(extractPerSec),
  classifier_cpu_ms_per_statement: Math.round(cpuPerStatement * 1000) / 1000,
};
console.log(`one classifier drained ${N} statements (${events} events) in ${result.drain_seconds_from_fill_start.toFixed(1)} s from the start of the backlog: ${result.classifier_statements_per_second} statements/s; extraction alone ${result.extraction_alone_statements_per_second} statements/s; classifier CPU ${result.classifier_cpu_ms_per_statement} ms a statement`);
console.log(JSON.stringify(result));

await ingestor.settled();
await producer.disconnect();
await db.destroy();
await admin.deleteTopics((await admin.listTopics()).filter((n) => n.startsWith(prefix)));
await admin.disconnect();
await dropSchema(stack.databaseUrl, tag);
