import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** One item of an RSS 2.0 or Atom feed, as a statement submission's raw material. */
export interface FeedItem {
  /** guid / atom:id, else the link: what makes an item "already seen". */
  key: string;
  title: string | null;
  link: string | null;
  published: string | null;
  /** Title and body as plain text. */
  text: string;
}

export class FeedError extends Error {
  override readonly name = 'FeedError';
}

/** Largest feed document accepted. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  // Entities beyond the five XML ones are never expanded (no billion laughs, no external entities).
  processEntities: false,
  htmlEntities: false,
  trimValues: true,
  parseTagValue: false,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return XML_ENTITIES[name.toLowerCase()] ?? (name.toLowerCase() === 'nbsp' ? ' ' : whole);
  });
}

/** HTML in descriptions becomes plain text with paragraph breaks. */
export function htmlToText(html: string): string {
  // Feed bodies are XML-escaped HTML: undo the XML escaping first, then drop tags, then decode
  // the HTML entities that remain.
  const text = decodeEntities(html)
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|h[1-6])>/gi, '\n')
    .replace(/<[^>]+>/g, ' ');
  return decodeEntities(text)
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function textOf(node: unknown): string | null {
  if (node === undefined || node === null) return null;
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if ('#text' in o) return textOf(o['#text']);
  }
  return null;
}

function atomLink(links: unknown): string | null {
  if (!Array.isArray(links)) return null;
  const alternate = links.find((l) => typeof l === 'object' && l && ((l as Record<string, unknown>)['@rel'] ?? 'alternate') === 'alternate');
  const chosen = (alternate ?? links[0]) as Record<string, unknown> | string | undefined;
  if (typeof chosen === 'string') return chosen;
  return typeof chosen?.['@href'] === 'string' ? chosen['@href'] : null;
}

function item(title: string | null, body: string | null, link: string | null, key: string | null, published: string | null): FeedItem | null {
  const t = title ? htmlToText(title) : null;
  const b = body ? htmlToText(body) : '';
  const text = [t, b].filter(Boolean).join('\n\n');
  const k = key ?? link;
  if (!text || !k) return null;
  return { key: k, title: t, link, published, text };
}

/** Parses an RSS 2.0 or Atom document. Throws FeedError with a reason for anything else. */
export function parseFeed(xml: string): FeedItem[] {
  if (Buffer.byteLength(xml, 'utf8') > MAX_FEED_BYTES) throw new FeedError(`feed larger than ${MAX_FEED_BYTES} bytes`);
  if (/<!ENTITY/i.test(xml)) throw new FeedError('entity declarations are not allowed in feeds');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new FeedError(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const doc = parser.parse(xml) as Record<string, unknown>;
  const rss = doc.rss as { channel?: { item?: Array<Record<string, unknown>> } } | undefined;
  if (rss?.channel) {
    return (rss.channel.item ?? []).flatMap((i) => {
      const guid = textOf(i.guid);
      const link = Array.isArray(i.link) ? textOf(i.link[0]) : textOf(i.link);
      const body = textOf(i['content:encoded']) ?? textOf(i.description);
      return item(textOf(i.title), body, link, guid, textOf(i.pubDate) ?? textOf(i['dc:date'])) ?? [];
    });
  }
  const feed = doc.feed as { entry?: Array<Record<string, unknown>> } | undefined;
  if (feed) {
    return (feed.entry ?? []).flatMap((e) => {
      const body = textOf(e.content) ?? textOf(e.summary);
      return item(textOf(e.title), body, atomLink(e.link), textOf(e.id), textOf(e.published) ?? textOf(e.updated)) ?? [];
    });
  }
  throw new FeedError('neither an RSS 2.0 <rss><channel> nor an Atom <feed> document');
}

/** RFC 822 dates of RSS (`Fri, 16 Sep 2022 08:20:00 +0600`) and RFC 3339 of Atom, as ISO; null if unreadable. */
export function feedDateToIso(value: string | null): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return value;
  const t = new Date(value);
  if (Number.isNaN(t.getTime())) return null;
  // Keep the feed's own offset: it is the issuer's zone.
  const m = /([+-])(\d{2}):?(\d{2})\s*$/.exec(value);
  if (!m) return t.toISOString();
  const sign = m[1] === '-' ? -1 : 1;
  const offsetMin = sign * (Number(m[2]) * 60 + Number(m[3]));
  const local = new Date(t.getTime() + offsetMin * 60_000).toISOString().slice(0, 19);
  return `${local}${m[1]}${m[2]}:${m[3]}`;
}
