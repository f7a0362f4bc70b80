import { createHash } from 'node:crypto';
import { ContractError, decodeMessage, topicName, type DeadLetter, type MessageTopicSpec } from '@ceasefire/contracts';
import type { Logger } from 'pino';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { z } from 'zod';
import { coalescer } from './coalescer.ts';
import { classifyError, type PipelineError } from './errors.ts';
import type { BatchControl, Consumer, IncomingBatch, IncomingMessage, KafkaClient, OutgoingMessage, Producer } from './kafka/types.ts';

/** A message that passed its contract, with where it came from. */
export interface Decoded<T> {
  message: IncomingMessage;
  value: T;
}

/** What a stage's handler receives besides its messages (graphile's `helpers`). */
export interface HandlerContext {
  /** Bound to topic, partition and the batch's offsets. */
  logger: Logger;
  /** Aborted at shutdown. */
  signal: AbortSignal;
  heartbeat(): Promise<void>;
}

/** What the loop records about a dead-lettered message (the `dead_letters` row): the contracts' shape. */
export type { DeadLetter };

export interface RetryPolicy {
  /** First backoff; doubles each attempt, with full jitter, up to maxDelayMs. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** How often a non-retryable `internal` error is tried before the message is dead-lettered. */
  internalAttempts: number;
}

export interface ConsumerLoopOptions<S extends z.ZodType> {
  /** Stage name, e.g. `classifier`: in logs, DLQ headers and dead_letters rows. */
  stage: string;
  kafka: KafkaClient;
  /** Used for DLQ messages (and may be shared with the handler). */
  producer: Producer;
  groupId: string;
  topic: MessageTopicSpec<S>;
  /** Prepended to topic names (the TOPIC_PREFIX setting). */
  topicPrefix: string;
  logger: Logger;
  registry?: Registry;
  /**
   * Handles decoded messages of one or more partitions (fetched together), each partition's in
   * offset order. Must be idempotent: after a crash
   * the same messages come again. Throw a retryable error to pause and retry the whole batch.
   */
  handle(items: Decoded<z.output<S>>[], ctx: HandlerContext): Promise<void>;
  /** Stores the dead letter durably (the `dead_letters` table); must be idempotent. */
  recordDeadLetter(entry: DeadLetter): Promise<void>;
  /**
   * Largest DLQ message value (default 900 KiB: under the broker's default 1 MiB
   * `message.max.bytes` with room for the key and the `dlq.*` headers). A larger original goes
   * to the DLQ as its first {@link DLQ_HEAD_BYTES} bytes with its size and sha-256 in headers;
   * the `dead_letters` row keeps it whole.
   */
  dlqMaxBytes?: number;
  retry?: Partial<RetryPolicy>;
  /** Fetch tuning passed to the consumer. */
  maxBytesPerPartition?: number;
  sessionTimeoutMs?: number;
  /** Messages handled in one call at most, partitions' batches joined (default 2000; a larger partition batch goes alone). */
  maxBatchMessages?: number;
  /**
   * Joined batches handled at once (default 2): one's extraction or rules run while the other
   * waits on Postgres or the broker. Each partition is in one of them at a time.
   */
  batchesConcurrently?: number;
  /** Partitions whose batches are handed over at once (see ConsumeOptions). */
  partitionsConsumedConcurrently?: number;
  /** Injectable clock for backoff waits (tests). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Injectable randomness for jitter (tests). */
  random?: () => number;
}

/** Thrown out of a batch when shutdown interrupts a retry: nothing is committed. */
class Interrupted extends Error {}

/** What a DLQ message keeps of an original too large for the DLQ topic. */
export const DLQ_HEAD_BYTES = 64 * 1024;
const DLQ_MAX_BYTES = 900 * 1024;

/** A consumer loop, with the partitions it holds because a dead letter could be stored nowhere. */
export interface ConsumerLoop extends Consumer {
  /** `topic/partition` of each partition whose batch waits for a dead letter to become durable. */
  stalledPartitions(): string[];
}

// Postgres text and jsonb hold no NUL; invalid UTF-8 was already replaced when decoding.
const textSafe = (s: string): string => s.replace(/\u0000/g, '\uFFFD');

/** The `dead_letters` entry of a message: its bytes as they came, its text fields storable. */
export function deadLetterEntry(stage: string, message: IncomingMessage, error: PipelineError, failedAt: Date): DeadLetter {
  return {
    stage,
    topic: message.topic,
    partition: message.partition,
    offset: message.offset,
    key: message.key ? textSafe(message.key.toString('utf8')) : null,
    keyBytes: message.key,
    payload: message.value,
    headers: Object.fromEntries(Object.entries(message.headers).map(([k, v]) => [textSafe(k), textSafe(v)])),
    headerBytes: message.headerBytes ?? null,
    errorCode: error.code,
    errorMessage: textSafe(error.message.slice(0, 4000)),
    failedAt,
  };
}

/**
 * The DLQ message of a dead letter. `bare`: the first bytes only and none of the original's
 * headers, for when the broker refused the full one for what it holds (size, a header).
 */
export function dlqMessage(message: IncomingMessage, entry: DeadLetter, options: { maxBytes: number; bare: boolean }): OutgoingMessage {
  const value = message.value ?? Buffer.alloc(0);
  const truncated = options.bare ? value.length > DLQ_HEAD_BYTES : value.length > options.maxBytes;
  return {
    key: options.bare ? null : entry.key,
    value: truncated ? value.subarray(0, DLQ_HEAD_BYTES) : value,
    headers: {
      ...(options.bare ? {} : message.headers),
      // The original's content type (a message that was no CloudEvent is not labelled one);
      // first bytes only are just bytes.
      'content-type': truncated ? 'application/octet-stream' : (message.headers['content-type'] ?? 'application/octet-stream'),
      'dlq.stage': entry.stage,
      'dlq.error.code': entry.errorCode,
      'dlq.error.message': entry.errorMessage.slice(0, options.bare ? 500 : 4000),
      'dlq.original.topic': message.topic,
      'dlq.original.partition': String(message.partition),
      'dlq.original.offset': message.offset,
      'dlq.failed.at': entry.failedAt.toISOString(),
      ...(truncated
        ? { 'dlq.truncated': 'true', 'dlq.original.size': String(value.length), 'dlq.original.sha256': createHash('sha256').update(value).digest('hex') }
        : {}),
    },
  };
}

type Pausable = { pause(): void; resume(): void };

/** Waits `ms`, or less when `signal` aborts (shutdown): backoffs never hold a worker's exit. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

function metricsOf(registry: Registry | undefined) {
  const registers = registry ? [registry] : [];
  const get = <T>(name: string, make: () => T): T => (registry?.getSingleMetric(name) as T | undefined) ?? make();
  return {
    processed: get(
      'ceasefire_messages_total',
      () =>
        new Counter({
          name: 'ceasefire_messages_total',
          help: 'Messages consumed, by outcome (processed, dead_lettered)',
          labelNames: ['stage', 'topic', 'outcome'],
          registers,
        }),
    ),
    retries: get(
      'ceasefire_retries_total',
      () =>
        new Counter({
          name: 'ceasefire_retries_total',
          help: 'Batch retries after a failure, by error code',
          labelNames: ['stage', 'code'],
          registers,
        }),
    ),
    deadLetterFailures: get(
      'ceasefire_dead_letter_failures_total',
      () =>
        new Counter({
          name: 'ceasefire_dead_letter_failures_total',
          help: 'Dead letters a store refused for good, by store (topic, table); the other store, a bare form, or a stalled partition took over',
          labelNames: ['stage', 'store'],
          registers,
        }),
    ),
    stalled: get(
      'ceasefire_dead_letter_stalled_partitions',
      () =>
        new Gauge({
          name: 'ceasefire_dead_letter_stalled_partitions',
          help: 'Partitions held (not committed) because a dead letter could be stored neither on the DLQ topic nor in the table',
          labelNames: ['stage'],
          registers,
        }),
    ),
    batchSize: get(
      'ceasefire_batch_size',
      () =>
        new Histogram({
          name: 'ceasefire_batch_size',
          help: 'Messages per handled batch',
          labelNames: ['stage'],
          buckets: [1, 5, 10, 50, 100, 250, 500, 1000],
          registers,
        }),
    ),
    duration: get(
      'ceasefire_batch_seconds',
      () =>
        new Histogram({
          name: 'ceasefire_batch_seconds',
          help: 'Time to handle one batch, retries included',
          labelNames: ['stage'],
          buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
          registers,
        }),
    ),
  };
}

/**
 * The consumer loop every worker runs: fetch the partitions' batches, decode them against the topic's
 * contract, hand the good messages to the stage's handler, dead-letter the bad ones, and commit
 * the offsets only after all of that is durable.
 *
 * - A message that breaks the contract goes to `<topic>.dlq` at once.
 * - A retryable failure (database, broker, channel down) pauses this partition and retries the
 *   batch with exponential backoff and jitter, heartbeating, until it works or shutdown begins:
 *   good data is never dead-lettered for an outage.
 * - A permanent failure of the batch is narrowed down by halves (see `narrow`): the messages
 *   that still fail alone go to the DLQ and the rest are processed.
 */
export function createConsumerLoop<S extends z.ZodType>(options: ConsumerLoopOptions<S>): ConsumerLoop {
  const policy: RetryPolicy = { initialDelayMs: 250, maxDelayMs: 30_000, internalAttempts: 3, ...options.retry };
  const sleep = options.sleep ?? abortableSleep;
  const random = options.random ?? Math.random;
  const metrics = metricsOf(options.registry);
  const source = topicName(options.topic, options.topicPrefix);
  const dlq = options.topic.dlq ? topicName(options.topic.dlq, options.topicPrefix) : null;
  const labels = { stage: options.stage };

  const stalled = new Set<string>();
  const maxBytes = options.dlqMaxBytes ?? DLQ_MAX_BYTES;

  /**
   * Makes a message's dead letter durable on the DLQ topic and in the table, each step retried
   * through outages on its own (a database outage does not publish the DLQ message again at each
   * retry). A store that refuses it for what it holds gets a bare form (first bytes, no original
   * headers or key). The message is committed only once at least one store holds it: when
   * neither does, its partition is held (not committed, reported by `stalledPartitions`, the
   * readiness probe and a gauge) and both are tried again until one works or shutdown.
   */
  async function deadLetter(message: IncomingMessage, error: PipelineError, ctx: HandlerContext, pausable: Pausable): Promise<void> {
    const entry = deadLetterEntry(options.stage, message, error, new Date());
    const toTopic = async (): Promise<boolean> => {
      if (!dlq) return false;
      for (const bare of [false, true]) {
        const failure = await untilDone(() => options.producer.publish(dlq, [dlqMessage(message, entry, { maxBytes, bare })]), ctx, pausable);
        if (!failure) return true;
        metrics.deadLetterFailures.inc({ ...labels, store: 'topic' });
        ctx.logger.error({ offset: message.offset, code: failure.code, error: failure.message, bare }, 'the DLQ topic refused a dead letter');
      }
      return false;
    };
    const toTable = async (): Promise<boolean> => {
      const bareEntry: DeadLetter = { ...entry, key: null, headers: {}, headerBytes: null };
      for (const e of [entry, bareEntry]) {
        const failure = await untilDone(() => options.recordDeadLetter(e), ctx, pausable);
        if (!failure) return true;
        metrics.deadLetterFailures.inc({ ...labels, store: 'table' });
        ctx.logger.error({ offset: message.offset, code: failure.code, error: failure.message }, 'the dead_letters table refused a dead letter');
      }
      return false;
    };
    let onTopic = await toTopic();
    let inTable = await toTable();
    const where = `${message.topic}/${message.partition}`;
    while (!onTopic && !inTable) {
      if (!stalled.has(where)) {
        stalled.add(where);
        metrics.stalled.set(labels, stalled.size);
        ctx.logger.fatal({ offset: message.offset, partition: message.partition }, 'a dead letter could be stored nowhere: partition held, not committed');
      }
      // Both stores refused it for what it holds: tried again every few seconds (an operator may
      // fix either), heartbeating, until one takes it or shutdown.
      for (let waited = 0; waited < Math.min(policy.maxDelayMs, 10_000) && !ctx.signal.aborted; waited += 1_000) {
        await sleep(1_000, ctx.signal);
        await ctx.heartbeat().catch(() => undefined);
      }
      if (ctx.signal.aborted) throw new Interrupted();
      onTopic = await toTopic();
      inTable = await toTable();
    }
    if (stalled.delete(where)) {
      metrics.stalled.set(labels, stalled.size);
      ctx.logger.info({ partition: message.partition }, 'dead letter stored; partition released');
    }
    metrics.processed.inc({ ...labels, topic: source, outcome: 'dead_lettered' });
    ctx.logger.warn({ offset: message.offset, code: error.code, error: entry.errorMessage, onTopic, inTable }, 'message dead-lettered');
  }

  /** Runs `work` until it succeeds; backs off on retryable errors; returns a permanent error. */
  async function untilDone(
    work: () => Promise<void>,
    ctx: HandlerContext,
    consumer: Pausable,
    internalAttempts: number = policy.internalAttempts,
  ): Promise<PipelineError | null> {
    let attempt = 0;
    let internalFailures = 0;
    for (;;) {
      try {
        await work();
        if (attempt > 0) {
          consumer.resume();
          ctx.logger.info({ attempts: attempt + 1 }, 'recovered; consumption resumed');
        }
        return null;
      } catch (e) {
        if (e instanceof Interrupted) throw e;
        const error = classifyError(e);
        if (!error.retryable) {
          internalFailures++;
          if (error.code !== 'internal' || internalFailures >= internalAttempts) {
            if (attempt > 0) consumer.resume();
            return error;
          }
        }
        if (ctx.signal.aborted) throw new Interrupted();
        if (attempt === 0) consumer.pause();
        const delay = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.min(attempt, 20)) * (0.5 + random() / 2);
        attempt++;
        metrics.retries.inc({ ...labels, code: error.code });
        ctx.logger.warn({ code: error.code, error: error.message, attempt, delayMs: Math.round(delay) }, 'batch failed; retrying');
        // Heartbeat through the wait: a backoff longer than the session timeout (30 s at most,
        // the default session is 30 s too) would otherwise get this member evicted from its
        // group while it waits for the database, and its commit refused afterwards.
        for (let waited = 0; waited < delay && !ctx.signal.aborted; ) {
          const slice = Math.min(1_000, delay - waited);
          await sleep(slice, ctx.signal);
          waited += slice;
          await ctx.heartbeat().catch(() => undefined);
        }
        if (ctx.signal.aborted) throw new Interrupted();
      }
    }
  }

  /**
   * Settles messages whose batch failed for good (`failure`): each half is handled as a batch, in
   * order (each partition's order holds), and a half that fails is halved again, down to the
   * message that fails alone, which is dead-lettered. One bad message among n costs about
   * 2·log2(n) handler calls instead of n (one at a time, a poison message in an alerting batch of
   * 400 events held the stage for 40 s). A half's defect (`internal`) is not retried: halving it
   * finds the message, which gets the retries a single message has.
   */
  async function narrow(items: readonly Decoded<z.output<S>>[], failure: PipelineError, ctx: HandlerContext, pausable: Pausable): Promise<void> {
    if (items.length === 1) {
      await deadLetter(items[0]!.message, failure, ctx, pausable);
      return;
    }
    const middle = Math.ceil(items.length / 2);
    for (const half of [items.slice(0, middle), items.slice(middle)]) {
      const failed = await untilDone(() => options.handle(half, ctx), ctx, pausable, half.length === 1 ? policy.internalAttempts : 1);
      if (failed) await narrow(half, failed, ctx, pausable);
      else metrics.processed.inc({ ...labels, topic: source, outcome: 'processed' }, half.length);
    }
  }

  /** Handles fetched batches (several partitions) as one: decode, dead-letter, handle. */
  async function handleBatches(parts: ReadonlyArray<{ batch: IncomingBatch; control: BatchControl }>): Promise<void> {
    const started = process.hrtime.bigint();
    const messages = parts.flatMap((p) => p.batch.messages);
    const first = parts[0]!.batch;
    const log = options.logger.child({
      topic: first.topic,
      partitions: parts.map((p) => p.batch.partition),
      offsets: parts.map((p) => `${p.batch.partition}:${p.batch.messages[0]?.offset}-${p.batch.messages.at(-1)?.offset}`).join(' '),
    });
    // One consumer: any part's heartbeat speaks for the member, its signal for the shutdown.
    const ctx: HandlerContext = { logger: log, signal: parts[0]!.control.signal, heartbeat: parts[0]!.control.heartbeat };
    const pausable = { pause: () => consumer.pause(), resume: () => consumer.resume() };
    metrics.batchSize.observe(labels, messages.length);

    const good: Decoded<z.output<S>>[] = [];
    const rejected: Array<[IncomingMessage, PipelineError]> = [];
    for (const message of messages) {
      try {
        good.push({ message, value: decodeMessage(options.topic, message.value) });
      } catch (e) {
        rejected.push([message, classifyError(e instanceof ContractError ? e : new ContractError(source, [String(e)]))]);
      }
    }

    try {
      for (const [message, error] of rejected) {
        await deadLetter(message, error, ctx, pausable);
      }
      if (good.length > 0) {
        const failure = await untilDone(() => options.handle(good, ctx), ctx, pausable);
        if (failure) {
          log.warn({ code: failure.code, error: failure.message, messages: good.length }, 'batch failed permanently; narrowing it down by halves');
          await narrow(good, failure, ctx, pausable);
        } else {
          metrics.processed.inc({ ...labels, topic: source, outcome: 'processed' }, good.length);
        }
      }
    } catch (e) {
      if (e instanceof Interrupted) log.info('shutdown during retries: batch left uncommitted for the next consumer');
      throw e;
    } finally {
      metrics.duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  // The client hands over one partition's batch at a time, several at once when it fetched
  // several partitions. Handled one by one, a fetch of six partitions at a steady low rate was six
  // transactions and six publishes of one message each; joined, it is one of each. The batches
  // that arrive together (one fetch) are handled as one, two groups at a time (batchesConcurrently):
  // batches that come while both are busy wait and join the next group, so groups grow with the load. Each
  // partition's promise settles with its group, and the client commits it after. A group holds
  // whole partition batches up to `maxBatchMessages` messages (a backlog's first fetch is a
  // megabyte per partition), so its transaction and its extraction stay bounded.
  const coalesce = coalescer(handleBatches, { weight: (p) => p.batch.messages.length, max: options.maxBatchMessages ?? 2000 }, options.batchesConcurrently ?? 2);

  const consumer: Consumer = options.kafka.consumer({
    groupId: options.groupId,
    topics: [source],
    maxBytesPerPartition: options.maxBytesPerPartition,
    sessionTimeoutMs: options.sessionTimeoutMs,
    ...(options.partitionsConsumedConcurrently ? { partitionsConsumedConcurrently: options.partitionsConsumedConcurrently } : {}),
    handleBatch: (batch, control) => coalesce({ batch, control }),
  });
  return {
    start: () => consumer.start(),
    stop: () => consumer.stop(),
    pause: (topics) => consumer.pause(topics),
    resume: (topics) => consumer.resume(topics),
    crashed: consumer.crashed,
    stalledPartitions: () => [...stalled],
  };
}
