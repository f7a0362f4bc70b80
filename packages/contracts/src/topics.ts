import type { z } from 'zod';
import {
  ALERT_DATASCHEMA,
  AlertMessage,
  STATEMENT_DATASCHEMA,
  StatementMessage,
  VIOLATION_EVENT_DATASCHEMA,
  ViolationEventMessage,
} from './messages.ts';

/** How a topic is created: every topic the system uses is declared here and nowhere else. */
export interface TopicSpec {
  /** Kafka topic name. */
  readonly name: string;
  /** Partition count: the ceiling of consumers in one group. */
  readonly partitions: number;
  /** `retention.ms` (-1 keeps forever). */
  readonly retentionMs: number;
  /** `cleanup.policy`. */
  readonly cleanupPolicy: 'delete' | 'compact' | 'compact,delete';
  /** What the key is, for consumers that rely on ordering. */
  readonly key: string;
  /** Human description, copied into the README. */
  readonly description: string;
}

/** A topic that carries one message type, validated on produce and on consume. */
export interface MessageTopicSpec<S extends z.ZodType = z.ZodType> extends TopicSpec {
  readonly schema: S;
  /** The `dataschema` its messages carry (absolute: the `$id` of its JSON Schema). */
  readonly dataschema: string;
  /** The dead-letter topic of the stage that consumes this topic, if one of ours does. */
  readonly dlq: TopicSpec | null;
  /**
   * `dataschema` values of earlier releases that mean the current schema: messages already on the
   * topic when the value changed are still read (the value is not a URI: CloudEvents readers
   * refuse them, ours accept them).
   */
  readonly legacyDataschemas?: readonly string[];
}

const DAY = 24 * 60 * 60 * 1000;

function dlqOf(name: string): TopicSpec {
  return {
    name: `${name}.dlq`,
    partitions: 1,
    retentionMs: 30 * DAY,
    cleanupPolicy: 'delete',
    key: 'the original key',
    description: `Messages from ${name} that its consumer could not parse or process; the error, original topic, partition and offset are in the headers.`,
  };
}

/** Statements as ingested, keyed by statement id; consumed by the classifier. */
export const statementsTopic = {
  name: 'statements.raw',
  partitions: 6,
  retentionMs: 30 * DAY,
  cleanupPolicy: 'delete',
  key: 'statement id',
  description: 'Every ingested statement, normalised, keyed by its content-derived id.',
  schema: StatementMessage,
  dataschema: STATEMENT_DATASCHEMA,
  dlq: dlqOf('statements.raw'),
  legacyDataschemas: ['ceasefire.statement/1'],
} as const satisfies MessageTopicSpec;

/** Violation events extracted by the classifier, keyed by conflict area so one area stays in order. */
export const violationEventsTopic = {
  name: 'violations.events',
  partitions: 6,
  retentionMs: 90 * DAY,
  cleanupPolicy: 'delete',
  key: 'conflict area',
  description: 'Violation events extracted from statements, keyed by conflict area (order holds within an area).',
  schema: ViolationEventMessage,
  dataschema: VIOLATION_EVENT_DATASCHEMA,
  dlq: dlqOf('violations.events'),
  legacyDataschemas: ['ceasefire.violation_event/1'],
} as const satisfies MessageTopicSpec;

/** Alerts for downstream systems, keyed by alert group; no stage of ours consumes it. */
export const alertsTopic = {
  name: 'alerts',
  partitions: 3,
  retentionMs: 90 * DAY,
  cleanupPolicy: 'delete',
  key: 'alert group',
  description: 'Alert state changes (firing, updated, acknowledged, resolved), keyed by alert group.',
  schema: AlertMessage,
  dataschema: ALERT_DATASCHEMA,
  dlq: null,
  legacyDataschemas: ['ceasefire.alert/1'],
} as const satisfies MessageTopicSpec;

/** The message topics, in flow order. */
export const messageTopics = [statementsTopic, violationEventsTopic, alertsTopic] as const;

/** Every topic to create, message topics and their DLQs. */
export const allTopics: readonly TopicSpec[] = messageTopics.flatMap((t) => (t.dlq ? [t, t.dlq] : [t]));
