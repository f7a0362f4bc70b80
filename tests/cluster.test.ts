// A three-broker KRaft cluster on loopback (each node broker and controller, so three voters),
// private ports and data dirs, topics with replication factor 3 and min ISR 2. Two streams run
// at once: keyed messages through the runtime's producer (acks=all) to a consumer group of the
// runtime's client that stores each with an idempotent insert; and statements posted to the real
// ingester process, classified by the real classifier process into a private Postgres schema.
// Mid-stream the broker leading most partitions is SIGKILLed, then restarted: leaders move away
// and back, nothing is lost and nothing is stored twice.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { allTopics, statementsTopic, topicName } from '@ceasefire/contracts';
import { createDb } from '@ceasefire/db';
import { extract } from '@ceasefire/extraction';
import type { Knex } from 'knex';
import {
  kafkaClientFor,
  type Admin,
  type KafkaClient,
  type Producer,
  type OutgoingMessage,
} from '@ceasefire/runtime';
import {
  createTopics,
  describeTopics,
  startKafkaCluster,
  stopKafkaCluster,
  type KafkaClusterInfo,
  type KafkaClusterOptions,
} from '@ceasefire/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, privateSchema, quietLogger, services, uniqueName } from './support/harness.ts';
import { freePort, repoRoot, startWorker, stopAllWorkers } from './support/workers.ts';

const run = promisify(execFile);
const TOTAL = 3000;
const BATCH = 50;
/** Statements posted to the ingester, in batches of STATEMENT_BATCH. */
const STATEMENTS = 600;
const STATEMENT_BATCH = 50;
const TOKEN = 'cluster-test-ingest-token-000';

function statement(n: number) {
  const day = String((n % 28) + 1).padStart(2, '0');
  return {
    text: `The Border Service of the GKNB of the Kyrgyz Republic reports that on ${Number(day)} July 2023 at 22:${String(n % 60).padStart(2, '0')} the Tajik side opened fire with automatic weapons on the positions of the Kyrgyz border outpost near the village of Kulundu, Leilek district. Cluster report ${n}.`,
    published_at: `2023-07-${day}T23:30:00+06:00`,
    source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
    language: 'en',
  };
}

interface PartitionMeta {
  partition: number;
  leader: number;
  isr: number[];
}

/** Partition leaders and in-sync replicas as the cluster reports them, read with kcat (not our client). */
async function partitions(brokers: readonly string[], topic: string): Promise<PartitionMeta[]> {
  const { stdout } = await run('kcat', ['-b', brokers.join(','), '-L', '-J', '-t', topic, '-m', '5'], {
    timeout: 15_000,
  });
  const meta = JSON.parse(stdout) as {
    topics: Array<{ partitions: Array<{ partition: number; leader: number; isrs: Array<{ id: number }> }> }>;
  };
  return (meta.topics[0]?.partitions ?? [])
    .map((p) => ({ partition: p.partition, leader: p.leader, isr: p.isrs.map((r) => r.id).sort() }))
    .sort((a, b) => a.partition - b.partition);
}

async function distinctPorts(n: number): Promise<number[]> {
  const out = new Set<number>();
  while (out.size < n) out.add(await freePort());
  return [...out];
}

let opts: KafkaClusterOptions;
let cluster: KafkaClusterInfo;
let kafka: KafkaClient;
let admin: Admin;
let producer: Producer;
let prefix: string;
let topic: string;
/** The workers' own topic set and database schema. */
let workerPrefix: string;
let schema: { schema: string; drop(): Promise<void> };
let db: Knex;
let ingestApi: string;
const startedAt = Date.now();

beforeAll(async () => {
  const ports = await distinctPorts(6);
  opts = {
    root: repoRoot,
    dir: `.cache/tests/${uniqueName('cluster')}`,
    ports: ports.slice(0, 3),
    controllerPorts: ports.slice(3),
    startTimeoutMs: 120_000,
  };
  cluster = await startKafkaCluster(opts);
  prefix = `${uniqueName('cluster')}.`;
  topic = topicName(statementsTopic, prefix);
  workerPrefix = `${uniqueName('cluster-w')}.`;
  await createTopics({
    brokers: cluster.brokers,
    specs: allTopics,
    prefix,
    replicationFactor: 3,
    minInsyncReplicas: 2,
  });
  await createTopics({
    brokers: cluster.brokers,
    specs: allTopics,
    prefix: workerPrefix,
    replicationFactor: 3,
    minInsyncReplicas: 2,
  });
  kafka = await kafkaClientFor(
    { brokers: cluster.brokers, clientId: 'cluster-test' },
    quietLogger('cluster-test'),
  );
  admin = await kafka.admin();
  producer = await kafka.producer();

  schema = await privateSchema('cluster');
  db = createDb({ databaseUrl: services().databaseUrl, schema: schema.schema });
  const env = {
    KAFKA_BROKERS: cluster.brokers.join(','),
    DATABASE_URL: services().databaseUrl,
    DATABASE_SCHEMA: schema.schema,
    TOPIC_PREFIX: workerPrefix,
    CLASSIFIER_GROUP_ID: `${workerPrefix}classifier`,
  };
  const httpPort = await freePort();
  ingestApi = `http://127.0.0.1:${httpPort}`;
  await Promise.all([
    startWorker('classifier', env, { readyTimeoutMs: 90_000 }),
    startWorker(
      'ingester',
      { ...env, INGEST_TOKEN: TOKEN, HTTP_PORT: String(httpPort) },
      { readyTimeoutMs: 90_000 },
    ),
  ]);
}, 180_000);

afterAll(async () => {
  await stopAllWorkers();
  await producer?.disconnect().catch(() => {});
  await admin?.disconnect().catch(() => {});
  await db?.destroy();
  await schema?.drop();
  if (opts) await stopKafkaCluster({ ...opts, removeData: true });
}, 120_000);

describe('three-broker cluster', () => {
  it('is three nodes with the catalog topics at replication factor 3 and min ISR 2', async () => {
    expect(cluster.nodes.map((n) => n.nodeId)).toEqual([1, 2, 3]);
    expect(await admin.brokerCount()).toBe(3);
    const described = await describeTopics(
      cluster.brokers,
      allTopics.map((t) => topicName(t, prefix)),
    );
    for (const t of allTopics) {
      const d = described.get(topicName(t, prefix));
      expect(d?.replicationFactor).toBe(3);
      expect(d?.configs['min.insync.replicas']).toBe('2');
    }
    for (const p of await partitions(cluster.brokers, topic)) expect(p.isr).toEqual([1, 2, 3]);
  });

  it('loses and doubles nothing when a partition leader is killed and restarted mid-stream', async () => {
    // The consumer's effect: an idempotent insert by key (a redelivered message stores nothing new).
    const stored = new Map<string, string>();
    let deliveries = 0;
    const groupId = uniqueName('cluster-group');
    const consumer = kafka.consumer({
      groupId,
      topics: [topic],
      partitionsConsumedConcurrently: 3,
      handleBatch: async (batch) => {
        for (const m of batch.messages) {
          deliveries += 1;
          const key = m.key!.toString();
          if (!stored.has(key)) stored.set(key, m.value!.toString());
        }
      },
    });
    let crashed: Error | null = null;
    void consumer.crashed.then((e) => (crashed = e));
    await consumer.start();

    let sent = 0;
    let publishRetries = 0;
    const message = (i: number): OutgoingMessage => ({
      key: `k-${String(i).padStart(5, '0')}`,
      value: Buffer.from(JSON.stringify({ i })),
    });
    // Publishes until `upTo` messages went out; a batch that failed after the client's own retries
    // is sent again (at-least-once, as the ingester's outbox does), so only copies can appear.
    const publishUpTo = async (upTo: number): Promise<void> => {
      while (sent < upTo) {
        const batch = Array.from({ length: Math.min(BATCH, upTo - sent) }, (_, j) => message(sent + j));
        try {
          await producer.publish(topic, batch);
          sent += batch.length;
        } catch {
          publishRetries += 1;
          if (publishRetries > 20) throw new Error('publishing kept failing after the broker was killed');
          await new Promise((r) => setTimeout(r, 500));
        }
      }
    };

    // The workers' stream: statements posted to the ingester; a 503 (the broker or the store
    // unavailable) is posted again, as a client should. Ids are content-derived: a repeat is a duplicate.
    let posted = 0;
    let unavailable = 0;
    const statementIds = new Set<string>();
    const postUpTo = async (upTo: number): Promise<void> => {
      while (posted < upTo) {
        const items = Array.from({ length: Math.min(STATEMENT_BATCH, upTo - posted) }, (_, j) =>
          statement(posted + j),
        );
        const res = await fetch(`${ingestApi}/v1/statements/batch`, {
          method: 'POST',
          headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify(items),
          signal: AbortSignal.timeout(60_000),
        });
        if (res.status === 503) {
          unavailable += 1;
          if (unavailable > 30)
            throw new Error('the ingester kept answering 503 after the broker was killed');
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
        expect(res.status).toBe(202);
        for (const r of ((await res.json()) as { results: Array<{ id: string }> }).results)
          statementIds.add(r.id);
        posted += items.length;
      }
    };

    await Promise.all([publishUpTo(TOTAL / 3), postUpTo(STATEMENTS / 3)]);
    const before = await partitions(cluster.brokers, topic);
    const workerTopic = topicName(statementsTopic, workerPrefix);
    const leads = new Map<number, number>();
    for (const p of [...before, ...(await partitions(cluster.brokers, workerTopic))])
      leads.set(p.leader, (leads.get(p.leader) ?? 0) + 1);
    const victim = [...leads.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const victimNode = cluster.nodes.find((n) => n.nodeId === victim)!;
    const survivors = cluster.brokers.filter((b) => b !== `127.0.0.1:${victimNode.port}`);

    const killedAt = Date.now();
    const killedSent = sent;
    process.kill(victimNode.pid!, 'SIGKILL');
    // The stream goes on while the controller fences the dead broker and elects new leaders.
    const streaming = Promise.all([publishUpTo((2 * TOTAL) / 3), postUpTo((2 * STATEMENTS) / 3)]);
    const moved = await eventually(
      async () => {
        const now = await partitions(survivors, topic);
        return now.every((p) => p.leader !== victim && p.leader > 0) ? now : undefined;
      },
      60_000,
      `leaders off broker ${victim}`,
    );
    const failoverMs = Date.now() - killedAt;
    await streaming;

    const restartedAt = Date.now();
    const again = await startKafkaCluster(opts);
    expect(again.nodes.find((n) => n.nodeId === victim)!.pid).not.toBe(victimNode.pid);
    const streamingRest = Promise.all([publishUpTo(TOTAL), postUpTo(STATEMENTS)]);
    // Back in every ISR, then (the preferred-leader check runs every 10 s) leading again.
    await eventually(
      async () =>
        (await partitions(cluster.brokers, topic)).every((p) => p.isr.length === 3) ? true : undefined,
      60_000,
      'full ISRs after the restart',
    );
    const after = await eventually(
      async () => {
        const now = await partitions(cluster.brokers, topic);
        return now.some((p) => p.leader === victim) ? now : undefined;
      },
      60_000,
      `broker ${victim} leading again`,
    );
    const rejoinMs = Date.now() - restartedAt;
    await streamingRest;

    await eventually(
      () => (stored.size >= TOTAL ? true : undefined),
      60_000,
      `${TOTAL} messages stored`,
    ).catch((e: Error) => {
      const missing = Array.from({ length: TOTAL }, (_, i) => message(i).key!).filter((k) => !stored.has(k));
      throw new Error(
        `${e.message}: ${stored.size} stored; missing ${missing.slice(0, 20).join(',')} (broker ${victim} killed at ${killedSent} sent)`,
      );
    });
    // The group's committed offsets reach the end of every partition: nothing is left to redeliver.
    await eventually(
      async () => {
        const ends = new Map((await admin.endOffsets(topic)).map((p) => [p.partition, p.offset]));
        const committed = await admin.committedOffsets(groupId, topic);
        return committed.every((p) => p.offset === ends.get(p.partition)) ? true : undefined;
      },
      30_000,
      'commits at the end offsets',
    );
    await consumer.stop();

    // Every key once in the store, with the value that was sent for it.
    expect(stored.size).toBe(TOTAL);
    for (let i = 0; i < TOTAL; i += 1) expect(stored.get(message(i).key!)).toBe(`{"i":${i}}`);
    // And on the brokers (read with kcat): every key present; copies only from re-sent batches.
    const { stdout } = await run(
      'kcat',
      ['-b', cluster.brokers.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k\\n'],
      {
        timeout: 60_000,
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    const keys = stdout.split('\n').filter(Boolean);
    expect(new Set(keys).size).toBe(TOTAL);
    expect(crashed).toBeNull();

    // The workers: every statement stored once and classified into exactly its events, once.
    const expectedEvents = extract({ id: 'x', ...statement(0) }, undefined).events.length;
    expect(expectedEvents).toBeGreaterThan(0);
    expect(statementIds.size).toBe(STATEMENTS);
    const ids = [...statementIds];
    const storedStatements = Number(
      (await db('statements').whereIn('id', ids).count<{ n: string }[]>('* as n'))[0]!.n,
    );
    expect(storedStatements).toBe(STATEMENTS);
    const events = await eventually(
      async () => {
        const rows = (await db('violation_events')
          .whereIn('statement_id', ids)
          .select('id', 'statement_id')) as Array<{ id: string; statement_id: string }>;
        const per = new Map<string, number>();
        for (const r of rows) per.set(r.statement_id, (per.get(r.statement_id) ?? 0) + 1);
        return ids.every((id) => (per.get(id) ?? 0) >= expectedEvents) ? { rows, per } : undefined;
      },
      60_000,
      'every statement classified',
    );
    for (const id of ids) expect(events.per.get(id), id).toBe(expectedEvents);
    expect(new Set(events.rows.map((r) => r.id)).size).toBe(events.rows.length);

    const summary = {
      messages: TOTAL,
      victim,
      partitionsLedByVictim: leads.get(victim), // of the 12 partitions of both statements topics
      leadersBefore: before.map((p) => p.leader),
      leadersAfterKill: moved.map((p) => p.leader),
      leadersAfterRestart: after.map((p) => p.leader),
      failoverMs,
      rejoinMs,
      publishRetries,
      copiesOnTopic: keys.length - TOTAL,
      statements: STATEMENTS,
      eventsStored: events.rows.length,
      ingest503s: unavailable,
      deliveries,
      redeliveries: deliveries - TOTAL,
      wallSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
    process.stderr.write(`[cluster] ${JSON.stringify(summary)}\n`);
    expect(moved.every((p) => p.leader !== victim)).toBe(true);
  }, 240_000);
});
