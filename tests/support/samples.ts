// The samples (samples/statements.jsonl) through the real workers into a private stage: what a
// new user sees after `ceasefire up`, for the tests that check the console and the analyst
// queries on it.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { statementsTopic, violationEventsTopic } from '@ceasefire/contracts';
import type { Admin } from '@ceasefire/runtime';
import { eventually, type PrivateStage } from './harness.ts';
import { freePort, repoRoot, startWorker } from './workers.ts';

export interface LoadedSamples {
  accepted: number;
  /** The ingest API's base URL (the ingester keeps running with the other workers). */
  ingestUrl: string;
  ingestToken: string;
}

/** How many messages of `topic` the group has not committed yet. */
async function lag(admin: Admin, groupId: string, topic: string): Promise<number> {
  const committed = new Map((await admin.committedOffsets(groupId, topic)).map((p) => [p.partition, Number(p.offset)]));
  return (await admin.endOffsets(topic)).reduce((sum, p) => sum + Number(p.offset) - Math.max(0, committed.get(p.partition) ?? 0), 0);
}

/**
 * Starts the ingester, classifier and alerting workers on the stage, posts the samples as one
 * batch, and returns once both consumer groups are caught up and the alerts stopped changing
 * (alerting also works on its scheduler's ticks). The caller stops the workers (stopAllWorkers).
 */
export async function loadSamples(stage: PrivateStage, env: Record<string, string> = {}): Promise<LoadedSamples> {
  const ingestToken = 'samples-ingest-token-000000000';
  const port = await freePort();
  const classifierGroup = `${stage.prefix}classifier`;
  const alertingGroup = `${stage.prefix}alerting`;
  await Promise.all([
    startWorker('ingester', { ...stage.env, ...env, INGEST_TOKEN: ingestToken, HTTP_PORT: String(port) }),
    startWorker('classifier', { ...stage.env, ...env, CLASSIFIER_GROUP_ID: classifierGroup }),
    startWorker('alerting', { ...stage.env, ...env, ALERTING_GROUP_ID: alertingGroup, ALERT_TICK_MS: '200', DELIVERY_POLL_MS: '200' }),
  ]);
  const ingestUrl = `http://127.0.0.1:${port}`;
  const res = await fetch(`${ingestUrl}/v1/statements/batch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/x-ndjson' },
    body: await readFile(path.join(repoRoot, 'samples/statements.jsonl'), 'utf8'),
  });
  if (res.status !== 202) throw new Error(`the ingest API answered ${res.status}: ${await res.text()}`);
  const { accepted } = (await res.json()) as { accepted: number };
  await eventually(async () => ((await lag(stage.admin, classifierGroup, stage.prefix + statementsTopic.name)) === 0 ? true : undefined), 120_000, 'the classifier caught up');
  await eventually(async () => ((await lag(stage.admin, alertingGroup, stage.prefix + violationEventsTopic.name)) === 0 ? true : undefined), 120_000, 'alerting caught up');
  let last = '';
  let changedAt = Date.now();
  await eventually(
    async () => {
      const row = (await stage.db.raw(`select count(*) || '/' || coalesce(max(updated_at)::text, '') as v from alerts`)).rows[0] as { v: string };
      if (row.v !== last) [last, changedAt] = [row.v, Date.now()];
      return Date.now() - changedAt >= 2_000 ? true : undefined;
    },
    30_000,
    'alerts unchanged for 2 s',
  );
  return { accepted, ingestUrl, ingestToken };
}
