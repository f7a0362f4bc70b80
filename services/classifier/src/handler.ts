import { serializeMessage, violationEventsTopic, type Statement, type ViolationEventMessage } from '@ceasefire/contracts';
import { eventMessage, toRecords } from './records.ts';
import { storeExtractions, type EventRecord } from '@ceasefire/db';
import type { BatchExtractor } from './extraction.ts';
import type { Decoded, HandlerContext, Producer } from '@ceasefire/runtime';
import { PipelineError, publish } from '@ceasefire/runtime';
import type { StatementMessage } from '@ceasefire/contracts';
import type { Knex } from 'knex';

/** What the classifier needs to know of a conflict profile. */
export interface ProfileFacts {
  /** The sorted dyad of the conflict's sides (`KG-TJ`). */
  dyad: string | null;
  thirdParties: string[];
}

export interface ClassifierDeps {
  db: Knex;
  producer: Pick<Producer, 'publish'>;
  topicPrefix: string;
  /** Runs the engine on a batch's statements, inline or on worker threads; results in order. */
  extractor: Pick<BatchExtractor, 'extract'>;
  profileFacts(profileId: string): ProfileFacts;
  now: () => Date;
  source: string;
}

/**
 * An event message's bytes, not validated against the contract again: validation is at the edges,
 * once each (the statement when it was consumed; every consumer of the events topic when it reads
 * them), and a check of each outgoing event cost the classifier about 0.02 ms of CPU a statement
 * (a third of encoding its events).
 * `messages.test.ts` holds every message built from the corpus and the samples to the contract.
 */
export function encodeEventMessage(message: ViolationEventMessage): Buffer {
  return serializeMessage(message);
}

/**
 * The classifier's batch handler: extract every statement (pure, in memory), store all the
 * results in one transaction, publish the stored events keyed by area, and return, after which
 * the runtime commits the offsets. A crash anywhere before the commit redelivers the batch;
 * the store is idempotent and the messages keep their ids, so nothing is doubled downstream.
 */
export function createClassifierHandler(deps: ClassifierDeps) {

  return async function handle(items: Decoded<StatementMessage>[], ctx: HandlerContext): Promise<void> {
    // One statement once per batch, even if it was published twice.
    const statements = [...new Map(items.map((i) => [i.value.data.id, i.value.data])).values()];
    const started = performance.now();
    const outcomes = await deps.extractor.extract(
      statements.map((s) => ({ id: s.id, text: s.text, published_at: s.published_at, language: s.language, source_agency: s.source_agency, url: s.url })),
    );
    const extracted = statements.map((statement, i) => {
      const outcome = outcomes[i]!;
      // The engine is pure and total by design; a throw is a defect for this input (the loop
      // then handles the batch one by one and dead-letters this statement alone).
      if (!outcome.ok) throw new PipelineError('unprocessable', `extraction failed for ${statement.id}: ${outcome.message}`);
      return { statement, result: outcome.result };
    });

    const toPublish: Array<{ record: EventRecord; statement: Statement; incidentId: string | null }> = [];
    const prepared = extracted.map(({ statement, result }) => {
      const records = toRecords(statement, result);
      const facts = deps.profileFacts(result.profile);
      return {
        statement,
        records,
        input: {
          statementId: statement.id,
          extractorVersion: result.extractor_version,
          events: records.events,
          casualtyReports: records.casualtyReports,
          dyad: facts.dyad,
          thirdParties: facts.thirdParties,
        },
      };
    });
    const extractedAt = performance.now();
    // One transaction per batch: the batch's events are stored together or not at all.
    const results = await deps.db.transaction((trx) => storeExtractions(trx, prepared.map((p) => p.input))).catch((e: unknown) => {
      // A foreign key to statements: a valid statement message whose statement was never stored
      // (published by hand, or its row deleted). Retrying will not store it: the message is
      // dead-lettered (the batch is narrowed to it) with a short reason, not the SQL.
      if ((e as { code?: unknown }).code === '23503') {
        const which = statements.length === 1 ? `statement ${statements[0]!.id} is` : `a statement of the batch (${statements.length}) is`;
        throw new PipelineError('unprocessable', `${which} not in the store: it was published without being stored`, { cause: e });
      }
      throw e;
    });
    let stale = 0;
    prepared.forEach(({ statement, records }, i) => {
      const stored = results[i]!;
      if (stored.outcome === 'stale') {
        stale++;
        return;
      }
      for (const record of records.events) toPublish.push({ record, statement, incidentId: stored.incidentOf.get(record.id) ?? null });
    });

    const storedAt = performance.now();
    const time = deps.now();
    const messages = toPublish.map(({ record, statement, incidentId }) => ({
      key: record.area,
      message: eventMessage(record, statement, incidentId, deps.source, time),
    }));
    await publish(deps.producer, violationEventsTopic, deps.topicPrefix, messages, encodeEventMessage);
    const ms = (a: number, b: number) => Math.round(b - a);
    ctx.logger.debug(
      { statements: statements.length, events: messages.length, stale, extractMs: ms(started, extractedAt), storeMs: ms(extractedAt, storedAt), publishMs: ms(storedAt, performance.now()) },
      'batch classified',
    );
  };
}
