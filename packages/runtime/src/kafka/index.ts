export * from './types.ts';
export { createKafkaClient } from './kafkajs.ts';
