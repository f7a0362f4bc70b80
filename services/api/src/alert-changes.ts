import { ALERT_CHANGES_CHANNEL, getAlertView } from '@ceasefire/db';
import type { Logger } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import pg from 'pg';
import type { AlertHub } from './alert-stream.ts';
import { alertJson } from './json.ts';

/** Options of {@link startAlertChanges}. */
export interface AlertChangesOptions {
  databaseUrl: string;
  /** The event store's schema: notifications of other schemas in the database are ignored. */
  schema: string;
  db: Knex;
  hub: AlertHub;
  logger: Logger;
  /** Changes of one alert within this window are pushed once (a batch touches an alert once per statement). */
  coalesceMs?: number;
  /** First wait before reconnecting a lost listening connection (doubles up to 30 s). */
  reconnectMs?: number;
}

/**
 * Listens for the alert changes the database announces (every insert or update of what an alert
 * shows, by any writer) and pushes each changed alert, as the read API serves it, to the live
 * streams. Its own connection, outside the pool: LISTEN holds a session. When the connection is
 * lost it reconnects and tells the dashboards to re-read (`resync`), since changes in between
 * were not heard.
 */
export function startAlertChanges(options: AlertChangesOptions): { ready: Promise<void>; stop(): Promise<void> } {
  const { logger } = options;
  const coalesceMs = options.coalesceMs ?? 100;
  const pending = new Set<string>();
  let flushTimer: NodeJS.Timeout | null = null;
  let client: pg.Client | null = null;
  let stopped = false;
  let wait = options.reconnectMs ?? 1000;
  let connectedOnce = false;

  const flush = async () => {
    flushTimer = null;
    const ids = [...pending];
    pending.clear();
    for (const id of ids) {
      try {
        const view = await getAlertView(options.db, id);
        if (view) options.hub.emit({ kind: 'alert-changed', alert: alertJson(view) });
      } catch (err) {
        // The page re-reads on its own schedule and on resync; a failed read loses one push.
        logger.warn({ err, alert: id }, 'changed alert not read; not pushed');
      }
    }
  };

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== ALERT_CHANGES_CHANNEL || !msg.payload) return;
    let payload: { schema?: unknown; id?: unknown };
    try {
      payload = JSON.parse(msg.payload) as typeof payload;
    } catch {
      return;
    }
    if (payload.schema !== options.schema || typeof payload.id !== 'string') return;
    pending.add(payload.id);
    flushTimer ??= setTimeout(() => void flush(), coalesceMs);
  };

  let markReady: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));

  const connect = async (): Promise<void> => {
    while (!stopped) {
      const c = new pg.Client({ connectionString: options.databaseUrl });
      try {
        c.on('notification', onNotification);
        c.on('error', (err) => logger.warn({ err }, 'alert change feed connection failed; reconnecting'));
        c.on('end', () => {
          if (client === c && !stopped) {
            client = null;
            void connect();
          }
        });
        await c.connect();
        await c.query(`listen ${ALERT_CHANGES_CHANNEL}`);
        client = c;
        wait = options.reconnectMs ?? 1000;
        if (connectedOnce) options.hub.emit({ kind: 'resync', at: new Date().toISOString() });
        connectedOnce = true;
        markReady();
        return;
      } catch (err) {
        c.removeAllListeners('end');
        await c.end().catch(() => undefined);
        logger.warn({ err, retryInMs: wait }, 'alert change feed not listening yet');
        await new Promise((r) => setTimeout(r, wait).unref());
        wait = Math.min(wait * 2, 30_000);
      }
    }
  };
  void connect();

  return {
    ready,
    async stop() {
      stopped = true;
      if (flushTimer) clearTimeout(flushTimer);
      const c = client;
      client = null;
      await c?.end().catch(() => undefined);
    },
  };
}
