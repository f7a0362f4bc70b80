import { defineConfig } from 'vitest/config';

// Two projects: `unit` is pure code beside its sources (no services); `integration` runs against
// real Kafka and Postgres, which the global setup finds or starts (tests/setup/global.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/**/*.test.ts'],
          globalSetup: ['tests/setup/global.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Files run in parallel but each owns its topics, group ids and database schema.
          fileParallelism: true,
        },
      },
    ],
  },
});
