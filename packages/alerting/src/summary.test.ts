import { EVENT_TYPES } from '@ceasefire/contracts';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseGroup, type EscalationPolicy } from './severity.ts';
import {
  addToSummary,
  EMPTY_SUMMARY_STATE,
  parseSummaryState,
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
