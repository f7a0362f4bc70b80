import { z } from 'zod';
import { areaInScope } from './rules.ts';
import { severityRank } from './severity.ts';
import { SEVERITIES } from './types.ts';
import type { NotificationKind, Severity } from './types.ts';

/**
 * One routing rule: notifications matching every given filter go to `channel`. Omitted filters
 * match everything. Parsed from the `ALERT_ROUTES` variable (a JSON array of these).
 */
export const Route = z.object({
  /** A configured channel's name: `webhook`, `chat`, `email`, `topic`, `log`. */
  channel: z.string().min(1),
  /** Lowest severity routed (default info: everything). */
  min_severity: z.enum(SEVERITIES).optional(),
  /** Gazetteer areas (a region covers its districts); omitted: every area. */
  areas: z.array(z.string().min(1)).optional(),
  /** Which notifications (default all). */
  notifications: z.array(z.enum(['opened', 'updated', 'repeated', 'acknowledged', 'resolved'])).optional(),
  /** Whether alerts of proposed agreements are routed here (default true). */
  proposed: z.boolean().optional(),
});
export type Route = z.infer<typeof Route>;
export const Routes = z.array(Route);

/** What routing looks at. */
export interface RoutableAlert {
  readonly severity: Severity;
  readonly area: string;
  readonly proposedAgreement: boolean;
}

/** The channels a notification goes to: every route that matches, each channel once, in route order. */
export function routeNotification(
  alert: RoutableAlert,
  kind: NotificationKind,
  routes: readonly Route[],
): string[] {
  const out: string[] = [];
  for (const r of routes) {
    if (out.includes(r.channel)) continue;
    if (r.min_severity && severityRank(alert.severity) < severityRank(r.min_severity)) continue;
    if (r.areas && !areaInScope(alert.area, { scopeAreas: r.areas, wholeBorder: false })) continue;
    if (r.notifications && !r.notifications.includes(kind)) continue;
    if (r.proposed === false && alert.proposedAgreement) continue;
    out.push(r.channel);
  }
  return out;
}

/** The routes used when none are configured: every enabled channel gets everything. */
export function defaultRoutes(channels: readonly string[]): Route[] {
  return channels.map((channel) => ({ channel }));
}
