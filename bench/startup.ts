// Start-up of a worker from its bundle (`npm run build`) against from its sources under tsx:
// time from spawn to /readyz answering 200, the CPU it took, and its resident memory then.
// Alternates the two, --runs times each, on the local stack (started if nothing answers).
//
//   npm run bench:startup -- --worker classifier --runs 3
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildWorkers, checkoutId, stackUp } from '@ceasefire/stack';
import { startWorker, type WorkerName } from '../tests/support/workers.ts';
import { ProcSampler } from './lib/proc.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: { worker: { type: 'string', default: 'classifier' }, runs: { type: 'string', default: '3' } } });
const name = args.worker as WorkerName;
await buildWorkers({ root, names: [name], onlyStale: true });
const stack = await stackUp({ root, log: () => {}, database: `ceasefire_bench_${checkoutId(root)}` });
const env = {
  KAFKA_BROKERS: stack.kafkaBrokers.join(','),
  DATABASE_URL: stack.databaseUrl,
  LOG_LEVEL: 'warn',
  // What the HTTP workers require; their listeners on free ports.
  INGEST_TOKEN: 'startup-token-0123456789',
  API_TOKEN: 'startup-token-0123456789',
  HTTP_PORT: '0',
  API_HTTP_PORT: '0',
  OPERATOR_PORT: '0',
};
const rows: Record<'compiled' | 'tsx', Array<{ ms: number; cpuMs: number; rssMb: number }>> = { compiled: [], tsx: [] };
for (let i = 0; i < Number(args.runs); i++) {
  for (const mode of ['compiled', 'tsx'] as const) {
    const t0 = performance.now();
    const w = await startWorker(name, env, { compiled: mode === 'compiled' });
    const ms = Math.round(performance.now() - t0);
    const sampler = new ProcSampler(() => [w.child.pid!]);
    sampler.start();
    // CPU since the process began: utime+stime of /proc/<pid>/stat, read through the sampler's window of zero.
    const { readFileSync } = await import('node:fs');
    const stat = readFileSync(`/proc/${w.child.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuMs = (Number(f[11]) + Number(f[12])) * 10;
    const rssMb = sampler.stop().rssEndMb;
    rows[mode].push({ ms, cpuMs, rssMb });
    await w.stop();
    process.stdout.write(`${name} ${mode}: ready in ${ms} ms, ${cpuMs} ms of CPU, RSS ${rssMb} MB\n`);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const mode of ['compiled', 'tsx'] as const) {
  const r = rows[mode];
  process.stdout.write(`${name} ${mode}, median of ${r.length}: ready ${median(r.map((x) => x.ms))} ms, CPU ${median(r.map((x) => x.cpuMs))} ms, RSS ${median(r.map((x) => x.rssMb))} MB\n`);
}
process.exit(0);
