import { insertAgreement, markAgreementEvaluated, type AgreementRecord } from '@ceasefire/db';
import type { Knex } from 'knex';

/** An agreement in force for the whole border since 2020, marked evaluated (no backfill of stored events). */
export async function agreementInForce(db: Knex, id: string): Promise<AgreementRecord> {
  const agreement = await insertAgreement(db, {
    id,
    name: `bench ${id}: whole border since 2020`,
    parties: ['KG', 'TJ'],
    level: 'heads_of_state',
    startsAt: new Date('2020-01-01T00:00:00Z'),
    wholeBorder: true,
    terms: ['cease_fire'],
    now: new Date(),
  });
  await markAgreementEvaluated(db, agreement);
  return agreement;
}
