/**
 * `ceasefire up`: the README's main command. Brings up the stack (Kafka, Postgres, topics,
 * migrations), starts the workers (ingester, classifier, alerting, api) as background processes, feeds them the sample
 * statements through the ingest API, waits until they are classified and alerted on, and says
 * what was found and where it is.
 */
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { statementsTopic, violationEventsTopic, allTopics } from '@ceasefire/contracts';
import { createDb } from '@ceasefire/db';
import { baseConfigSchema, kafkaClientFor, createLogger, type KafkaSettings } from '@ceasefire/runtime';
import { startWorkers, stackUp, stopWorkers, stackDown } from '@ceasefire/stack';

const USAGE = `usage: ceasefire up [--no-samples]
  start Kafka and Postgres (or reuse them), create the topics, apply the migrations, start the
  ingester, classifier and alerting workers, ingest samples/statements.jsonl and summarise
  --no-samples   start everything but ingest nothing
usage: ceasefire down
  stop the workers and the stack (data is kept in .cache/)
`;

const HTTP_PORT = 8080;
const OPERATOR_PORT = 8090;
const API_PORT = 8082;

type Io = { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; root: string; env: NodeJS.ProcessEnv };

/** A secret kept in .cache (mode 0600) so it survives restarts of the local stack. */
async function localSecret(root: string, name: string): Promise<string> {
  const file = path.join(root, '.cache', name);
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(24).toString('base64url');
    await writeFile(file, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}

async function waitForGroup(brokers: string[], client: KafkaSettings['client'], groupId: string, topic: string, timeoutMs: number): Promise<void> {
  // The client the workers use (KAFKA_CLIENT), so `up` answers as they would.
  const kafka = await kafkaClientFor({ brokers, clientId: 'ceasefire-up', client }, createLogger({ service: 'up', level: 'silent' }));
  const admin = await kafka.admin();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const end = await admin.endOffsets(topic);
      const committed = new Map((await admin.committedOffsets(groupId, topic)).map((p) => [p.partition, p.offset]));
      const lag = end.reduce((sum, p) => {
        const c = committed.get(p.partition);
        return sum + Number(p.offset) - (c === undefined || c === '-1' ? 0 : Number(c));
      }, 0);
      if (lag <= 0) return;
      if (Date.now() > deadline) throw new Error(`${groupId} still has ${lag} messages to process on ${topic}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  } finally {
    await admin.disconnect();
  }
}

export async function downCommand(args: string[], io: Io): Promise<number> {
  if (args.length > 0) {
    io.stderr.write(USAGE);
    return args.includes('--help') ? 0 : 2;
  }
  const log = (line: string) => void io.stderr.write(`${line}\n`);
  await stopWorkers({ root: io.root, log });
  await stackDown({ root: io.root, log });
  return 0;
}

export async function upCommand(args: string[], io: Io): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  const unknown = args.filter((a) => a !== '--no-samples');
  if (unknown.length > 0) {
    io.stderr.write(`ceasefire up: unknown option ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const out = (line = '') => void io.stdout.write(`${line}\n`);
  const log = (line: string) => void io.stderr.write(`${line}\n`);
  const started = Date.now();

  const stack = await stackUp({ root: io.root, log, ...(io.env.DATABASE_URL ? { databaseUrl: io.env.DATABASE_URL } : {}) });
  const ingestToken = await localSecret(io.root, 'ingest-token');
  const operatorToken = await localSecret(io.root, 'operator-token');
  const apiToken = await localSecret(io.root, 'api-token');
  const brokers = stack.kafkaBrokers.join(',');
  // KAFKA_CLIENT as a worker's configuration reads it (default kafkajs); an unknown name fails here.
  const kafkaClient = baseConfigSchema.shape.KAFKA_CLIENT.parse(io.env.KAFKA_CLIENT);
  const workers = await startWorkers({
    root: io.root,
    log,
    env: {
      KAFKA_BROKERS: brokers,
      KAFKA_CLIENT: kafkaClient,
      DATABASE_URL: stack.databaseUrl,
      INGEST_TOKEN: ingestToken,
      OPERATOR_TOKEN: operatorToken,
      HTTP_PORT: String(HTTP_PORT),
      OPERATOR_PORT: String(OPERATOR_PORT),
      API_TOKEN: apiToken,
      API_HTTP_PORT: String(API_PORT),
      LOG_LEVEL: io.env.LOG_LEVEL ?? 'info',
    },
  });

  let ingested = { accepted: 0, rejected: 0 };
  if (!args.includes('--no-samples')) {
    const body = await readFile(path.join(io.root, 'samples/statements.jsonl'), 'utf8');
    const res = await fetch(`http://127.0.0.1:${HTTP_PORT}/v1/statements/batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ingestToken}`, 'content-type': 'application/x-ndjson' },
      body,
    });
    if (res.status !== 202) throw new Error(`the ingest API answered ${res.status}: ${await res.text()}`);
    ingested = (await res.json()) as typeof ingested;
    await waitForGroup(stack.kafkaBrokers, kafkaClient, 'ceasefire-classifier', statementsTopic.name, 120_000);
    await waitForGroup(stack.kafkaBrokers, kafkaClient, 'ceasefire-alerting', violationEventsTopic.name, 120_000);
  }

  const db = createDb({ databaseUrl: stack.databaseUrl, pool: { max: 2 } });
  try {
    // Alerting also works on its scheduler's ticks (agreements evaluated against earlier events):
    // summarise once its alerts stop changing.
    if (!args.includes('--no-samples')) {
      let last = '';
      let stableSince = Date.now();
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && Date.now() - stableSince < 3_000) {
        const r = (await db.raw(`select count(*) || '/' || coalesce(max(updated_at)::text, '') as v from alerts`)).rows[0].v as string;
        if (r !== last) {
          last = r;
          stableSince = Date.now();
        }
        await new Promise((res) => setTimeout(res, 500));
      }
    }
    const count = async (sql: string) => Number((await db.raw(sql)).rows[0].n);
    const byType = (await db.raw(
      `select type, count(*)::int n from violation_events where superseded_at is null group by type order by n desc`,
    )).rows as Array<{ type: string; n: number }>;
    const casualties = (await db.raw(
      `select source_agency, killed, injured, displaced, as_of from casualty_reports_latest order by coalesce(killed, 0) + coalesce(injured, 0) desc, as_of desc limit 3`,
    )).rows as Array<{ source_agency: string; killed: number | null; injured: number | null; displaced: number | null; as_of: Date }>;
    const incidents = (await db.raw(`select corroboration, count(*)::int n from incidents where report_count > 0 group by 1 order by 1`)).rows as Array<{ corroboration: string; n: number }>;
    const alerts = (await db.raw(`select state, severity, count(*)::int n from alerts group by 1, 2 order by 1, 2`).catch(() => ({ rows: [] }))).rows as Array<{ state: string; severity: string; n: number }>;

    out('ceasefire watch is up');
    out(`  kafka       ${brokers}   topics: ${allTopics.map((t) => t.name).join(', ')}`);
    out(`  postgres    ${stack.databaseUrl}   tables: statements, violation_events, violation_event_places, incidents, casualty_reports, agreements, alerts, alert_deliveries, dead_letters`);
    out(`  ingest API  http://127.0.0.1:${HTTP_PORT}/v1/statements   token in .cache/ingest-token`);
    out(`  operator    http://127.0.0.1:${OPERATOR_PORT}   token in .cache/operator-token`);
    out(`  dashboard   http://127.0.0.1:${API_PORT}/   read API /v1, OpenAPI /openapi.json; token in .cache/api-token`);
    out(`  workers     ${workers.map((w) => `${w.name} pid ${w.pid} (health :${w.healthPort})`).join(', ')}; logs in .cache/logs/`);
    if (!args.includes('--no-samples')) {
      out();
      out(`samples: ${ingested.accepted} statements accepted, ${ingested.rejected} rejected`);
      out(`  statements stored      ${await count('select count(*) n from statements')}`);
      out(`  violation events       ${byType.map((r) => `${r.type} ${r.n}`).join(', ') || 'none'}`);
      out(`  incidents              ${incidents.map((r) => `${r.corroboration} ${r.n}`).join(', ') || 'none'}`);
      for (const c of casualties) {
        out(`  casualty report        ${c.source_agency}: killed ${c.killed ?? '?'}, injured ${c.injured ?? '?'}${c.displaced ? `, displaced ${c.displaced}` : ''} (as of ${c.as_of.toISOString()})`);
      }
      out(`  agreements             ${await count(`select count(*) n from agreements`)}`);
      out(`  alerts                 ${alerts.map((a) => `${a.state}/${a.severity} ${a.n}`).join(', ') || 'none'}`);
    }
    out();
    out(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s. Stop with: npx ceasefire down`);
  } finally {
    await db.destroy();
  }
  return 0;
}
