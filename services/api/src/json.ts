// Domain records (camelCase, Dates) → the API's JSON (snake_case, RFC 3339), typed by schemas.ts.
import type {
  AgreementRecord,
  AgreementSourceRecord,
  AgreementTransitionRecord,
  AlertTransitionRecord,
  AlertView,
  BreachesPerAgreement,
  CasualtySeries,
  DeliveryRecord,
  EventView,
  IncidentView,
  StatementView,
  ViolationsPerDayArea,
} from '@ceasefire/db';
import {
  agreementJson as storedAgreementJson,
  alertJson as storedAlertJson,
  deliveryAttemptJson,
  transitionJson as storedTransitionJson,
} from '@ceasefire/db';
import type { z } from 'zod';
import type {
  AgreementJson,
  AlertJson,
  CasualtySeriesJson,
  DeliveryJson,
  EventJson,
  IncidentJson,
  StatementJson,
  TransitionJson,
  ViolationsPerDayJson,
} from './schemas.ts';

const iso = (d: Date): string => d.toISOString();
const isoOrNull = (d: Date | null): string | null => (d === null ? null : d.toISOString());

export function eventJson(e: EventView): z.input<typeof EventJson> {
  return {
    id: e.id,
    statement_id: e.statementId,
    extractor_version: e.extractorVersion,
    profile: e.profile,
    area: e.area,
    type: e.type,
    acled_event_type: e.acledEventType,
    acled_sub_event_type: e.acledSubEventType,
    cameo_code: e.cameoCode,
    at: iso(e.at),
    occurred_start: isoOrNull(e.occurredStart),
    occurred_end: isoOrNull(e.occurredEnd),
    occurred_local: e.occurredLocal,
    reported_zone: e.reportedZone,
    time_precision: e.timePrecision,
    date: e.date,
    time_of_day: e.timeOfDay,
    locations: e.locations,
    places: e.places.map((p) => ({
      position: p.position,
      place_id: p.placeId,
      as_written: p.asWritten,
      name: p.name,
      country: p.country,
      admin: p.admin,
      lat: p.lat,
      lon: p.lon,
      kind: p.kind,
    })),
    country_of_location: e.countryOfLocation,
    accused_party: e.accusedParty,
    reported_by: e.reportedBy,
    reporter_agency: e.reporterAgency,
    claim_status: e.claimStatus,
    killed: e.killed,
    wounded: e.wounded,
    displaced: e.displaced,
    civilians_affected: e.civiliansAffected,
    weapons: e.weapons,
    confidence: e.confidence,
    evidence: e.evidence,
    agreement: e.agreement ?? null,
    incident_id: e.incidentId,
    corroboration: e.corroboration,
    published_at: iso(e.publishedAt),
    source_agency: e.sourceAgency,
    superseded_at: isoOrNull(e.supersededAt),
  };
}

export function statementJson(s: StatementView): z.input<typeof StatementJson> {
  return {
    id: s.id,
    text: s.text,
    language: s.language,
    published_at: iso(s.publishedAt),
    published_zone: s.publishedZone,
    source_agency: s.sourceAgency,
    source_side: s.sourceSide,
    url: s.url,
    sources: s.sources,
    received_at: iso(s.receivedAt),
    event_count: s.eventCount,
  };
}

export function incidentJson(i: IncidentView): z.input<typeof IncidentJson> {
  return {
    id: i.id,
    day: i.day,
    area: i.area,
    type: i.type,
    dyad: i.dyad,
    corroboration: i.corroboration,
    report_count: i.reportCount,
    statement_count: i.statementCount,
    sides: i.sides,
    accused_parties: i.accusedParties,
    max_killed_claimed: i.maxKilledClaimed,
    max_wounded_claimed: i.maxWoundedClaimed,
    lat: i.lat,
    lon: i.lon,
    first_reported_at: iso(i.firstReportedAt),
    last_reported_at: iso(i.lastReportedAt),
  };
}

export function casualtySeriesJson(s: CasualtySeries): z.input<typeof CasualtySeriesJson> {
  return {
    source_agency: s.sourceAgency,
    side: s.side,
    scope: s.scope,
    population: s.population,
    points: s.points.map((p) => ({
      as_of: iso(p.asOf),
      killed: p.killed,
      injured: p.injured,
      displaced: p.displaced,
      statement_id: p.statementId,
      report_id: p.id,
    })),
  };
}

export function violationsPerDayJson(v: ViolationsPerDayArea): z.input<typeof ViolationsPerDayJson> {
  return {
    day: v.day,
    area: v.area,
    reports: v.reports,
    incidents: v.incidents,
    statements: v.statements,
    types: v.types,
    reported_by: v.reportedBy,
    accused_parties: v.accusedParties,
    max_killed_claimed: v.maxKilledClaimed,
    max_wounded_claimed: v.maxWoundedClaimed,
    civilians_affected: v.civiliansAffected,
  };
}

export function agreementJson(
  a: AgreementRecord,
  breaches: BreachesPerAgreement | undefined,
  history: { sources?: readonly AgreementSourceRecord[]; transitions?: readonly AgreementTransitionRecord[] } = {},
): z.input<typeof AgreementJson> {
  return {
    ...storedAgreementJson(a),
    reached_on: a.reachedOn,
    corroborated: a.corroborated,
    sources: (history.sources ?? []).map((s) => ({
      statement_id: s.statementId,
      event_id: s.eventId,
      reported_by: s.reportedBy,
      source_agency: s.sourceAgency,
      url: s.url,
      published_at: iso(s.publishedAt),
      starts_at: isoOrNull(s.startsAt),
      start_zone: s.startZone,
      level: s.level,
      terms: s.terms,
    })),
    transitions: (history.transitions ?? []).map((t) => ({
      from: t.from,
      to: t.to,
      at: iso(t.at),
      by: t.by,
      reason: t.reason,
      statement_id: t.statementId ?? null,
      superseded_by: t.supersededBy ?? null,
    })),
    breaches: breaches
      ? {
          alerts: breaches.alerts,
          open_alerts: breaches.openAlerts,
          breach_reports: breaches.breachReports,
          breach_incidents: breaches.breachIncidents,
          areas: breaches.areas,
          first_breach_at: isoOrNull(breaches.firstBreachAt),
          last_breach_at: isoOrNull(breaches.lastBreachAt),
          has_untimed_allegations: breaches.hasUntimedAllegations,
        }
      : null,
  };
}

export function alertJson(a: AlertView): z.input<typeof AlertJson> {
  return { ...storedAlertJson(a), agreement_name: a.agreementName };
}

export function transitionJson(t: AlertTransitionRecord): z.input<typeof TransitionJson> {
  return storedTransitionJson(t);
}

export function deliveryJson(d: DeliveryRecord): z.input<typeof DeliveryJson> {
  return { id: String(d.id), ...deliveryAttemptJson(d), created_at: iso(d.createdAt) };
}
