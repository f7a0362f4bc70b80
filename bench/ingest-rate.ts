// The ingester alone at a fixed rate of single POSTs (open loop, latency from the intended send
// time), with its group-commit debug lines and the CPU a statement of the ingester and of this load
// generator (schedstat). Shows whether the HTTP path keeps up without the rest of the pipeline.
//
//   npx tsx bench/ingest-rate.ts [rate=1000] [seconds=15] [sockets=256]    (PROF=dir: --cpu-prof)
import { Agent, request } from 'node:http';
import path from 'node:path';
import { allTopics } from '@ceasefire/contracts';
import { dropSchema, migrateLatest } from '@ceasefire/db';
import { kafkaClientFor, createLogger, ensureTopics } from '@ceasefire/runtime';
import { buildWorkers, checkoutId, stackUp } from '@ceasefire/stack';
import { freePort, startWorker } from '../tests/support/workers.ts';
import { generateStatements } from './generate.ts';
const root = path.resolve('.');
const RATE = Number(process.argv[2] ?? 1000),
  SECONDS = Number(process.argv[3] ?? 15),
  SOCKETS = Number(process.argv[4] ?? 256);
await buildWorkers({ root, onlyStale: true, log: () => {} });
const stack = await stackUp({ root, log: () => {}, database: `ceasefire_bench_${checkoutId(root)}` });
const tag = `ing_${Date.now().toString(36)}`;
const kafka = await kafkaClientFor(
  { brokers: stack.kafkaBrokers, clientId: 'bench' },
  createLogger({ service: 'b', level: 'warn' }),
);
const admin = await kafka.admin();
await ensureTopics(admin, allTopics, { prefix: `${tag}.` });
await migrateLatest({ databaseUrl: stack.databaseUrl, schema: tag });
const gen = generateStatements(root, RATE * SECONDS, 11, { expected: false });
const port = await freePort();
const w = await startWorker(
  'ingester',
  {
    KAFKA_BROKERS: stack.kafkaBrokers.join(','),
    DATABASE_URL: stack.databaseUrl,
    DATABASE_SCHEMA: tag,
    TOPIC_PREFIX: `${tag}.`,
    LOG_LEVEL: 'debug',
    INGEST_TOKEN: 'bench-token-0123456789',
    HTTP_PORT: String(port),
    HTTP_RATE_LIMIT_PER_MINUTE: '0',
    ...(process.env.EXTRA ? JSON.parse(process.env.EXTRA) : {}),
  },
  {
    compiled: true,
    ...(process.env.PROF ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF}`] } : {}),
  },
);
import { readFileSync } from 'node:fs';
const cpuMs = (pid: number) => Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
const ing0 = cpuMs(w.child.pid!),
  me0 = cpuMs(process.pid);
const agent = new Agent({ keepAlive: true, maxSockets: SOCKETS });
const lat: number[] = [];
const t0 = performance.now() + 500;
await Promise.all(
  gen.statements.map(
    (s, i) =>
      new Promise<void>((resolve) => {
        setTimeout(
          () => {
            const intended = t0 + (i * 1000) / RATE;
            const payload = Buffer.from(JSON.stringify(s));
            const req = request(
              `http://127.0.0.1:${port}/v1/statements`,
              {
                method: 'POST',
                agent,
                headers: {
                  authorization: 'Bearer bench-token-0123456789',
                  'content-type': 'application/json',
                  'content-length': payload.length,
                },
              },
              (res) => {
                res.resume();
                res.on('end', () => {
                  lat.push(performance.now() - intended);
                  resolve();
                });
              },
            );
            req.on('error', () => resolve());
            req.end(payload);
          },
          Math.max(0, t0 + (i * 1000) / RATE - performance.now()),
        );
      }),
  ),
);
lat.sort((a, b) => a - b);
console.log(
  `ingester CPU ${((cpuMs(w.child.pid!) - ing0) / lat.length).toFixed(3)} ms a statement; load generator ${((cpuMs(process.pid) - me0) / lat.length).toFixed(3)}; span ${Math.round(performance.now() - t0)} ms`,
);
const groups = w.lines
  .filter((l) => l.includes('statements stored and published'))
  .map((l) => JSON.parse(l) as Record<string, number>);
const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))];
console.log(
  `rate ${RATE}/s × ${SECONDS} s, sockets ${SOCKETS}: answered ${lat.length}, latency p50 ${Math.round(q(lat, 0.5)!)} p99 ${Math.round(q(lat, 0.99)!)} ms; groups ${groups.length}, size p50 ${q(
    groups.map((g) => g.submissions!),
    0.5,
  )}`,
);
for (const k of ['prepareMs', 'insertMs', 'publishMs'])
  console.log(
    `  ${k} p50 ${q(
      groups.map((g) => g[k]!),
      0.5,
    )} p90 ${q(
      groups.map((g) => g[k]!),
      0.9,
    )} max ${Math.max(...groups.map((g) => g[k]!))}`,
  );
await w.stop();
await admin.deleteTopics(allTopics.map((t) => `${tag}.${t.name}`)).catch(() => {});
await admin.disconnect();
await dropSchema(stack.databaseUrl, tag);
process.exit(0);
