import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alertCounts,
  getAlertView,
  listAlertTransitions,
  listAlertViews,
  listDeliveries,
  searchEvents,
} from '@ceasefire/db';
import type { ConflictProfile } from '@ceasefire/extraction';
import {
  bearerToken,
  createHttpApp,
  guardRequests,
  problemHandler,
  sendProblem,
  type HttpTimeouts,
  type Logger,
} from '@ceasefire/runtime';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import type { Knex } from 'knex';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { acknowledgeAlert } from '@ceasefire/operations';
import { sseOf, type AlertHub } from './alert-stream.ts';
import { encodeCursor } from './cursor.ts';
import { finishOpenApi } from './openapi.ts';
import { agreementsRoutes } from './routes/agreements.ts';
import { casualtiesRoutes } from './routes/casualties.ts';
import { BadRequest, BEARER, check, cursorOf, date, errors, notFound, parse, queryRoute, byIdRoute } from './routes/common.ts';
import { eventsRoutes } from './routes/events.ts';
import { incidentsRoutes } from './routes/incidents.ts';
import { statementsRoutes } from './routes/statements.ts';
import { alertJson, deliveryJson, eventJson, transitionJson } from './json.ts';
import {
  AckBody,
  AlertCountsJson,
  AlertCountsQuery,
  AlertDetailJson,
  AlertJson,
  AlertsQuery,
  ErrorJson,
  IdParams,
  openapi,
  pageOf,
} from './schemas.ts';

/** The dashboard's files, served as they are (no build step). */
export const publicDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

/** Options of {@link buildApiApp}. */
export interface ApiAppOptions {
  db: Knex;
  /** Every /v1 request carries `Authorization: Bearer <token>`. */
  token: string;
  /** Requests a minute with the token, and per address for the dashboard's files (0: no limit). */
  rateLimitPerMinute: number;
  /** Requests with a missing or wrong token a minute per address before it is refused (0: no limit). */
  authFailuresPerMinute: number;
  logger: Logger;
  /** Live alerts for /v1/alerts/stream. */
  hub: AlertHub;
  profiles: readonly ConflictProfile[];
  /** Profile of /v1/gazetteer when the request names none. */
  defaultProfile: string;
  /** Interval of the keep-alive comment on event streams. */
  heartbeatMs: number;
  /** Request metrics go here when given. */
  registry?: Registry;
  /** The API's address for the OpenAPI document's `servers` (default the local stack's). */
  publicUrl?: string;
  clock?: () => Date;
  /** Header, body and idle deadlines (defaults: the runtime's). */
  timeouts?: Partial<HttpTimeouts>;
  /** Live alert streams open at once with the token (default 20) and in all (default 100); past either, 429. */
  maxStreamsPerToken?: number;
  maxStreams?: number;
}

/**
 * The read API and the dashboard:
 * - `/v1/*` JSON, bearer token, documented in `/openapi.json` (OpenAPI 3.0, @fastify/swagger);
 * - `/v1/alerts/stream` server-sent events (`event: alert`, the `alerts` topic's messages);
 * - `/` the dashboard (static files; it asks for the token and keeps it in sessionStorage).
 * Request validation is zod in the handlers (one source of truth, every problem named); the JSON
 * schemas on the routes document it. Answers are serialised as they are.
 */
export async function buildApiApp(options: ApiAppOptions): Promise<FastifyInstance> {
  const { db } = options;
  const clock = options.clock ?? (() => new Date());
  // Open event streams never end by themselves: ended at close before the drain of ordinary requests.
  const openStreams = new Set<import('node:http').ServerResponse>();
  const app = createHttpApp({ logger: false, bodyLimit: 16 * 1024, requestIdHeader: 'x-request-id' }, options.timeouts, () => {
    for (const res of openStreams) res.end();
  });
  // The route schemas are documentation; zod validates (see above) and JSON.stringify serialises.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));

  const registers = options.registry ? [options.registry] : [];
  const requests = new Histogram({
    name: 'ceasefire_api_request_seconds',
    help: 'API request durations by route, method and status',
    labelNames: ['route', 'method', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers,
  });
  const maxStreamsPerToken = options.maxStreamsPerToken ?? 20;
  const maxStreams = options.maxStreams ?? 100;
  const streamsByToken = new Map<string, number>();
  const streamKey = (authorization: string | undefined) =>
    createHash('sha256')
      .update(bearerToken(authorization) ?? '')
      .digest('hex')
      .slice(0, 16);
  const streams = new Gauge({
    name: 'ceasefire_api_sse_clients',
    help: 'Open live alert streams',
    registers,
  });
  const pushed = new Counter({
    name: 'ceasefire_api_sse_events_total',
    help: 'Alert events written to live streams',
    registers,
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'ceasefire watch read API',
        version: '1.0.0',
        description:
          "Statements, violation events with their evidence, incidents, casualty reports, agreements and alerts. Every /v1 route needs `Authorization: Bearer <API_TOKEN>`. Lists are newest first and paged with `cursor` = the previous page's `next_cursor`.",
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      tags: [
        { name: 'statements' },
        { name: 'events' },
        { name: 'incidents' },
        { name: 'casualties' },
        { name: 'agreements' },
        { name: 'alerts' },
        { name: 'map' },
      ],
    },
    transformObject: (document) =>
      'openapiObject' in document
        ? finishOpenApi(document.openapiObject as Record<string, unknown>, { serverUrl: options.publicUrl ?? 'http://127.0.0.1:8082' })
        : document.swaggerObject,
  });

  // The live stream counts once, when it opens (the guard runs before the route's handler).
  guardRequests(app, {
    token: options.token,
    realm: 'ceasefire-api',
    perMinute: options.rateLimitPerMinute,
    authFailuresPerMinute: options.authFailuresPerMinute,
    names: { perMinute: 'API_RATE_LIMIT_PER_MINUTE', authFailuresPerMinute: 'API_AUTH_FAILURES_PER_MINUTE' },
    // The route the router matched, not the URL: `/%76%31/agreements` is `/v1/agreements` to it.
    // An unmatched request reaches only the not-found handler.
    needsToken: (route) => route?.startsWith('/v1/') ?? false,
    logger: options.logger,
  });

  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.observe(
      { route, method: req.method, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.setErrorHandler(
    problemHandler({
      logger: () => options.logger,
      logFields: (req) => ({ url: req.url }),
      unavailable: 'the event store is unavailable; retry later',
      logUnavailable: 'event store unavailable',
      logFailed: 'API request failed',
      known: (err) => (err instanceof BadRequest ? { status: 400, error: 'bad_request', message: err.message, problems: err.problems } : undefined),
    }),
  );

  app.setNotFoundHandler((_req, reply) => sendProblem(reply, 404, 'not_found', 'no such route'));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const deps = { db, clock, profiles: options.profiles, defaultProfile: options.defaultProfile };
  statementsRoutes(app, deps);
  eventsRoutes(app, deps);
  incidentsRoutes(app, deps);
  casualtiesRoutes(app, deps);
  agreementsRoutes(app, deps);

  // ---- alerts --------------------------------------------------------------------------------

  app.get(
    '/v1/alerts',
    queryRoute('alerts', 'Alerts, latest opened first', AlertsQuery, pageOf(AlertJson)),
    async (req) => {
      const q = parse(AlertsQuery, req.query, 'query');
      const page = await listAlertViews(db, {
        state: q.state,
        severity: q.severity,
        agreementId: q.agreement,
        area: q.area,
        from: date(q.from),
        to: date(q.to),
        after: cursorOf(q.cursor),
        limit: q.limit,
      });
      return { items: page.items.map(alertJson), next_cursor: encodeCursor(page.next) };
    },
  );

  app.get(
    '/v1/alerts/counts',
    queryRoute('alerts', 'How many alerts there are by state and severity, with the filters of the list but those two', AlertCountsQuery, AlertCountsJson),
    async (req) => {
      const q = parse(AlertCountsQuery, req.query, 'query');
      const rows = await alertCounts(db, { agreementId: q.agreement, area: q.area, from: date(q.from), to: date(q.to) });
      const zero = () => ({ critical: 0, warning: 0, info: 0 });
      const out = { open: zero(), firing: zero(), acknowledged: zero(), resolved: zero() };
      for (const r of rows) {
        const severity = r.severity as keyof ReturnType<typeof zero>;
        out[r.state as 'firing' | 'acknowledged' | 'resolved'][severity] += r.alerts;
        if (r.state !== 'resolved') out.open[severity] += r.alerts;
      }
      return out;
    },
  );

  // Declared before /v1/alerts/:id; find-my-way prefers the static segment anyway.
  app.get(
    '/v1/alerts/stream',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Live alerts as server-sent events',
        description:
          '`text/event-stream`. `event: ready` once subscribed; then `event: alert-changed` with the alert as `/v1/alerts/{id}` reads it for every change of a stored alert (unthrottled: a second report, a severity change, an acknowledgement), `event: alert` with the `alerts` topic message (CloudEvents envelope, `data` is the alert) for each notification, and `event: resync` when changes may have been missed (re-read /v1/alerts); `:` comment lines keep the connection open. Reconnect and re-read /v1/alerts for what was missed.',
        security: BEARER,
        response: { 200: { description: 'an event stream', type: 'string' }, 401: openapi(ErrorJson), 429: openapi(ErrorJson) },
      },
    },
    (req, reply) => {
      // Each stream holds a socket and a listener for as long as the client likes: bounded per
      // token (one leaked client cannot take them all) and in all.
      const token = streamKey(req.headers.authorization);
      const mine = streamsByToken.get(token) ?? 0;
      if (mine >= maxStreamsPerToken || openStreams.size >= maxStreams) {
        const which =
          mine >= maxStreamsPerToken ? `${maxStreamsPerToken} with this token` : `${maxStreams} in all`;
        reply.header('retry-after', '30');
        return sendProblem(reply,
          429,
          'too_many_streams',
          `at most ${which} live alert streams are open at once; close one or retry later`,
        );
      }
      streamsByToken.set(token, mine + 1);
      // The response is written by hand from here on; fastify leaves it alone.
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // Proxies such as nginx would otherwise buffer the stream.
        'x-accel-buffering': 'no',
      });
      res.write(`retry: 3000\n\nevent: ready\ndata: ${JSON.stringify({ at: clock().toISOString() })}\n\n`);
      streams.inc();
      const unsubscribe = options.hub.subscribe((event) => {
        res.write(sseOf(event));
        pushed.inc();
      });
      const heartbeat = setInterval(() => res.write(`: ${clock().toISOString()}\n\n`), options.heartbeatMs);
      heartbeat.unref();
      const close = () => {
        clearInterval(heartbeat);
        unsubscribe();
        openStreams.delete(res);
        const left = (streamsByToken.get(token) ?? 1) - 1;
        if (left > 0) streamsByToken.set(token, left);
        else streamsByToken.delete(token);
        streams.dec();
      };
      openStreams.add(res);
      req.raw.once('close', close);
      return reply;
    },
  );

  app.get(
    '/v1/alerts/:id',
    byIdRoute('alerts', 'An alert with its events, state history and every delivery attempt', AlertDetailJson),
    async (req, reply) => {
      const { id } = parse(IdParams, req.params, 'path');
      const alert = await getAlertView(db, id);
      if (!alert) return sendProblem(reply, 404, 'not_found', `no alert ${id}`);
      const [events, transitions, deliveries] = await Promise.all([
        searchEvents(db, { alertId: id, limit: 500 }).then((p) => p.items),
        listAlertTransitions(db, id),
        listDeliveries(db, { alertId: id }),
      ]);
      return {
        ...alertJson(alert),
        events: events.map(eventJson),
        transitions: transitions.map(transitionJson),
        deliveries: deliveries.map(deliveryJson),
      };
    },
  );

  app.post(
    '/v1/alerts/:id/ack',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Acknowledge a firing alert',
        description:
          'Stored with who and when; the alerting worker then sends the `acknowledged` notification. 409 when it is already acknowledged or resolved.',
        security: BEARER,
        params: openapi(IdParams, 'input'),
        body: openapi(AckBody, 'input'),
        response: { 200: openapi(AlertJson), 409: openapi(ErrorJson), ...errors, ...notFound },
      },
    },
    async (req, reply) => {
      // Both parts checked before answering: the 400 names every bad field.
      const path = check(IdParams, req.params, 'path');
      const checkedBody = check(AckBody, req.body, 'body');
      if (path.problems.length + checkedBody.problems.length > 0)
        throw new BadRequest([...path.problems, ...checkedBody.problems]);
      const { id } = path.data!;
      const body = checkedBody.data!;
      const outcome = await acknowledgeAlert(db, {
        id,
        by: body.by,
        ...(body.note ? { note: body.note } : {}),
        now: clock(),
      });
      if (!outcome.ok && outcome.reason === 'not_found')
        return sendProblem(reply, 404, 'not_found', `no alert ${id}`);
      if (!outcome.ok)
        return sendProblem(reply,
          409,
          outcome.reason,
          `the alert is ${outcome.reason === 'resolved' ? 'resolved' : 'already acknowledged'}`,
        );
      const alert = await getAlertView(db, id);
      return alert ? alertJson(alert) : sendProblem(reply, 404, 'not_found', `no alert ${id}`);
    },
  );

  // ---- dashboard -----------------------------------------------------------------------------

  await app.register(fastifyStatic, {
    root: publicDirectory,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    // lib.d.ts types the page's helpers for the unit tests; the browser has no use for it.
    allowedPath: (pathName) => !pathName.endsWith('.ts'),
  });


  return app;
}
