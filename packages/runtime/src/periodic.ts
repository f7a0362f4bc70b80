/** A loop started by {@link startPeriodic}. */
export interface Periodic {
  /** Runs no further pass; resolves once the pass in hand, if any, has finished. */
  stop(): Promise<void>;
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
  const tick = () => {
    running = work()
      .then(() => undefined, options.onError)
      .finally(() => {
        running = null;
        if (!stopped) {
          timer = setTimeout(tick, options.intervalMs);
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
  };
}
