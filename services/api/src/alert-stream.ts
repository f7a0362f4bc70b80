import { alertsTopic, ContractError, decodeMessage, type AlertMessage } from '@ceasefire/contracts';
import { topicName, type Consumer, type KafkaClient, type Logger } from '@ceasefire/runtime';
import type { z } from 'zod';
import type { AlertJson } from './schemas.ts';

/** What the live stream (/v1/alerts/stream) carries. */
export type LiveEvent =
  /** A notification published on the alerts topic (opened, updated, acknowledged, resolved). */
  | { kind: 'alert'; message: AlertMessage }
  /** A stored alert changed (any change, unthrottled): the alert as /v1/alerts/{id} reads it. */
  | { kind: 'alert-changed'; alert: z.input<typeof AlertJson> }
  /** Changes may have been missed (the change feed reconnected): re-read /v1/alerts. */
  | { kind: 'resync'; at: string };

/** One event of the stream in the server-sent events format. */
export function sseOf(e: LiveEvent): string {
  switch (e.kind) {
    case 'alert':
      return `id: ${e.message.id}\nevent: alert\ndata: ${JSON.stringify(e.message)}\n\n`;
    case 'alert-changed':
      return `event: alert-changed\ndata: ${JSON.stringify(e.alert)}\n\n`;
    case 'resync':
      return `event: resync\ndata: ${JSON.stringify({ at: e.at })}\n\n`;
  }
}

/** Fans live events out to the open event streams of this process. */
export interface AlertHub {
  /** Calls `listener` with every event from now on; returns the unsubscribe function. */
  subscribe(listener: (event: LiveEvent) => void): () => void;
  emit(event: LiveEvent): void;
  /** A notification read from the alerts topic. */
  publish(alert: AlertMessage): void;
  readonly size: number;
}

export function createAlertHub(logger: Logger): AlertHub {
  const listeners = new Set<(event: LiveEvent) => void>();
  const emit = (event: LiveEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (err) {
        // One broken stream must not starve the others.
        logger.warn({ err }, 'alert stream listener failed');
      }
    }
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit,
    publish: (message) => emit({ kind: 'alert', message }),
    get size() {
      return listeners.size;
    },
  };
}

/** Options of {@link startAlertStream}. */
export interface AlertStreamOptions {
  kafka: KafkaClient;
  topicPrefix: string;
  /** Unique to this process: every API instance must see every alert. */
  groupId: string;
  hub: AlertHub;
  logger: Logger;
  /**
   * Messages written before this instant are skipped. The group is new, so it reads from the
   * beginning; skipping by time (instead of starting at the log end) means an alert published
   * while the group is still joining is not lost.
   */
  since: Date;
}

/**
 * Reads the `alerts` topic and hands each valid message to the hub. A message that breaks the
 * contract is logged and skipped: the API only shows alerts, the alerting worker owns them.
 */
export async function startAlertStream(options: AlertStreamOptions): Promise<Consumer> {
  const topic = topicName(alertsTopic, options.topicPrefix);
  // Producer and broker clocks may differ a little; a small margin keeps early alerts.
  const since = options.since.getTime() - 5_000;
  const consumer = options.kafka.consumer({
    groupId: options.groupId,
    topics: [topic],
    fromBeginning: true,
    async handleBatch(batch) {
      for (const message of batch.messages) {
        if (message.timestamp < since) continue;
        try {
          options.hub.publish(decodeMessage(alertsTopic, message.value));
        } catch (e) {
          if (!(e instanceof ContractError)) throw e;
          options.logger.warn({ topic, partition: message.partition, offset: message.offset, problems: e.problems }, 'alert message skipped');
        }
      }
    },
  });
  await consumer.start();
  return consumer;
}
