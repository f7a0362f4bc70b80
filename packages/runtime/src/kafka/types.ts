/**
 * The project's own Kafka client interface. Only `./kafkajs.ts` knows which library implements it,
 * so replacing the client is a one-module change (see bench/ for the comparison).
 */

/** A message to publish. */
export interface OutgoingMessage {
  /** Partitioning key; messages with the same key keep their order. */
  key: string | null;
  value: Buffer;
  headers?: Record<string, string>;
}

/** A message read from a topic. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  /** Kafka offsets are 64-bit: kept as decimal strings. */
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  /** Header values decoded as UTF-8 (invalid bytes replaced). */
  headers: Record<string, string>;
  /** The header values as they came, for a dead letter to keep (set by both clients). */
  headerBytes?: Record<string, Buffer>;
  /** Broker or producer timestamp, milliseconds since the epoch. */
  timestamp: number;
}

/** The messages of one partition fetched together. */
export interface IncomingBatch {
  topic: string;
  partition: number;
  messages: IncomingMessage[];
  highWatermark: string;
}

/** What a batch handler may do while it works. */
export interface BatchControl {
  /** Tells the group coordinator we are alive; call during long work (retries, slow effects). */
  heartbeat(): Promise<void>;
  /** False once the consumer is stopping: finish or abandon (without committing) quickly. */
  isRunning(): boolean;
  /** Aborted when the consumer stops; pass to cancellable work. */
  signal: AbortSignal;
}

export interface ConsumeOptions {
  groupId: string;
  topics: string[];
  /** Where a new group starts. Default true: a new group reads what is already there. */
  fromBeginning?: boolean;
  /**
   * Handles one partition's batch. When it resolves, the offset after the batch's last message is
   * committed; when it throws, nothing is committed and the batch is fetched again.
   */
  handleBatch(batch: IncomingBatch, control: BatchControl): Promise<void>;
  /** Upper bound of bytes fetched per partition per request. */
  maxBytesPerPartition?: number;
  /** How long the broker may wait to fill a fetch. */
  maxWaitTimeMs?: number;
  /**
   * Batches of different partitions of one fetch handed over at once (default 1). Each partition's
   * batches stay in order and each is committed after its own handler resolves (the consumer
   * loop joins the batches handed over together into one).
   */
  partitionsConsumedConcurrently?: number;
  sessionTimeoutMs?: number;
}

export interface Producer {
  /** Publishes messages to one topic; resolves once all in-sync replicas have them (acks=all). */
  publish(topic: string, messages: OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

export interface Consumer {
  /** Joins the group and starts the fetch loop; resolves once running. */
  start(): Promise<void>;
  /** Stops fetching from the given topics (all when omitted) until `resume`. */
  pause(topics?: string[]): void;
  resume(topics?: string[]): void;
  /** Finishes the batch in hand, commits, leaves the group and disconnects. */
  stop(): Promise<void>;
  /** Resolves when the consumer has crashed for good (the worker should exit and be restarted). */
  readonly crashed: Promise<Error>;
}

export interface TopicToCreate {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
}

export interface PartitionOffset {
  partition: number;
  offset: string;
}

export interface Admin {
  /** Creates the topics that do not exist yet; returns the names it created. */
  createTopics(topics: TopicToCreate[]): Promise<string[]>;
  listTopics(): Promise<string[]>;
  /** Partition count and replication factor of each topic. */
  describeTopics(names: string[]): Promise<Array<{ name: string; partitions: number; replicationFactor: number }>>;
  /** The topic's configuration entries as the broker reports them. */
  topicConfig(name: string): Promise<Record<string, string>>;
  /** Sets a topic's configuration overrides (replacing the previous set). */
  alterTopicConfig(name: string, configs: Record<string, string>): Promise<void>;
  /** How many brokers the cluster reports (a metadata round trip: the cluster answers). */
  brokerCount(): Promise<number>;
  deleteTopics(names: string[]): Promise<void>;
  /** Committed offsets of a group on a topic (-1 where nothing was committed). */
  committedOffsets(groupId: string, topic: string): Promise<PartitionOffset[]>;
  /** The log-end offset (high watermark) of each partition. */
  endOffsets(topic: string): Promise<PartitionOffset[]>;
  disconnect(): Promise<void>;
}

/** Connection settings for a Kafka cluster. */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  ssl?: boolean;
  /** PEM CA certificate(s) the brokers' certificates are checked against (implies TLS); default the system's. */
  sslCa?: string;
  sasl?: { mechanism: 'plain' | 'scram-sha-256' | 'scram-sha-512'; username: string; password: string };
  /** Which library implements the interface (KAFKA_CLIENT); default kafkajs. */
  client?: 'kafkajs' | 'platformatic';
  /** Compress produced batches (on by default: statements are text). */
  compression?: 'none' | 'gzip';
  /** Connection and request deadlines, and retries of a failed request (defaults suit workers). */
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  retries?: number;
}

export interface KafkaClient {
  producer(): Promise<Producer>;
  consumer(options: ConsumeOptions): Consumer;
  admin(): Promise<Admin>;
}
