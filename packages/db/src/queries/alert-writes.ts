import type { Knex } from 'knex';
import type { Queryable } from '../connection.ts';
import type { SummaryIncident } from './alert-events.ts';
import type { AlertTransitionInput } from './alert-transitions.ts';
import { upsertAlertsQuery, type AlertRecord } from './alerts.ts';

// What one transaction changes of alert groups, written with one statement (one round trip).

/** A batch's changes to alerts: see {@link writeAlertChanges}. */
export interface AlertChanges {
  /** Stored alerts first: one that resolved frees its group for the new one (a partial unique index). */
  readonly alerts: readonly AlertRecord[];
  /** Summary-state incidents inserted or updated (none of an alert whose rows are replaced whole). */
  readonly incidents: ReadonlyArray<{ alertId: string; incident: SummaryIncident }>;
  readonly links: ReadonlyArray<{ alertId: string; eventId: string; untimed: boolean; at: Date }>;
  readonly transitions: ReadonlyArray<AlertTransitionInput & { readonly alertId: string }>;
}

/**
 * Writes what `upsertAlerts`, `writeSummaryIncidents` (without replacing), `linkAlertEvents` and
 * `insertTransitionsOfAlerts` write, as data-modifying CTEs of one statement: each part touches
 * another table, and the foreign keys to a new alert are checked at the end of the statement,
 * when it is there. An alert whose incident rows are replaced whole is not for this statement (a
 * delete and an insert of one row cannot share a statement): write it with those functions.
 */
export async function writeAlertChanges(db: Queryable, changes: AlertChanges): Promise<void> {
  const parts: Array<{ sql: string; bindings: readonly unknown[] }> = [];
  if (changes.alerts.length > 0) {
    const q = upsertAlertsQuery(db, changes.alerts).toSQL();
    parts.push({ sql: q.sql, bindings: q.bindings });
  }
  const { incidents, links, transitions } = changes;
  if (incidents.length > 0)
    parts.push({
      sql: `insert into alert_summary_incidents (alert_id, incident_key, at_ms, points, corroboration)
            select * from unnest(?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[])
            on conflict (alert_id, incident_key) do update
               set at_ms = excluded.at_ms, points = excluded.points, corroboration = excluded.corroboration`,
      bindings: [
        incidents.map((r) => r.alertId),
        incidents.map((r) => r.incident[0]),
        incidents.map((r) => r.incident[1][0]),
        incidents.map((r) => r.incident[1][1]),
        incidents.map((r) => r.incident[1][2]),
      ],
    });
  if (links.length > 0)
    parts.push({
      sql: `insert into alert_events (alert_id, event_id, untimed, added_at)
            select * from unnest(?::text[], ?::text[], ?::boolean[], ?::timestamptz[])
            on conflict (alert_id, event_id) do nothing`,
      bindings: [
        links.map((l) => l.alertId),
        links.map((l) => l.eventId),
        links.map((l) => l.untimed),
        links.map((l) => l.at),
      ],
    });
  if (transitions.length > 0)
    parts.push({
      sql: `insert into alert_transitions (alert_id, from_state, to_state, at, by, reason)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])`,
      bindings: [
        transitions.map((t) => t.alertId),
        transitions.map((t) => t.from),
        transitions.map((t) => t.to),
        transitions.map((t) => t.at),
        transitions.map((t) => t.by),
        transitions.map((t) => t.reason),
      ],
    });
  if (parts.length === 0) return;
  const [only] = parts;
  if (parts.length === 1 && only) {
    await db.raw(only.sql, bindingsOf(only.bindings));
    return;
  }
  // The statement splices only the statements above (knex's compiled upsert and the fixed texts);
  // every value is still a binding.
  await db.raw(
    // eslint-disable-next-line no-restricted-syntax
    `with ${parts.map((p, i) => `w${i} as (${p.sql})`).join(', ')} select 1`,
    bindingsOf(parts.flatMap((p) => p.bindings)),
  );
}

/** knex's binding type has no arrays with nulls in them, which pg sends as arrays with NULL. */
function bindingsOf(values: readonly unknown[]): readonly Knex.RawBinding[] {
  return values as readonly Knex.RawBinding[];
}
