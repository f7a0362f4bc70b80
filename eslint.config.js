import tseslint from 'typescript-eslint';

// Methods that take raw SQL: knex's, and pg's `client.query`.
const RAW_METHODS = '/^(raw|whereRaw|orWhereRaw|andWhereRaw|havingRaw|orHavingRaw|orderByRaw|groupByRaw|joinRaw|fromRaw|onRaw|selectRaw|query)$/';

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', '**/dist/', 'coverage/', 'bench/results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the runtime's Kafka module may import kafkajs: the rest uses our own client interface.
      'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'use the Kafka client interface from @ceasefire/runtime' }] }],
      // No SQL built from strings: values go in bindings (`?`), identifiers through `??`. A raw
      // fragment may splice only an UPPER_CASE constant (a fixed SQL expression of the module).
      'no-restricted-syntax': [
        'error',
        {
          selector: `CallExpression[callee.property.name=${RAW_METHODS}] > TemplateLiteral > :not(TemplateElement, Identifier[name=/^[A-Z][A-Z0-9_]*$/])`,
          message: 'no SQL built from strings: pass values as bindings (?, ??), not in a template literal',
        },
        {
          selector: `CallExpression[callee.property.name=${RAW_METHODS}] > BinaryExpression[operator='+']`,
          message: 'no SQL built from strings: pass values as bindings (?, ??), not by concatenation',
        },
      ],
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
