// Test helpers: a logger whose lines are kept in memory, for asserting what was (not) logged; a
// Kafka client with no broker that hands a consumer loop's batch handler to the test; a
// statement encoded as it arrives on the statements topic.
import { Writable } from 'node:stream';
import { encodeMessage, STATEMENT_DATASCHEMA, statementsTopic, type Statement } from '@ceasefire/contracts';
import type { ConsumeOptions, Consumer, KafkaClient } from './kafka/types.ts';
import { createLogger } from './logger.ts';

export function captureLogs() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, cb) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      cb();
    },
  });
  return { lines, logger: createLogger({ service: 'test', level: 'debug', destination }) };
}

/**
 * A Kafka client whose consumer only keeps what the loop asked of it (no broker): the test
 * calls `consumed().handleBatch` itself, as the client would.
 */
export function fakeKafka(): { fake: KafkaClient; consumed: () => ConsumeOptions } {
  let options: ConsumeOptions | undefined;
  const consumer = (o: ConsumeOptions): Consumer => {
    options = o;
    return {
      crashed: new Promise(() => {}),
      start: async () => {},
      stop: async () => {},
      pause() {},
      resume() {},
    };
  };
  const fake = { consumer } as unknown as KafkaClient;
  return {
    fake,
    consumed: () => {
      if (!options) throw new Error('no consumer was created');
      return options;
    },
  };
}

/** Statement number n as the statements topic carries it; `data` overrides the statement's fields. */
export function encodedStatement(n: number, data: Partial<Statement> = {}): Buffer {
  return encodeMessage(statementsTopic, {
    specversion: '1.0',
    id: `msg-${n}`,
    type: 'ceasefire.statement',
    source: 'ceasefire/test',
    time: '2022-09-16T08:00:00Z',
    dataschema: STATEMENT_DATASCHEMA,
    datacontenttype: 'application/json',
    subject: `st_${n}`,
    data: {
      id: `st_${n}`,
      text: `Statement number ${n}: shooting near Kulundu.`,
      language: 'en',
      published_at: '2022-09-16T14:20:00+06:00',
      published_zone: 'Asia/Bishkek',
      source_agency: null,
      url: null,
      received_at: '2022-09-16T08:21:00Z',
      origin: { kind: 'cli', ref: 'test' },
      ...data,
    },
  });
}
