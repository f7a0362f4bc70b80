/** The seed statement: all its gold events, with evidence, and the Ministry of Health's figures. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import type { StatementInput, ViolationEvent } from './types.ts';

interface GoldEvent {
  type: string;
  date: string | null;
  accused_party: string | null;
  locations: string[];
}
const corpus = fileURLToPath(new URL('../../../corpus/dev.jsonl', import.meta.url));
const seedLine = readFileSync(corpus, 'utf8')
  .split('\n')
  .find((l) => l.includes('"id": "seed"') || l.includes('"id":"seed"'));
const seed = JSON.parse(seedLine ?? '{}') as StatementInput & { gold: { events: GoldEvent[] } };

describe('seed statement', () => {
  const { gold: _gold, ...input } = seed;
  const r = extract(input);

  it('is a violation report of the Kyrgyz MFA', () => {
    expect(r.is_violation_report).toBe(true);
    expect(r.reporter.side).toBe('KG');
    expect(r.profile).toBe('kg-tj');
  });

  it('gives every gold event, with its day, accused side and a place', () => {
    for (const g of seed.gold.events) {
      const e = r.events.find((x: ViolationEvent) => x.type === g.type);
      expect(e, g.type).toBeDefined();
      expect(e?.date).toBe(g.date);
      expect(e?.accused_party).toBe(g.accused_party);
      if (g.locations.length) expect(e?.locations.join(' ')).toMatch(/Leilek|Batken/);
    }
  });

  it('supports each event with evidence spans of the text', () => {
    for (const e of r.events) {
      expect(e.evidence.some((v) => v.field === 'type')).toBe(true);
      for (const v of e.evidence) expect(seed.text.slice(v.start, v.end)).toBe(v.text);
    }
    const shooting = r.events.find((e) => e.type === 'small_arms_fire');
    expect(shooting?.evidence.map((v) => v.field)).toEqual(expect.arrayContaining(['type', 'time', 'place', 'casualties']));
    expect(shooting).toMatchObject({ killed: 24, wounded: 122, time_of_day: 'morning', country_of_location: 'KG' });
    expect(shooting?.places.map((p) => p.id)).toEqual(expect.arrayContaining(['kg.batken.leilek', 'kg.batken.batken']));
  });

  it('keeps the Ministry of Health figures as its own casualty report: 24 killed, 122 injured', () => {
    const moh = r.casualty_reports.find((c) => /Ministry of Health/.test(c.source_agency ?? ''));
    expect(moh).toMatchObject({ side: 'KG', killed: 24, injured: 122 });
    expect(moh?.evidence.map((v) => v.text)).toEqual(expect.arrayContaining(['122', '24', 'Ministry of Health']));
  });

  it('codes the presidents\' ceasefire and the allegation that it was broken', () => {
    const a = r.events.find((e) => e.type === 'ceasefire_agreement');
    expect(a?.agreement).toMatchObject({ level: 'heads_of_state', parties: ['KG', 'TJ'] });
    expect(r.events.find((e) => e.type === 'violation_allegation')).toMatchObject({ accused_party: 'TJ', reported_by: 'KG' });
  });
});
