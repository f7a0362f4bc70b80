// From an extraction result to what the classifier stores and publishes. Pure: ids are derived
// from content, so a redelivered statement produces the same rows and messages.
import { createHash } from 'node:crypto';
import { type Statement, VIOLATION_EVENT_DATASCHEMA, type ViolationEvent, type ViolationEventMessage } from '@ceasefire/contracts';
import type { CasualtyRecord, EventRecord } from '@ceasefire/db';
import type { ExtractionResult } from '@ceasefire/extraction';

const hash = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex').slice(0, 24);

/** Deterministic event id: the same statement, extractor version and index give the same id. */
export function eventId(statementId: string, version: string, index: number): string {
  return `ev_${hash(`${statementId}|${version}|${index}`)}`;
}

export function casualtyReportId(statementId: string, version: string, index: number): string {
  return `cr_${hash(`${statementId}|${version}|cr|${index}`)}`;
}

/**
 * The conflict area an event belongs to, the key of the events topic: the district of its first
 * gazetteer place (`kg.batken.leilek` for `kg.batken.leilek.kulundu`), the region when that is
 * all the text gives, else the profile's whole border (`kg-tj.border`).
 */
export function areaOf(places: ReadonlyArray<{ id: string | null }>, profile: string): string {
  const id = places.find((p) => p.id)?.id;
  if (!id) return `${profile}.border`;
  const parts = id.split('.');
  return parts.slice(0, Math.min(parts.length, 3)).join('.');
}

export interface ClassifiedStatement {
  events: EventRecord[];
  casualtyReports: CasualtyRecord[];
}

/** The rows of one statement's extraction. */
export function toRecords(statement: Statement, result: ExtractionResult): ClassifiedStatement {
  const version = result.extractor_version;
  const events: EventRecord[] = result.events.map((e, i) => ({
    ...e,
    id: eventId(statement.id, version, e.event_index ?? i),
    statement_id: statement.id,
    extractor_version: version,
    event_index: e.event_index ?? i,
    profile: result.profile,
    area: areaOf(e.places, result.profile),
  }));
  const casualtyReports: CasualtyRecord[] = result.casualty_reports
    .filter((c) => c.killed !== null || c.injured !== null || c.displaced !== null)
    .map((c, i) => ({
      id: casualtyReportId(statement.id, version, i),
      statement_id: statement.id,
      extractor_version: version,
      source_agency: c.source_agency ?? statement.source_agency ?? 'unknown',
      side: c.side,
      as_of: c.as_of ?? statement.published_at,
      scope: c.scope ?? result.profile,
      killed: c.killed,
      injured: c.injured,
      displaced: c.displaced,
      evidence: c.evidence,
    }));
  return { events, casualtyReports };
}

/** The message published for a stored event. */
export function eventMessage(
  record: EventRecord,
  statement: Statement,
  incidentId: string | null,
  source: string,
  time: Date,
): ViolationEventMessage {
  const data = { ...record, incident_id: incidentId, published_at: statement.published_at } as unknown as ViolationEvent;
  return {
    specversion: '1.0',
    // Same event, same message id: consumers can drop a re-publication after a crash.
    id: record.id,
    type: 'ceasefire.violation_event',
    source,
    time: time.toISOString(),
    dataschema: VIOLATION_EVENT_DATASCHEMA,
    datacontenttype: 'application/json',
    subject: record.area,
    data,
  };
}
