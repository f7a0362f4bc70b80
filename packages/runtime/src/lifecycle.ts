import type { Logger } from 'pino';

interface Releaser {
  name: string;
  release: () => Promise<void> | void;
}

/**
 * Start-up registers what it opened, in order; shutdown releases it in reverse order under a
 * deadline (stop fetching → finish the batch → flush the producer → close the pool → flush logs).
 */
export class Lifecycle {
  private readonly releasers: Releaser[] = [];
  private shuttingDown: Promise<void> | null = null;

  constructor(
    private readonly logger: Logger,
    private readonly timeoutMs: number,
  ) {}

  /** Registers a resource to release at shutdown. */
  add(name: string, release: () => Promise<void> | void): void {
    this.releasers.push({ name, release });
  }

  get stopping(): boolean {
    return this.shuttingDown !== null;
  }

  /** Releases everything in reverse order; a second call returns the same promise. */
  shutdown(reason: string): Promise<void> {
    this.shuttingDown ??= this.run(reason);
    return this.shuttingDown;
  }

  private async run(reason: string): Promise<void> {
    this.logger.info({ reason }, 'shutting down');
    const deadline = Date.now() + this.timeoutMs;
    for (const r of [...this.releasers].reverse()) {
      const left = deadline - Date.now();
      try {
        await Promise.race([
          Promise.resolve().then(r.release),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), Math.max(left, 0)).unref()),
        ]);
        this.logger.debug({ resource: r.name }, 'released');
      } catch (err) {
        this.logger.error({ err, resource: r.name }, 'release failed');
      }
    }
    this.logger.info('shut down');
  }

  /**
   * SIGTERM/SIGINT start a graceful shutdown and then exit; a second signal exits at once.
   * `exit` is injectable for tests.
   */
  installSignalHandlers(exit: (code: number) => void = (code) => process.exit(code)): void {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.stopping) {
        this.logger.warn({ signal }, 'second signal: exiting now');
        exit(130);
        return;
      }
      const timer = setTimeout(() => {
        this.logger.error('shutdown deadline passed: exiting');
        exit(1);
      }, this.timeoutMs + 1_000);
      timer.unref();
      void this.shutdown(signal).then(() => exit(0));
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  }
}
