// The ceilings the pipeline is compared with, measured on the same statements in the same run:
// the Kafka transport alone (a client producing and consuming the statement messages through the
// project's KafkaClient interface: batched produce, per-partition batches, commit per batch),
// Postgres alone taking the same rows in bulk, and the extraction engine alone on one core.
import { createHash } from 'node:crypto';
import { encodeMessage, type Statement, STATEMENT_DATASCHEMA, statementsTopic } from '@ceasefire/contracts';
import { createDb, dropSchema, migrateLatest, storeExtractions, type StoreExtractionInput } from '@ceasefire/db';
import { toRecords } from '@ceasefire/classify';
import { extract, type ExtractionResult } from '@ceasefire/extraction';
import type { KafkaClient, OutgoingMessage } from '@ceasefire/runtime';
import type { Knex } from 'knex';

/**
 * Starts measuring the CPU time of the machine's processes that take part (the bench, the broker,
 * Postgres); the function it returns stops and gives the CPU seconds spent meanwhile.
 */
export type CpuMeter = () => () => number;

export interface TransportResult {
  client: string;
  messages: number;
  mb: number;
  produceSeconds: number;
  producePerSecond: number;
  /** From the first send to the last message consumed and committed (produce and consume overlap). */
  endToEndSeconds: number;
  perSecond: number;
  /** CPU of the bench, broker and Postgres from the first send to the last message consumed, per message (ms). */
  cpuMsPerMessage?: number;
}

/** Produces `messages` (in batches of `batch`, `inFlight` at a time) and consumes them back. */
export async function transportCeiling(
  name: string,
  kafka: KafkaClient,
  topic: string,
  groupId: string,
  messages: OutgoingMessage[],
  options: { batch?: number; inFlight?: number; meter?: CpuMeter } = {},
): Promise<TransportResult> {
  const batch = options.batch ?? 100;
  const inFlight = options.inFlight ?? 4;
  let consumed = 0;
  let done: () => void = () => {};
  const all = new Promise<void>((r) => (done = r));
  const consumer = kafka.consumer({
    groupId,
    topics: [topic],
    fromBeginning: true,
    async handleBatch(b) {
      consumed += b.messages.length;
      if (consumed >= messages.length) done();
    },
  });
  await consumer.start();
  const producer = await kafka.producer();
  const stopMeter = options.meter?.();
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (;;) {
        const i = next;
        next += batch;
        if (i >= messages.length) return;
        await producer.publish(topic, messages.slice(i, i + batch));
      }
    }),
  );
  const produced = performance.now();
  await Promise.race([all, new Promise((r) => setTimeout(r, 120_000))]);
  const ended = performance.now();
  const cpuSeconds = stopMeter?.();
  await producer.disconnect();
  await consumer.stop();
  const bytes = messages.reduce((n, m) => n + m.value.length, 0);
  return {
    client: name,
    messages: consumed,
    mb: Math.round(bytes / 1e5) / 10,
    produceSeconds: round((produced - t0) / 1000),
    producePerSecond: Math.round(messages.length / ((produced - t0) / 1000)),
    endToEndSeconds: round((ended - t0) / 1000),
    perSecond: Math.round(consumed / ((ended - t0) / 1000)),
    ...(cpuSeconds === undefined ? {} : { cpuMsPerMessage: round((cpuSeconds * 1000) / consumed) }),
  };
}

export function statementMessages(statements: Statement[]): OutgoingMessage[] {
  const time = new Date().toISOString();
  return statements.map((s) => ({
    key: s.id,
    value: encodeMessage(statementsTopic, {
      specversion: '1.0',
      id: s.id,
      type: 'ceasefire.statement',
      source: 'bench',
      time,
      dataschema: STATEMENT_DATASCHEMA,
      datacontenttype: 'application/json',
      subject: s.id,
      data: s,
    }),
  }));
}

export interface PostgresResult {
  statements: number;
  events: number;
  seconds: number;
  perSecond: number;
  /** The extractions alone (`storeExtractions`): what a drain writes, the statements' rows being there already. */
  extractionsPerSecond: number;
  /** CPU of the bench, broker and Postgres per statement (ms): the statements' rows, then their extractions. */
  cpuMsPerStatement?: { statementRows: number; extractions: number };
}

/**
 * Postgres alone: the statements' rows (multi-row inserts of 500) and their extractions
 * (`storeExtractions`, one transaction per `batch` statements, as the classifier does) into a
 * fresh schema. The extractions are computed beforehand, off the clock.
 */
export async function postgresCeiling(databaseUrl: string, schema: string, statements: Statement[], options: { batch?: number; meter?: CpuMeter } = {}): Promise<PostgresResult> {
  const batch = options.batch ?? 100;
  await migrateLatest({ databaseUrl, schema });
  const db: Knex = createDb({ databaseUrl, schema });
  try {
    const inputs: StoreExtractionInput[] = statements.map((s) => {
      const result: ExtractionResult = extract({ id: s.id, text: s.text, published_at: s.published_at, language: s.language, source_agency: s.source_agency, url: s.url }, undefined);
      const records = toRecords(s, result);
      return { statementId: s.id, extractorVersion: result.extractor_version, events: records.events, casualtyReports: records.casualtyReports, dyad: 'KG-TJ', thirdParties: ['UN', 'OSCE', 'CSTO'] };
    });
    const rows = statements.map((s) => ({
      id: s.id,
      text: s.text,
      language: s.language,
      published_at: s.published_at,
      published_zone: s.published_zone,
      source_agency: s.source_agency,
      url: s.url,
      sources: JSON.stringify([s.origin]),
      received_at: s.received_at,
      content_sha256: createHash('sha256').update(s.text, 'utf8').digest('hex'),
    }));
    let stopMeter = options.meter?.();
    const t0 = performance.now();
    for (let i = 0; i < rows.length; i += 500) await db('statements').insert(rows.slice(i, i + 500)).onConflict('id').ignore();
    const rowsCpu = stopMeter?.();
    stopMeter = options.meter?.();
    const t1 = performance.now();
    for (let i = 0; i < inputs.length; i += batch) {
      await db.transaction((trx) => storeExtractions(trx, inputs.slice(i, i + batch)));
    }
    const t2 = performance.now();
    const extractionsCpu = stopMeter?.();
    const seconds = (t2 - t0) / 1000;
    const perStatement = (cpu: number) => round((cpu * 1000) / statements.length);
    return {
      statements: statements.length,
      events: inputs.reduce((n, x) => n + x.events.length, 0),
      seconds: round(seconds),
      perSecond: Math.round(statements.length / seconds),
      extractionsPerSecond: Math.round(statements.length / ((t2 - t1) / 1000)),
      ...(rowsCpu === undefined || extractionsCpu === undefined ? {} : { cpuMsPerStatement: { statementRows: perStatement(rowsCpu), extractions: perStatement(extractionsCpu) } }),
    };
  } finally {
    await db.destroy();
    await dropSchema(databaseUrl, schema);
  }
}

export interface ExtractionCeiling {
  statements: number;
  seconds: number;
  cpuSeconds: number;
  perSecond: number;
}

/** The extraction engine alone, in this process (one thread: one core). */
export function extractionCeiling(statements: Statement[]): ExtractionCeiling {
  // Warm-up: compiled regexes and JIT, as in a worker that has been running.
  for (const s of statements.slice(0, 50)) extract({ id: s.id, text: s.text, published_at: s.published_at, language: s.language, source_agency: s.source_agency }, undefined);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const s of statements) extract({ id: s.id, text: s.text, published_at: s.published_at, language: s.language, source_agency: s.source_agency }, undefined);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { statements: statements.length, seconds: round(seconds), cpuSeconds: round((cpu.user + cpu.system) / 1e6), perSecond: Math.round(statements.length / seconds) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
