import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  FeedError,
  canonicalText,
  InvalidStatement,
  StatementSubmission,
  detectLanguage,
  feedDateToIso,
  htmlToText,
  isoInZone,
  normalizeStatement,
  normalizeText,
  parseFeed,
  statementId,
  submissionProblems,
} from './index.ts';

const kg = { zone: 'Asia/Bishkek', offset: '+06:00' };
const ctx = {
  receivedAt: new Date('2022-09-16T10:00:00Z'),
  origin: { kind: 'http' as const, ref: null },
  zoneOfAgency: (a: string) => (/kyrgyz|кр\b/i.test(a) ? kg : null),
};

describe('normalizeStatement', () => {
  it('gives the same id to the same text however it is wrapped', () => {
    const a = normalizeStatement({ text: 'Shooting began\r\nnear Kulundu.  ' }, ctx);
    const b = normalizeStatement({ text: '  shooting began near   Kulundu.' }, ctx);
    expect(a.id).toBe(b.id);
    expect(a.id).toMatch(/^st_[0-9a-f]{32}$/);
    expect(normalizeStatement({ text: 'Shooting began near Vorukh.' }, ctx).id).not.toBe(a.id);
  });

  it('reads a local publication time in the issuing agency zone', () => {
    const s = normalizeStatement(
      { text: 'x', published_at: '2022-09-16 14:20', source_agency: 'Border Service of the Kyrgyz Republic' },
      ctx,
    );
    expect(s.published_at).toBe('2022-09-16T14:20:00+06:00');
    expect(s.published_zone).toBe('Asia/Bishkek');
    expect(normalizeStatement({ text: 'x', published_at: '2022-09-16', source_agency: 'Kyrgyz MFA' }, ctx).published_at).toBe(
      '2022-09-16T00:00:00+06:00',
    );
    expect(normalizeStatement({ text: 'x', published_at: '2022-09-16T14:20:00+0500' }, ctx).published_at).toBe(
      '2022-09-16T14:20:00+05:00',
    );
  });

  it('uses the receive time when no publication time is given, and UTC for an unknown agency', () => {
    expect(normalizeStatement({ text: 'x' }, ctx).published_at).toBe('2022-09-16T10:00:00.000Z');
    expect(normalizeStatement({ text: 'x', published_at: '2022-09-16T08:00' }, ctx).published_at).toBe('2022-09-16T08:00:00Z');
  });

  it('rejects empty text and impossible dates with the field named', () => {
    expect(() => normalizeStatement({ text: ' \u0000\n\t ' }, ctx)).toThrow(InvalidStatement);
    expect(() => normalizeStatement({ text: 'x', published_at: '2022-02-30' }, ctx)).toThrow(/published_at: not a real date/);
    expect(() => normalizeStatement({ text: 'x', published_at: 'last Friday' }, ctx)).toThrow(/published_at: an ISO 8601/);
  });

  it('keeps the submitter id as the origin reference', () => {
    expect(normalizeStatement({ text: 'x', id: 'pr-77' }, ctx).origin).toEqual({ kind: 'http', ref: 'pr-77' });
  });

  it('strips control characters and lone surrogates but keeps paragraphs', () => {
    expect(normalizeText('a\u0007b\n\n\n\nc\ud800')).toBe('ab\n\nc\ufffd');
  });

  it('never throws anything but InvalidStatement, and ids are stable', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        try {
          const s = normalizeStatement({ text }, ctx);
          expect(normalizeStatement({ text: s.text }, ctx).id).toBe(s.id);
        } catch (e) {
          expect(e).toBeInstanceOf(InvalidStatement);
        }
      }),
    );
  });
});

describe('StatementSubmission', () => {
  it('names the bad fields', () => {
    const r = StatementSubmission.safeParse({ text: 5, url: 'ftp://x', language: 'english!' });
    expect(r.success).toBe(false);
    if (!r.success) {
      const fields = submissionProblems(r.error).map((p) => p.split(':')[0]);
      expect(fields.sort()).toEqual(['language', 'text', 'url']);
    }
  });
});

describe('detectLanguage', () => {
  it.each([
    ['Shooting began at several sites of the border on the morning of September 16.', 'en'],
    ['Пограничная служба ГКНБ сообщает, что в ночь на 15 сентября был открыт огонь.', 'ru'],
    ['Кыргыз-тажик чек арасында абал туруктуу. Өкмөт үй-бүлөлөргө жардам көрсөтүүдө, чек ара күзөтү күчөтүлдү.', 'ky'],
    ['Вазорати корҳои хориҷии Ҷумҳурии Тоҷикистон изҳор дошт, ки ҳамла аз ҷониби тарафи қирғиз анҷом шуд.', 'tg'],
    ['12345 !!!', 'und'],
  ])('%s → %s', (text, lang) => expect(detectLanguage(text)).toBe(lang));
});

describe('parseFeed', () => {
  it('reads RSS 2.0 items with guid, link, date and HTML body as text', () => {
    const items = parseFeed(`<?xml version="1.0"?>
      <rss version="2.0"><channel><title>Border Service</title>
        <item><title>Shelling near Kulundu</title><link>https://example.kg/news/1</link>
          <guid>news-1</guid><pubDate>Fri, 16 Sep 2022 08:20:00 +0600</pubDate>
          <description>&lt;p&gt;Tajik side opened fire &amp;amp; shelled.&lt;/p&gt;&lt;p&gt;Second&lt;/p&gt;</description></item>
        <item><title>No link or guid</title></item>
      </channel></rss>`);
    expect(items).toEqual([
      {
        key: 'news-1',
        title: 'Shelling near Kulundu',
        link: 'https://example.kg/news/1',
        published: 'Fri, 16 Sep 2022 08:20:00 +0600',
        text: 'Shelling near Kulundu\n\nTajik side opened fire & shelled.\nSecond',
      },
    ]);
    expect(feedDateToIso(items[0]!.published)).toBe('2022-09-16T08:20:00+06:00');
  });

  it('reads Atom entries', () => {
    const items = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title>
      <entry><id>urn:1</id><title>Обстрел</title><link rel="alternate" href="https://t.tj/1"/>
      <published>2022-09-16T05:00:00+05:00</published><content type="html">В районе Ворух</content></entry></feed>`);
    expect(items).toMatchObject([{ key: 'urn:1', link: 'https://t.tj/1', text: 'Обстрел\n\nВ районе Ворух' }]);
  });

  it.each([
    ['broken XML', '<rss><channel><item></channel></rss>', /not well-formed/],
    ['entity expansion', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;">]><rss>&b;</rss>', /entity declarations/],
    ['another document', '<html><body>hi</body></html>', /neither an RSS/],
  ])('rejects %s with a reason', (_n, xml, reason) => {
    expect(() => parseFeed(xml)).toThrow(FeedError);
    expect(() => parseFeed(xml)).toThrow(reason);
  });

  it('drops scripts from HTML', () => {
    expect(htmlToText('<p>a</p><script>alert(1)</script><b>b</b>')).toBe('a\nb');
  });
});

describe('isoInZone', () => {
  it('writes an instant in the issuer zone', () => {
    const t = new Date('2022-09-16T08:20:00Z');
    expect(isoInZone(t, 'Asia/Bishkek')).toBe('2022-09-16T14:20:00+06:00');
    expect(isoInZone(t, '+05:00')).toBe('2022-09-16T13:20:00+05:00');
    expect(isoInZone(t, null)).toBe('2022-09-16T08:20:00.000Z');
    expect(isoInZone(t, 'Not/AZone')).toBe('2022-09-16T08:20:00.000Z');
  });

  it('keeps an explicit offset as the zone when the agency is unknown', () => {
    expect(normalizeStatement({ text: 'x', published_at: '2022-09-16T14:20:00+05:00' }, ctx).published_zone).toBe('+05:00');
  });
});

describe('statementId', () => {
  it('is a pure function of the text', () => {
    expect(statementId('A  b')).toBe(statementId('a b'));
  });
});

describe('copies that look the same (issue #15)', () => {
  it('gives one id to copies with invisible characters, soft hyphens and mixed-script look-alikes, and keeps each text as written', () => {
    const text = 'Mortar shelling near Kok-Tash at dawn.';
    const copies = [
      'Mortar shel\u00adling near Kok-Tash at dawn.',
      'Mortar\u200b shelling\u2060 near Kok-Tash at dawn.\ufeff',
      'M\u043ertar shelling n\u0435ar K\u043ek-Tash at dawn.',
      '\u202eMortar shelling near Kok-Tash at dawn.',
    ];
    const id = normalizeStatement({ text }, ctx).id;
    for (const c of copies) {
      const s = normalizeStatement({ text: c }, ctx);
      expect(s.id, JSON.stringify(c)).toBe(id);
    }
    expect(normalizeStatement({ text: copies[2]! }, ctx).text).toBe(copies[2]);
    // Words in one script keep their own letters: a Russian statement's id does not change.
    expect(canonicalText('Обстрел у села Кулунду.')).toBe('обстрел у села кулунду.');
    expect(canonicalText('Shots near Kulundu.')).toBe('shots near kulundu.');
  });

  it('cleans control characters, terminal escapes and direction overrides out of source_agency', () => {
    const s = normalizeStatement({ text: 'Shots near Arka.', source_agency: '\u001b[31mBorder\u0007 Service\u202e of the\u0000 GKNB\u001b]0;title\u0007' }, ctx);
    expect(s.source_agency).toBe('Border Service of the GKNB');
  });

  it('reads published_at with the shared reader: forms the contract takes, 400 for the rest', () => {
    const at = (published_at: string) => {
      try {
        return normalizeStatement({ text: 'Shots near Arka.', published_at }, ctx).published_at;
      } catch (e) {
        return (e as InvalidStatement).problems.join('; ');
      }
    };
    expect(at('2022-09-16T10:00Z')).toBe('2022-09-16T10:00:00Z');
    expect(at('2022-09-16t10:00:00z')).toBe('2022-09-16T10:00:00Z');
    expect(at('0050-06-01')).toBe('0050-06-01T00:00:00Z');
    expect(at('2022-09-16T24:00:00Z')).toMatch(/published_at: not a real time of day/);
    expect(at('2022-02-30T10:00:00Z')).toMatch(/published_at: not a real date/);
    expect(at('2022-09-16T10:00:00+15:00')).toMatch(/published_at: an offset/);
    expect(at('9999-12-31T23:00:00-05:00')).toMatch(/published_at: a date-time between years/);
  });
});
