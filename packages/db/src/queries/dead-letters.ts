import type { DeadLetter } from '@ceasefire/contracts';
import type { Queryable } from '../connection.ts';

/** A message a stage gave up on, as stored in `dead_letters`: the contracts' shape and its row id. */
export interface StoredDeadLetter extends DeadLetter {
  /** bigint, as a string (pg returns int8 as text to keep full precision). */
  readonly id: string;
}

/** Input of {@link insertDeadLetter}. */
export interface InsertDeadLetterInput {
  readonly stage: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string | number | bigint;
  readonly key: string | null;
  readonly keyBytes?: Buffer | null;
  readonly payload: Buffer | string | null;
  readonly headers?: Record<string, string>;
  readonly headerBytes?: Record<string, Buffer> | null;
  readonly errorCode: string;
  readonly errorMessage: string;
  /** Defaults to the database's clock. */
  readonly failedAt?: Date;
}

interface DeadLetterRow {
  id: string;
  stage: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  key_bytes: Buffer | null;
  payload: Buffer | null;
  headers: Record<string, string>;
  header_bytes: Record<string, string> | null;
  error_code: string;
  error_message: string;
  failed_at: Date;
}

function toDeadLetter(row: DeadLetterRow): StoredDeadLetter {
  return {
    id: row.id,
    stage: row.stage,
    topic: row.topic,
    partition: row.partition,
    offset: row.offset,
    key: row.key,
    keyBytes: row.key_bytes,
    payload: row.payload,
    headers: row.headers,
    headerBytes:
      row.header_bytes === null
        ? null
        : Object.fromEntries(Object.entries(row.header_bytes).map(([k, v]) => [k, Buffer.from(v, 'base64')])),
    errorCode: row.error_code,
    errorMessage: row.error_message,
    failedAt: row.failed_at,
  };
}

/**
 * Records a dead letter once per origin (topic, partition, offset): a poison message
 * redelivered after a crash keeps its first row, error and time. Returns that row's id and
 * whether this call created it.
 */
export async function insertDeadLetter(
  db: Queryable,
  input: InsertDeadLetterInput,
): Promise<{ id: string; inserted: boolean }> {
  const payload = typeof input.payload === 'string' ? Buffer.from(input.payload, 'utf8') : input.payload;
  const inserted = await db('dead_letters')
    .insert({
      stage: input.stage,
      topic: input.topic,
      partition: input.partition,
      offset: String(input.offset),
      key: input.key,
      key_bytes: input.keyBytes ?? null,
      payload,
      headers: JSON.stringify(input.headers ?? {}),
      header_bytes: input.headerBytes
        ? JSON.stringify(
            Object.fromEntries(
              Object.entries(input.headerBytes).map(([k, v]) => [
                k.replace(/\u0000/g, '\uFFFD'),
                v.toString('base64'),
              ]),
            ),
          )
        : null,
      error_code: input.errorCode,
      error_message: input.errorMessage,
      ...(input.failedAt === undefined ? {} : { failed_at: input.failedAt }),
    })
    .onConflict(['topic', 'partition', 'offset'])
    .ignore()
    .returning<{ id: string }[]>('id');
  const first = inserted[0];
  if (first !== undefined) return { id: first.id, inserted: true };
  const existing = await db<DeadLetterRow>('dead_letters')
    .where({ topic: input.topic, partition: input.partition, offset: String(input.offset) })
    .first('id');
  if (existing === undefined) {
    // Only possible if the conflicting row was deleted between the two statements.
    throw new Error(
      `dead letter ${input.topic}/${input.partition}/${String(input.offset)} vanished during insert`,
    );
  }
  return { id: existing.id, inserted: false };
}

/** Filters of {@link listDeadLetters}; all optional. */
export interface ListDeadLettersInput {
  readonly stage?: string;
  readonly topic?: string;
  /** Only letters that failed at or after this time. */
  readonly since?: Date;
  /** Keyset pagination: only ids lower than this one (pass the last id of the previous page). */
  readonly beforeId?: string;
  /** Page size, 1–1000, default 100. */
  readonly limit?: number;
}

/** Dead letters, newest first, for operators and the CLI. */
export async function listDeadLetters(
  db: Queryable,
  input: ListDeadLettersInput = {},
): Promise<StoredDeadLetter[]> {
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 100), 1), 1000);
  const query = db<DeadLetterRow>('dead_letters').select('*').orderBy('id', 'desc').limit(limit);
  if (input.stage !== undefined) query.where('stage', input.stage);
  if (input.topic !== undefined) query.where('topic', input.topic);
  if (input.since !== undefined) query.where('failed_at', '>=', input.since);
  if (input.beforeId !== undefined) query.where('id', '<', input.beforeId);
  const rows = (await query) as DeadLetterRow[];
  return rows.map(toDeadLetter);
}
