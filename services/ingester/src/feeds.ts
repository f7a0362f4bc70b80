import { getFeedState, markFeedItemsSeen, recordFeedPoll, seenFeedItems } from '@ceasefire/db';
import { FeedError, feedDateToIso, parseFeed, MAX_FEED_BYTES, type Ingestor } from '@ceasefire/ingest';
import { classifyError } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import type { Logger } from 'pino';

/** A feed to poll and the agency that publishes it (for the issuer's side and zone). */
export interface FeedSource {
  /** The feed's address without credentials: its identity in the database, logs and sources. */
  url: string;
  agency: string | null;
  /** `Basic …` from credentials written in the URL (`https://user:pw@host/rss`). */
  authorization?: string;
}

/**
 * `url` or `url|Agency name`, comma-separated (the FEEDS setting). Credentials in a URL become an
 * Authorization header: fetch refuses URLs with credentials, and the URL is stored and logged.
 */
export function parseFeedList(value: string): FeedSource[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((entry) => {
      const [raw, agencyName] = entry.split('|', 2);
      const url = raw!.trim();
      const agency = agencyName?.trim() || null;
      let parsed: URL;
      try {
        parsed = new URL(url);
      } catch {
        return { url, agency };
      }
      if (!parsed.username && !parsed.password) return { url, agency };
      const user = decodeURIComponent(parsed.username);
      const password = decodeURIComponent(parsed.password);
      parsed.username = '';
      parsed.password = '';
      return { url: parsed.toString(), agency, authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
    });
}

export interface FeedPollerOptions {
  feeds: FeedSource[];
  intervalMs: number;
  timeoutMs: number;
  db: Knex;
  ingestor: Ingestor;
  logger: Logger;
  fetch?: typeof fetch;
  /** Told of each failed poll (fetch, status, XML, store), with the feed's URL. */
  onError?: (url: string) => void;
}

export interface PollResult {
  status: number | null;
  items: number;
  ingested: number;
  rejected: number;
  error?: string;
}

/**
 * Polls RSS/Atom feeds with conditional requests (ETag / Last-Modified) and ingests the items it
 * has not seen. An item is remembered only after it is ingested, so a crash in between re-ingests
 * it, which the content-derived id makes harmless.
 */
export function createFeedPoller(options: FeedPollerOptions) {
  const doFetch = options.fetch ?? fetch;
  const log = options.logger.child({ component: 'feeds' });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let stopped = false;

  async function pollOnce(feed: FeedSource): Promise<PollResult> {
    const state = await getFeedState(options.db, feed.url);
    const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml, text/xml' };
    if (state.etag) headers['if-none-match'] = state.etag;
    if (state.lastModified) headers['if-modified-since'] = state.lastModified;
    if (feed.authorization) headers['authorization'] = feed.authorization;
    let res: Response;
    try {
      res = await doFetch(feed.url, { headers, signal: AbortSignal.timeout(options.timeoutMs), redirect: 'follow' });
    } catch (e) {
      const error = `fetch failed: ${(e as Error).message}`;
      await recordFeedPoll(options.db, { url: feed.url, status: null, error });
      return { status: null, items: 0, ingested: 0, rejected: 0, error };
    }
    if (res.status === 304) {
      await recordFeedPoll(options.db, { url: feed.url, status: 304 });
      return { status: 304, items: 0, ingested: 0, rejected: 0 };
    }
    if (!res.ok) {
      const error = `HTTP ${res.status}`;
      await recordFeedPoll(options.db, { url: feed.url, status: res.status, error });
      return { status: res.status, items: 0, ingested: 0, rejected: 0, error };
    }
    const length = Number(res.headers.get('content-length') ?? 0);
    if (length > MAX_FEED_BYTES) {
      const error = `feed larger than ${MAX_FEED_BYTES} bytes`;
      await res.body?.cancel();
      await recordFeedPoll(options.db, { url: feed.url, status: res.status, error });
      return { status: res.status, items: 0, ingested: 0, rejected: 0, error };
    }
    let items;
    try {
      items = parseFeed(await res.text());
    } catch (e) {
      if (!(e instanceof FeedError)) throw e;
      await recordFeedPoll(options.db, { url: feed.url, status: res.status, error: e.message });
      return { status: res.status, items: 0, ingested: 0, rejected: 0, error: e.message };
    }
    const seen = await seenFeedItems(options.db, feed.url, items.map((i) => i.key));
    const fresh = items.filter((i) => !seen.has(i.key));
    const outcomes = await options.ingestor.ingestMany(
      fresh.map((i) => ({
        text: i.text,
        published_at: feedDateToIso(i.published),
        url: i.link && /^https?:\/\//.test(i.link) ? i.link : null,
        source_agency: feed.agency,
      })),
      { kind: 'feed', ref: feed.url },
    );
    outcomes.forEach((o, n) => {
      if (!o.ok) log.warn({ feed: feed.url, item: fresh[n]!.key, problems: o.problems }, 'feed item rejected');
    });
    // Rejected items are remembered too: the same bad item is not re-examined every poll.
    await markFeedItemsSeen(
      options.db,
      feed.url,
      fresh.map((i, n) => ({ key: i.key, statementId: outcomes[n]!.ok ? (outcomes[n] as { id: string }).id : null })),
    );
    await recordFeedPoll(options.db, {
      url: feed.url,
      status: res.status,
      etag: res.headers.get('etag'),
      lastModified: res.headers.get('last-modified'),
    });
    const ingested = outcomes.filter((o) => o.ok).length;
    return { status: res.status, items: items.length, ingested, rejected: fresh.length - ingested };
  }

  async function pollAll(): Promise<void> {
    for (const feed of options.feeds) {
      if (stopped) return;
      try {
        const r = await pollOnce(feed);
        if (r.error) options.onError?.(feed.url);
        if (r.error) log.warn({ feed: feed.url, ...r }, 'feed poll failed');
        else if (r.ingested > 0 || r.rejected > 0) log.info({ feed: feed.url, ...r }, 'feed polled');
      } catch (e) {
        // Database or broker down: the items are not marked seen, the next poll tries again.
        const err = classifyError(e);
        options.onError?.(feed.url);
        log.warn({ feed: feed.url, code: err.code, error: err.message }, 'feed poll interrupted');
      }
    }
  }

  return {
    pollOnce,
    pollAll,
    start() {
      const tick = () => {
        running = pollAll().finally(() => {
          running = null;
          if (!stopped) timer = setTimeout(tick, options.intervalMs);
        });
      };
      tick();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
