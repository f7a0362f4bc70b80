import { createHash } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  alertCounts,
  breachesPerAgreement,
  casualtySeries,
  getAgreement,
  getAlertView,
  getEventView,
  getIncidentView,
  getStatementView,
  agreementSources,
  agreementTransitions,
  listAgreements,
  listAlertTransitions,
  listAlertViews,
  listDeliveries,
  listIncidents,
  listStatements,
  searchEvents,
  statementEvents,
  violationsPerDayArea,
  type Keyset,
} from '@ceasefire/db';
import type { ConflictProfile } from '@ceasefire/extraction';
import {
  bearerToken,
  classifyError,
  closeConnectionsOnClose,
  guardRequests,
  securityHeaders,
  httpServerOptions,
  nulProblems,
  type HttpTimeouts,
  type Logger,
} from '@ceasefire/runtime';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Knex } from 'knex';
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { z } from 'zod';
import { acknowledgeAlert } from '@ceasefire/alerting-service';
import { sseOf, type AlertHub } from './alert-stream.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { finishOpenApi } from './openapi.ts';
import { gazetteerJson } from './gazetteer.ts';
import {
  agreementJson,
  alertJson,
  casualtySeriesJson,
  deliveryJson,
  eventJson,
  incidentJson,
  statementJson,
  transitionJson,
  violationsPerDayJson,
} from './json.ts';
import {
  AckBody,
  AgreementJson,
  AgreementsQuery,
  AlertCountsJson,
  AlertCountsQuery,
  AlertDetailJson,
  AlertJson,
  AlertsQuery,
  CasualtiesQuery,
  CasualtySeriesJson,
  ErrorJson,
  EventJson,
  EventsQuery,
  GazetteerJson,
  GazetteerQuery,
  IdParams,
  IncidentDetailJson,
  IncidentJson,
  IncidentsQuery,
  StatementDetailJson,
  StatementJson,
  StatementsQuery,
  ViolationsPerDayJson,
  ViolationsPerDayQuery,
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

function problem(reply: FastifyReply, status: number, error: string, message: string, problems?: string[]) {
  return reply.code(status).send({ error, message, ...(problems ? { problems } : {}) });
}

/** Thrown by the handlers for a bad query, path or body: the error handler answers 400 with it. */
class BadRequest extends Error {
  constructor(readonly problems: string[]) {
    super('the request is invalid');
  }
}

type Parsed<T> = { data: T; problems: [] } | { data: undefined; problems: string[] };

/** Every problem of one part of the request (path, query, body): the schema's and NUL characters. */
function check<S extends z.ZodType>(schema: S, value: unknown, where: string): Parsed<z.output<S>> {
  const nul = nulProblems(value, where);
  const parsed = schema.safeParse(value ?? {});
  const problems = [
    ...nul,
    ...(parsed.success
      ? []
      : parsed.error.issues.map(
          (i) => `${where}${i.path.length ? `.${i.path.join('.')}` : ''}: ${i.message}`,
        )),
  ];
  return problems.length === 0 && parsed.success
    ? { data: parsed.data, problems: [] }
    : { data: undefined, problems };
}

/** The part parsed, or a 400 naming its every problem. */
function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = check(schema, value, where);
  if (parsed.problems.length > 0) throw new BadRequest(parsed.problems);
  return parsed.data as z.output<S>;
}

function cursorOf(cursor: string | undefined): Keyset | undefined {
  if (cursor === undefined) return undefined;
  const keyset = decodeCursor(cursor);
  if (keyset === null) throw new BadRequest(['query.cursor: not a cursor this API gave out']);
  return keyset;
}

const date = (s: string | undefined): Date | undefined => (s === undefined ? undefined : new Date(s));

const BEARER = [{ bearer: [] }];
const errors = {
  400: openapi(ErrorJson),
  401: openapi(ErrorJson),
  503: openapi(ErrorJson),
};
const notFound = { 404: openapi(ErrorJson) };

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
  const app = Fastify({
    ...httpServerOptions(options.timeouts),
    logger: false,
    bodyLimit: 16 * 1024,
    requestIdHeader: 'x-request-id',
  });
  // Open event streams never end by themselves: ended first at close (hooks run in the order
  // they are added), so that the drain below waits only for ordinary requests.
  const openStreams = new Set<import('node:http').ServerResponse>();
  app.addHook('preClose', async () => {
    for (const res of openStreams) res.end();
  });
  closeConnectionsOnClose(app, options.timeouts?.drainMs);
  securityHeaders(app);
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

  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof BadRequest) return problem(reply, 400, 'bad_request', err.message, err.problems);
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return problem(reply, err.statusCode, 'bad_request', err.message);
    const classified = classifyError(err);
    if (classified.retryable) {
      options.logger.warn(
        { code: classified.code, error: classified.message, url: req.url },
        'event store unavailable',
      );
      reply.header('retry-after', '5');
      return problem(reply, 503, 'unavailable', 'the event store is unavailable; retry later');
    }
    options.logger.error({ err, url: req.url }, 'API request failed');
    return problem(reply, 500, 'internal', 'internal error');
  });

  app.setNotFoundHandler((_req, reply) => problem(reply, 404, 'not_found', 'no such route'));

  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  // ---- statements ----------------------------------------------------------------------------

  app.get(
    '/v1/statements',
    {
      schema: {
        tags: ['statements'],
        summary: 'Statements, latest publication first',
        security: BEARER,
        querystring: openapi(StatementsQuery, 'input'),
        response: { 200: openapi(pageOf(StatementJson)), ...errors },
      },
    },
    async (req) => {
      const q = parse(StatementsQuery, req.query, 'query');
      const page = await listStatements(db, {
        from: date(q.from),
        to: date(q.to),
        sourceAgency: q.source_agency,
        language: q.language,
        after: cursorOf(q.cursor),
        limit: q.limit,
      });
      return { items: page.items.map(statementJson), next_cursor: encodeCursor(page.next) };
    },
  );

  app.get(
    '/v1/statements/:id',
    {
      schema: {
        tags: ['statements'],
        summary: 'A statement with its current events (and the evidence spans of each) and casualty reports',
        security: BEARER,
        params: openapi(IdParams, 'input'),
        response: { 200: openapi(StatementDetailJson), ...errors, ...notFound },
      },
    },
    async (req, reply) => {
      const { id } = parse(IdParams, req.params, 'path');
      const statement = await getStatementView(db, id);
      if (!statement) return problem(reply, 404, 'not_found', `no statement ${id}`);
      const [events, casualties] = await Promise.all([
        statementEvents(db, id),
        casualtiesOfStatement(db, id),
      ]);
      return { ...statementJson(statement), events: events.map(eventJson), casualty_reports: casualties };
    },
  );

  // ---- events --------------------------------------------------------------------------------

  app.get(
    '/v1/events',
    {
      schema: {
        tags: ['events'],
        summary: 'Violation events (current rows), newest first',
        security: BEARER,
        querystring: openapi(EventsQuery, 'input'),
        response: { 200: openapi(pageOf(EventJson)), ...errors },
      },
    },
    async (req) => {
      const q = parse(EventsQuery, req.query, 'query');
      const page = await searchEvents(db, {
        from: date(q.from),
        to: date(q.to),
        area: q.area,
        types: q.type,
        accusedParty: q.accused_party,
        reportedBy: q.reported_by,
        agreementId: q.agreement,
        incidentId: q.incident,
        statementId: q.statement,
        includeSuperseded: q.include_superseded === 'true',
        after: cursorOf(q.cursor),
        limit: q.limit,
      });
      return { items: page.items.map(eventJson), next_cursor: encodeCursor(page.next) };
    },
  );

  app.get(
    '/v1/events/:id',
    {
      schema: {
        tags: ['events'],
        summary: 'One event with its places and evidence',
        security: BEARER,
        params: openapi(IdParams, 'input'),
        response: { 200: openapi(EventJson), ...errors, ...notFound },
      },
    },
    async (req, reply) => {
      const { id } = parse(IdParams, req.params, 'path');
      const event = await getEventView(db, id);
      return event ? eventJson(event) : problem(reply, 404, 'not_found', `no event ${id}`);
    },
  );

  // ---- incidents -----------------------------------------------------------------------------

  app.get(
    '/v1/incidents',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Incidents (one clash, several reports), latest day first, with corroboration and position',
        security: BEARER,
        querystring: openapi(IncidentsQuery, 'input'),
        response: { 200: openapi(pageOf(IncidentJson)), ...errors },
      },
    },
    async (req) => {
      const q = parse(IncidentsQuery, req.query, 'query');
      const page = await listIncidents(db, {
        fromDay: q.from,
        toDay: q.to,
        area: q.area,
        types: q.type,
        corroboration: q.corroboration,
        after: cursorOf(q.cursor),
        limit: q.limit,
      });
      return { items: page.items.map(incidentJson), next_cursor: encodeCursor(page.next) };
    },
  );

  app.get(
    '/v1/incidents/:id',
    {
      schema: {
        tags: ['incidents'],
        summary: 'An incident with its reports (each a claim of its reporter)',
        security: BEARER,
        params: openapi(IdParams, 'input'),
        response: { 200: openapi(IncidentDetailJson), ...errors, ...notFound },
      },
    },
    async (req, reply) => {
      const { id } = parse(IdParams, req.params, 'path');
      const incident = await getIncidentView(db, id);
      if (!incident) return problem(reply, 404, 'not_found', `no incident ${id}`);
      const reports = await searchEvents(db, { incidentId: id, limit: 500 });
      return { ...incidentJson(incident), reports: reports.items.map(eventJson) };
    },
  );

  // ---- casualties and statistics -------------------------------------------------------------

  app.get(
    '/v1/casualties',
    {
      schema: {
        tags: ['casualties'],
        summary: 'Casualty reports as one time series per source, scope and population (never summed)',
        security: BEARER,
        querystring: openapi(CasualtiesQuery, 'input'),
        response: { 200: openapi(z.object({ series: z.array(CasualtySeriesJson) })), ...errors },
      },
    },
    async (req) => {
      const q = parse(CasualtiesQuery, req.query, 'query');
      const series = await casualtySeries(db, {
        scope: q.scope,
        sourceAgency: q.source_agency,
        side: q.side,
        population: q.population,
      });
      return { series: series.map(casualtySeriesJson) };
    },
  );

  app.get(
    '/v1/stats/violations-per-day',
    {
      schema: {
        tags: ['events'],
        summary: 'Violations per day and area (the timeline; the violations_per_day_area view)',
        security: BEARER,
        querystring: openapi(ViolationsPerDayQuery, 'input'),
        response: { 200: openapi(z.object({ items: z.array(ViolationsPerDayJson) })), ...errors },
      },
    },
    async (req) => {
      const q = parse(ViolationsPerDayQuery, req.query, 'query');
      const rows = await violationsPerDayArea(db, { fromDay: q.from, toDay: q.to, area: q.area });
      return { items: rows.map(violationsPerDayJson) };
    },
  );

  app.get(
    '/v1/gazetteer',
    {
      schema: {
        tags: ['map'],
        summary: "A conflict profile's places with coordinates, for drawing the map",
        security: BEARER,
        querystring: openapi(GazetteerQuery, 'input'),
        response: { 200: openapi(GazetteerJson), ...errors, ...notFound },
      },
    },
    async (req, reply) => {
      const q = parse(GazetteerQuery, req.query, 'query');
      const id = q.profile ?? options.defaultProfile;
      const profile = options.profiles.find((p) => p.id === id);
      return profile ? gazetteerJson(profile) : problem(reply, 404, 'not_found', `no profile ${id}`);
    },
  );

  // ---- agreements ----------------------------------------------------------------------------

  app.get(
    '/v1/agreements',
    {
      schema: {
        tags: ['agreements'],
        summary: 'Agreements, newest first, with their status, the statements that reported each, its history and what alerting judged breaches of it',
        security: BEARER,
        querystring: openapi(AgreementsQuery, 'input'),
        response: { 200: openapi(z.object({ items: z.array(AgreementJson) })), ...errors },
      },
    },
    async (req) => {
      const q = parse(AgreementsQuery, req.query, 'query');
      const agreements = await listAgreements(db, { status: q.status, limit: q.limit });
      const ids = agreements.map((a) => a.id);
      const [breaches, sources, transitions] = await Promise.all([breachesPerAgreement(db, ids), agreementSources(db, ids), agreementTransitions(db, ids)]);
      return {
        items: agreements.map((a) =>
          agreementJson(a, breaches.get(a.id), {
            sources: sources.filter((s) => s.agreementId === a.id),
            transitions: transitions.filter((t) => t.agreementId === a.id),
          }),
        ),
      };
    },
  );

  app.get(
    '/v1/agreements/:id',
    {
      schema: {
        tags: ['agreements'],
        summary: 'One agreement with its sources, its history (transitions with reason and source) and its breach counts',
        security: BEARER,
        params: openapi(IdParams, 'input'),
        response: { 200: openapi(AgreementJson), ...errors, ...notFound },
      },
    },
    async (req, reply) => {
      const { id } = parse(IdParams, req.params, 'path');
      const agreement = await getAgreement(db, id);
      if (!agreement) return problem(reply, 404, 'not_found', `no agreement ${id}`);
      const [breaches, sources, transitions] = await Promise.all([breachesPerAgreement(db, [id]), agreementSources(db, [id]), agreementTransitions(db, [id])]);
      return agreementJson(agreement, breaches.get(id), { sources, transitions });
    },
  );

  // ---- alerts --------------------------------------------------------------------------------

  app.get(
    '/v1/alerts',
    {
      schema: {
        tags: ['alerts'],
        summary: 'Alerts, latest opened first',
        security: BEARER,
        querystring: openapi(AlertsQuery, 'input'),
        response: { 200: openapi(pageOf(AlertJson)), ...errors },
      },
    },
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
    {
      schema: {
        tags: ['alerts'],
        summary: 'How many alerts there are by state and severity, with the filters of the list but those two',
        security: BEARER,
        querystring: openapi(AlertCountsQuery, 'input'),
        response: { 200: openapi(AlertCountsJson), ...errors },
      },
    },
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
        return problem(
          reply,
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
    {
      schema: {
        tags: ['alerts'],
        summary: 'An alert with its events, state history and every delivery attempt',
        security: BEARER,
        params: openapi(IdParams, 'input'),
        response: { 200: openapi(AlertDetailJson), ...errors, ...notFound },
      },
    },
    async (req, reply) => {
      const { id } = parse(IdParams, req.params, 'path');
      const alert = await getAlertView(db, id);
      if (!alert) return problem(reply, 404, 'not_found', `no alert ${id}`);
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
        return problem(reply, 404, 'not_found', `no alert ${id}`);
      if (!outcome.ok)
        return problem(
          reply,
          409,
          outcome.reason,
          `the alert is ${outcome.reason === 'resolved' ? 'resolved' : 'already acknowledged'}`,
        );
      const alert = await getAlertView(db, id);
      return alert ? alertJson(alert) : problem(reply, 404, 'not_found', `no alert ${id}`);
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

async function casualtiesOfStatement(db: Knex, statementId: string) {
  const series = await casualtySeries(db, { statementId });
  return series.flatMap((s) =>
    s.points.map((p) => ({
      id: p.id,
      source_agency: s.sourceAgency,
      side: s.side,
      scope: s.scope,
      population: s.population,
      as_of: p.asOf.toISOString(),
      killed: p.killed,
      injured: p.injured,
      displaced: p.displaced,
    })),
  );
}
