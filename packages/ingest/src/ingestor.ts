import { encodeMessage, statementsTopic, type Statement, type StatementMessage } from '@ceasefire/contracts';
import { insertStatement, markStatementsEnqueued, statementsNotEnqueued, type Queryable } from '@ceasefire/db';
import type { Knex } from 'knex';
import { InvalidStatement, normalizeStatement, type NormalizeContext } from './normalize.ts';
import { StatementSubmission, submissionProblems } from './submission.ts';

/** Where a statement's issuer stands: the side it speaks for and its zone. */
export interface AgencyDirectory {
  lookup(agency: string): { side: string | null; zone: string; offset: string } | null;
}

/** Publishes statements to the statements topic (the runtime's producer behind it). */
export interface StatementPublisher {
  publish(topic: string, messages: Array<{ key: string; value: Buffer }>): Promise<void>;
}

export interface IngestorDeps {
  db: Knex;
  producer: StatementPublisher;
  topicPrefix: string;
  agencies: AgencyDirectory;
  now: () => Date;
  /** Name in the envelope's `source`, e.g. `ceasefire/ingester`. */
  source: string;
}

/** The outcome for one submission, in submission order. */
export type IngestOutcome =
  | { ok: true; id: string; duplicate: boolean }
  | { ok: false; problems: string[] };

export function statementEnvelope(statement: Statement, source: string, time: Date, id = statement.id): StatementMessage {
  return {
    specversion: '1.0',
    id,
    type: 'ceasefire.statement',
    source,
    time: time.toISOString(),
    dataschema: 'ceasefire.statement/1',
    datacontenttype: 'application/json',
    subject: statement.id,
    data: statement,
  };
}

/**
 * The one path every source takes: validate, normalise, store once (content-derived id), then
 * publish what is new, and only then answer. A statement stored but never published (a crash in
 * between) is published by its next arrival.
 */
export function createIngestor(deps: IngestorDeps) {
  const topic = deps.topicPrefix + statementsTopic.name;

  function prepare(raw: unknown, origin: Statement['origin'], receivedAt: Date): Statement | string[] {
    const parsed = StatementSubmission.safeParse(raw);
    if (!parsed.success) return submissionProblems(parsed.error);
    const ctx: NormalizeContext = {
      receivedAt,
      origin,
      zoneOfAgency: (a) => deps.agencies.lookup(a),
    };
    try {
      return normalizeStatement(parsed.data, ctx);
    } catch (e) {
      if (e instanceof InvalidStatement) return e.problems;
      throw e;
    }
  }

  /** Ingests many submissions at once: one transaction, one publish. Invalid ones are reported, not thrown. */
  async function ingestMany(raws: unknown[], origin: Statement['origin']): Promise<IngestOutcome[]> {
    const receivedAt = deps.now();
    const prepared = raws.map((r) => prepare(r, origin, receivedAt));
    const statements = prepared.filter((p): p is Statement => !Array.isArray(p));
    const inserted = new Set<string>();
    await deps.db.transaction(async (trx: Queryable) => {
      for (const s of statements) {
        const side = s.source_agency ? (deps.agencies.lookup(s.source_agency)?.side ?? null) : null;
        const r = await insertStatement(trx, { statement: s, sourceSide: side });
        if (r.inserted) inserted.add(s.id);
      }
    });
    // New ones, and old ones a crash left unpublished.
    const pending = await statementsNotEnqueued(deps.db, [...new Set(statements.map((s) => s.id))]);
    const toPublish = [...new Map(statements.filter((s) => pending.has(s.id)).map((s) => [s.id, s])).values()];
    if (toPublish.length > 0) {
      await deps.producer.publish(
        topic,
        toPublish.map((s) => ({ key: s.id, value: encodeMessage(statementsTopic, statementEnvelope(s, deps.source, receivedAt)) })),
      );
      await markStatementsEnqueued(deps.db, toPublish.map((s) => s.id));
    }
    return prepared.map((p) =>
      Array.isArray(p) ? { ok: false, problems: p } : { ok: true, id: p.id, duplicate: !inserted.has(p.id) },
    );
  }

  return {
    ingestMany,
    async ingest(raw: unknown, origin: Statement['origin']): Promise<IngestOutcome> {
      const [outcome] = await ingestMany([raw], origin);
      return outcome!;
    },
  };
}

export type Ingestor = ReturnType<typeof createIngestor>;
