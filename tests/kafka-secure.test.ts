// A broker whose only client listener is SASL_SSL (SCRAM-SHA-512 users, a certificate from a CA
// made for the test), on private ports and a private data dir. The runtime's client, configured
// from the same variables a worker reads (KAFKA_SSL_CA_FILE, KAFKA_SASL_*), produces and consumes;
// a wrong password, a plaintext client and a client without the CA are refused; a classifier
// process started with these settings becomes ready.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { allTopics, statementsTopic, topicName } from '@ceasefire/contracts';
import {
  ConfigError,
  baseConfigSchema,
  kafkaClientFor,
  ensureTopics,
  kafkaSettings,
  loadConfig,
  type IncomingMessage,
  type KafkaSettings,
} from '@ceasefire/runtime';
import { ensureSecureKafka, stopSecureKafka, type SecureKafkaInfo } from '@ceasefire/stack';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, privateSchema, quietLogger, services, uniqueName } from './support/harness.ts';
import { freePort, repoRoot, startWorker, stopAllWorkers } from './support/workers.ts';

const USER = 'ceasefire';
const PASSWORD = `pw-${uniqueName('scram')}`;

let node: { root: string; dir: string; kafkaPort: number; controllerPort: number };
let broker: SecureKafkaInfo;
let env: Record<string, string>;
let prefix: string;

/** The settings a worker would build from its environment. */
function settingsFrom(vars: Record<string, string>): KafkaSettings {
  return kafkaSettings(loadConfig(baseConfigSchema, vars), 'secure-test');
}

/** What connecting with these settings says (an admin round trip, no retries). */
async function connectError(settings: KafkaSettings): Promise<string> {
  const kafka = await kafkaClientFor(
    { ...settings, connectionTimeoutMs: 3000, requestTimeoutMs: 5000, retries: 0 },
    quietLogger('secure-test'),
  );
  try {
    const admin = await kafka.admin();
    await admin.brokerCount();
    await admin.disconnect();
    return 'connected';
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
}

beforeAll(async () => {
  const kafkaPort = await freePort();
  let controllerPort = await freePort();
  while (controllerPort === kafkaPort) controllerPort = await freePort();
  node = { root: repoRoot, dir: `.cache/tests/${uniqueName('secure')}`, kafkaPort, controllerPort };
  broker = await ensureSecureKafka({
    ...node,
    users: [{ name: USER, password: PASSWORD }],
    startTimeoutMs: 120_000,
  });
  prefix = `${uniqueName('secure')}.`;
  env = {
    KAFKA_BROKERS: broker.brokers.join(','),
    KAFKA_SSL_CA_FILE: broker.caFile,
    KAFKA_SASL_MECHANISM: 'scram-sha-512',
    KAFKA_SASL_USERNAME: USER,
    KAFKA_SASL_PASSWORD: PASSWORD,
    TOPIC_PREFIX: prefix,
  };
  const admin = await (await kafkaClientFor(settingsFrom(env), quietLogger('secure-test'))).admin();
  await ensureTopics(admin, allTopics, { prefix });
  await admin.disconnect();
}, 180_000);

afterAll(async () => {
  await stopAllWorkers();
  if (node) {
    await stopSecureKafka(node);
    await rm(path.resolve(node.root, node.dir), { recursive: true, force: true });
  }
}, 90_000);

describe('SASL_SSL broker', () => {
  it('round-trips messages through the runtime client with the CA file and the SCRAM user', async () => {
    const settings = settingsFrom(env);
    expect(settings.ssl).toBe(true);
    expect(settings.sslCa).toContain('BEGIN CERTIFICATE');
    const kafka = await kafkaClientFor(settings, quietLogger('secure-test'));
    const topic = topicName(statementsTopic, prefix);
    const producer = await kafka.producer();
    await producer.publish(
      topic,
      Array.from({ length: 20 }, (_, i) => ({ key: `k${i}`, value: Buffer.from(`v${i}`) })),
    );
    await producer.disconnect();
    const seen: IncomingMessage[] = [];
    const consumer = kafka.consumer({
      groupId: uniqueName('secure-group'),
      topics: [topic],
      handleBatch: async (b) => void seen.push(...b.messages),
    });
    await consumer.start();
    // A send the broker refuses in part (a new topic's leaders not yet known) is sent again whole,
    // so a partition can hold copies (the pipeline's consumers drop them by message id): wait for
    // all twenty, not for twenty deliveries.
    const values = () => new Set(seen.map((m) => m.value?.toString()));
    await eventually(() => (values().size >= 20 ? true : undefined), 30_000, '20 messages');
    await consumer.stop();
    expect(values()).toEqual(
      new Set(Array.from({ length: 20 }, (_, i) => `v${i}`)),
    );
  });

  it('refuses a wrong password, a plaintext client and a client that does not trust the CA', async () => {
    const good = settingsFrom(env);
    expect(await connectError(good)).toBe('connected');
    expect(await connectError({ ...good, sasl: { ...good.sasl!, password: 'not-the-password' } })).toMatch(
      /SASL SCRAM SHA512 authentication failed/,
    );
    const { sslCa: _ca, ...withoutCa } = good;
    expect(await connectError({ ...withoutCa, ssl: true })).toMatch(/self[- ]signed certificate/);
    // The TLS listener drops a client that speaks plaintext to it; the runtime says what that likely means.
    expect(await connectError({ ...withoutCa, ssl: false })).toMatch(
      /Closed connection \(the broker closed the connection: .* set KAFKA_SSL=true\)/,
    );
  });

  it('names a missing CA file at start-up', () => {
    const missing = path.join(repoRoot, '.cache/no-such-ca.pem');
    expect(() => loadConfig(baseConfigSchema, { ...env, KAFKA_SSL_CA_FILE: missing })).toThrow(ConfigError);
    expect(() => loadConfig(baseConfigSchema, { ...env, KAFKA_SSL_CA_FILE: missing })).toThrow(
      /KAFKA_SSL_CA_FILE: is not a readable PEM file/,
    );
  });

  it('starts a classifier process that connects with these settings and becomes ready', async () => {
    const schema = await privateSchema('secure');
    try {
      const worker = await startWorker(
        'classifier',
        {
          ...env,
          DATABASE_URL: services().databaseUrl,
          DATABASE_SCHEMA: schema.schema,
          CLASSIFIER_GROUP_ID: `${prefix}classifier`,
          HEALTH_PORT: String(await freePort()),
        },
        { readyTimeoutMs: 90_000 },
      );
      expect(worker.lines.join('\n')).not.toContain(PASSWORD);
      await worker.stop();
      // With a wrong password it does not become ready; it says why.
      const refused = await startWorker(
        'classifier',
        {
          ...env,
          KAFKA_SASL_PASSWORD: 'not-the-password',
          DATABASE_URL: services().databaseUrl,
          DATABASE_SCHEMA: schema.schema,
          CLASSIFIER_GROUP_ID: `${prefix}classifier`,
        },
        { readyTimeoutMs: 45_000 },
      ).then(
        async (w) => {
          await w.stop();
          return 'ready';
        },
        (e: Error) => e.message,
      );
      expect(refused).toMatch(/authentication failed/i);
    } finally {
      await schema.drop();
    }
  }, 120_000);
});
