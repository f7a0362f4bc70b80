// The read API's incidents routes (registered by buildApiApp in ../app.ts).
import { getIncidentView, listIncidents, searchEvents } from '@ceasefire/db';
import { sendProblem } from '@ceasefire/runtime';
import { encodeCursor } from '../cursor.ts';
import { eventJson, incidentJson } from '../json.ts';
import { IdParams, IncidentDetailJson, IncidentJson, IncidentsQuery, pageOf } from '../schemas.ts';
import { parse, cursorOf, queryRoute, byIdRoute } from './common.ts';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './common.ts';

export function incidentsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;

  app.get(
    '/v1/incidents',
    queryRoute(
      'incidents',
      'Incidents (one clash, several reports), latest day first, with corroboration and position',
      IncidentsQuery,
      pageOf(IncidentJson),
    ),
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
    byIdRoute('incidents', 'An incident with its reports (each a claim of its reporter)', IncidentDetailJson),
    async (req, reply) => {
      const { id } = parse(IdParams, req.params, 'path');
      const incident = await getIncidentView(db, id);
      if (!incident) return sendProblem(reply, 404, 'not_found', `no incident ${id}`);
      const reports = await searchEvents(db, { incidentId: id, limit: 500 });
      return { ...incidentJson(incident), reports: reports.items.map(eventJson) };
    },
  );
}
