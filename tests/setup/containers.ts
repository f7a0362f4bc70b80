// The testcontainers branch of the global setup: the official apache/kafka (KRaft, one node) and
// postgres images, for machines with a Docker engine. Loaded only when `docker info` answers.
import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { freePort } from '../support/workers.ts';

export interface ContainerStack {
  brokers: string[];
  databaseUrl: string;
  stop(): Promise<void>;
}

export async function startContainers(): Promise<ContainerStack> {
  // Kafka must advertise the address clients use, so the host port is chosen before start.
  const kafkaPort = await freePort();
  const started: StartedTestContainer[] = [];
  try {
    started.push(
      await new GenericContainer('apache/kafka:4.1.1')
        .withExposedPorts({ container: 9092, host: kafkaPort })
        .withEnvironment({
          KAFKA_NODE_ID: '1',
          KAFKA_PROCESS_ROLES: 'broker,controller',
          KAFKA_LISTENERS: 'PLAINTEXT://:9092,CONTROLLER://:9093',
          KAFKA_ADVERTISED_LISTENERS: `PLAINTEXT://127.0.0.1:${kafkaPort}`,
          KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
          KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
          KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9093',
          KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
          KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
          KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
          KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        })
        .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
        .start(),
    );
    const pg = await new GenericContainer('postgres:15')
      .withExposedPorts(5432)
      .withEnvironment({ POSTGRES_PASSWORD: 'postgres', POSTGRES_DB: 'ceasefire' })
      // The server logs this once for the init run and once for the real start.
      .withWaitStrategy(Wait.forLogMessage(/database system is ready to accept connections/, 2))
      .start();
    started.push(pg);
    return {
      brokers: [`127.0.0.1:${kafkaPort}`],
      databaseUrl: `postgres://postgres:postgres@${pg.getHost()}:${pg.getMappedPort(5432)}/ceasefire`,
      stop: async () => void (await Promise.all(started.map((c) => c.stop()))),
    };
  } catch (e) {
    await Promise.all(started.map((c) => c.stop()));
    throw e;
  }
}
