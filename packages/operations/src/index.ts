export * from './operations.ts';
export * from './agreement-lifecycle.ts';
