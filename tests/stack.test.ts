// The local stack against the real processes: idempotent `up`, status, the catalog's topics as the
// broker (and kcat) sees them, a second broker on its own ports, and the private-Postgres fallback.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, rm, stat, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { allTopics, topicName } from '@ceasefire/contracts';
import {
  createTopics,
  deleteTopics,
  describeTopics,
  ensureKafka,
  ensurePostgres,
  kafkaStatus,
  checkoutTmpDir,
  privatePostgresStatus,
  removePrivatePostgres,
  stackDown,
  stackStatus,
  stackUp,
  stopKafka,
  stopPrivatePostgres,
  testDatabaseName,
} from '@ceasefire/stack';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { eventually } from './support/harness.ts';
import { freePort } from './support/workers.ts';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const unique = (label: string): string =>
  `t_${label}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;

// When the global setup was handed an external stack, there is no local one to check.
const stackOptions = inject('stackOptions');
const external = stackOptions === null;

describe.skipIf(external)('stackUp on a running stack', () => {
  it('is quick and idempotent the second time', async () => {
    const first = await stackUp({ root, ...stackOptions });
    const second = await stackUp({ root, ...stackOptions });
    expect(second.kafka.pid).toBe(first.kafka.pid);
    expect(second.kafka.startedMs).toBe(0);
    expect(second.tookMs).toBeLessThan(3000);
    expect(second.topics.every((t) => t.action === 'exists')).toBe(true);
    expect(second.migrationsApplied).toEqual([]);
    expect(second.kafkaBrokers).toEqual(inject('kafkaBrokers'));
    expect(second.databaseUrl).toBe(inject('databaseUrl'));
  });

  it('reports what runs in status', async () => {
    const s = await stackStatus({ root, ...(stackOptions?.stateName ? { stateName: stackOptions.stateName } : {}) });
    expect(s.kafka.running).toBe(true);
    expect(s.kafka.answers).toBe(true);
    expect(s.kafka.pid).toBeGreaterThan(0);
    expect(s.kafka.memoryKb).toBeGreaterThan(50_000);
    expect(s.kafka.missingTopics).toEqual([]);
    expect(s.postgres.answers).toBe(true);
    expect(s.postgres.migrationsApplied.length).toBeGreaterThan(0);
    expect(s.postgres.migrationsPending).toEqual([]);
  });
});

describe('catalog topics', () => {
  const brokers = inject('kafkaBrokers');
  const prefix = `${unique('stack')}.`;
  const names = allTopics.map((t) => topicName(t, prefix));
  afterAll(() => deleteTopics(brokers, names));

  it('are created with their partitions, retention and cleanup policy, once', async () => {
    const created = await createTopics({ brokers, specs: allTopics, prefix });
    expect(created.map((t) => t.action)).toEqual(allTopics.map(() => 'created'));

    const described = await describeTopics(brokers, names);
    for (const spec of allTopics) {
      const d = described.get(topicName(spec, prefix));
      expect(d?.partitions, spec.name).toBe(spec.partitions);
      expect(d?.replicationFactor).toBe(1);
      expect(d?.configs['cleanup.policy']).toBe(spec.cleanupPolicy);
      expect(d?.configs['retention.ms']).toBe(String(spec.retentionMs));
    }

    const again = await createTopics({ brokers, specs: allTopics, prefix });
    expect(again.map((t) => t.action)).toEqual(allTopics.map(() => 'exists'));
  });

  it('are visible to kcat, a non-JavaScript client', async () => {
    const { stdout } = await run('kcat', ['-b', brokers.join(','), '-L', '-J']);
    const meta = JSON.parse(stdout) as { topics: { topic: string; partitions: unknown[] }[] };
    for (const spec of allTopics) {
      expect(meta.topics.find((t) => t.topic === topicName(spec, prefix))?.partitions).toHaveLength(
        spec.partitions,
      );
    }
  });

  it('get their configs back when someone changed them', async () => {
    const spec = allTopics[0];
    if (spec === undefined) throw new Error('empty catalog');
    const name = topicName(spec, prefix);
    // A config change reaches describeConfigs once the broker has applied the metadata record:
    // on a loaded machine the first read can still show the old value (seen in CI), so wait for it.
    const retentionBecomes = (value: string) =>
      eventually(
        async () => ((await describeTopics(brokers, [name])).get(name)?.configs['retention.ms'] === value ? true : undefined),
        15_000,
        `retention.ms of ${name} to read ${value}`,
      );
    await createTopics({ brokers, specs: [{ ...spec, retentionMs: 60_000 }], prefix });
    await retentionBecomes('60000');
    const fixed = await createTopics({ brokers, specs: allTopics, prefix });
    expect(fixed.find((t) => t.name === name)?.action).toBe('configs-updated');
    await retentionBecomes(String(spec.retentionMs));
  });
});

describe('a checkout of its own', () => {
  it('starts its broker from a folder with a space in its path, and never borrows a broker it did not start', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'ceasefire-kafka-'));
    const checkout = path.join(parent, 'my copy');
    // The jars are this checkout's (a clone would copy them with Maven on first use).
    await mkdir(path.join(checkout, '.cache/kafka'), { recursive: true });
    await symlink(path.join(root, '.cache/kafka/libs'), path.join(checkout, '.cache/kafka/libs'));
    const opts = { root: checkout, kafkaPort: await freePort(), controllerPort: await freePort() };
    try {
      const info = await ensureKafka(opts);
      expect(info.external).toBe(false);
      expect((await kafkaStatus(opts)).answers).toBe(true);
      // Another checkout (the repository's own root) finds that port taken by a broker it did not start.
      await expect(ensureKafka({ ...opts, root, dir: `.cache/${unique('kafka')}`, allowForeign: false })).rejects.toThrow(
        /taken by a broker we did not start/,
      );
    } finally {
      await stopKafka(opts);
      await rm(parent, { recursive: true, force: true });
    }
  }, 150_000);

  it('gives two checkouts different test databases and temporary folders', () => {
    expect(testDatabaseName('/a/one')).not.toBe(testDatabaseName('/a/two'));
    expect(testDatabaseName('/a/one')).toMatch(/^ceasefire_test_[0-9a-f]{12}$/);
    expect(checkoutTmpDir('/a/one')).not.toBe(checkoutTmpDir('/a/two'));
  });
});

describe('a second broker', () => {
  it('starts on its own ports and data dir, and stops', async () => {
    const dir = `.cache/${unique('kafka')}`;
    const opts = { root, dir, kafkaPort: await freePort(), controllerPort: await freePort() };
    try {
      const info = await ensureKafka(opts);
      expect(info.pid).toBeGreaterThan(0);
      expect(info.startedMs).toBeGreaterThan(0);
      const again = await ensureKafka(opts);
      expect(again.pid).toBe(info.pid);
      expect(again.startedMs).toBe(0);
      expect((await kafkaStatus(opts)).answers).toBe(true);
      expect((await stopKafka(opts)).stopped).toBe(true);
      expect((await kafkaStatus(opts)).running).toBe(false);
    } finally {
      await stopKafka(opts);
      await rm(path.join(root, dir), { recursive: true, force: true });
    }
  }, 120_000);
});

describe('postgres', () => {
  it('falls back to a private server when nothing answers on the port', async () => {
    // The server runs as the postgres user, which must be able to enter the directory.
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'ceasefire-pg-'));
    await chmod(tmp, 0o755);
    const opts = { root: tmp, port: await freePort(), privatePort: await freePort(), database: 'stack_test' };
    try {
      const info = await ensurePostgres(opts);
      expect(info.source).toBe('private');
      expect(info.url).toBe(`postgres://postgres@127.0.0.1:${opts.privatePort}/stack_test`);
      const client = new pg.Client({ connectionString: info.url });
      await client.connect();
      const { rows } = await client.query<{ db: string }>('select current_database() as db');
      await client.end();
      expect(rows[0]?.db).toBe('stack_test');
      expect((await ensurePostgres(opts)).url).toBe(info.url);
      expect(await stopPrivatePostgres(opts)).toBe(true);
      await expect(
        new pg.Client({ connectionString: info.url, connectionTimeoutMillis: 2000 }).connect(),
      ).rejects.toThrow();
    } finally {
      await stopPrivatePostgres(opts).catch(() => false);
      await rm(tmp, { recursive: true, force: true });
    }
  }, 120_000);

  it('runs its private server for a checkout in a folder only its owner can enter, with a space in its path', async () => {
    // mkdtemp makes the folder 0700, like root's home where a root user clones by default: the
    // server's user (postgres, when we are root) cannot enter it, so its data lives in the
    // checkout's folder under the system's temporary directory instead.
    const parent = await mkdtemp(path.join(os.tmpdir(), 'ceasefire-private-'));
    const checkout = path.join(parent, 'my copy');
    await mkdir(checkout);
    expect((await stat(parent)).mode & 0o777).toBe(0o700);
    const opts = { root: checkout, port: await freePort(), privatePort: await freePort(), database: 'stack_private' };
    try {
      const info = await ensurePostgres(opts);
      expect(info.source).toBe('private');
      const status = await privatePostgresStatus(opts);
      expect(status.running).toBe(true);
      expect(status.dataDir.startsWith(checkoutTmpDir(checkout))).toBe(true);
      expect(checkoutTmpDir(checkout)).not.toBe(checkoutTmpDir(root));
      const client = new pg.Client({ connectionString: info.url });
      await client.connect();
      await client.query('select 1');
      await client.end();
      // `stack down` stops it and removes its data.
      const down = await stackDown({ root: checkout });
      expect(down.postgresStopped).toBe(true);
      expect(existsSync(status.dataDir)).toBe(false);
    } finally {
      await removePrivatePostgres(opts).catch(() => false);
      await rm(parent, { recursive: true, force: true });
    }
  }, 120_000);

  it('uses a given DATABASE_URL as it is, and says when it does not answer', async () => {
    const url = inject('databaseUrl');
    expect(await ensurePostgres({ root, databaseUrl: url })).toEqual({ source: 'env', url });
    const dead = `postgres://postgres@127.0.0.1:${await freePort()}/x`;
    await expect(ensurePostgres({ root, databaseUrl: dead })).rejects.toThrow(/DATABASE_URL does not answer/);
  });
});
