// The shared service start-up against the real broker and database: /readyz stays 503
// ("starting") until the worker says its wiring is done, so nothing is sent to a worker whose
// consumer or listener is not up yet; then it answers 200 and shutdown releases everything.
import { baseConfigSchema, loadConfig } from '@ceasefire/runtime';
import { startService } from '@ceasefire/worker';
import { describe, expect, it } from 'vitest';
import { quietLogger, services } from './support/harness.ts';

describe('startService', () => {
  it('is not ready until the worker calls started(), then ready with every check named', async () => {
    const config = loadConfig(baseConfigSchema, {
      KAFKA_BROKERS: services().brokers.join(','),
      DATABASE_URL: services().databaseUrl,
      HEALTH_PORT: '0',
    });
    const ctx = await startService({ service: 'readiness-test', config, logger: quietLogger(), installSignalHandlers: false });
    try {
      const base = `http://127.0.0.1:${ctx.health.port}`;
      const before = await fetch(`${base}/readyz`);
      expect(before.status).toBe(503);
      expect(await before.json()).toEqual({ status: 'not ready', checks: { started: 'starting', database: 'ok', broker: 'ok' } });
      ctx.started();
      const after = await fetch(`${base}/readyz`);
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual({ status: 'ready', checks: { started: 'ok', database: 'ok', broker: 'ok' } });
    } finally {
      await ctx.lifecycle.shutdown('test done');
    }
  });
});
