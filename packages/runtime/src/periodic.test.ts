import { describe, expect, it } from 'vitest';
import { startPeriodic } from './periodic.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('startPeriodic', () => {
  it('runs at once, again after each pass, survives a failed pass, and stops after the pass in hand', async () => {
    const errors: unknown[] = [];
    let passes = 0;
    let inPass = 0;
    let overlapped = false;
    const loop = startPeriodic(
      async () => {
        passes++;
        inPass++;
        if (inPass > 1) overlapped = true;
        await sleep(5);
        inPass--;
        if (passes === 2) throw new Error('outage');
      },
      { intervalMs: 1, onError: (e) => errors.push(e) },
    );
    expect(passes).toBe(1);
    while (passes < 4) await sleep(2);
    await loop.stop();
    const stoppedAt = passes;
    expect(inPass).toBe(0);
    await sleep(20);
    expect(passes).toBe(stoppedAt);
    expect(overlapped).toBe(false);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('outage');
  });

  it('with delayFirst, waits one interval before the first pass', async () => {
    let passes = 0;
    const loop = startPeriodic(
      async () => {
        passes++;
      },
      { intervalMs: 30, onError: () => undefined, delayFirst: true },
    );
    expect(passes).toBe(0);
    await sleep(10);
    expect(passes).toBe(0);
    while (passes < 1) await sleep(5);
    await loop.stop();
    expect(passes).toBeGreaterThanOrEqual(1);
  });

  it('runSoon runs the next pass now, or once right after the pass in hand, never two at once', async () => {
    let passes = 0;
    let inPass = 0;
    let overlapped = false;
    let release: () => void = () => undefined;
    const loop = startPeriodic(
      async () => {
        passes++;
        inPass++;
        if (inPass > 1) overlapped = true;
        if (passes === 2) await new Promise<void>((r) => (release = r));
        inPass--;
      },
      { intervalMs: 60_000, onError: () => undefined },
    );
    while (passes < 1) await sleep(1);
    await sleep(5);
    // Idle until the interval ends: runSoon starts the pass at once.
    loop.runSoon();
    expect(passes).toBe(2);
    // During a pass: three calls make one more pass, after this one.
    loop.runSoon();
    loop.runSoon();
    loop.runSoon();
    await sleep(10);
    expect(passes).toBe(2);
    release();
    while (passes < 3) await sleep(1);
    await sleep(20);
    expect(passes).toBe(3);
    expect(overlapped).toBe(false);
    await loop.stop();
    loop.runSoon();
    expect(passes).toBe(3);
  });
});
