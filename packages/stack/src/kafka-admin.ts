/**
 * The stack's only use of kafkajs: readiness probe, topic creation and inspection.
 * It moves behind the runtime package's admin interface once that exists.
 */
import type { Admin } from 'kafkajs';
import kafkajs from 'kafkajs';
import type { TopicSpec } from '@ceasefire/contracts';

const { Kafka, logLevel, ConfigResourceTypes } = kafkajs;

/** What `createTopics` did with each topic of the catalog. */
export interface TopicOutcome {
  readonly name: string;
  readonly action: 'created' | 'exists' | 'configs-updated';
  /** Set when an existing topic has another partition count than the catalog (never changed here: it would move keys). */
  readonly partitionMismatch?: { readonly actual: number; readonly wanted: number };
}

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
): Promise<T> {
  const kafka = new Kafka({
    clientId: 'ceasefire-stack',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: Math.min(timeoutMs, 3000),
    requestTimeout: timeoutMs,
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 },
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Whether the brokers answer a metadata request (a TCP accept is not enough: the broker may still be starting). */
export async function brokerAnswers(brokers: readonly string[], timeoutMs = 3000): Promise<boolean> {
  try {
    return await withAdmin(
      brokers,
      async (admin) => (await admin.describeCluster()).brokers.length > 0,
      timeoutMs,
    );
  } catch {
    return false;
  }
}

function wantedConfigs(spec: TopicSpec): Record<string, string> {
  return { 'retention.ms': String(spec.retentionMs), 'cleanup.policy': spec.cleanupPolicy };
}

/**
 * Create every topic of `specs` (names prefixed with `prefix`) that does not exist, with
 * `replicationFactor`; on existing topics set `retention.ms` and `cleanup.policy` when they differ.
 */
export async function createTopics(opts: {
  brokers: readonly string[];
  specs: readonly TopicSpec[];
  prefix?: string;
  replicationFactor?: number;
}): Promise<TopicOutcome[]> {
  const prefix = opts.prefix ?? '';
  const rf = opts.replicationFactor ?? 1;
  return withAdmin(opts.brokers, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const specs = opts.specs.map((s) => ({ ...s, name: prefix + s.name }));
    const missing = specs.filter((s) => !existing.has(s.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.name,
          numPartitions: s.partitions,
          replicationFactor: rf,
          configEntries: Object.entries(wantedConfigs(s)).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    const present = specs.filter((s) => existing.has(s.name));
    const outcomes: TopicOutcome[] = missing.map((s) => ({ name: s.name, action: 'created' }));
    if (present.length === 0) return outcomes;

    const described = await describe(
      admin,
      present.map((s) => s.name),
    );
    const stale = present.filter((s) => {
      const have = described.get(s.name)?.configs ?? {};
      return Object.entries(wantedConfigs(s)).some(([k, v]) => have[k] !== v);
    });
    if (stale.length > 0) {
      // AlterConfigs replaces a topic's whole set of overrides; ours are exactly these two.
      await admin.alterConfigs({
        validateOnly: false,
        resources: stale.map((s) => ({
          type: ConfigResourceTypes.TOPIC,
          name: s.name,
          configEntries: Object.entries(wantedConfigs(s)).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    for (const s of present) {
      const actual = described.get(s.name)?.partitions ?? s.partitions;
      outcomes.push({
        name: s.name,
        action: stale.includes(s) ? 'configs-updated' : 'exists',
        ...(actual !== s.partitions ? { partitionMismatch: { actual, wanted: s.partitions } } : {}),
      });
    }
    return outcomes;
  });
}

async function describe(admin: Admin, names: readonly string[]): Promise<Map<string, TopicDescription>> {
  const out = new Map<string, TopicDescription>();
  if (names.length === 0) return out;
  const meta = await admin.fetchTopicMetadata({ topics: [...names] });
  const cfg = await admin.describeConfigs({
    includeSynonyms: false,
    resources: names.map((name) => ({
      type: ConfigResourceTypes.TOPIC,
      name,
      configNames: ['retention.ms', 'cleanup.policy'],
    })),
  });
  const configs = new Map<string, Record<string, string>>();
  for (const r of cfg.resources) {
    configs.set(
      r.resourceName,
      Object.fromEntries(r.configEntries.map((e) => [e.configName, e.configValue])),
    );
  }
  for (const t of meta.topics) {
    out.set(t.name, {
      name: t.name,
      partitions: t.partitions.length,
      replicationFactor: t.partitions[0]?.replicas.length ?? 0,
      configs: configs.get(t.name) ?? {},
    });
  }
  return out;
}

/** The topics present on the brokers (internal ones excluded). */
export async function listTopics(brokers: readonly string[]): Promise<string[]> {
  return withAdmin(brokers, async (admin) =>
    (await admin.listTopics()).filter((t) => !t.startsWith('__')).sort(),
  );
}

/** Partitions, replication and our two configs of the named topics, as the broker reports them. */
export async function describeTopics(
  brokers: readonly string[],
  names: readonly string[],
): Promise<Map<string, TopicDescription>> {
  return withAdmin(brokers, (admin) => describe(admin, names));
}

/** Delete topics (tests clean up their private prefixed sets); absent ones are ignored. */
export async function deleteTopics(brokers: readonly string[], names: readonly string[]): Promise<void> {
  await withAdmin(brokers, async (admin) => {
    const existing = new Set(await admin.listTopics());
    const topics = names.filter((n) => existing.has(n));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  });
}
