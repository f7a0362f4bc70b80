import { z } from 'zod';
import { envelopeOf, schemaUri } from './envelope.ts';
import { EVENT_TYPES, PARTY_CODE, SEVERITIES } from './domain.ts';
import { IsoDate, Timestamp } from './time.ts';

export { EVENT_TYPES, PARTY_CODE, SEVERITIES } from './domain.ts';
/** A party code, e.g. `KG`, `TJ`, `UN`, `OSCE`. */
export const Party = z.string().regex(PARTY_CODE, 'a party code such as KG, TJ, UN or OSCE');
export type Party = z.infer<typeof Party>;

/** Where a statement came in. */
export const StatementOrigin = z.object({
  kind: z.enum(['http', 'feed', 'folder', 'cli', 'replay']),
  /** Feed URL, file name or client name; free text for operators. */
  ref: z.string().max(2000).nullable(),
});

/** A statement as the ingester normalised it; the classifier's input. */
export const Statement = z.object({
  /** Content-derived id: the same statement from two sources has one id. */
  id: z.string().min(1).max(200),
  text: z.string().min(1).max(1_000_000),
  /** ISO 639-1 language, given or detected. */
  language: z.string().min(2).max(8),
  /** Publication time with the issuer's offset; the reference for relative dates. */
  published_at: Timestamp,
  /** The issuer's zone (IANA name or fixed offset), when known. */
  published_zone: z.string().max(64).nullable(),
  source_agency: z.string().max(500).nullable(),
  url: z.url().max(2000).nullable(),
  received_at: Timestamp,
  origin: StatementOrigin,
});
export type Statement = z.infer<typeof Statement>;

export const EventType = z.enum(EVENT_TYPES);
export type EventType = z.infer<typeof EventType>;

export const TimePrecision = z.enum(['exact', 'hour', 'part_of_day', 'day', 'unknown']);

/** A character span of the statement's text that supports one field of an event. */
export const Evidence = z.object({
  field: z.enum(['type', 'time', 'place', 'party', 'casualties', 'weapon', 'agreement', 'negation', 'source']),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
});

export const Place = z.object({
  /** Gazetteer id (`kg.batken.leilek.kulundu`), null when the place is not in the gazetteer. */
  id: z.string().nullable(),
  as_written: z.string(),
  name: z.string(),
  country: z.string().nullable(),
  /** Admin units from the largest down: region, district. */
  admin: z.array(z.string()),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  kind: z.enum(['settlement', 'district', 'region', 'country', 'border_section', 'other']),
});

export const EventTime = z.object({
  date: IsoDate.nullable(),
  time_of_day: z.string().nullable(),
  /** Window in UTC: equal for an exact time, a whole part of day or day otherwise. */
  start_utc: Timestamp.nullable(),
  end_utc: Timestamp.nullable(),
  /** Local time as reported, with its offset. */
  local: z.string().nullable(),
  zone: z.string().nullable(),
  utc_offset: z.string().nullable(),
  precision: TimePrecision,
});

export const AgreementTerms = z.object({
  parties: z.array(Party),
  level: z.string().nullable(),
  starts_at_utc: Timestamp.nullable(),
  zone: z.string().nullable(),
  terms: z.array(z.string()),
});

/** One violation event (or agreement) as extracted from one statement: a claim of its reporter. */
export const ViolationEvent = z.object({
  /** Deterministic: statement id, extractor version and index. */
  id: z.string().min(1),
  statement_id: z.string().min(1),
  extractor_version: z.string().min(1),
  event_index: z.number().int().nonnegative(),
  /** Conflict profile the extractor used (`kg-tj`). */
  profile: z.string(),
  /** Conflict area: the key of the events topic (district-level gazetteer id, or the profile's border). */
  area: z.string().min(1),
  type: EventType,
  acled_event_type: z.string().nullable(),
  acled_sub_event_type: z.string().nullable(),
  cameo_code: z.string().nullable(),
  date: IsoDate.nullable(),
  time_of_day: z.string().nullable(),
  time: EventTime,
  locations: z.array(z.string()),
  places: z.array(Place),
  country_of_location: z.string().nullable(),
  accused_party: Party.nullable(),
  reported_by: Party.nullable(),
  reporter: z.object({ agency: z.string().nullable(), side: Party.nullable() }),
  claim_status: z.enum(['reported', 'quoted_claim']),
  killed: z.number().int().nonnegative().nullable(),
  wounded: z.number().int().nonnegative().nullable(),
  displaced: z.number().int().nonnegative().nullable(),
  civilians_affected: z.boolean().nullable(),
  weapons: z.array(z.string()),
  agreement: AgreementTerms.nullable(),
  evidence: z.array(Evidence),
  confidence: z.number().min(0).max(1),
  /** The incident this report was linked to, when the classifier linked one. */
  incident_id: z.string().nullable(),
  published_at: Timestamp,
});
export type ViolationEvent = z.infer<typeof ViolationEvent>;

export const Severity = z.enum(SEVERITIES);
export type Severity = z.infer<typeof Severity>;
export const AlertState = z.enum(['firing', 'acknowledged', 'resolved']);
export type AlertState = z.infer<typeof AlertState>;

/** When a breach happened: UTC, and the local time and zone it was reported in. */
export const BreachTime = z.object({
  utc: Timestamp.nullable(),
  /** Local time as reported, with its offset (`2022-09-16T19:30+06:00`), or the day only. */
  local: z.string().nullable(),
  /** IANA zone (`Asia/Bishkek`) and offset (`+06:00`) of the local time, when known. */
  zone: z.string().nullable(),
  utc_offset: z.string().nullable(),
  date: IsoDate.nullable(),
});

/** A casualty figure and whose claim it is (figures are claims: the highest, never a sum). */
export const BreachCasualties = z.object({
  count: z.number().int().nonnegative(),
  reported_by: z.string().nullable(),
  agency: z.string().nullable(),
  statement_id: z.string(),
});

/**
 * What an operator needs to act on an alert without calling the read API back: who, what,
 * where, when, how bad, how sure, the evidence and where to look.
 */
export const AlertBreach = z.object({
  agreement: z.object({
    id: z.string(),
    name: z.string().nullable(),
    status: z.string(),
    starts_at: Timestamp.nullable(),
    start_zone: z.string().nullable(),
  }),
  /** The alert's area by name (`Leilek district, Batken region`). */
  area_name: z.string(),
  /** Accused parties, by code and name. */
  accused: z.array(z.object({ party: z.string(), name: z.string() })),
  /** Who reported: the side or third party and its agency (`Border Service of the GKNB`). */
  reported_by: z.array(z.object({ party: z.string().nullable(), name: z.string().nullable(), agency: z.string().nullable() })),
  types: z.array(z.string()),
  weapons: z.array(z.string()),
  /** Settlements and other places named, with the gazetteer's coordinates where it has them. */
  places: z.array(z.object({ name: z.string(), place_id: z.string().nullable(), lat: z.number().nullable(), lon: z.number().nullable() })),
  first_breach: BreachTime,
  latest_breach: BreachTime,
  killed: BreachCasualties.nullable(),
  wounded: BreachCasualties.nullable(),
  /** The best corroboration of its incidents. */
  corroboration: z.enum(['alleged_one_side', 'both_sides', 'third_party']).nullable(),
  /** The sentence of the latest report that says what happened. */
  evidence: z.string().nullable(),
  statement_id: z.string().nullable(),
  source_agency: z.string().nullable(),
  source_url: z.string().nullable(),
  /** The alert on the dashboard (`PUBLIC_URL`); null when no public address is configured. */
  link: z.string().nullable(),
});
export type AlertBreach = z.infer<typeof AlertBreach>;

/** An alert's state as delivered: one message per notification of an alert group. */
export const Alert = z.object({
  alert_id: z.string().min(1),
  /** One group per agreement and area within a window. */
  group_key: z.string().min(1),
  agreement_id: z.string().min(1),
  /** True when the agreement is only proposed (read from a statement, not confirmed by an operator). */
  agreement_proposed: z.boolean(),
  area: z.string().min(1),
  severity: Severity,
  state: AlertState,
  /** What this notification is: the first, an update with new events, a repeat, or a state change. */
  notification: z.enum(['opened', 'updated', 'repeated', 'acknowledged', 'resolved']),
  summary: z.string(),
  /**
   * The events that joined the alert since its previous notification, in the order they joined:
   * the latest 100 when more joined (`new_event_count` says how many). `event_count` is the whole
   * group's; the read API lists every event of an alert.
   */
  event_ids: z.array(z.string()),
  /** How many events joined since the previous notification (absent in messages of older versions). */
  new_event_count: z.number().int().nonnegative().optional(),
  event_count: z.number().int().nonnegative(),
  first_event_at: Timestamp.nullable(),
  last_event_at: Timestamp.nullable(),
  /** A breach alleged without a time cannot be placed after the agreement's start. */
  untimed_allegation: z.boolean(),
  killed: z.number().int().nonnegative().nullable(),
  opened_at: Timestamp,
  updated_at: Timestamp,
  /** Distinct incidents among the events (one clash reported by five statements is one). */
  incident_count: z.number().int().nonnegative().optional(),
  /** The agreement's parties, for receivers that do not look the agreement up. */
  agreement_parties: z.array(Party).optional(),
  /** Escalation rules that raised the severity (`fatalities`, `frequency:3/6h`). */
  escalations: z.array(z.string()).optional(),
  /** Operator who acknowledged the alert, once acknowledged. */
  acknowledged_by: z.string().nullable().optional(),
  /** Who, what, where, when of the breach (absent in messages of older versions). */
  breach: AlertBreach.optional(),
  /**
   * On the `resolved` notification of a region's alert that a district alert of the same
   * agreement absorbed: the alert its events moved to (absent otherwise).
   */
  absorbed_into: z.object({ alert_id: z.string().min(1), area: z.string().min(1) }).optional(),
});
export type Alert = z.infer<typeof Alert>;

/** The `dataschema` of each message type (see {@link schemaUri}). */
export const STATEMENT_DATASCHEMA = schemaUri('statements.raw');
export const VIOLATION_EVENT_DATASCHEMA = schemaUri('violations.events');
export const ALERT_DATASCHEMA = schemaUri('alerts');

export const StatementMessage = envelopeOf('ceasefire.statement', STATEMENT_DATASCHEMA, Statement);
export type StatementMessage = z.infer<typeof StatementMessage>;
export const ViolationEventMessage = envelopeOf('ceasefire.violation_event', VIOLATION_EVENT_DATASCHEMA, ViolationEvent);
export type ViolationEventMessage = z.infer<typeof ViolationEventMessage>;
export const AlertMessage = envelopeOf('ceasefire.alert', ALERT_DATASCHEMA, Alert);
export type AlertMessage = z.infer<typeof AlertMessage>;
