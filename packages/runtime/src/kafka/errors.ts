// What kafkajs's own errors mean, kept beside its adapter, which throws them typed
// (`kafkajsError`), so the generic error classification (../errors.ts) and the CLI's messages
// name no library. The platformatic adapter maps its errors where it throws them
// (platformatic.ts, `brokerError`).
import { PipelineError } from '../errors.ts';

function fieldOf(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined;
}

/**
 * The runtime's error code for an error kafkajs threw, null for any other error: an outage to
 * wait out is `broker_unavailable`; a request the broker refused for what it is (too large, not
 * authorised, invalid) would be refused again, so it is `internal`.
 */
function kafkaErrorCode(e: unknown): { code: 'broker_unavailable' | 'internal'; refused: boolean } | null {
  const name = fieldOf(e, 'name');
  if (typeof name !== 'string' || !name.startsWith('KafkaJS')) return null;
  if (name === 'KafkaJSProtocolError' && fieldOf(e, 'retriable') === false) return { code: 'internal', refused: true };
  return { code: 'broker_unavailable', refused: false };
}

/** A kafkajs error as the runtime's typed error (transient or permanent); anything else as it is. */
export function kafkajsError(e: unknown): unknown {
  const kafka = kafkaErrorCode(e);
  if (!kafka) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new PipelineError(kafka.code, kafka.refused ? `the broker refused the request: ${message}` : message, { cause: e });
}

/** Whether a Kafka client's error says the broker could not be reached (connection, DNS, retries spent). */
export function isBrokerConnectionError(e: unknown): boolean {
  // A publish's error comes typed by the adapter, with the library's own as its cause.
  if (e instanceof PipelineError && e.cause !== undefined) return isBrokerConnectionError(e.cause);
  const name = e instanceof Error ? e.name : '';
  const message = e instanceof Error ? e.message : String(e);
  return name.startsWith('KafkaJS') && /connect|ECONNREFUSED|ETIMEDOUT|ENOTFOUND|retries|broker/i.test(`${name} ${message}`);
}
