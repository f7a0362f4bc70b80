import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';
import type { ExtractionResult } from './types.ts';

// Fragments of real-looking statements, so that generated texts reach the deep paths too.
const FRAGMENTS = [
  'Tajik servicemen opened fire at Kok-Tash',
  'кыргызские военные обстреляли Ворух из минометов',
  'on the night of 14 to 15 September',
  'в ночь на 18 мая',
  'at 04:50 (Moscow time)',
  'yesterday at 21:40 local time',
  'two border guards and nine civilians were wounded',
  'погибли трое, еще пятеро получили ранения',
  'no violations were recorded',
  'не соответствуют действительности',
  'the heads of state agreed to cease fire',
  'according to the Border Troops of Tajikistan',
  'сообщили в Пограничной службе ГКНБ',
  'in Batken and Leilek districts',
  '\n',
  '. ',
  ': ',
  ', but ',
];

const textArb = fc.oneof(
  fc.string({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 12 })), { maxLength: 40 }).map((a) => a.join(' ')),
);
const pubArb = fc.oneof(fc.constant(null), fc.constant('2022-09-16T14:20:00+06:00'), fc.constant('2021-04-30'), fc.string({ maxLength: 30 }));

function spansOk(text: string, r: ExtractionResult): boolean {
  const all = [...r.events.flatMap((e) => e.evidence), ...r.casualty_reports.flatMap((c) => c.evidence)];
  return all.every((s) => Number.isInteger(s.start) && s.start >= 0 && s.end <= text.length && s.start < s.end && text.slice(s.start, s.end) === s.text);
}

describe('properties', () => {
  it('never throws, keeps every span inside the text, and is deterministic', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(textArb, pubArb, fc.option(fc.string({ maxLength: 60 })), (text, published_at, source_agency) => {
        const input = { id: 'p', text, published_at, source_agency };
        const a = extract(input, KG_TJ_PROFILE);
        const b = extract(input, KG_TJ_PROFILE);
        expect(spansOk(text, a)).toBe(true);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
        for (const e of a.events) expect(e.confidence).toBeGreaterThanOrEqual(0);
        for (const e of a.events) expect(e.confidence).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws without a profile (profile chosen per statement)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const r = extract({ id: 'p', text });
        expect(spansOk(text, r)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('copes with huge, control-character and odd inputs', { timeout: 60_000 }, () => {
    const huge = 'Tajik units shelled Kok-Tash with mortars on 16 September. '.repeat(3000);
    const r = extract({ id: 'h', text: huge, published_at: '2022-09-17' }, KG_TJ_PROFILE);
    expect(spansOk(huge, r)).toBe(true);
    for (const text of ['\u0000\u0001\u0007\u001b[31m', '\uD800\uDFFF\uDBFF', '', ' '.repeat(10_000), 'İİİ ﬁ ß ǅ 𝔘𝔫𝔦𝔠𝔬𝔡𝔢', '\r\n\r\n\t']) {
      expect(spansOk(text, extract({ id: 'x', text }, KG_TJ_PROFILE))).toBe(true);
    }
    // A statement whose fields are missing or of the wrong type at run time.
    const loose = { id: 'z', text: undefined } as unknown as Parameters<typeof extract>[0];
    expect(extract(loose, KG_TJ_PROFILE).events).toEqual([]);
  });
});
