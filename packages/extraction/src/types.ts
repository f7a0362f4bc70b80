/**
 * Output contract of the extraction engine. Field names are snake_case because the message
 * contracts (packages/contracts) mirror them one to one.
 */

import type { EventType } from '@ceasefire/contracts/domain';

// The event types are the contracts' (a zod-free module, so the engine loads no schemas).
export { EVENT_TYPES, type EventType } from '@ceasefire/contracts/domain';

/** One statement as the ingester hands it over. */
export interface StatementInput {
  id: string;
  text: string;
  /** ISO 8601 with offset ("2022-09-16T14:20:00+06:00") or a bare date; the reference for relative dates. */
  published_at?: string | null;
  language?: string | null;
  source_agency?: string | null;
  url?: string | null;
}

/** A character span [start, end) of the statement text, with the text it covers. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export type EvidenceField =
  | 'type'
  | 'time'
  | 'place'
  | 'party'
  | 'casualties'
  | 'weapon'
  | 'agreement'
  | 'negation'
  | 'source';

/** Why the engine believes a field of an event: the span of text behind it. */
export interface Evidence extends Span {
  field: EvidenceField;
}

export type PlaceKind = 'settlement' | 'district' | 'region' | 'country' | 'border_section' | 'other';

export interface ExtractedPlace {
  /** Canonical gazetteer id, e.g. `kg.batken.leilek.kulundu`; null when not in the gazetteer. */
  id: string | null;
  as_written: string;
  /** Canonical name in the statement's language (Russian in the nominative). */
  name: string;
  country: string | null;
  /** Ancestor ids, region first. */
  admin: string[];
  lat: number | null;
  lon: number | null;
  kind: PlaceKind;
}

export type TimePrecision = 'exact' | 'hour' | 'part_of_day' | 'day' | 'unknown';

export interface EventTime {
  /** Local calendar day YYYY-MM-DD in the issuer's zone. */
  date: string | null;
  /** 'HH:MM' (local) or morning | afternoon | evening | night. */
  time_of_day: string | null;
  start_utc: string | null;
  end_utc: string | null;
  /** Local time as ISO with offset, e.g. 2022-09-16T06:00:00+06:00 (or the date alone). */
  local: string | null;
  /** IANA zone, e.g. Asia/Bishkek. */
  zone: string | null;
  utc_offset: string | null;
  precision: TimePrecision;
}

export interface AgreementTerms {
  parties: string[];
  level: string | null;
  starts_at_utc: string | null;
  zone: string | null;
  terms: string[];
}

export interface Reporter {
  agency: string | null;
  side: string | null;
}

export interface ViolationEvent {
  // Corpus fields, exactly as corpus/SCHEMA.md.
  type: EventType;
  date: string | null;
  time_of_day: string | null;
  locations: string[];
  country_of_location: string | null;
  accused_party: string | null;
  reported_by: string | null;
  killed: number | null;
  wounded: number | null;
  displaced: number | null;
  civilians_affected: boolean | null;
  weapons: string[];
  // Richer fields.
  /** Id of the conflict profile the engine read the statement with ('kg-tj', or 'world:AM-AZ'). */
  profile: string;
  event_index: number;
  acled_event_type: string | null;
  acled_sub_event_type: string | null;
  cameo_code: string | null;
  time: EventTime;
  places: ExtractedPlace[];
  reporter: Reporter;
  /** 'quoted_claim' when the statement relays another side's claim. */
  claim_status: 'reported' | 'quoted_claim';
  agreement: AgreementTerms | null;
  evidence: Evidence[];
  confidence: number;
}

/** A casualty figure is a snapshot claimed by a source; never sum two of them. */
export interface CasualtyReport {
  source_agency: string | null;
  side: string | null;
  /** UTC instant the figure is valid at ("as of 16:00"), else the publication time. */
  as_of: string | null;
  /** What the figure covers: the side whose people are counted and/or the area. */
  scope: string | null;
  killed: number | null;
  injured: number | null;
  displaced: number | null;
  evidence: Evidence[];
}

export interface ExtractionResult {
  statement_id: string;
  extractor_version: string;
  profile: string;
  language: string;
  is_violation_report: boolean;
  reporter: Reporter;
  events: ViolationEvent[];
  casualty_reports: CasualtyReport[];
}

/** Options of `extract`. */
export interface ExtractOptions {
  /**
   * Id of a built-in profile ('kg-tj', 'am-az', 'in-pk') to use when no profile object is
   * passed; without either, the profile is chosen per statement from the names it mentions.
   */
  profile_id?: string;
}
