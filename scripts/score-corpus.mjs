#!/usr/bin/env node
// Scores the current extraction engine on a labelled corpus file and prints ONLY aggregates.
//
//   node scripts/score-corpus.mjs FILE.jsonl [--json] [--errors]
//   npm run corpus:blind                    (FILE = corpus/blind/blind.jsonl)
//   npm run corpus:score -- corpus/dev.jsonl
//
// FILE holds labelled statements in the format of corpus/SCHEMA.md (`id`, `text`, `gold`, and
// optionally `published_at`, `language`, `source_agency`, `source_url`, `conflict`). The script
// runs `ceasefire extract` (packages/cli) on the statements, then `corpus/score.mjs --json` on
// the whole file and on each subset: by language (`language`) and by conflict (`conflict`,
// "-" when a line has none). It prints, per subset: statement count, event F1, strict event F1,
// violation-report F1, date accuracy, place recall and accused accuracy of matched events, and
// the tp/fp/fn counts of every event type. With --json it prints the same figures as one JSON
// object. With --errors it adds the counts of corpus/errors.mjs (issue #16's error categories,
// which gold type was read as which) for the whole file and per language: counts only.
//
// Why only aggregates: the blind set is kept blind. The engine team may run this on it but must
// never see a statement's id, text, labels or the list of misses, so nothing per statement is
// printed, not even extractor errors (only their count). The subset files that score.mjs needs
// (ids and gold labels, no text) are written to a temporary folder beside FILE, never elsewhere,
// and removed before the script exits.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'packages', 'cli', 'bin', 'ceasefire.mjs');
const MAX_BUFFER = 256 * 1024 * 1024;

function usage(message) {
  process.stderr.write(`${message}\nusage: node scripts/score-corpus.mjs FILE.jsonl [--json]\n`);
  process.exit(2);
}

function parseArgs(argv) {
  const opts = { file: null, json: false, errors: false };
  for (const a of argv) {
    if (a === '--json') opts.json = true;
    else if (a === '--errors') opts.errors = true;
    else if (a.startsWith('-')) usage(`unknown option ${a}`);
    else if (opts.file) usage('only one FILE');
    else opts.file = resolve(a);
  }
  if (!opts.file) usage('FILE is required');
  return opts;
}

/** Reads the labelled lines; a bad line is reported by its line number only. */
function readCorpus(file) {
  const rows = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, n) => {
      if (!line.trim()) return;
      let row;
      try {
        row = JSON.parse(line);
      } catch {
        usage(`${basename(file)}:${n + 1}: not JSON`);
      }
      if (typeof row.id !== 'string' || typeof row.text !== 'string' || typeof row.gold !== 'object') {
        usage(`${basename(file)}:${n + 1}: a labelled line needs "id", "text" and "gold"`);
      }
      rows.push(row);
    });
  if (rows.length === 0) usage(`${basename(file)}: no statements`);
  return rows;
}

/** Runs the engine through the CLI; returns its output lines and how many inputs failed. */
function extract(rows) {
  const input = rows
    .map((r) =>
      JSON.stringify({
        id: r.id,
        text: r.text,
        published_at: r.published_at ?? null,
        language: r.language ?? null,
        source_agency: r.source_agency ?? null,
        url: r.source_url ?? null,
      }),
    )
    .join('\n');
  const run = spawnSync(process.execPath, [CLI, 'extract'], {
    cwd: ROOT,
    input: `${input}\n`,
    maxBuffer: MAX_BUFFER,
    encoding: 'utf8',
  });
  if (run.error) throw run.error;
  if (run.status !== 0 && run.status !== 1) {
    // A usage error names no statement; anything else is summarised, never echoed.
    process.stderr.write(`ceasefire extract exited with ${run.status}\n`);
    process.exit(1);
  }
  const failed = run.stderr.split('\n').filter((l) => l.trim().startsWith('{')).length;
  return { predictions: run.stdout, failed };
}

/** Runs one of corpus/'s scripts on a gold and a prediction file; its standard output. */
function corpusScript(script, goldPath, predPath, flag) {
  const run = spawnSync(process.execPath, [join(ROOT, 'corpus', script), '--gold', goldPath, '--pred', predPath, flag], {
    encoding: 'utf8',
    maxBuffer: MAX_BUFFER,
  });
  if (run.status !== 0) {
    process.stderr.write(`${script} exited with ${run.status}\n`);
    process.exit(1);
  }
  return run.stdout;
}

function score(goldPath, predPath) {
  // score.mjs prints the JSON object, then a last "event F1 …" line.
  const out = corpusScript('score.mjs', goldPath, predPath, '--json');
  return JSON.parse(out.slice(0, out.lastIndexOf('}') + 1));
}

/** corpus/errors.mjs without --list: category counts and type tallies, no statement named. */
function errorCounts(goldPath, predPath) {
  return corpusScript('errors.mjs', goldPath, predPath, '--confusion');
}

/** The figures kept from score.mjs's output: nothing that names a statement. */
function summary(s) {
  const f = s.matched_fields;
  return {
    statements: s.statements,
    event_f1: s.events.f1,
    strict_event_f1: s.strict_events.f1,
    violation_report_f1: s.violation_report.f1,
    date_accuracy: f.date_accuracy,
    place_recall: f.place_recall,
    accused_accuracy: f.accused_accuracy,
    events: { tp: s.events.tp, fp: s.events.fp, fn: s.events.fn },
    by_type: Object.fromEntries(
      Object.entries(s.by_type).map(([t, c]) => [t, { tp: c.tp, fp: c.fp, fn: c.fn }]),
    ),
  };
}

function subsets(rows) {
  const groups = [['all', rows]];
  const by = (key, prefix) => {
    const values = [...new Set(rows.map((r) => r[key] ?? '-'))].sort();
    for (const v of values) groups.push([`${prefix}=${v}`, rows.filter((r) => (r[key] ?? '-') === v)]);
  };
  by('language', 'lang');
  by('conflict', 'conflict');
  return groups;
}

const fmt = (x) => (x === null || x === undefined ? '  n/a' : x.toFixed(3));

function printTable(results, failed) {
  const head = `${'subset'.padEnd(18)} ${'n'.padStart(4)}  event F1  strict F1  viol. F1  date acc  place rec  accused acc`;
  console.log(head);
  for (const [name, r] of results) {
    console.log(
      `${name.padEnd(18)} ${String(r.statements).padStart(4)}  ${fmt(r.event_f1)}     ${fmt(r.strict_event_f1)}      ${fmt(r.violation_report_f1)}     ${fmt(r.date_accuracy)}     ${fmt(r.place_recall)}      ${fmt(r.accused_accuracy)}`,
    );
  }
  const types = [...new Set(results.flatMap(([, r]) => Object.keys(r.by_type)))].sort();
  console.log('\nper event type, tp/fp/fn');
  console.log(`${'subset'.padEnd(18)} ${'all events'.padEnd(12)} ${types.map((t) => t.padEnd(22)).join('')}`);
  for (const [name, r] of results) {
    const cell = (c) => (c ? `${c.tp}/${c.fp}/${c.fn}` : '-');
    console.log(
      `${name.padEnd(18)} ${cell(r.events).padEnd(12)} ${types.map((t) => cell(r.by_type[t]).padEnd(22)).join('')}`,
    );
  }
  console.log(`\nstatements the extractor rejected: ${failed}`);
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const rows = readCorpus(opts.file);
  const { predictions, failed } = extract(rows);
  const tmp = mkdtempSync(join(dirname(opts.file), '.score-'));
  try {
    const predPath = join(tmp, 'pred.jsonl');
    writeFileSync(predPath, predictions);
    const goldPaths = new Map();
    const results = subsets(rows).map(([name, group], i) => {
      const goldPath = join(tmp, `gold-${i}.jsonl`);
      writeFileSync(goldPath, group.map((r) => JSON.stringify({ id: r.id, gold: r.gold })).join('\n') + '\n');
      goldPaths.set(name, goldPath);
      return [name, summary(score(goldPath, predPath))];
    });
    if (opts.json)
      console.log(
        JSON.stringify(
          { file: basename(opts.file), rejected: failed, subsets: Object.fromEntries(results) },
          null,
          2,
        ),
      );
    else printTable(results, failed);
    if (opts.errors)
      for (const [name, goldPath] of goldPaths)
        if (name === 'all' || name.startsWith('lang='))
          console.log(`\nerrors, ${name}:\n${errorCounts(goldPath, predPath).trim()}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main();
