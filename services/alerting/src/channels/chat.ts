import type { Alert } from '@ceasefire/contracts';
import { postJson, type Channel, type OutgoingNotification } from './types.ts';
import { IDEMPOTENCY_HEADER } from './webhook.ts';

const MARK: Record<Alert['severity'], string> = {
  info: ':large_blue_circle:',
  warning: ':large_orange_circle:',
  critical: ':red_circle:',
};
const TITLE: Record<Alert['notification'], string> = {
  opened: 'Ceasefire breach',
  updated: 'Ceasefire breach updated',
  repeated: 'Ceasefire breach still firing',
  acknowledged: 'Ceasefire breach acknowledged',
  resolved: 'Ceasefire breach resolved',
};

/** A Slack-compatible incoming-webhook payload (`text` for notifications, `blocks` for the message). */
export function chatMessage(alert: Alert): { text: string; blocks: unknown[] } {
  const fields = [
    `*Severity*\n${alert.severity}`,
    `*State*\n${alert.state}`,
    `*Area*\n${alert.area}`,
    `*Agreement*\n${alert.agreement_id}${alert.agreement_proposed ? ' (proposed)' : ''}`,
    `*Incidents / reports*\n${alert.incident_count ?? '?'} / ${alert.event_count}`,
    `*Killed (claimed)*\n${alert.killed ?? 'none reported'}`,
  ];
  const context = [
    `alert \`${alert.alert_id}\``,
    `acknowledge: \`npx ceasefire alerts ack ${alert.alert_id}\``,
  ];
  if (alert.untimed_allegation) context.push(':warning: includes an allegation without a time');
  return {
    text: `${TITLE[alert.notification]}: ${alert.summary}`,
    blocks: [
      {
        type: 'header',
        text: { type: 'plain_text', text: `${TITLE[alert.notification]} in ${alert.area}`.slice(0, 150) },
      },
      { type: 'section', text: { type: 'mrkdwn', text: `${MARK[alert.severity]} ${alert.summary}` } },
      { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) },
      { type: 'context', elements: context.map((text) => ({ type: 'mrkdwn', text })) },
    ],
  };
}

/** Chat tool incoming webhook (Slack, Mattermost, Rocket.Chat accept this shape). */
export function chatChannel(options: { name?: string; url: string; timeoutMs: number }): Channel {
  return {
    name: options.name ?? 'chat',
    send: (n: OutgoingNotification, signal: AbortSignal) =>
      postJson(
        options.url,
        JSON.stringify(chatMessage(n.message.data)),
        { [IDEMPOTENCY_HEADER]: n.idempotencyKey },
        signal,
        options.timeoutMs,
      ),
  };
}
