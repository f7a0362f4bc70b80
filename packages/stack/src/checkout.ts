/**
 * What makes one checkout's local servers its own: an id derived from the checkout's real path, and
 * a folder under the system's temporary directory for data that a server's own user must reach.
 * A clone may sit in a folder only its owner can enter (`mktemp -d` and root's home are 0700), and
 * the private Postgres runs as the `postgres` user when we are root: its data cannot live inside
 * the clone. Two checkouts on one machine get different ids, so they never share data.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Twelve hex digits of the SHA-256 of the checkout's real path. */
export function checkoutId(root: string): string {
  let real = path.resolve(root);
  try {
    real = realpathSync(real);
  } catch {
    // Not created yet: the resolved path names it as well.
  }
  return createHash('sha256').update(real).digest('hex').slice(0, 12);
}

/** `<tmpdir>/ceasefire-<checkoutId>`: this checkout's folder for server data outside the clone. */
export function checkoutTmpDir(root: string): string {
  return path.join(os.tmpdir(), `ceasefire-${checkoutId(root)}`);
}

/** The database the integration tests of this checkout use on a shared Postgres server. */
export function testDatabaseName(root: string): string {
  return `ceasefire_test_${checkoutId(root)}`;
}
