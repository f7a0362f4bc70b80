import { readFileSync } from 'node:fs';
import type { BaseConfig } from './config.ts';
import type { KafkaSettings } from './kafka/types.ts';

/** Kafka connection settings from the parsed base configuration. */
export function kafkaSettings(config: BaseConfig, clientId: string): KafkaSettings {
  const { KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = config;
  return {
    brokers: config.KAFKA_BROKERS,
    clientId,
    client: config.KAFKA_CLIENT,
    ssl: config.KAFKA_SSL || config.KAFKA_SSL_CA_FILE !== undefined,
    // Read when the client is made; the schema has checked the file at start-up.
    ...(config.KAFKA_SSL_CA_FILE ? { sslCa: readFileSync(config.KAFKA_SSL_CA_FILE, 'utf8') } : {}),
    sasl: mechanism && username && password ? { mechanism, username, password } : undefined,
  };
}
