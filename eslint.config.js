import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', 'dist/', 'coverage/', 'bench/results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the runtime's Kafka module may import kafkajs: the rest uses our own client interface.
      'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'use the Kafka client interface from @ceasefire/runtime' }] }],
    },
  },
  {
    files: ['packages/runtime/src/kafka/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // Pure packages do no I/O and never read the environment.
    files: ['packages/contracts/src/**', 'packages/extraction/src/**', 'packages/alerting/src/**', 'packages/classify/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:fs*', 'node:net', 'node:http*', 'node:child_process', 'pg', 'knex', 'kafkajs'] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'pure packages take configuration as arguments' }],
    },
  },
);
