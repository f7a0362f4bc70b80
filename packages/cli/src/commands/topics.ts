/**
 * `ceasefire topics create [--replication-factor N] | list`: the topic catalog on a cluster
 * (the local stack does this itself; a real cluster or docker compose needs it once).
 */
import { parseArgs } from 'node:util';
import { allTopics } from '@ceasefire/contracts';
import { baseConfigSchema, createKafkaClient, createLogger, ensureTopics, loadConfig } from '@ceasefire/runtime';
import { cliEnvironment, cliKafkaSettings } from '../context.ts';

const USAGE = `usage: ceasefire topics create [--replication-factor N] [--min-insync-replicas N] [--json]
       ceasefire topics list [--json]
environment: KAFKA_BROKERS (default: the local stack's), TOPIC_PREFIX, KAFKA_SSL, KAFKA_SASL_*
`;

export async function topicsCommand(
  args: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; env: NodeJS.ProcessEnv; root: string },
): Promise<number> {
  let values;
  let action: string | undefined;
  try {
    const parsed = parseArgs({
      args,
      options: { 'replication-factor': { type: 'string' }, 'min-insync-replicas': { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    values = parsed.values;
    action = parsed.positionals[0];
  } catch (e) {
    io.stderr.write(`ceasefire topics: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const rf = Number(values['replication-factor'] ?? 1);
  const isr = values['min-insync-replicas'];
  if (!['create', 'list'].includes(action ?? '') || !Number.isInteger(rf) || rf < 1 || (isr !== undefined && !/^\d+$/.test(isr))) {
    io.stderr.write(USAGE);
    return 2;
  }
  const config = loadConfig(baseConfigSchema, await cliEnvironment(io.env, io.root));
  const kafka = createKafkaClient(cliKafkaSettings(config, 'ceasefire-topics'), createLogger({ service: 'topics', level: config.LOG_LEVEL, destination: process.stderr }));
  const admin = await kafka.admin();
  try {
    if (action === 'list') {
      const present = new Set(await admin.listTopics());
      const rows = allTopics.map((t) => ({ name: config.TOPIC_PREFIX + t.name, present: present.has(config.TOPIC_PREFIX + t.name), partitions: t.partitions, key: t.key }));
      if (values.json) io.stdout.write(`${JSON.stringify(rows)}\n`);
      else for (const r of rows) io.stdout.write(`${r.present ? 'present' : 'MISSING'}\t${r.name}\t${r.partitions} partitions\tkey: ${r.key}\n`);
      return allTopics.every((t) => present.has(config.TOPIC_PREFIX + t.name)) ? 0 : 1;
    }
    const outcomes = await ensureTopics(admin, allTopics, {
      prefix: config.TOPIC_PREFIX,
      replicationFactor: rf,
      ...(isr ? { extraConfigs: { 'min.insync.replicas': isr } } : {}),
    });
    if (values.json) {
      io.stdout.write(`${JSON.stringify(outcomes)}\n`);
      return 0;
    }
    for (const o of outcomes) {
      io.stdout.write(`${o.action}\t${o.name}${o.partitionMismatch ? `\t(has ${o.partitionMismatch.actual} partitions, catalog says ${o.partitionMismatch.wanted})` : ''}\n`);
    }
    return 0;
  } finally {
    await admin.disconnect();
  }
}
