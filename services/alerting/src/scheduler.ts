import type { Logger } from '@ceasefire/runtime';

/**
 * Runs `work` every `intervalMs` until stopped: the alerting scheduler (agreement evaluation,
 * resolution of quiet alerts, due notifications). A failed pass is logged and the next one
 * tries again: a database outage delays alerts, it does not stop the worker.
 */
export class Ticker {
  private readonly controller = new AbortController();
  private running: Promise<void> | null = null;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.running ??= this.loop();
  }

  private async loop(): Promise<void> {
    const signal = this.controller.signal;
    while (!signal.aborted) {
      try {
        await this.work();
      } catch (err) {
        this.logger.warn({ err }, 'scheduler pass failed; will retry');
      }
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, this.intervalMs);
        signal.addEventListener('abort', done, { once: true });
      });
    }
  }

  /** Stops after the pass in hand. */
  async stop(): Promise<void> {
    this.controller.abort();
    await this.running;
  }
}
