/**
 * `@ceasefire/api`: the read API and dashboard (run `src/main.ts`), and what tests and the CLI
 * reuse: the app builder, its configuration schema and the live alert hub.
 */
export { buildApiApp, publicDirectory, type ApiAppOptions } from './app.ts';
export { apiConfigSchema, type ApiConfig } from './config.ts';
export { createAlertHub, startAlertStream, type AlertHub, type AlertStreamOptions } from './alert-stream.ts';
export { encodeCursor, decodeCursor } from './cursor.ts';
