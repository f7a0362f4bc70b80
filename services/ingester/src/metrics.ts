import type { Ingestor, IngestOutcome } from '@ceasefire/ingest';
import type { Statement } from '@ceasefire/contracts';
import { Counter, Gauge, type Registry } from 'prom-client';

/** The ingester's own metrics (`ceasefire_ingest_*`), beside the runtime's process and consumer ones. */
export function ingesterMetrics(registry: Registry | undefined) {
  const registers = registry ? [registry] : [];
  return {
    statements: new Counter({
      name: 'ceasefire_ingest_statements_total',
      help: 'Statements submitted, by origin (http, feed, folder) and outcome (accepted, duplicate, rejected)',
      labelNames: ['origin', 'outcome'],
      registers,
    }),
    responses: new Counter({
      name: 'ceasefire_ingest_http_responses_total',
      help: 'Ingest API answers by status and error (the reason of a refusal: invalid_statement, bad_request, payload_too_large, unauthorized, rate_limited for 429, unavailable for 503…)',
      labelNames: ['status', 'error'],
      registers,
    }),
    feedErrors: new Counter({
      name: 'ceasefire_ingest_feed_errors_total',
      help: 'Feed polls that failed (fetch, HTTP status, XML, store), by feed',
      labelNames: ['feed'],
      registers,
    }),
    unpublished: new Gauge({
      name: 'ceasefire_ingest_unpublished_statements',
      help: 'Statements stored longer than the sweep grace and never recorded as published (after the last sweep)',
      registers,
    }),
    swept: new Counter({
      name: 'ceasefire_ingest_swept_total',
      help: 'Stored statements the sweeper published (their first publish failed or never ran)',
      registers,
    }),
    unpublishable: new Counter({
      name: 'ceasefire_ingest_unpublishable_total',
      help: 'Stored statements the sweeper found that break the message contract as stored (left for an operator)',
      registers,
    }),
  };
}
export type IngesterMetrics = ReturnType<typeof ingesterMetrics>;

/** The ingestor, counting each submission's outcome by origin. */
export function meteredIngestor(ingestor: Ingestor, metrics: IngesterMetrics): Ingestor {
  const count = (origin: Statement['origin'], outcomes: readonly IngestOutcome[]) => {
    for (const o of outcomes) metrics.statements.inc({ origin: origin.kind, outcome: !o.ok ? 'rejected' : o.duplicate ? 'duplicate' : 'accepted' });
  };
  return {
    ...ingestor,
    ingestMany: async (raws, origin) => {
      const outcomes = await ingestor.ingestMany(raws, origin);
      count(origin, outcomes);
      return outcomes;
    },
    ingest: async (raw, origin) => {
      const outcome = await ingestor.ingest(raw, origin);
      count(origin, [outcome]);
      return outcome;
    },
  };
}
