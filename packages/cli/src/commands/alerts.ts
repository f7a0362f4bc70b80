import { listAlerts, type AlertRecord } from '@ceasefire/db';
import { acknowledgeAlert, alertJson } from '@ceasefire/operations';
import { runOperatorCommand, table, type OperatorIo } from './operator-io.ts';

const USAGE = `usage: ceasefire alerts <list | ack ID> [options]
  list [--state open|firing|acknowledged|resolved] [--agreement ID] [--limit N] [--json]
                  alerts, most recently changed first (default: open ones)
  ack ID [--by NAME] [--note TEXT] [--json]
                  acknowledge an alert: repeats stop, the channels are told
environment: DATABASE_URL, DATABASE_SCHEMA
`;

function rows(alerts: AlertRecord[]): string {
  return table(
    ['ID', 'STATE', 'SEVERITY', 'AREA', 'AGREEMENT', 'INCIDENTS', 'REPORTS', 'KILLED', 'FLAGS', 'UPDATED'],
    alerts.map((a) => [
      a.id,
      a.state,
      a.severity,
      a.area,
      a.agreementId,
      String(a.incidentCount),
      String(a.eventCount),
      a.killed === null ? '-' : String(a.killed),
      [a.proposedAgreement ? 'proposed' : '', a.untimedAllegation ? 'untimed' : '', ...a.escalations]
        .filter(Boolean)
        .join(','),
      a.updatedAt.toISOString(),
    ]),
  );
}

/** `ceasefire alerts list | ack ID`. Returns the exit code: 0 done, 1 refused or not found, 2 bad usage. */
export async function alertsCommand(args: string[], io: OperatorIo): Promise<number> {
  const flags = {
    state: { type: 'string' },
    agreement: { type: 'string' },
    limit: { type: 'string' },
    by: { type: 'string' },
    note: { type: 'string' },
    json: { type: 'boolean' },
  } as const;
  return runOperatorCommand(
    { name: 'alerts', usage: USAGE, flags },
    args,
    io,
    async ({ action, values: v, positionals, db, fail }) => {
      const json = v.json === true;
      switch (action) {
        case 'list': {
          if (positionals.length) return fail(`unexpected argument ${positionals.join(' ')}`);
          const state = typeof v.state === 'string' ? v.state : 'open';
          if (!['open', 'firing', 'acknowledged', 'resolved', 'all'].includes(state))
            return fail(`--state ${state}: open, firing, acknowledged, resolved or all`);
          const limit = typeof v.limit === 'string' ? Number(v.limit) : 100;
          if (!Number.isInteger(limit) || limit < 1)
            return fail(`--limit ${String(v.limit)}: a positive integer`);
          const alerts = await listAlerts(db, {
            ...(state === 'all' ? {} : { state: state as 'open' | 'firing' | 'acknowledged' | 'resolved' }),
            ...(typeof v.agreement === 'string' ? { agreementId: v.agreement } : {}),
            limit,
          });
          io.stdout.write(
            json
              ? `${JSON.stringify(alerts.map(alertJson))}\n`
              : alerts.length
                ? rows(alerts)
                : `no ${state === 'all' ? '' : `${state} `}alerts\n`,
          );
          return 0;
        }
        case 'ack': {
          const [id, ...extra] = positionals;
          if (!id || extra.length) return fail('ack takes one alert id');
          const by = typeof v.by === 'string' ? v.by : (io.env['USER'] ?? 'operator');
          const outcome = await acknowledgeAlert(db, {
            id,
            by,
            ...(typeof v.note === 'string' ? { note: v.note } : {}),
            now: new Date(),
          });
          if (!outcome.ok) {
            const why = {
              not_found: `no alert ${id}`,
              already_acknowledged: `alert ${id} is already acknowledged`,
              resolved: `alert ${id} is resolved`,
            };
            return fail(why[outcome.reason], 1);
          }
          io.stdout.write(
            json ? `${JSON.stringify(alertJson(outcome.alert))}\n` : `acknowledged ${id} as ${by}\n`,
          );
          return 0;
        }
        default:
          return fail(`unknown action ${action}`);
      }
    },
  );
}
