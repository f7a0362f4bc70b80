// A three-broker KRaft cluster on loopback (each node broker and controller, so three voters),
// private ports and data dirs. A stream of keyed messages goes through the runtime's producer
// (acks=all) into topics with replication factor 3 and min ISR 2, and a consumer group of the
// runtime's client stores each one with an idempotent insert. Mid-stream the broker leading most
// partitions is SIGKILLed, then restarted: leaders move away and back, nothing is lost and nothing
// is stored twice.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { allTopics, statementsTopic } from '@ceasefire/contracts';
import { createKafkaClient, type Admin, type KafkaClient, type Producer, type OutgoingMessage } from '@ceasefire/runtime';
import { createTopics, describeTopics, startKafkaCluster, stopKafkaCluster, type KafkaClusterInfo, type KafkaClusterOptions } from '@ceasefire/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, quietLogger, uniqueName } from './support/harness.ts';
import { freePort, repoRoot } from './support/workers.ts';

const run = promisify(execFile);
const TOTAL = 3000;
const BATCH = 50;

interface PartitionMeta {
  partition: number;
  leader: number;
  isr: number[];
}

/** Partition leaders and in-sync replicas as the cluster reports them, read with kcat (not our client). */
async function partitions(brokers: readonly string[], topic: string): Promise<PartitionMeta[]> {
  const { stdout } = await run('kcat', ['-b', brokers.join(','), '-L', '-J', '-t', topic, '-m', '5'], { timeout: 15_000 });
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
  topic = prefix + statementsTopic.name;
  await createTopics({ brokers: cluster.brokers, specs: allTopics, prefix, replicationFactor: 3, minInsyncReplicas: 2 });
  kafka = createKafkaClient({ brokers: cluster.brokers, clientId: 'cluster-test' }, quietLogger('cluster-test'));
  admin = await kafka.admin();
  producer = await kafka.producer();
}, 180_000);

afterAll(async () => {
  await producer?.disconnect().catch(() => {});
  await admin?.disconnect().catch(() => {});
  if (opts) await stopKafkaCluster({ ...opts, removeData: true });
}, 120_000);

describe('three-broker cluster', () => {
  it('is three nodes with the catalog topics at replication factor 3 and min ISR 2', async () => {
    expect(cluster.nodes.map((n) => n.nodeId)).toEqual([1, 2, 3]);
    expect(await admin.brokerCount()).toBe(3);
    const described = await describeTopics(cluster.brokers, allTopics.map((t) => prefix + t.name));
    for (const t of allTopics) {
      const d = described.get(prefix + t.name);
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

    await publishUpTo(TOTAL / 3);
    const before = await partitions(cluster.brokers, topic);
    const leads = new Map<number, number>();
    for (const p of before) leads.set(p.leader, (leads.get(p.leader) ?? 0) + 1);
    const victim = [...leads.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const victimNode = cluster.nodes.find((n) => n.nodeId === victim)!;
    const survivors = cluster.brokers.filter((b) => b !== `127.0.0.1:${victimNode.port}`);

    const killedAt = Date.now();
    const killedSent = sent;
    process.kill(victimNode.pid!, 'SIGKILL');
    // The stream goes on while the controller fences the dead broker and elects new leaders.
    const streaming = publishUpTo((2 * TOTAL) / 3);
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
    const streamingRest = publishUpTo(TOTAL);
    // Back in every ISR, then (the preferred-leader check runs every 10 s) leading again.
    await eventually(
      async () => ((await partitions(cluster.brokers, topic)).every((p) => p.isr.length === 3) ? true : undefined),
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

    await eventually(() => (stored.size >= TOTAL ? true : undefined), 60_000, `${TOTAL} messages stored`).catch((e: Error) => {
      const missing = Array.from({ length: TOTAL }, (_, i) => message(i).key!).filter((k) => !stored.has(k));
      throw new Error(`${e.message}: ${stored.size} stored; missing ${missing.slice(0, 20).join(',')} (broker ${victim} killed at ${killedSent} sent)`);
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
    const { stdout } = await run('kcat', ['-b', cluster.brokers.join(','), '-C', '-t', topic, '-o', 'beginning', '-e', '-q', '-f', '%k\\n'], {
      timeout: 60_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    const keys = stdout.split('\n').filter(Boolean);
    expect(new Set(keys).size).toBe(TOTAL);
    expect(crashed).toBeNull();

    const summary = {
      messages: TOTAL,
      victim,
      partitionsLedByVictim: leads.get(victim),
      leadersBefore: before.map((p) => p.leader),
      leadersAfterKill: moved.map((p) => p.leader),
      leadersAfterRestart: after.map((p) => p.leader),
      failoverMs,
      rejoinMs,
      publishRetries,
      copiesOnTopic: keys.length - TOTAL,
      deliveries,
      redeliveries: deliveries - TOTAL,
      wallSeconds: Math.round((Date.now() - startedAt) / 1000),
    };
    process.stderr.write(`[cluster] ${JSON.stringify(summary)}\n`);
    expect(moved.every((p) => p.leader !== victim)).toBe(true);
  }, 240_000);
});
