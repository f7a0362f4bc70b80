import tseslint from 'typescript-eslint';

// Methods that take raw SQL: knex's, and pg's `client.query`.
const RAW_METHODS = '/^(raw|whereRaw|orWhereRaw|andWhereRaw|havingRaw|orHavingRaw|orderByRaw|groupByRaw|joinRaw|fromRaw|onRaw|selectRaw|query)$/';

// Which way dependencies point (docs/architecture.md). ESLint's later blocks replace a rule's
// options for their files, so each block below lists every restriction that applies there.
const KAFKA_LIBRARIES = ['kafkajs', '@platformatic/kafka'].map((name) => ({
  name,
  message: 'only packages/runtime/src/kafka/ knows the Kafka library: use the KafkaClient interface from @ceasefire/runtime',
}));
const SERVICES = {
  alerting: '@ceasefire/alerting-service',
  api: '@ceasefire/api',
  classifier: '@ceasefire/classifier',
  ingester: '@ceasefire/ingester',
};
const serviceImports = (except) =>
  Object.entries(SERVICES)
    .filter(([dir]) => dir !== except)
    .map(([dir, name]) => ({
      // From inside services/<x>/src, another service is also `../../<dir>/…`.
      group: except ? [name, `**/services/${dir}/**`, `../../${dir}/**`] : [name, `**/services/${dir}/**`],
      message: except
        ? 'a service never imports another: what two services share belongs in a package'
        : 'packages never import services: move what is shared into a package',
    }));
const PURE = { group: ['node:fs*', 'node:net', 'node:http*', 'node:child_process', 'pg', 'knex', 'kafkajs'], message: 'pure packages do no I/O' };

export default tseslint.config(
  { ignores: ['node_modules/', '.cache/', '**/dist/', 'coverage/', 'bench/results/'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the runtime's Kafka module may import the Kafka libraries: the rest uses our own client interface.
      'no-restricted-imports': ['error', { paths: KAFKA_LIBRARIES }],
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
    files: ['packages/**'],
    rules: { 'no-restricted-imports': ['error', { paths: KAFKA_LIBRARIES, patterns: serviceImports(null) }] },
  },
  ...Object.keys(SERVICES).map((dir) => ({
    files: [`services/${dir}/**`],
    rules: { 'no-restricted-imports': ['error', { paths: KAFKA_LIBRARIES, patterns: serviceImports(dir) }] },
  })),
  {
    // The runtime depends on the contracts alone: what needs a database pool lives in
    // packages/worker, beside db.
    files: ['packages/runtime/src/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...KAFKA_LIBRARIES, ...['@ceasefire/db', 'knex', 'pg'].map((name) => ({ name, message: 'the runtime does not know the database: inject it, or put the code in packages/worker' }))],
          patterns: serviceImports(null),
        },
      ],
    },
  },
  {
    files: ['packages/runtime/src/kafka/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: serviceImports(null) }] },
  },
  {
    // Pure packages do no I/O and never read the environment.
    files: ['packages/contracts/src/**', 'packages/extraction/src/**', 'packages/alerting/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: KAFKA_LIBRARIES, patterns: [PURE, ...serviceImports(null)] }],
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'pure packages take configuration as arguments' }],
    },
  },
  {
    // The engine takes the domain's lists from the contracts' zod-free module, not the schemas.
    files: ['packages/extraction/src/**'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [...KAFKA_LIBRARIES, { name: '@ceasefire/contracts', message: 'the extraction engine loads no schemas: import from @ceasefire/contracts/domain' }],
          patterns: [PURE, ...serviceImports(null)],
        },
      ],
    },
  },
);
