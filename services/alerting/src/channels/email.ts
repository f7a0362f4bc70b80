import type { Alert } from '@ceasefire/contracts';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { breachFacts } from './text.ts';
import { ChannelFailure, type Channel, type OutgoingNotification } from './types.ts';

/** SMTP settings of {@link emailChannel}. */
export interface EmailOptions {
  readonly name?: string;
  readonly host: string;
  readonly port: number;
  /** TLS from the start (port 465); otherwise STARTTLS when the server offers it. */
  readonly secure: boolean;
  /** Refuse to send without STARTTLS. */
  readonly requireTls: boolean;
  readonly user?: string | undefined;
  readonly password?: string | undefined;
  readonly from: string;
  readonly to: readonly string[];
  readonly timeoutMs: number;
}

/** Subject and plain-text body of an alert e-mail: the facts by name, the evidence, the links. */
export function emailContent(a: Alert): { subject: string; text: string } {
  const where = a.breach?.area_name ?? a.area;
  const subject = `[ceasefire ${a.severity}] ${a.notification}: breach in ${where}${a.agreement_proposed ? ' (proposed agreement)' : ''}`;
  const facts = breachFacts(a);
  const width = Math.max(...facts.map(([label]) => label.length)) + 2;
  const lines = [
    a.summary,
    '',
    ...facts.map(([label, value]) => `${`${label}:`.padEnd(width)}${value}`),
    `${'Alert:'.padEnd(width)}${a.alert_id} (${a.state}, ${a.severity}${a.escalations?.length ? `, escalated: ${a.escalations.join(', ')}` : ''})`,
    `${'Incidents:'.padEnd(width)}${a.incident_count ?? '?'} from ${a.event_count} report(s)`,
  ];
  if (a.breach?.evidence) lines.push('', 'Evidence (latest report):', `  "${a.breach.evidence}"`);
  if (a.breach?.source_url) lines.push(`Source: ${a.breach.source_url}`);
  if (a.breach?.link) lines.push(`Open the alert: ${a.breach.link}`);
  if (a.untimed_allegation)
    lines.push('', 'Includes an allegation without a time: it cannot be placed after the start.');
  lines.push('', `Acknowledge: npx ceasefire alerts ack ${a.alert_id}`);
  return { subject, text: `${lines.join('\n')}\n` };
}

/**
 * E-mail through SMTP (nodemailer). The Message-ID is derived from the idempotency key, so a
 * retried notification is recognisable as the same mail. SMTP 5xx replies are permanent; the
 * rest (connection failures, 4xx) are retried.
 */
export function emailChannel(options: EmailOptions): Channel {
  const transportOptions: SMTPTransport.Options = {
    host: options.host,
    port: options.port,
    secure: options.secure,
    requireTLS: options.requireTls,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
    ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
  };
  const transport = nodemailer.createTransport(transportOptions);
  return {
    name: options.name ?? 'email',
    async send(n: OutgoingNotification) {
      const { subject, text } = emailContent(n.message.data);
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: [...options.to],
          subject,
          text,
          messageId: `<${n.idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@ceasefire-watch>`,
          headers: {
            'X-Ceasefire-Idempotency-Key': n.idempotencyKey,
            'X-Ceasefire-Alert': n.message.data.alert_id,
          },
        });
        const code = /^(\d{3})/.exec(info.response ?? '')?.[1];
        return { responseCode: code ? Number(code) : null };
      } catch (e) {
        const responseCode =
          typeof (e as { responseCode?: unknown }).responseCode === 'number'
            ? (e as { responseCode: number }).responseCode
            : null;
        const permanent = responseCode !== null && responseCode >= 500;
        throw new ChannelFailure(
          permanent ? 'unprocessable' : 'channel_unavailable',
          `SMTP: ${e instanceof Error ? e.message : String(e)}`,
          responseCode,
          { cause: e },
        );
      }
    },
    async close() {
      transport.close();
    },
  };
}
