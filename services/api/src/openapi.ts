// The finishing of the read API's OpenAPI document that the routes' schemas cannot say, kept
// apart from the routes: operation ids, servers, the answers every /v1 route can give (401, 429,
// 503), the live stream's media type, and OpenAPI 3.0's rule that `nullable` needs a `type`.
// Checked with `redocly lint --extends recommended-strict` (tests/openapi.test.ts).

type Json = Record<string, unknown>;

/** The operationId of each route: what a generated client calls its methods. */
export const OPERATION_IDS: Record<string, string> = {
  'GET /v1/statements': 'listStatements',
  'GET /v1/statements/{id}': 'getStatement',
  'GET /v1/events': 'listEvents',
  'GET /v1/events/{id}': 'getEvent',
  'GET /v1/incidents': 'listIncidents',
  'GET /v1/incidents/{id}': 'getIncident',
  'GET /v1/casualties': 'listCasualtySeries',
  'GET /v1/stats/violations-per-day': 'violationsPerDay',
  'GET /v1/gazetteer': 'getGazetteer',
  'GET /v1/agreements': 'listAgreements',
  'GET /v1/agreements/{id}': 'getAgreement',
  'GET /v1/alerts': 'listAlerts',
  'GET /v1/alerts/counts': 'countAlerts',
  'GET /v1/alerts/stream': 'streamAlerts',
  'GET /v1/alerts/{id}': 'getAlert',
  'POST /v1/alerts/{id}/ack': 'acknowledgeAlert',
};

const TAG_DESCRIPTIONS: Record<string, string> = {
  statements: 'Statements as ingested (text, source, publication time).',
  events: 'Violation events extracted from statements, each with the evidence spans it rests on.',
  incidents: 'Incidents: one clash reported by one or more sources, with corroboration and position.',
  casualties: 'Casualty reports as time series per source, scope and population.',
  agreements: 'Ceasefire agreements and what alerting judged breaches of each.',
  alerts: 'Alerts raised on breaches, their history and deliveries, acknowledgement and the live stream.',
  map: 'What the dashboard needs to draw the map.',
};

const errorResponse = (description: string, retry: boolean): Json => ({
  description,
  ...(retry ? { headers: { 'Retry-After': { description: 'seconds to wait before retrying', schema: { type: 'integer' } } } } : {}),
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** Drops `nullable` where it has no `type` beside it: such a schema accepts null already. */
function fixNullable(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(fixNullable);
  if (node === null || typeof node !== 'object') return;
  const o = node as Json;
  if (o.nullable === true && o.type === undefined) delete o.nullable;
  for (const v of Object.values(o)) fixNullable(v);
}

/** The document as @fastify/swagger made it, finished (changed in place and returned). */
export function finishOpenApi(doc: Json, options: { serverUrl: string }): Json {
  doc.servers = [{ url: options.serverUrl, description: 'the read API of the local stack (`npx ceasefire up`); elsewhere, its own address' }];
  const info = doc.info as Json;
  info.license = { name: 'Proprietary' };
  doc.tags = ((doc.tags as Array<{ name: string }> | undefined) ?? []).map((t) => ({ ...t, description: TAG_DESCRIPTIONS[t.name] ?? t.name }));
  const components = (doc.components ??= {}) as Json;
  const schemas = (components.schemas ??= {}) as Json;
  schemas.Error = {
    type: 'object',
    required: ['error', 'message'],
    properties: { error: { type: 'string' }, message: { type: 'string' }, problems: { type: 'array', items: { type: 'string' } } },
  };
  for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(item)) {
      const key = `${method.toUpperCase()} ${path}`;
      const id = OPERATION_IDS[key];
      if (!id) throw new Error(`no operationId for ${key}: add it to OPERATION_IDS`);
      op.operationId = id;
      const responses = op.responses as Json;
      responses['401'] = errorResponse('no token, or not the right one', false);
      responses['429'] = errorResponse('too many requests (API_RATE_LIMIT_PER_MINUTE, or too many with a wrong token)', true);
      if (id !== 'streamAlerts') responses['503'] = errorResponse('the event store is unavailable; retry later', true);
    }
  }
  const stream = (doc.paths as Record<string, Record<string, Json>>)['/v1/alerts/stream']!.get!;
  (stream.responses as Json)['200'] = {
    description: 'server-sent events: `ready`, then `alert-changed`, `alert` and `resync` events (see the description)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  };
  fixNullable(doc.paths);
  fixNullable(components);
  return doc;
}
