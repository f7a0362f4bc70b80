/** A loop started by {@link startPeriodic}. */
export interface Periodic {
  /** Runs no further pass; resolves once the pass in hand, if any, has finished. */
  stop(): Promise<void>;
  /**
   * Runs the next pass now instead of at the end of the interval; when a pass is in hand, one
   * more runs as soon as it ends (several calls meanwhile make one pass). Something the next
   * pass works on has just happened, and waiting out the interval would only delay it.
   */
  runSoon(): void;
}

/**
 * Runs `work` now (or after one interval) and then again `intervalMs` after each pass ends (passes never overlap), until
 * stopped: the workers' schedulers, pollers and watchers. A pass that throws goes to `onError`
 * and the next pass tries again, so an outage delays the work without stopping the worker. The
 * timer does not keep the process alive.
 */
export function startPeriodic(
  work: () => Promise<unknown>,
  options: { intervalMs: number; onError: (err: unknown) => void; /** First pass after one interval, not at once. */ delayFirst?: boolean },
): Periodic {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  let again = false;
  const tick = () => {
    again = false;
    running = work()
      .then(() => undefined, options.onError)
      .finally(() => {
        running = null;
        if (!stopped) {
          timer = setTimeout(tick, again ? 0 : options.intervalMs);
          timer.unref();
        }
      });
  };
  if (options.delayFirst) {
    timer = setTimeout(tick, options.intervalMs);
    timer.unref();
  } else tick();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
    runSoon() {
      if (stopped) return;
      if (running !== null) {
        again = true;
        return;
      }
      clearTimeout(timer);
      tick();
    },
  };
}
