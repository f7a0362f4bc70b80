import { EVENT_TYPES } from '@ceasefire/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseGroup, type EscalationPolicy } from './severity.ts';
import {
  addToSummary,
  EMPTY_SUMMARY_STATE,
  parseSummaryHead,
  parseSummaryState,
  stateOfStored,
  SummaryBuilder,
  type IncidentEntry,
  summaryOf,
  summaryStateOf,
} from './summary.ts';
import type { BreachEvent, Corroboration } from './types.ts';

type GroupEvent = BreachEvent & { readonly untimed: boolean };

const T0 = Date.parse('2022-09-16T00:00:00Z');
const INCIDENTS = ['in_a', 'in_b', 'in_c', 'in_d', 'in_e'];
const CORROBORATIONS: Array<Corroboration | null> = [null, 'alleged_one_side', 'both_sides', 'third_party'];

// Times within a few days, so the frequency window (hours) both fires and does not.
const time = fc.integer({ min: 0, max: 72 * 60 }).map((m) => new Date(T0 + m * 60_000));
const figure = fc.option(fc.integer({ min: 0, max: 40 }), { nil: null });

/** One report; its incident's corroboration is given apart (it belongs to the incident). */
const report = fc.record({
  type: fc.constantFrom(...EVENT_TYPES),
  incident: fc.option(fc.constantFrom(...INCIDENTS), { nil: null }),
  start: fc.option(time, { nil: null }),
  end: fc.option(time, { nil: null }),
  publishedAt: time,
  killed: figure,
  wounded: figure,
  weapons: fc.subarray(['rifles', 'mortars', 'drone', 'машина', 'артиллерия']),
  untimed: fc.boolean(),
});

/** Reports with distinct ids, and one corroboration per incident, as the event store has them. */
const group = fc
  .tuple(
    fc.array(report, { maxLength: 40 }),
    fc.array(fc.constantFrom(...CORROBORATIONS), {
      minLength: INCIDENTS.length,
      maxLength: INCIDENTS.length,
    }),
  )
  .map(([reports, corroborations]): GroupEvent[] =>
    reports.map((r, i) => {
      const [startUtc, endUtc] =
        r.start !== null && r.end !== null && r.end < r.start ? [r.end, r.start] : [r.start, r.end];
      return {
        id: `ev_${i}`,
        type: r.type,
        area: 'kg.batken.leilek',
        accusedParty: 'TJ',
        reportedBy: 'KG',
        startUtc,
        endUtc,
        date: null,
        publishedAt: r.publishedAt,
        killed: r.killed,
        wounded: r.wounded,
        weapons: r.weapons,
        incidentId: r.incident,
        corroboration: r.incident === null ? null : corroborations[INCIDENTS.indexOf(r.incident)]!,
        untimed: r.untimed,
      };
    }),
  );

const policy: fc.Arbitrary<EscalationPolicy> = fc.record({
  frequencyCount: fc.integer({ min: 1, max: 4 }),
  frequencyWindowMs: fc.constantFrom(3600_000, 6 * 3600_000, 24 * 3600_000),
  fatalitiesCritical: fc.boolean(),
});

describe('incremental alert group summary', () => {
  it('adding the events one by one gives the summary of all of them', () => {
    fc.assert(
      fc.property(group, policy, (events, p) => {
        expect(summaryOf(summaryStateOf(events), p)).toEqual(summariseGroup(events, p));
      }),
      { numRuns: 500 },
    );
  });

  it('any order and any split into batches gives the same state', () => {
    fc.assert(
      fc.property(
        group.chain((events) =>
          fc.tuple(fc.constant(events), fc.shuffledSubarray(events, { minLength: events.length })),
        ),
        fc.nat(),
        policy,
        ([events, shuffled], cut, p) => {
          const at = events.length === 0 ? 0 : cut % (events.length + 1);
          const inTwo = summaryStateOf(shuffled.slice(at), summaryStateOf(shuffled.slice(0, at)));
          expect(summaryOf(inTwo, p)).toEqual(summaryOf(summaryStateOf(events), p));
        },
      ),
    );
  });

  it('survives being stored as JSON', () => {
    fc.assert(
      fc.property(group, (events) => {
        const state = summaryStateOf(events);
        expect(parseSummaryState(JSON.parse(JSON.stringify(state)))).toEqual(state);
      }),
    );
  });

  it('applies a corroboration that rose with a later report to the earlier reports of the incident', () => {
    const base = {
      type: 'small_arms_fire',
      area: 'kg.batken.leilek',
      accusedParty: 'TJ',
      reportedBy: 'KG',
      startUtc: new Date(T0),
      endUtc: new Date(T0),
      date: null,
      publishedAt: new Date(T0),
      killed: null,
      weapons: [],
      incidentId: 'in_a',
      untimed: false,
    } as const;
    // 3 points (warning) alone; 4 (critical) once the other side has reported the incident too.
    const first: GroupEvent = { ...base, id: 'ev_1', wounded: 2, corroboration: 'alleged_one_side' };
    const second: GroupEvent = {
      ...base,
      id: 'ev_2',
      type: 'violation_allegation',
      wounded: null,
      corroboration: 'both_sides',
    };
    const state = addToSummary(addToSummary(EMPTY_SUMMARY_STATE, first), second);
    expect(summaryOf(state).severity).toBe('critical');
    expect(summaryOf(state)).toEqual(summariseGroup([{ ...first, corroboration: 'both_sides' }, second]));
  });

  it('refuses a stored state it does not know, so the caller rebuilds it', () => {
    expect(parseSummaryState(null)).toBeNull();
    expect(parseSummaryState({ ...EMPTY_SUMMARY_STATE, v: 2 })).toBeNull();
    expect(parseSummaryState({ ...EMPTY_SUMMARY_STATE, incidents: { in_a: [1, 2] } })).toBeNull();
    expect(parseSummaryState(EMPTY_SUMMARY_STATE)).toEqual(EMPTY_SUMMARY_STATE);
  });
});

describe('summary builder', () => {
  it('after every event, gives the summary of the events so far and their state', () => {
    fc.assert(
      fc.property(group, fc.array(policy, { minLength: 1, maxLength: 3 }), (events, policies) => {
        const builder = new SummaryBuilder();
        events.forEach((event, i) => {
          builder.add(event);
          const so = events.slice(0, i + 1);
          for (const p of policies) expect(builder.summary(p)).toEqual(summariseGroup(so, p));
          expect(builder.state()).toEqual(summaryStateOf(so));
        });
        expect(builder.summary()).toEqual(summariseGroup(events));
      }),
      { numRuns: 300 },
    );
  });

  it('asked for a summary only now and then, still follows every event', () => {
    fc.assert(
      fc.property(group, policy, fc.array(fc.boolean(), { maxLength: 40 }), (events, p, asks) => {
        const builder = new SummaryBuilder();
        events.forEach((event, i) => {
          builder.add(event);
          if (asks[i] ?? false) expect(builder.summary(p)).toEqual(summariseGroup(events.slice(0, i + 1), p));
        });
        expect(builder.summary(p)).toEqual(summariseGroup(events, p));
      }),
      { numRuns: 300 },
    );
  });

  it('from a stored state, adding more gives what building from scratch gives', () => {
    fc.assert(
      fc.property(group, fc.nat(), policy, (events, cut, p) => {
        const at = events.length === 0 ? 0 : cut % (events.length + 1);
        const stored = JSON.parse(JSON.stringify(summaryStateOf(events.slice(0, at)))) as unknown;
        const resumed = new SummaryBuilder(parseSummaryState(stored)!);
        const scratch = new SummaryBuilder();
        for (const e of events.slice(0, at)) scratch.add(e);
        // The resumed builder is asked before and after the rest, the one from scratch only after.
        expect(resumed.summary(p)).toEqual(summaryOf(summaryStateOf(events.slice(0, at)), p));
        for (const e of events.slice(at)) {
          resumed.add(e);
          scratch.add(e);
          expect(resumed.summary(p)).toEqual(summariseGroup(events.slice(0, events.indexOf(e) + 1), p));
        }
        expect(resumed.state()).toEqual(summaryStateOf(events));
        expect(scratch.summary(p)).toEqual(resumed.summary(p));
        expect(scratch.state()).toEqual(resumed.state());
      }),
      { numRuns: 300 },
    );
  });

  it('drops the frequency escalation when an incident turns out to be earlier, out of the window', () => {
    const event = (id: string, incidentId: string, hour: number): GroupEvent => ({
      id,
      type: 'violation_allegation',
      area: 'kg.batken.leilek',
      accusedParty: 'TJ',
      reportedBy: 'KG',
      startUtc: new Date(T0 + hour * 3600_000),
      endUtc: new Date(T0 + hour * 3600_000),
      date: null,
      publishedAt: new Date(T0 + hour * 3600_000),
      killed: null,
      wounded: null,
      weapons: [],
      incidentId,
      corroboration: null,
      untimed: false,
    });
    const p: EscalationPolicy = {
      frequencyCount: 3,
      frequencyWindowMs: 6 * 3600_000,
      fatalitiesCritical: true,
    };
    const events = [event('ev_1', 'in_a', 10), event('ev_2', 'in_b', 12), event('ev_3', 'in_c', 14)];
    const builder = new SummaryBuilder();
    for (const e of events) builder.add(e);
    expect(builder.summary(p)).toMatchObject({ severity: 'critical', escalations: ['frequency:3/6h'] });
    // in_a was reported before, at hour 1: its incident time is 1, and 1, 12, 14 span 13 hours.
    const earlier = event('ev_4', 'in_a', 1);
    builder.add(earlier);
    const expected = summariseGroup([...events, earlier], p);
    expect(expected).toMatchObject({ severity: 'info', escalations: [] });
    expect(builder.summary(p)).toEqual(expected);
    expect(builder.state().incidents['in_a']).toEqual([T0 + 3600_000, 1, 0]);
    // A fourth incident near the other two brings it back.
    builder.add(event('ev_5', 'in_d', 13));
    expect(builder.summary(p).escalations).toEqual(['frequency:3/6h']);
  });

  it('keeps its stored state apart from what is added after', () => {
    const builder = new SummaryBuilder();
    const [first, second] = fc.sample(
      group.filter((g) => g.length >= 2),
      { numRuns: 1, seed: 7 },
    )[0]!;
    builder.add(first!);
    const state = builder.state();
    const copy = JSON.parse(JSON.stringify(state)) as unknown;
    builder.add(second!);
    expect(state).toEqual(copy);
  });

  it('stored as a head and the incidents that changed, batch after batch, stands for its state', () => {
    fc.assert(
      fc.property(group, fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1 }), fc.array(fc.boolean()), (events, sizes, resumes) => {
        // What the store holds: the head as JSON and one row per incident.
        let head: unknown = JSON.parse(JSON.stringify(new SummaryBuilder().head('s0')));
        const rows = new Map<string, IncidentEntry>();
        let builder = new SummaryBuilder();
        for (let at = 0, b = 0; at < events.length; b++) {
          const batch = events.slice(at, at + sizes[b % sizes.length]!);
          at += batch.length;
          // A worker that does not hold the state reads it back from the store.
          if (resumes[b] ?? false) builder = new SummaryBuilder(stateOfStored(parseSummaryHead(head)!, [...rows]));
          for (const e of batch) builder.add(e);
          const changed = builder.takeChangedIncidents();
          expect(new Set(changed.map(([key]) => key)).size).toBe(changed.length);
          for (const [key, entry] of changed) rows.set(key, entry);
          expect(builder.takeChangedIncidents()).toEqual([]);
          head = JSON.parse(JSON.stringify(builder.head(`s${b + 1}`)));
          expect(stateOfStored(parseSummaryHead(head)!, [...rows])).toEqual(summaryStateOf(events.slice(0, at)));
          expect(builder.incidentCount).toBe(rows.size);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('lists as changed only the incidents an event added or moved', () => {
    const event = (id: string, incidentId: string, minutes: number, killed: number | null = null): GroupEvent => ({
      id, type: 'small_arms_fire', area: 'kg.batken.leilek', accusedParty: 'TJ', reportedBy: 'KG',
      startUtc: new Date(T0 + minutes * 60_000), endUtc: null, date: null, publishedAt: new Date(T0 + minutes * 60_000),
      killed, wounded: null, weapons: [], incidentId, corroboration: null, untimed: false,
    });
    const builder = new SummaryBuilder().add(event('e1', 'in_a', 60)).add(event('e2', 'in_b', 60));
    expect(builder.takeChangedIncidents().map(([k]) => k).sort()).toEqual(['in_a', 'in_b']);
    // A later report of in_a, no more severe: its entry stays as it was.
    builder.add(event('e3', 'in_a', 90));
    expect(builder.takeChangedIncidents()).toEqual([]);
    // An earlier report of in_b moves its time; a killed one raises in_a's points.
    builder.add(event('e4', 'in_b', 30)).add(event('e5', 'in_a', 120, 2));
    expect(builder.takeChangedIncidents().map(([k]) => k).sort()).toEqual(['in_a', 'in_b']);
    expect(builder.takeAllIncidents().map(([k]) => k).sort()).toEqual(['in_a', 'in_b']);
  });

  it('refuses a stored head it does not know (a version 1 state, a broken one), so the caller rebuilds the state', () => {
    const head = new SummaryBuilder().head('stamp');
    expect(parseSummaryHead(JSON.parse(JSON.stringify(head)))).toEqual(head);
    const { stamp: _stamp, ...converted } = head;
    expect(parseSummaryHead(converted)).toEqual(converted);
    expect(parseSummaryHead(EMPTY_SUMMARY_STATE)).toBeNull();
    expect(parseSummaryHead({ ...head, eventCount: -1 })).toBeNull();
    expect(parseSummaryHead(null)).toBeNull();
  });
});
