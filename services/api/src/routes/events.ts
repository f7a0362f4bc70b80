// The read API's events routes (registered by buildApiApp in ../app.ts).
import { getEventView, searchEvents } from '@ceasefire/db';
import { sendProblem } from '@ceasefire/runtime';
import { encodeCursor } from '../cursor.ts';
import { eventJson } from '../json.ts';
import { EventJson, EventsQuery, IdParams, pageOf } from '../schemas.ts';
import { parse, cursorOf, date, queryRoute, byIdRoute } from './common.ts';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './common.ts';

export function eventsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;

  app.get(
    '/v1/events',
    queryRoute('events', 'Violation events (current rows), newest first', EventsQuery, pageOf(EventJson)),
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
    byIdRoute('events', 'One event with its places and evidence', EventJson),
    async (req, reply) => {
      const { id } = parse(IdParams, req.params, 'path');
      const event = await getEventView(db, id);
      return event ? eventJson(event) : sendProblem(reply, 404, 'not_found', `no event ${id}`);
    },
  );
}
