// The read API's incidents routes (registered by buildApiApp in ../app.ts).
import { getIncidentView, listIncidents, searchEvents } from '@ceasefire/db';
import { sendProblem } from '@ceasefire/runtime';
import { encodeCursor } from '../cursor.ts';
import { eventJson, incidentJson } from '../json.ts';
import { IdParams, IncidentDetailJson, IncidentJson, IncidentsQuery, openapi, pageOf } from '../schemas.ts';
import { parse, cursorOf, BEARER, errors, notFound } from './common.ts';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './common.ts';

export function incidentsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;

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
      if (!incident) return sendProblem(reply, 404, 'not_found', `no incident ${id}`);
      const reports = await searchEvents(db, { incidentId: id, limit: 500 });
      return { ...incidentJson(incident), reports: reports.items.map(eventJson) };
    },
  );
}
