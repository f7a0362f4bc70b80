/**
 * `where.path: contains a NUL character` (`path` alone when `where` is empty) for each string in `value` (nested objects and arrays
 * included, keys too) holding U+0000. Postgres text holds none, so such a value reaching a query
 * fails there as a 500; the HTTP APIs refuse it first, naming every field.
 */
export function nulProblems(value: unknown, where: string): string[] {
  const problems: string[] = [];
  const walk = (v: unknown, at: string, depth: number): void => {
    if (typeof v === 'string') {
      if (v.includes('\u0000')) problems.push(`${at}: contains a NUL character`);
    } else if (v !== null && typeof v === 'object' && depth < 32) {
      for (const [k, inner] of Object.entries(v)) {
        const name = k.replace(/\u0000/g, '\\u0000');
        if (k !== name) problems.push(`${at}: a field name contains a NUL character`);
        walk(inner, at ? `${at}.${name}` : name, depth + 1);
      }
    }
  };
  walk(value, where, 0);
  return problems;
}
