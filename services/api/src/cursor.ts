import { Timestamp } from '@ceasefire/contracts';
import type { Keyset } from '@ceasefire/db';
import { z } from 'zod';

// A forged cursor is refused like a malformed one: an id with NUL would fail in Postgres.
const Shape = z.object({ at: Timestamp.nullable(), id: z.string().min(1).max(200).regex(/^[^\u0000]*$/) }).strict();

/** A page position as an opaque URL-safe string (clients pass back what they were given). */
export function encodeCursor(keyset: Keyset | null): string | null {
  if (keyset === null) return null;
  return Buffer.from(JSON.stringify({ at: keyset.at?.toISOString() ?? null, id: keyset.id }), 'utf8').toString('base64url');
}

/** The position a cursor names; null when it is not one of ours (the caller answers 400). */
export function decodeCursor(cursor: string): Keyset | null {
  try {
    const parsed = Shape.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    return { at: parsed.data.at === null ? null : new Date(parsed.data.at), id: parsed.data.id };
  } catch {
    return null;
  }
}
