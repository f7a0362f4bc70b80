import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StatementFileError, parseStatementFile, type Ingestor } from '@ceasefire/ingest';
import { classifyError, startPeriodic, type Periodic } from '@ceasefire/runtime';
import type { Logger } from 'pino';

export interface FolderWatcherOptions {
  dir: string;
  intervalMs: number;
  /** A file is read once it has not changed for this long (it may still be being written). */
  settleMs: number;
  /** Larger files go to failed/ unread. */
  maxBytes: number;
  ingestor: Ingestor;
  logger: Logger;
}

export interface FileOutcome {
  file: string;
  moved: 'processed' | 'failed' | null;
  ingested: number;
  problems: string[];
}

async function moveInto(dir: string, sub: string, name: string): Promise<string> {
  const target = path.join(dir, sub);
  await mkdir(target, { recursive: true });
  let dest = path.join(target, name);
  // Never overwrite an earlier file of the same name.
  try {
    await stat(dest);
    dest = path.join(target, `${Date.now()}-${name}`);
  } catch {
    /* free */
  }
  await rename(path.join(dir, name), dest);
  return dest;
}

/**
 * Watches a folder (by polling: portable and robust on network mounts): `.txt`, `.json`,
 * `.jsonl` files are ingested, then moved to `processed/`, or to `failed/` with a
 * `<name>.reason.txt` beside them. When the database or broker is down the file stays where it
 * is and is tried again on the next scan.
 */
export function createFolderWatcher(options: FolderWatcherOptions) {
  const log = options.logger.child({ component: 'folder', dir: options.dir });
  let loop: Periodic | null = null;
  let stopped = false;

  async function fail(name: string, problems: string[], ingested: number): Promise<FileOutcome> {
    const dest = await moveInto(options.dir, 'failed', name);
    await writeFile(`${dest}.reason.txt`, problems.join('\n') + '\n');
    log.warn({ file: name, problems }, 'statement file failed');
    return { file: name, moved: 'failed', ingested, problems };
  }

  async function processFile(name: string): Promise<FileOutcome> {
    const full = path.join(options.dir, name);
    const info = await stat(full);
    if (info.size > options.maxBytes) return fail(name, [`file larger than ${options.maxBytes} bytes`], 0);
    const bytes = await readFile(full);
    let content: string;
    try {
      content = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return fail(name, ['not valid UTF-8 text'], 0);
    }
    let submissions;
    try {
      submissions = parseStatementFile(name, content);
    } catch (e) {
      if (e instanceof StatementFileError) return fail(name, [e.message], 0);
      throw e;
    }
    const problems: string[] = [];
    const valid: unknown[] = [];
    const lines: Array<number | null> = [];
    for (const s of submissions) {
      if (s.raw instanceof StatementFileError) problems.push(s.raw.message);
      else {
        valid.push(s.raw);
        lines.push(s.line);
      }
    }
    const outcomes = valid.length ? await options.ingestor.ingestMany(valid, { kind: 'folder', ref: name }) : [];
    outcomes.forEach((o, i) => {
      if (!o.ok) problems.push(`${lines[i] ? `line ${lines[i]}: ` : ''}${o.problems.join('; ')}`);
    });
    const ingested = outcomes.filter((o) => o.ok).length;
    if (problems.length > 0) return fail(name, problems, ingested);
    await moveInto(options.dir, 'processed', name);
    log.info({ file: name, ingested }, 'statement file ingested');
    return { file: name, moved: 'processed', ingested, problems: [] };
  }

  /** One pass over the folder; returns what happened to each file handled. */
  async function scan(now = Date.now()): Promise<FileOutcome[]> {
    await mkdir(options.dir, { recursive: true });
    const entries = await readdir(options.dir, { withFileTypes: true });
    const out: FileOutcome[] = [];
    for (const e of entries) {
      if (stopped) break;
      if (!e.isFile() || e.name.startsWith('.') || e.name.endsWith('.tmp') || e.name.endsWith('.part')) continue;
      try {
        const info = await stat(path.join(options.dir, e.name));
        if (now - info.mtimeMs < options.settleMs) continue;
        out.push(await processFile(e.name));
      } catch (err) {
        const c = classifyError(err);
        // Gone meanwhile (another ingester took it): nothing to do.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        log.warn({ file: e.name, code: c.code, error: c.message }, 'statement file left for the next scan');
        out.push({ file: e.name, moved: null, ingested: 0, problems: [c.message] });
      }
    }
    return out;
  }

  return {
    scan,
    start() {
      loop = startPeriodic(scan, { intervalMs: options.intervalMs, onError: (err) => log.error({ err }, 'folder scan failed') });
    },
    async stop() {
      stopped = true;
      await loop?.stop();
    },
  };
}
