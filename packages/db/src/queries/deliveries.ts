import type { Queryable } from '../connection.ts';

export type DeliveryNotification = 'opened' | 'updated' | 'repeated' | 'acknowledged' | 'resolved';
export type DeliveryStatus = 'pending' | 'succeeded' | 'failed';

/** One delivery attempt (`alert_deliveries` row). */
export interface DeliveryRecord {
  readonly id: string;
  readonly alertId: string;
  readonly channel: string;
  readonly notification: DeliveryNotification;
  readonly notificationKey: string;
  readonly idempotencyKey: string;
  readonly attempt: number;
  readonly status: DeliveryStatus;
  readonly responseCode: number | null;
  readonly error: string | null;
  readonly attemptedAt: Date | null;
  readonly nextAttemptAt: Date | null;
  readonly createdAt: Date;
  /** The notification as sent (the alerts topic message); the same bytes on every attempt. */
  readonly payload: unknown;
}

interface DeliveryRow {
  id: string;
  alert_id: string;
  channel: string;
  notification: DeliveryNotification;
  notification_key: string;
  idempotency_key: string;
  attempt: number;
  status: DeliveryStatus;
  response_code: number | null;
  error: string | null;
  attempted_at: Date | null;
  next_attempt_at: Date | null;
  created_at: Date;
  payload: unknown;
}

function toRecord(r: DeliveryRow): DeliveryRecord {
  return {
    id: r.id,
    alertId: r.alert_id,
    channel: r.channel,
    notification: r.notification,
    notificationKey: r.notification_key,
    idempotencyKey: r.idempotency_key,
    attempt: r.attempt,
    status: r.status,
    responseCode: r.response_code,
    error: r.error,
    attemptedAt: r.attempted_at,
    nextAttemptAt: r.next_attempt_at,
    createdAt: r.created_at,
    payload: r.payload,
  };
}

/** A notification to deliver to one channel: the outbox row of its first attempt. */
export interface EnqueueDeliveryInput {
  readonly alertId: string;
  readonly channel: string;
  readonly notification: DeliveryNotification;
  readonly notificationKey: string;
  readonly idempotencyKey: string;
  readonly payload: unknown;
  readonly now: Date;
}

/**
 * Puts a notification in the outbox (attempt 1, due now). Written in the transaction that
 * changed the alert, so a notification exists exactly when the change does; a second call for
 * the same notification does nothing. Returns whether it was added.
 */
export async function enqueueDelivery(db: Queryable, input: EnqueueDeliveryInput): Promise<boolean> {
  return (await enqueueDeliveries(db, [input])).length > 0;
}

/** {@link enqueueDelivery} for many notifications in one statement; returns the rows added. */
export async function enqueueDeliveries(
  db: Queryable,
  inputs: readonly EnqueueDeliveryInput[],
  /**
   * Claimed for the caller at once, as {@link claimDueDeliveries} would: the worker that wrote
   * them sends them after its commit, with no claim in between; if it dies first, they are due
   * when the lease runs out.
   */
  options: { leaseMs?: number } = {},
): Promise<DeliveryRecord[]> {
  if (inputs.length === 0) return [];
  const rows = (await db('alert_deliveries')
    .insert(
      inputs.map((input) => ({
        alert_id: input.alertId,
        channel: input.channel,
        notification: input.notification,
        notification_key: input.notificationKey,
        idempotency_key: input.idempotencyKey,
        attempt: 1,
        status: 'pending',
        next_attempt_at: options.leaseMs === undefined ? input.now : new Date(input.now.getTime() + options.leaseMs),
        ...(options.leaseMs === undefined ? {} : { attempted_at: input.now }),
        created_at: input.now,
        payload: JSON.stringify(input.payload),
      })),
    )
    .onConflict(['alert_id', 'channel', 'notification_key', 'attempt'])
    .ignore()
    .returning('*')) as DeliveryRow[];
  return rows.map(toRecord);
}

/**
 * Claims due attempts of one channel: pending, due by `now`, not held by another worker
 * (`skip locked`). A claim moves `next_attempt_at` to `now + leaseMs`: if the worker dies while
 * sending, the attempt becomes due again when the lease runs out instead of being lost.
 */
export async function claimDueDeliveries(
  db: Queryable,
  input: { channel: string; now: Date; leaseMs: number; limit: number },
): Promise<DeliveryRecord[]> {
  const result = await db.raw<{ rows: DeliveryRow[] }>(
    `update alert_deliveries d set next_attempt_at = :leaseUntil, attempted_at = :now
      where d.id in (
        select id from alert_deliveries
         where channel = :channel and status = 'pending' and next_attempt_at <= :now
         order by next_attempt_at, id
         limit :limit
         for update skip locked)
      returning d.*`,
    {
      channel: input.channel,
      now: input.now,
      leaseUntil: new Date(input.now.getTime() + input.leaseMs),
      limit: input.limit,
    },
  );
  return result.rows.map(toRecord);
}

/** The attempt reached the channel. */
export async function recordDeliverySuccess(
  db: Queryable,
  input: { id: string; at: Date; responseCode: number | null },
): Promise<void> {
  await db('alert_deliveries')
    .where({ id: input.id, status: 'pending' })
    .update({
      status: 'succeeded',
      attempted_at: input.at,
      response_code: input.responseCode,
      next_attempt_at: null,
      error: null,
    });
}

/** {@link recordDeliverySuccess} for many attempts in one statement. */
export async function recordDeliverySuccesses(
  db: Queryable,
  inputs: ReadonlyArray<{ id: string; at: Date; responseCode: number | null }>,
): Promise<void> {
  if (inputs.length === 0) return;
  await db.raw(
    `update alert_deliveries d
        set status = 'succeeded', attempted_at = v.at, response_code = v.code, next_attempt_at = null, error = null
       from unnest(?::bigint[], ?::timestamptz[], ?::int[]) as v(id, at, code)
      where d.id = v.id and d.status = 'pending'`,
    // knex's binding types know no arrays with nulls; pg sends them as Postgres arrays.
    [inputs.map((i) => i.id), inputs.map((i) => i.at), inputs.map((i) => i.responseCode) as unknown as number[]],
  );
}

/**
 * The attempt failed. With `retryAt` the next attempt is added to the outbox, due then, in the
 * same transaction; without it the notification is given up on for this channel.
 */
export async function recordDeliveryFailure(
  db: Queryable,
  input: { id: string; at: Date; responseCode: number | null; error: string; retryAt: Date | null },
): Promise<void> {
  const rows = (await db('alert_deliveries')
    .where({ id: input.id, status: 'pending' })
    .update({
      status: 'failed',
      attempted_at: input.at,
      response_code: input.responseCode,
      error: input.error.slice(0, 4000),
      next_attempt_at: null,
    })
    .returning('*')) as DeliveryRow[];
  const failed = rows[0];
  if (failed === undefined || input.retryAt === null) return;
  await db('alert_deliveries')
    .insert({
      alert_id: failed.alert_id,
      channel: failed.channel,
      notification: failed.notification,
      notification_key: failed.notification_key,
      idempotency_key: failed.idempotency_key,
      attempt: failed.attempt + 1,
      status: 'pending',
      next_attempt_at: input.retryAt,
      created_at: input.at,
      payload: JSON.stringify(failed.payload),
    })
    .onConflict(['alert_id', 'channel', 'notification_key', 'attempt'])
    .ignore();
}

/** Every attempt for an alert (or all alerts), oldest first. */
export async function listDeliveries(
  db: Queryable,
  input: { alertId?: string; channel?: string; limit?: number } = {},
): Promise<DeliveryRecord[]> {
  const q = db<DeliveryRow>('alert_deliveries')
    .select('*')
    .orderBy('id')
    .limit(Math.min(Math.max(input.limit ?? 1000, 1), 10_000));
  if (input.alertId !== undefined) q.where('alert_id', input.alertId);
  if (input.channel !== undefined) q.where('channel', input.channel);
  return ((await q) as DeliveryRow[]).map(toRecord);
}
