import { envelope, serializeMessage, Statement, type StatementMessage, statementsTopic } from '@ceasefire/contracts';
import { insertStatements, markStatementsEnqueued, unpublishedStatements, type SweepCursor } from '@ceasefire/db';
import { coalescer, publish, type Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import {
  InvalidStatement,
  isoInZone,
  normalizePublishedAt,
  normalizeStatement,
  normalizeText,
  type NormalizeContext,
} from './normalize.ts';
import { StatementSubmission, submissionProblems } from './submission.ts';

/** Where a statement's issuer stands: the side it speaks for and its zone. */
export interface AgencyDirectory {
  lookup(agency: string): { side: string | null; zone: string; offset: string } | null;
}

/** Publishes statements to the statements topic (the runtime's producer behind it). */
export type StatementPublisher = Pick<Producer, 'publish'>;

export interface IngestorDeps {
  db: Knex;
  producer: StatementPublisher;
  topicPrefix: string;
  agencies: AgencyDirectory;
  now: () => Date;
  /** Name in the envelope's `source`, e.g. `ceasefire/ingester`. */
  source: string;
  /** Group commit of single submissions: groups stored at once, and the largest group. */
  groupCommit?: { maxInFlight?: number; maxGroup?: number };
  /** Told when recording statements as published failed (they are published again if they come again). */
  onMarkFailed?: (error: unknown) => void;
  /** How long a publish's record waits for the next group's insert before it goes alone (default 50 ms). */
  markIdleMs?: number;
  /** Told of each group stored and published: its size and where its time went (a debug log line). */
  onGroup?: (group: IngestGroupTiming) => void;
}

/** Where one group's time went (ms, wall clock): validation, the insert's round trip, the publish. */
export interface IngestGroupTiming {
  submissions: number;
  published: number;
  prepareMs: number;
  insertMs: number;
  publishMs: number;
}

/** A grouped submission's own failure, carried as its result so the others in its group still succeed. */
class SubmissionFailed {
  constructor(readonly reason: unknown) {}
}

/** The outcome for one submission, in submission order. */
export type IngestOutcome = { ok: true; id: string; duplicate: boolean } | { ok: false; problems: string[] };

export function statementEnvelope(
  statement: Statement,
  source: string,
  time: Date,
  id = statement.id,
): StatementMessage {
  return envelope(statementsTopic, statement, { id, source, time, subject: statement.id });
}

/**
 * The one path every source takes: validate, normalise, store once (content-derived id), then
 * publish what is new, and only then answer. A statement stored but never published (a crash in
 * between) is published by its next arrival.
 */
export function createIngestor(deps: IngestorDeps) {
  function prepare(raw: unknown, origin: Statement['origin'], receivedAt: Date): Statement | string[] {
    const parsed = StatementSubmission.safeParse(raw);
    if (!parsed.success)
      return [...submissionProblems(parsed.error), ...normalizationProblems(raw, parsed.error, receivedAt)];
    const ctx: NormalizeContext = {
      receivedAt,
      origin,
      zoneOfAgency: (a) => deps.agencies.lookup(a),
    };
    let statement: Statement;
    try {
      statement = normalizeStatement(parsed.data, ctx);
    } catch (e) {
      if (e instanceof InvalidStatement) return e.problems;
      throw e;
    }
    // The contract the classifier reads, checked before storing: a statement stored is one that
    // can be published (a stored one the contract refused stayed unpublished, and failed its batch).
    const contract = Statement.safeParse(statement);
    if (!contract.success)
      return contract.error.issues.map((i) => `${i.path.join('.') || '(statement)'}: ${i.message}`);
    // What the contract gave back (unknown keys left out): published as it is (`serializeMessage`),
    // not checked again; that second check cost the ingester about 0.03 ms of CPU a statement.
    return contract.data;
  }

  /** The problems normalisation would find in the fields the schema did take: a 400 names every bad field. */
  function normalizationProblems(
    raw: unknown,
    error: { issues: ReadonlyArray<{ path: PropertyKey[] }> },
    receivedAt: Date,
  ): string[] {
    if (typeof raw !== 'object' || raw === null) return [];
    const refused = new Set(error.issues.map((i) => String(i.path[0])));
    const r = raw as Record<string, unknown>;
    const problems: string[] = [];
    if (!refused.has('text') && typeof r.text === 'string' && normalizeText(r.text).length === 0) {
      problems.push('text: empty after removing white space and control characters');
    }
    if (!refused.has('published_at') && typeof r.published_at === 'string' && r.published_at.trim()) {
      const published = normalizePublishedAt(r.published_at.trim(), receivedAt, null);
      if ('problem' in published) problems.push(published.problem);
    }
    return problems;
  }

  // Recording that statements were published is bookkeeping for a crash between the store and
  // the publish (a statement not marked is published again when it comes again, which consumers
  // take as a copy). It runs after the answer, inside the next group's insert: at a steady rate
  // it costs no round trip and no commit of its own. Marks that no insert takes within
  // `markIdleMs` go alone. Until its mark is stored, this process remembers what it published,
  // so a copy that comes meanwhile is not published again.
  const markIdleMs = deps.markIdleMs ?? 50;
  const publishedUnmarked = new Set<string>();
  /** Being published by a group now: a concurrent group with the same statement waits for it instead of publishing a copy. */
  const publishing = new Map<string, Promise<void>>();
  /** Published, not yet handed to an insert or an update. */
  const toMark = new Set<string>();
  const marking = new Set<Promise<void>>();
  let markTimer: NodeJS.Timeout | null = null;
  let lastInsertAt = 0;

  function markPublished(ids: readonly string[]): void {
    for (const id of ids) {
      publishedUnmarked.add(id);
      toMark.add(id);
    }
    markTimer ??= setTimeout(() => flushMarks(false), markIdleMs);
  }

  /** The marks waiting, taken for a group's insert (not those among its statements). */
  function takeMarks(except: ReadonlySet<string>): string[] {
    const taken = [...toMark].filter((id) => !except.has(id));
    for (const id of taken) toMark.delete(id);
    return taken;
  }

  // An insert reads `enqueued_at` from its snapshot: one that started before a mark committed may
  // still see the statement as pending after this process forgot it published it. Each mark
  // that commits starts an epoch; an id stays remembered until no insert older than its mark is
  // in flight (else 40 copies posted at once were published up to three times).
  let epoch = 0;
  const insertsInFlight = new Map<symbol, number>();
  const markedInEpoch = new Map<string, number>();

  function marked(ids: readonly string[]): void {
    epoch++;
    for (const id of ids) {
      publishedUnmarked.delete(id);
      markedInEpoch.set(id, epoch);
    }
    forgetMarks();
  }

  function forgetMarks(): void {
    const oldest = Math.min(Infinity, ...insertsInFlight.values());
    for (const [id, e] of markedInEpoch) if (e <= oldest) markedInEpoch.delete(id);
  }

  /** Whether this process published `id` as far as an insert started in epoch `since` can tell. */
  function publishedBefore(id: string, since: number): boolean {
    return publishedUnmarked.has(id) || publishing.has(id) || (markedInEpoch.get(id) ?? -1) > since;
  }

  /** The marks no insert took: at once when `now`, else only after `markIdleMs` without inserts. */
  function flushMarks(now: boolean): void {
    markTimer = null;
    if (!now && performance.now() - lastInsertAt < markIdleMs) {
      if (toMark.size > 0) markTimer = setTimeout(() => flushMarks(false), markIdleMs);
      return;
    }
    const ids = takeMarks(new Set());
    if (ids.length === 0) return;
    const done: Promise<void> = markStatementsEnqueued(deps.db, ids)
      .catch((e: unknown) => deps.onMarkFailed?.(e))
      .finally(() => {
        marked(ids);
        marking.delete(done);
      });
    marking.add(done);
  }

  /** Stores and publishes submissions together: one transaction, one publish. Invalid ones are reported, not thrown. */
  async function ingestItems(
    items: ReadonlyArray<{ raw: unknown; origin: Statement['origin'] }>,
  ): Promise<IngestOutcome[]> {
    const receivedAt = deps.now();
    const started = performance.now();
    const prepared = items.map((r) => prepare(r.raw, r.origin, receivedAt));
    const preparedAt = performance.now();
    // The first submission that stored a statement is not a duplicate; later copies are.
    const storedBy = new Map<string, number>();
    const statements = prepared.filter((p): p is Statement => !Array.isArray(p));
    // One multi-row insert that also says which are still to publish, and records earlier
    // groups' publishes: a single round trip and one commit for the whole group.
    const marks = takeMarks(new Set(statements.map((s) => s.id)));
    lastInsertAt = performance.now();
    const insert = Symbol('insert');
    const startedIn = epoch;
    insertsInFlight.set(insert, startedIn);
    let results;
    try {
      results = await insertStatements(
        deps.db,
        statements.map((s) => ({
          statement: s,
          sourceSide: s.source_agency ? (deps.agencies.lookup(s.source_agency)?.side ?? null) : null,
        })),
        marks,
      );
    } catch (e) {
      // Another group, or the idle flush, records them.
      if (marks.length > 0) markPublished(marks);
      insertsInFlight.delete(insert);
      throw e;
    }
    marked(marks);
    const insertedAt = performance.now();
    prepared.forEach((p, i) => {
      if (!Array.isArray(p) && results.get(p.id)?.inserted && !storedBy.has(p.id)) storedBy.set(p.id, i);
    });
    // New ones, and old ones a crash left unpublished; once each, however many copies of it
    // this group or a concurrent one holds (each concurrent group saw it pending in the store).
    const pending = [
      ...new Map(statements.filter((s) => results.get(s.id)?.pending).map((s) => [s.id, s])).values(),
    ];
    const theirs = [
      ...new Set(pending.filter((s) => publishing.has(s.id)).map((s) => publishing.get(s.id)!)),
    ];
    const toPublish = pending.filter((s) => !publishedBefore(s.id, startedIn));
    // Only now: the marks committed while this insert ran were kept for this check.
    insertsInFlight.delete(insert);
    forgetMarks();
    if (toPublish.length > 0) {
      const done = publish(
        deps.producer,
        statementsTopic,
        deps.topicPrefix,
        toPublish.map((s) => ({ key: s.id, message: statementEnvelope(s, deps.source, receivedAt) })),
        serializeMessage,
      ).then(() => markPublished(toPublish.map((s) => s.id)));
      for (const s of toPublish) publishing.set(s.id, done);
      try {
        await done;
      } finally {
        for (const s of toPublish) if (publishing.get(s.id) === done) publishing.delete(s.id);
      }
    }
    // Published by another group: this answer waits for that publish as for its own.
    await Promise.all(theirs);
    const ms = (a: number, b: number) => Math.round(b - a);
    deps.onGroup?.({
      submissions: items.length,
      published: toPublish.length,
      prepareMs: ms(started, preparedAt),
      insertMs: ms(preparedAt, insertedAt),
      publishMs: ms(insertedAt, performance.now()),
    });
    return prepared.map((p, i) =>
      Array.isArray(p)
        ? { ok: false, problems: p }
        : { ok: true, id: p.id, duplicate: storedBy.get(p.id) !== i },
    );
  }

  // Group commit for single submissions (the HTTP API's one-statement requests): a submission
  // that arrives while `maxInFlight` groups are being stored waits for the next group, so under
  // load many requests share one transaction, one publish and one round of fsyncs, and a lone
  // request goes at once. Each still answers only after its statement is stored and published.
  type Submission = { raw: unknown; origin: Statement['origin'] };
  const ingestGrouped = coalescer<Submission, IngestOutcome | SubmissionFailed>(
    async (group) => {
      try {
        return await ingestItems(group);
      } catch (e) {
        if (group.length === 1) throw e;
      }
      // One submission must not fail the others: each goes again on its own, and settles with
      // its own outcome or error.
      const outcomes = await Promise.allSettled(group.map(async (g) => (await ingestItems([g]))[0]!));
      return outcomes.map((o) => (o.status === 'fulfilled' ? o.value : new SubmissionFailed(o.reason)));
    },
    { weight: () => 1, max: deps.groupCommit?.maxGroup ?? 200 },
    deps.groupCommit?.maxInFlight ?? 2,
  );

  return {
    /**
     * Publishes statements stored before `storedBefore` and never recorded as published (a
     * publish that failed after the store, a crash in between), and records them. Returns how
     * many it published and the ids of those it could not (they break the contract as stored).
     */
    async sweep(
      storedBefore: Date,
      limit = 500,
      after: SweepCursor | null = null,
    ): Promise<{ published: number; unpublishable: string[]; next: SweepCursor | null }> {
      const query = Symbol('sweep');
      const startedIn = epoch;
      insertsInFlight.set(query, startedIn);
      const rows = await unpublishedStatements(deps.db, { storedBefore, limit, after }).catch((e: unknown) => {
        insertsInFlight.delete(query);
        throw e;
      });
      const sweptAt = deps.now();
      const unpublishable: string[] = [];
      const messages: Array<{ key: string; message: StatementMessage }> = [];
      const ids: string[] = [];
      for (const r of rows) {
        if (publishedBefore(r.id, startedIn)) continue;
        const statement = Statement.safeParse({
          id: r.id,
          text: r.text,
          language: r.language,
          published_at: isoInZone(r.publishedAt, r.publishedZone),
          published_zone: r.publishedZone,
          source_agency: r.sourceAgency,
          url: r.url,
          received_at: r.receivedAt.toISOString(),
          origin: r.origin,
        });
        if (!statement.success) {
          unpublishable.push(r.id);
          continue;
        }
        messages.push({ key: r.id, message: statementEnvelope(statement.data, deps.source, sweptAt) });
        ids.push(r.id);
      }
      // Only now: the marks committed while the query ran were kept for the check above.
      insertsInFlight.delete(query);
      forgetMarks();
      if (ids.length > 0) {
        const done = publish(deps.producer, statementsTopic, deps.topicPrefix, messages, serializeMessage).then(() =>
          markPublished(ids),
        );
        for (const id of ids) publishing.set(id, done);
        try {
          await done;
        } finally {
          for (const id of ids) if (publishing.get(id) === done) publishing.delete(id);
        }
        flushMarks(true);
      }
      const last = rows.at(-1);
      // A full page may have more after it; a short one was the end.
      const next = rows.length === limit && last !== undefined ? { createdAt: last.createdAt, id: last.id } : null;
      return { published: ids.length, unpublishable, next };
    },
    /** Resolves when the statements published so far are recorded as such (before the database closes). */
    async settled(): Promise<void> {
      if (markTimer) clearTimeout(markTimer);
      flushMarks(true);
      while (marking.size > 0) await Promise.all(marking);
    },
    /** Ingests many submissions at once: one transaction, one publish. */
    ingestMany: (raws: unknown[], origin: Statement['origin']) =>
      ingestItems(raws.map((raw) => ({ raw, origin }))),
    /** Ingests one submission, grouped with others that arrive meanwhile. */
    async ingest(raw: unknown, origin: Statement['origin']): Promise<IngestOutcome> {
      const outcome = await ingestGrouped({ raw, origin });
      if (outcome instanceof SubmissionFailed) throw outcome.reason;
      return outcome;
    },
  };
}

export type Ingestor = ReturnType<typeof createIngestor>;
