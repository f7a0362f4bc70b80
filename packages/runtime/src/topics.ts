import { topicName, type TopicSpec } from '@ceasefire/contracts';
import type { Admin } from './kafka/types.ts';

/** What `ensureTopics` did with each topic of the catalog. */
export interface TopicOutcome {
  readonly name: string;
  readonly action: 'created' | 'exists' | 'configs-updated';
  /** An existing topic with another partition count than the catalog: reported, never changed (keys would move). */
  readonly partitionMismatch?: { readonly actual: number; readonly wanted: number };
}

/** The broker configuration the catalog prescribes for a topic. */
export function topicConfigs(spec: TopicSpec, extra: Record<string, string> = {}): Record<string, string> {
  return { 'retention.ms': String(spec.retentionMs), 'cleanup.policy': spec.cleanupPolicy, ...extra };
}

/**
 * Creates the catalog's topics that do not exist (names with `prefix`), and puts back the
 * catalog's configuration on existing ones that drifted. Idempotent; used by `stack up`,
 * `ceasefire topics create` and the tests.
 */
export async function ensureTopics(
  admin: Admin,
  specs: readonly TopicSpec[],
  options: { prefix?: string; replicationFactor?: number; extraConfigs?: Record<string, string> } = {},
): Promise<TopicOutcome[]> {
  const prefix = options.prefix ?? '';
  const named = specs.map((s) => ({ spec: s, name: topicName(s, prefix), configs: topicConfigs(s, options.extraConfigs) }));
  const existing = new Set(await admin.listTopics());
  const created = await admin.createTopics(
    named
      .filter((t) => !existing.has(t.name))
      .map((t) => ({ name: t.name, partitions: t.spec.partitions, replicationFactor: options.replicationFactor ?? 1, configs: t.configs })),
  );
  const outcomes: TopicOutcome[] = created.map((name) => ({ name, action: 'created' }));
  const present = named.filter((t) => existing.has(t.name));
  if (present.length === 0) return outcomes;
  const described = new Map((await admin.describeTopics(present.map((t) => t.name))).map((d) => [d.name, d]));
  for (const t of present) {
    const have = await admin.topicConfig(t.name);
    const drifted = Object.entries(t.configs).some(([k, v]) => have[k] !== v);
    if (drifted) await admin.alterTopicConfig(t.name, t.configs);
    const actual = described.get(t.name)?.partitions ?? t.spec.partitions;
    outcomes.push({
      name: t.name,
      action: drifted ? 'configs-updated' : 'exists',
      ...(actual !== t.spec.partitions ? { partitionMismatch: { actual, wanted: t.spec.partitions } } : {}),
    });
  }
  return outcomes;
}
