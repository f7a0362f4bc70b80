// The ingester as a separate process against real Kafka and Postgres: every source (HTTP,
// feed, watched folder, CLI) stores a statement once and publishes it once; bad input gets a
// clear error and the worker stays up.
import { createServer, type Server } from 'node:http';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { statementsTopic, topicName } from '@ceasefire/contracts';
import type { Admin } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCommand } from '../packages/cli/src/commands/ingest.ts';
import { eventually, privateStage, readTopicWithKcat, topicSize, type PrivateStage } from './support/harness.ts';
import { freePort, repoRoot, startWorker, stopAllWorkers, type WorkerProcess } from './support/workers.ts';
import seed from './fixtures/seed-statement.json' with { type: 'json' };

const TOKEN = 'test-ingest-token-0123456789';
let admin: Admin;
let prefix: string;
let topic: string;
let stage: PrivateStage;
let db: Knex;
let ingester: WorkerProcess;
let api: string;
let watchDir: string;
let feedServer: Server;
const feedRequests: Array<{ ifNoneMatch?: string }> = [];
let feedUrl: string;
/** Statements a test published twice on purpose (a crash left them unpublished). */
const republished = new Set<string>();

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Border Troops press centre</title>
  <item><guid>bt-1</guid><title>Обстрел в районе Ворух</title><link>https://example.tj/1</link>
    <pubDate>Sat, 17 Sep 2022 09:00:00 +0500</pubDate>
    <description>&lt;p&gt;В ночь на 17 сентября кыргызская сторона обстреляла окрестности Ворух.&lt;/p&gt;</description></item>
  <item><guid>bt-2</guid><title>Situation near Chorkuh</title><link>https://example.tj/2</link>
    <pubDate>Sat, 17 Sep 2022 11:00:00 +0500</pubDate><description>Shots were fired near Chorkuh this morning.</description></item>
</channel></rss>`;

async function post(pathname: string, body: string | Buffer, headers: Record<string, string> = {}) {
  const res = await fetch(`${api}${pathname}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

beforeAll(async () => {
  stage = await privateStage('ingest');
  ({ admin, prefix, db } = stage);
  topic = topicName(statementsTopic, prefix);
  watchDir = await mkdtemp(path.join(tmpdir(), 'ceasefire-watch-'));

  feedServer = createServer((req, res) => {
    const ifNoneMatch = req.headers['if-none-match'];
    feedRequests.push({ ...(typeof ifNoneMatch === 'string' ? { ifNoneMatch } : {}) });
    // The first conditional requests get the whole feed again, as a server without ETag support
    // would: the items are seen twice and must still be ingested once.
    if (ifNoneMatch === '"v1"' && feedRequests.length > 3) return void res.writeHead(304).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"' }).end(RSS);
  });
  const feedPort = await freePort();
  await new Promise<void>((r) => feedServer.listen(feedPort, '127.0.0.1', r));
  feedUrl = `http://127.0.0.1:${feedPort}/rss`;

  const httpPort = await freePort();
  api = `http://127.0.0.1:${httpPort}`;
  ingester = await startWorker('ingester', {
    ...stage.env,
    INGEST_TOKEN: TOKEN,
    HTTP_PORT: String(httpPort),
    HTTP_BODY_LIMIT_BYTES: String(256 * 1024),
    FEEDS: `${feedUrl}|Border Troops of the GKNB of the Republic of Tajikistan`,
    FEED_INTERVAL_MS: '300',
    WATCH_DIR: watchDir,
    WATCH_INTERVAL_MS: '200',
  });
});

afterAll(async () => {
  await stopAllWorkers();
  feedServer?.close();
  await stage?.close();
});

describe('ingester HTTP API', () => {
  it('stores the seed statement once and publishes it once, however often it is posted', async () => {
    const first = await post('/v1/statements', JSON.stringify(seed));
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'accepted', duplicate: false });
    const id = first.body!.id as string;
    expect(id).toMatch(/^st_[0-9a-f]{32}$/);

    const again = await post('/v1/statements', JSON.stringify({ ...seed, text: `  ${seed.text}\n` }));
    expect(again.body).toMatchObject({ id, duplicate: true });

    const rows = await db('statements').where({ id });
    expect(rows).toHaveLength(1);
    expect(rows[0].published_zone).toBe('Asia/Bishkek');
    expect(rows[0].source_side).toBe('KG');
    // Recorded as published just after the answer.
    await eventually(async () => ((await db('statements').where({ id }).first()).enqueued_at ?? undefined), 10_000, 'enqueued_at recorded');

    const messages = (await readTopicWithKcat(topic)).filter((m) => m.key === id);
    expect(messages).toHaveLength(1);
    const envelope = JSON.parse(messages[0]!.value);
    expect(envelope).toMatchObject({ type: 'ceasefire.statement', id, data: { id, language: 'en', published_at: '2022-09-17T00:00:00+06:00' } });
  });

  it('publishes again a stored statement that a crash left unpublished, when it comes again', async () => {
    const first = await post('/v1/statements', JSON.stringify({ ...seed, text: `${seed.text} Crash check.` }));
    const id = first.body!.id as string;
    republished.add(id);
    await eventually(async () => ((await db('statements').where({ id }).first()).enqueued_at ?? undefined), 10_000, 'enqueued_at recorded');
    // A crash between the store's commit and the publish leaves the row without enqueued_at.
    await db('statements').where({ id }).update({ enqueued_at: null });
    const again = await post('/v1/statements', JSON.stringify({ ...seed, text: `${seed.text} Crash check.` }));
    expect(again.body).toMatchObject({ id, duplicate: true });
    await eventually(async () => ((await db('statements').where({ id }).first()).enqueued_at ?? undefined), 10_000, 'enqueued_at recorded again');
    const messages = await eventually(async () => {
      const m = (await readTopicWithKcat(topic)).filter((x) => x.key === id);
      return m.length >= 2 ? m : undefined;
    }, 15_000, 'the statement published again');
    expect(messages).toHaveLength(2);
  });

  it('takes text/plain with metadata in headers', async () => {
    const r = await post('/v1/statements', 'В ночь на 18 мая со стороны Ворух был открыт огонь по селу Кок-Таш.', {
      'content-type': 'text/plain; charset=utf-8',
      'x-published-at': '2022-05-18T10:00:00',
      'x-source-agency': encodeURIComponent('Пограничная служба ГКНБ Кыргызской Республики'),
    });
    expect(r.status).toBe(202);
    const row = await db('statements').where({ id: r.body!.id }).first();
    expect(row.language).toBe('ru');
    expect(row.source_side).toBe('KG');
    expect(row.published_at.toISOString()).toBe('2022-05-18T04:00:00.000Z');
  });

  it('answers bad requests with the reason and keeps running', async () => {
    const noToken = await fetch(`${api}/v1/statements`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(noToken.status).toBe(401);
    expect((await post('/v1/statements', '{}', { authorization: 'Bearer wrong-token-of-same-size!' })).status).toBe(401);

    const invalid = await post('/v1/statements', JSON.stringify({ text: '', published_at: '2022-13-01', url: 'javascript:alert(1)' }));
    expect(invalid.status).toBe(400);
    expect((invalid.body!.problems as string[]).join('\n')).toMatch(/url/);

    const empty = await post('/v1/statements', JSON.stringify({ text: '   \u0000 ' }));
    expect(empty.status).toBe(400);
    expect(empty.body!.problems).toEqual(['text: empty after removing white space and control characters']);

    expect((await post('/v1/statements', '{"text": ')).status).toBe(400);
    expect((await post('/v1/statements', 'x'.repeat(300 * 1024), { 'content-type': 'text/plain' })).status).toBe(413);
    expect((await post('/v1/statements', '<xml/>', { 'content-type': 'application/xml' })).status).toBe(415);
    expect((await post('/v1/statements', '[1,2]')).status).toBe(400);
    expect(ingester.child.exitCode).toBeNull();
  });

  it('ingests a batch and reports each item', async () => {
    const r = await post(
      '/v1/statements/batch',
      JSON.stringify([
        { text: 'Batch statement one: firing near Kulundu.', published_at: '2022-09-16' },
        { text: '' },
        { text: 'Batch statement two: mortar fire near Ak-Sai.', published_at: '2022-09-16' },
      ]),
    );
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ accepted: 2, rejected: 1 });
    const results = r.body!.results as Array<Record<string, unknown>>;
    expect(results.map((x) => x.status)).toEqual(['accepted', 'rejected', 'accepted']);

    const nd = await post('/v1/statements/batch', '{"text":"ndjson one"}\n{"text":"ndjson two"}\n', { 'content-type': 'application/x-ndjson' });
    expect(nd.body).toMatchObject({ accepted: 2, rejected: 0 });
  });
});

describe('ingester rate limits', () => {
  // A second ingester with small limits (the first one's defaults do not get in the way of the
  // tests above): the variables are parsed, the guard sits in front of every route.
  let limited: string;
  beforeAll(async () => {
    const httpPort = await freePort();
    limited = `http://127.0.0.1:${httpPort}`;
    await startWorker('ingester', {
      ...stage.env,
      INGEST_TOKEN: TOKEN,
      HTTP_PORT: String(httpPort),
      HTTP_RATE_LIMIT_PER_MINUTE: '3',
      HTTP_AUTH_FAILURES_PER_MINUTE: '2',
    });
  });
  const send = (token: string) =>
    fetch(`${limited}/v1/statements`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(seed) });

  it('takes statements under the limit and answers a burst over it 429 with Retry-After and the limit named', async () => {
    for (let i = 0; i < 3; i++) expect((await send(TOKEN)).status).toBe(202);
    const over = await send(TOKEN);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await over.json()).toMatchObject({ error: 'rate_limited', limit: 'HTTP_RATE_LIMIT_PER_MINUTE', max: 3 });
  });

  it('throttles a flood of bad tokens', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await send(`guess-${i}-0123456789abcdef`)).status);
    expect(codes).toEqual([401, 401, 429, 429, 429]);
    const refused = await send('guess-5-0123456789abcdef');
    expect(await refused.json()).toMatchObject({ error: 'rate_limited', limit: 'HTTP_AUTH_FAILURES_PER_MINUTE', max: 2 });
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});

describe('feed poller', () => {
  it('ingests new items once and sends conditional requests afterwards', async () => {
    const rows = await eventually(async () => {
      const r = await db('statements').whereRaw(`sources @> ?::jsonb`, [JSON.stringify([{ kind: 'feed', ref: feedUrl }])]);
      return r.length === 2 ? r : undefined;
    }, 20_000, 'two feed items stored');
    expect(rows.map((r) => r.source_side)).toEqual(['TJ', 'TJ']);
    expect(rows.find((r) => r.url === 'https://example.tj/1')!.text).toContain('В ночь на 17 сентября');
    await eventually(() => (feedRequests.length > 4 ? true : undefined), 10_000, 'a conditional request answered 304');
    expect(feedRequests.slice(1).every((r) => r.ifNoneMatch === '"v1"')).toBe(true);
    const again = await db('statements').whereRaw(`sources @> ?::jsonb`, [JSON.stringify([{ kind: 'feed', ref: feedUrl }])]);
    expect(again).toHaveLength(2);
    expect(await db('feed_items').where({ feed_url: feedUrl }).count<{ count: string }[]>('* as count')).toEqual([{ count: '2' }]);
  });
});

describe('watched folder', () => {
  it('ingests good files into processed/ and moves bad ones to failed/ with a reason', async () => {
    await writeFile(path.join(watchDir, 'note.txt'), 'Published: 2022-09-16T09:00:00+06:00\nAgency: Kabar\n\nFolder statement: Kok-Tash came under fire.');
    await writeFile(path.join(watchDir, 'many.jsonl'), '{"text":"folder jsonl one"}\n{"text":"folder jsonl two"}\n');
    await writeFile(path.join(watchDir, 'picture.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await writeFile(path.join(watchDir, 'broken.json'), '{"text": ');
    const processed = await eventually(async () => {
      const names = await readdir(path.join(watchDir, 'processed')).catch(() => []);
      return names.length === 2 ? names.sort() : undefined;
    }, 20_000, 'two processed files');
    expect(processed).toEqual(['many.jsonl', 'note.txt']);
    const failed = await eventually(async () => {
      const names = await readdir(path.join(watchDir, 'failed')).catch(() => []);
      return names.length === 4 ? names.sort() : undefined;
    }, 20_000, 'two failed files with reasons');
    expect(failed).toEqual(['broken.json', 'broken.json.reason.txt', 'picture.png', 'picture.png.reason.txt']);
    expect(await readFile(path.join(watchDir, 'failed/picture.png.reason.txt'), 'utf8')).toMatch(/not valid UTF-8|unsupported file type/);
    expect(await readFile(path.join(watchDir, 'failed/broken.json.reason.txt'), 'utf8')).toMatch(/not JSON/);
    const row = await db('statements').whereRaw(`text like 'Folder statement%'`).first();
    expect(row.published_at.toISOString()).toBe('2022-09-16T03:00:00.000Z');
  });
});

describe('ceasefire ingest (CLI)', () => {
  it('ingests files and stdin through the same path, once', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'ceasefire-cli-')), 'two.jsonl');
    await writeFile(file, `${JSON.stringify(seed)}\n${JSON.stringify({ text: 'CLI statement: shooting near Arka.' })}\n`);
    const stdin = new PassThrough();
    stdin.end('{"text":"CLI from stdin"}\n{"text":""}\n');
    const out: string[] = [];
    const err: string[] = [];
    const sink = (into: string[]) => Object.assign(new PassThrough(), { write: (s: string) => (into.push(s), true) });
    const code = await ingestCommand([file, '-'], {
      stdin,
      stdout: sink(out) as unknown as NodeJS.WritableStream,
      stderr: sink(err) as unknown as NodeJS.WritableStream,
      env: stage.env,
      root: repoRoot,
    });
    expect(code).toBe(1); // the empty statement on stdin
    expect(out.join('')).toMatch(/two\.jsonl:1\tst_[0-9a-f]+\talready stored/);
    expect(out.join('')).toMatch(/two\.jsonl:2\tst_[0-9a-f]+\tstored/);
    expect(out.join('')).toMatch(/-:1\tst_[0-9a-f]+\tstored/);
    expect(err.join('')).toMatch(/-:2: rejected: text: empty/);
  });

  it('published exactly one message per stored statement (two for one a crash left unpublished)', async () => {
    const ids = ((await db('statements').select('id')) as Array<{ id: string }>).map((r) => r.id);
    const expected = Object.fromEntries(ids.map((id) => [id, republished.has(id) ? 2 : 1]));
    const total = Object.values(expected).reduce((a, b) => a + b, 0);
    await eventually(async () => ((await topicSize(admin, topic)) >= total ? true : undefined), 10_000, 'every statement published');
    const counts: Record<string, number> = {};
    for (const m of await readTopicWithKcat(topic)) counts[m.key] = (counts[m.key] ?? 0) + 1;
    expect(counts).toEqual(expected);
  });
});
