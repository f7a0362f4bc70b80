// The read API's contract: zod schemas for what it accepts (parsed in the handlers, with every
// problem named in the 400) and what it answers (the mappers in json.ts are typed by them), also
// rendered as JSON Schema into the OpenAPI document.
import { EVENT_TYPES, IsoDate, Party, SEVERITIES, Timestamp } from '@ceasefire/contracts';
import { z } from 'zod';
const AreaId = z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'a gazetteer area id such as kg.batken or kg.batken.leilek');
const Limit = z.coerce.number().int().min(1).max(500);
/** Opaque: the `next_cursor` of the previous page. */
const Cursor = z.string().min(1).max(500);
/** Comma-separated list of event types. */
const TypeList = z
  .string()
  .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean))
  .pipe(z.array(z.enum(EVENT_TYPES)).min(1));

// ---- requests --------------------------------------------------------------------------------

export const StatementsQuery = z
  .object({
    from: Timestamp.optional().describe('published at or after'),
    to: Timestamp.optional().describe('published before'),
    source_agency: z.string().min(1).max(500).optional(),
    language: z.string().min(2).max(8).optional(),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  })
  .strict();

export const EventsQuery = z
  .object({
    from: Timestamp.optional().describe('happened (else published) at or after'),
    to: Timestamp.optional().describe('happened (else published) before'),
    area: AreaId.optional().describe('this area and the areas below it'),
    type: TypeList.optional().describe('comma-separated event types'),
    accused_party: Party.optional(),
    reported_by: Party.optional(),
    agreement: z.string().min(1).max(200).optional().describe('events alerting counted as breaches of this agreement'),
    incident: z.string().min(1).max(200).optional(),
    statement: z.string().min(1).max(200).optional(),
    include_superseded: z.enum(['true', 'false']).optional().describe('also rows a newer extractor replaced'),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  })
  .strict();

export const IncidentsQuery = z
  .object({
    from: IsoDate.optional().describe('first day, inclusive'),
    to: IsoDate.optional().describe('last day, inclusive'),
    area: AreaId.optional(),
    type: TypeList.optional(),
    corroboration: z.enum(['alleged_one_side', 'both_sides', 'third_party']).optional(),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  })
  .strict();

export const CasualtiesQuery = z
  .object({
    scope: z.string().min(1).max(200).optional().describe("whose people are counted: a party ('KG', 'TJ'), or the conflict profile ('kg-tj') when the statement does not say"),
    source_agency: z.string().min(1).max(500).optional(),
    side: Party.optional(),
    population: z.enum(['all', 'civilian', 'military']).optional(),
  })
  .strict();

export const ViolationsPerDayQuery = z
  .object({
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    area: AreaId.optional(),
  })
  .strict();

export const AgreementsQuery = z
  .object({
    status: z.enum(['proposed', 'in_force', 'superseded', 'ended', 'rejected']).optional(),
    limit: Limit.optional(),
  })
  .strict();

export const AlertsQuery = z
  .object({
    state: z.enum(['firing', 'acknowledged', 'resolved', 'open']).optional().describe('open: firing or acknowledged'),
    severity: z.enum(SEVERITIES).optional(),
    agreement: z.string().min(1).max(200).optional(),
    area: AreaId.optional(),
    from: Timestamp.optional().describe('opened at or after'),
    to: Timestamp.optional().describe('opened before'),
    cursor: Cursor.optional(),
    limit: Limit.optional(),
  })
  .strict();

export const AlertCountsQuery = z
  .object({
    agreement: z.string().min(1).max(200).optional(),
    area: AreaId.optional(),
    from: Timestamp.optional().describe('opened at or after'),
    to: Timestamp.optional().describe('opened before'),
  })
  .strict();

export const GazetteerQuery = z.object({ profile: z.string().min(1).max(50).optional() }).strict();

export const IdParams = z.object({ id: z.string().min(1).max(200) });

export const AckBody = z
  .object({
    by: z.string().trim().min(1).max(200).default('operator').describe('who acknowledges'),
    note: z.string().max(2000).optional(),
  })
  .strict();

// ---- responses -------------------------------------------------------------------------------

export const EvidenceJson = z.object({ field: z.string(), start: z.number().int(), end: z.number().int(), text: z.string() });

export const PlaceJson = z.object({
  position: z.number().int(),
  place_id: z.string().nullable(),
  as_written: z.string(),
  name: z.string(),
  country: z.string().nullable(),
  admin: z.array(z.string()),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  kind: z.string(),
});

export const EventJson = z.object({
  id: z.string(),
  statement_id: z.string(),
  extractor_version: z.string(),
  profile: z.string(),
  area: z.string(),
  type: z.string(),
  acled_event_type: z.string().nullable(),
  acled_sub_event_type: z.string().nullable(),
  cameo_code: z.string().nullable(),
  at: Timestamp.describe('occurred_start, else the statement publication'),
  occurred_start: Timestamp.nullable(),
  occurred_end: Timestamp.nullable(),
  occurred_local: z.string().nullable(),
  reported_zone: z.string().nullable(),
  time_precision: z.string(),
  date: z.string().nullable(),
  time_of_day: z.string().nullable(),
  locations: z.array(z.string()),
  places: z.array(PlaceJson),
  country_of_location: z.string().nullable(),
  accused_party: z.string().nullable(),
  reported_by: z.string().nullable(),
  reporter_agency: z.string().nullable(),
  claim_status: z.string(),
  killed: z.number().int().nullable(),
  wounded: z.number().int().nullable(),
  displaced: z.number().int().nullable(),
  civilians_affected: z.boolean().nullable(),
  weapons: z.array(z.string()),
  confidence: z.number(),
  evidence: z.array(EvidenceJson),
  agreement: z.unknown().nullable(),
  incident_id: z.string().nullable(),
  corroboration: z.string().nullable(),
  published_at: Timestamp,
  source_agency: z.string().nullable(),
  superseded_at: Timestamp.nullable(),
});

export const StatementJson = z.object({
  id: z.string(),
  text: z.string(),
  language: z.string(),
  published_at: Timestamp,
  published_zone: z.string().nullable(),
  source_agency: z.string().nullable(),
  source_side: z.string().nullable(),
  url: z.string().nullable(),
  sources: z.array(z.unknown()),
  received_at: Timestamp,
  event_count: z.number().int(),
});

export const CasualtyReportJson = z.object({
  id: z.string(),
  source_agency: z.string(),
  side: z.string().nullable(),
  scope: z.string(),
  population: z.string(),
  as_of: Timestamp,
  killed: z.number().int().nullable(),
  injured: z.number().int().nullable(),
  displaced: z.number().int().nullable(),
});

export const StatementDetailJson = StatementJson.extend({
  events: z.array(EventJson),
  casualty_reports: z.array(CasualtyReportJson),
});

export const IncidentJson = z.object({
  id: z.string(),
  day: z.string(),
  area: z.string(),
  type: z.string(),
  dyad: z.string().nullable(),
  corroboration: z.string(),
  report_count: z.number().int(),
  statement_count: z.number().int(),
  sides: z.array(z.string()),
  accused_parties: z.array(z.string()),
  max_killed_claimed: z.number().int().nullable(),
  max_wounded_claimed: z.number().int().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  first_reported_at: Timestamp,
  last_reported_at: Timestamp,
});

export const IncidentDetailJson = IncidentJson.extend({ reports: z.array(EventJson) });

export const CasualtySeriesJson = z.object({
  source_agency: z.string(),
  side: z.string().nullable(),
  scope: z.string(),
  population: z.string(),
  points: z.array(
    z.object({
      as_of: Timestamp,
      killed: z.number().int().nullable(),
      injured: z.number().int().nullable(),
      displaced: z.number().int().nullable(),
      statement_id: z.string(),
      report_id: z.string(),
    }),
  ),
});

export const ViolationsPerDayJson = z.object({
  day: z.string(),
  area: z.string(),
  reports: z.number().int(),
  incidents: z.number().int(),
  statements: z.number().int(),
  types: z.array(z.string()),
  reported_by: z.array(z.string()),
  accused_parties: z.array(z.string()),
  max_killed_claimed: z.number().int().nullable(),
  max_wounded_claimed: z.number().int().nullable(),
  civilians_affected: z.boolean(),
});

export const BreachesJson = z.object({
  alerts: z.number().int(),
  open_alerts: z.number().int(),
  breach_reports: z.number().int(),
  breach_incidents: z.number().int(),
  areas: z.number().int(),
  first_breach_at: Timestamp.nullable(),
  last_breach_at: Timestamp.nullable(),
  has_untimed_allegations: z.boolean(),
});

/** A statement that reported an agreement. */
export const AgreementSourceJson = z.object({
  statement_id: z.string(),
  event_id: z.string(),
  reported_by: z.string().nullable().describe('the side or third party that reported it (KG, OSCE)'),
  source_agency: z.string().nullable(),
  url: z.string().nullable(),
  published_at: Timestamp,
  starts_at: Timestamp.nullable().describe('the start this statement gave'),
  start_zone: z.string().nullable(),
  level: z.string().nullable(),
  terms: z.array(z.string()),
});

/** One change of an agreement's status (or of its content, the status kept), with its reason and source. */
export const AgreementTransitionJson = z.object({
  from: z.string().nullable().describe('null when it was created'),
  to: z.string(),
  at: Timestamp,
  by: z.string().describe("an operator, or 'system'"),
  reason: z.string(),
  statement_id: z.string().nullable(),
  superseded_by: z.string().nullable(),
});

export const AgreementJson = z.object({
  id: z.string(),
  name: z.string().nullable(),
  parties: z.array(z.string()),
  level: z.string(),
  status: z.string(),
  starts_at: Timestamp.nullable(),
  start_zone: z.string().nullable(),
  ends_at: Timestamp.nullable(),
  superseded_by: z.string().nullable(),
  scope_areas: z.array(z.string()),
  whole_border: z.boolean(),
  terms: z.array(z.string()),
  source: z.string(),
  source_statement_id: z.string().nullable(),
  source_event_id: z.string().nullable(),
  registered_by: z.string().nullable(),
  announced_at: Timestamp.nullable(),
  notes: z.string().nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
  breaches: BreachesJson.nullable(),
  /** The day it was reached, for agreements read from statements. */
  reached_on: IsoDate.nullable().optional(),
  /** Reported by both sides or a third party, or confirmed by an operator. */
  corroborated: z.boolean().optional(),
  /** Every statement that reported it, in publication order. */
  sources: z.array(AgreementSourceJson).optional(),
  /** Its history, oldest first. */
  transitions: z.array(AgreementTransitionJson).optional(),
});

export const AlertJson = z.object({
  id: z.string(),
  group_key: z.string(),
  agreement_id: z.string(),
  agreement_name: z.string().nullable(),
  proposed_agreement: z.boolean(),
  area: z.string(),
  severity: z.enum(SEVERITIES),
  state: z.enum(['firing', 'acknowledged', 'resolved']),
  summary: z.string(),
  event_count: z.number().int(),
  incident_count: z.number().int(),
  killed: z.number().int().nullable(),
  untimed_allegation: z.boolean(),
  escalations: z.array(z.string()),
  first_event_at: Timestamp.nullable(),
  last_event_at: Timestamp.nullable(),
  opened_at: Timestamp,
  updated_at: Timestamp,
  acknowledged_at: Timestamp.nullable(),
  acknowledged_by: z.string().nullable(),
  resolved_at: Timestamp.nullable(),
  last_notified_at: Timestamp.nullable(),
});

const SeverityCounts = z.object({ critical: z.number().int(), warning: z.number().int(), info: z.number().int() });

export const AlertCountsJson = z.object({
  open: SeverityCounts.describe('firing or acknowledged alerts by severity'),
  firing: SeverityCounts,
  acknowledged: SeverityCounts,
  resolved: SeverityCounts,
});

export const TransitionJson = z.object({
  from: z.string().nullable(),
  to: z.string(),
  at: Timestamp,
  by: z.string(),
  reason: z.string().nullable(),
});

export const DeliveryJson = z.object({
  id: z.string(),
  channel: z.string(),
  notification: z.string(),
  attempt: z.number().int(),
  status: z.string(),
  response_code: z.number().int().nullable(),
  error: z.string().nullable(),
  attempted_at: Timestamp.nullable(),
  next_attempt_at: Timestamp.nullable(),
  created_at: Timestamp,
});

export const AlertDetailJson = AlertJson.extend({
  events: z.array(EventJson),
  transitions: z.array(TransitionJson),
  deliveries: z.array(DeliveryJson),
});

export const GazetteerJson = z.object({
  profile: z.string(),
  name: z.string(),
  parties: z.array(z.object({ code: z.string(), name: z.string() })),
  places: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      country: z.string(),
      parent: z.string().nullable(),
      name: z.string(),
      lat: z.number().nullable(),
      lon: z.number().nullable(),
    }),
  ),
});

export const ErrorJson = z.object({
  error: z.string(),
  message: z.string(),
  problems: z.array(z.string()).optional(),
});

/** A page of `items` and the cursor of the next one (null on the last page). */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next_cursor: z.string().nullable() });
}

/** JSON Schema of a zod schema for the OpenAPI document (OpenAPI 3.0 dialect, request side). */
export function openapi(schema: z.ZodType, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  const { $schema: _drop, ...json } = z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;
  return json;
}
