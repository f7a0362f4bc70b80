// The project's Kafka client interface against the real broker: publish, consume in batches with
// committed offsets, the shared consumer loop's DLQ and retries, and a non-JavaScript client
// (kcat) reading what we wrote.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { statementsTopic, type Statement, topicName } from '@ceasefire/contracts';
import {
  PipelineError,
  createConsumerLoop,
  createMetricsRegistry,
  kafkaClientFor,
  type Admin,
  type DeadLetter,
  type IncomingMessage,
  type KafkaClient,
  type Producer,
} from '@ceasefire/runtime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createPrivateTopics,
  deleteTopicsWithPrefix,
  eventually,
  quietLogger,
  services,
  testKafka,
  uniqueName,
} from './support/harness.ts';
import { encodedStatement, statementMessage } from './support/messages.ts';

const run = promisify(execFile);

let kafka: KafkaClient;
let admin: Admin;
let producer: Producer;
let prefix: string;
let topic: string;

beforeAll(async () => {
  kafka = await testKafka('kafka-test');
  admin = await kafka.admin();
  producer = await kafka.producer();
  prefix = await createPrivateTopics(admin, 'kafka');
  topic = topicName(statementsTopic, prefix);
});

afterAll(async () => {
  await producer?.disconnect();
  if (admin) {
    await deleteTopicsWithPrefix(admin, prefix);
    await admin.disconnect();
  }
});

async function committedTotal(groupId: string, name: string): Promise<bigint> {
  const offsets = await admin.committedOffsets(groupId, name);
  return offsets.reduce((sum, p) => sum + (p.offset === '-1' ? 0n : BigInt(p.offset)), 0n);
}

async function endTotal(name: string): Promise<bigint> {
  return (await admin.endOffsets(name)).reduce((sum, p) => sum + BigInt(p.offset), 0n);
}

describe('Kafka client interface', () => {
  it('round-trips messages through a consumer group and commits the offsets', async () => {
    const groupId = uniqueName('group');
    await producer.publish(topic, Array.from({ length: 30 }, (_, i) => encodedStatement(i)));

    const seen: IncomingMessage[] = [];
    const consumer = kafka.consumer({
      groupId,
      topics: [topic],
      handleBatch: async (batch) => void seen.push(...batch.messages),
    });
    await consumer.start();
    await eventually(() => (seen.length >= 30 ? true : undefined), 30_000, '30 messages');
    // Committed up to the end of every partition. Not "30": a publish retried after a timeout may
    // have written a copy (at-least-once; consumers drop copies by id), which a loaded CI machine
    // shows now and then.
    await eventually(
      async () => ((await committedTotal(groupId, topic)) === (await endTotal(topic)) ? true : undefined),
      30_000,
      'commits up to the end of every partition',
    );
    await consumer.stop();

    expect(new Set(seen.map((m) => m.key?.toString())).size).toBe(30);
    // Same key, same partition: order by key holds.
    const partitionOf = new Map(seen.map((m) => [m.key?.toString(), m.partition]));
    expect(partitionOf.size).toBe(30);

    // A restarted member of the same group starts after the committed offsets.
    await producer.publish(topic, [encodedStatement(100)]);
    const again: IncomingMessage[] = [];
    const second = kafka.consumer({ groupId, topics: [topic], handleBatch: async (b) => void again.push(...b.messages) });
    await second.start();
    await eventually(() => (again.length >= 1 ? true : undefined), 30_000, 'the new message');
    await new Promise((r) => setTimeout(r, 500));
    await second.stop();
    // Only the new message (a publish retry may have written it twice), none of the first 30.
    expect([...new Set(again.map((m) => m.key?.toString()))]).toEqual(['st_100']);
    expect(await committedTotal(groupId, topic)).toBe(await endTotal(topic));
  });

  it('publishes more than a record batch may hold (1 MB) to one partition, as several sends, in order', async () => {
    const single = `${prefix}large`;
    await admin.createTopics([{ name: single, partitions: 1, replicationFactor: 1, configs: {} }]);
    // 3 MB that gzip cannot shrink: one send would be refused (MESSAGE_TOO_LARGE).
    const messages = Array.from({ length: 1500 }, (_, i) => ({ key: 'one-area', value: Buffer.concat([Buffer.from(`${i}:`), randomBytes(2000)]) }));
    await producer.publish(single, messages);
    const seen: string[] = [];
    const consumer = kafka.consumer({
      groupId: uniqueName('large'),
      topics: [single],
      handleBatch: async (batch) => void seen.push(...batch.messages.map((m) => m.value!.toString('latin1').split(':')[0]!)),
    });
    await consumer.start();
    await eventually(() => (seen.length >= 1500 ? true : undefined), 30_000, '1500 messages');
    await consumer.stop();
    expect(seen).toEqual(messages.map((_, i) => String(i)));
  });

  it('lets kcat, a non-JavaScript client, read what the project published', async () => {
    const single = `${prefix}kcat`;
    await admin.createTopics([{ name: single, partitions: 1, replicationFactor: 1, configs: {} }]);
    const { key, value } = encodedStatement(7);
    await producer.publish(single, [{ key, value, headers: { 'content-type': 'application/cloudevents+json' } }]);
    const { stdout } = await run('kcat', ['-b', services().brokers.join(','), '-C', '-t', single, '-o', 'beginning', '-c', '1', '-e', '-q', '-f', '%k\\t%h\\t%s\\n'], {
      timeout: 30_000,
    });
    const [k, headers, payload] = stdout.trimEnd().split('\t');
    expect(k).toBe('st_7');
    expect(headers).toBe('content-type=application/cloudevents+json');
    expect(JSON.parse(payload!)).toEqual(statementMessage(7));
  });
});

describe('consumer loop', () => {
  it('dead-letters contract violations with their reason and origin, and processes the messages around them', async () => {
    const groupId = uniqueName('loop');
    const single = `${prefix}dlqcase.${statementsTopic.name}`;
    const dlqName = `${prefix}dlqcase.${statementsTopic.dlq.name}`;
    await admin.createTopics([
      { name: single, partitions: 1, replicationFactor: 1, configs: {} },
      { name: dlqName, partitions: 1, replicationFactor: 1, configs: {} },
    ]);
    await producer.publish(single, [
      encodedStatement(1),
      { key: 'bad-json', value: Buffer.from('{"not json') },
      encodedStatement(2),
      { key: 'bad-contract', value: Buffer.from(JSON.stringify({ ...statementMessage(3), data: { id: 'x' } })) },
      encodedStatement(4),
    ]);

    const handled: Statement[] = [];
    const deadLetters: DeadLetter[] = [];
    const registry = createMetricsRegistry('test');
    const loop = createConsumerLoop({
      stage: 'test',
      kafka,
      producer,
      groupId,
      topic: statementsTopic,
      topicPrefix: `${prefix}dlqcase.`,
      logger: quietLogger(),
      registry,
      handle: async (items) => void handled.push(...items.map((i) => i.value.data)),
      recordDeadLetter: async (entry) => void deadLetters.push(entry),
    });
    await loop.start();
    await eventually(() => (handled.length >= 3 && deadLetters.length >= 2 ? true : undefined), 30_000, 'messages handled');
    await eventually(async () => ((await committedTotal(groupId, single)) === 5n ? true : undefined), 10_000, 'commit');
    await loop.stop();

    expect(handled.map((s) => s.id)).toEqual(['st_1', 'st_2', 'st_4']);
    expect(deadLetters.map((d) => [d.key, d.errorCode, d.offset])).toEqual([
      ['bad-json', 'contract_violation', '1'],
      ['bad-contract', 'contract_violation', '3'],
    ]);
    expect(deadLetters[1]!.errorMessage).toMatch(/data\.text/);

    const { stdout } = await run('kcat', ['-b', services().brokers.join(','), '-C', '-t', dlqName, '-o', 'beginning', '-c', '2', '-e', '-q', '-f', '%k|%h\\n'], { timeout: 30_000 });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^bad-json\|/);
    expect(lines[0]).toContain('dlq.error.code=contract_violation');
    expect(lines[0]).toContain(`dlq.original.topic=${single}`);
    expect(lines[0]).toContain('dlq.original.offset=1');
    expect(lines[1]).toContain('dlq.original.offset=3');
    expect(await registry.getSingleMetricAsString('ceasefire_messages_total')).toMatch(/outcome="dead_lettered"[^\n]* 2/);
  });

  it('retries a transient failure with backoff and never dead-letters good data; isolates a poison message', async () => {
    const groupId = uniqueName('retry');
    const tp = `${prefix}retry.`;
    await admin.createTopics([
      { name: tp + statementsTopic.name, partitions: 1, replicationFactor: 1, configs: {} },
      { name: tp + statementsTopic.dlq.name, partitions: 1, replicationFactor: 1, configs: {} },
    ]);
    await producer.publish(tp + statementsTopic.name, [1, 2, 3, 4].map(encodedStatement));

    let outage = 3; // the first three attempts find the database down
    const stored = new Map<string, number>();
    const deadLetters: DeadLetter[] = [];
    const loop = createConsumerLoop({
      stage: 'test',
      kafka,
      producer,
      groupId,
      topic: statementsTopic,
      topicPrefix: tp,
      logger: quietLogger(),
      retry: { initialDelayMs: 20, maxDelayMs: 100, internalAttempts: 2 },
      handle: async (items) => {
        if (outage-- > 0) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        if (items.some((i) => i.value.data.id === 'st_3')) throw new PipelineError('unprocessable', 'statement 3 is poison');
        for (const i of items) stored.set(i.value.data.id, (stored.get(i.value.data.id) ?? 0) + 1);
      },
      recordDeadLetter: async (entry) => void deadLetters.push(entry),
    });
    await loop.start();
    await eventually(async () => ((await committedTotal(groupId, tp + statementsTopic.name)) === 4n ? true : undefined), 30_000, 'commit');
    await loop.stop();

    expect([...stored.entries()].sort()).toEqual([
      ['st_1', 1],
      ['st_2', 1],
      ['st_4', 1],
    ]);
    expect(deadLetters.map((d) => [d.key, d.errorCode])).toEqual([['st_3', 'unprocessable']]);
  });
});

describe('the platformatic admin', () => {
  it('answers as the kafkajs one: topics made where missing, their shape and configuration, offsets', async () => {
    const platformatic = await kafkaClientFor(
      { brokers: services().brokers, clientId: 'kafka-test-platformatic', client: 'platformatic' },
      quietLogger('kafka-test-platformatic'),
    );
    const padmin = await platformatic.admin();
    try {
      const name = `${prefix}padmin`;
      const spec = { name, partitions: 3, replicationFactor: 1, configs: { 'retention.ms': '3600000' } };
      expect(await padmin.createTopics([spec])).toEqual([name]);
      // Only where missing: a second call creates nothing.
      expect(await padmin.createTopics([spec])).toEqual([]);
      expect(await padmin.listTopics()).toContain(name);
      expect(await padmin.describeTopics([name])).toEqual(await admin.describeTopics([name]));
      expect((await padmin.topicConfig(name))['retention.ms']).toBe('3600000');
      await padmin.alterTopicConfig(name, { 'retention.ms': '7200000' });
      expect((await admin.topicConfig(name))['retention.ms']).toBe('7200000');
      expect(await padmin.brokerCount()).toBe(await admin.brokerCount());

      await producer.publish(name, [
        { key: 'a', value: Buffer.from('1') },
        { key: 'b', value: Buffer.from('2') },
      ]);
      const byPartition = (o: Array<{ partition: number; offset: string }>) =>
        [...o].sort((x, y) => x.partition - y.partition);
      expect(byPartition(await padmin.endOffsets(name))).toEqual(byPartition(await admin.endOffsets(name)));
      // A group that never committed: every partition at -1, as kafkajs answers.
      const group = uniqueName('nobody');
      expect(byPartition(await padmin.committedOffsets(group, name))).toEqual(
        byPartition(await admin.committedOffsets(group, name)),
      );

      // A topic nobody produced to (the shared producer would go on asking for the deleted one's
      // metadata); this file's clean-up deletes the one above.
      const doomed = `${prefix}padmin-doomed`;
      await padmin.createTopics([{ ...spec, name: doomed }]);
      await padmin.deleteTopics([doomed]);
      await eventually(
        async () => ((await admin.listTopics()).includes(doomed) ? undefined : true),
        15_000,
        'the deletion',
      );
    } finally {
      await padmin.disconnect();
    }
  });

  it('fails typed when no broker answers', async () => {
    const nowhere = await kafkaClientFor(
      {
        brokers: ['127.0.0.1:1'],
        clientId: 'kafka-test-nowhere',
        client: 'platformatic',
        retries: 0,
        connectionTimeoutMs: 1_000,
      },
      quietLogger('kafka-test-nowhere'),
    );
    await expect(nowhere.admin()).rejects.toMatchObject({
      name: 'PipelineError',
      code: 'broker_unavailable',
    });
  });
});
