// Property tests of the parsers at the edge (fast-check): whatever bytes arrive, they return a
// result or throw their own error type with a reason, never anything else; and what they parse
// from well-formed input is what was put in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FeedError, parseFeed } from './feed.ts';
import { StatementFileError, parseStatementFile } from './files.ts';
import { normalizeText } from './normalize.ts';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Printable text that survives XML (no control characters, no lone surrogates). No angle
// brackets: item text may be HTML, so a literal "< >" is read as a tag, as browsers would.
const xmlText = fc.string({ minLength: 1, maxLength: 60 }).map((s) => s.replace(/[^\p{L}\p{N} .,;:!?'"()&-]/gu, '')).filter((s) => s.trim().length > 0);

describe('parseFeed', () => {
  it('throws only FeedError, with a reason, for any input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string().map((s) => `<?xml version="1.0"?><rss><channel>${s}</channel></rss>`)), (xml) => {
        try {
          for (const item of parseFeed(xml)) {
            expect(item.key.length).toBeGreaterThan(0);
            expect(item.text.length).toBeGreaterThan(0);
          }
        } catch (e) {
          expect(e).toBeInstanceOf(FeedError);
          expect((e as Error).message.length).toBeGreaterThan(5);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns the items of a well-formed RSS document, in order, as plain text', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ title: xmlText, body: xmlText }), { minLength: 1, maxLength: 8 }), (items) => {
        const xml = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${items
          .map((it, i) => `<item><guid>g-${i}</guid><title>${xmlEscape(it.title)}</title><description>${xmlEscape(xmlEscape(it.body))}</description></item>`)
          .join('')}</channel></rss>`;
        const parsed = parseFeed(xml);
        expect(parsed.map((p) => p.key)).toEqual(items.map((_, i) => `g-${i}`));
        parsed.forEach((p, i) => expect(p.title).toBe(items[i]!.title.replace(/\s+/g, ' ').trim()));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses any document declaring entities, however it is spelt', () => {
    fc.assert(
      fc.property(fc.constantFrom('<!ENTITY', '<!entity', '<!Entity'), fc.string({ maxLength: 20 }), (decl, name) => {
        expect(() => parseFeed(`<?xml version="1.0"?><!DOCTYPE r [${decl} ${name} "x">]><rss/>`)).toThrow(FeedError);
      }),
    );
  });
});

describe('parseStatementFile', () => {
  it('throws only StatementFileError, for any name and content', () => {
    fc.assert(
      fc.property(fc.constantFrom('a.txt', 'a.json', 'a.jsonl', 'a.ndjson', 'a.pdf', 'noext', '.json'), fc.string({ unit: 'binary', maxLength: 400 }), (name, content) => {
        try {
          for (const s of parseStatementFile(name, content)) expect(s.raw === null || typeof s.raw === 'object').toBe(true);
        } catch (e) {
          expect(e).toBeInstanceOf(StatementFileError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reads one submission per non-empty line of a .jsonl file, bad lines named by number', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ minLength: 1, maxLength: 30 }).map((text) => JSON.stringify({ text })), fc.constant('not json'), fc.constant('')), { maxLength: 20 }), (lines) => {
        const subs = parseStatementFile('x.jsonl', lines.join('\n'));
        expect(subs).toHaveLength(lines.filter((l) => l.trim() !== '').length);
        for (const s of subs) if (s.raw instanceof StatementFileError) expect(s.raw.message).toMatch(/line \d+/);
      }),
    );
  });
});

describe('normalizeText', () => {
  it('is idempotent and leaves no control characters but newlines and tabs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const once = normalizeText(s);
        expect(normalizeText(once)).toBe(once);
        expect(once).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
      }),
      { numRuns: 500 },
    );
  });
});
