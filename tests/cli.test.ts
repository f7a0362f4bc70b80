// The command line as a script or a person meets it: --version; --json on every listing, with
// nothing but the JSON on stdout; and with the broker or the database down, a failure in seconds
// and one line on stderr that says what is down and what to do (no stack trace, no log lines).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { allTopics } from '@ceasefire/contracts';
import { ensureTopics } from '@ceasefire/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deleteTopicsWithPrefix, privateSchema, services, testKafka, uniqueName } from './support/harness.ts';
import { freePort, repoRoot } from './support/workers.ts';

const bin = path.join(repoRoot, 'packages/cli/bin/ceasefire.mjs');
let schema: { schema: string; drop(): Promise<void> };
let prefix: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

function ceasefire(args: string[], env: Record<string, string>): Promise<Run> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env }, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr, ms: Date.now() - started });
    });
  });
}

beforeAll(async () => {
  schema = await privateSchema('cli');
  const admin = await testKafka('cli-test').admin();
  prefix = `${uniqueName('cli')}.`;
  await ensureTopics(admin, allTopics, { prefix });
  await admin.disconnect();
});

afterAll(async () => {
  await schema?.drop();
  const admin = await testKafka('cli-test').admin();
  await deleteTopicsWithPrefix(admin, prefix);
  await admin.disconnect();
});

describe('ceasefire', () => {
  it('--version prints its version', async () => {
    const run = await ceasefire(['--version'], {});
    expect([run.code, run.stdout, run.stderr]).toEqual([0, 'ceasefire 0.1.0\n', '']);
  });

  it('--json on every listing: only JSON on stdout', async () => {
    const env = { KAFKA_BROKERS: services().brokers.join(','), DATABASE_URL: services().databaseUrl, DATABASE_SCHEMA: schema.schema, TOPIC_PREFIX: prefix };
    const topics = await ceasefire(['topics', 'list', '--json'], env);
    expect(topics.code, topics.stderr).toBe(0);
    const rows = JSON.parse(topics.stdout) as Array<{ name: string; present: boolean; partitions: number }>;
    expect(rows.map((r) => r.name)).toEqual(allTopics.map((t) => prefix + t.name));
    expect(rows.every((r) => r.present)).toBe(true);
    const migrations = await ceasefire(['migrate', 'status', '--json'], env);
    expect(migrations.code, migrations.stderr).toBe(0);
    const status = JSON.parse(migrations.stdout) as { applied: string[]; pending: string[] };
    expect(status.pending).toEqual([]);
    expect(status.applied.length).toBeGreaterThan(10);
    for (const args of [['alerts', 'list', '--json'], ['agreements', 'list', '--json']]) {
      const run = await ceasefire(args, env);
      expect(run.code, run.stderr).toBe(0);
      expect(Array.isArray(JSON.parse(run.stdout))).toBe(true);
    }
  });

  it('with the database down: a one-line failure on stderr within seconds, nothing on stdout', async () => {
    const down = `postgres://postgres@127.0.0.1:${await freePort()}/ceasefire`;
    for (const args of [['alerts', 'list', '--json'], ['agreements', 'list', '--json'], ['migrate', 'status', '--json']]) {
      const run = await ceasefire(args, { DATABASE_URL: down });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(new RegExp(`^ceasefire ${args[0]} ${args[1]}: cannot reach the database at postgres://postgres@127\\.0\\.0\\.1:\\d+/ceasefire \\(connect ECONNREFUSED .+\\); is the stack up\\? \\(npx ceasefire up, or set DATABASE_URL\\)\\n$`));
      expect(run.ms).toBeLessThan(15_000);
    }
  });

  it('with the broker down: a one-line failure on stderr within seconds, nothing on stdout', async () => {
    const run = await ceasefire(['topics', 'list', '--json'], { KAFKA_BROKERS: `127.0.0.1:${await freePort()}` });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^ceasefire topics: cannot reach the Kafka broker at 127\.0\.0\.1:\d+ \(.*ECONNREFUSED.*\); is the stack up\? \(npx ceasefire up, or set KAFKA_BROKERS\)\n$/);
    expect(run.ms).toBeLessThan(15_000);
    process.stdout.write(`[cli] topics list with the broker down: ${run.ms} ms\n`);
  });

  it('usage errors go to stderr only', async () => {
    const run = await ceasefire(['topics', 'lst'], {});
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('usage: ceasefire topics');
  });
});
