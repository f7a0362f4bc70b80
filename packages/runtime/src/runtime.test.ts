import { ContractError } from '@ceasefire/contracts';
import { describe, expect, it } from 'vitest';
import { captureLogs } from './testing.ts';
import { isBrokerConnectionError, kafkajsError } from './kafka/errors.ts';
import { headersToSend } from './kafka/headers.ts';
import { brokerUnreachable, chunksOf, logCreator } from './kafka/kafkajs.ts';
import { z } from 'zod';
import {
  ConfigError,
  Lifecycle,
  PipelineError,
  baseConfigSchema,
  classifyError,
  createMetricsRegistry,
  kafkaClientFor,
  loadConfig,
  redactUrl,
  requireSaslTogether,
  startHealthServer,
} from './index.ts';

describe('loadConfig', () => {
  const schema = requireSaslTogether(baseConfigSchema.extend({ INGEST_TOKEN: z.string().min(16) }));

  it('applies defaults and parses typed values', () => {
    const c = loadConfig(schema, { INGEST_TOKEN: 'x'.repeat(16), KAFKA_BROKERS: 'a:1, b:2', HEALTH_PORT: '8080' });
    expect(c.KAFKA_BROKERS).toEqual(['a:1', 'b:2']);
    expect(c.HEALTH_PORT).toBe(8080);
    expect(c.LOG_LEVEL).toBe('info');
    expect(c.DATABASE_URL).toMatch(/^postgres:/);
  });

  it('names every bad variable in one error', () => {
    try {
      loadConfig(schema, { KAFKA_BROKERS: 'nohostport', HEALTH_PORT: 'eighty', DATABASE_URL: 'mysql://x' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const vars = (e as ConfigError).problems.map((p) => p.variable).sort();
      expect(vars).toEqual(['DATABASE_URL', 'HEALTH_PORT', 'INGEST_TOKEN', 'KAFKA_BROKERS']);
      expect((e as Error).message).toMatch(/INGEST_TOKEN: is required/);
      expect((e as Error).message).toMatch(/KAFKA_BROKERS: each broker is host:port/);
    }
  });

  it('requires SASL credentials together', () => {
    expect(() => loadConfig(schema, { INGEST_TOKEN: 'x'.repeat(16), KAFKA_SASL_MECHANISM: 'plain' })).toThrow(
      /KAFKA_SASL_USERNAME: is required with KAFKA_SASL_MECHANISM/,
    );
  });
});

describe('classifyError', () => {
  it.each([
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'database_unavailable', true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, 'database_unavailable', true],
    [{ code: '40001', message: 'could not serialize access' }, 'database_unavailable', true],
    // A Kafka client's errors come typed from its adapter (below).
    [kafkajsError(Object.assign(new Error('leader not available'), { name: 'KafkaJSProtocolError', retriable: true })), 'broker_unavailable', true],
    [new ContractError('t', ['data.text: too short']), 'contract_violation', false],
    [{ code: '23505', message: 'duplicate key' }, 'internal', false],
    [new TypeError('x is undefined'), 'internal', false],
    ['a string', 'internal', false],
  ])('%o → %s', (thrown, code, retryable) => {
    const e = classifyError(thrown);
    expect(e).toBeInstanceOf(PipelineError);
    expect(e.code).toBe(code);
    expect(e.retryable).toBe(retryable);
  });
});

describe('logger', () => {
  it('redacts secrets and connection passwords', () => {
    const { lines, logger } = captureLogs();
    logger.info({ token: 'T0KEN', req: { headers: { authorization: 'Bearer abc' } }, config: { DATABASE_URL: 'postgres://u:pw@h/db' } }, 'hello');
    expect(lines.join('\n')).not.toMatch(/T0KEN|Bearer abc|pw@/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ service: 'test', msg: 'hello', token: '[redacted]' });
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:redacted@h:5432/db');
  });
});

describe('Lifecycle', () => {
  it('releases in reverse order of start-up and survives a failing or hanging release', async () => {
    const { logger, lines } = captureLogs();
    const order: string[] = [];
    const life = new Lifecycle(logger, 200);
    life.add('pool', () => void order.push('pool'));
    life.add('hangs', () => new Promise(() => {}));
    life.add('producer', () => {
      order.push('producer');
      throw new Error('flush failed');
    });
    life.add('consumer', async () => void order.push('consumer'));
    await Promise.all([life.shutdown('test'), life.shutdown('again')]);
    expect(order).toEqual(['consumer', 'producer', 'pool']);
    expect(lines.some((l) => l.includes('"resource":"hangs"') && l.includes('release failed'))).toBe(true);
  });
});

describe('health server', () => {
  it('answers liveness, readiness with failing checks named, and metrics', async () => {
    let dbUp = false;
    const server = await startHealthServer({
      port: 0,
      registry: createMetricsRegistry('test'),
      probes: {
        database: async () => {
          if (!dbUp) throw new Error('connection refused');
        },
        broker: async () => {},
      },
    });
    try {
      const base = `http://127.0.0.1:${server.port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      const notReady = await fetch(`${base}/readyz`);
      expect(notReady.status).toBe(503);
      expect(await notReady.json()).toEqual({ status: 'not ready', checks: { database: 'connection refused', broker: 'ok' } });
      dbUp = true;
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const metrics = await (await fetch(`${base}/metrics`)).text();
      expect(metrics).toMatch(/process_cpu_user_seconds_total\{service="test"\}/);
    } finally {
      await server.close();
    }
  });
});

describe('chunksOf (kafkajs sends)', () => {
  it('splits a publish into consecutive runs under the size, in order; a larger message goes alone', () => {
    const m = (n: number) => ({ key: 'k', value: Buffer.alloc(n) });
    const sizes = (chunks: ReturnType<typeof chunksOf>) => chunks.map((c) => c.map((x) => x.value.length));
    expect(sizes(chunksOf([m(3), m(3), m(3), m(20), m(1)], 10))).toEqual([[3, 3], [3], [20], [1]]);
    expect(chunksOf([], 10)).toEqual([]);
  });
});

describe('the kafkajs adapter types its errors', () => {
  it.each([
    [Object.assign(new Error('leader not available'), { name: 'KafkaJSProtocolError', retriable: true }), 'broker_unavailable', true],
    [Object.assign(new Error('Connection error: connect ECONNREFUSED'), { name: 'KafkaJSNumberOfRetriesExceeded' }), 'broker_unavailable', true],
    // Refused for what it is: retrying the same request cannot help.
    [Object.assign(new Error('The request included a message larger than the max message size the server will accept'), { name: 'KafkaJSProtocolError', type: 'MESSAGE_TOO_LARGE', retriable: false }), 'internal', false],
  ])('%o → %s', (thrown, code, retryable) => {
    const e = kafkajsError(thrown);
    expect(e).toBeInstanceOf(PipelineError);
    expect((e as PipelineError).code).toBe(code);
    expect((e as PipelineError).retryable).toBe(retryable);
    expect((e as PipelineError).cause).toBe(thrown);
  });

  it('leaves what is not a kafkajs error as it is, and the connection errors it types still read as such', () => {
    const other = new TypeError('x is undefined');
    expect(kafkajsError(other)).toBe(other);
    const refused = Object.assign(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'), { name: 'KafkaJSConnectionError' });
    expect(isBrokerConnectionError(kafkajsError(refused))).toBe(true);
    expect(isBrokerConnectionError(refused)).toBe(true);
  });
});

describe('brokerUnreachable (kafkajs consumer crashes)', () => {
  it('tells a crash of an unreachable broker from others', () => {
    // What kafkajs reported when the broker went down during a rejoin (CI's fault run).
    const coordinator = Object.assign(new Error('Failed to find group coordinator'), { name: 'KafkaJSNonRetriableError', retriable: false, cause: Object.assign(new Error('Failed to find group coordinator'), { name: 'KafkaJSGroupCoordinatorNotFound' }) });
    expect(brokerUnreachable(coordinator)).toBe(true);
    expect(brokerUnreachable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9092'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(brokerUnreachable(Object.assign(new Error('SASL SCRAM SHA512 authentication failed'), { name: 'KafkaJSSASLAuthenticationError' }))).toBe(false);
    expect(brokerUnreachable(new TypeError('x is undefined'))).toBe(false);
  });
});

describe('kafkaClientFor', () => {
  it('gives the client KAFKA_CLIENT names, either library', async () => {
    const { logger } = captureLogs();
    for (const client of ['kafkajs', 'platformatic'] as const) {
      const kafka = await kafkaClientFor({ brokers: ['127.0.0.1:9'], clientId: 'test', client }, logger);
      expect(typeof kafka.producer).toBe('function');
      expect(typeof kafka.consumer).toBe('function');
      expect(typeof kafka.admin).toBe('function');
    }
  });
});

describe('kafkajs log lines', () => {
  const capture = () => {
    const { lines, logger } = captureLogs();
    const log = logCreator(logger)();
    return { lines, log };
  };
  it('logs the retries of a normal start as warnings, and other broker errors as errors', () => {
    const { lines, log } = capture();
    // 1 is kafkajs's logLevel.ERROR.
    const entry = (extra: Record<string, unknown>) => ({ namespace: 'Connection', level: 1, label: 'ERROR', log: { timestamp: '', logger: 'kafkajs', message: 'Response GroupCoordinator(key: 10, version: 2)', ...extra } });
    log(entry({ error: 'The group coordinator is not available' }));
    log(entry({ error: 'There is no leader for this topic-partition as we are in the middle of a leadership election' }));
    log(entry({ error: 'Connection error: connect ECONNREFUSED', retryCount: 2, retryTime: 800 }));
    log(entry({ error: 'Not authorized to access topics: [Topic authorization failed]' }));
    expect(lines.map((l) => JSON.parse(l).level)).toEqual([40, 40, 40, 50]);
  });
});

describe('headersToSend (both Kafka clients)', () => {
  it('labels every message a structured-mode CloudEvent unless the caller names its own content type', () => {
    expect(headersToSend(undefined)).toEqual({ 'content-type': 'application/cloudevents+json; charset=utf-8' });
    expect(headersToSend({ 'idempotency-key': 'k' })).toEqual({ 'content-type': 'application/cloudevents+json; charset=utf-8', 'idempotency-key': 'k' });
    expect(headersToSend({ 'content-type': 'application/octet-stream' })).toEqual({ 'content-type': 'application/octet-stream' });
  });
});
