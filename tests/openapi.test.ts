// The OpenAPI documents of the three HTTP APIs (read API: /openapi.json; ingest API:
// services/ingester/openapi.yaml; operator API: services/alerting/openapi.yaml) are clean under
// `redocly lint` with the recommended-strict ruleset (redocly.yaml), and a client built from each
// calls every one of its operations against the running workers: each answer has a documented
// status, content type and a body its JSON Schema accepts.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addLiveBreach, populateEventStore, type Fixture } from './support/event-store-fixture.ts';
import { privateStage, type PrivateStage } from './support/harness.ts';
import { openApiClient, type CallInput } from './support/openapi-client.ts';
import { freePort, repoRoot, startWorker, stopAllWorkers } from './support/workers.ts';

const TOKEN = 'openapi-test-token-000000000000';
const artifacts = path.join(repoRoot, 'tests/artifacts');
const specs = {
  read: path.join(artifacts, 'read-api.openapi.json'),
  ingest: path.join(repoRoot, 'services/ingester/openapi.yaml'),
  operator: path.join(repoRoot, 'services/alerting/openapi.yaml'),
};
let stage: PrivateStage;
let fx: Fixture;
const base = { read: '', ingest: '', operator: '' };

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  stage = await privateStage('openapi');
  fx = await populateEventStore(stage.db);
  const [readPort, ingestPort, operatorPort] = [await freePort(), await freePort(), await freePort()];
  await Promise.all([
    startWorker('api', { ...stage.env, API_TOKEN: TOKEN, API_HTTP_PORT: String(readPort) }),
    startWorker('ingester', { ...stage.env, INGEST_TOKEN: TOKEN, HTTP_PORT: String(ingestPort) }),
    startWorker('alerting', { ...stage.env, OPERATOR_TOKEN: TOKEN, OPERATOR_PORT: String(operatorPort), ALERT_TICK_MS: '200', DELIVERY_POLL_MS: '200' }),
  ]);
  base.read = `http://127.0.0.1:${readPort}`;
  base.ingest = `http://127.0.0.1:${ingestPort}`;
  base.operator = `http://127.0.0.1:${operatorPort}`;
  const res = await fetch(`${base.read}/openapi.json`);
  writeFileSync(specs.read, JSON.stringify(await res.json(), null, 2));
});

afterAll(async () => {
  await stopAllWorkers();
  await stage?.close();
});

const load = (file: string) => (file.endsWith('.json') ? JSON.parse(readFileSync(file, 'utf8')) : parse(readFileSync(file, 'utf8'))) as Record<string, unknown>;

/** Calls every operation of the document with the inputs given, and checks each answer against it. */
async function callEvery(file: string, baseUrl: string, inputs: Record<string, CallInput & { status: number }>) {
  const client = openApiClient(load(file), baseUrl, TOKEN);
  expect(client.operations.map((o) => o.id).sort()).toEqual(Object.keys(inputs).sort());
  for (const [id, input] of Object.entries(inputs)) {
    const body = input.body === 'example' ? client.exampleOf(id) : input.body;
    const result = await client.call(id, { ...input, body });
    expect(result.problems, id).toEqual([]);
    expect(result.status, `${id}: ${JSON.stringify(result.body)}`).toBe(input.status);
  }
  return client;
}

describe('OpenAPI', () => {
  it('every document passes redocly lint (recommended-strict) with operationIds, servers, 401/429/503 and the stream as text/event-stream', async () => {
    const { stdout, stderr } = await promisify(execFile)(path.join(repoRoot, 'node_modules/.bin/redocly'), ['lint', specs.read, specs.ingest, specs.operator], {
      cwd: repoRoot,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeout: 120_000,
    });
    // A non-zero exit (any error) rejects; warnings are counted in a line of their own.
    expect(`${stdout}${stderr}`).toMatch(/Your API descriptions are valid/);
    expect(`${stdout}${stderr}`).not.toMatch(/\d+ (warning|error)s?\b/);
    for (const file of Object.values(specs)) {
      const doc = load(file) as { servers?: unknown[]; paths: Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>> };
      expect(doc.servers?.length, file).toBeGreaterThan(0);
      for (const item of Object.values(doc.paths))
        for (const [method, op] of Object.entries(item)) {
          if (method === 'parameters') continue;
          expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
          expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '429']));
          if (op.operationId !== 'streamAlerts') expect(Object.keys(op.responses)).toContain('503');
        }
    }
    const read = load(specs.read) as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, unknown> }> } }> };
    expect(Object.keys(read.paths['/v1/alerts/stream']!.get.responses['200']!.content)).toEqual(['text/event-stream']);
  });

  it('the read API answers every operation of its document as the document says', async () => {
    const event = (await stage.db('violation_events').first('id')) as { id: string };
    // The fixture's alerts are old: the alerting worker resolves them; this one is new and firing.
    const live = await addLiveBreach(stage.db, fx.agreement);
    const client = await callEvery(specs.read, base.read, {
      listStatements: { status: 200 },
      getStatement: { path: { id: fx.statements.kgLeilek }, status: 200 },
      listEvents: { query: { limit: '5' }, status: 200 },
      getEvent: { path: { id: event.id }, status: 200 },
      listIncidents: { status: 200 },
      getIncident: { path: { id: fx.bothSidesIncident }, status: 200 },
      listCasualtySeries: { status: 200 },
      violationsPerDay: { status: 200 },
      getGazetteer: { status: 200 },
      listAgreements: { status: 200 },
      getAgreement: { path: { id: fx.agreement }, status: 200 },
      listAlerts: { query: { state: 'open' }, status: 200 },
      countAlerts: { status: 200 },
      streamAlerts: { status: 200 },
      getAlert: { path: { id: fx.alerts.firing }, status: 200 },
      acknowledgeAlert: { path: { id: live.alert.id }, body: { by: 'openapi test' }, status: 200 },
    });
    // Errors are documented too: an unknown alert, a bad query.
    expect((await client.call('getAlert', { path: { id: 'no-such-alert' } })).problems).toEqual([]);
    const bad = await client.call('listAlerts', { query: { severity: 'apocalyptic' } });
    expect([bad.status, bad.problems]).toEqual([400, []]);
  });

  it('the ingest API answers every operation of its document as the document says', async () => {
    await callEvery(specs.ingest, base.ingest, {
      submitStatement: { body: 'example', status: 202 },
      submitStatements: { body: 'example', status: 202 },
    });
  });

  it('the operator API answers every operation of its document as the document says', async () => {
    // One open alert per group: the read API test's (acknowledged) is resolved first, as the
    // worker resolves it after the quiet period.
    await stage.db('alerts').where({ state: 'acknowledged' }).update({ state: 'resolved', resolved_at: new Date() });
    const live = await addLiveBreach(stage.db, fx.agreement);
    const client = openApiClient(load(specs.operator), base.operator, TOKEN);
    const registered = await client.call('registerAgreement', { body: client.exampleOf('registerAgreement') });
    expect([registered.status, registered.problems]).toEqual([201, []]);
    const id = (registered.body as { id: string }).id;
    await callEvery(specs.operator, base.operator, {
      listAgreements: { query: { status: 'in_force' }, status: 200 },
      registerAgreement: { body: { ...(client.exampleOf('registerAgreement') as object), id: `${id}-2` }, status: 201 },
      getAgreement: { path: { id }, status: 200 },
      changeAgreement: { path: { id }, body: 'example', status: 200 },
      endAgreement: { path: { id }, body: 'example', status: 200 },
      listAlerts: { query: { state: 'open' }, status: 200 },
      getAlert: { path: { id: live.alert.id }, status: 200 },
      acknowledgeAlert: { path: { id: live.alert.id }, body: 'example', status: 200 },
    });
    const again = await client.call('acknowledgeAlert', { path: { id: live.alert.id }, body: {} });
    expect([again.status, again.problems]).toEqual([409, []]);
  });
});
