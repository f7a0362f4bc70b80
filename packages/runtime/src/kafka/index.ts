export * from './types.ts';
export { createKafkaClient } from './kafkajs.ts';
export { createPlatformaticClient } from './platformatic.ts';
import type { Logger } from 'pino';
import { createKafkaClient } from './kafkajs.ts';
import { createPlatformaticClient } from './platformatic.ts';
import type { KafkaClient, KafkaSettings } from './types.ts';

/** The client the settings name (`KAFKA_CLIENT`): the one place that picks the library. */
export function kafkaClientFor(settings: KafkaSettings, logger: Logger): KafkaClient {
  return settings.client === 'platformatic' ? createPlatformaticClient(settings, logger) : createKafkaClient(settings, logger);
}
