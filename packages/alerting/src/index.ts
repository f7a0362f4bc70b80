/**
 * `@ceasefire/alerting`: the pure core of alerting. Breach rules, severity and escalation, the
 * alert lifecycle (grouping, notifications, acknowledgement, resolution) and routing. No I/O:
 * time comes in as `now`, so every rule is tested with a fake clock.
 */
export * from './types.ts';
export * from './rules.ts';
export * from './agreements.ts';
export * from './breach.ts';
export * from './severity.ts';
export * from './summary.ts';
export * from './lifecycle.ts';
export * from './routing.ts';
export * from './notification.ts';
