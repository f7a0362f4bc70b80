// What kafkajs's own errors mean, kept beside its adapter, which throws them typed
// (`kafkajsError`: its producer's, admin's and consumer's), so the generic error classification
// (../errors.ts) and the CLI's messages name no library. The platformatic adapter maps its errors where it throws them
// (platformatic.ts, `brokerError`).
import { PipelineError } from '../errors.ts';

function fieldOf(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined;
}

// kafkajs errors that say the cluster could not be reached or answered in time, whatever their
// `retriable` flag (kafkajs marks spent retries, a missing coordinator and its timeouts final).
const OUTAGES = new Set([
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSNoBrokerAvailableError',
  'KafkaJSGroupCoordinatorNotFound',
  'KafkaJSMetadataNotLoaded',
  'KafkaJSTopicMetadataNotLoaded',
  'KafkaJSStaleTopicMetadataAssignment',
  'KafkaJSTimeout',
  'KafkaJSLockTimeout',
]);

// The group moved on without this member (a rebalance, a new generation, its session expired):
// kafkajs marks these final because the request cannot be repeated as it is, but the member
// joins again and the batch comes again, so for a heartbeat, a commit or a join they are transient.
const GROUP_MEMBERSHIP = new Set([
  'REBALANCE_IN_PROGRESS',
  'ILLEGAL_GENERATION',
  'UNKNOWN_MEMBER_ID',
  'NOT_COORDINATOR_FOR_GROUP',
  'FENCED_INSTANCE_ID',
]);

type KafkaErrorCode = { code: 'broker_unavailable' | 'internal'; refused: boolean };

/**
 * The runtime's error code for an error kafkajs threw (producer, admin, consumer), null for any
 * other error: an outage to wait out, or the group rebalancing, is `broker_unavailable`; a request
 * the broker refused for what it is (too large, not authorised, invalid, a topic that exists)
 * would be refused again, so it is `internal`. kafkajs's retrier wraps an error it will not retry
 * in `KafkaJSNonRetriableError` (the error is its cause), and a topic creation reports one error
 * per topic (`KafkaJSAggregateError`): transient when one of them is (as platformatic.ts decides).
 */
function kafkaErrorCode(e: unknown): KafkaErrorCode | null {
  const name = fieldOf(e, 'name');
  if (typeof name !== 'string' || !name.startsWith('KafkaJS')) return null;
  const cause = fieldOf(e, 'cause');
  if (name === 'KafkaJSNonRetriableError' && cause !== undefined && cause !== e) return kafkaErrorCode(cause);
  const errors = fieldOf(e, 'errors');
  if (name === 'KafkaJSAggregateError' && Array.isArray(errors) && errors.length > 0) {
    const codes = errors.map(kafkaErrorCode);
    return codes.some((c) => c?.code === 'broker_unavailable')
      ? { code: 'broker_unavailable', refused: false }
      : { code: 'internal', refused: true };
  }
  const type = fieldOf(e, 'type');
  if (OUTAGES.has(name) || (typeof type === 'string' && GROUP_MEMBERSHIP.has(type)))
    return { code: 'broker_unavailable', refused: false };
  if (fieldOf(e, 'retriable') === false) return { code: 'internal', refused: true };
  return { code: 'broker_unavailable', refused: false };
}

/**
 * A kafkajs error as the runtime's typed error (transient or permanent), with the library's own
 * as its cause; anything else as it is (the retrier's wrap of an error not kafkajs's: that error).
 */
export function kafkajsError(e: unknown): unknown {
  const kafka = kafkaErrorCode(e);
  if (!kafka) {
    const cause = fieldOf(e, 'cause');
    return fieldOf(e, 'name') === 'KafkaJSNonRetriableError' && cause instanceof Error ? cause : e;
  }
  const message = e instanceof Error ? e.message : String(e);
  return new PipelineError(kafka.code, kafka.refused ? `the broker refused the request: ${message}` : message, { cause: e });
}

/**
 * The error kafkajs threw, under one the adapter typed (`kafkajsError`): what goes back into
 * kafkajs (out of a consumer's batch handler) must be its own, as it re-joins the group only on
 * errors it recognises.
 */
export function kafkajsOriginal(e: unknown): unknown {
  return e instanceof PipelineError && kafkaErrorCode(e.cause) !== null ? e.cause : e;
}

/** `methods` with each one's failure typed by `map` (an adapter's whole admin client, say). */
export function mapFailures<T extends object>(methods: T, map: (e: unknown) => unknown): T {
  const out: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods)) {
    out[name] =
      typeof method === 'function'
        ? async (...args: unknown[]) => {
            try {
              return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
            } catch (e) {
              throw map(e);
            }
          }
        : method;
  }
  return out as T;
}

/** Whether a Kafka client's error says the broker could not be reached (connection, DNS, retries spent). */
export function isBrokerConnectionError(e: unknown): boolean {
  // A publish's error comes typed by the adapter, with the library's own as its cause.
  if (e instanceof PipelineError && e.cause !== undefined) return isBrokerConnectionError(e.cause);
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  return name.startsWith('KafkaJS') && /connect|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|retries|broker/i.test(`${name} ${message}`);
}
