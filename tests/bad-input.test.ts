// The bad-input catalogue: malformed and hostile inputs through every entry point (HTTP API,
// feed poller, watched folder, CLI, each topic), with the workers as processes. Each input gets
// a clear error (HTTP 4xx with a reason, a failed/ file with its reason, a feed's last_error, a
// CLI message) or a DLQ entry with its reason; no worker dies; the good input around it gets
// through.
import { createServer, request, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { statementsTopic, violationEventsTopic, topicName } from '@ceasefire/contracts';
import type { Admin, Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCommand } from '../packages/cli/src/commands/ingest.ts';
import { eventually, privateStage, readTopicWithKcat, type PrivateStage } from './support/harness.ts';
import { freePort, repoRoot, startWorker, stopAllWorkers, type WorkerProcess } from './support/workers.ts';

const TOKEN = 'bad-input-token-0123456789';
const BODY_LIMIT = 1024 * 1024;
const BATCH_MAX = 50;
let admin: Admin;
let producer: Producer;
let prefix: string;
let stage: PrivateStage;
let db: Knex;
let api: string;
let watchDir: string;
let feedServer: Server;
let feedBase: string;
let readApi: string;
let operatorApi: string;
const API_TOKEN = 'bad-input-api-token-0123456789';
const OPERATOR_TOKEN = 'bad-input-operator-token-0123456789';
const workers: WorkerProcess[] = [];

const GOOD_FEED = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>ok</title>
  <item><guid>good-1</guid><title>Shots near Chorkuh</title><link>https://example.tj/good-1</link>
    <pubDate>Sat, 17 Sep 2022 11:00:00 +0500</pubDate><description>Bad-input suite: shots were fired near Chorkuh.</description></item>
</channel></rss>`;
const FEEDS: Record<string, string> = {
  '/good.xml': GOOD_FEED,
  '/broken.xml': '<?xml version="1.0"?><rss><channel><item><title>unclosed</channel></rss>',
  // The billion laughs: ten levels of ten-fold entity expansion.
  '/laughs.xml': `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><rss><channel><item><title>&lol9;</title><guid>x</guid></item></channel></rss>`,
  '/notxml.xml': '{"this": "is json"}',
};

/**
 * A body over the limit: the server answers 413 from the announced length, before reading the
 * body, and closes. A client still uploading may then see a reset instead of the answer (curl
 * shows the answer; fetch reports EPIPE), so this sends the headers alone, as a client waiting
 * for `100 Continue` would, and reads the answer.
 */
function postEarlyAnswer(pathname: string, body: string | Buffer, headers: Record<string, string>) {
  return new Promise<{ status: number; body: Record<string, unknown> | null }>((resolve, reject) => {
    const req = request(`${api}${pathname}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers, 'content-length': String(Buffer.byteLength(body)) },
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

async function post(pathname: string, body: string | Buffer, headers: Record<string, string> = {}) {
  if (Buffer.byteLength(body) > BODY_LIMIT) return postEarlyAnswer(pathname, body, headers);
  const res = await fetch(`${api}${pathname}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body,
  });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

function expectAllAlive() {
  for (const w of workers) expect(w.child.exitCode, `${w.name} is running`).toBeNull();
}

beforeAll(async () => {
  stage = await privateStage('badin');
  ({ admin, producer, prefix, db } = stage);
  watchDir = await mkdtemp(path.join(tmpdir(), 'ceasefire-badin-'));
  feedServer = createServer((req, res) => {
    const body = FEEDS[req.url ?? ''];
    if (body === undefined) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(body);
  });
  const feedPort = await freePort();
  await new Promise<void>((r) => feedServer.listen(feedPort, '127.0.0.1', r));
  feedBase = `http://127.0.0.1:${feedPort}`;
  const env = stage.env;
  const httpPort = await freePort();
  api = `http://127.0.0.1:${httpPort}`;
  const [apiPort, operatorPort] = [await freePort(), await freePort()];
  readApi = `http://127.0.0.1:${apiPort}`;
  operatorApi = `http://127.0.0.1:${operatorPort}`;
  workers.push(
    ...(await Promise.all([
      startWorker('ingester', {
        ...env,
        INGEST_TOKEN: TOKEN,
        HTTP_PORT: String(httpPort),
        HTTP_BODY_LIMIT_BYTES: String(BODY_LIMIT),
        HTTP_BATCH_MAX: String(BATCH_MAX),
        FEEDS: Object.keys(FEEDS).map((p) => `${feedBase}${p}|Border Troops of the GKNB of the Republic of Tajikistan`).join(','),
        FEED_INTERVAL_MS: '500',
        WATCH_DIR: watchDir,
        WATCH_INTERVAL_MS: '200',
        SWEEP_INTERVAL_MS: '500',
        SWEEP_GRACE_MS: '2000',
        // Pages of two, so that the test of statements that can never be published spans pages.
        SWEEP_PAGE_SIZE: '2',
      }),
      startWorker('classifier', { ...env, CLASSIFIER_GROUP_ID: `${prefix}classifier` }),
      startWorker('alerting', { ...env, ALERT_TICK_MS: '500', OPERATOR_TOKEN, OPERATOR_PORT: String(operatorPort) }),
      startWorker('api', { ...env, API_TOKEN, API_HTTP_PORT: String(apiPort), API_STREAM_GROUP_PREFIX: `${prefix}api-stream` }),
    ])),
  );
});

afterAll(async () => {
  await stopAllWorkers();
  feedServer?.close();
  await stage?.close();
});

/** One hostile input through the HTTP API, with the answer it must get. */
interface HttpCase {
  name: string;
  path?: string;
  body: string | Buffer;
  headers?: Record<string, string>;
  status: number;
  /** Something the answer's message or problems must say. */
  says?: RegExp;
}

const deep = (n: number) => `{"text":${'['.repeat(n)}"deep"${']'.repeat(n)}}`;
const HTTP_CASES: HttpCase[] = [
  { name: 'invalid JSON', body: '{"text": "unterminated', status: 400, says: /JSON/i },
  { name: 'wrong types', body: JSON.stringify({ text: 42, published_at: true, language: ['en'] }), status: 400, says: /text/ },
  { name: 'missing fields', body: JSON.stringify({ published_at: '2022-09-16' }), status: 400, says: /text/ },
  { name: 'empty text', body: JSON.stringify({ text: ' \t\n ' }), status: 400, says: /text: empty/ },
  { name: 'control characters only', body: JSON.stringify({ text: '\u0000\u0001\u0007\u001b' }), status: 400, says: /text: empty/ },
  { name: '10 MB text', body: JSON.stringify({ text: 'a'.repeat(10 * 1024 * 1024) }), status: 413, says: /exceeds/ },
  { name: '10 MB text/plain', body: 'b'.repeat(10 * 1024 * 1024), headers: { 'content-type': 'text/plain' }, status: 413 },
  { name: 'invalid UTF-8 in JSON', body: Buffer.concat([Buffer.from('{"text":"bad '), Buffer.from([0xc3, 0x28, 0xff, 0xfe]), Buffer.from(' bytes near Kulundu"}')]), status: 400, says: /UTF-8/ },
  { name: 'invalid UTF-8 as text/plain', body: Buffer.from([0x53, 0x68, 0x6f, 0x74, 0xff, 0xfe, 0xc0, 0x80]), headers: { 'content-type': 'text/plain' }, status: 400, says: /UTF-8/ },
  { name: 'binary body', body: Buffer.from([0x00, 0x01, 0x02, 0x89, 0x50, 0x4e, 0x47]), headers: { 'content-type': 'application/octet-stream' }, status: 415 },
  { name: 'deeply nested JSON', body: deep(100_000), status: 400, says: /text/ },
  { name: 'deeply nested JSON in an ignored field', body: `{"text":"","x":${deep(50_000)}}`, status: 400, says: /text: empty/ },
  { name: 'JSON that is not an object', body: '"just a string"', status: 400, says: /one statement object/ },
  { name: 'prototype pollution keys', body: '{"text":"proto test","__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}', status: 400 },
  { name: 'a bad URL scheme', body: JSON.stringify({ text: 'Shots near Arka.', url: 'javascript:alert(1)' }), status: 400, says: /url/ },
  { name: 'an impossible date', body: JSON.stringify({ text: 'Shots near Arka.', published_at: '2022-02-30T25:61:00Z' }), status: 400, says: /published_at/ },
  { name: 'huge batch', path: '/v1/statements/batch', body: JSON.stringify(Array.from({ length: BATCH_MAX + 1 }, (_, i) => ({ text: `batch item ${i}` }))), status: 413, says: /at most/ },
  { name: 'empty batch', path: '/v1/statements/batch', body: '[]', status: 400, says: /empty/ },
  { name: 'batch of garbage lines', path: '/v1/statements/batch', body: 'not json\n{"text":', headers: { 'content-type': 'application/x-ndjson' }, status: 400, says: /JSON lines/ },
];

describe('the HTTP API refuses bad input with a reason', () => {
  it.each(HTTP_CASES)('$name → $status', async (c) => {
    const r = await post(c.path ?? '/v1/statements', c.body, c.headers);
    expect(r.status, JSON.stringify(r.body)).toBe(c.status);
    expect(r.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
    if (c.says) expect(`${r.body!.message as string}\n${((r.body!.problems as string[] | undefined) ?? []).join('\n')}`).toMatch(c.says);
    expectAllAlive();
  });

  it('stores hostile text as text: SQL injection, HTML and script, control characters', async () => {
    const texts = [
      "Robert'); DROP TABLE statements; -- shots near Kulundu",
      'Shots near Ak-Sai <script>alert(document.cookie)</script><img src=x onerror=alert(1)>',
      'Shots\u0000 near\u0007 Dostuk\u202e reversed\u200b',
    ];
    for (const text of texts) {
      const r = await post('/v1/statements', JSON.stringify({ text, published_at: '2022-09-16' }));
      expect(r.status).toBe(202);
      const row = await db('statements').where({ id: r.body!.id }).first();
      // Stored verbatim, apart from control characters, which normalisation removes.
      expect(row.text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
      expect(row.text.replace(/[\u200b\u202e]/g, '')).toContain(text.replace(/[\u0000-\u001f\u200b\u202e]/g, '').split(' ')[0]);
    }
    expect(await db.schema.hasTable('statements')).toBe(true);
    expectAllAlive();
  });

  it('takes the good items of a mixed batch and reports the bad ones', async () => {
    const r = await post(
      '/v1/statements/batch',
      JSON.stringify([{ text: 'Bad-input batch: mortar fire near Ak-Sai.', published_at: '2022-09-16' }, { text: 7 }, null, 'string', { text: '' }]),
    );
    expect(r.status).toBe(202);
    expect(r.body).toMatchObject({ accepted: 1, rejected: 4 });
  });
});

describe('the feed poller', () => {
  it('records broken XML, entity expansion and non-XML as the feed error and ingests the good feed', async () => {
    const feeds = await eventually(async () => {
      const rows = await db('feeds').select('url', 'last_error', 'last_polled_at');
      return rows.length === 4 && rows.every((r) => r.last_polled_at) ? rows : undefined;
    }, 30_000, 'four feeds polled');
    const errorOf = (p: string) => feeds.find((f) => f.url === `${feedBase}${p}`)!.last_error as string | null;
    expect(errorOf('/good.xml')).toBeNull();
    expect(errorOf('/broken.xml')).toMatch(/not well-formed XML/);
    expect(errorOf('/laughs.xml')).toMatch(/entity declarations are not allowed/);
    expect(errorOf('/notxml.xml')).toMatch(/XML|RSS|Atom/i);
    await eventually(async () => (await db('statements').whereRaw(`text like ?`, ['%Bad-input suite: shots were fired near Chorkuh%']).first()) ?? undefined, 20_000, 'the good feed item');
    expectAllAlive();
  });
});

describe('the watched folder', () => {
  it('moves wrong-type, binary, invalid UTF-8 and broken files to failed/ with a reason and ingests the good one', async () => {
    const files: Record<string, string | Buffer> = {
      'report.pdf': Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj'),
      'program.exe': Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]),
      'latin1.txt': Buffer.from([0x53, 0x68, 0x6f, 0x74, 0x73, 0x20, 0xe9, 0xe8, 0x20, 0xff]),
      'broken.jsonl': '{"text":"folder good line near Arka"}\n{"text": \n',
      'types.json': JSON.stringify({ text: { nested: true } }),
      'empty.txt': '',
      'good.txt': 'Published: 2022-09-16T09:00:00+06:00\n\nBad-input folder statement: Kok-Tash came under fire.',
    };
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(watchDir, name), content);
    const failed = await eventually(async () => {
      const names = (await readdir(path.join(watchDir, 'failed')).catch(() => [] as string[])).filter((n) => !n.endsWith('.reason.txt'));
      return names.length === 6 ? names.sort() : undefined;
    }, 30_000, 'six failed files');
    expect(failed).toEqual(['broken.jsonl', 'empty.txt', 'latin1.txt', 'program.exe', 'report.pdf', 'types.json']);
    for (const name of failed) expect((await readFile(path.join(watchDir, 'failed', `${name}.reason.txt`), 'utf8')).trim().length).toBeGreaterThan(5);
    expect(await readFile(path.join(watchDir, 'failed/latin1.txt.reason.txt'), 'utf8')).toMatch(/UTF-8/);
    expect(await readFile(path.join(watchDir, 'failed/report.pdf.reason.txt'), 'utf8')).toMatch(/type|UTF-8/);
    expect(await readFile(path.join(watchDir, 'failed/broken.jsonl.reason.txt'), 'utf8')).toMatch(/line 2/);
    await eventually(async () => (await readdir(path.join(watchDir, 'processed')).catch(() => [] as string[])).includes('good.txt') || undefined, 20_000, 'good.txt processed');
    expect(await db('statements').whereRaw(`text like ?`, ['Bad-input folder statement%']).first()).toBeTruthy();
    expectAllAlive();
  });
});

describe('the CLI', () => {
  it('names each bad file and line, ingests the good ones, exits 1', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'ceasefire-badcli-'));
    await writeFile(path.join(dir, 'mixed.jsonl'), '{"text":"CLI bad-input good line near Dostuk"}\nnot json\n{"text":""}\n{"text":{"a":1}}\n');
    await writeFile(path.join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
    const out: string[] = [];
    const err: string[] = [];
    const sink = (into: string[]) => Object.assign(new PassThrough(), { write: (s: string) => (into.push(s), true) });
    const stdin = new PassThrough();
    stdin.end('\u0000\u0001garbage\n');
    const code = await ingestCommand([path.join(dir, 'mixed.jsonl'), path.join(dir, 'image.png'), path.join(dir, 'missing.json'), '-'], {
      stdin,
      stdout: sink(out) as unknown as NodeJS.WritableStream,
      stderr: sink(err) as unknown as NodeJS.WritableStream,
      env: stage.env,
      root: repoRoot,
    });
    expect(code).toBe(1);
    const errors = err.join('');
    expect(errors).toMatch(/image\.png: .*(type|UTF-8)/);
    expect(errors).toMatch(/missing\.json: .*(ENOENT|no such file)/);
    expect(errors).toMatch(/mixed\.jsonl.*line 2|mixed\.jsonl:2/);
    expect(errors).toMatch(/mixed\.jsonl:3: rejected: text: empty/);
    expect(errors).toMatch(/-: .*|stdin/);
    expect(out.join('')).toMatch(/mixed\.jsonl:1\tst_[0-9a-f]+\tstored/);
  });
});

describe('garbage written straight to the topics', () => {
  it('dead-letters each with its reason, keeps every worker up, and lets the good messages through', async () => {
    const garbage = [
      Buffer.from('not json'),
      Buffer.from([0xff, 0x00, 0xfe, 0x80]),
      Buffer.from(JSON.stringify({ specversion: '1.0', type: 'ceasefire.statement', data: { id: 1 } })),
      Buffer.from(JSON.stringify({ ...JSON.parse('{}'), dataschema: 'ceasefire.statement/99', id: 'future' })),
      Buffer.from(`{"a":${'['.repeat(5000)}${']'.repeat(5000)}}`),
      Buffer.alloc(0),
    ];
    for (const t of [statementsTopic, violationEventsTopic]) {
      await producer.publish(topicName(t, prefix), garbage.map((value, i) => ({ key: `garbage-${i}`, value })));
    }
    // A good statement after the garbage: classified (and its events reach alerting).
    const good = await post('/v1/statements', JSON.stringify({ text: 'On 16 September at 10:00 Tajik military personnel opened fire from mortars at the positions of Kyrgyz border guards near the village of Kulundu in Leilek district.', published_at: '2022-09-16T12:00:00+06:00', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }));
    expect(good.status).toBe(202);

    const dead = await eventually(async () => {
      const rows = await db('dead_letters').select('stage', 'topic', 'key', 'error_code', 'error_message', 'headers');
      return rows.length >= garbage.length * 2 ? rows : undefined;
    }, 60_000, 'twelve dead letters');
    expect(dead).toHaveLength(garbage.length * 2);
    for (const d of dead) {
      expect(d.error_code).toBe('contract_violation');
      expect(d.error_message.length).toBeGreaterThan(5);
      expect(d.key).toMatch(/^garbage-/);
    }
    expect(dead.filter((d) => d.stage === 'classifier')).toHaveLength(garbage.length);
    expect(dead.filter((d) => d.stage === 'alerting')).toHaveLength(garbage.length);
    for (const t of [statementsTopic, violationEventsTopic]) {
      const size = (await admin.endOffsets(topicName(t.dlq!, prefix))).reduce((n, p) => n + Number(p.offset), 0);
      expect(size).toBe(garbage.length);
    }
    await eventually(async () => (await db('violation_events').where({ statement_id: good.body!.id }).first()) ?? undefined, 30_000, 'events of the good statement');
    expectAllAlive();
  });
});

// ---- the hostile probe of issue #15: each entry × each entry point it applies to -------------

/** One request of the catalogue, to one of the three HTTP entry points, with the answer it must get. */
interface Probe {
  entry: string;
  point: 'ingest API' | 'read API' | 'operator API';
  method?: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** No Authorization header at all (the auth-bypass entries). */
  anonymous?: boolean;
  status: number;
  /** Something the problems or message must say (every bad field named). */
  says?: RegExp[];
}

const STATEMENT = { text: 'Catalogue statement: mortar fire near Ak-Sai.', published_at: '2022-09-16T10:00:00+06:00' };
const NUL = 'a\u0000b';
const tokenOf = { 'ingest API': TOKEN, 'read API': API_TOKEN, 'operator API': OPERATOR_TOKEN } as const;
const baseOf = (point: Probe['point']) => (point === 'ingest API' ? api : point === 'read API' ? readApi : operatorApi);
const READ_QUERIES: Record<string, string[]> = {
  '/v1/statements': ['from', 'to', 'source_agency', 'language', 'cursor', 'limit'],
  '/v1/events': ['from', 'to', 'area', 'type', 'accused_party', 'reported_by', 'agreement', 'incident', 'statement', 'cursor', 'limit'],
  '/v1/incidents': ['from', 'to', 'area', 'type', 'corroboration', 'cursor', 'limit'],
  '/v1/alerts': ['state', 'severity', 'agreement', 'area', 'from', 'to', 'cursor', 'limit'],
  '/v1/agreements': ['status', 'limit'],
  '/v1/casualties': ['scope', 'source_agency', 'side', 'population'],
};
const READ_IDS = ['/v1/statements/', '/v1/events/', '/v1/incidents/', '/v1/agreements/', '/v1/alerts/'];
const TIMES: Array<[string, string, number]> = [
  ['an impossible date with a time', '2022-02-30T10:00:00Z', 400],
  ['an offset beyond ±14:00', '2022-09-16T10:00:00+15:00', 400],
  ['a year above 9999 in UTC', '9999-12-31T23:00:00-05:00', 400],
  ['24:00 as a time of day', '2022-09-16T24:00:00Z', 400],
];

const PROBES: Probe[] = [
  // 1. The token is checked on the route the router matched, not on the URL as written.
  ...[
    ['/%76%31/statements', 'POST'],
    ['/v%31/statements/batch', 'POST'],
  ].map(([path, method]): Probe => ({ entry: 'percent-encoded /v1 without a token', point: 'ingest API', method: method!, path: path!, body: STATEMENT, anonymous: true, status: 401 })),
  ...['/%76%31/agreements', '/%76%31/statements', '/v%31/alerts/stream', '/%76%31/gazetteer'].map(
    (path): Probe => ({ entry: 'percent-encoded /v1 without a token', point: 'read API', path, anonymous: true, status: 401 }),
  ),
  { entry: 'percent-encoded /v1 without a token', point: 'read API', method: 'POST', path: '/%76%31/alerts/al_x/ack', body: {}, anonymous: true, status: 401 },
  ...['/%61greements', '/%61lerts'].map((path): Probe => ({ entry: 'percent-encoded path without a token', point: 'operator API', path, anonymous: true, status: 401 })),
  // 4. NUL characters: refused with 400 naming the field (text and source_agency are cleaned instead).
  ...['id', 'published_at', 'url', 'language'].map((field): Probe => ({ entry: 'a NUL character', point: 'ingest API', path: '/v1/statements', body: { ...STATEMENT, [field]: field === 'url' ? `https://x.kg/${NUL}` : NUL }, status: 400, says: [new RegExp(`^${field}`, 'm')] })),
  ...['text', 'source_agency'].map((field): Probe => ({ entry: 'a NUL character', point: 'ingest API', path: '/v1/statements', body: { ...STATEMENT, text: `${STATEMENT.text} (${field})`, [field]: `${field === 'text' ? STATEMENT.text : 'Border Service'} ${NUL} (${field})` }, status: 202 })),
  ...Object.entries(READ_QUERIES).flatMap(([route, params]) =>
    params.map((param): Probe => ({ entry: 'a NUL character', point: 'read API', path: `${route}?${param}=a%00b`, status: 400, says: [new RegExp(`query\\.${param}`)] })),
  ),
  ...READ_IDS.map((route): Probe => ({ entry: 'a NUL character', point: 'read API', path: `${route}x%00y`, status: 400, says: [/path\.id/] })),
  { entry: 'a NUL character', point: 'read API', method: 'POST', path: '/v1/alerts/al%00x/ack', body: { by: NUL, note: NUL }, status: 400, says: [/path\.id/, /body\.by/, /body\.note/] },
  ...['name', 'notes', 'registered_by', 'start_zone'].map((field): Probe => ({ entry: 'a NUL character', point: 'operator API', method: 'POST', path: '/agreements', body: { parties: ['KG', 'TJ'], scope_areas: ['kg.batken'], [field]: NUL }, status: 400, says: [new RegExp(`^${field}`, 'm')] })),
  { entry: 'a NUL character', point: 'operator API', path: '/agreements/ag%00x', status: 400, says: [/path\.id/] },
  { entry: 'a NUL character', point: 'operator API', method: 'POST', path: '/alerts/al_x/ack', body: { by: NUL, note: NUL }, status: 400, says: [/^by/m, /^note/m] },
  // 3/4. Times: one reader for the ingest API and the contract; out-of-range ones are 400 everywhere.
  ...TIMES.flatMap(([entry, time, status]): Probe[] => [
    { entry, point: 'ingest API', path: '/v1/statements', body: { ...STATEMENT, text: `${STATEMENT.text} ${entry}`, published_at: time }, status, says: [/published_at/] },
    { entry, point: 'read API', path: `/v1/statements?from=${encodeURIComponent(time)}`, status, says: [/query\.from/] },
    { entry, point: 'operator API', method: 'POST', path: '/agreements', body: { parties: ['KG', 'TJ'], scope_areas: ['kg.batken'], starts_at: time }, status, says: [/starts_at/] },
  ]),
  ...(
    [
      ['minutes without seconds', '2022-09-16T10:00Z'],
      ['lower-case t and z', '2022-09-16t10:00:00z'],
      ['an offset without a colon', '2022-09-16T10:00:00+0600'],
      ['a year 0001–0099', '0050-06-01T10:00:00Z'],
    ] as const
  ).map(([entry, time]): Probe => ({ entry, point: 'ingest API', path: '/v1/statements', body: { ...STATEMENT, text: `${STATEMENT.text} ${entry}`, published_at: time }, status: 202 })),
  { entry: 'a year 0001–0099', point: 'read API', path: '/v1/statements?from=0050-06-01T10:00:00Z', status: 200 },
  { entry: 'a year 0001–0099', point: 'operator API', method: 'POST', path: '/agreements', body: { parties: ['KG', 'TJ'], scope_areas: ['kg.batken'], starts_at: '0050-06-01T10:00:00Z' }, status: 201 },
  // 5. Valid requests that were refused.
  ...(['ingest API', 'read API', 'operator API'] as const).map((point): Probe => ({
    entry: '`bearer` in lower case',
    point,
    path: point === 'ingest API' ? '/v1/statements' : point === 'read API' ? '/v1/agreements' : '/agreements',
    ...(point === 'ingest API' ? { body: { ...STATEMENT, text: `${STATEMENT.text} lower-case bearer` } } : {}),
    headers: { authorization: `bearer ${tokenOf[point]}` },
    status: point === 'ingest API' ? 202 : 200,
  })),
  { entry: 'APPLICATION/JSON', point: 'ingest API', path: '/v1/statements', body: { ...STATEMENT, text: `${STATEMENT.text} upper-case type` }, headers: { 'content-type': 'APPLICATION/JSON' }, status: 202 },
  // 7. The operator API refuses agreements that would silently never match.
  { entry: 'an unknown area', point: 'operator API', method: 'POST', path: '/agreements', body: { parties: ['KG', 'TJ'], scope_areas: ['kg.nowhere'] }, status: 400, says: [/scope_areas\.0: unknown area/] },
  { entry: 'an unknown party', point: 'operator API', method: 'POST', path: '/agreements', body: { parties: ['KG', 'XX'], scope_areas: ['kg.batken'] }, status: 400, says: [/parties\.1: unknown party/] },
];

/** What a 400 must never show: SQL, constraint or table names. */
const LEAKS = /insert into|select |update |violates|constraint|_key\b|_check\b|sqlstate|statements\.|pg_/i;

async function send(p: Probe): Promise<{ status: number; body: Record<string, unknown> | null }> {
  const headers: Record<string, string> = { ...(p.anonymous ? {} : { authorization: `Bearer ${tokenOf[p.point]}` }), ...(p.body === undefined ? {} : { 'content-type': 'application/json' }), ...p.headers };
  const res = await fetch(`${baseOf(p.point)}${p.path}`, { method: p.method ?? (p.point === 'ingest API' && p.body !== undefined ? 'POST' : 'GET'), headers, ...(p.body === undefined ? {} : { body: JSON.stringify(p.body) }) });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, unknown> | null };
}

describe('the catalogue of issue #15: each entry through each entry point it applies to', () => {
  it.each(PROBES.map((p) => [`${p.entry} × ${p.point}: ${p.method ?? (p.body === undefined ? 'GET' : 'POST')} ${p.path} → ${p.status}`, p] as const))('%s', async (_label, p) => {
    const r = await send(p);
    expect(r.status, JSON.stringify(r.body)).toBe(p.status);
    if (p.status >= 400) {
      const said = `${String(r.body?.message ?? '')}\n${((r.body?.problems as string[] | undefined) ?? []).join('\n')}`;
      for (const s of p.says ?? []) expect(said).toMatch(s);
      expect(JSON.stringify(r.body)).not.toMatch(LEAKS);
    }
    expectAllAlive();
  });

  it('publishes every statement it stores: a time the contract once refused, and the valid items of a batch with a bad one', async () => {
    const texts = ['Catalogue batch one: shots near Kulundu.', 'Catalogue batch two: shots near Dostuk.', 'Catalogue batch three: shots near Arka.'];
    const r = await post(
      '/v1/statements/batch',
      JSON.stringify([
        { text: texts[0], published_at: '2022-09-16T10:00Z' },
        { text: 'Catalogue batch bad: shots near Ak-Sai.', published_at: '2022-09-16T24:00:00Z' },
        { text: texts[1], published_at: '2022-09-16t10:00:00z' },
        { text: texts[2] },
      ]),
    );
    expect(r.status).toBe(202);
    const results = r.body!.results as Array<{ status: string; duplicate?: boolean; id?: string }>;
    expect(results.map((x) => x.status)).toEqual(['accepted', 'rejected', 'accepted', 'accepted']);
    // New statements are not duplicates, even with a bad one beside them.
    expect(results.filter((x) => x.status === 'accepted').map((x) => x.duplicate)).toEqual([false, false, false]);
    const ids = results.filter((x) => x.id).map((x) => x.id!);
    await eventually(async () => {
      const rows = await db('statements').whereIn('id', ids).whereNotNull('enqueued_at');
      return rows.length === 3 || undefined;
    }, 20_000, 'the three statements recorded as published');
  });

  it('publishes a statement posted many times at once once, and adds a second agency to its sources', async () => {
    const text = `Catalogue concurrent: shelling near Kok-Tash ${Date.now()}.`;
    const answers = await Promise.all(Array.from({ length: 40 }, () => post('/v1/statements', JSON.stringify({ text }))));
    expect(answers.every((a) => a.status === 202)).toBe(true);
    const id = answers[0]!.body!.id as string;
    expect(answers.filter((a) => a.body!.duplicate === false)).toHaveLength(1);
    const published = await eventually(async () => {
      const n = (await readTopicWithKcat(topicName(statementsTopic, prefix))).filter((m) => m.key === id).length;
      return n > 0 ? n : undefined;
    }, 20_000, 'the statement on the topic');
    expect(published).toBe(1);
    // The same text from another agency, and a copy with invisible characters and look-alikes.
    const again = await post('/v1/statements', JSON.stringify({ text, source_agency: '\u001b[31mState Border Service\u202e of Tajikistan\u0007' }));
    expect(again.body).toMatchObject({ id, duplicate: true });
    const disguised = text.replace('shelling', 'shel\u00adling').replace('near', 'n\u0435ar').replace(' Kok', '\u200b Kok');
    expect((await post('/v1/statements', JSON.stringify({ text: disguised }))).body).toMatchObject({ id, duplicate: true });
    const row = await db('statements').where({ id }).first();
    expect(row.text).toBe(text);
    const agencies = (row.sources as Array<{ source_agency: string | null }>).map((s) => s.source_agency);
    expect(agencies).toContain('State Border Service of Tajikistan');
  });

  it('refuses operator changes that would leave an agreement covering nothing, and ending it twice', async () => {
    const headers = { authorization: `Bearer ${OPERATOR_TOKEN}`, 'content-type': 'application/json' };
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${operatorApi}${path}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    expect((await call('POST', '/agreements', { id: 'ag_catalogue', parties: ['KG', 'TJ'], scope_areas: ['kg.batken'] })).status).toBe(201);
    const none = await call('PATCH', '/agreements/ag_catalogue', { scope_areas: [] });
    expect(none.status).toBe(400);
    expect(JSON.stringify(none.body)).toMatch(/cover no area/);
    expect(JSON.stringify(none.body)).not.toMatch(LEAKS);
    expect((await call('PATCH', '/agreements/ag_catalogue', { scope_areas: ['kg.nowhere'] })).status).toBe(400);
    expect((await call('POST', '/agreements/ag_catalogue/end', { ends_at: '2022-09-20T00:00:00Z' })).status).toBe(200);
    const twice = await call('POST', '/agreements/ag_catalogue/end', { ends_at: '2022-09-25T00:00:00Z' });
    expect(twice.status).toBe(409);
    expect((await db('agreements').where({ id: 'ag_catalogue' }).first()).ends_at.toISOString()).toBe('2022-09-20T00:00:00.000Z');
  });

  it('sends CSP, frame protection, nosniff and Referrer-Policy with the dashboard', async () => {
    const res = await fetch(`${readApi}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });
});

describe('the ingester sweeps and counts (issue #15 items 3 and 9)', () => {
  it('publishes a stored statement that was never published, and exports ceasefire_ingest_* metrics', async () => {
    const id = 'st_sweeper0000000000000000000000001';
    await db('statements').insert({
      id,
      text: 'Catalogue sweeper: stored, never published, near Kulundu.',
      language: 'en',
      published_at: new Date('2022-09-16T04:00:00Z'),
      sources: JSON.stringify([{ kind: 'http', ref: null }]),
      received_at: new Date('2022-09-16T04:01:00Z'),
      content_sha256: '0'.repeat(64),
    });
    await eventually(async () => ((await db('statements').where({ id }).first()).enqueued_at ? true : undefined), 30_000, 'the sweeper publishing it');
    expect((await readTopicWithKcat(topicName(statementsTopic, prefix))).filter((m) => m.key === id)).toHaveLength(1);
    const ingester = workers.find((w) => w.name === 'ingester')!;
    const metrics = await eventually(async () => {
      const text = await (await fetch(`http://127.0.0.1:${ingester.healthPort}/metrics`)).text();
      return /ceasefire_ingest_swept_total\{[^}]*\} [1-9]/.test(text) ? text : undefined;
    }, 10_000, 'the swept counter');
    expect(metrics).toMatch(/ceasefire_ingest_statements_total\{[^}]*origin="http"[^}]*outcome="accepted"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/ceasefire_ingest_statements_total\{[^}]*outcome="rejected"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/ceasefire_ingest_http_responses_total\{[^}]*status="400"[^}]*error="invalid_statement"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/ceasefire_ingest_http_responses_total\{[^}]*status="401"[^}]*error="unauthorized"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/ceasefire_ingest_feed_errors_total\{[^}]*feed="127\.0\.0\.1:\d+\/broken\.xml"[^}]*\} [1-9]/);
    expect(metrics).toMatch(/ceasefire_ingest_unpublished_statements\{[^}]*\} 0/);
  });

  it('publishes a stored statement stored after pages of statements that break the contract', async () => {
    // Rows the contract refuses (a url that is no URL) stay unpublished and are counted; the
    // sweeper's later pages still reach the statement stored after them.
    const row = (n: number, url: string | null) => ({
      id: `st_sweeper${String(n).padStart(26, '0')}`,
      text: `Catalogue sweeper ${n}: stored, never published, near Kulundu.`,
      language: 'en',
      published_at: new Date('2022-09-16T04:00:00Z'),
      sources: JSON.stringify([{ kind: 'http', ref: null }]),
      received_at: new Date('2022-09-16T04:01:00Z'),
      content_sha256: String(n).repeat(64).slice(0, 64),
      url,
    });
    const bad = [2, 3, 4, 5, 6].map((n) => row(n, 'not a url'));
    const good = row(7, null);
    for (const r of bad) await db('statements').insert({ ...r, created_at: new Date(Date.now() - 60_000) });
    await db('statements').insert({ ...good, created_at: new Date(Date.now() - 30_000) });
    await eventually(async () => ((await db('statements').where({ id: good.id }).first()).enqueued_at ? true : undefined), 30_000, 'the sweeper publishing the statement after them');
    expect((await db('statements').whereIn('id', bad.map((r) => r.id)).whereNull('enqueued_at')).length).toBe(5);
    const ingester = workers.find((w) => w.name === 'ingester')!;
    const metrics = await (await fetch(`http://127.0.0.1:${ingester.healthPort}/metrics`)).text();
    expect(metrics).toMatch(/ceasefire_ingest_unpublishable_total\{[^}]*\} [5-9]/);
  });
});
