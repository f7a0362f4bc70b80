/** kcat, the librdkafka command-line client that tests and operators use to look at topics. */
import { onPath, runOk } from './proc.ts';

/**
 * Install Debian's `kcat` package when `kcat` is not on PATH. Needs root and apt (CI and our
 * machines have both); elsewhere it says what to install instead of failing obscurely.
 */
export async function ensureKcat(opts: { log?: (line: string) => void } = {}): Promise<void> {
  if (await onPath('kcat')) return;
  if (process.getuid?.() !== 0 || !(await onPath('apt-get'))) {
    throw new Error(
      'kcat is not installed: install the `kcat` package (Debian/Ubuntu) or `brew install kcat`',
    );
  }
  opts.log?.('kcat: installing the Debian package (apt-get update && apt-get install -y kcat)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await runOk('apt-get', ['update', '-qq'], { env });
  await runOk('apt-get', ['install', '-y', '-qq', 'kcat'], { env });
}
