// Headless Chromium for the dashboard test: Debian's `chromium` package (installed here when
// missing; tests run as root) driven by playwright-core, which downloads no browser of its own.
import { chromium, type Browser } from 'playwright-core';
import { ensureDebianBinary } from './debian.ts';

export const CHROMIUM = '/usr/bin/chromium';

/** Installs Debian's chromium when /usr/bin/chromium is missing (a fresh machine or CI). */
export const ensureChromium = (): string => ensureDebianBinary(CHROMIUM, 'chromium');

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
