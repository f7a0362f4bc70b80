// Credentials in URLs never reach a log line, whichever part of the line carries them.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { captureLogs } from './testing.ts';
import { redactUrl, scrubUrls } from './logger.ts';

describe('scrubUrls', () => {
  it('hides the password of user info and credential-like query values, and leaves the rest', () => {
    expect(scrubUrls('fetch failed: http://reader:pw-1@feeds.example:8443/rss?key=k1&lang=ru#top')).toBe(
      'fetch failed: http://reader:redacted@feeds.example:8443/rss?key=redacted&lang=ru#top',
    );
    expect(scrubUrls('https://h/news?access_token=a&api_key=b&sig=c&cursor=d')).toBe('https://h/news?access_token=redacted&api_key=redacted&sig=redacted&cursor=d');
    expect(scrubUrls('/v1/events?cursor=abc&limit=5')).toBe('/v1/events?cursor=abc&limit=5');
    expect(scrubUrls('no url here')).toBe('no url here');
    expect(redactUrl('https://u:p@h/x?token=t&page=2')).toBe('https://u:redacted@h/x?token=redacted&page=2');
  });
});

describe('createLogger', () => {
  it('scrubs URLs in fields, lists, messages and errors, and redacts credential fields', () => {
    const { lines, logger } = captureLogs();
    const err = new Error('Request cannot be constructed from a URL that includes credentials: http://u:s3cret@h/rss');
    logger.warn(
      { feed: 'http://u:s3cret@h/rss?token=t0ken', feeds: ['https://a:s3cret@b/c'], err, password: 's3cret', headers: { authorization: 'Bearer t0ken' } },
      'cannot reach http://u:s3cret@h/rss',
    );
    const line = lines.join('\n');
    expect(line).not.toMatch(/s3cret|t0ken/);
    const parsed = JSON.parse(lines[0]!);
    expect(parsed).toMatchObject({
      feed: 'http://u:redacted@h/rss?token=redacted',
      feeds: ['https://a:redacted@b/c'],
      password: '[redacted]',
      headers: { authorization: '[redacted]' },
      msg: 'cannot reach http://u:redacted@h/rss',
    });
    expect(parsed.err.message).toMatch(/http:\/\/u:redacted@h\/rss$/);
  });
});

describe('log line keys', () => {
  it('keeps hostname, and a field named level, time or msg never overrides the line’s own', () => {
    const { lines, logger } = captureLogs();
    logger.info({ agreement: 'a1', level: 'local_ceasefire', time: 'yesterday', msg: 'x' }, 'agreement proposed');
    const text = lines[0]!;
    // Duplicate keys: JSON.parse keeps the last, so count them in the text itself.
    expect(text.match(/"level":/g)).toHaveLength(1);
    expect(text.match(/"time":/g)).toHaveLength(1);
    const parsed = JSON.parse(text);
    expect(parsed).toMatchObject({ level: 30, msg: 'agreement proposed', level_field: 'local_ceasefire', time_field: 'yesterday', msg_field: 'x', hostname: hostname() });
  });
});
