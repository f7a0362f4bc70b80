import { describe, expect, it } from 'vitest';
import { clusterIdFrom, log4j2Properties, parseProperties, serverProperties } from './kafka-config.ts';

describe('serverProperties', () => {
  const props = parseProperties(
    serverProperties({ nodeId: 1, port: 9092, controllerPort: 9093, dataDir: '/x/data' }),
  );

  it('makes one combined KRaft node on loopback', () => {
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('node.id')).toBe('1');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:9092');
    expect(props.get('controller.listener.names')).toBe('CONTROLLER');
    expect(props.get('controller.quorum.bootstrap.servers')).toBe('127.0.0.1:9093');
    expect(props.get('log.dirs')).toBe('/x/data');
  });

  it('never creates topics on demand and sizes internal topics for one broker', () => {
    expect(props.get('auto.create.topics.enable')).toBe('false');
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
    expect(props.get('offsets.topic.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.min.isr')).toBe('1');
    expect(props.get('num.partitions')).toBe('1');
    expect(Number(props.get('log.retention.hours'))).toBeGreaterThan(0);
  });

  it('gives a second node its own ports, data dir and id, and a shared quorum', () => {
    const second = parseProperties(
      serverProperties({
        nodeId: 2,
        port: 19092,
        controllerPort: 19093,
        dataDir: '/y/data',
        controllers: ['127.0.0.1:9093', '127.0.0.1:19093'],
        internalReplicationFactor: 3,
      }),
    );
    expect(second.get('node.id')).toBe('2');
    expect(second.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(second.get('log.dirs')).toBe('/y/data');
    expect(second.get('controller.quorum.bootstrap.servers')).toBe('127.0.0.1:9093,127.0.0.1:19093');
    expect(second.get('offsets.topic.replication.factor')).toBe('3');
    expect(second.get('transaction.state.log.min.isr')).toBe('2');
  });
});

describe('log4j2Properties', () => {
  it('is a properties config with a root logger on the console', () => {
    const p = parseProperties(log4j2Properties('WARN'));
    expect(p.get('rootLogger.level')).toBe('WARN');
    expect(p.get('appender.out.type')).toBe('Console');
    expect(p.get('logger.request.name')).toBe('kafka.request.logger');
  });
});

describe('clusterIdFrom', () => {
  it('encodes 16 bytes as 22 base64url characters', () => {
    const id = clusterIdFrom(new Uint8Array(16).fill(0xfb));
    expect(id).toHaveLength(22);
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
  });
  it('rejects other lengths', () => {
    expect(() => clusterIdFrom(new Uint8Array(8))).toThrow(/16 bytes/);
  });
});

describe('parseProperties', () => {
  it('reads meta.properties as Kafka writes it', () => {
    const p = parseProperties(
      '#\n#Sat Nov 28 03:53:33 UTC 2026\nnode.id=1\ncluster.id=nK07pB9NSfaj9z6ozKmjGg\n',
    );
    expect(p.get('cluster.id')).toBe('nK07pB9NSfaj9z6ozKmjGg');
    expect(p.size).toBe(2);
  });
});

describe('serverProperties of a cluster node', () => {
  const props = parseProperties(
    serverProperties({
      nodeId: 2,
      port: 29093,
      controllerPort: 29193,
      dataDir: '/c/node-2/data',
      controllers: ['127.0.0.1:29192', '127.0.0.1:29193', '127.0.0.1:29194'],
      internalReplicationFactor: 3,
      cluster: { replicationFactor: 3, minInsyncReplicas: 2 },
    }),
  );

  it('replicates topics three times and acknowledges acks=all writes at two copies', () => {
    expect(props.get('controller.quorum.bootstrap.servers')).toBe('127.0.0.1:29192,127.0.0.1:29193,127.0.0.1:29194');
    expect(props.get('default.replication.factor')).toBe('3');
    expect(props.get('min.insync.replicas')).toBe('2');
    expect(props.get('offsets.topic.replication.factor')).toBe('3');
    expect(props.get('transaction.state.log.min.isr')).toBe('2');
  });

  it('leaves the one-node file without cluster settings', () => {
    const single = parseProperties(serverProperties({ nodeId: 1, port: 9092, controllerPort: 9093, dataDir: '/x' }));
    expect(single.has('min.insync.replicas')).toBe(false);
    expect(single.has('leader.imbalance.check.interval.seconds')).toBe(false);
    expect(single.has('sasl.enabled.mechanisms')).toBe(false);
  });
});

describe('serverProperties with a SASL_SSL listener', () => {
  const secure = {
    keystore: '/t/broker.p12',
    truststore: '/t/ca.p12',
    storePassword: 'storepw',
    interBrokerUser: 'broker',
    interBrokerPassword: 'brokerpw',
  };
  const props = parseProperties(
    serverProperties({ nodeId: 1, port: 29392, controllerPort: 29393, dataDir: '/s', secure }),
  );

  it('serves clients (and brokers between themselves) only over SASL_SSL with SCRAM-SHA-512', () => {
    expect(props.get('listeners')).toBe('SASL_SSL://127.0.0.1:29392,CONTROLLER://127.0.0.1:29393');
    expect(props.get('advertised.listeners')).toBe('SASL_SSL://127.0.0.1:29392');
    expect(props.get('listener.security.protocol.map')).toBe('SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT');
    expect(props.get('inter.broker.listener.name')).toBe('SASL_SSL');
    expect(props.get('sasl.enabled.mechanisms')).toBe('SCRAM-SHA-512');
    expect(props.get('listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config')).toBe(
      'org.apache.kafka.common.security.scram.ScramLoginModule required username="broker" password="brokerpw";',
    );
    expect(props.get('ssl.keystore.location')).toBe('/t/broker.p12');
  });

  it('refuses a password that would need quoting', () => {
    expect(() =>
      serverProperties({ nodeId: 1, port: 1, controllerPort: 2, dataDir: '/s', secure: { ...secure, interBrokerPassword: 'a"b' } }),
    ).toThrow(/letters, digits/);
  });
});
