import { countUnpublishedStatements, type SweepCursor } from '@ceasefire/db';
import type { Ingestor } from '@ceasefire/ingest';
import { classifyError, startPeriodic, type Logger, type Periodic } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import type { IngesterMetrics } from './metrics.ts';

/** Options of {@link createSweeper}. */
export interface SweeperOptions {
  ingestor: Ingestor;
  db: Knex;
  metrics: IngesterMetrics;
  logger: Logger;
  intervalMs: number;
  /** Statements stored less than this long ago are left to the request that stores them. */
  graceMs: number;
  /** Statements read a page. */
  pageSize: number;
}

/**
 * Publishes statements stored and never published (the publish failed after the store, or the
 * process died in between), every `intervalMs`; without it such a statement waited for its next
 * arrival, which may never come.
 */
export function createSweeper(options: SweeperOptions) {
  const log = options.logger.child({ component: 'sweeper' });
  let loop: Periodic | null = null;
  let stopped = false;

  async function sweepOnce(): Promise<number> {
    const storedBefore = new Date(Date.now() - options.graceMs);
    let total = 0;
    // Page after page until the end (a long broker outage leaves many), each after the last row
    // of the one before, so that statements that break the contract hold no later one back.
    let after: SweepCursor | null = null;
    for (let page = 0; page < 100 && !stopped; page++) {
      const { published, unpublishable, next } = await options.ingestor.sweep(storedBefore, options.pageSize, after);
      total += published;
      options.metrics.swept.inc(published);
      if (unpublishable.length > 0) {
        options.metrics.unpublishable.inc(unpublishable.length);
        log.error({ ids: unpublishable.slice(0, 20), count: unpublishable.length }, 'stored statements break the message contract; not published');
      }
      if (next === null) break;
      after = next;
    }
    if (total > 0) log.warn({ published: total }, 'published stored statements that were never published');
    options.metrics.unpublished.set(await countUnpublishedStatements(options.db, storedBefore));
    return total;
  }

  return {
    sweepOnce,
    start() {
      loop = startPeriodic(sweepOnce, {
        intervalMs: options.intervalMs,
        delayFirst: true,
        onError: (e) => {
          const err = classifyError(e);
          log.warn({ code: err.code, error: err.message }, 'sweep failed; trying again at the next tick');
        },
      });
    },
    async stop() {
      stopped = true;
      await loop?.stop();
    },
  };
}
