#!/usr/bin/env node
// The `ceasefire` command. Workspace packages are TypeScript sources (no build step), so the
// entry registers tsx's loader before importing the real program.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
