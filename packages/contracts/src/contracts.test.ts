import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  allTopics,
  ContractError,
  decodeMessage,
  encodeMessage,
  jsonSchemas,
  messageTopics,
  STATEMENT_DATASCHEMA,
  type StatementMessage,
  statementsTopic,
} from './index.ts';

function statementMessage(overrides: Partial<StatementMessage['data']> = {}): StatementMessage {
  return {
    specversion: '1.0',
    id: 'stmt-1',
    type: 'ceasefire.statement',
    source: 'ceasefire/ingester',
    time: '2022-09-16T08:00:00Z',
    dataschema: STATEMENT_DATASCHEMA,
    datacontenttype: 'application/json',
    data: {
      id: 'st_abc',
      text: 'Shooting began at several sites of the border on the morning of September 16.',
      language: 'en',
      published_at: '2022-09-16T14:20:00+06:00',
      published_zone: 'Asia/Bishkek',
      source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      url: null,
      received_at: '2022-09-16T08:21:00Z',
      origin: { kind: 'http', ref: null },
      ...overrides,
    },
  };
}

describe('message codec', () => {
  it('round-trips a valid statement', () => {
    const msg = statementMessage();
    expect(decodeMessage(statementsTopic, encodeMessage(statementsTopic, msg))).toEqual(msg);
  });

  it('names every broken field in a readable error', () => {
    const bad = statementMessage({ text: '', published_at: 'yesterday' as string });
    const bytes = Buffer.from(JSON.stringify(bad));
    try {
      decodeMessage(statementsTopic, bytes);
      expect.unreachable('decode should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(ContractError);
      const err = e as ContractError;
      expect(err.topic).toBe('statements.raw');
      expect(err.problems.some((p) => p.startsWith('data.text:'))).toBe(true);
      expect(err.problems.some((p) => p.startsWith('data.published_at:'))).toBe(true);
      expect(err.message).toMatch(/statements\.raw breaks its contract/);
    }
  });

  it('writes the absolute dataschema, the $id of the JSON Schema, and still reads messages of the relative one', () => {
    for (const topic of messageTopics) {
      expect(topic.dataschema).toMatch(/^https:\/\/[^/]+\/schemas\/[a-z.]+\.schema\.json$/);
      expect((jsonSchemas()[`${topic.name}.schema.json`] as { $id: string }).$id).toBe(topic.dataschema);
    }
    const current = statementMessage();
    // Written before the change, still on the topic (30 days' retention).
    const old = Buffer.from(JSON.stringify({ ...current, dataschema: 'ceasefire.statement/1' }));
    expect(decodeMessage(statementsTopic, old)).toEqual(current);
    // Producers write the absolute URI only.
    expect(() => encodeMessage(statementsTopic, { ...current, dataschema: 'ceasefire.statement/1' } as never)).toThrow(/dataschema/);
  });

  it('refuses to encode an invalid message', () => {
    expect(() => encodeMessage(statementsTopic, statementMessage({ language: '' }))).toThrow(/data\.language/);
  });

  it.each([
    ['empty value', Buffer.alloc(0), /empty value/],
    ['invalid UTF-8', Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), /not valid UTF-8/],
    ['not JSON', Buffer.from('{"id": '), /not JSON/],
    ['unknown type', Buffer.from(JSON.stringify({ ...statementMessage(), type: 'x' })), /type:/],
    ['newer schema version', Buffer.from(JSON.stringify({ ...statementMessage(), dataschema: 'ceasefire.statement/2' })), /dataschema/],
    ['extra envelope field', Buffer.from(JSON.stringify({ ...statementMessage(), extra: 1 })), /extra/],
  ])('rejects %s', (_name, bytes, pattern) => {
    expect(() => decodeMessage(statementsTopic, bytes)).toThrow(pattern);
  });
});

describe('topic catalog', () => {
  it('has a DLQ for every topic a stage consumes and unique names', () => {
    const names = allTopics.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['statements.raw', 'statements.raw.dlq', 'violations.events', 'violations.events.dlq', 'alerts']),
    );
  });
});

describe('JSON Schema files', () => {
  it('are committed and match the zod contracts (run scripts/gen-json-schemas.ts after a change)', () => {
    const generated = jsonSchemas();
    expect(Object.keys(generated)).toHaveLength(messageTopics.length);
    for (const [file, schema] of Object.entries(generated)) {
      const committed = JSON.parse(readFileSync(new URL(`../schemas/${file}`, import.meta.url), 'utf8'));
      expect(committed, file).toEqual(JSON.parse(JSON.stringify(schema)));
    }
  });
});
