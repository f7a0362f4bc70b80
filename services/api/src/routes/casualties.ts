// The read API's casualty, statistics and gazetteer routes (registered by buildApiApp in ../app.ts).
import { casualtySeries, violationsPerDayArea } from '@ceasefire/db';
import { sendProblem } from '@ceasefire/runtime';
import { z } from 'zod';
import { gazetteerJson } from '../gazetteer.ts';
import { casualtySeriesJson, violationsPerDayJson } from '../json.ts';
import {
  CasualtiesQuery,
  CasualtySeriesJson,
  GazetteerJson,
  GazetteerQuery,
  ViolationsPerDayJson,
  ViolationsPerDayQuery,
} from '../schemas.ts';
import { parse, notFound, queryRoute } from './common.ts';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './common.ts';

export function casualtiesRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;

  app.get(
    '/v1/casualties',
    queryRoute(
      'casualties',
      'Casualty reports as one time series per source, scope and population (never summed)',
      CasualtiesQuery,
      z.object({ series: z.array(CasualtySeriesJson) }),
    ),
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
    queryRoute(
      'events',
      'Violations per day and area (the timeline; the violations_per_day_area view)',
      ViolationsPerDayQuery,
      z.object({ items: z.array(ViolationsPerDayJson) }),
    ),
    async (req) => {
      const q = parse(ViolationsPerDayQuery, req.query, 'query');
      const rows = await violationsPerDayArea(db, { fromDay: q.from, toDay: q.to, area: q.area });
      return { items: rows.map(violationsPerDayJson) };
    },
  );

  app.get(
    '/v1/gazetteer',
    queryRoute(
      'map',
      "A conflict profile's places with coordinates, for drawing the map",
      GazetteerQuery,
      GazetteerJson,
      notFound,
    ),
    async (req, reply) => {
      const q = parse(GazetteerQuery, req.query, 'query');
      const id = q.profile ?? deps.defaultProfile;
      const profile = deps.profiles.find((p) => p.id === id);
      return profile ? gazetteerJson(profile) : sendProblem(reply, 404, 'not_found', `no profile ${id}`);
    },
  );
}
