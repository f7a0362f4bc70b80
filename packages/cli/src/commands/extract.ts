/**
 * `ceasefire extract [--profile NAME]`: statements as JSON lines on standard input (`id`, `text`,
 * and optionally `published_at`, `language`, `source_agency`, `url`; other fields such as `gold`
 * are ignored), one JSON line per statement on standard output:
 * `{"id", "profile", "is_violation_report", "events", "casualty_reports"}` (`profile`: the conflict
 * profile the statement was read with). A bad line gets an error line
 * (with its id, or its line number) on standard error and the run goes on.
 * Exit code: 0 all lines ok, 1 some failed, 2 usage error (e.g. an unknown profile).
 */
import { createInterface } from 'node:readline';
import { extract, getProfile, PROFILES, type ConflictProfile, type StatementInput } from '@ceasefire/extraction';

const USAGE = `usage: ceasefire extract [--profile NAME]
  reads statements as JSON lines on stdin ({"id", "text", "published_at"?, "language"?,
  "source_agency"?, "url"?}) and writes one JSON line of extracted events per statement
  --profile NAME   conflict profile (${PROFILES.map((p) => p.id).join(', ')}); default: chosen per statement
`;

interface Io {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const OPTIONAL_FIELDS = ['published_at', 'language', 'source_agency', 'url'] as const;

/** Validates one parsed line; returns the statement or the reason it is rejected. */
function toStatement(row: unknown): { ok: true; value: StatementInput } | { ok: false; error: string; id: string | null } {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return { ok: false, error: 'a line must be a JSON object', id: null };
  const r = row as Record<string, unknown>;
  const id = typeof r.id === 'string' ? r.id : typeof r.id === 'number' ? String(r.id) : null;
  if (id === null || id.length === 0) return { ok: false, error: '"id" must be a non-empty string', id: null };
  if (typeof r.text !== 'string') return { ok: false, error: '"text" must be a string', id };
  const value: StatementInput = { id, text: r.text };
  for (const f of OPTIONAL_FIELDS) {
    const v = r[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') return { ok: false, error: `"${f}" must be a string or null`, id };
    value[f] = v;
  }
  return { ok: true, value };
}

function write(stream: NodeJS.WritableStream, line: string): Promise<void> {
  // Respect back-pressure so a large input does not buffer all output in memory.
  return stream.write(`${line}\n`) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', () => resolve()));
}

export async function extractCommand(args: string[], io: Io): Promise<number> {
  let profile: ConflictProfile | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--help' || a === '-h') {
      io.stdout.write(USAGE);
      return 0;
    }
    let name: string | undefined;
    if (a === '--profile') name = args[++i];
    else if (a.startsWith('--profile=')) name = a.slice('--profile='.length);
    else {
      io.stderr.write(`ceasefire extract: unknown argument ${a}\n${USAGE}`);
      return 2;
    }
    if (!name) {
      io.stderr.write(`ceasefire extract: --profile needs a name\n${USAGE}`);
      return 2;
    }
    profile = getProfile(name);
    if (!profile) {
      io.stderr.write(`ceasefire extract: unknown profile "${name}" (known: ${PROFILES.map((p) => p.id).join(', ')})\n`);
      return 2;
    }
  }
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  let failed = 0;
  const fail = async (where: { id: string | null; line: number }, error: string): Promise<void> => {
    failed++;
    await write(io.stderr, JSON.stringify({ ...(where.id !== null ? { id: where.id } : {}), line: where.line, error }));
  };
  for await (const line of rl) {
    lineNo++;
    if (line.trim().length === 0) continue;
    let row: unknown;
    try {
      row = JSON.parse(line);
    } catch (e) {
      await fail({ id: null, line: lineNo }, `not JSON: ${(e as Error).message}`);
      continue;
    }
    const st = toStatement(row);
    if (!st.ok) {
      await fail({ id: st.id, line: lineNo }, st.error);
      continue;
    }
    try {
      const r = extract(st.value, profile);
      await write(io.stdout, JSON.stringify({ id: st.value.id, profile: r.profile, is_violation_report: r.is_violation_report, events: r.events, casualty_reports: r.casualty_reports }));
    } catch (e) {
      await fail({ id: st.value.id, line: lineNo }, `extraction failed: ${(e as Error).message}`);
    }
  }
  return failed > 0 ? 1 : 0;
}
