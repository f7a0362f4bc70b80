// The classifier's two ways of extracting a batch give the same results in the same order: on the
// event loop, and on worker threads running the worker module as the build bundles it.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extract, type StatementInput } from '@ceasefire/extraction';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractionThreads, inlineExtractor, threadExtractor } from './extraction.ts';

const texts = [
  'Kyrgyz border guards reported that Tajik servicemen opened fire from small arms near the village of Kok-Tash on 14 September 2022. Two servicemen were wounded.',
  'Погранслужба ГКНБ КР сообщает, что 16 сентября 2022 года таджикская сторона обстреляла из миномётов позиции у села Максат.',
  'The Ministry of Foreign Affairs welcomed the agreement on a complete ceasefire reached on 16 September 2022.',
  'No violations of the ceasefire were recorded on the border overnight, the border service said.',
];
// More statements than one chunk per thread holds, each distinct, in a known order.
const statements: StatementInput[] = Array.from({ length: 120 }, (_, i) => ({
  id: `st_${String(i).padStart(3, '0')}`,
  text: `${texts[i % texts.length]} Item ${i}.`,
  published_at: '2022-09-17T10:00:00+06:00',
  language: i % texts.length === 1 ? 'ru' : 'en',
  source_agency: null,
}));

let dir: string;
let workerUrl: URL;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'classifier-worker-'));
  const outfile = path.join(dir, 'extraction-worker.js');
  await build({ entryPoints: [path.join(import.meta.dirname, 'extraction-worker.ts')], outfile, bundle: true, platform: 'node', format: 'esm', logLevel: 'warning' });
  workerUrl = pathToFileURL(outfile);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('batch extraction', () => {
  it('inline: every statement extracted as the engine does, in order', async () => {
    const out = await inlineExtractor(undefined).extract(statements);
    expect(out).toEqual(statements.map((s) => ({ ok: true, result: extract(s) })));
  });

  it('on worker threads: the same results in the same order, the batch cut into a chunk per thread', async () => {
    const threads = threadExtractor(undefined, 2, workerUrl);
    try {
      const [whole, small] = await Promise.all([threads.extract(statements), threads.extract(statements.slice(0, 3))]);
      const inline = await inlineExtractor(undefined).extract(statements);
      expect(whole).toEqual(inline);
      expect(small).toEqual(inline.slice(0, 3));
      expect(whole.map((o) => (o.ok ? o.result.statement_id : null))).toEqual(statements.map((s) => s.id));
      expect(threads.mode).toBe('2 threads');
    } finally {
      await threads.close();
    }
  });
});

describe('EXTRACTION_THREADS unset', () => {
  it('extracts inline on two cores or fewer and uses all cores but one beyond, unless set', () => {
    expect([1, 2, 3, 8].map((cores) => extractionThreads(undefined, cores))).toEqual([0, 0, 2, 7]);
    expect(extractionThreads(2, 8)).toBe(2);
    expect(extractionThreads(0, 8)).toBe(0);
  });
});
