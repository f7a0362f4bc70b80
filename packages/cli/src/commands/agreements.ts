import { AGREEMENT_STATUSES, listAgreements, type AgreementRecord } from '@ceasefire/db';
import {
  NewAgreement,
  agreementJson,
  changeAgreement,
  finishAgreement,
  problemsOf,
  registerAgreement,
} from '@ceasefire/alerting-service';
import { parseTime, runOperatorCommand, table, type OperatorIo } from './operator-io.ts';

const USAGE = `usage: ceasefire agreements <add | list | confirm ID | end ID> [options]
  add --parties KG,TJ (--areas kg.batken,tj.sughd | --whole-border) [--starts-at 2022-09-16T16:00:00+06:00]
      [--zone Asia/Bishkek] [--ends-at TIME] [--level security_chiefs] [--terms cease_fire,withdraw_forces]
      [--name TEXT] [--id ID] [--by NAME] [--notes TEXT] [--json]
                  register an agreement in force
  list [--status proposed|in_force|ended] [--json]
  confirm ID [--starts-at TIME] [--by NAME] [--json]
                  confirm a proposed agreement (read from a statement): it is then in force
  end ID [--at TIME] [--superseded-by ID] [--json]
                  end an agreement (now, unless --at)
environment: DATABASE_URL, DATABASE_SCHEMA
`;

const list = (s: string | boolean | undefined) =>
  typeof s === 'string'
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
const str = (s: string | boolean | undefined) => (typeof s === 'string' ? s : undefined);

function rows(agreements: AgreementRecord[]): string {
  return table(
    ['ID', 'STATUS', 'PARTIES', 'LEVEL', 'STARTS', 'ENDS', 'SCOPE', 'SOURCE'],
    agreements.map((a) => [
      a.id,
      a.status,
      a.parties.join(','),
      a.level,
      a.startsAt?.toISOString() ?? 'unknown',
      a.endsAt?.toISOString() ?? '-',
      a.wholeBorder ? 'whole border' : a.scopeAreas.join(','),
      a.source,
    ]),
  );
}

/**
 * `ceasefire agreements add | list | confirm | end`. Returns the exit code: 0 done, 1 refused by
 * the database (or not found), 2 bad usage.
 */
export async function agreementsCommand(args: string[], io: OperatorIo): Promise<number> {
  const flags = {
    parties: { type: 'string' },
    areas: { type: 'string' },
    'whole-border': { type: 'boolean' },
    'starts-at': { type: 'string' },
    zone: { type: 'string' },
    'ends-at': { type: 'string' },
    level: { type: 'string' },
    terms: { type: 'string' },
    name: { type: 'string' },
    id: { type: 'string' },
    by: { type: 'string' },
    notes: { type: 'string' },
    status: { type: 'string' },
    at: { type: 'string' },
    'superseded-by': { type: 'string' },
    json: { type: 'boolean' },
  } as const;
  return runOperatorCommand(
    { name: 'agreements', usage: USAGE, flags },
    args,
    io,
    async ({ action, values: v, positionals, db, fail }) => {
      const json = v.json === true;
      const now = new Date();
      const times: Record<string, Date | undefined> = {};
      for (const flag of ['starts-at', 'ends-at', 'at']) {
        const value = str(v[flag]);
        if (value === undefined) continue;
        const t = parseTime(value);
        if (t === null)
          return fail(`--${flag} ${value}: give a time with its offset, e.g. 2022-09-16T16:00:00+06:00`);
        times[flag] = t;
      }

      switch (action) {
        case 'add': {
          if (positionals.length > 0) return fail(`unexpected argument ${positionals.join(' ')}`);
          const input = NewAgreement.safeParse({
            id: str(v.id),
            name: str(v.name),
            parties: list(v.parties)?.map((p) => p.toUpperCase()) ?? [],
            level: str(v.level),
            starts_at: times['starts-at']?.toISOString() ?? null,
            start_zone: str(v.zone) ?? null,
            ends_at: times['ends-at']?.toISOString() ?? null,
            scope_areas: list(v.areas) ?? [],
            whole_border: v['whole-border'] === true,
            terms: list(v.terms),
            registered_by: str(v.by) ?? io.env['USER'] ?? null,
            notes: str(v.notes),
          });
          if (!input.success) return fail(problemsOf(input.error).join('; '));
          const agreement = await registerAgreement(db, input.data, now);
          io.stdout.write(
            json
              ? `${JSON.stringify(agreementJson(agreement))}\n`
              : `registered ${agreement.id}\n${rows([agreement])}`,
          );
          return 0;
        }
        case 'list': {
          const status = str(v.status);
          const known = AGREEMENT_STATUSES.find((s) => s === status);
          if (status !== undefined && known === undefined)
            return fail(`--status ${status}: one of ${AGREEMENT_STATUSES.join(', ')}`);
          const agreements = await listAgreements(db, known ? { status: known } : {});
          io.stdout.write(
            json
              ? `${JSON.stringify(agreements.map(agreementJson))}\n`
              : agreements.length
                ? rows(agreements)
                : 'no agreements\n',
          );
          return 0;
        }
        case 'confirm': {
          const [id, ...extra] = positionals;
          if (!id || extra.length) return fail('confirm takes one agreement id');
          const agreement = await changeAgreement(
            db,
            id,
            {
              status: 'in_force',
              ...(times['starts-at'] ? { starts_at: times['starts-at'].toISOString() } : {}),
              ...(str(v.by) ? { registered_by: str(v.by) } : {}),
            },
            now,
          );
          if (agreement === null) return fail(`no agreement ${id}`, 1);
          io.stdout.write(
            json ? `${JSON.stringify(agreementJson(agreement))}\n` : `confirmed ${agreement.id}: in force\n`,
          );
          return 0;
        }
        case 'end': {
          const [id, ...extra] = positionals;
          if (!id || extra.length) return fail('end takes one agreement id');
          const result = await finishAgreement(db, {
            id,
            ...(times['at'] ? { endsAt: times['at'] } : {}),
            supersededBy: str(v['superseded-by']) ?? null,
            now,
          });
          if ('error' in result) {
            const why = {
              not_found: `no agreement ${id}`,
              already_ended: `${id} has already ended`,
              unknown_superseding: `no agreement ${str(v['superseded-by'])} to supersede it`,
              ends_before_start: 'it would end before it starts',
            };
            return fail(why[result.error], 1);
          }
          const a = result.agreement;
          io.stdout.write(
            json ? `${JSON.stringify(agreementJson(a))}\n` : `ended ${a.id} at ${a.endsAt?.toISOString()}\n`,
          );
          return 0;
        }
        default:
          return fail(`unknown action ${action}`);
      }
    },
  );
}
