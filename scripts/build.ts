// `npm run build`: the workers bundled into services/<name>/dist/main.js (see packages/stack/src/build.ts).
// The types are checked by `npm run typecheck` (tsc), which the build does not repeat.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWorkers } from '@ceasefire/stack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await buildWorkers({ root, names: process.argv.slice(2).length ? process.argv.slice(2) : undefined, log: (line) => void process.stdout.write(`${line}\n`) });
