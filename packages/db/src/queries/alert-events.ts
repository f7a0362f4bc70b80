import type { Queryable } from '../connection.ts';

// Which events an alert counts (`alert_events`) and the incidents its summary was built from.

/** Links an event to an alert; false when it was linked already. */
export async function linkAlertEvent(
  db: Queryable,
  input: { alertId: string; eventId: string; untimed: boolean; at: Date },
): Promise<boolean> {
  const rows = await db('alert_events')
    .insert({ alert_id: input.alertId, event_id: input.eventId, untimed: input.untimed, added_at: input.at })
    .onConflict(['alert_id', 'event_id'])
    .ignore()
    .returning('event_id');
  return rows.length > 0;
}

/** Links many events to their alerts in one statement; links that exist are left alone. */
export async function linkAlertEvents(
  db: Queryable,
  links: ReadonlyArray<{ alertId: string; eventId: string; untimed: boolean; at: Date }>,
): Promise<void> {
  if (links.length === 0) return;
  await db('alert_events')
    .insert(links.map((l) => ({ alert_id: l.alertId, event_id: l.eventId, untimed: l.untimed, added_at: l.at })))
    .onConflict(['alert_id', 'event_id'])
    .ignore();
}

/** Which of these events an alert counts already (an event joins at most one alert), in one query. */
export async function eventsInAlerts(db: Queryable, eventIds: readonly string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = (await db('alert_events').whereIn('event_id', [...new Set(eventIds)]).select('event_id')) as Array<{ event_id: string }>;
  return new Set(rows.map((r) => r.event_id));
}

/** Removes an alert's events (they move to another alert) and its summary incidents; the alert keeps its counts as they were. */
export async function unlinkAlertEvents(db: Queryable, alertId: string): Promise<void> {
  await db('alert_events').where({ alert_id: alertId }).delete();
  await db('alert_summary_incidents').where({ alert_id: alertId }).delete();
}

/**
 * Marks the summaries of open alerts that count a superseded event of these statements as to be
 * rebuilt (a newer extractor re-classified the statement: its old events no longer count, as
 * they do not when an alert's events are read again). One statement; returns the alerts marked.
 */
export async function forgetSummariesOfSuperseded(db: Queryable, statementIds: readonly string[]): Promise<string[]> {
  if (statementIds.length === 0) return [];
  const result = await db.raw<{ rows: Array<{ id: string }> }>(
    `update alerts set summary_state = null
      where summary_state is not null and state <> 'resolved'
        and id in (select ae.alert_id
                     from violation_events ve join alert_events ae on ae.event_id = ve.id
                    where ve.statement_id = any(?) and ve.superseded_at is not null)
      returning id`,
    [[...new Set(statementIds)]],
  );
  return result.rows.map((r) => r.id);
}

/** One incident of an alert's summary state: `[earliest time (epoch ms), points, corroboration]`. */
export type SummaryIncident = readonly [key: string, entry: readonly [at: number, points: number, corroboration: number]];

/** The summary-state incidents of these alerts (`alert_summary_incidents`), by alert. One statement. */
export async function summaryIncidentsOf(db: Queryable, alertIds: readonly string[]): Promise<Map<string, SummaryIncident[]>> {
  const out = new Map<string, SummaryIncident[]>(alertIds.map((id) => [id, []]));
  if (alertIds.length === 0) return out;
  const rows = (
    await db.raw<{ rows: Array<{ alert_id: string; incident_key: string; at_ms: number; points: number; corroboration: number }> }>(
      `select alert_id, incident_key, at_ms, points, corroboration
         from alert_summary_incidents where alert_id = any(?)`,
      [[...new Set(alertIds)]],
    )
  ).rows;
  for (const r of rows) out.get(r.alert_id)?.push([r.incident_key, [r.at_ms, r.points, r.corroboration]]);
  return out;
}

/**
 * Stores summary-state incidents: the alerts in `replace` lose every incident row first (their
 * state was rebuilt whole), then `rows` are inserted or updated. At most two statements.
 */
export async function writeSummaryIncidents(
  db: Queryable,
  rows: ReadonlyArray<{ alertId: string; incident: SummaryIncident }>,
  replace: readonly string[] = [],
): Promise<void> {
  if (replace.length > 0) await db.raw('delete from alert_summary_incidents where alert_id = any(?)', [[...new Set(replace)]]);
  if (rows.length === 0) return;
  await db.raw(
    `insert into alert_summary_incidents (alert_id, incident_key, at_ms, points, corroboration)
     select * from unnest(?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[])
     on conflict (alert_id, incident_key) do update
        set at_ms = excluded.at_ms, points = excluded.points, corroboration = excluded.corroboration`,
    [
      rows.map((r) => r.alertId),
      rows.map((r) => r.incident[0]),
      rows.map((r) => r.incident[1][0]),
      rows.map((r) => r.incident[1][1]),
      rows.map((r) => r.incident[1][2]),
    ],
  );
}

/** The ids of an alert's events, in the order they joined. */
export async function alertEventIds(db: Queryable, alertId: string): Promise<string[]> {
  const rows = (await db('alert_events')
    .where({ alert_id: alertId })
    .orderBy(['added_at', 'event_id'])
    .select('event_id')) as Array<{
    event_id: string;
  }>;
  return rows.map((r) => r.event_id);
}
