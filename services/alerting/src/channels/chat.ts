import type { Alert } from '@ceasefire/contracts';
import { postJson, type Channel, type OutgoingNotification } from './types.ts';
import { breachFacts, escapeMrkdwn } from './text.ts';
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

/**
 * A Slack-compatible incoming-webhook payload (`text` for notifications, `blocks` for the
 * message): what, where and how bad in the header line, then the facts, the evidence and a link
 * to the alert. Every text from outside (names, evidence) is escaped, so an agreement named
 * `<!channel>` prints as that and pings nobody.
 */
export function chatMessage(alert: Alert): { text: string; blocks: unknown[] } {
  const b = alert.breach;
  const where = b?.area_name ?? alert.area;
  const what = b && b.types.length > 0 ? b.types.map((t) => t.replaceAll('_', ' ')).join(', ') : 'breach';
  const headline = `${TITLE[alert.notification]}: ${what} in ${where}${b && b.accused.length > 0 ? `, blamed on ${b.accused.map((p) => p.name).join(', ')}` : ''}`;
  const facts = breachFacts(alert).map(([label, value]) => `*${label}*\n${escapeMrkdwn(value)}`);
  facts.push(`*Severity / state*\n${alert.severity} / ${alert.state}`, `*Incidents / reports*\n${alert.incident_count ?? '?'} / ${alert.event_count}`);
  const context: string[] = [];
  if (b?.link) context.push(`<${b.link}|Open the alert>`);
  if (b?.source_url) context.push(`<${b.source_url}|Source${b.source_agency ? `: ${escapeMrkdwn(b.source_agency)}` : ''}>`);
  context.push(`acknowledge: \`npx ceasefire alerts ack ${alert.alert_id}\``);
  if (alert.untimed_allegation) context.push(':warning: includes an allegation without a time');
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: headline.slice(0, 150) } },
    { type: 'section', text: { type: 'mrkdwn', text: `${MARK[alert.severity]} ${escapeMrkdwn(alert.summary)}` } },
    // Slack shows at most 10 fields in a section.
    { type: 'section', fields: facts.slice(0, 10).map((text) => ({ type: 'mrkdwn', text })) },
  ];
  if (facts.length > 10) blocks.push({ type: 'section', fields: facts.slice(10, 20).map((text) => ({ type: 'mrkdwn', text })) });
  if (b?.evidence) blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `> ${escapeMrkdwn(b.evidence).replaceAll('\n', '\n> ')}` } });
  blocks.push({ type: 'context', elements: context.map((text) => ({ type: 'mrkdwn', text })) });
  return { text: escapeMrkdwn(`${MARK[alert.severity]} ${headline}`) + (b?.link ? ` <${b.link}|open>` : ''), blocks };
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
