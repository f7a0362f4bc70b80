import type { Logger } from '@ceasefire/runtime';
import type { Channel, OutgoingNotification } from './types.ts';

/** The service log: every notification as one line, warn for critical. Never fails. */
export function logChannel(logger: Logger): Channel {
  const log = logger.child({ channel: 'log' });
  return {
    name: 'log',
    async send(n: OutgoingNotification) {
      const a = n.message.data;
      const line = { alert: a, idempotencyKey: n.idempotencyKey };
      if (a.severity === 'critical') log.warn(line, `ALERT ${a.notification}: ${a.summary}`);
      else log.info(line, `ALERT ${a.notification}: ${a.summary}`);
      return { responseCode: null };
    },
  };
}
