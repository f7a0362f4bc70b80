/**
 * The stack's Kafka administration (readiness probe, topic creation and inspection) through the
 * runtime's client interface: the stack knows no Kafka library either.
 */
import type { TopicSpec } from '@ceasefire/contracts';
import {
  kafkaClientFor,
  createLogger,
  ensureTopics,
  type Admin,
  type KafkaSettings,
  type TopicOutcome,
} from '@ceasefire/runtime';

export type { TopicOutcome };

/** How to reach brokers that want TLS or SASL (the secure stack); plaintext when absent. */
export type KafkaAccess = Pick<KafkaSettings, 'ssl' | 'sslCa' | 'sasl'>;

/** A topic as the broker describes it. */
export interface TopicDescription {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly configs: Readonly<Record<string, string>>;
}

async function withAdmin<T>(
  brokers: readonly string[],
  fn: (admin: Admin) => Promise<T>,
  timeoutMs = 5000,
  access: KafkaAccess = {},
): Promise<T> {
  const kafka = await kafkaClientFor(
    {
      ...access,
      brokers: [...brokers],
      clientId: 'ceasefire-stack',
      connectionTimeoutMs: Math.min(timeoutMs, 3000),
      requestTimeoutMs: timeoutMs,
      retries: 2,
    },
    createLogger({ service: 'stack', level: 'silent' }),
  );
  const admin = await kafka.admin();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Whether the brokers answer a metadata request (a TCP accept is not enough: the broker may still be starting). */
export async function brokerAnswers(
  brokers: readonly string[],
  timeoutMs = 3000,
  access?: KafkaAccess,
): Promise<boolean> {
  try {
    return await withAdmin(brokers, async (admin) => (await admin.brokerCount()) > 0, timeoutMs, access);
  } catch {
    return false;
  }
}

/**
 * Create every topic of `specs` (names prefixed with `prefix`) that does not exist, with
 * `replicationFactor`; on existing topics put back `retention.ms` and `cleanup.policy` when they differ.
 */
export async function createTopics(opts: {
  brokers: readonly string[];
  specs: readonly TopicSpec[];
  prefix?: string;
  replicationFactor?: number;
  /** `min.insync.replicas` of each topic (set on a cluster: with acks=all, writes need this many copies). */
  minInsyncReplicas?: number;
  access?: KafkaAccess;
}): Promise<TopicOutcome[]> {
  return withAdmin(
    opts.brokers,
    (admin) =>
      ensureTopics(admin, opts.specs, {
        prefix: opts.prefix ?? '',
        replicationFactor: opts.replicationFactor ?? 1,
        ...(opts.minInsyncReplicas === undefined
          ? {}
          : { extraConfigs: { 'min.insync.replicas': String(opts.minInsyncReplicas) } }),
      }),
    // Creating topics on a cluster waits for every partition's leader.
    15_000,
    opts.access,
  );
}

/** The topics present on the brokers (internal ones excluded). */
export async function listTopics(brokers: readonly string[]): Promise<string[]> {
  return withAdmin(brokers, async (admin) => (await admin.listTopics()).filter((t) => !t.startsWith('__')).sort());
}

/** Partitions, replication and configuration of the named topics, as the broker reports them. */
export async function describeTopics(brokers: readonly string[], names: readonly string[]): Promise<Map<string, TopicDescription>> {
  return withAdmin(brokers, async (admin) => {
    const out = new Map<string, TopicDescription>();
    if (names.length === 0) return out;
    for (const d of await admin.describeTopics([...names])) {
      out.set(d.name, { ...d, configs: await admin.topicConfig(d.name) });
    }
    return out;
  });
}

/** Delete topics (tests clean up their private prefixed sets); absent ones are ignored. */
export async function deleteTopics(brokers: readonly string[], names: readonly string[]): Promise<void> {
  await withAdmin(brokers, async (admin) => {
    const existing = new Set(await admin.listTopics());
    await admin.deleteTopics(names.filter((n) => existing.has(n)));
  });
}
