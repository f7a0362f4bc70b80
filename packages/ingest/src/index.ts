export * from './submission.ts';
export * from './normalize.ts';
// The statement's language is the extraction engine's answer (one detector for the pipeline).
export { detectLanguage } from '@ceasefire/extraction';
export * from './feed.ts';
export * from './ingestor.ts';
export * from './files.ts';
export * from './agencies.ts';
