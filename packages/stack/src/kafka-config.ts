/** Pure generators for the local Kafka broker's files: no I/O, so they are unit-tested as text. */

/** One KRaft node that is both broker and controller (the local stack, or a fault suite's extra node). */
export interface KafkaNodeConfig {
  /** `node.id`; a cluster of several combined nodes numbers them 1..n. */
  readonly nodeId: number;
  /** Client listener port (PLAINTEXT), on 127.0.0.1. */
  readonly port: number;
  /** Controller listener port (CONTROLLER), on 127.0.0.1. */
  readonly controllerPort: number;
  /** Absolute directory for the log segments (`log.dirs`). */
  readonly dataDir: string;
  /** Host the listeners bind and advertise; loopback unless a test host network says otherwise. */
  readonly host?: string;
  /**
   * `host:controllerPort` of every controller, for `controller.quorum.bootstrap.servers`;
   * defaults to this node alone.
   */
  readonly controllers?: readonly string[];
  /** Replication factor of Kafka's internal topics (offsets, transactions, share state); 1 for one node. */
  readonly internalReplicationFactor?: number;
  /** Broker-wide default retention, in hours, for topics that set none (ours all do). */
  readonly retentionHours?: number;
  /**
   * Several brokers: `default.replication.factor` and `min.insync.replicas` for topics that set
   * none, and a quicker return of leadership to the preferred replica after a restart.
   */
  readonly cluster?: { readonly replicationFactor: number; readonly minInsyncReplicas: number };
  /** Clients (and the brokers between themselves) speak SASL_SSL instead of PLAINTEXT. */
  readonly secure?: SecureListenerConfig;
}

/** A SASL_SSL client listener: TLS with the stack's own CA, SCRAM-SHA-512 users created at format time. */
export interface SecureListenerConfig {
  /** PKCS12 keystore holding the broker's key and certificate (signed by the CA). */
  readonly keystore: string;
  /** PKCS12 truststore holding the CA certificate (the broker is its own client between brokers). */
  readonly truststore: string;
  /** Password of both stores. */
  readonly storePassword: string;
  /** The SCRAM user the brokers authenticate as between themselves. */
  readonly interBrokerUser: string;
  readonly interBrokerPassword: string;
}

/**
 * Quotes a value for a JAAS line. Both the properties file and JAAS treat backslashes and quotes
 * specially, so only plain names and passwords are accepted (the stack generates its own).
 */
function jaasQuote(s: string): string {
  if (!/^[A-Za-z0-9._~+-]+$/.test(s)) throw new Error('SCRAM user names and passwords of the local stack are letters, digits and ._~+-');
  return `"${s}"`;
}

/** Defaults of the single-node local stack. */
export const DEFAULT_KAFKA_PORT = 9092;
export const DEFAULT_CONTROLLER_PORT = 9093;

/** `server.properties` for a combined broker+controller KRaft node. */
export function serverProperties(cfg: KafkaNodeConfig): string {
  const host = cfg.host ?? '127.0.0.1';
  const rf = cfg.internalReplicationFactor ?? 1;
  const controllers = cfg.controllers ?? [`${host}:${cfg.controllerPort}`];
  const client = cfg.secure ? 'SASL_SSL' : 'PLAINTEXT';
  const entries: Array<[string, string | number | boolean]> = [
    ['process.roles', 'broker,controller'],
    ['node.id', cfg.nodeId],
    ['listeners', `${client}://${host}:${cfg.port},CONTROLLER://${host}:${cfg.controllerPort}`],
    ['advertised.listeners', `${client}://${host}:${cfg.port}`],
    ['listener.security.protocol.map', `${client}:${client},CONTROLLER:PLAINTEXT`],
    ['inter.broker.listener.name', client],
    ['controller.listener.names', 'CONTROLLER'],
    // A dynamic quorum (KIP-853): formatted with --standalone, more voters can be added later.
    ['controller.quorum.bootstrap.servers', controllers.join(',')],
    ['log.dirs', cfg.dataDir],
    // Every topic is declared in the contracts catalog; a typo must fail, not create a topic.
    ['auto.create.topics.enable', false],
    ['num.partitions', 1],
    ['default.replication.factor', cfg.cluster?.replicationFactor ?? rf],
    // Consumers in tests and workers join at once; the default 3 s delay only slows them down.
    ['group.initial.rebalance.delay.ms', 0],
    ['offsets.topic.replication.factor', rf],
    // Fewer internal partitions than the default 50: the first consumer group on a fresh
    // broker waits for all of them to load, which costs seconds on a 2-core machine.
    ['offsets.topic.num.partitions', 10],
    ['transaction.state.log.replication.factor', rf],
    ['transaction.state.log.min.isr', Math.min(rf, 2)],
    ['transaction.state.log.num.partitions', 10],
    ['share.coordinator.state.topic.replication.factor', rf],
    ['share.coordinator.state.topic.min.isr', Math.min(rf, 2)],
    ['log.retention.hours', cfg.retentionHours ?? 168],
    // A local disk is not a cluster's: cap each partition as well as by time.
    ['log.retention.bytes', 1024 * 1024 * 1024],
    ['log.segment.bytes', 64 * 1024 * 1024],
    ['log.retention.check.interval.ms', 300_000],
  ];
  if (cfg.cluster) {
    entries.push(
      // With acks=all a write is acknowledged by this many replicas, so one broker may die unnoticed.
      ['min.insync.replicas', cfg.cluster.minInsyncReplicas],
      // Leadership goes back to a restarted broker within seconds, not the default 5 minutes.
      ['leader.imbalance.check.interval.seconds', 10],
    );
  }
  if (cfg.secure) {
    const s = cfg.secure;
    entries.push(
      ['sasl.enabled.mechanisms', 'SCRAM-SHA-512'],
      ['sasl.mechanism.inter.broker.protocol', 'SCRAM-SHA-512'],
      [
        'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config',
        `org.apache.kafka.common.security.scram.ScramLoginModule required username=${jaasQuote(s.interBrokerUser)} password=${jaasQuote(s.interBrokerPassword)};`,
      ],
      ['ssl.keystore.type', 'PKCS12'],
      ['ssl.keystore.location', s.keystore],
      ['ssl.keystore.password', s.storePassword],
      ['ssl.key.password', s.storePassword],
      ['ssl.truststore.type', 'PKCS12'],
      ['ssl.truststore.location', s.truststore],
      ['ssl.truststore.password', s.storePassword],
      // Clients authenticate with SCRAM, not with certificates.
      ['ssl.client.auth', 'none'],
    );
  }
  const lines = entries.map(([k, v]) => `${k}=${String(v)}`);
  return `# Generated by @ceasefire/stack: edits are overwritten at the next start.\n${lines.join('\n')}\n`;
}

/**
 * log4j2 configuration in the properties format, which log4j-core reads with no extra jar
 * (Kafka 4's own YAML file needs jackson-dataformat-yaml). The broker's stdout is the log file.
 */
export function log4j2Properties(level: 'INFO' | 'WARN' = 'INFO'): string {
  return [
    'status = warn',
    'appender.out.type = Console',
    'appender.out.name = OUT',
    'appender.out.layout.type = PatternLayout',
    'appender.out.layout.pattern = [%d] %p %m (%c)%n',
    `rootLogger.level = ${level}`,
    'rootLogger.appenderRef.out.ref = OUT',
    // These two log every request and partition state change: noise at INFO.
    'logger.request.name = kafka.request.logger',
    'logger.request.level = WARN',
    'logger.state.name = state.change.logger',
    'logger.state.level = WARN',
    // The config dump at start-up is long and says what server.properties already says.
    'logger.config.name = org.apache.kafka.common.config.AbstractConfig',
    'logger.config.level = WARN',
    '',
  ].join('\n');
}

/** A Kafka cluster id: 16 random bytes in base64url without padding, as `kafka-storage random-uuid` prints. */
export function clusterIdFrom(bytes: Uint8Array): string {
  if (bytes.length !== 16) throw new Error(`a cluster id needs 16 bytes, got ${bytes.length}`);
  return Buffer.from(bytes).toString('base64url');
}

/** Parse a Java properties file as far as Kafka writes them (`meta.properties`): `k=v` lines, `#` comments. */
export function parseProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    const i = line.search(/[=:]/);
    if (i < 0) out.set(line, '');
    else out.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  return out;
}
