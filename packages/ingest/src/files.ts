/**
 * Statement files, as dropped in the watched folder or given to `ceasefire ingest`:
 * - `.txt`: one statement, the whole text; optional header lines `Published: …`, `Agency: …`,
 *   `Language: …`, `URL: …` before a blank line.
 * - `.json`: one submission object, or an array of them.
 * - `.jsonl`: one submission object per line.
 */

export class StatementFileError extends Error {
  override readonly name = 'StatementFileError';
}

/** One submission from a file, with the line (JSON lines) it came from for error messages. */
export interface FileSubmission {
  line: number | null;
  raw: unknown;
}

const TXT_HEADERS: Record<string, string> = {
  published: 'published_at',
  'published at': 'published_at',
  date: 'published_at',
  agency: 'source_agency',
  source: 'source_agency',
  language: 'language',
  url: 'url',
  id: 'id',
};

function parseTxt(content: string): FileSubmission[] {
  const lines = content.replace(/^\ufeff/, '').split(/\r?\n/);
  const meta: Record<string, string> = {};
  let bodyStart = 0;
  // Header lines only count when all lines up to the first blank one are headers.
  const blank = lines.findIndex((l) => l.trim() === '');
  if (blank > 0) {
    const headers = lines.slice(0, blank).map((l) => /^([A-Za-z ]{2,20}):\s*(.+)$/.exec(l));
    if (headers.every((m) => m && TXT_HEADERS[m[1]!.trim().toLowerCase()])) {
      for (const m of headers) meta[TXT_HEADERS[m![1]!.trim().toLowerCase()]!] = m![2]!.trim();
      bodyStart = blank + 1;
    }
  }
  return [{ line: null, raw: { ...meta, text: lines.slice(bodyStart).join('\n') } }];
}

function parseJsonl(content: string): FileSubmission[] {
  const out: FileSubmission[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push({ line: i + 1, raw: JSON.parse(line) });
    } catch (e) {
      out.push({ line: i + 1, raw: new StatementFileError(`line ${i + 1}: not JSON (${(e as Error).message})`) });
    }
  });
  return out;
}

/** Splits a file's content into submissions by its extension. Throws StatementFileError. */
export function parseStatementFile(name: string, content: string): FileSubmission[] {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  switch (ext) {
    case 'txt':
      return parseTxt(content);
    case 'jsonl':
    case 'ndjson':
      return parseJsonl(content);
    case 'json': {
      let doc: unknown;
      try {
        doc = JSON.parse(content);
      } catch (e) {
        throw new StatementFileError(`not JSON (${(e as Error).message})`);
      }
      const items = Array.isArray(doc) ? doc : [doc];
      return items.map((raw) => ({ line: null, raw }));
    }
    default:
      throw new StatementFileError(`unsupported file type ${ext ? `.${ext}` : '(no extension)'}: use .txt, .json or .jsonl`);
  }
}
