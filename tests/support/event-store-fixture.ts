// A small, invented but realistic event store for the read API, dashboard and SQL-docs tests,
// written through the db package's own queries (statements, extractions, agreements, alerts,
// deliveries) so the rows are shaped as the workers shape them.
import {
  enqueueDelivery,
  insertAgreement,
  insertAlert,
  insertAlertTransitions,
  insertStatement,
  linkAlertEvent,
  recordDeliveryFailure,
  recordDeliverySuccess,
  storeExtraction,
  type AlertRecord,
  type CasualtyRecord,
  type EventRecord,
} from '@ceasefire/db';
import { ALERT_DATASCHEMA, type AlertMessage } from '@ceasefire/contracts';
import type { Knex } from 'knex';

const VERSION = '1.0.0';

/** The ids a test can assert on. */
export interface Fixture {
  statements: { kgLeilek: string; tjVorukh: string; tjLeilek: string; kgHealth1: string; kgHealth2: string; tjHealth: string; kgBreach: string; recent: string };
  events: { kgLeilek: string; tjVorukh: string; tjLeilek: string; kgBatkenBreach: string; kgLeilekBreach: string; recent: string };
  agreement: string;
  alerts: { firing: string; acknowledged: string };
  /** The Leilek mortar incident, reported by both sides. */
  bothSidesIncident: string;
}

function spanOf(text: string, field: string, phrase: string) {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture: "${phrase}" is not in the text`);
  return { field, start, end: start + phrase.length, text: phrase };
}

interface EventSpec {
  statementId: string;
  index: number;
  text: string;
  type: string;
  area: string;
  date: string;
  start: string | null;
  local: string | null;
  zone: string;
  precision: string;
  accused: string | null;
  reportedBy: string;
  agency: string;
  killed?: number;
  wounded?: number;
  place: { id: string; name: string; country: string; admin: string[]; lat: number | null; lon: number | null; asWritten: string };
  evidence: Array<[field: string, phrase: string]>;
  weapons?: string[];
}

function event(s: EventSpec): EventRecord {
  return {
    id: `${s.statementId}:${VERSION}:${s.index}`,
    statement_id: s.statementId,
    extractor_version: VERSION,
    event_index: s.index,
    profile: 'kg-tj',
    area: s.area,
    type: s.type,
    acled_event_type: s.type === 'armed_clash' ? 'Battles' : 'Explosions/Remote violence',
    acled_sub_event_type: s.type === 'armed_clash' ? 'Armed clash' : 'Shelling/artillery/missile attack',
    cameo_code: s.type === 'armed_clash' ? '190' : '194',
    date: s.date,
    time_of_day: null,
    time: { start_utc: s.start, end_utc: s.start, local: s.local, zone: s.zone, utc_offset: s.zone === 'Asia/Bishkek' ? '+06:00' : '+05:00', precision: s.precision },
    locations: [s.place.asWritten],
    places: [{ id: s.place.id, as_written: s.place.asWritten, name: s.place.name, country: s.place.country, admin: s.place.admin, lat: s.place.lat, lon: s.place.lon, kind: 'settlement' }],
    country_of_location: s.place.country,
    accused_party: s.accused,
    reported_by: s.reportedBy,
    reporter: { agency: s.agency, side: s.reportedBy },
    claim_status: 'reported',
    killed: s.killed ?? null,
    wounded: s.wounded ?? null,
    displaced: null,
    civilians_affected: null,
    weapons: s.weapons ?? [],
    agreement: null,
    evidence: s.evidence.map(([field, phrase]) => spanOf(s.text, field, phrase)),
    confidence: 0.9,
  };
}

async function statement(db: Knex, id: string, text: string, publishedAt: string, zone: string, agency: string, side: string): Promise<void> {
  await insertStatement(db, {
    statement: {
      id,
      text,
      language: 'en',
      published_at: publishedAt,
      published_zone: zone,
      source_agency: agency,
      url: `https://example.org/${id}`,
      received_at: publishedAt,
      origin: { kind: 'cli', ref: 'fixture' },
    },
    sourceSide: side,
  });
}

async function extraction(db: Knex, statementId: string, events: EventRecord[], casualties: CasualtyRecord[] = []): Promise<void> {
  await db.transaction((trx) =>
    storeExtraction(trx, { statementId, extractorVersion: VERSION, events, casualtyReports: casualties, dyad: 'KG-TJ', thirdParties: ['UN', 'OSCE', 'CSTO'] }),
  );
}

/** An alert row as the alerting worker would have stored it. */
export function alertRecord(input: Partial<AlertRecord> & Pick<AlertRecord, 'id' | 'agreementId' | 'area' | 'openedAt'>): AlertRecord {
  return {
    groupKey: `${input.agreementId}|${input.area}|${input.openedAt.toISOString().slice(0, 10)}`,
    proposedAgreement: false,
    summary: `Breach of ${input.agreementId} in ${input.area}`,
    state: 'firing',
    severity: 'warning',
    eventCount: 1,
    incidentCount: 1,
    killed: null,
    firstEventAt: input.openedAt,
    lastEventAt: input.openedAt,
    untimedAllegation: false,
    escalations: [],
    updatedAt: input.openedAt,
    lastBreachAt: input.openedAt,
    acknowledgedAt: null,
    acknowledgedBy: null,
    acknowledgedSeverity: null,
    resolvedAt: null,
    lastNotifiedAt: input.openedAt,
    notifiedState: input.state ?? 'firing',
    notifiedSeverity: input.severity ?? 'warning',
    notifiedIncidentCount: 1,
    notifiedKilled: null,
    notificationSeq: 1,
    ...input,
  };
}

const KULUNDU = { id: 'kg.batken.leilek.kulundu', name: 'Kulundu', country: 'KG', admin: ['Batken region', 'Leilek district'], lat: 40.106, lon: 69.641 };
const VORUKH = { id: 'tj.sughd.isfara.vorukh', name: 'Vorukh', country: 'TJ', admin: ['Sughd region', 'Isfara district'], lat: 39.85, lon: 70.58 };
const AK_SAI = { id: 'kg.batken.batken.ak_sai', name: 'Ak-Sai', country: 'KG', admin: ['Batken region', 'Batken district'], lat: 39.874, lon: 70.522 };

/**
 * Fills the (migrated, empty) schema of `db`. `now` places one event within the last month, so
 * the "last month" questions have an answer whenever the test runs.
 */
export async function populateEventStore(db: Knex, now = new Date()): Promise<Fixture> {
  const KG_BS = 'Border Service of the GKNB of the Kyrgyz Republic';
  const TJ_BT = 'Border Troops of the GKNB of the Republic of Tajikistan';

  // 1. The Kyrgyz border service accuses Tajikistan of mortar fire near Kulundu.
  const t1 = 'On 16 September at 06:00 Tajik servicemen opened mortar fire near Kulundu in Leilek district. Two Kyrgyz border guards were wounded.';
  const s1 = 'st_kg_leilek_0916';
  await statement(db, s1, t1, '2022-09-16T08:00:00+06:00', 'Asia/Bishkek', KG_BS, 'KG');
  const e1 = event({
    statementId: s1, index: 0, text: t1, type: 'heavy_weapons_fire', area: 'kg.batken.leilek', date: '2022-09-16', start: '2022-09-16T00:00:00Z',
    local: '2022-09-16T06:00:00+06:00', zone: 'Asia/Bishkek', precision: 'exact', accused: 'TJ', reportedBy: 'KG', agency: KG_BS, wounded: 2,
    place: { ...KULUNDU, asWritten: 'Kulundu' }, weapons: ['mortar'],
    evidence: [['time', 'On 16 September at 06:00'], ['party', 'Tajik servicemen'], ['type', 'opened mortar fire'], ['place', 'Kulundu'], ['casualties', 'Two Kyrgyz border guards were wounded']],
  });
  await extraction(db, s1, [e1]);

  // 2. The Tajik border troops accuse Kyrgyzstan of shelling Vorukh; one civilian killed.
  const t2 = 'In the morning of 16 September the Kyrgyz side shelled Vorukh. One civilian was killed.';
  const s2 = 'st_tj_vorukh_0916';
  await statement(db, s2, t2, '2022-09-16T09:00:00+05:00', 'Asia/Dushanbe', TJ_BT, 'TJ');
  const e2 = event({
    statementId: s2, index: 0, text: t2, type: 'heavy_weapons_fire', area: 'tj.sughd.isfara', date: '2022-09-16', start: null,
    local: null, zone: 'Asia/Dushanbe', precision: 'part_of_day', accused: 'KG', reportedBy: 'TJ', agency: TJ_BT, killed: 1,
    place: { ...VORUKH, asWritten: 'Vorukh' },
    evidence: [['time', 'In the morning of 16 September'], ['party', 'the Kyrgyz side'], ['type', 'shelled'], ['place', 'Vorukh'], ['casualties', 'One civilian was killed']],
  });
  await extraction(db, s2, [e2]);

  // 3. The Tajik side describes the Kulundu fire too, blaming Kyrgyzstan: one incident, both sides.
  const t3 = 'On 16 September the Kyrgyz military fired mortars at our posts opposite Kulundu.';
  const s3 = 'st_tj_leilek_0916';
  await statement(db, s3, t3, '2022-09-16T12:00:00+05:00', 'Asia/Dushanbe', TJ_BT, 'TJ');
  const e3 = event({
    statementId: s3, index: 0, text: t3, type: 'heavy_weapons_fire', area: 'kg.batken.leilek', date: '2022-09-16', start: null,
    local: null, zone: 'Asia/Dushanbe', precision: 'day', accused: 'KG', reportedBy: 'TJ', agency: TJ_BT,
    place: { ...KULUNDU, asWritten: 'Kulundu' }, weapons: ['mortar'],
    evidence: [['time', 'On 16 September'], ['party', 'the Kyrgyz military'], ['type', 'fired mortars'], ['place', 'Kulundu']],
  });
  await extraction(db, s3, [e3]);

  // 4–6. Casualty totals as running snapshots of two ministries.
  const casualty = (statementId: string, agency: string, side: string, asOf: string, killed: number, injured: number): CasualtyRecord => ({
    id: `${statementId}:${VERSION}:c0`, statement_id: statementId, extractor_version: VERSION, source_agency: agency, side, as_of: asOf,
    scope: 'kg-tj', killed, injured, displaced: null, evidence: [],
  });
  const kgMoh = 'Ministry of Health of the Kyrgyz Republic';
  const tjMoh = 'Ministry of Health and Social Protection of Population of the Republic of Tajikistan';
  const [h1, h2, h3] = ['st_kg_moh_0917', 'st_kg_moh_0918', 'st_tj_moh_0918'];
  await statement(db, h1, 'The Ministry of Health reported 24 killed and 122 injured.', '2022-09-17T10:00:00+06:00', 'Asia/Bishkek', kgMoh, 'KG');
  await extraction(db, h1, [], [casualty(h1, kgMoh, 'KG', '2022-09-17T04:00:00Z', 24, 122)]);
  await statement(db, h2, 'The Ministry of Health reported 36 killed and 129 injured.', '2022-09-18T10:00:00+06:00', 'Asia/Bishkek', kgMoh, 'KG');
  await extraction(db, h2, [], [casualty(h2, kgMoh, 'KG', '2022-09-18T04:00:00Z', 36, 129)]);
  await statement(db, h3, 'The ministry reported 35 killed and 25 injured.', '2022-09-18T12:00:00+05:00', 'Asia/Dushanbe', tjMoh, 'TJ');
  await extraction(db, h3, [], [casualty(h3, tjMoh, 'TJ', '2022-09-18T07:00:00Z', 35, 25)]);

  // The ceasefire, registered by an operator.
  const agreement = 'ag_20220916_fixture';
  await insertAgreement(db, {
    id: agreement,
    name: 'Ceasefire of 16 September 2022',
    parties: ['KG', 'TJ'],
    level: 'security_chiefs',
    startsAt: new Date('2022-09-16T16:00:00+06:00'),
    startZone: 'Asia/Bishkek',
    wholeBorder: true,
    terms: ['cease_fire', 'withdraw_forces'],
    registeredBy: 'fixture',
    now: new Date('2022-09-16T11:00:00Z'),
  });

  // 7. Breaches after the start, which alerting grouped into two alerts.
  const t7 = 'On 17 September at 08:30 Tajik forces opened fire on Ak-Sai. Fighting continued near Kulundu.';
  const s7 = 'st_kg_breach_0917';
  await statement(db, s7, t7, '2022-09-17T10:00:00+06:00', 'Asia/Bishkek', KG_BS, 'KG');
  const e7a = event({
    statementId: s7, index: 0, text: t7, type: 'small_arms_fire', area: 'kg.batken.batken', date: '2022-09-17', start: '2022-09-17T02:30:00Z',
    local: '2022-09-17T08:30:00+06:00', zone: 'Asia/Bishkek', precision: 'exact', accused: 'TJ', reportedBy: 'KG', agency: KG_BS,
    place: { ...AK_SAI, asWritten: 'Ak-Sai' },
    evidence: [['time', 'On 17 September at 08:30'], ['party', 'Tajik forces'], ['type', 'opened fire'], ['place', 'Ak-Sai']],
  });
  const e7b = event({
    statementId: s7, index: 1, text: t7, type: 'armed_clash', area: 'kg.batken.leilek', date: '2022-09-17', start: null,
    local: null, zone: 'Asia/Bishkek', precision: 'day', accused: 'TJ', reportedBy: 'KG', agency: KG_BS,
    place: { ...KULUNDU, asWritten: 'Kulundu' },
    evidence: [['type', 'Fighting continued'], ['place', 'Kulundu']],
  });
  await extraction(db, s7, [e7a, e7b]);

  const firing = 'al_fixture_batken';
  const opened = new Date('2022-09-17T04:05:00Z');
  await insertAlert(db, alertRecord({ id: firing, agreementId: agreement, area: 'kg.batken.batken', openedAt: opened, severity: 'warning', summary: 'Small-arms fire on Ak-Sai after the ceasefire began (Kyrgyz border service)', firstEventAt: new Date('2022-09-17T02:30:00Z'), lastEventAt: new Date('2022-09-17T02:30:00Z') }));
  await linkAlertEvent(db, { alertId: firing, eventId: e7a.id, untimed: false, at: opened });
  await insertAlertTransitions(db, firing, [{ from: null, to: 'firing', at: opened, by: 'system', reason: 'breach' }]);
  await enqueueDelivery(db, { alertId: firing, channel: 'log', notification: 'opened', notificationKey: 'opened', idempotencyKey: `${firing}:log:opened`, payload: { fixture: true }, now: opened });
  await enqueueDelivery(db, { alertId: firing, channel: 'ops-webhook', notification: 'opened', notificationKey: 'opened', idempotencyKey: `${firing}:ops-webhook:opened`, payload: { fixture: true }, now: opened });
  const deliveries = (await db('alert_deliveries').where({ alert_id: firing }).orderBy('id').select('id', 'channel')) as Array<{ id: string; channel: string }>;
  for (const d of deliveries) {
    if (d.channel === 'log') await recordDeliverySuccess(db, { id: d.id, at: opened, responseCode: null });
    else await recordDeliveryFailure(db, { id: d.id, at: opened, responseCode: 503, error: 'HTTP 503', retryAt: null });
  }

  const acknowledged = 'al_fixture_leilek';
  const ackAt = new Date('2022-09-17T05:00:00Z');
  await insertAlert(
    db,
    alertRecord({ id: acknowledged, agreementId: agreement, area: 'kg.batken.leilek', openedAt: new Date('2022-09-17T04:10:00Z'), summary: 'Fighting near Kulundu after the ceasefire began, time not given (Kyrgyz border service)', untimedAllegation: true, state: 'acknowledged', acknowledgedAt: ackAt, acknowledgedBy: 'duty officer', acknowledgedSeverity: 'warning', updatedAt: ackAt }),
  );
  await linkAlertEvent(db, { alertId: acknowledged, eventId: e7b.id, untimed: true, at: new Date('2022-09-17T04:10:00Z') });
  await insertAlertTransitions(db, acknowledged, [
    { from: null, to: 'firing', at: new Date('2022-09-17T04:10:00Z'), by: 'system', reason: 'breach' },
    { from: 'firing', to: 'acknowledged', at: ackAt, by: 'duty officer', reason: 'seen' },
  ]);

  // 8. Something recent, so that "last month" has an answer.
  const day = new Date(now.getTime() - 3 * 86_400_000).toISOString().slice(0, 10);
  const t8 = `On ${day} shots were fired near Vorukh.`;
  const s8 = `st_tj_recent_${day}`;
  await statement(db, s8, t8, `${day}T15:00:00+05:00`, 'Asia/Dushanbe', TJ_BT, 'TJ');
  const e8 = event({
    statementId: s8, index: 0, text: t8, type: 'small_arms_fire', area: 'tj.sughd.isfara', date: day, start: null,
    local: null, zone: 'Asia/Dushanbe', precision: 'day', accused: 'KG', reportedBy: 'TJ', agency: TJ_BT,
    place: { ...VORUKH, asWritten: 'Vorukh' },
    evidence: [['time', `On ${day}`], ['type', 'shots were fired'], ['place', 'Vorukh']],
  });
  await extraction(db, s8, [e8]);

  const both = (await db('violation_events').where({ id: e1.id }).first('incident_id')) as { incident_id: string };
  return {
    statements: { kgLeilek: s1, tjVorukh: s2, tjLeilek: s3, kgHealth1: h1, kgHealth2: h2, tjHealth: h3, kgBreach: s7, recent: s8 },
    events: { kgLeilek: e1.id, tjVorukh: e2.id, tjLeilek: e3.id, kgBatkenBreach: e7a.id, kgLeilekBreach: e7b.id, recent: e8.id },
    agreement,
    alerts: { firing, acknowledged },
    bothSidesIncident: both.incident_id,
  };
}

/** The `alerts` topic message the alerting worker publishes for a stored alert. */
export function alertMessageOf(alert: AlertRecord, notification: 'opened' | 'updated' | 'acknowledged', eventIds: string[]): AlertMessage {
  return {
    specversion: '1.0',
    id: `${alert.id}:${notification}:${alert.notificationSeq}`,
    type: 'ceasefire.alert',
    source: 'ceasefire/alerting',
    time: alert.updatedAt.toISOString(),
    dataschema: ALERT_DATASCHEMA,
    datacontenttype: 'application/json',
    subject: alert.groupKey,
    data: {
      alert_id: alert.id,
      group_key: alert.groupKey,
      agreement_id: alert.agreementId,
      agreement_proposed: alert.proposedAgreement,
      area: alert.area,
      severity: alert.severity,
      state: alert.state,
      notification,
      summary: alert.summary,
      event_ids: eventIds,
      event_count: alert.eventCount,
      first_event_at: alert.firstEventAt?.toISOString() ?? null,
      last_event_at: alert.lastEventAt?.toISOString() ?? null,
      untimed_allegation: alert.untimedAllegation,
      killed: alert.killed,
      opened_at: alert.openedAt.toISOString(),
      updated_at: alert.updatedAt.toISOString(),
      incident_count: alert.incidentCount,
      agreement_parties: ['KG', 'TJ'],
      escalations: [...alert.escalations],
      acknowledged_by: alert.acknowledgedBy,
    },
  };
}

/**
 * What the classifier and alerting would store for a new statement arriving now: a shelling in
 * Chon-Alai, its incident, and a critical alert on the fixture's agreement. Returns the alert as
 * stored, to publish as the alerting worker would.
 */
export async function addLiveBreach(db: Knex, agreementId: string, now = new Date()): Promise<{ alert: AlertRecord; eventId: string; statementId: string }> {
  const day = now.toISOString().slice(0, 10);
  const text = `Today, ${day}, Tajik forces shelled Daroot-Korgon with mortars. Three people were killed.`;
  const statementId = `st_kg_live_${now.getTime()}`;
  await statement(db, statementId, text, now.toISOString(), 'Asia/Bishkek', 'Border Service of the GKNB of the Kyrgyz Republic', 'KG');
  const e = event({
    statementId, index: 0, text, type: 'heavy_weapons_fire', area: 'kg.osh.chon_alai', date: day, start: null, local: null, zone: 'Asia/Bishkek',
    precision: 'day', accused: 'TJ', reportedBy: 'KG', agency: 'Border Service of the GKNB of the Kyrgyz Republic', killed: 3,
    place: { id: 'kg.osh.chon_alai.daroot_korgon', name: 'Daroot-Korgon', country: 'KG', admin: ['Osh region', 'Chon-Alai district'], lat: 39.553, lon: 72.205, asWritten: 'Daroot-Korgon' },
    weapons: ['mortar'],
    evidence: [['time', `Today, ${day}`], ['party', 'Tajik forces'], ['type', 'shelled'], ['place', 'Daroot-Korgon'], ['weapon', 'mortars'], ['casualties', 'Three people were killed']],
  });
  await extraction(db, statementId, [e]);
  const alert = alertRecord({
    id: `al_live_${now.getTime()}`,
    agreementId,
    area: 'kg.osh.chon_alai',
    openedAt: now,
    severity: 'critical',
    killed: 3,
    escalations: ['fatalities'],
    summary: 'Mortar fire on Daroot-Korgon, 3 killed claimed (Kyrgyz border service)',
  });
  await insertAlert(db, alert);
  await linkAlertEvent(db, { alertId: alert.id, eventId: e.id, untimed: false, at: now });
  await insertAlertTransitions(db, alert.id, [{ from: null, to: 'firing', at: now, by: 'system', reason: 'breach' }]);
  return { alert, eventId: e.id, statementId };
}
