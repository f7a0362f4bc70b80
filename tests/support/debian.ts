// Debian packages the tests drive (chromium, promtool): installed with apt-get when the binary is
// missing, on a fresh machine or in CI (tests run as root).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** `binary` once present, installing Debian's `pkg` first when it is missing. */
export function ensureDebianBinary(binary: string, pkg: string, log: (line: string) => void = (l) => void process.stderr.write(`[apt] ${l}\n`)): string {
  if (existsSync(binary)) return binary;
  log(`installing ${pkg} with apt-get (first run on this machine)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore', env, timeout: 300_000 });
  execFileSync('apt-get', ['install', '-y', '-qq', pkg], { stdio: 'ignore', env, timeout: 600_000 });
  if (!existsSync(binary)) throw new Error(`apt-get install ${pkg} did not provide ${binary}`);
  return binary;
}
