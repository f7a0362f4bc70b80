import type { Knex } from 'knex';

// The event types as frozen by the incidents migration (which never changes either).
import { EVENT_TYPES } from './20261128000200_incidents.ts';

const PARTY = `'^[A-Z][A-Z0-9_]{1,15}$'`;

/**
 * Violation events: each row is one claim extracted from one statement by one extractor
 * version. A replay with a newer extractor marks the statement's older rows `superseded_at`
 * instead of deleting them, so analysts can compare versions; current rows have it null.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('violation_events', (t) => {
    // Deterministic from (statement_id, extractor_version, event_index).
    t.text('id').primary();
    t.text('statement_id').notNullable().references('id').inTable('statements').onDelete('CASCADE');
    t.text('extractor_version').notNullable();
    t.integer('event_index').notNullable();
    t.text('profile').notNullable();
    // Conflict area key (district-level gazetteer id, or the profile's border): the topic key.
    t.text('area').notNullable();
    t.text('type').notNullable();
    t.text('acled_event_type');
    t.text('acled_sub_event_type');
    t.text('cameo_code');
    // When it happened: a UTC window (equal ends for an exact time), the local time as
    // written, the zone it was reported in and how precise the statement was.
    t.timestamp('occurred_start', { useTz: true });
    t.timestamp('occurred_end', { useTz: true });
    t.text('occurred_local');
    t.text('reported_zone');
    t.text('utc_offset');
    t.text('time_precision').notNullable().defaultTo('unknown');
    // The calendar day in the reporter's zone, as coders record it (null when the text gives none).
    t.date('date');
    t.text('time_of_day');
    t.specificType('locations', 'text[]').notNullable().defaultTo('{}');
    t.text('country_of_location');
    t.text('accused_party');
    t.text('reported_by');
    t.text('reporter_agency');
    t.text('claim_status').notNullable();
    t.integer('killed');
    t.integer('wounded');
    t.integer('displaced');
    t.boolean('civilians_affected');
    t.specificType('weapons', 'text[]').notNullable().defaultTo('{}');
    t.double('confidence').notNullable();
    // Character spans of the statement supporting each field: [{field, start, end, text}].
    t.jsonb('evidence').notNullable().defaultTo(knex.raw(`'[]'::jsonb`));
    // For ceasefire_agreement events: {parties, level, starts_at_utc, zone, terms}.
    t.jsonb('agreement');
    t.text('incident_id').references('id').inTable('incidents').onDelete('SET NULL');
    t.timestamp('superseded_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());

    t.unique(['statement_id', 'extractor_version', 'event_index'], {
      indexName: 'violation_events_statement_version_index',
    });
    t.check(`type in (${EVENT_TYPES})`, [], 'violation_events_type');
    t.check(
      `time_precision in ('exact', 'hour', 'part_of_day', 'day', 'unknown')`,
      [],
      'violation_events_time_precision',
    );
    t.check(`claim_status in ('reported', 'quoted_claim')`, [], 'violation_events_claim_status');
    t.check(`event_index >= 0`, [], 'violation_events_event_index');
    t.check(
      `occurred_end is null or occurred_start is null or occurred_end >= occurred_start`,
      [],
      'violation_events_window',
    );
    t.check(
      `time_of_day is null or time_of_day in ('morning', 'afternoon', 'evening', 'night') or time_of_day ~ '^[0-2][0-9]:[0-5][0-9]$'`,
      [],
      'violation_events_time_of_day',
    );
    t.check(
      `country_of_location is null or country_of_location ~ '^[A-Z]{2}$'`,
      [],
      'violation_events_country',
    );
    t.check(`accused_party is null or accused_party ~ ${PARTY}`, [], 'violation_events_accused_party');
    t.check(`reported_by is null or reported_by ~ ${PARTY}`, [], 'violation_events_reported_by');
    t.check(
      `(killed is null or killed >= 0) and (wounded is null or wounded >= 0) and (displaced is null or displaced >= 0)`,
      [],
      'violation_events_counts',
    );
    t.check(`confidence >= 0 and confidence <= 1`, [], 'violation_events_confidence');
    t.check(`jsonb_typeof(evidence) = 'array'`, [], 'violation_events_evidence_array');
    t.check(
      `agreement is null or jsonb_typeof(agreement) = 'object'`,
      [],
      'violation_events_agreement_object',
    );

    t.index(['occurred_start'], 'violation_events_occurred_start_idx');
    t.index(['area', 'occurred_start'], 'violation_events_area_occurred_start_idx');
    t.index(['date'], 'violation_events_date_idx');
    t.index(['incident_id'], 'violation_events_incident_id_idx');
  });
  // statement_id needs no index of its own: the unique key above leads with it.
  // Most questions are about current events only.
  await knex.raw(
    `create index violation_events_current_area_date_idx on violation_events (area, date) where superseded_at is null`,
  );

  await knex.schema.createTable('violation_event_places', (t) => {
    t.text('event_id').notNullable().references('id').inTable('violation_events').onDelete('CASCADE');
    // Order of the place in the event's list, from the text.
    t.integer('position').notNullable();
    // Gazetteer id; null when the place is not in the gazetteer.
    t.text('place_id');
    t.text('as_written').notNullable();
    t.text('name').notNullable();
    t.text('country');
    // Admin units from the largest down: region, district.
    t.specificType('admin', 'text[]').notNullable().defaultTo('{}');
    t.double('lat');
    t.double('lon');
    t.text('kind').notNullable();
    t.primary(['event_id', 'position']);
    t.check(`position >= 0`, [], 'violation_event_places_position');
    t.check(
      `kind in ('settlement', 'district', 'region', 'country', 'border_section', 'other')`,
      [],
      'violation_event_places_kind',
    );
    t.check(`lat is null or (lat between -90 and 90)`, [], 'violation_event_places_lat');
    t.check(`lon is null or (lon between -180 and 180)`, [], 'violation_event_places_lon');
    t.index(['place_id'], 'violation_event_places_place_id_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('violation_event_places');
  await knex.schema.dropTable('violation_events');
}
