export * from './submission.ts';
export * from './normalize.ts';
export * from './language.ts';
export * from './feed.ts';
export * from './ingestor.ts';
export * from './files.ts';
export * from './agencies.ts';
