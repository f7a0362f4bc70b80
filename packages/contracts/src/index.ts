export * from './envelope.ts';
export * from './messages.ts';
export * from './topics.ts';
export * from './codec.ts';
export * from './time.ts';
export { jsonSchemas } from './json-schema.ts';
export * from './message.ts';
export type { DeadLetter } from './dead-letter.ts';
export type { AlertAggregate, AlertCore, BreachDetails, BreachEvent, BreachReportTime, CasualtyClaim, Corroboration } from './breach.ts';
