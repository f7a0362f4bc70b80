import { describe, expect, it } from 'vitest';
import { areaInScope, eventWindow, judgeBreach } from './rules.ts';
import { eventSeverity, summariseGroup } from './severity.ts';
import type { BreachEvent, RuleAgreement } from './types.ts';

const at = (iso: string) => new Date(iso);

// The GKNB chiefs' ceasefire of 16 Sep 2022: from 16:00 UTC+6 (10:00 UTC).
const agreement: RuleAgreement = {
  id: 'ag_2022_09_16',
  parties: ['KG', 'TJ'],
  status: 'in_force',
  startsAt: at('2022-09-16T10:00:00Z'),
  announcedAt: at('2022-09-16T09:00:00Z'),
  endsAt: null,
  scopeAreas: [],
  wholeBorder: true,
  terms: ['cease_fire'],
};

function event(overrides: Partial<BreachEvent> = {}): BreachEvent {
  return {
    id: 'ev_1',
    type: 'small_arms_fire',
    area: 'kg.batken.leilek',
    accusedParty: 'TJ',
    reportedBy: 'KG',
    startUtc: at('2022-09-16T12:00:00Z'),
    endUtc: at('2022-09-16T12:00:00Z'),
    date: '2022-09-16',
    publishedAt: at('2022-09-16T13:00:00Z'),
    killed: null,
    wounded: null,
    weapons: [],
    incidentId: null,
    corroboration: null,
    ...overrides,
  };
}

const options = { alertOnProposed: true };

describe('judgeBreach', () => {
  it('a violation in scope, after the start, by a party, is a breach', () => {
    expect(judgeBreach(event(), agreement, options)).toEqual({
      breach: true,
      timing: 'after_start',
      untimed: false,
      proposed: false,
    });
  });

  it('an incident before the start is not a breach', () => {
    const early = event({ startUtc: at('2022-09-16T04:50:00Z'), endUtc: at('2022-09-16T04:50:00Z') });
    expect(judgeBreach(early, agreement, options)).toEqual({ breach: false, reason: 'before_start' });
  });

  it('an allegation without a time is a flagged breach, unless published before the start', () => {
    const untimed = event({ type: 'violation_allegation', startUtc: null, endUtc: null, date: null });
    expect(judgeBreach(untimed, agreement, options)).toMatchObject({
      breach: true,
      timing: 'untimed',
      untimed: true,
    });
    const old = { ...untimed, publishedAt: at('2022-09-16T08:00:00Z') };
    expect(judgeBreach(old, agreement, options)).toEqual({ breach: false, reason: 'before_start' });
  });

  it('in the statement that announced the agreement, only an untimed allegation is a breach', () => {
    // The seed statement: "Presidents agreed to ceasefire. But … the Tajik side violated the agreements again."
    const announced = {
      ...agreement,
      status: 'proposed' as const,
      startsAt: null,
      announcedAt: at('2022-09-16T18:00:00Z'),
    };
    const untimed = { startUtc: null, endUtc: null, date: null, publishedAt: at('2022-09-16T18:00:00Z') };
    expect(
      judgeBreach(event({ ...untimed, type: 'violation_allegation' }), announced, options),
    ).toMatchObject({ breach: true, untimed: true, proposed: true });
    expect(judgeBreach(event({ ...untimed, type: 'incursion' }), announced, options)).toEqual({
      breach: false,
      reason: 'announcement_background',
    });
    // The morning's clash of the same statement happened before the announcement.
    const morning = event({
      startUtc: at('2022-09-16T00:00:00Z'),
      endUtc: at('2022-09-16T06:00:00Z'),
      publishedAt: at('2022-09-16T18:00:00Z'),
    });
    expect(judgeBreach(morning, announced, options)).toEqual({ breach: false, reason: 'before_start' });
    // A later statement's untimed incursion is a flagged breach.
    expect(
      judgeBreach(
        event({ ...untimed, type: 'incursion', publishedAt: at('2022-09-17T08:00:00Z') }),
        announced,
        options,
      ),
    ).toMatchObject({ breach: true, untimed: true });
  });

  it('a window that contains the start is flagged, not dropped', () => {
    const morning = event({ startUtc: at('2022-09-16T06:00:00Z'), endUtc: at('2022-09-16T12:00:00Z') });
    expect(judgeBreach(morning, agreement, options)).toMatchObject({
      breach: true,
      timing: 'straddles_start',
      untimed: true,
    });
  });

  it('a day without a UTC window uses the widest window of that day', () => {
    expect(eventWindow({ startUtc: null, endUtc: null, date: '2022-09-17' })).toEqual({
      start: at('2022-09-16T10:00:00Z'),
      end: at('2022-09-18T12:00:00Z'),
    });
    const nextDayOnly = event({ startUtc: null, endUtc: null, date: '2022-09-18' });
    expect(judgeBreach(nextDayOnly, agreement, options)).toMatchObject({
      breach: true,
      timing: 'after_start',
    });
  });

  it('agreements are not violations; buildup only breaches withdrawal terms', () => {
    expect(judgeBreach(event({ type: 'ceasefire_agreement' }), agreement, options)).toEqual({
      breach: false,
      reason: 'not_a_violation',
    });
    expect(judgeBreach(event({ type: 'military_buildup' }), agreement, options)).toEqual({
      breach: false,
      reason: 'terms_not_covered',
    });
    const withdraw = { ...agreement, terms: ['cease_fire', 'withdraw_forces'] };
    expect(judgeBreach(event({ type: 'military_buildup' }), withdraw, options)).toMatchObject({
      breach: true,
    });
  });

  it('needs an accused party of the agreement', () => {
    expect(judgeBreach(event({ accusedParty: null }), agreement, options)).toEqual({
      breach: false,
      reason: 'not_attributed',
    });
    expect(judgeBreach(event({ accusedParty: 'UZ' }), agreement, options)).toEqual({
      breach: false,
      reason: 'not_attributed',
    });
  });

  it('scope: a region covers its districts; a border-level area needs a whole-border agreement', () => {
    const batken = { ...agreement, wholeBorder: false, scopeAreas: ['kg.batken'] };
    expect(areaInScope('kg.batken.leilek', batken)).toBe(true);
    expect(areaInScope('kg.batkenx', batken)).toBe(false);
    expect(judgeBreach(event({ area: 'tj.sughd.isfara' }), batken, options)).toEqual({
      breach: false,
      reason: 'out_of_scope',
    });
    expect(judgeBreach(event({ area: 'kg-tj.border' }), batken, options)).toEqual({
      breach: false,
      reason: 'out_of_scope',
    });
    expect(judgeBreach(event({ area: 'kg-tj.border' }), agreement, options)).toMatchObject({ breach: true });
  });

  it('ended agreements judge only what happened before their end', () => {
    const ended = { ...agreement, status: 'ended' as const, endsAt: at('2022-09-17T00:00:00Z') };
    expect(judgeBreach(event(), ended, options)).toMatchObject({ breach: true });
    const late = event({ startUtc: at('2022-09-18T00:00:00Z'), endUtc: at('2022-09-18T00:00:00Z') });
    expect(judgeBreach(late, ended, options)).toEqual({ breach: false, reason: 'after_end' });
    expect(judgeBreach(event(), { ...ended, endsAt: null }, options)).toEqual({
      breach: false,
      reason: 'agreement_inactive',
    });
  });

  it('proposed agreements alert when configured to, marked as proposed', () => {
    const proposed = { ...agreement, status: 'proposed' as const, startsAt: null };
    expect(judgeBreach(event(), proposed, options)).toMatchObject({ breach: true, proposed: true });
    expect(judgeBreach(event(), proposed, { alertOnProposed: false })).toEqual({
      breach: false,
      reason: 'proposed_not_alerting',
    });
    // The announcement stands in for the unknown start.
    const before = event({ startUtc: at('2022-09-16T08:00:00Z'), endUtc: at('2022-09-16T08:00:00Z') });
    expect(judgeBreach(before, proposed, options)).toEqual({ breach: false, reason: 'before_start' });
  });
});

describe('severity and escalation', () => {
  it('rises with heavy weapons, drones, casualties and corroboration', () => {
    expect(eventSeverity(event({ type: 'violation_allegation' }))).toBe('info');
    expect(eventSeverity(event())).toBe('warning');
    expect(eventSeverity(event({ type: 'heavy_weapons_fire' }))).toBe('warning');
    expect(eventSeverity(event({ weapons: ['mortars'] }))).toBe('warning');
    expect(eventSeverity(event({ type: 'air_or_drone_strike', corroboration: 'both_sides' }))).toBe(
      'critical',
    );
    expect(eventSeverity(event({ type: 'heavy_weapons_fire', wounded: 3 }))).toBe('critical');
    expect(eventSeverity(event({ killed: 2 }))).toBe('critical');
  });

  it('counts incidents, not reports, and takes the highest killed claim', () => {
    const reports = [1, 2, 3, 4, 5].map((i) => ({
      ...event({ id: `ev_${i}`, incidentId: 'inc_1', killed: i === 3 ? 4 : null }),
      untimed: false,
    }));
    const s = summariseGroup(reports);
    expect(s).toMatchObject({
      eventCount: 5,
      incidentCount: 1,
      killed: 4,
      severity: 'critical',
      escalations: ['fatalities'],
    });
  });

  it('escalates N incidents within the window', () => {
    const times = ['2022-09-16T11:00:00Z', '2022-09-16T13:00:00Z', '2022-09-16T16:30:00Z'];
    const events = times.map((t, i) => ({
      ...event({ id: `ev_${i}`, startUtc: at(t), endUtc: at(t) }),
      untimed: false,
    }));
    expect(summariseGroup(events).escalations).toEqual(['frequency:3/6h']);
    expect(summariseGroup(events).severity).toBe('critical');
    expect(
      summariseGroup(events, { frequencyCount: 3, frequencyWindowMs: 3600_000, fatalitiesCritical: true })
        .severity,
    ).toBe('warning');
  });
});
