import type { BaseConfig } from './config.ts';
import type { KafkaSettings } from './kafka/types.ts';

/** Kafka connection settings from the parsed base configuration. */
export function kafkaSettings(config: BaseConfig, clientId: string): KafkaSettings {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  return {
    brokers: config.KAFKA_BROKERS,
    clientId,
    client: config.KAFKA_CLIENT,
    ssl: config.KAFKA_SSL,
    sasl: mechanism && username && password ? { mechanism, username, password } : undefined,
  };
}
