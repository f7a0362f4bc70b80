// Headless Chromium for the dashboard test: Debian's `chromium` package (installed here when
// missing; tests run as root) driven by playwright-core, which downloads no browser of its own.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Installs Debian's chromium when /usr/bin/chromium is missing (a fresh machine or CI). */
export function ensureChromium(log: (line: string) => void = (l) => void process.stderr.write(`[browser] ${l}\n`)): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  log('installing chromium with apt-get (first run on this machine)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: 300_000 });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'ignore', env, timeout: 600_000 });
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get install chromium did not provide ${CHROMIUM}`);
  return CHROMIUM;
}

/** Launches headless Chromium with no network services of its own (no updates, sync, QUIC). */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: ensureChromium(),
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
