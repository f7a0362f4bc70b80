/**
 * The production build of the workers: each service's `src/main.ts` and the workspace packages it
 * imports, bundled into one ES module `services/<name>/dist/main.js` (with its source map), the
 * npm dependencies left as imports of `node_modules`. Run by `npm run build`, by `ceasefire up`
 * when a bundle is missing or older than a source it was built from, by the benchmark and by the
 * Docker image. Plain `node` runs the result: no TypeScript loader in the workers' processes.
 * Tests and development keep running the sources (tsx, vitest).
 */
import { cp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';

/** The services that have a `src/main.ts` to bundle, in flow order. */
export const BUILT_SERVICES = ['ingester', 'classifier', 'alerting', 'api'] as const;
export type BuiltService = (typeof BUILT_SERVICES)[number];

/** Where a service's bundle is. */
export const bundlePath = (root: string, name: string) => path.join(root, 'services', name, 'dist', 'main.js');
const metaPath = (root: string, name: string) => path.join(root, 'services', name, 'dist', 'meta.json');

/** Bare imports of npm packages stay imports (resolved from node_modules at run time); the workspace's own are bundled. */
const npmPackagesExternal: Plugin = {
  name: 'npm-packages-external',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@ceasefire/') || args.path.startsWith('node:') ? undefined : { path: args.path, external: true }));
  },
};

/** Modules a service loads beside its main one (worker threads), each bundled as `dist/<name>.js`. */
const EXTRA_ENTRIES: Partial<Record<string, string[]>> = { classifier: ['extraction-worker'] };

/** Files a service needs beside its bundle (read from `import.meta.url`'s folder). */
const ASSETS: Partial<Record<string, string[]>> = { api: ['public'] };

/**
 * Whether a service's bundle is missing or older than any file it was built from (the inputs
 * esbuild recorded), or than the lock file (a dependency changed).
 */
export async function bundleStale(root: string, name: string): Promise<boolean> {
  let built: number;
  let inputs: string[];
  try {
    built = (await stat(bundlePath(root, name))).mtimeMs;
    inputs = Object.keys((JSON.parse(await readFile(metaPath(root, name), 'utf8')) as { inputs: Record<string, unknown> }).inputs);
  } catch {
    return true;
  }
  for (const file of [...inputs, 'package-lock.json']) {
    try {
      if ((await stat(path.join(root, file))).mtimeMs > built) return true;
    } catch {
      return true; // an input that is gone: the sources moved
    }
  }
  return false;
}

/** Bundles the given services (all by default); with `onlyStale`, only those whose bundle is stale. Returns the ones built. */
export async function buildWorkers(opts: { root: string; names?: readonly string[]; onlyStale?: boolean; log?: (line: string) => void }): Promise<string[]> {
  const built: string[] = [];
  for (const name of opts.names ?? BUILT_SERVICES) {
    if (opts.onlyStale && !(await bundleStale(opts.root, name))) continue;
    const started = performance.now();
    const result = await build({
      absWorkingDir: opts.root,
      entryPoints: ['main', ...(EXTRA_ENTRIES[name] ?? [])].map((entry) => path.join('services', name, 'src', `${entry}.ts`)),
      outdir: path.dirname(bundlePath(opts.root, name)),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: true,
      metafile: true,
      logLevel: 'warning',
      plugins: [npmPackagesExternal],
    });
    const inputs = Object.keys(result.metafile.inputs);
    for (const asset of ASSETS[name] ?? []) {
      const from = path.join('services', name, 'src', asset);
      await cp(path.join(opts.root, from), path.join(opts.root, 'services', name, 'dist', asset), { recursive: true });
      // The copied files count as inputs: a changed page makes the bundle stale too.
      for (const entry of await readdir(path.join(opts.root, from), { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) inputs.push(path.relative(opts.root, path.join(entry.parentPath, entry.name)));
      }
    }
    await writeFile(metaPath(opts.root, name), JSON.stringify({ inputs: Object.fromEntries(inputs.map((i) => [i, true])) }));
    opts.log?.(`${name}: built ${path.relative(opts.root, bundlePath(opts.root, name))} in ${Math.round(performance.now() - started)} ms`);
    built.push(name);
  }
  return built;
}
