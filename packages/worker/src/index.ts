export * from './service.ts';
export * from './run.ts';
