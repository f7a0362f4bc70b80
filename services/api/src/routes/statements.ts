// The read API's statements routes (registered by buildApiApp in ../app.ts).
import { casualtySeries, getStatementView, listStatements, statementEvents } from '@ceasefire/db';
import { sendProblem } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { encodeCursor } from '../cursor.ts';
import { eventJson, statementJson } from '../json.ts';
import { IdParams, StatementDetailJson, StatementJson, StatementsQuery, pageOf } from '../schemas.ts';
import { parse, cursorOf, date, queryRoute, byIdRoute } from './common.ts';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './common.ts';

export function statementsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;

  app.get(
    '/v1/statements',
    queryRoute('statements', 'Statements, latest publication first', StatementsQuery, pageOf(StatementJson)),
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
    byIdRoute('statements', 'A statement with its current events (and the evidence spans of each) and casualty reports', StatementDetailJson),
    async (req, reply) => {
      const { id } = parse(IdParams, req.params, 'path');
      const statement = await getStatementView(db, id);
      if (!statement) return sendProblem(reply, 404, 'not_found', `no statement ${id}`);
      const [events, casualties] = await Promise.all([
        statementEvents(db, id),
        casualtiesOfStatement(db, id),
      ]);
      return { ...statementJson(statement), events: events.map(eventJson), casualty_reports: casualties };
    },
  );
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
