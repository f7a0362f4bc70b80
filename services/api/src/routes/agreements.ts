// The read API's agreements routes (registered by buildApiApp in ../app.ts).
import { breachesPerAgreement, getAgreement, agreementSources, agreementTransitions, listAgreements } from '@ceasefire/db';
import { sendProblem } from '@ceasefire/runtime';
import { z } from 'zod';
import { agreementJson } from '../json.ts';
import { AgreementJson, AgreementsQuery, IdParams } from '../schemas.ts';
import { parse, queryRoute, byIdRoute } from './common.ts';
import type { FastifyInstance } from 'fastify';
import type { RouteDeps } from './common.ts';

export function agreementsRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const { db } = deps;

  app.get(
    '/v1/agreements',
    queryRoute('agreements', 'Agreements, newest first, with their status, the statements that reported each, its history and what alerting judged breaches of it', AgreementsQuery, z.object({ items: z.array(AgreementJson) })),
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
    byIdRoute('agreements', 'One agreement with its sources, its history (transitions with reason and source) and its breach counts', AgreementJson),
    async (req, reply) => {
      const { id } = parse(IdParams, req.params, 'path');
      const agreement = await getAgreement(db, id);
      if (!agreement) return sendProblem(reply, 404, 'not_found', `no agreement ${id}`);
      const [breaches, sources, transitions] = await Promise.all([breachesPerAgreement(db, [id]), agreementSources(db, [id]), agreementTransitions(db, [id])]);
      return agreementJson(agreement, breaches.get(id), { sources, transitions });
    },
  );
}
