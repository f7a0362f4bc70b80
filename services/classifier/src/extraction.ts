// How the classifier runs the extraction engine on a batch: inline on its event loop, or on a pool
// of worker threads (EXTRACTION_THREADS) so that extraction runs on every core it is given while
// the event loop decodes, stores and publishes. Results come back in the statements' order.
import { availableParallelism } from 'node:os';
import type { StatementInput } from '@ceasefire/extraction';
import { Piscina } from 'piscina';
import { extractAll, type Extracted, type ExtractionTask } from './extraction-task.ts';

export type { Extracted } from './extraction-task.ts';

export interface BatchExtractor {
  /** Extracts every statement of a batch, results in the same order. */
  extract(statements: StatementInput[]): Promise<Extracted[]>;
  /** Which way: `inline` or `N threads`. */
  readonly mode: string;
  close(): Promise<void>;
}

/** Extraction on the calling thread. */
export function inlineExtractor(profileId: string | undefined): BatchExtractor {
  return { mode: 'inline', extract: async (statements) => extractAll({ statements, profileId }), close: async () => {} };
}

/** Smallest chunk worth a message to a thread: below it, posting costs more than it spreads. */
const MIN_CHUNK = 25;

/**
 * Extraction on `threads` worker threads (`workerUrl`: the worker module, source or bundle). A
 * batch is cut into at most `threads` chunks of consecutive statements, so one large batch uses
 * every thread and two concurrent batches share them; the chunks' results are joined in order.
 */
export function threadExtractor(profileId: string | undefined, threads: number, workerUrl: URL): BatchExtractor {
  const pool = new Piscina<ExtractionTask, Extracted[]>({ filename: workerUrl.href, minThreads: threads, maxThreads: threads, idleTimeout: Number.POSITIVE_INFINITY });
  return {
    mode: `${threads} threads`,
    async extract(statements) {
      const size = Math.max(MIN_CHUNK, Math.ceil(statements.length / threads));
      const chunks: StatementInput[][] = [];
      for (let i = 0; i < statements.length; i += size) chunks.push(statements.slice(i, i + size));
      return (await Promise.all(chunks.map((chunk) => pool.run({ statements: chunk, profileId })))).flat();
    },
    close: () => pool.destroy(),
  };
}

/**
 * EXTRACTION_THREADS: 0 is inline. Unset: inline on two cores or fewer, else one thread per core
 * but one. On two cores shared with the rest of the pipeline the pool's copies and each thread's
 * own warm-up cost more CPU than the second core gives back (bench/README.md, eleventh pass: at
 * 200/s new-group alert p99 8.9 s inline against 21.1 s with two threads).
 */
export function extractionThreads(configured: number | undefined, cores = availableParallelism()): number {
  return configured ?? (cores <= 2 ? 0 : cores - 1);
}
