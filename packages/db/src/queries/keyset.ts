/**
 * Keyset ("cursor") pagination shared by the read queries: pages are ordered by a time and an id,
 * newest first, and the next page starts strictly after the last row of this one, so rows
 * inserted meanwhile never shift a page (offsets would).
 */
export interface Keyset {
  /** The sort time of the last row seen; null for rows whose time is unknown (they sort last). */
  readonly at: Date | null;
  readonly id: string;
}

/** A page of rows and where the next one starts (null on the last page). */
export interface Page<T> {
  readonly items: T[];
  readonly next: Keyset | null;
}

/** Clamps a requested page size. */
export function pageSize(limit: number | undefined, fallback = 50, max = 500): number {
  return Math.min(Math.max(Math.trunc(limit ?? fallback), 1), max);
}

/** Escapes `%`, `_` and `\` for a LIKE pattern. */
export function likePrefix(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Cuts the extra row fetched to learn whether another page exists. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => Keyset): Page<T> {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  return { items, next: keyOf(items[items.length - 1]!) };
}
