import { ConfigError, createLogger, loadConfig, type BaseConfig, type Logger } from '@ceasefire/runtime';
import type { z } from 'zod';
import { startService, type ServiceContext } from './service.ts';

/** The exit code of a configuration a worker cannot start with (sysexits' EX_CONFIG). */
export const EX_CONFIG = 78;

/** What a worker's `wire` is handed: its parsed configuration, its logger and what every worker opens. */
export interface ServiceRun<C extends BaseConfig> {
  config: C;
  logger: Logger;
  ctx: ServiceContext;
  /** When the worker began to start, before its connections were opened. */
  startedAt: Date;
}

/**
 * A worker's main: parses the environment with `configSchema` (a bad variable names itself on
 * stderr and the process exits 78), creates the logger, opens what every worker needs
 * (`startService`: pool, Kafka, health, signal handlers for shutdown), then lets `wire` build the
 * rest and calls `started()` once it returns. Anything that fails on the way is printed and exits 1,
 * so a supervisor restarts the worker; a crash later shuts the lifecycle down itself.
 */
export function runService<S extends z.ZodType<BaseConfig>>(
  name: string,
  configSchema: S,
  wire: (run: ServiceRun<z.output<S>>) => Promise<void>,
  env: Record<string, string | undefined> = process.env,
): Promise<void> {
  let config: z.output<S>;
  try {
    config = loadConfig(configSchema, env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${name}: ${e.message}\n`);
      process.exit(EX_CONFIG);
    }
    throw e;
  }
  const start = async () => {
    const logger = createLogger({ service: name, level: config.LOG_LEVEL, pretty: config.LOG_PRETTY });
    const startedAt = new Date();
    const ctx = await startService({ service: name, config, logger });
    await wire({ config, logger, ctx, startedAt });
    ctx.started();
  };
  return start().catch((err: unknown) => {
    process.stderr.write(`${name}: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
