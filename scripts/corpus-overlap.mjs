#!/usr/bin/env node
// Counts how many statements of a held-out corpus file come from a page that another corpus
// file also uses, printing ONLY the count (never a statement, id or address).
//
//   node scripts/corpus-overlap.mjs corpus/blind/blind.jsonl corpus/real/*.jsonl
//   npm run corpus:overlap
//
// Why: the blind set stays blind only while no training statement paraphrases the same page.
// Whoever adds training statements runs this; a count above 0 means a training line must go (or
// the blind labeller replaces the blind one). Pages are compared by `source_url` (or `url`),
// normalised: lower case, no scheme, no "www."/"m."/"amp." host prefix, no query, no trailing
// slash, no "/amp" or "-amp" path part, so a site's AMP and mobile copies count as one page.
// The exit code is 1 when the count is above 0, so a CI step can fail on it.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

export function normalisePage(url) {
  return String(url)
    .toLowerCase()
    .split(/[?#]/)[0]
    .replace(/^https?:\/\//, '')
    .replace(/^(www\.|m\.|amp\.)/, '')
    .replace(/\/amp(?=\/|$)/g, '')
    .replace(/-amp(?=\.html|\/|$)/g, '')
    .replace(/\/+$/, '');
}

function pages(file) {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, n) => {
      try {
        const row = JSON.parse(line);
        return row.source_url ?? row.url ?? null;
      } catch {
        process.stderr.write(`${basename(file)}:${n + 1}: not JSON\n`);
        process.exit(2);
      }
    })
    .filter((url) => typeof url === 'string' && url.length > 0)
    .map(normalisePage);
}

function main() {
  const [heldOut, ...others] = process.argv.slice(2);
  if (!heldOut || others.length === 0) {
    process.stderr.write('usage: node scripts/corpus-overlap.mjs HELD_OUT.jsonl OTHER.jsonl...\n');
    process.exit(2);
  }
  const seen = new Set(others.flatMap(pages));
  const held = pages(heldOut);
  const shared = held.filter((page) => seen.has(page)).length;
  console.log(
    `${basename(heldOut)}: ${shared} of ${held.length} statements share a page with the other files`,
  );
  process.exitCode = shared > 0 ? 1 : 0;
}

main();
