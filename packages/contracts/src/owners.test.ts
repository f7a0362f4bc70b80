// The contracts own the domain's shapes. The extraction engine takes the event types from the
// zod-free `./domain.ts` and keeps its event shape, held to the contract's here at compile time;
// the migrations keep frozen copies (they must read the same forever), checked against the files.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Extraction from '@ceasefire/extraction';
import { describe, expect, it } from 'vitest';
import {
  EVENT_TYPES,
  envelope,
  type EventType,
  PARTY_CODE,
  SEVERITIES,
  statementsTopic,
  topicName,
  type ViolationEvent,
  violationEventsTopic,
} from './index.ts';

/** True only when A and B are the same type (each assignable to the other, no `any` slack). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Equals<A, B>): Equals<A, B> => proof;

/** What the engine extracts of an event: the contract's event less what the classifier adds. */
type ExtractedPart = Omit<ViolationEvent, 'id' | 'statement_id' | 'extractor_version' | 'area' | 'incident_id' | 'published_at'>;
type Widen<T> = { [K in keyof T]: T[K] };

describe("the extraction engine's types", () => {
  it('name the same event types as the contracts', () => {
    expect(same<Extraction.EventType, EventType>(true)).toBe(true);
  });

  it("have an event of the contract's shape, field for field", () => {
    expect(same<Widen<Extraction.ViolationEvent>['time'], Widen<ExtractedPart>['time']>(true)).toBe(true);
    expect(same<Extraction.ViolationEvent['places'], ExtractedPart['places']>(true)).toBe(true);
    expect(same<Extraction.ViolationEvent['evidence'], ExtractedPart['evidence']>(true)).toBe(true);
    expect(same<Extraction.ViolationEvent['agreement'], ExtractedPart['agreement']>(true)).toBe(true);
    expect(same<keyof Extraction.ViolationEvent, keyof ExtractedPart>(true)).toBe(true);
    // Every field's type the same both ways (the names above, the values here).
    const fits: ExtractedPart = {} as Extraction.ViolationEvent;
    const back: Extraction.ViolationEvent = {} as ExtractedPart;
    expect([fits, back]).toHaveLength(2);
  });
});

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The quoted strings of `const NAME ... = [ ... ]` in a source file. */
function frozenList(text: string, name: string): string[] {
  const found = new RegExp(`const ${name}\\b[^=]*=\\s*\\[`).exec(text);
  if (!found) throw new Error(`no ${name} list`);
  const start = found.index + found[0].length;
  const body = text.slice(start, text.indexOf(']', start));
  return [...body.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]!);
}

describe('the migrations', () => {
  // A migration keeps its own copy of the event types (it must read the same forever); a new type
  // needs a migration of its own, and this test says so.
  const dir = path.join(root, 'migrations');
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => ({ f, text: readFileSync(path.join(dir, f), 'utf8') }));
  const withList = migrations.filter(({ text }) => /const EVENT_TYPES\b/.test(text));

  it('copy the event types of the contracts', () => {
    expect(withList.length).toBeGreaterThan(0);
    const latest = withList.at(-1)!;
    expect({ file: latest.f, types: frozenList(latest.text, 'EVENT_TYPES') }).toEqual({ file: latest.f, types: [...EVENT_TYPES] });
  });

  it('check party codes with the pattern of the contracts', () => {
    const patterns = migrations.flatMap(({ text }) => [...text.matchAll(/'(\^\[A-Z\]\[[^']*)'/g)].map((m) => m[1]));
    expect(patterns.length).toBeGreaterThanOrEqual(3);
    expect(new Set(patterns)).toEqual(new Set([PARTY_CODE.source]));
  });

  it('check severities against the list of the contracts', () => {
    const lists = migrations.flatMap(({ text }) => [...text.matchAll(/severity in \(([^)]*)\)/g)].map((m) => m[1]));
    expect(lists.length).toBeGreaterThanOrEqual(2);
    expect(new Set(lists)).toEqual(new Set([SEVERITIES.map((s) => `'${s}'`).join(', ')]));
  });
});

describe('envelope and topicName', () => {
  it("fill in the catalog's attributes around the data", () => {
    const data = { id: 'st_1' } as never;
    const message = envelope(statementsTopic, data, { id: 'm1', source: 'ceasefire/test', time: new Date('2022-09-16T08:00:00Z'), subject: 'st_1' });
    expect(message).toEqual({
      specversion: '1.0',
      id: 'm1',
      type: 'ceasefire.statement',
      source: 'ceasefire/test',
      time: '2022-09-16T08:00:00.000Z',
      dataschema: statementsTopic.dataschema,
      datacontenttype: 'application/json',
      subject: 'st_1',
      data,
    });
    expect(envelope(violationEventsTopic, data, { id: 'e', source: 's', time: new Date(0) })).not.toHaveProperty('subject');
  });

  it("put the deployment's prefix before the catalog name", () => {
    expect(topicName(statementsTopic, 'test_1.')).toBe('test_1.statements.raw');
    expect(topicName(statementsTopic.dlq, '')).toBe('statements.raw.dlq');
  });
});

describe('the party code', () => {
  it('takes states and third parties, not names', () => {
    expect(['KG', 'TJ', 'UN', 'OSCE'].every((c) => PARTY_CODE.test(c))).toBe(true);
    expect(['kg', 'K', 'Kyrgyzstan'].some((c) => PARTY_CODE.test(c))).toBe(false);
  });
});
