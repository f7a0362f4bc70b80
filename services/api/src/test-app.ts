// Test helper (imported by tests only): the read API over a pool that is never reached, with the
// options a test does not care about filled in.
import { createDb } from '@ceasefire/db';
import { KG_TJ_PROFILE } from '@ceasefire/extraction';
import { createLogger } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { createAlertHub } from './alert-stream.ts';
import { buildApiApp, type ApiAppOptions } from './app.ts';

/** A pool whose every query fails (a handler that ran would answer 503): for what needs no database. */
export function unreachableDb(): Knex {
  return createDb({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none' });
}

/** The app with no limits, the kg-tj profile, a silent logger and a hub of its own, unless `options` says otherwise. */
export function testApiApp(options: Pick<ApiAppOptions, 'db' | 'token'> & Partial<ApiAppOptions>) {
  const logger = options.logger ?? createLogger({ service: 'api-test', level: 'silent' });
  return buildApiApp({
    rateLimitPerMinute: 0,
    authFailuresPerMinute: 0,
    logger,
    hub: createAlertHub(logger),
    profiles: [KG_TJ_PROFILE],
    defaultProfile: 'kg-tj',
    heartbeatMs: 60_000,
    ...options,
  });
}
