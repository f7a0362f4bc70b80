import { ContractError } from '@ceasefire/contracts';

/**
 * The closed list of error codes. Each decides what the consumer loop does:
 * a retryable code pauses and retries (the data is good, the world is not); the others send the
 * message to the stage's DLQ (the data is bad, retrying will not help).
 */
export const ERROR_CODES = {
  /** The message breaks its topic's contract (not JSON, wrong fields). */
  contract_violation: { retryable: false },
  /** Valid by contract, but the handler cannot process it (e.g. a reference to nothing). */
  unprocessable: { retryable: false },
  /** Postgres unreachable, restarting, or a serialization conflict. */
  database_unavailable: { retryable: true },
  /** The Kafka cluster cannot take or give messages right now. */
  broker_unavailable: { retryable: true },
  /** An alert channel (webhook, SMTP) failed or timed out. */
  channel_unavailable: { retryable: true },
  /** Work did not finish in time. */
  timeout: { retryable: true },
  /** Anything else: a defect. Retried a few times, then dead-lettered so the stage does not stall. */
  internal: { retryable: false },
} as const satisfies Record<string, { retryable: boolean }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** An error whose code tells callers what to do. */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';
  readonly retryable: boolean;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.retryable = ERROR_CODES[code].retryable;
  }
}

// SQLSTATE classes that mean "try again later": connection exceptions, insufficient resources,
// operator intervention (shutdown), serialization failure and deadlock.
const TRANSIENT_SQLSTATE = /^(08|53|57P0|40001|40P01|55P03)/;
const TRANSIENT_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
]);

function fieldOf(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** Coerces anything thrown into a PipelineError, deciding transient vs permanent. */
export function classifyError(e: unknown): PipelineError {
  if (e instanceof PipelineError) return e;
  if (e instanceof ContractError) return new PipelineError('contract_violation', e.message, { cause: e });
  const code = fieldOf(e, 'code');
  const raw = e instanceof Error ? e.message : String(e);
  // knex puts the whole statement before a database error's own message (`insert into … -
  // violates …`): a dead letter's reason and a log line keep the database's words only.
  const message = typeof code === 'string' && SQLSTATE.test(code) && raw.includes(' - ') ? `${raw.slice(raw.lastIndexOf(' - ') + 3)} (SQLSTATE ${code})` : raw;
  if (typeof code === 'string' && TRANSIENT_SQLSTATE.test(code)) {
    return new PipelineError('database_unavailable', message, { cause: e });
  }
  if (typeof code === 'string' && TRANSIENT_NODE_CODES.has(code)) {
    return new PipelineError('database_unavailable', message, { cause: e });
  }
  // A Kafka client's errors arrive already typed: each adapter maps its own library's
  // (kafka/errors.ts `kafkajsError`, platformatic.ts `brokerError`).
  // pg and knex report a lost or exhausted pool with these messages and no code.
  if (/Connection terminated|connection timeout|Timeout acquiring a connection|Client has encountered a connection error/i.test(message)) {
    return new PipelineError('database_unavailable', message, { cause: e });
  }
  return new PipelineError('internal', message, { cause: e });
}
