// Where a worker's CPU time went, from its V8 CPU profile (`--cpu-prof`, written by `--profile`):
// self time by module (workspace package, npm package, Node's internals, garbage collection) and
// the functions with the most self time. Run with `--tsx` so the frames name source files (a
// bundle puts the whole workspace in one file).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The module a frame belongs to: `@ceasefire/<package>`, an npm package, `node`, or V8's own. */
export function moduleOf(url: string, functionName: string): string {
  // V8 names a compiled regular expression's frame by its source: the extraction engine's vocabulary.
  if (!url && functionName.startsWith('RegExp:')) return 'regular expressions';
  if (!url) return functionName.startsWith('(') ? functionName : 'V8 builtins';
  if (url.startsWith('node:')) return 'node internals';
  const npm = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url);
  if (npm) return npm[1]!;
  const workspace = /\/(packages|services)\/([^/]+)\//.exec(url);
  if (workspace) return `${workspace[1] === 'packages' ? '@ceasefire/' : 'service '}${workspace[2]}`;
  return path.basename(url);
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  /** Self time by module, largest first: [module, ms, % of the busy time]. */
  modules: Array<[string, number, number]>;
  /** The functions with the most self time: [function (module:line), ms, %]. */
  functions: Array<[string, number, number]>;
}

/** Summarises one `.cpuprofile`; idle time is left out of the percentages. */
export function summariseProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const modules = new Map<string, number>();
  const functions = new Map<string, number>();
  let busy = 0;
  for (const [id, ms] of self) {
    const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
    if (functionName === '(idle)') continue;
    busy += ms;
    const module = moduleOf(url, functionName);
    modules.set(module, (modules.get(module) ?? 0) + ms);
    const shown = functionName.length > 60 ? `${functionName.slice(0, 57)}…` : functionName;
    const name = `${shown || '(anonymous)'} (${module}${url ? `:${path.basename(url)}:${lineNumber + 1}` : ''})`;
    functions.set(name, (functions.get(name) ?? 0) + ms);
  }
  const ranked = (m: Map<string, number>): Array<[string, number, number]> =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, ms]) => [k, Math.round(ms), Math.round((ms / busy) * 1000) / 10]);
  return { file, totalMs: Math.round(busy), modules: ranked(modules), functions: ranked(functions) };
}

/** The summaries of every profile under `dir` (one folder per worker, as `--profile` writes them). */
export function summariseProfiles(dir: string): Record<string, ProfileSummary[]> {
  const out: Record<string, ProfileSummary[]> = {};
  for (const worker of readdirSync(dir)) {
    const files = readdirSync(path.join(dir, worker)).filter((f) => f.endsWith('.cpuprofile'));
    out[worker] = files.map((f) => summariseProfile(path.join(dir, worker, f)));
  }
  return out;
}

/** The summaries as markdown tables. */
export function profileMarkdown(summaries: Record<string, ProfileSummary[]>): string {
  const rows: string[] = ['\n## Where the CPU went (--profile; self time, busy time only)\n'];
  for (const [worker, list] of Object.entries(summaries)) {
    for (const s of list) {
      rows.push(`### ${worker}: ${s.totalMs} ms busy (${path.basename(s.file)})\n`);
      rows.push('| module | ms | % |', '| --- | ---: | ---: |', ...s.modules.map(([m, ms, p]) => `| ${m} | ${ms} | ${p} |`));
      rows.push('', '| function | ms | % |', '| --- | ---: | ---: |', ...s.functions.map(([f, ms, p]) => `| ${f} | ${ms} | ${p} |`), '');
    }
  }
  return rows.join('\n');
}
