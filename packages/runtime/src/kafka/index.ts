import type { Logger } from 'pino';
import { createKafkaClient } from './kafkajs.ts';
import type { KafkaClient, KafkaSettings } from './types.ts';

export * from './types.ts';
export { isBrokerConnectionError } from './errors.ts';

/**
 * The @platformatic/kafka client, loaded on demand: loading that library costs about 0.8 s of
 * CPU, which every worker paid at start-up when it was imported with the rest.
 */
async function loadPlatformaticClient(): Promise<(settings: KafkaSettings, logger: Logger) => KafkaClient> {
  return (await import('./platformatic.ts')).createPlatformaticClient;
}

/** The client the settings name (`KAFKA_CLIENT`): the one place that picks the library. */
export async function kafkaClientFor(settings: KafkaSettings, logger: Logger): Promise<KafkaClient> {
  return settings.client === 'platformatic' ? (await loadPlatformaticClient())(settings, logger) : createKafkaClient(settings, logger);
}
