// The read API's events routes (registered by buildApiApp in ../app.ts).
import { getEventView, searchEvents } from '@ceasefire/db';
import { sendProblem } from '@ceasefire/runtime';
import { encodeCursor } from '../cursor.ts';
import { eventJson } from '../json.ts';
import { EventJson, EventsQuery, IdParams, openapi, pageOf } from '../schemas.ts';
import { parse, cursorOf, date, BEARER, errors, notFound } from './common.ts';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './common.ts';

export function eventsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;

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
      return event ? eventJson(event) : sendProblem(reply, 404, 'not_found', `no event ${id}`);
    },
  );
}
