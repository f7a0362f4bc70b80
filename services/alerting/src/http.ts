import { classifyError, guardRequests } from '@ceasefire/runtime';
import {
  AGREEMENT_STATUSES,
  getAgreement,
  getAlert,
  listAgreements,
  listAlerts,
  listAlertTransitions,
  listDeliveries,
  alertEventIds,
} from '@ceasefire/db';
import type { Logger } from '@ceasefire/runtime';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import type { Knex } from 'knex';
import { z } from 'zod';
import {
  AgreementChange,
  NewAgreement,
  acknowledgeAlert,
  agreementJson,
  alertJson,
  changeAgreement,
  finishAgreement,
  problemsOf,
  registerAgreement,
} from './operations.ts';

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

function badRequest(reply: FastifyReply, error: z.ZodError) {
  return reply.code(400).send({ error: 'bad_request', problems: problemsOf(error) });
}

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
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 });

  guardRequests(app, {
    token: options.token,
    realm: 'ceasefire-operator',
    perMinute: options.rateLimitPerMinute,
    authFailuresPerMinute: options.authFailuresPerMinute,
    names: { perMinute: 'OPERATOR_RATE_LIMIT_PER_MINUTE', authFailuresPerMinute: 'OPERATOR_AUTH_FAILURES_PER_MINUTE' },
    logger: options.logger,
  });

  app.setErrorHandler((err: { statusCode?: number; message?: string; code?: string }, _request, reply) => {
    // Postgres constraint violations are the operator's input: a foreign key (unknown agreement)
    // or a check; duplicates are conflicts.
    if (err.code === '23505') return reply.code(409).send({ error: 'conflict', message: 'already exists' });
    if (err.code === '23503' || err.code === '23514')
      return reply.code(400).send({ error: 'bad_request', message: err.message });
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    // The event store down: the caller retries (as the read and ingest APIs answer it).
    if (status === 500 && classifyError(err).retryable) {
      options.logger.warn({ code: err.code, error: err.message }, 'event store unavailable');
      return reply.code(503).header('retry-after', '5').send({ error: 'unavailable', message: 'the event store is unavailable; retry later' });
    }
    if (status === 500) options.logger.error({ err }, 'operator API failed');
    return reply
      .code(status)
      .send({
        error: status === 500 ? 'internal' : 'bad_request',
        message: status === 500 ? 'internal error' : err.message,
      });
  });

  app.get('/agreements', async (request, reply) => {
    const q = AgreementQuery.safeParse(request.query);
    if (!q.success) return badRequest(reply, q.error);
    return { agreements: (await listAgreements(db, q.data)).map(agreementJson) };
  });

  app.post('/agreements', async (request, reply) => {
    const body = NewAgreement.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const agreement = await registerAgreement(db, body.data, clock());
    return reply.code(201).send(agreementJson(agreement));
  });

  app.get<{ Params: { id: string } }>('/agreements/:id', async (request, reply) => {
    const agreement = await getAgreement(db, request.params.id);
    if (agreement === null) return reply.code(404).send({ error: 'not_found' });
    return agreementJson(agreement);
  });

  app.patch<{ Params: { id: string } }>('/agreements/:id', async (request, reply) => {
    const body = AgreementChange.safeParse(request.body);
    if (!body.success) return badRequest(reply, body.error);
    const agreement = await changeAgreement(db, request.params.id, body.data, clock());
    if (agreement === null) return reply.code(404).send({ error: 'not_found' });
    return agreementJson(agreement);
  });

  app.post<{ Params: { id: string } }>('/agreements/:id/end', async (request, reply) => {
    const body = EndBody.safeParse(request.body ?? {});
    if (!body.success) return badRequest(reply, body.error);
    const result = await finishAgreement(db, {
      id: request.params.id,
      ...(body.data.ends_at ? { endsAt: new Date(body.data.ends_at) } : {}),
      supersededBy: body.data.superseded_by ?? null,
      now: clock(),
    });
    if ('error' in result)
      return reply.code(result.error === 'not_found' ? 404 : 400).send({ error: result.error });
    return agreementJson(result.agreement);
  });

  app.get('/alerts', async (request, reply) => {
    const q = AlertQuery.safeParse(request.query);
    if (!q.success) return badRequest(reply, q.error);
    const alerts = await listAlerts(db, {
      ...(q.data.state ? { state: q.data.state } : {}),
      ...(q.data.agreement_id ? { agreementId: q.data.agreement_id } : {}),
      ...(q.data.limit ? { limit: q.data.limit } : {}),
    });
    return { alerts: alerts.map(alertJson) };
  });

  app.get<{ Params: { id: string } }>('/alerts/:id', async (request, reply) => {
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
      transitions: transitions.map((t) => ({
        from: t.from,
        to: t.to,
        at: t.at.toISOString(),
        by: t.by,
        reason: t.reason,
      })),
      deliveries: deliveries.map((d) => ({
        channel: d.channel,
        notification: d.notification,
        attempt: d.attempt,
        status: d.status,
        response_code: d.responseCode,
        error: d.error,
        attempted_at: d.attemptedAt?.toISOString() ?? null,
        next_attempt_at: d.nextAttemptAt?.toISOString() ?? null,
      })),
    };
  });

  app.post<{ Params: { id: string } }>('/alerts/:id/ack', async (request, reply) => {
    const body = AckBody.safeParse(request.body ?? {});
    if (!body.success) return badRequest(reply, body.error);
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
