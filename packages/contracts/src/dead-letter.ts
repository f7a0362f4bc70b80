/**
 * A message a stage gave up on: what the consumer loop records and the `dead_letters` table
 * keeps (the stored row adds its id). One shape for both, so the runtime and the event store
 * cannot drift apart.
 */
export interface DeadLetter {
  /** The stage that gave up: ingester, classifier, alerting. */
  readonly stage: string;
  readonly topic: string;
  readonly partition: number;
  /** Kafka offset (int64) as a string. */
  readonly offset: string;
  /** The key as text (NUL and invalid UTF-8 replaced by U+FFFD), for reading. */
  readonly key: string | null;
  /** The key's original bytes (null for letters stored before they were kept). */
  readonly keyBytes: Buffer | null;
  /** The original bytes, or null when the message had no value. */
  readonly payload: Buffer | null;
  /** Header names and values as text (NUL replaced by U+FFFD: Postgres text holds no NUL). */
  readonly headers: Record<string, string>;
  /** Each header value's original bytes, when the client gave them (null for letters stored before they were kept). */
  readonly headerBytes: Record<string, Buffer> | null;
  /** A code from the runtime's closed error list. */
  readonly errorCode: string;
  readonly errorMessage: string;
  readonly failedAt: Date;
}
