// A generic client built from an OpenAPI 3.0 document: one method per operationId, the request
// made from the operation's path, parameters and body, and the answer checked against the
// responses the document declares for it (status and JSON Schema, with ajv).
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;

export interface Operation {
  id: string;
  method: string;
  path: string;
  responses: Record<string, Json>;
}

export interface CallInput {
  path?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

export interface CallResult {
  status: number;
  contentType: string;
  body: unknown;
  /** Why the answer is not what the document says (empty when it is). */
  problems: string[];
}

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

export function openApiClient(spec: Json, baseUrl: string, token: string) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema(spec, 'spec');
  const deref = (node: Json): Json => {
    let n = node;
    while (typeof n.$ref === 'string') n = n.$ref.slice(2).split('/').reduce<Json>((o, k) => o[k.replaceAll('~1', '/').replaceAll('~0', '~')] as Json, spec);
    return n;
  };
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const responses = Object.fromEntries(Object.entries(op.responses as Record<string, Json>).map(([code, r]) => [code, deref(r)]));
      operations.push({ id: op.operationId as string, method, path, responses });
    }
  }
  const validators = new Map<string, ValidateFunction>();
  const validatorOf = (op: Operation, status: string): ValidateFunction | null => {
    const response = op.responses[status];
    const json = (response?.content as Record<string, Json> | undefined)?.['application/json'];
    if (!json?.schema) return null;
    const key = `${op.id} ${status}`;
    if (!validators.has(key)) {
      // The schema where the document has it, so its $refs resolve within the document.
      const raw = (spec.paths as Record<string, Json>)[op.path]![op.method] as Json;
      const viaRef = typeof (raw.responses as Record<string, Json>)[status]!.$ref === 'string';
      const ref = viaRef
        ? `spec#${((raw.responses as Record<string, Json>)[status]!.$ref as string).slice(1)}/content/application~1json/schema`
        : `spec#/${pointer('paths', op.path, op.method, 'responses', status, 'content', 'application/json', 'schema')}`;
      validators.set(key, ajv.compile({ $ref: ref }));
    }
    return validators.get(key)!;
  };

  async function call(operationId: string, input: CallInput = {}): Promise<CallResult> {
    const op = operations.find((o) => o.id === operationId);
    if (!op) throw new Error(`no operation ${operationId} in the document`);
    let path = op.path;
    for (const [k, v] of Object.entries(input.path ?? {})) path = path.replace(`{${k}}`, encodeURIComponent(v));
    if (path.includes('{')) throw new Error(`${operationId}: path parameters missing in ${path}`);
    const qs = new URLSearchParams(input.query ?? {}).toString();
    const res = await fetch(`${baseUrl}${path}${qs ? `?${qs}` : ''}`, {
      method: op.method.toUpperCase(),
      headers: { authorization: `Bearer ${token}`, ...(input.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(input.body === undefined ? {} : { body: JSON.stringify(input.body) }),
    });
    const contentType = res.headers.get('content-type') ?? '';
    const problems: string[] = [];
    const status = String(res.status);
    if (!op.responses[status]) problems.push(`${operationId}: status ${status} is not documented (${Object.keys(op.responses).join(', ')})`);
    const declared = Object.keys((op.responses[status]?.content as Json | undefined) ?? {});
    if (declared.length && !declared.some((t) => contentType.startsWith(t))) problems.push(`${operationId}: content-type ${contentType}, documented ${declared.join(', ')}`);
    let body: unknown = null;
    if (contentType.startsWith('application/json')) {
      body = await res.json();
      const validate = validatorOf(op, status);
      if (validate && !validate(body)) problems.push(...(validate.errors ?? []).slice(0, 5).map((e) => `${operationId} ${status}: ${e.instancePath || '(body)'} ${e.message}`));
    } else {
      // A stream is not read to its end: its head is enough to judge it.
      await res.body?.cancel();
    }
    return { status: res.status, contentType, body, problems };
  }

  /** The request body example the document gives for an operation. */
  const exampleOf = (operationId: string): unknown => {
    const op = operations.find((o) => o.id === operationId)!;
    const raw = (spec.paths as Record<string, Json>)[op.path]![op.method] as Json;
    return ((raw.requestBody as Json | undefined)?.content as Record<string, Json> | undefined)?.['application/json']?.example;
  };

  return { operations, call, exampleOf };
}
