export * from './types.ts';
export * from './webhook.ts';
export * from './chat.ts';
export * from './email.ts';
export * from './topic.ts';
export * from './log.ts';
export * from './alertmanager.ts';
export * from './text.ts';
