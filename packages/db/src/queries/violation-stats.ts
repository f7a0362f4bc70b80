import type { Queryable } from '../connection.ts';
import { likePrefix } from './keyset.ts';

/** One row of the `violations_per_day_area` view. */
export interface ViolationsPerDayArea {
  readonly day: string;
  readonly area: string;
  readonly reports: number;
  readonly incidents: number;
  readonly statements: number;
  readonly types: string[];
  readonly reportedBy: string[];
  readonly accusedParties: string[];
  readonly maxKilledClaimed: number | null;
  readonly maxWoundedClaimed: number | null;
  readonly civiliansAffected: boolean;
}

/** Violations per day and area (the timeline), oldest day first. */
export async function violationsPerDayArea(
  db: Queryable,
  input: { fromDay?: string; toDay?: string; area?: string } = {},
): Promise<ViolationsPerDayArea[]> {
  const q = db('violations_per_day_area').select('*').orderBy(['day', 'area']).limit(10_000);
  if (input.fromDay) q.where('day', '>=', input.fromDay);
  if (input.toDay) q.where('day', '<=', input.toDay);
  if (input.area) {
    const area = input.area;
    q.where((w) => w.where('area', area).orWhere('area', 'like', `${likePrefix(area)}.%`));
  }
  const rows = (await q) as Array<{
    day: string;
    area: string;
    reports: number;
    incidents: number;
    statements: number;
    types: string[];
    reported_by: string[];
    accused_parties: string[];
    max_killed_claimed: number | null;
    max_wounded_claimed: number | null;
    civilians_affected: boolean;
  }>;
  return rows.map((r) => ({
    day: r.day,
    area: r.area,
    reports: r.reports,
    incidents: r.incidents,
    statements: r.statements,
    types: r.types,
    reportedBy: r.reported_by,
    accusedParties: r.accused_parties,
    maxKilledClaimed: r.max_killed_claimed,
    maxWoundedClaimed: r.max_wounded_claimed,
    civiliansAffected: r.civilians_affected,
  }));
}

/** One row of the `breaches_per_agreement` view. */
export interface BreachesPerAgreement {
  readonly agreementId: string;
  readonly alerts: number;
  readonly openAlerts: number;
  readonly breachReports: number;
  readonly breachIncidents: number;
  readonly areas: number;
  readonly firstBreachAt: Date | null;
  readonly lastBreachAt: Date | null;
  readonly hasUntimedAllegations: boolean;
}

/** Breach counts of the given agreements, by agreement id. */
export async function breachesPerAgreement(db: Queryable, agreementIds: readonly string[]): Promise<Map<string, BreachesPerAgreement>> {
  if (agreementIds.length === 0) return new Map();
  const rows = (await db('breaches_per_agreement').whereIn('agreement_id', [...agreementIds])) as Array<{
    agreement_id: string;
    alerts: number;
    open_alerts: number;
    breach_reports: number;
    breach_incidents: number;
    areas: number;
    first_breach_at: Date | null;
    last_breach_at: Date | null;
    has_untimed_allegations: boolean;
  }>;
  return new Map(
    rows.map((r) => [
      r.agreement_id,
      {
        agreementId: r.agreement_id,
        alerts: r.alerts,
        openAlerts: r.open_alerts,
        breachReports: r.breach_reports,
        breachIncidents: r.breach_incidents,
        areas: r.areas,
        firstBreachAt: r.first_breach_at,
        lastBreachAt: r.last_breach_at,
        hasUntimedAllegations: r.has_untimed_allegations,
      },
    ]),
  );
}
