import { Gauge, type Registry } from 'prom-client';
import type { Logger } from 'pino';
import type { Admin, PartitionOffset } from './kafka/types.ts';
import { startPeriodic } from './periodic.ts';

/**
 * Messages not yet consumed per partition: log-end offset minus the group's committed offset.
 * A partition the group never committed on counts from offset 0 (the log start is not known
 * here, so after retention deleted old segments this overstates the lag of a brand-new group).
 */
export function consumerLag(end: readonly PartitionOffset[], committed: readonly PartitionOffset[]): Array<{ partition: number; lag: number }> {
  const done = new Map(committed.map((c) => [c.partition, Number(c.offset)]));
  return end.map((e) => {
    const at = done.get(e.partition) ?? -1;
    const high = Number(e.offset);
    return { partition: e.partition, lag: Math.max(0, high - (at < 0 ? 0 : at)) };
  });
}

/** Options of {@link startLagMonitor}. */
export interface LagMonitorOptions {
  admin: Admin;
  groupId: string;
  /** The topic name as on the broker (with the deployment's prefix). */
  topic: string;
  registry: Registry;
  intervalMs?: number;
  logger?: Logger;
}

/**
 * Exports `ceasefire_consumer_lag{group,topic,partition}` for a worker's consumer group, polled
 * from the broker every `intervalMs` (default 15 s). A failed poll keeps the last values and is
 * logged at debug level: lag is an observation, never a reason to stop the worker.
 */
export function startLagMonitor(options: LagMonitorOptions): { poll(): Promise<void>; stop(): Promise<void> } {
  const gauge =
    (options.registry.getSingleMetric('ceasefire_consumer_lag') as Gauge | undefined) ??
    new Gauge({
      name: 'ceasefire_consumer_lag',
      help: 'Messages in the topic not yet committed by the consumer group, per partition',
      labelNames: ['group', 'topic', 'partition'],
      registers: [options.registry],
    });
  async function poll(): Promise<void> {
    try {
      const [end, committed] = await Promise.all([options.admin.endOffsets(options.topic), options.admin.committedOffsets(options.groupId, options.topic)]);
      for (const { partition, lag } of consumerLag(end, committed)) {
        gauge.set({ group: options.groupId, topic: options.topic, partition: String(partition) }, lag);
      }
    } catch (err) {
      options.logger?.debug({ err, topic: options.topic }, 'consumer lag poll failed');
    }
  }
  const loop = startPeriodic(poll, { intervalMs: options.intervalMs ?? 15_000, onError: () => undefined });
  return { poll, stop: () => loop.stop() };
}
