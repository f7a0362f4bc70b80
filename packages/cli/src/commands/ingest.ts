/**
 * `ceasefire ingest FILE... | -`: statements from files (.txt, .json, .jsonl) or standard input
 * (JSON lines), through the same path as every other source: validated, normalised, stored
 * once, published. Prints one line per statement; exit 1 if any was rejected.
 */
import { readFile } from 'node:fs/promises';
import { text } from 'node:stream/consumers';
import { PROFILES } from '@ceasefire/extraction';
import { StatementFileError, agencyDirectory, createIngestor, parseStatementFile, type FileSubmission } from '@ceasefire/ingest';

import { openServices } from '../context.ts';

const USAGE = `usage: ceasefire ingest [--json] FILE... | -
  FILE   a .txt (one statement; optional "Published:", "Agency:", "Language:", "URL:" header
         lines, then a blank line), .json (an object or an array) or .jsonl file
  -      JSON lines on standard input
  --json one JSON result per statement instead of a table
environment: DATABASE_URL, KAFKA_BROKERS (default: the local stack's)
`;

export async function ingestCommand(
  args: string[],
  io: { stdin: NodeJS.ReadableStream; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; env: NodeJS.ProcessEnv; root: string },
): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (files.length === 0 || files.some((f) => f.startsWith('--'))) {
    io.stderr.write(USAGE);
    return 2;
  }

  // Read and parse everything first: a typo in the last file name fails before anything is sent.
  const batches: Array<{ name: string; items: FileSubmission[] }> = [];
  let failed = 0;
  for (const name of files) {
    try {
      const content = name === '-' ? await text(io.stdin) : await readFile(name, 'utf8');
      batches.push({ name, items: parseStatementFile(name === '-' ? 'stdin.jsonl' : name, content) });
    } catch (e) {
      const reason = e instanceof StatementFileError ? e.message : (e as Error).message;
      io.stderr.write(`${name}: ${reason}\n`);
      failed++;
    }
  }
  if (batches.length === 0) return 1;

  const services = await openServices(io.env, io.root, 'ceasefire-cli');
  const ingestor = createIngestor({
    db: services.db,
    producer: services.producer,
    topicPrefix: services.config.TOPIC_PREFIX,
    agencies: agencyDirectory(PROFILES),
    now: () => new Date(),
    source: 'ceasefire/cli',
    onMarkFailed: (e) => io.stderr.write(`could not record statements as published (${(e as Error).message}); they are published again if they come again\n`),
  });
  try {
    for (const { name, items } of batches) {
      const valid = items.filter((i) => !(i.raw instanceof StatementFileError));
      for (const bad of items.filter((i) => i.raw instanceof StatementFileError)) {
        io.stderr.write(`${name}: ${(bad.raw as StatementFileError).message}\n`);
        failed++;
      }
      const outcomes = await ingestor.ingestMany(valid.map((v) => v.raw), { kind: 'cli', ref: name });
      outcomes.forEach((o, i) => {
        const where = valid[i]!.line ? `${name}:${valid[i]!.line}` : name;
        if (json) io.stdout.write(`${JSON.stringify({ source: where, ...o })}\n`);
        else if (o.ok) io.stdout.write(`${where}\t${o.id}\t${o.duplicate ? 'already stored' : 'stored'}\n`);
        if (!o.ok) {
          failed++;
          if (!json) io.stderr.write(`${where}: rejected: ${o.problems.join('; ')}\n`);
        }
      });
    }
  } finally {
    await ingestor.settled();
    await services.close();
  }
  return failed > 0 ? 1 : 0;
}
