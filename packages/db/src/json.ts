// Stored agreements, alerts, their transitions and deliveries in the form every API and `--json` output shows them (snake_case,
// RFC 3339 times): one definition, so the operator API, the read API and the CLI never drift.
import type { AgreementRecord } from './queries/agreements.ts';
import type { AlertTransitionRecord } from './queries/alert-transitions.ts';
import type { AlertRecord } from './queries/alerts.ts';
import type { DeliveryRecord } from './queries/deliveries.ts';

const isoOrNull = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function agreementJson(a: AgreementRecord) {
  return {
    id: a.id,
    name: a.name,
    parties: a.parties,
    level: a.level,
    status: a.status,
    starts_at: isoOrNull(a.startsAt),
    start_zone: a.startZone,
    ends_at: isoOrNull(a.endsAt),
    superseded_by: a.supersededBy,
    scope_areas: a.scopeAreas,
    whole_border: a.wholeBorder,
    terms: a.terms,
    source: a.source,
    source_statement_id: a.sourceStatementId,
    source_event_id: a.sourceEventId,
    registered_by: a.registeredBy,
    announced_at: isoOrNull(a.announcedAt),
    notes: a.notes,
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

/** What an alert's JSON shows: a stored alert, or a read view of one. */
export type AlertShown = Pick<
  AlertRecord,
  | 'id'
  | 'groupKey'
  | 'agreementId'
  | 'proposedAgreement'
  | 'area'
  | 'severity'
  | 'state'
  | 'summary'
  | 'eventCount'
  | 'incidentCount'
  | 'killed'
  | 'untimedAllegation'
  | 'escalations'
  | 'firstEventAt'
  | 'lastEventAt'
  | 'openedAt'
  | 'updatedAt'
  | 'acknowledgedAt'
  | 'acknowledgedBy'
  | 'resolvedAt'
  | 'lastNotifiedAt'
>;

export function alertJson(a: AlertShown) {
  return {
    id: a.id,
    group_key: a.groupKey,
    agreement_id: a.agreementId,
    proposed_agreement: a.proposedAgreement,
    area: a.area,
    severity: a.severity,
    state: a.state,
    summary: a.summary,
    event_count: a.eventCount,
    incident_count: a.incidentCount,
    killed: a.killed,
    untimed_allegation: a.untimedAllegation,
    escalations: [...a.escalations],
    first_event_at: isoOrNull(a.firstEventAt),
    last_event_at: isoOrNull(a.lastEventAt),
    opened_at: a.openedAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
    acknowledged_at: isoOrNull(a.acknowledgedAt),
    acknowledged_by: a.acknowledgedBy,
    resolved_at: isoOrNull(a.resolvedAt),
    last_notified_at: isoOrNull(a.lastNotifiedAt),
  };
}

export function transitionJson(t: AlertTransitionRecord) {
  return { from: t.from, to: t.to, at: t.at.toISOString(), by: t.by, reason: t.reason };
}

/** A delivery attempt as both APIs show it (the read API adds its id and creation time). */
export function deliveryAttemptJson(d: DeliveryRecord) {
  return {
    channel: d.channel,
    notification: d.notification,
    attempt: d.attempt,
    status: d.status,
    response_code: d.responseCode,
    error: d.error,
    attempted_at: isoOrNull(d.attemptedAt),
    next_attempt_at: isoOrNull(d.nextAttemptAt),
  };
}
