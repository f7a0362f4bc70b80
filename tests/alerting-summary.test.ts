// The alerting engine keeps each alert's summary from a stored state and the new events, never by
// reading the alert's events again: checked here against the summary of the alert's current
// events (what the engine computed before), batch after batch, with redeliveries, after a newer
// extractor superseded events, and for an alert stored without a state; and the stored state
// (its head and incident rows) against the state of those events, with a worker holding states in
// memory while another changes them, and after a rolled-back batch. The engine runs in this
// process against Postgres; nothing is published.
import { parseSummaryHead, stateOfStored, summariseGroup, summaryStateOf, type EscalationPolicy } from '@ceasefire/alerting';
import { AlertEngine, NewAgreement, registerAgreement } from '@ceasefire/alerting-service';
import type { AlertMessage, ViolationEvent } from '@ceasefire/contracts';
import {
  alertBreachEvents,
  createDb,
  createTestSchema,
  dropSchema,
  listAlerts,
  migrateLatest,
  summaryIncidentsOf,
  type AlertRecord,
} from '@ceasefire/db';
import { createLogger, type Producer } from '@ceasefire/runtime';
import type { Knex } from 'knex';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breachEventOf } from '../services/alerting/src/engine.ts';
import { exactTime, storeAndPublish, violationEvent } from './support/alerting.ts';
import { services, uniqueName } from './support/harness.ts';

const { databaseUrl } = services();
const schema = uniqueName('alerting_summary');
const escalation: EscalationPolicy = {
  frequencyCount: 3,
  frequencyWindowMs: 6 * 3600_000,
  fatalitiesCritical: true,
};
const noProducer = { publish: async () => {} } as unknown as Producer;

let db: Knex;
let engine: AlertEngine;
let clock = Date.parse('2022-09-17T00:00:00Z');
/** How far the clock moves at each reading (a test makes it jump past the quiet period). */
let steps: number[] = [];

beforeAll(async () => {
  await createTestSchema(databaseUrl, schema);
  await migrateLatest({ databaseUrl, schema });
  db = createDb({ databaseUrl, schema, pool: { max: 6 } });
  await registerAgreement(
    db,
    NewAgreement.parse({
      id: 'ag_sum',
      parties: ['KG', 'TJ'],
      whole_border: true,
      starts_at: '2022-09-16T10:00:00Z',
    }),
    new Date(),
  );
  engine = engineWith(0);
});

/** An engine on the test's clock, notifying an open group's updates once per `groupIntervalMs`. */
function engineWith(groupIntervalMs: number): AlertEngine {
  return new AlertEngine(
    db,
    {
      lifecycle: {
        groupWaitMs: 0,
        groupIntervalMs,
        repeatIntervalMs: 24 * 3600_000,
        resolveAfterMs: 24 * 3600_000,
      },
      escalation,
      routes: [{ channel: 'log' }],
      alertOnProposed: true,
      source: 'ceasefire/test',
    },
    createLogger({ service: 'alerting-summary-test', level: 'silent' }),
    () => new Date((clock += steps.shift() ?? 1000)),
  );
}

afterAll(async () => {
  await db?.destroy();
  await dropSchema(databaseUrl, schema);
});

async function breachEventsOf(alert: AlertRecord) {
  return (await alertBreachEvents(db, alert.id)).flatMap((e) => {
    const rule = breachEventOf(e);
    return rule === null ? [] : [{ ...rule, untimed: e.untimed }];
  });
}

/** What the alert's events give when read again (the engine's former way). */
async function recomputed(alert: AlertRecord) {
  return summariseGroup(await breachEventsOf(alert), escalation);
}

/**
 * Each alert's summary is that of its current events, and so is its stored state (head and
 * incident rows) where it has one.
 */
async function expectSummariesAsRecomputed(): Promise<AlertRecord[]> {
  const alerts = await listAlerts(db, { agreementId: 'ag_sum' });
  for (const a of alerts) {
    const s = await recomputed(a);
    expect({ id: a.id, ...pick(a) }).toEqual({ id: a.id, ...pick(s) });
    const { summary_state: stored } = (await db('alerts').where({ id: a.id }).first('summary_state')) as { summary_state: unknown };
    const head = parseSummaryHead(stored);
    if (a.state === 'resolved' || stored === null) continue;
    expect(head, `alert ${a.id} stores a version 2 head`).not.toBeNull();
    const rows = (await summaryIncidentsOf(db, [a.id])).get(a.id)!;
    expect({ id: a.id, state: stateOfStored(head!, rows) }).toEqual({ id: a.id, state: summaryStateOf(await breachEventsOf(a)) });
  }
  return alerts;
}

function pick(a: {
  eventCount: number;
  incidentCount: number;
  killed: number | null;
  firstEventAt: Date | null;
  lastEventAt: Date | null;
  untimedAllegation: boolean;
  severity: string;
  escalations: readonly string[];
}) {
  return {
    eventCount: a.eventCount,
    incidentCount: a.incidentCount,
    killed: a.killed,
    firstEventAt: a.firstEventAt,
    lastEventAt: a.lastEventAt,
    untimedAllegation: a.untimedAllegation,
    severity: a.severity,
    escalations: [...a.escalations],
  };
}

async function notifications(alertId: string): Promise<AlertMessage['data'][]> {
  const rows = (await db('alert_deliveries')
    .where({ alert_id: alertId, attempt: 1 })
    .orderBy('id')) as Array<{
    payload: AlertMessage;
  }>;
  return rows.map((r) => r.payload.data);
}

/** A report in one of two areas, of one of a few incidents (or none), at varied hours. */
function report(i: number): ViolationEvent {
  const hour = (i * 7) % 30;
  const start = new Date(Date.parse('2022-09-16T12:00:00Z') + hour * 3600_000).toISOString();
  const area = i % 3 === 0 ? 'kg.batken.batken' : 'kg.batken.leilek';
  const type = i % 5 === 2 ? 'heavy_weapons_fire' : 'small_arms_fire';
  // One incident per day, area and type, as the classifier keys them; some reports have none.
  const incident = i % 4 === 3 ? null : `in_sum_${start.slice(0, 10)}_${area}_${type}`;
  return violationEvent({
    id: `ev_sum_${i}`,
    area,
    type,
    time: exactTime(start),
    date: start.slice(0, 10),
    killed: i === 11 ? 2 : null,
    wounded: i % 6 === 1 ? 1 : null,
    incident_id: incident,
    weapons: i % 7 === 4 ? ['mortars'] : [],
  });
}

describe('alert summaries kept incrementally', () => {
  it('match the summary of the alert events, batch after batch, redeliveries included', async () => {
    const events = Array.from({ length: 24 }, (_, i) => report(i));
    await storeAndPublish(db, noProducer, 'unused.', events);
    // Batches of 1, 5 and 7 events; the second batch is delivered twice.
    for (const [from, to] of [
      [0, 1],
      [1, 6],
      [1, 6],
      [6, 13],
      [13, 24],
    ] as const) {
      const batch = events.slice(from, to);
      if (from === 13) {
        // The other side reported an incident of earlier reports too (the classifier refreshes
        // the incident when it stores the report): every report of it weighs one point more.
        const incident = batch.find(
          (e) => e.incident_id !== null && events.slice(0, 13).some((x) => x.incident_id === e.incident_id),
        )!.incident_id;
        await db('incidents').where({ id: incident }).update({ corroboration: 'both_sides' });
      }
      await engine.handleEvents(batch);
      await expectSummariesAsRecomputed();
    }
    const alerts = await expectSummariesAsRecomputed();
    expect(alerts).toHaveLength(2);
    expect(alerts.reduce((n, a) => n + a.eventCount, 0)).toBe(24);
    expect(alerts.some((a) => a.escalations.includes('fatalities'))).toBe(true);

    // Each notification lists the events that joined since the previous one: together, each
    // event of the alert once, in the order they joined.
    for (const a of alerts) {
      const sent = await notifications(a.id);
      expect(sent[0]!.notification).toBe('opened');
      const listed = sent.flatMap((n) => n.event_ids);
      const joined = (
        await db('alert_events').where({ alert_id: a.id }).orderBy(['added_at', 'event_id'])
      ).map((r: { event_id: string }) => r.event_id);
      expect(new Set(listed).size).toBe(listed.length);
      expect(joined.slice(0, listed.length)).toEqual(listed);
      // What is not listed yet joined after the last notification, which the next one lists.
      const stored = (await db('alerts').where({ id: a.id }).first()) as { unnotified_event_ids: string[] };
      expect([...listed, ...stored.unnotified_event_ids].sort()).toEqual([...joined].sort());
    }
  });

  it('rebuild the summary when a newer extractor superseded an event of the alert', async () => {
    const [alert] = (await listAlerts(db, { agreementId: 'ag_sum' })).filter((a) => a.killed === 2);
    expect(alert).toBeDefined();
    // The statement that claimed two killed is classified again: no one killed after all.
    const old = report(11);
    await db('violation_events').where({ id: old.id }).update({ superseded_at: new Date() });
    const again = { ...old, id: `${old.id}_v2`, extractor_version: 'test-2', killed: null };
    await storeAndPublish(db, noProducer, 'unused.', [again]);
    await engine.handleEvents([again]);
    const after = await expectSummariesAsRecomputed();
    const updated = after.find((a) => a.id === alert!.id)!;
    expect(updated.killed).toBeNull();
    expect(updated.eventCount).toBe(alert!.eventCount);
  });

  it('raise the severity of earlier reports when their incident is corroborated by a later one', async () => {
    const at = '2022-09-16T15:00:00Z';
    const time = exactTime(at);
    const common = {
      area: 'kg.batken.kadamjai',
      time,
      date: at.slice(0, 10),
      incident_id: 'in_sum_corroborated',
    };
    // Small-arms fire with wounded: 3 points, a warning while only one side reports it.
    const first = violationEvent({ ...common, id: 'ev_sum_c1', wounded: 2 });
    await storeAndPublish(db, noProducer, 'unused.', [first]);
    await engine.handleEvents([first]);
    const [before] = (await listAlerts(db, { agreementId: 'ag_sum' })).filter((a) => a.area === common.area);
    expect(before!.severity).toBe('warning');
    // Tajikistan reports the incident too: corroborated by both sides, one point more for each report.
    const second = violationEvent({
      ...common,
      id: 'ev_sum_c2',
      type: 'violation_allegation',
      accused_party: 'KG',
      reported_by: 'TJ',
    });
    await storeAndPublish(db, noProducer, 'unused.', [second]);
    await db('incidents').where({ id: common.incident_id }).update({ corroboration: 'both_sides' });
    await engine.handleEvents([second]);
    const after = await expectSummariesAsRecomputed();
    expect(after.find((a) => a.id === before!.id)!.severity).toBe('critical');
  });

  it('resolve a quiet alert and open the next one of its group within one batch', async () => {
    const at = '2022-09-18T09:00:00Z';
    const time = exactTime(at);
    const quiet = [1, 2].map((n) =>
      violationEvent({ id: `ev_sum_q${n}`, area: 'kg.batken.kyzyl-kiya', time, date: at.slice(0, 10) }),
    );
    await storeAndPublish(db, noProducer, 'unused.', quiet);
    // The second breach comes a day and an hour after the first (the quiet period is a day).
    steps = [1000, 25 * 3600_000];
    await engine.handleEvents(quiet);
    const group = (await listAlerts(db, { agreementId: 'ag_sum' })).filter(
      (a) => a.area === 'kg.batken.kyzyl-kiya',
    );
    expect(group.map((a) => [a.state, a.eventCount]).sort()).toEqual([
      ['firing', 1],
      ['resolved', 1],
    ]);
    const resolved = group.find((a) => a.state === 'resolved')!;
    expect((await notifications(resolved.id)).map((n) => n.notification)).toEqual(['opened', 'resolved']);
  });

  it('rebuild the summary of an alert stored without one', async () => {
    await db('alerts').update({ summary_state: null });
    const late = report(30);
    await storeAndPublish(db, noProducer, 'unused.', [late]);
    await engine.handleEvents([late]);
    await expectSummariesAsRecomputed();
    const states = (await db('alerts').select('summary_state')) as Array<{ summary_state: unknown }>;
    expect(states.filter((s) => s.summary_state !== null).length).toBeGreaterThan(0);
  });

  it('are read again when another worker changed them, not taken from the memory of this one', async () => {
    // Two workers take turns on the same groups: each holds the state it wrote, which is stale
    // once the other has written; counting from it would lose the other's events.
    const other = engineWith(0);
    const events = Array.from({ length: 12 }, (_, i) => report(100 + i));
    await storeAndPublish(db, noProducer, 'unused.', events);
    for (let i = 0; i < events.length; i += 3) {
      await (i % 2 === 0 ? engine : other).handleEvents(events.slice(i, i + 3));
      await expectSummariesAsRecomputed();
    }
  });

  it.each([
    ['the incident rows, before the states are written', 'alert_summary_incidents', 300],
    ['the outbox, after the states are written', 'alert_deliveries', 200],
  ])('are not taken from memory after a batch that failed at %s rolled back', async (_, table, from) => {
    const events = Array.from({ length: 4 }, (_, i) => report(from + i));
    await storeAndPublish(db, noProducer, 'unused.', events);
    await engine.handleEvents(events.slice(0, 2));
    // A write of the batch fails: the states it changed in memory or wrote roll back with it.
    await db.raw(`create function fail_write() returns trigger language plpgsql as $$ begin raise exception 'write refused'; end $$`);
    await db.raw('create trigger fail_write before insert on ?? for each statement execute function fail_write()', [table]);
    try {
      await expect(engine.handleEvents(events.slice(2))).rejects.toThrow(/write refused/);
    } finally {
      await db.raw('drop trigger fail_write on ??', [table]);
      await db.raw('drop function fail_write()');
    }
    // Redelivered: counted once.
    await engine.handleEvents(events.slice(2));
    await expectSummariesAsRecomputed();
  });

  it('keep the latest 100 events not yet notified and how many joined, and list those in the next notification', async () => {
    // A group interval of an hour: after "opened", breaches only join until the interval ends.
    const patient = engineWith(3600_000);
    const at = '2022-09-19T09:00:00Z';
    const storm = Array.from({ length: 250 }, (_, i) =>
      violationEvent({ id: `ev_storm_${String(i).padStart(3, '0')}`, area: 'kg.batken.chon-alai', time: exactTime(at), date: at.slice(0, 10) }),
    );
    await storeAndPublish(db, noProducer, 'unused.', storm);
    for (let i = 0; i < storm.length; i += 60) await patient.handleEvents(storm.slice(i, i + 60));
    const [alert] = (await listAlerts(db, { agreementId: 'ag_sum' })).filter((a) => a.area === 'kg.batken.chon-alai');
    const stored = (await db('alerts').where({ id: alert!.id }).first()) as { unnotified_event_ids: string[]; unnotified_event_count: number };
    const ids = storm.map((e) => e.id);
    // "opened", and an update at once when the frequency escalation raised the severity.
    const before = await notifications(alert!.id);
    expect(before[0]!.notification).toBe('opened');
    const notified = before.reduce((n, x) => n + x.new_event_count!, 0);
    expect(before.flatMap((n) => n.event_ids)).toEqual(ids.slice(0, notified));
    expect(notified).toBeLessThan(10);
    expect(stored.unnotified_event_count).toBe(250 - notified);
    expect(stored.unnotified_event_ids).toEqual(ids.slice(150));

    // The interval ends: the update lists the latest 100 and says how many joined.
    steps = [2 * 3600_000];
    await patient.tickAll();
    const sent = (await notifications(alert!.id)).slice(before.length);
    expect(sent.map((n) => [n.notification, n.new_event_count, n.event_ids.length])).toEqual([['updated', 250 - notified, 100]]);
    expect(sent[0]!.event_ids).toEqual(ids.slice(150));
    expect(sent[0]!.event_count).toBe(250);
    const after = (await db('alerts').where({ id: alert!.id }).first()) as { unnotified_event_ids: string[]; unnotified_event_count: number };
    expect([after.unnotified_event_ids, after.unnotified_event_count]).toEqual([[], 0]);
  });
});
