// The KafkaClient interface backed by @platformatic/kafka (selected with KAFKA_CLIENT=platformatic):
// producer, consumer and admin are all platformatic's, and its errors are mapped here
// (`brokerError`) to the runtime's typed ones; kafkajs is not loaded.
import {
  Admin as PAdmin,
  ConfigResourceTypes,
  Consumer as PConsumer,
  Producer as PProducer,
  type Message,
} from '@platformatic/kafka';
import type { Logger } from 'pino';
import { PipelineError } from '../errors.ts';
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

function baseOptions(settings: KafkaSettings) {
  return {
    clientId: settings.clientId,
    bootstrapBrokers: settings.brokers,
    ...(settings.sslCa ? { tls: { ca: [settings.sslCa] } } : settings.ssl ? { tls: {} } : {}),
    ...(settings.sasl
      ? {
          sasl: {
            mechanism: settings.sasl.mechanism.toUpperCase() as 'PLAIN',
            username: settings.sasl.username,
            password: settings.sasl.password,
          },
        }
      : {}),
    ...(settings.connectionTimeoutMs ? { connectTimeout: settings.connectionTimeoutMs } : {}),
    ...(settings.requestTimeoutMs ? { requestTimeout: settings.requestTimeoutMs } : {}),
    retries: settings.retries ?? KAFKA_DEFAULTS.retries,
    retryDelay: 200,
  };
}

/**
 * The client's errors as the runtime's: an outage (network, timeout, a retriable broker answer,
 * once the client's own retries are spent) is `broker_unavailable`, so the ingester answers 503
 * and the consumer loop waits it out; a request the broker refuses for what it is stays
 * `internal`, as kafkajs's non-retriable protocol errors do. Unmapped, a leader's restart made the
 * ingester answer 500.
 */
export function brokerError(e: unknown): unknown {
  const err = e as { code?: unknown; canRetry?: unknown; errors?: unknown[]; message?: string };
  if (typeof err?.code !== 'string' || !err.code.startsWith('PLT_KFK_')) return e;
  const leaves: Array<{ code?: unknown; canRetry?: unknown }> = [];
  const walk = (x: typeof err) =>
    Array.isArray(x.errors) && x.errors.length > 0
      ? x.errors.forEach((y) => walk(y as typeof err))
      : leaves.push(x);
  walk(err);
  const transient = leaves.some(
    (l) => l.code === 'PLT_KFK_NETWORK' || l.code === 'PLT_KFK_TIMEOUT' || l.canRetry === true,
  );
  return new PipelineError(transient ? 'broker_unavailable' : 'internal', err.message ?? String(e), {
    cause: e,
  });
}

/** A KafkaClient whose producer and consumer are @platformatic/kafka's. */
export function createPlatformaticClient(settings: KafkaSettings, logger: Logger): KafkaClient {
  const log = logger.child({ component: 'kafka', client: 'platformatic' });

  return {
    async producer(): Promise<Producer> {
      // Like the kafkajs module: not idempotent (bounded publish time; consumers drop copies by id).
      const producer = new PProducer<Buffer | undefined, Buffer, Buffer, Buffer>({
        ...baseOptions(settings),
        acks: -1,
        idempotent: false,
        autocreateTopics: false,
        compression: settings.compression === 'none' ? 'none' : 'gzip',
      });
      return {
        async publish(topic: string, messages: OutgoingMessage[]) {
          if (messages.length === 0) return;
          await producer
            .send({
              messages: messages.map((m) => ({
                topic,
                ...(m.key === null ? {} : { key: Buffer.from(m.key) }),
                value: m.value,
                // Without serializers the client writes Buffers only: string headers failed every
                // send that carried them (dead letters, the alerts topic) with "Producing messages failed".
                headers: new Map(
                  Object.entries(headersToSend(m.headers)).map(([k, v]) => [Buffer.from(k), Buffer.from(v)]),
                ),
              })),
            })
            .catch((e: unknown) => {
              throw brokerError(e);
            });
        },
        disconnect: () => producer.close(),
      };
    },

    consumer(options: ConsumeOptions): Consumer {
      const newConsumer = () => {
        const c = new PConsumer<Buffer, Buffer, Buffer, Buffer>({
          ...baseOptions(settings),
          groupId: options.groupId,
          sessionTimeout: options.sessionTimeoutMs ?? KAFKA_DEFAULTS.sessionTimeoutMs,
          heartbeatInterval: 3_000,
          maxBytesPerPartition: options.maxBytesPerPartition ?? 1_048_576,
          maxWaitTime: options.maxWaitTimeMs ?? 200,
          autocommit: false,
        });
        // Logged as kafkajs's instrumentation logs a join, so operators (and the scale-out test)
        // read a member's partitions the same way whichever client runs.
        c.on(
          'consumer:group:join',
          (join: {
            memberId: string;
            assignments: Map<string, { topic: string; partitions: number[] }> | null;
          }) => {
            const memberAssignment = Object.fromEntries(
              [...(join.assignments?.values() ?? [])].map((a) => [a.topic, a.partitions]),
            );
            log.info(
              { kafka: { groupId: options.groupId, memberId: join.memberId, memberAssignment } },
              'Consumer has joined the group',
            );
          },
        );
        return c;
      };
      let consumer = newConsumer();
      const stopping = new AbortController();
      let resolveCrash: (e: Error) => void = () => {};
      const crashed = new Promise<Error>((resolve) => (resolveCrash = resolve));
      // Messages arrive one by one on the stream; they are queued per partition and handed over
      // as that partition's batch, in offset order, one batch per partition in flight. The
      // partitions that have messages are handed over together (up to
      // partitionsConsumedConcurrently), as kafkajs hands over a fetch's partitions, so the
      // consumer loop joins them into one transaction: one partition at a time, new-alert p99 at
      // 200/s was five times kafkajs's.
      const queues = new Map<string, Message<Buffer, Buffer, Buffer, Buffer>[]>();
      let stream: Awaited<ReturnType<typeof consumer.consume>> | null = null;
      let paused = false;
      let restarts = 0; // joins again after an outage, for the backoff
      let wake: () => void = () => {};
      let loop: Promise<void> = Promise.resolve();
      const HIGH = 2000;
      const queued = () => [...queues.values()].reduce((n, q) => n + q.length, 0);
      const limit = Math.max(1, options.partitionsConsumedConcurrently ?? 1);
      const inFlight = new Map<string, Promise<void>>();
      let failure: Error | null = null;

      async function handOver(taken: Message<Buffer, Buffer, Buffer, Buffer>[]): Promise<void> {
        const first = taken[0]!;
        const messages: IncomingMessage[] = taken.map((m) => ({
          topic: m.topic,
          partition: m.partition,
          offset: m.offset.toString(),
          key: m.key ?? null,
          value: m.value ?? null,
          headers: Object.fromEntries([...m.headers].map(([k, v]) => [k.toString(), v.toString()])),
          headerBytes: Object.fromEntries([...m.headers].map(([k, v]) => [k.toString(), Buffer.from(v)])),
          timestamp: Number(m.timestamp),
        }));
        await options.handleBatch(
          { topic: first.topic, partition: first.partition, messages, highWatermark: '-1' },
          { heartbeat: async () => {}, isRunning: () => !stopping.signal.aborted, signal: stopping.signal },
        );
        const last = taken.at(-1)!;
        // Only after the handler's effects are durable; the committed offset is the next to read.
        try {
          await consumer.commit({
            offsets: [
              {
                topic: last.topic,
                partition: last.partition,
                offset: last.offset + 1n,
                leaderEpoch: (last.metadata.leaderEpoch as number | undefined) ?? -1,
              },
            ],
          });
        } catch (err) {
          // A rebalance took the partition away: its new owner reads from the last commit and
          // handles these messages again (handlers are idempotent).
          log.warn(
            { err, topic: last.topic, partition: last.partition },
            'commit refused; the batch will be redelivered',
          );
        }
      }

      async function work(): Promise<void> {
        while (!stopping.signal.aborted) {
          if (failure) throw failure;
          const ready = [...queues]
            .filter(([key, q]) => q.length > 0 && !inFlight.has(key))
            .slice(0, limit - inFlight.size);
          if (ready.length === 0) {
            await new Promise<void>((r) => (wake = r));
            continue;
          }
          for (const [key, q] of ready) {
            const taken = q.splice(0, q.length);
            queues.delete(key);
            queues.set(key, []); // round-robin: this partition goes to the back
            const done = handOver(taken)
              .catch((err: unknown) => {
                failure ??= err instanceof Error ? err : new Error(String(err));
              })
              .finally(() => {
                inFlight.delete(key);
                if (!paused && stream?.isPaused() && queued() < HIGH / 2) stream.resume();
                wake();
              });
            inFlight.set(key, done);
          }
        }
      }

      async function open(): Promise<void> {
        const current = await consumer.consume({
          topics: options.topics,
          mode: 'committed',
          fallbackMode: options.fromBeginning === false ? 'latest' : 'earliest',
          autocommit: false,
          sessionTimeout: options.sessionTimeoutMs ?? KAFKA_DEFAULTS.sessionTimeoutMs,
          heartbeatInterval: 3_000,
        });
        stream = current;
        if (paused) current.pause();
        current.on('data', (m: Message<Buffer, Buffer, Buffer, Buffer>) => {
          restarts = 0; // reading again: the next outage starts its backoff afresh
          const key = `${m.topic}:${m.partition}`;
          const q = queues.get(key) ?? [];
          q.push(m);
          queues.set(key, q);
          if (queued() >= HIGH) current.pause();
          wake();
        });
        current.on('error', (err: Error) => void recover(current, err));
      }

      // Forced (no leave-group wait on a broker that is gone); its error is the outage itself.
      const closeQuietly = (c: typeof consumer) =>
        new Promise<void>((resolve) => c.close(true, () => resolve()));

      // The stream fails once the client's own retries are spent (a broker down for ten seconds,
      // a leader moving). As kafkajs restarts its consumer on a retriable error, an outage is waited
      // out here: the member leaves, what it had queued is dropped (the next member reads it again
      // from the last commit) and it joins again, with backoff; anything else crashes the worker.
      async function recover(failed: NonNullable<typeof stream>, err: Error): Promise<void> {
        if (stopping.signal.aborted || failed !== stream) return;
        const mapped = brokerError(err);
        if (!(mapped instanceof PipelineError && mapped.retryable)) {
          log.error({ err }, 'consumer stream failed');
          resolveCrash(err);
          return;
        }
        stream = null;
        queues.clear();
        const old = consumer;
        await failed.close().catch(() => undefined);
        await closeQuietly(old);
        let reason = mapped.message;
        for (;;) {
          const delay = Math.min(30_000, 1_000 * 2 ** Math.min(restarts++, 5));
          log.warn(
            { err: reason, restarts, delayMs: delay },
            'consumer stream failed on a broker outage; joining again',
          );
          await new Promise((r) => setTimeout(r, delay));
          if (stopping.signal.aborted) return;
          consumer = newConsumer();
          try {
            await open();
            return;
          } catch (e) {
            const again = brokerError(e);
            await closeQuietly(consumer);
            if (!(again instanceof PipelineError && again.retryable)) {
              resolveCrash(e instanceof Error ? e : new Error(String(e)));
              return;
            }
            reason = again.message;
          }
        }
      }

      return {
        crashed,
        async start() {
          await open();
          loop = work().catch((err: unknown) => {
            if (stopping.signal.aborted) return;
            resolveCrash(err instanceof Error ? err : new Error(String(err)));
          });
        },
        pause() {
          paused = true;
          stream?.pause();
        },
        resume() {
          paused = false;
          stream?.resume();
        },
        async stop() {
          stopping.abort();
          wake();
          await loop;
          await Promise.all(inFlight.values());
          await stream?.close();
          await consumer.close(true);
        },
      };
    },

    admin: () => platformaticAdmin(settings),
  };
}

/** Runs a platformatic call with its errors as the runtime's. */
async function mapped<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw brokerError(e);
  }
}

/**
 * The Admin interface on platformatic's admin client, answering as the kafkajs adapter does:
 * topics created only where missing and waited for until each partition has a leader, offsets as
 * strings, a partition without a committed offset at -1.
 */
async function platformaticAdmin(settings: KafkaSettings): Promise<Admin> {
  const admin = new PAdmin(baseOptions(settings));
  const deadlineMs = settings.requestTimeoutMs ?? KAFKA_DEFAULTS.requestTimeoutMs;
  const topicMeta = async (names: string[]) =>
    (await mapped(() => admin.metadata({ topics: names, forceUpdate: true }))).topics;
  const partitionsOf = async (topic: string) =>
    (await topicMeta([topic])).get(topic)?.partitions.map((_p, i) => i) ?? [];
  try {
    // As kafkajs's connect: an unreachable cluster fails here, not at the first call.
    await mapped(() => admin.metadata({ topics: [] }));
  } catch (e) {
    await admin.close().catch(() => {});
    throw e;
  }
  return {
    async createTopics(topics) {
      const existing = new Set(await mapped(() => admin.listTopics()));
      const missing = topics.filter((t) => !existing.has(t.name));
      // One request a topic: platformatic's createTopics takes one partition count for all.
      for (const t of missing) {
        await mapped(() =>
          admin.createTopics({
            topics: [t.name],
            partitions: t.partitions,
            replicas: t.replicationFactor,
            configs: Object.entries(t.configs).map(([name, value]) => ({ name, value })),
          }),
        );
      }
      const names = missing.map((t) => t.name);
      const deadline = Date.now() + deadlineMs;
      while (names.length > 0) {
        try {
          const meta = await topicMeta(names);
          if (
            names.every(
              (n) =>
                (meta.get(n)?.partitions ?? []).length > 0 &&
                meta.get(n)!.partitions.every((p) => p.leader >= 0),
            )
          )
            break;
        } catch {
          // A broker that has not heard of the new topic yet: asked again below.
        }
        if (Date.now() > deadline) throw new Error(`topics ${names.join(', ')} have no leaders yet`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return names;
    },
    listTopics: () => mapped(() => admin.listTopics()),
    async describeTopics(names) {
      const meta = await topicMeta(names);
      return names.flatMap((name) => {
        const t = meta.get(name);
        return t
          ? [
              {
                name,
                partitions: t.partitions.length,
                replicationFactor: t.partitions[0]?.replicas.length ?? 0,
              },
            ]
          : [];
      });
    },
    async topicConfig(name) {
      const res = await mapped(() =>
        admin.describeConfigs({
          resources: [{ resourceType: ConfigResourceTypes.TOPIC, resourceName: name }],
          includeSynonyms: false,
        }),
      );
      const out: Record<string, string> = {};
      for (const c of res[0]?.configs ?? []) if (typeof c.value === 'string') out[c.name] = c.value;
      return out;
    },
    async alterTopicConfig(name, configs) {
      await mapped(() =>
        admin.alterConfigs({
          validateOnly: false,
          resources: [
            {
              resourceType: ConfigResourceTypes.TOPIC,
              resourceName: name,
              configs: Object.entries(configs).map(([n, value]) => ({ name: n, value })),
            },
          ],
        }),
      );
    },
    async brokerCount() {
      return (await mapped(() => admin.metadata({ topics: [], forceUpdate: true }))).brokers.size;
    },
    async deleteTopics(names) {
      if (names.length) await mapped(() => admin.deleteTopics({ topics: names }));
    },
    async committedOffsets(groupId, topic) {
      const [partitions, groups] = await Promise.all([
        partitionsOf(topic),
        mapped(() => admin.listConsumerGroupOffsets({ groups: [groupId] })),
      ]);
      const committed = new Map(
        (groups[0]?.topics.find((t) => t.name === topic)?.partitions ?? []).map((p) => [
          p.partitionIndex,
          p.committedOffset,
        ]),
      );
      return partitions.map((partition) => ({ partition, offset: String(committed.get(partition) ?? -1n) }));
    },
    async endOffsets(topic) {
      const partitions = await partitionsOf(topic);
      const res = await mapped(() =>
        admin.listOffsets({
          topics: [
            {
              name: topic,
              partitions: partitions.map((partitionIndex) => ({ partitionIndex, timestamp: -1n })),
            },
          ],
        }),
      );
      return (res[0]?.partitions ?? []).map((p) => ({
        partition: p.partitionIndex,
        offset: String(p.offset),
      }));
    },
    disconnect: () => admin.close(),
  };
}
