// The one module that knows the Kafka client library. Everything else uses ./types.ts.
import kafkajs, {
  CompressionTypes,
  Kafka,
  Partitioners,
  logLevel,
  type Admin as KjsAdmin,
  type Consumer as KjsConsumer,
  type IHeaders,
  type LogEntry,
  type SASLOptions,
} from 'kafkajs';
import { promisify } from 'node:util';
import { gzip, unzip } from 'node:zlib';
import type { Logger } from 'pino';
import { coalescer } from '../coalescer.ts';
import { kafkajsError, kafkajsOriginal, mapFailures } from './errors.ts';
import { headersToSend } from './headers.ts';
import {
  KAFKA_DEFAULTS,
  type Admin,
  type Consumer,
  type ConsumeOptions,
  type IncomingMessage,
  type KafkaClient,
  type KafkaSettings,
  type OutgoingMessage,
  type Producer,
} from './types.ts';

const gzipFast = promisify(gzip);
const gunzip = promisify(unzip);
// Produced batches are gzipped at level 1, not zlib's default 6: on 100 statements (131 KB) it
// takes 1.0 ms of CPU against 2.4 ms, for a batch 25% larger (36 KB against 29 KB); reading is
// as fast. The classifier gzips every drained batch of events, the ingester every batch of
// statements, on machines short of CPU, not of disk. Any gzip level reads the same.
// (The codecs' table is not among kafkajs's ES module named exports: through its CommonJS object.)
kafkajs.CompressionCodecs[CompressionTypes.GZIP] = () => ({
  compress: (encoder: { buffer: Buffer }) => gzipFast(encoder.buffer, { level: 1 }),
  decompress: (buffer: Buffer) => gunzip(buffer),
});

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = first.toString();
  }
  return out;
}

function headerBytesOf(headers: IHeaders | undefined): Record<string, Buffer> {
  const out: Record<string, Buffer> = {};
  if (!headers) return out;
  for (const [name, value] of Object.entries(headers)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined) out[name] = Buffer.isBuffer(first) ? first : Buffer.from(first);
  }
  return out;
}

// Errors of the broker that kafkajs answers by retrying, met on every normal start (the group
// coordinator and partition leaders are elected while the workers connect).
const EXPECTED_WHILE_STARTING =
  /group coordinator is not available|coordinator is loading|not the correct coordinator|no leader for this topic-partition|leadership election|rebalanc/i;

/**
 * Whether a kafkajs ERROR entry is one it recovers from by itself: it says it will retry
 * (`retryCount`), or the broker error is a transient one of a start-up. Such lines are warnings;
 * when the retries run out, the error that reaches our code is logged by it.
 */
export function expectedKafkaRetry(log: Record<string, unknown>): boolean {
  return log.retryCount !== undefined || (typeof log.error === 'string' && EXPECTED_WHILE_STARTING.test(log.error));
}

// kafkajs logs through its own logger; route it into pino at the matching level.
export function logCreator(logger: Logger) {
  return () =>
    ({ level, log }: LogEntry) => {
      const { message, ...extra } = log;
      const child = { kafka: extra };
      if (level === logLevel.ERROR && !expectedKafkaRetry(extra)) logger.error(child, message);
      else if (level === logLevel.ERROR) logger.warn(child, message);
      else if (level === logLevel.WARN) logger.warn(child, message);
      else if (level === logLevel.INFO) logger.debug(child, message);
      else logger.trace(child, message);
    };
}

const MEMBERSHIP_ERRORS = new Set(['UNKNOWN_MEMBER_ID', 'REBALANCE_IN_PROGRESS', 'ILLEGAL_GENERATION', 'NOT_COORDINATOR_FOR_GROUP', 'NOT_COORDINATOR']);

/** `e` and the errors under it (kafkajs's retrier wraps the error that counts in `cause`). */
function* causesOf(e: unknown): Generator<{ name?: unknown; type?: unknown; code?: unknown; message?: unknown }> {
  for (let cur: unknown = e, depth = 0; cur && depth < 6; cur = (cur as { cause?: unknown }).cause, depth++) {
    yield cur as { name?: unknown; type?: unknown; code?: unknown; message?: unknown };
  }
}

const UNREACHABLE_NAMES = new Set(['KafkaJSGroupCoordinatorNotFound', 'KafkaJSConnectionError', 'KafkaJSBrokerNotFound', 'KafkaJSNumberOfRetriesExceeded']);

/** Whether `e` (or an error under it) says the broker could not be reached or had no coordinator. */
export function brokerUnreachable(e: unknown): boolean {
  for (const cur of causesOf(e)) {
    if (typeof cur.name === 'string' && UNREACHABLE_NAMES.has(cur.name)) return true;
    if (cur.code === 'ECONNREFUSED' || cur.code === 'ECONNRESET') return true;
    if (typeof cur.message === 'string' && /Closed connection|ECONNREFUSED/.test(cur.message)) return true;
  }
  return false;
}

/** The protocol error under `e` (or `e` itself) that says this member lost its place in the group. */
function groupMembershipError(e: unknown): Error | null {
  for (const cur of causesOf(e)) if (typeof cur.type === 'string' && MEMBERSHIP_ERRORS.has(cur.type)) return cur as Error;
  return null;
}

function saslOf(settings: KafkaSettings): SASLOptions | undefined {
  const s = settings.sasl;
  if (!s) return undefined;
  return { mechanism: s.mechanism, username: s.username, password: s.password } as SASLOptions;
}

/**
 * Connects, adding what the brokers' silence likely means: a TLS listener drops a plaintext client
 * without a word, which kafkajs reports only as `Closed connection`.
 */
async function connectExplained(connect: () => Promise<void>, settings: KafkaSettings): Promise<void> {
  try {
    await connect();
  } catch (e) {
    if (!settings.ssl && !settings.sslCa && e instanceof Error && /Closed connection/.test(e.message)) {
      e.message += ' (the broker closed the connection: if its listener is TLS or SASL_SSL, set KAFKA_SSL=true)';
    }
    throw e;
  }
}

/** Bytes of message values (uncompressed) per send at most: under the broker's default 1 MB per record batch. */
const maxSendBytes = 900 * 1024;

/** Consecutive runs of `messages` of at most `maxBytes` each (a larger message goes alone). */
export function chunksOf(messages: readonly OutgoingMessage[], maxBytes: number): OutgoingMessage[][] {
  const chunks: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let bytes = 0;
  for (const m of messages) {
    const size = m.value.length + (m.key?.length ?? 0);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(m);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/** `call`, failing with kafkajs's error typed (`kafkajsError`). */
function typed<T>(call: Promise<T>): Promise<T> {
  return call.catch((e: unknown) => Promise.reject(kafkajsError(e)));
}

/** A consumer's final failure (a commit, a heartbeat, a rebalance or a join that failed) as it ends the consumer: typed. */
function crashError(e: unknown): Error {
  const typed = kafkajsError(e);
  return typed instanceof Error ? typed : new Error(String(typed));
}

/** A KafkaClient backed by kafkajs. */
export function createKafkaClient(settings: KafkaSettings, logger: Logger): KafkaClient {
  const kafka = new Kafka({
    clientId: settings.clientId,
    brokers: settings.brokers,
    ssl: settings.sslCa ? { ca: [settings.sslCa] } : (settings.ssl ?? false),
    sasl: saslOf(settings),
    logLevel: logLevel.INFO,
    logCreator: logCreator(logger.child({ component: 'kafka' })),
    ...(settings.connectionTimeoutMs ? { connectionTimeout: settings.connectionTimeoutMs } : {}),
    ...(settings.requestTimeoutMs ? { requestTimeout: settings.requestTimeoutMs } : {}),
    retry: { initialRetryTime: 200, retries: settings.retries ?? KAFKA_DEFAULTS.retries, maxRetryTime: 10_000 },
  });
  const compression = settings.compression === 'none' ? CompressionTypes.None : CompressionTypes.GZIP;
  // A send of a few small messages (a statement or two at a low rate) gains a few hundred bytes
  // from gzip and pays its fixed cost in CPU and latency on every hop; a large batch (a backlog
  // drained) gains most. Sends below this size go uncompressed.
  const compressFromBytes = 16 * 1024;

  return {
    async producer(): Promise<Producer> {
      // Not kafkajs's idempotent mode: it needs unbounded retries, and a publish must fail in
      // bounded time (the ingest API answers 503). A retried send may duplicate a message;
      // every message carries a deterministic id, so consumers drop the copy.
      //
      // Retries are ours, not kafkajs's: its retry of a send skips every broker that answered the
      // first attempt, so when a partition leader dies mid-send and its partitions move to a
      // broker that already answered, their messages are never sent again and `send` resolves
      // anyway (kafkajs 2.2.4, sendMessages.js; the cluster test lost 20 of 3000 messages so).
      // A failed send is resent whole, to the leaders of the refreshed metadata.
      const producer = kafka.producer({
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner,
        retry: { retries: 0 },
      });
      await connectExplained(() => producer.connect(), settings);
      const retries = settings.retries ?? KAFKA_DEFAULTS.retries;
      async function send(topic: string, messages: OutgoingMessage[]): Promise<void> {
        let bytes = 0;
        for (const m of messages) bytes += m.value.length;
        const record = {
          topic,
          acks: -1,
          compression: bytes >= compressFromBytes ? compression : CompressionTypes.None,
          messages: messages.map((m) => ({ key: m.key, value: m.value, headers: headersToSend(m.headers) })),
        };
        for (let attempt = 0, wait = 200; ; attempt += 1, wait = Math.min(wait * 2, 10_000)) {
          try {
            await producer.send(record);
            return;
          } catch (e) {
            // Only a retriable failure (leader moved, connection lost, timeout) comes wrapped so;
            // others (too large, not authorised) fail at once.
            if ((e as Error).name !== 'KafkaJSNumberOfRetriesExceeded' || attempt >= retries) throw e;
            await new Promise((r) => setTimeout(r, wait * (0.8 + Math.random() * 0.4)));
          }
        }
      }
      return {
        async publish(topic: string, messages: OutgoingMessage[]) {
          // A broker takes record batches up to message.max.bytes (1 MB by default) per partition:
          // a large publish (a merged batch of a backlog) goes as several sends, in order, each
          // under that size uncompressed.
          try {
            for (const chunk of chunksOf(messages, maxSendBytes)) await send(topic, chunk);
          } catch (e) {
            throw kafkajsError(e);
          }
        },
        disconnect: () => producer.disconnect(),
      };
    },

    consumer(options: ConsumeOptions): Consumer {
      const stopping = new AbortController();
      let resolveCrash: (e: Error) => void = () => {};
      const crashed = new Promise<Error>((resolve) => (resolveCrash = resolve));
      let relaunches = 0;

      /** A kafkajs consumer, joined and running; relaunched after a crash of the broker's making. */
      async function launch(): Promise<KjsConsumer> {
        const consumer = kafka.consumer({
          groupId: options.groupId,
          allowAutoTopicCreation: false,
          sessionTimeout: options.sessionTimeoutMs ?? KAFKA_DEFAULTS.sessionTimeoutMs,
          heartbeatInterval: 3_000,
          maxBytesPerPartition: options.maxBytesPerPartition ?? 1_048_576,
          maxWaitTimeInMs: options.maxWaitTimeMs ?? 200,
        });
        consumer.on(consumer.events.CRASH, (event) => {
          // kafkajs restarts by itself after a retriable crash; only a final one comes here.
          if (event.payload.restart || stopping.signal.aborted) return;
          const error = event.payload.error;
          // A final crash because the broker could not be reached (it found no group coordinator
          // while the broker was down, during a rejoin) is an outage, not a defect: a new consumer
          // joins once the broker is back, as a restarted worker would. Anything else ends the
          // consumer, and the service exits for its supervisor.
          if (!brokerUnreachable(error)) return resolveCrash(crashError(error));
          relaunch(error);
        });
        await connectExplained(() => consumer.connect(), settings);
        // The partitions of one fetch finish together (the consumer loop handles them as one):
        // their commits go as one request, not one per partition.
        const commit = coalescer<{ topic: string; partition: number; offset: string }>((offsets) => consumer.commitOffsets(offsets));
        await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
        await consumer.run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
          eachBatch: async ({ batch, heartbeat, isRunning, isStale, resolveOffset }) => {
            if (batch.isEmpty() || isStale()) return;
            const messages: IncomingMessage[] = batch.messages.map((m) => ({
              topic: batch.topic,
              partition: batch.partition,
              offset: m.offset,
              key: m.key ?? null,
              value: m.value ?? null,
              headers: headersOf(m.headers),
              headerBytes: headerBytesOf(m.headers),
              timestamp: Number(m.timestamp),
            }));
            // The handler sees the heartbeat's failure typed (a rebalance is transient), and kafkajs
            // gets its own error back from the handler, the one it re-joins the group on.
            await options
              .handleBatch(
                { topic: batch.topic, partition: batch.partition, messages, highWatermark: batch.highWatermark },
                { heartbeat: () => typed(heartbeat()), isRunning: () => isRunning() && !stopping.signal.aborted, signal: stopping.signal },
              )
              .catch((e: unknown) => Promise.reject(kafkajsOriginal(e)));
            // Only after the handler's effects are durable: commit, then move the fetch position.
            const last = batch.lastOffset();
            try {
              await commit({ topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() });
            } catch (e) {
              // The group moved on while the batch was handled (a long outage, a rebalance):
              // the effects are durable and idempotent, the batch comes again to whoever owns
              // the partition now. kafkajs re-joins on these errors, but only when it sees their
              // type, which its retrier hides under `cause`; unwrapped, they crash the consumer.
              throw groupMembershipError(e) ?? e;
            }
            resolveOffset(last);
            await heartbeat();
          },
        });
        return consumer;
      }
      let current: KjsConsumer | null = null;

      /** Launches a new consumer after a backoff, again while the broker stays unreachable. */
      function relaunch(cause: unknown): void {
        const wait = Math.min(1_000 * 2 ** Math.min(relaunches++, 4), 15_000);
        logger.warn({ err: cause, waitMs: wait, attempt: relaunches }, 'consumer lost the broker; joining again');
        setTimeout(() => {
          if (stopping.signal.aborted) return;
          launch().then(
            (next) => {
              if (stopping.signal.aborted) return void next.disconnect().catch(() => undefined);
              current = next;
              relaunches = 0;
            },
            (e: unknown) => (brokerUnreachable(e) ? relaunch(e) : resolveCrash(crashError(e))),
          );
        }, wait);
      }

      return {
        crashed,
        async start() {
          current = await typed(launch());
        },
        pause(topics) {
          current?.pause((topics ?? options.topics).map((topic) => ({ topic })));
        },
        resume(topics) {
          current?.resume((topics ?? options.topics).map((topic) => ({ topic })));
        },
        async stop() {
          stopping.abort();
          // disconnect() waits for the batch in hand, then leaves the group so a successor starts at once.
          await current?.disconnect();
        },
      };
    },

    async admin(): Promise<Admin> {
      const admin: KjsAdmin = kafka.admin();
      await typed(connectExplained(() => admin.connect(), settings));
      const client: Admin = {
        async createTopics(topics) {
          const existing = new Set(await admin.listTopics());
          const missing = topics.filter((t) => !existing.has(t.name));
          if (missing.length === 0) return [];
          await admin.createTopics({
            // Waited for below: kafkajs's own wait gives up when the broker it asks has not heard
            // of the new topic yet (UNKNOWN_TOPIC_OR_PARTITION), which happens on a cluster.
            waitForLeaders: false,
            topics: missing.map((t) => ({
              topic: t.name,
              numPartitions: t.partitions,
              replicationFactor: t.replicationFactor,
              configEntries: Object.entries(t.configs).map(([name, value]) => ({ name, value })),
            })),
          });
          const names = missing.map((t) => t.name);
          const deadline = Date.now() + (settings.requestTimeoutMs ?? KAFKA_DEFAULTS.requestTimeoutMs);
          for (;;) {
            try {
              const meta = await admin.fetchTopicMetadata({ topics: names });
              if (meta.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) break;
            } catch (e) {
              const type = (e as { type?: string }).type;
              if (type !== 'UNKNOWN_TOPIC_OR_PARTITION' && type !== 'LEADER_NOT_AVAILABLE') throw e;
            }
            if (Date.now() > deadline) throw new Error(`topics ${names.join(', ')} have no leaders yet`);
            await new Promise((r) => setTimeout(r, 100));
          }
          return names;
        },
        listTopics: () => admin.listTopics(),
        async describeTopics(names) {
          const meta = await admin.fetchTopicMetadata({ topics: names });
          return meta.topics.map((t) => ({
            name: t.name,
            partitions: t.partitions.length,
            replicationFactor: t.partitions[0]?.replicas.length ?? 0,
          }));
        },
        async topicConfig(name) {
          // ConfigResourceTypes.TOPIC = 2
          const res = await admin.describeConfigs({ resources: [{ type: 2, name }], includeSynonyms: false });
          const out: Record<string, string> = {};
          for (const entry of res.resources[0]?.configEntries ?? []) out[entry.configName] = entry.configValue;
          return out;
        },
        async alterTopicConfig(name, configs) {
          await admin.alterConfigs({
            validateOnly: false,
            resources: [{ type: 2, name, configEntries: Object.entries(configs).map(([n, value]) => ({ name: n, value })) }],
          });
        },
        async brokerCount() {
          return (await admin.describeCluster()).brokers.length;
        },
        async deleteTopics(names) {
          if (names.length) await admin.deleteTopics({ topics: names });
        },
        async committedOffsets(groupId, topic) {
          const res = await admin.fetchOffsets({ groupId, topics: [topic] });
          return (res[0]?.partitions ?? []).map((p) => ({ partition: p.partition, offset: p.offset }));
        },
        async endOffsets(topic) {
          const res = await admin.fetchTopicOffsets(topic);
          return res.map((p) => ({ partition: p.partition, offset: p.high }));
        },
        disconnect: () => admin.disconnect(),
      };
      // Topic creation, metadata and offset fetches fail typed, as a publish does.
      return mapFailures(client, kafkajsError);
    },
  };
}
