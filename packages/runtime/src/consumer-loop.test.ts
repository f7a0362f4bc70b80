// The consumer loop with a fake client (no broker): what it does between a batch's attempts.
import { statementsTopic } from '@ceasefire/contracts';
import { describe, expect, it } from 'vitest';
import { coalescer } from './coalescer.ts';
import { createConsumerLoop } from './consumer-loop.ts';
import { PipelineError } from './errors.ts';
import type { BatchControl, IncomingBatch, KafkaClient } from './kafka/types.ts';
import { createLogger } from './logger.ts';
import { encodedStatement as statement, fakeKafka } from './testing.ts';

/** The loop's options that no test here varies. */
function loopBase(fake: KafkaClient) {
  return {
    stage: 'test',
    kafka: fake,
    producer: { publish: async () => {}, disconnect: async () => {} },
    groupId: 'g',
    topic: statementsTopic,
    topicPrefix: '',
    logger: createLogger({ service: 'test', level: 'silent' }),
    recordDeadLetter: async () => {},
  };
}

describe('consumer loop retries', () => {
  it('heartbeats all through a long backoff, so the group keeps the member while the database is down', async () => {
    const { fake, consumed } = fakeKafka();
    let failures = 2;
    const slept: number[] = [];
    createConsumerLoop({
      ...loopBase(fake),
      retry: { initialDelayMs: 20_000, maxDelayMs: 30_000 },
      random: () => 1,
      sleep: async (ms) => void slept.push(ms),
      handle: async () => {
        if (failures-- > 0) throw new PipelineError('database_unavailable', 'connect ECONNREFUSED');
      },
    });
    let heartbeats = 0;
    const control: BatchControl = {
      heartbeat: async () => void heartbeats++,
      isRunning: () => true,
      signal: new AbortController().signal,
    };
    const batch: IncomingBatch = {
      topic: 'statements.raw',
      partition: 0,
      highWatermark: '1',
      messages: [{ topic: 'statements.raw', partition: 0, offset: '0', key: null, value: statement(1), headers: {}, timestamp: 0 }],
    };
    await consumed().handleBatch(batch, control);
    // Backoffs of 20 s and 30 s, waited in slices of at most a second with a heartbeat after each.
    expect(slept.reduce((a, b) => a + b, 0)).toBe(50_000);
    expect(Math.max(...slept)).toBeLessThanOrEqual(1_000);
    expect(heartbeats).toBeGreaterThanOrEqual(50);
  });
});

describe('coalescer', () => {
  it('joins the calls of one turn, runs groups one at a time, and settles each call with its group', async () => {
    const groups: number[][] = [];
    let release: () => void = () => {};
    const run = coalescer<number>(async (items) => {
      groups.push(items);
      if (items.includes(1)) await new Promise<void>((r) => (release = r));
      if (items.includes(5)) throw new Error('group failed');
    });
    const first = [run(1), run(2), run(3)];
    await new Promise((r) => setImmediate(r));
    // Arrive while the first group runs: they wait and form the next group together.
    const second = [run(4), run(5)];
    await new Promise((r) => setImmediate(r));
    expect(groups).toEqual([[1, 2, 3]]);
    release();
    await Promise.all(first);
    const outcomes = await Promise.allSettled(second);
    expect(groups).toEqual([[1, 2, 3], [4, 5]]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    // A later call starts a new group.
    await run(6);
    expect(groups.at(-1)).toEqual([6]);
  });

  it('runs up to `concurrency` groups at once, each taking what waits when it starts', async () => {
    const started: number[][] = [];
    const releases: Array<() => void> = [];
    const run = coalescer<number>(
      async (items) => {
        started.push(items);
        await new Promise<void>((r) => releases.push(r));
      },
      { weight: () => 1, max: 2 },
      2,
    );
    const all = [1, 2, 3, 4, 5].map((n) => run(n));
    await new Promise((r) => setImmediate(r));
    // Two groups of at most two, at once; the fifth waits for a free slot.
    expect(started).toEqual([[1, 2], [3, 4]]);
    releases.shift()!();
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual([[1, 2], [3, 4], [5]]);
    for (const r of releases.splice(0)) r();
    await new Promise((r) => setImmediate(r));
    for (const r of releases.splice(0)) r();
    await Promise.all(all);
  });

  it('keeps a group under its weight limit, whole items only, a heavy one alone', async () => {
    const groups: number[][] = [];
    const run = coalescer<number>(async (items) => void groups.push(items), { weight: (n) => n, max: 10 });
    await Promise.all([run(4), run(5), run(2), run(30), run(1)]);
    expect(groups).toEqual([[4, 5], [2], [30], [1]]);
  });

  it("settles each call with its own item's result when the group returns one per item", async () => {
    const groups: number[][] = [];
    const run = coalescer<number, string>(async (items) => {
      groups.push(items);
      return items.map((n) => `r${n}`);
    });
    expect(await Promise.all([run(1), run(2), run(3)])).toEqual(['r1', 'r2', 'r3']);
    expect(groups).toEqual([[1, 2, 3]]);
  });
});

describe('consumer loop batches', () => {
  it('narrows a batch that fails for good down by halves: the bad message is dead-lettered alone, the rest handled in order, in few calls', async () => {
    const { fake, consumed } = fakeKafka();
    const calls: number[] = [];
    const handled: string[] = [];
    const dead: string[] = [];
    createConsumerLoop({
      ...loopBase(fake),
      sleep: async () => {},
      recordDeadLetter: async (entry) => void dead.push(entry.offset),
      handle: async (items) => {
        calls.push(items.length);
        if (items.some((i) => i.value.data.id === 'st_37')) throw new PipelineError('internal', 'check constraint violated');
        handled.push(...items.map((i) => i.value.data.id));
      },
    });
    const control: BatchControl = { heartbeat: async () => {}, isRunning: () => true, signal: new AbortController().signal };
    const ns = Array.from({ length: 64 }, (_, i) => i);
    await consumed().handleBatch(
      {
        topic: 'statements.raw',
        partition: 0,
        highWatermark: '99',
        messages: ns.map((n) => ({ topic: 'statements.raw', partition: 0, offset: String(n), key: null, value: statement(n), headers: {}, timestamp: 0 })),
      },
      control,
    );
    expect(dead).toEqual(['37']);
    expect(handled).toEqual(ns.filter((n) => n !== 37).map((n) => `st_${n}`));
    // The whole batch three times (a defect may be passing), then two halves a level for five
    // levels (32, 16, 8, 4, 2), then the good message of the last pair once and the bad one three
    // times alone: 3 + 10 + 1 + 3 = 17 calls, not 64.
    expect(calls.length).toBe(17);
  });

  it('hands the batches of several partitions fetched together to the handler as one, each partition in order', async () => {
    const { fake, consumed } = fakeKafka();
    const calls: string[][] = [];
    createConsumerLoop({
      ...loopBase(fake),
      handle: async (items) => void calls.push(items.map((i) => i.value.data.id)),
    });
    const control: BatchControl = { heartbeat: async () => {}, isRunning: () => true, signal: new AbortController().signal };
    const batch = (partition: number, ns: number[]): IncomingBatch => ({
      topic: 'statements.raw',
      partition,
      highWatermark: '9',
      messages: ns.map((n, i) => ({ topic: 'statements.raw', partition, offset: String(i), key: null, value: statement(n), headers: {}, timestamp: 0 })),
    });
    await Promise.all([consumed().handleBatch(batch(0, [1, 2]), control), consumed().handleBatch(batch(3, [7, 8, 9]), control)]);
    expect(calls).toEqual([['st_1', 'st_2', 'st_7', 'st_8', 'st_9']]);
  });
});
