import { AlertMessage } from '@ceasefire/contracts';
import {
  claimDueDeliveries,
  recordDeliveryFailure,
  recordDeliverySuccesses,
  type DeliveryRecord,
} from '@ceasefire/db';
import { abortableSleep, classifyError, type Logger } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { ChannelFailure, type Channel } from './channels/types.ts';

/** Retry policy of deliveries. */
export interface DeliveryPolicy {
  /** How often each channel's loop looks for due attempts. */
  readonly pollMs: number;
  /** Per attempt: a receiver slower than this counts as down. */
  readonly timeoutMs: number;
  /** Backoff before attempt n+1: initial × 2^(n−1), capped, with jitter. */
  readonly backoffInitialMs: number;
  readonly backoffMaxMs: number;
  /** Attempts before a notification is given up on for a channel (the alert itself stays). */
  readonly maxAttempts: number;
  /** Attempts claimed per poll and channel. */
  readonly batchSize: number;
}

/**
 * Delay before the next attempt after `attempt` failures: exponential, capped, with "equal
 * jitter" (half fixed, half random) so retries of many notifications do not arrive together.
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<DeliveryPolicy, 'backoffInitialMs' | 'backoffMaxMs'>,
  random: () => number = Math.random,
): number {
  const base = Math.min(
    policy.backoffMaxMs,
    policy.backoffInitialMs * 2 ** Math.min(Math.max(attempt - 1, 0), 30),
  );
  return Math.round(base / 2 + (base / 2) * random());
}

/** How long a claimed attempt stays with its worker: long enough to record its outcome before another may reclaim it. */
export function leaseMsOf(policy: Pick<DeliveryPolicy, 'timeoutMs'>): number {
  return policy.timeoutMs * 2 + 5_000;
}

/** An attempt the receiver took, to be recorded. */
interface Succeeded {
  readonly delivery: DeliveryRecord;
  readonly at: Date;
  readonly responseCode: number | null;
}

/**
 * Works the delivery outbox: one loop per channel, so a channel that is down (or slow) delays
 * only its own notifications. Each attempt is claimed with a lease, sent, and its outcome
 * recorded; a failure schedules the next attempt in the outbox, so a restart loses nothing.
 */
/** What became of one delivery attempt. */
export type DeliveryOutcome = 'succeeded' | 'retrying' | 'gave_up';

export class DeliveryWorker {
  private readonly stopController = new AbortController();
  private loops: Promise<void>[] = [];
  /** Sends of attempts handed over by the engine, awaited at stop. */
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly db: Knex,
    private readonly channels: readonly Channel[],
    private readonly policy: DeliveryPolicy,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
    private readonly random: () => number = Math.random,
    /** Told each attempt's outcome (the deliveries metric). */
    private readonly onOutcome: (channel: string, outcome: DeliveryOutcome) => void = () => {},
  ) {}

  start(): void {
    this.loops = this.channels.map((channel) => this.loop(channel));
  }

  /** Stops polling and waits for the attempts in hand to be recorded. */
  async stop(): Promise<void> {
    this.stopController.abort();
    await Promise.all(this.loops);
    await Promise.all(this.sending);
    await Promise.all(this.channels.map((c) => c.close?.()));
  }

  private async loop(channel: Channel): Promise<void> {
    const signal = this.stopController.signal;
    const log = this.logger.child({ channel: channel.name });
    while (!signal.aborted) {
      let claimed = 0;
      try {
        claimed = await this.runOnce(channel, log);
      } catch (err) {
        log.warn({ err }, 'delivery loop failed; will retry');
      }
      // A full batch suggests more are due: go again at once. Attempts this worker enqueued come
      // through `deliver`; the loop takes retries, other workers' notifications and lapsed leases.
      if (claimed < this.policy.batchSize) await abortableSleep(this.policy.pollMs, signal);
    }
  }

  /**
   * Sends attempts already claimed for this worker (the engine wrote them leased, in the
   * transaction that changed their alerts): a new alert's notification goes out at once, not
   * after a poll and a claim. After a stop they are left to their lease.
   */
  deliver(claimed: readonly DeliveryRecord[]): void {
    if (this.stopController.signal.aborted) return;
    for (const channel of this.channels) {
      const mine = claimed.filter((d) => d.channel === channel.name);
      if (mine.length === 0) continue;
      const log = this.logger.child({ channel: channel.name });
      const sending: Promise<void> = this.sendClaimed(channel, mine, log)
        .catch((err: unknown) => log.warn({ err }, 'delivery failed; the attempts are due again when their lease ends'))
        .finally(() => this.sending.delete(sending));
      this.sending.add(sending);
    }
  }

  /** Claims and sends one batch of due attempts for a channel; returns how many it claimed. */
  async runOnce(channel: Channel, log: Logger = this.logger): Promise<number> {
    const due = await claimDueDeliveries(this.db, {
      channel: channel.name,
      now: this.clock(),
      leaseMs: leaseMsOf(this.policy),
      limit: this.policy.batchSize,
    });
    await this.sendClaimed(channel, due, log);
    return due.length;
  }

  /** Sends claimed attempts of one channel and records their outcomes. */
  private async sendClaimed(channel: Channel, due: readonly DeliveryRecord[], log: Logger): Promise<void> {
    const succeeded = (await Promise.all(due.map((d) => this.attempt(channel, d, log)))).filter(
      (s): s is Succeeded => s !== null,
    );
    // The batch's successes in one statement; until then the lease keeps them from other
    // workers, and a crash before it resends them under the same idempotency key.
    await recordDeliverySuccesses(
      this.db,
      succeeded.map((s) => ({ id: s.delivery.id, at: s.at, responseCode: s.responseCode })),
    );
    for (const s of succeeded) {
      this.onOutcome(channel.name, 'succeeded');
      log.info(
        {
          alert: s.delivery.alertId,
          notification: s.delivery.notificationKey,
          attempt: s.delivery.attempt,
          responseCode: s.responseCode,
        },
        'delivered',
      );
    }
  }

  /** Sends one attempt; records a failure at once and returns a success for the caller to record. */
  private async attempt(channel: Channel, delivery: DeliveryRecord, log: Logger): Promise<Succeeded | null> {
    const ctx = {
      alert: delivery.alertId,
      notification: delivery.notificationKey,
      attempt: delivery.attempt,
    };
    try {
      const message = AlertMessage.parse(delivery.payload);
      const timeout = AbortSignal.timeout(this.policy.timeoutMs);
      const result = await channel.send(
        // Receivers drop repeats by the envelope id (`<alert>:<notification>`), the same on every
        // channel and attempt; the outbox's own key is per channel.
        { message, idempotencyKey: message.id, attempt: delivery.attempt },
        timeout,
      );
      return { delivery, at: this.clock(), responseCode: result.responseCode };
    } catch (e) {
      const error = classifyError(e);
      const responseCode = e instanceof ChannelFailure ? e.responseCode : null;
      const last = delivery.attempt >= this.policy.maxAttempts;
      const retryAt =
        error.retryable && !last
          ? new Date(this.clock().getTime() + backoffDelay(delivery.attempt, this.policy, this.random))
          : null;
      await recordDeliveryFailure(this.db, {
        id: delivery.id,
        at: this.clock(),
        responseCode,
        error: `${error.code}: ${error.message}`,
        retryAt,
      });
      this.onOutcome(channel.name, retryAt ? 'retrying' : 'gave_up');
      if (retryAt)
        log.warn(
          { ...ctx, code: error.code, error: error.message, retryAt },
          'delivery failed; retry scheduled',
        );
      else
        log.error(
          { ...ctx, code: error.code, error: error.message },
          'delivery failed; given up for this channel',
        );
      return null;
    }
  }
}
