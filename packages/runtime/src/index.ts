export * from './config.ts';
export * from './logger.ts';
export * from './errors.ts';
export * from './lifecycle.ts';
export * from './health.ts';
export * from './kafka/index.ts';
export * from './consumer-loop.ts';
export { kafkaSettings } from './settings.ts';
export * from './service.ts';
