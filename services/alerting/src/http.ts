import {
  createHttpApp,
  guardRequests,
  problemHandler,
  nulProblems,
  type HttpTimeouts,
} from '@ceasefire/runtime';
import {
  AGREEMENT_STATUSES,
  getAgreement,
  getAlert,
  listAgreements,
  listAlerts,
  listAlertTransitions,
  listDeliveries,
  alertEventIds,
  deliveryAttemptJson,
  transitionJson,
} from '@ceasefire/db';
import type { Logger } from '@ceasefire/runtime';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { Knex } from 'knex';
import { z } from 'zod';
import {
  AgreementChange,
  AgreementRefused,
  NewAgreement,
  referenceProblems,
  type KnownReferences,
  acknowledgeAlert,
  agreementJson,
  alertJson,
  changeAgreement,
  finishAgreement,
  problemsOf,
  registerAgreement,
} from '@ceasefire/operations';

/** Options of {@link buildOperatorApi}. */
export interface OperatorApiOptions {
  readonly db: Knex;
  /** Every request carries `Authorization: Bearer <token>`. */
  readonly token: string;
  /** Requests a minute with the token (0: no limit). */
  readonly rateLimitPerMinute: number;
  /** Requests with a missing or wrong token a minute per address before it is refused (0: no limit). */
  readonly authFailuresPerMinute: number;
  readonly logger: Logger;
  readonly clock?: () => Date;
  /** Header, body and idle deadlines (defaults: the runtime's). */
  readonly timeouts?: Partial<HttpTimeouts>;
  /** Areas and parties agreements may name; others are refused with 400. Unset: any well-formed one. */
  readonly known?: KnownReferences;
}

const AgreementQuery = z.object({
  status: z.enum(AGREEMENT_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const AlertQuery = z.object({
  state: z.enum(['firing', 'acknowledged', 'resolved', 'open']).optional(),
  agreement_id: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
const AckBody = z
  .object({ by: z.string().min(1).max(200).default('operator'), note: z.string().max(2000).optional() })
  .strict();
const EndBody = z
  .object({
    ends_at: z.iso.datetime({ offset: true }).optional(),
    superseded_by: z.string().min(1).nullable().optional(),
  })
  .strict();

/**
 * The operator API (JSON over HTTP, bearer token):
 * - `GET /agreements?status=` list; `POST /agreements` register; `GET /agreements/:id`;
 *   `PATCH /agreements/:id` change (confirm a proposed one with `{"status":"in_force"}`);
 *   `POST /agreements/:id/end` `{ends_at?, superseded_by?}`.
 * - `GET /alerts?state=open|firing|acknowledged|resolved&agreement_id=` list;
 *   `GET /alerts/:id` with its events, transitions and delivery attempts;
 *   `POST /alerts/:id/ack` `{by?, note?}` (409 when already acknowledged or resolved).
 */
export function buildOperatorApi(options: OperatorApiOptions): FastifyInstance {
  const { db } = options;
  const clock = options.clock ?? (() => new Date());
  const app = createHttpApp({ logger: false, bodyLimit: 64 * 1024 }, options.timeouts);

  guardRequests(app, {
    token: options.token,
    realm: 'ceasefire-operator',
    perMinute: options.rateLimitPerMinute,
    authFailuresPerMinute: options.authFailuresPerMinute,
    names: {
      perMinute: 'OPERATOR_RATE_LIMIT_PER_MINUTE',
      authFailuresPerMinute: 'OPERATOR_AUTH_FAILURES_PER_MINUTE',
    },
    logger: options.logger,
  });

  app.setErrorHandler(
    problemHandler({
      logger: () => options.logger,
      unavailable: 'the event store is unavailable; retry later',
      logUnavailable: 'event store unavailable',
      logFailed: 'operator API failed',
      // Postgres constraint violations are the operator's input: a foreign key (unknown
      // agreement) or a check; duplicates are conflicts. Named in our words: the database's
      // message would echo SQL and constraint names.
      known: (err) => {
        if (err instanceof AgreementRefused) return { status: 400, error: 'bad_request', problems: err.problems };
        if (err.code === '23505') return { status: 409, error: 'conflict', message: 'already exists' };
        if (err.code === '23503') return { status: 400, error: 'bad_request', message: 'refers to an agreement or alert that does not exist' };
        if (err.code === '23514' || err.code === '22P05' || err.code === '22021' || err.code === '22008')
          return { status: 400, error: 'bad_request', message: 'a value is out of range or not allowed' };
        return undefined;
      },
    }),
  );

  /** Every problem of a request: the schema's, NUL characters (Postgres holds none), unknown areas and parties. */
  const problems = (
    error: z.ZodError | undefined,
    value: unknown,
    where: string,
    references?: { scope_areas?: string[]; parties?: string[] },
  ) => [
    ...nulProblems(value, where),
    ...(error ? problemsOf(error) : []),
    ...(references && options.known ? referenceProblems(references, options.known) : []),
  ];
  const refuse = (reply: FastifyReply, list: string[]) =>
    reply.code(400).send({ error: 'bad_request', problems: list });

  app.get('/agreements', async (request, reply) => {
    const q = AgreementQuery.safeParse(request.query);
    const bad = problems(q.error, request.query, 'query');
    if (!q.success || bad.length > 0) return refuse(reply, bad);
    return { agreements: (await listAgreements(db, q.data)).map(agreementJson) };
  });

  app.post('/agreements', async (request, reply) => {
    const body = NewAgreement.safeParse(request.body);
    const raw = (request.body ?? {}) as { scope_areas?: unknown; parties?: unknown };
    const bad = problems(body.error, request.body, '', {
      ...(Array.isArray(raw.scope_areas)
        ? { scope_areas: raw.scope_areas.filter((a): a is string => typeof a === 'string') }
        : {}),
      ...(Array.isArray(raw.parties)
        ? { parties: raw.parties.filter((a): a is string => typeof a === 'string') }
        : {}),
    });
    if (!body.success || bad.length > 0) return refuse(reply, bad);
    const agreement = await registerAgreement(db, body.data, clock());
    return reply.code(201).send(agreementJson(agreement));
  });

  app.get<{ Params: { id: string } }>('/agreements/:id', async (request, reply) => {
    const badId = problems(undefined, request.params, 'path');
    if (badId.length > 0) return refuse(reply, badId);
    const agreement = await getAgreement(db, request.params.id);
    if (agreement === null) return reply.code(404).send({ error: 'not_found' });
    return agreementJson(agreement);
  });

  app.patch<{ Params: { id: string } }>('/agreements/:id', async (request, reply) => {
    const body = AgreementChange.safeParse(request.body);
    const bad = [
      ...problems(undefined, request.params, 'path'),
      ...problems(body.error, request.body, '', body.success ? body.data : undefined),
    ];
    if (!body.success || bad.length > 0) return refuse(reply, bad);
    const agreement = await changeAgreement(db, request.params.id, body.data, clock());
    if (agreement === null) return reply.code(404).send({ error: 'not_found' });
    return agreementJson(agreement);
  });

  app.post<{ Params: { id: string } }>('/agreements/:id/end', async (request, reply) => {
    const body = EndBody.safeParse(request.body ?? {});
    const bad = [...problems(undefined, request.params, 'path'), ...problems(body.error, request.body, '')];
    if (!body.success || bad.length > 0) return refuse(reply, bad);
    const result = await finishAgreement(db, {
      id: request.params.id,
      ...(body.data.ends_at ? { endsAt: new Date(body.data.ends_at) } : {}),
      supersededBy: body.data.superseded_by ?? null,
      now: clock(),
    });
    if ('error' in result) {
      const status = result.error === 'not_found' ? 404 : result.error === 'already_ended' ? 409 : 400;
      return reply.code(status).send({ error: result.error, ...(result.error === 'already_ended' ? { message: 'the agreement has already ended' } : {}) });
    }
    return agreementJson(result.agreement);
  });

  app.get('/alerts', async (request, reply) => {
    const q = AlertQuery.safeParse(request.query);
    const bad = problems(q.error, request.query, 'query');
    if (!q.success || bad.length > 0) return refuse(reply, bad);
    const alerts = await listAlerts(db, {
      ...(q.data.state ? { state: q.data.state } : {}),
      ...(q.data.agreement_id ? { agreementId: q.data.agreement_id } : {}),
      ...(q.data.limit ? { limit: q.data.limit } : {}),
    });
    return { alerts: alerts.map(alertJson) };
  });

  app.get<{ Params: { id: string } }>('/alerts/:id', async (request, reply) => {
    const badId = problems(undefined, request.params, 'path');
    if (badId.length > 0) return refuse(reply, badId);
    const alert = await getAlert(db, request.params.id);
    if (alert === null) return reply.code(404).send({ error: 'not_found' });
    const [events, transitions, deliveries] = await Promise.all([
      alertEventIds(db, alert.id),
      listAlertTransitions(db, alert.id),
      listDeliveries(db, { alertId: alert.id }),
    ]);
    return {
      ...alertJson(alert),
      event_ids: events,
      transitions: transitions.map(transitionJson),
      deliveries: deliveries.map(deliveryAttemptJson),
    };
  });

  app.post<{ Params: { id: string } }>('/alerts/:id/ack', async (request, reply) => {
    const body = AckBody.safeParse(request.body ?? {});
    const bad = [...problems(undefined, request.params, 'path'), ...problems(body.error, request.body, '')];
    if (!body.success || bad.length > 0) return refuse(reply, bad);
    const outcome = await acknowledgeAlert(db, {
      id: request.params.id,
      by: body.data.by,
      ...(body.data.note ? { note: body.data.note } : {}),
      now: clock(),
    });
    if (!outcome.ok) {
      if (outcome.reason === 'not_found') return reply.code(404).send({ error: 'not_found' });
      return reply
        .code(409)
        .send({ error: outcome.reason, alert: outcome.alert ? alertJson(outcome.alert) : null });
    }
    return alertJson(outcome.alert);
  });

  return app;
}
