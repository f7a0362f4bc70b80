import { ALERT_DATASCHEMA, type AlertMessage } from '@ceasefire/contracts';
import type { AlertCore } from './lifecycle.ts';
import type { NotificationKind } from './types.ts';

/** The identity of an alert beside its lifecycle state. */
export interface AlertIdentity {
  readonly id: string;
  readonly groupKey: string;
  readonly agreementId: string;
  readonly agreementName: string | null;
  readonly agreementParties: readonly string[];
  readonly proposedAgreement: boolean;
  readonly area: string;
}

/** One line for humans: what breached what, where, how bad. */
export function alertSummary(id: AlertIdentity, a: AlertCore): string {
  const agreement = id.agreementName ?? id.agreementId;
  const parts = [
    `${a.severity.toUpperCase()}: ceasefire ${agreement} (${id.agreementParties.join('–')}${id.proposedAgreement ? ', proposed' : ''}) breached in ${id.area}`,
    `${a.incidentCount} incident${a.incidentCount === 1 ? '' : 's'} from ${a.eventCount} report${a.eventCount === 1 ? '' : 's'}`,
  ];
  if (a.killed !== null && a.killed > 0) parts.push(`${a.killed} killed (claimed)`);
  if (a.untimedAllegation) parts.push('includes an allegation without a time');
  if (a.escalations.length > 0) parts.push(`escalated: ${a.escalations.join(', ')}`);
  return parts.join('; ');
}

/**
 * A notification lists at most this many of the events that joined since the previous one, the
 * latest; `new_event_count` says how many joined. A storm of breaches within one group interval
 * would otherwise make a message (and the alert's stored list) of thousands of ids.
 */
export const NOTIFIED_EVENT_IDS_MAX = 100;

/**
 * The `alerts` topic message for one notification. The envelope id is the notification's own
 * (`<alert>:<seq>`), so a re-publish after a crash carries the same id and consumers can drop it.
 */
export function buildAlertMessage(
  id: AlertIdentity,
  a: AlertCore,
  kind: NotificationKind,
  eventIds: readonly string[],
  now: Date,
  source = 'ceasefire/alerting',
  /** Events that joined since the previous notification; `eventIds` may list fewer. */
  newEventCount = eventIds.length,
): AlertMessage {
  return {
    specversion: '1.0',
    id: `${id.id}:${a.notificationSeq}`,
    type: 'ceasefire.alert',
    source,
    time: now.toISOString(),
    dataschema: ALERT_DATASCHEMA,
    datacontenttype: 'application/json',
    subject: id.groupKey,
    data: {
      alert_id: id.id,
      group_key: id.groupKey,
      agreement_id: id.agreementId,
      agreement_proposed: id.proposedAgreement,
      area: id.area,
      severity: a.severity,
      state: a.state,
      notification: kind,
      summary: alertSummary(id, a),
      event_ids: eventIds.slice(-NOTIFIED_EVENT_IDS_MAX),
      new_event_count: newEventCount,
      event_count: a.eventCount,
      first_event_at: a.firstEventAt?.toISOString() ?? null,
      last_event_at: a.lastEventAt?.toISOString() ?? null,
      untimed_allegation: a.untimedAllegation,
      killed: a.killed,
      opened_at: a.openedAt.toISOString(),
      updated_at: a.updatedAt.toISOString(),
      incident_count: a.incidentCount,
      agreement_parties: [...id.agreementParties],
      escalations: [...a.escalations],
      acknowledged_by: a.acknowledgedBy,
    },
  };
}
