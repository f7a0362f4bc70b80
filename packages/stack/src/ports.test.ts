import { describe, expect, it } from 'vitest';

import { freePort, portSlice } from './proc.ts';

describe('freePort', () => {
  it('never hands the same port out twice in one process, even before anyone binds it', async () => {
    const ports = await Promise.all(Array.from({ length: 40 }, () => freePort()));
    expect(new Set(ports).size).toBe(ports.length);
  });

  it('gives each numbered test worker its own slice below the ephemeral range', () => {
    expect(portSlice(undefined)).toEqual([20_000, 12_000]);
    const slices = ['1', '2', '3', '4', '5', '6', '7', '8'].map(portSlice);
    for (const [i, [low, size]] of slices.entries()) {
      expect(low + size).toBeLessThanOrEqual(32_000);
      if (i > 0) expect(low).toBe(slices[i - 1]![0] + slices[i - 1]![1]);
    }
    expect(portSlice('9')).toEqual(portSlice('1'));
    expect(portSlice('garbage')).toEqual([20_000, 12_000]);
  });
});
