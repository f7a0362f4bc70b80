// The classifier publishes its event messages without validating each against the contract again
// (the statement was validated when consumed; every consumer validates what it reads). What makes
// that safe: every message it builds from the labelled corpus and the samples passes the contract,
// and its bytes are what a consumer's decodeMessage accepts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeMessage, violationEventsTopic, type Statement } from '@ceasefire/contracts';
import { eventMessage, toRecords } from '@ceasefire/classify';
import { PROFILES, extract } from '@ceasefire/extraction';
import { StatementSubmission, agencyDirectory, normalizeStatement } from '@ceasefire/ingest';
import { describe, expect, it } from 'vitest';
import { encodeEventMessage } from './handler.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const agencies = agencyDirectory(PROFILES);

function statements(file: string): Statement[] {
  return readFileSync(path.join(root, file), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const r = JSON.parse(l) as Record<string, unknown>;
      const submission = StatementSubmission.parse({ text: r.text, language: r.language, source_agency: r.source_agency, published_at: r.published_at });
      return normalizeStatement(submission, { receivedAt: new Date('2026-01-01T00:00:00Z'), origin: { kind: 'http', ref: null }, zoneOfAgency: (a) => agencies.lookup(a) });
    });
}

describe('event messages as the classifier publishes them', () => {
  it('pass the events topic contract for every event of the corpus and the samples', () => {
    let events = 0;
    for (const statement of [...statements('corpus/dev.jsonl'), ...statements('samples/statements.jsonl')]) {
      const records = toRecords(statement, extract(statement));
      for (const [i, record] of records.events.entries()) {
        const message = eventMessage(record, statement, i % 2 ? `inc_${i}` : null, 'ceasefire/classifier@test', new Date('2026-01-01T00:00:01Z'));
        const parsed = violationEventsTopic.schema.safeParse(message);
        expect(parsed.success ? [] : parsed.error.issues, `${statement.id} event ${i}`).toEqual([]);
        expect(decodeMessage(violationEventsTopic, encodeEventMessage(message))).toEqual(parsed.data);
        events++;
      }
    }
    expect(events).toBeGreaterThan(100);
  });
});
