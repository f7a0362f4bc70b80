import { describe, expect, it } from 'vitest';
import { parseFeedList } from './feeds.ts';

describe('parseFeedList', () => {
  it('reads url|agency entries, comma-separated', () => {
    expect(parseFeedList(' http://a.example/rss | Kabar ,http://b.example/feed')).toEqual([
      { url: 'http://a.example/rss', agency: 'Kabar' },
      { url: 'http://b.example/feed', agency: null },
    ]);
  });

  it('moves credentials out of the URL into a Basic authorization header', () => {
    const [feed] = parseFeedList('https://monitor:p%40ss@feeds.example/rss?lang=ru|AKIpress');
    expect(feed).toEqual({
      url: 'https://feeds.example/rss?lang=ru',
      agency: 'AKIpress',
      authorization: `Basic ${Buffer.from('monitor:p@ss').toString('base64')}`,
    });
  });
});
