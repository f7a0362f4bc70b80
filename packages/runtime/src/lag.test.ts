import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import type { Admin } from './kafka/types.ts';
import { consumerLag, startLagMonitor } from './lag.ts';

describe('consumer lag', () => {
  it('is the log end minus the committed offset, from 0 where nothing was committed', () => {
    expect(
      consumerLag(
        [
          { partition: 0, offset: '10' },
          { partition: 1, offset: '5' },
          { partition: 2, offset: '0' },
        ],
        [
          { partition: 0, offset: '7' },
          { partition: 1, offset: '-1' },
        ],
      ),
    ).toEqual([
      { partition: 0, lag: 3 },
      { partition: 1, lag: 5 },
      { partition: 2, lag: 0 },
    ]);
  });

  it('exports a gauge per partition and keeps the last values when the broker does not answer', async () => {
    let fail = false;
    const admin = {
      endOffsets: async () => (fail ? Promise.reject(new Error('down')) : [{ partition: 0, offset: '12' }]),
      committedOffsets: async () => [{ partition: 0, offset: '2' }],
    } as Pick<Admin, 'endOffsets' | 'committedOffsets'> as Admin;
    const registry = new Registry();
    const monitor = startLagMonitor({ admin, groupId: 'g', topic: 'p.statements.raw', registry, intervalMs: 60_000 });
    await monitor.poll();
    expect(await registry.metrics()).toContain('ceasefire_consumer_lag{group="g",topic="p.statements.raw",partition="0"} 10');
    fail = true;
    await monitor.poll();
    expect(await registry.metrics()).toContain('partition="0"} 10');
    await monitor.stop();
  });
});
