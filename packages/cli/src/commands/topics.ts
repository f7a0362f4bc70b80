/**
 * `ceasefire topics create [--replication-factor N] | list`: the topic catalog on a cluster
 * (the local stack does this itself; a real cluster or docker compose needs it once).
 */
import { parseArgs } from 'node:util';
import { allTopics } from '@ceasefire/contracts';
import { baseConfigSchema, createKafkaClient, createLogger, ensureTopics, kafkaSettings, loadConfig } from '@ceasefire/runtime';
import { cliEnvironment } from '../context.ts';

const USAGE = `usage: ceasefire topics create [--replication-factor N] [--min-insync-replicas N]
       ceasefire topics list
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
      options: { 'replication-factor': { type: 'string' }, 'min-insync-replicas': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
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
  const kafka = createKafkaClient(kafkaSettings(config, 'ceasefire-topics'), createLogger({ service: 'topics', level: 'warn', destination: process.stderr }));
  const admin = await kafka.admin();
  try {
    if (action === 'list') {
      const present = new Set(await admin.listTopics());
      for (const t of allTopics) {
        const name = config.TOPIC_PREFIX + t.name;
        io.stdout.write(`${present.has(name) ? 'present' : 'MISSING'}\t${name}\t${t.partitions} partitions\tkey: ${t.key}\n`);
      }
      return allTopics.every((t) => present.has(config.TOPIC_PREFIX + t.name)) ? 0 : 1;
    }
    const outcomes = await ensureTopics(admin, allTopics, {
      prefix: config.TOPIC_PREFIX,
      replicationFactor: rf,
      ...(isr ? { extraConfigs: { 'min.insync.replicas': isr } } : {}),
    });
    for (const o of outcomes) {
      io.stdout.write(`${o.action}\t${o.name}${o.partitionMismatch ? `\t(has ${o.partitionMismatch.actual} partitions, catalog says ${o.partitionMismatch.wanted})` : ''}\n`);
    }
    return 0;
  } finally {
    await admin.disconnect();
  }
}
