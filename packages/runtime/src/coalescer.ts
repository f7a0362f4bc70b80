/**
 * Joins calls made together into one call of `run`, `concurrency` calls at a time: the calls of
 * one turn of the event loop form a group, handled at the next; calls made while the groups in
 * hand are handled form the next group. Each call settles with its group's outcome: its own
 * item's result when `run` returns one per item (in the group's order), or the group's error.
 */
export function coalescer<T, R = void>(
  run: (items: T[]) => Promise<readonly R[] | void>,
  /** A group's items weigh at most `max` together (a heavier item goes alone); the rest wait for the next. */
  limit: { weight: (item: T) => number; max: number } = { weight: () => 0, max: Infinity },
  /** Groups handled at once (each takes what waits when it starts). */
  concurrency = 1,
): (item: T) => Promise<R> {
  const waiting: Array<{ item: T; resolve: (r: R) => void; reject: (e: unknown) => void }> = [];
  let running = 0;
  let scheduled = false;

  function nextGroup(): typeof waiting {
    let total = 0;
    let n = 0;
    while (n < waiting.length) {
      const w = limit.weight(waiting[n]!.item);
      if (n > 0 && total + w > limit.max) break;
      total += w;
      n++;
    }
    return waiting.splice(0, n);
  }

  async function worker(): Promise<void> {
    running++;
    try {
      while (waiting.length > 0) {
        const group = nextGroup();
        try {
          const results = await run(group.map((g) => g.item));
          group.forEach((g, i) => g.resolve(results?.[i] as R));
        } catch (e) {
          for (const g of group) g.reject(e);
        }
      }
    } finally {
      running--;
    }
  }

  function start(): void {
    scheduled = false;
    while (running < concurrency && waiting.length > 0) void worker();
  }

  return (item) =>
    new Promise<R>((resolve, reject) => {
      waiting.push({ item, resolve, reject });
      if (running < concurrency && !scheduled) {
        scheduled = true;
        setImmediate(start);
      }
    });
}
