import type { ViolationEvent } from '@ceasefire/contracts';
import type { Knex } from 'knex';
import type { Queryable } from '../connection.ts';
import { likePrefix, pageSize, toPage, type Keyset, type Page } from './keyset.ts';

/** A character span of the statement supporting one field of an event. */
export interface EvidenceSpan {
  readonly field: string;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A place an event names, as resolved in the gazetteer. */
export interface EventPlaceView {
  readonly position: number;
  readonly placeId: string | null;
  readonly asWritten: string;
  readonly name: string;
  readonly country: string | null;
  readonly admin: string[];
  readonly lat: number | null;
  readonly lon: number | null;
  readonly kind: string;
}

/** A stored violation event as the read API shows it: the claim, its evidence and its incident. */
export interface EventView {
  readonly id: string;
  readonly statementId: string;
  readonly extractorVersion: string;
  readonly profile: string;
  readonly area: string;
  readonly type: string;
  readonly acledEventType: string | null;
  readonly acledSubEventType: string | null;
  readonly cameoCode: string | null;
  /** When it happened, else when it was published: the sort and filter time. */
  readonly at: Date;
  readonly occurredStart: Date | null;
  readonly occurredEnd: Date | null;
  readonly occurredLocal: string | null;
  readonly reportedZone: string | null;
  readonly timePrecision: string;
  readonly date: string | null;
  readonly timeOfDay: string | null;
  readonly locations: string[];
  readonly countryOfLocation: string | null;
  readonly accusedParty: string | null;
  readonly reportedBy: string | null;
  readonly reporterAgency: string | null;
  readonly claimStatus: string;
  readonly killed: number | null;
  readonly wounded: number | null;
  readonly displaced: number | null;
  readonly civiliansAffected: boolean | null;
  readonly weapons: string[];
  readonly confidence: number;
  readonly evidence: EvidenceSpan[];
  readonly agreement: unknown;
  readonly incidentId: string | null;
  readonly corroboration: string | null;
  readonly publishedAt: Date;
  readonly sourceAgency: string | null;
  readonly supersededAt: Date | null;
  readonly places: EventPlaceView[];
}

/** An event's row as pg returns it: the contract's columns, times as Dates, and what the joins add. */
interface EventRow
  extends Pick<
    ViolationEvent,
    | 'id'
    | 'statement_id'
    | 'extractor_version'
    | 'profile'
    | 'area'
    | 'type'
    | 'acled_event_type'
    | 'acled_sub_event_type'
    | 'cameo_code'
    | 'date'
    | 'time_of_day'
    | 'locations'
    | 'country_of_location'
    | 'accused_party'
    | 'reported_by'
    | 'claim_status'
    | 'killed'
    | 'wounded'
    | 'displaced'
    | 'civilians_affected'
    | 'weapons'
    | 'confidence'
    | 'incident_id'
  > {
  at: Date;
  occurred_start: Date | null;
  occurred_end: Date | null;
  occurred_local: string | null;
  reported_zone: string | null;
  time_precision: string;
  reporter_agency: string | null;
  evidence: EvidenceSpan[];
  agreement: unknown;
  corroboration: string | null;
  published_at: Date;
  source_agency: string | null;
  superseded_at: Date | null;
}

/** A place of an event as stored: the contract's place, its gazetteer id as `place_id`. */
interface PlaceRow extends Omit<ViolationEvent['places'][number], 'id'> {
  event_id: string;
  position: number;
  place_id: string | null;
}

// Events without a time of their own are placed at their statement's publication.
const AT = 'coalesce(ve.occurred_start, s.published_at)';

/** Events (`ve`) with their statement (`s`) and incident (`i`, when linked), to select from. */
export function eventsWithSources(db: Queryable): Knex.QueryBuilder {
  return db('violation_events as ve')
    .join('statements as s', 's.id', 've.statement_id')
    .leftJoin('incidents as i', 'i.id', 've.incident_id');
}

function baseQuery(db: Queryable): Knex.QueryBuilder {
  return eventsWithSources(db).select(
      've.id',
      've.statement_id',
      've.extractor_version',
      've.profile',
      've.area',
      've.type',
      've.acled_event_type',
      've.acled_sub_event_type',
      've.cameo_code',
      db.raw(`${AT} as at`),
      've.occurred_start',
      've.occurred_end',
      've.occurred_local',
      've.reported_zone',
      've.time_precision',
      've.date',
      've.time_of_day',
      've.locations',
      've.country_of_location',
      've.accused_party',
      've.reported_by',
      've.reporter_agency',
      've.claim_status',
      've.killed',
      've.wounded',
      've.displaced',
      've.civilians_affected',
      've.weapons',
      've.confidence',
      've.evidence',
      've.agreement',
      've.incident_id',
      'i.corroboration',
      's.published_at',
      's.source_agency',
      've.superseded_at',
    );
}

async function withPlaces(db: Queryable, rows: EventRow[]): Promise<EventView[]> {
  const places = rows.length
    ? ((await db('violation_event_places')
        .whereIn(
          'event_id',
          rows.map((r) => r.id),
        )
        .orderBy(['event_id', 'position'])) as PlaceRow[])
    : [];
  const byEvent = new Map<string, EventPlaceView[]>();
  for (const p of places) {
    const list = byEvent.get(p.event_id) ?? [];
    list.push({
      position: p.position,
      placeId: p.place_id,
      asWritten: p.as_written,
      name: p.name,
      country: p.country,
      admin: p.admin,
      lat: p.lat,
      lon: p.lon,
      kind: p.kind,
    });
    byEvent.set(p.event_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    statementId: r.statement_id,
    extractorVersion: r.extractor_version,
    profile: r.profile,
    area: r.area,
    type: r.type,
    acledEventType: r.acled_event_type,
    acledSubEventType: r.acled_sub_event_type,
    cameoCode: r.cameo_code,
    at: r.at,
    occurredStart: r.occurred_start,
    occurredEnd: r.occurred_end,
    occurredLocal: r.occurred_local,
    reportedZone: r.reported_zone,
    timePrecision: r.time_precision,
    date: r.date,
    timeOfDay: r.time_of_day,
    locations: r.locations,
    countryOfLocation: r.country_of_location,
    accusedParty: r.accused_party,
    reportedBy: r.reported_by,
    reporterAgency: r.reporter_agency,
    claimStatus: r.claim_status,
    killed: r.killed,
    wounded: r.wounded,
    displaced: r.displaced,
    civiliansAffected: r.civilians_affected,
    weapons: r.weapons,
    confidence: r.confidence,
    evidence: r.evidence,
    agreement: r.agreement,
    incidentId: r.incident_id,
    corroboration: r.corroboration,
    publishedAt: r.published_at,
    sourceAgency: r.source_agency,
    supersededAt: r.superseded_at,
    places: byEvent.get(r.id) ?? [],
  }));
}

/** Filters of {@link searchEvents}; every one is optional and they combine with AND. */
export interface SearchEventsInput {
  /** Inclusive lower bound of the event's time (its start, else its statement's publication). */
  readonly from?: Date;
  /** Exclusive upper bound of the same time. */
  readonly to?: Date;
  /** An area id; also matches the areas below it (`kg.batken` matches `kg.batken.leilek`). */
  readonly area?: string;
  readonly types?: readonly string[];
  readonly accusedParty?: string;
  readonly reportedBy?: string;
  /** Events alerting counted as breaches of this agreement. */
  readonly agreementId?: string;
  readonly incidentId?: string;
  readonly statementId?: string;
  /** Events counted in this alert. */
  readonly alertId?: string;
  /** Also return rows a newer extractor superseded. */
  readonly includeSuperseded?: boolean;
  readonly after?: Keyset;
  readonly limit?: number;
}

/** Events, newest first, one page at a time. */
export async function searchEvents(db: Queryable, input: SearchEventsInput = {}): Promise<Page<EventView>> {
  const limit = pageSize(input.limit);
  const q = baseQuery(db)
    .orderByRaw(`${AT} desc, ve.id desc`)
    .limit(limit + 1);
  if (!input.includeSuperseded) q.whereNull('ve.superseded_at');
  if (input.from) q.whereRaw(`${AT} >= ?`, [input.from]);
  if (input.to) q.whereRaw(`${AT} < ?`, [input.to]);
  if (input.area) {
    const area = input.area;
    q.where((w) => w.where('ve.area', area).orWhere('ve.area', 'like', `${likePrefix(area)}.%`));
  }
  if (input.types?.length) q.whereIn('ve.type', [...input.types]);
  if (input.accusedParty) q.where('ve.accused_party', input.accusedParty);
  if (input.reportedBy) q.where('ve.reported_by', input.reportedBy);
  if (input.incidentId) q.where('ve.incident_id', input.incidentId);
  if (input.statementId) q.where('ve.statement_id', input.statementId);
  if (input.alertId) {
    const alertId = input.alertId;
    q.whereExists((sub) => sub.select(db.raw('1')).from('alert_events as ae').whereRaw('ae.event_id = ve.id').where('ae.alert_id', alertId));
  }
  if (input.agreementId) {
    const agreementId = input.agreementId;
    q.whereExists((sub) =>
      sub
        .select(db.raw('1'))
        .from('alert_events as ae')
        .join('alerts as al', 'al.id', 'ae.alert_id')
        .whereRaw('ae.event_id = ve.id')
        .where('al.agreement_id', agreementId),
    );
  }
  if (input.after?.at) q.whereRaw(`(${AT}, ve.id) < (?, ?)`, [input.after.at, input.after.id]);
  const page = toPage((await q) as EventRow[], limit, (r) => ({ at: r.at, id: r.id }));
  return { items: await withPlaces(db, page.items), next: page.next };
}

/** One event (current or superseded), or null. */
export async function getEventView(db: Queryable, id: string): Promise<EventView | null> {
  const rows = (await baseQuery(db).where('ve.id', id)) as EventRow[];
  return (await withPlaces(db, rows))[0] ?? null;
}

/** A statement's current events in the order the extractor found them. */
export async function statementEvents(db: Queryable, statementId: string): Promise<EventView[]> {
  const rows = (await baseQuery(db)
    .where('ve.statement_id', statementId)
    .whereNull('ve.superseded_at')
    .orderBy('ve.event_index')) as EventRow[];
  return withPlaces(db, rows);
}
