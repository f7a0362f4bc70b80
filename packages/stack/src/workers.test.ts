// `ceasefire up`'s worker environments: each worker gets its own secrets and none of the others'.
import { describe, expect, it } from 'vitest';
import { WORKERS, WORKER_SECRETS, workerEnv } from './workers.ts';

describe('workerEnv', () => {
  it("keeps each worker's own secrets and the shared settings, and drops every other worker's (issue #15)", () => {
    const env = {
      DATABASE_URL: 'postgres://x',
      KAFKA_BROKERS: '127.0.0.1:9092',
      INGEST_TOKEN: 'ingest-token-0123456789',
      OPERATOR_TOKEN: 'operator-token-0123456789',
      API_TOKEN: 'api-token-0123456789',
      WEBHOOK_SECRET: 'webhook-secret-0123456789',
      SMTP_PASSWORD: 'smtp',
    };
    const all = new Set(Object.values(WORKER_SECRETS).flat());
    for (const name of WORKERS) {
      const own = workerEnv(name, env);
      expect(own).toMatchObject({ DATABASE_URL: 'postgres://x', KAFKA_BROKERS: '127.0.0.1:9092' });
      for (const secret of all) {
        if (!(secret in env)) continue;
        expect(secret in own, `${name} holds ${secret}`).toBe(WORKER_SECRETS[name].includes(secret));
      }
    }
    expect(Object.keys(workerEnv('classifier', env)).sort()).toEqual(['DATABASE_URL', 'KAFKA_BROKERS']);
  });
});
