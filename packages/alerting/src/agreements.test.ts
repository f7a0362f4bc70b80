import { describe, expect, it } from 'vitest';
import {
  areaAtLevel,
  corroborationReason,
  isCorroborated,
  isRegionArea,
  matchAgreement,
  sameAgreement,
  selectAgreement,
  supersessions,
  type AgreementIdentity,
  type SupersessionAgreement,
} from './agreements.ts';
import { evidenceSentence, sentenceAround } from './breach.ts';
import type { BreachEvent, RuleAgreement } from './types.ts';

const stored = (over: Partial<AgreementIdentity> = {}): AgreementIdentity => ({
  id: 'ag_1',
  parties: ['KG', 'TJ'],
  level: 'security_chiefs',
  reachedOn: '2022-09-16',
  startsAt: null,
  status: 'proposed',
  ...over,
});
const report = { parties: ['TJ', 'KG'], level: 'security_chiefs', reachedOn: '2022-09-16', startsAt: null, terms: ['cease_fire'] };

describe('agreement identity', () => {
  it('is one agreement across statements of both sides, a day apart, with a level or start filled in later', () => {
    expect(sameAgreement(stored(), report)).toBe(true);
    // Told "yesterday" in the next day's statement.
    expect(sameAgreement(stored(), { ...report, reachedOn: '2022-09-17' })).toBe(true);
    // A relay that does not say who agreed.
    expect(sameAgreement(stored(), { ...report, level: 'other' })).toBe(true);
    expect(sameAgreement(stored({ level: 'other' }), report)).toBe(true);
    // A start given now, none before.
    expect(sameAgreement(stored(), { ...report, startsAt: new Date('2022-09-16T10:00:00Z') })).toBe(true);
  });

  it('keeps apart agreements two days apart, of other levels, other parties, far-apart starts, or rejected', () => {
    // 14 and 16 September 2022: two agreements of the border services.
    expect(sameAgreement(stored({ reachedOn: '2022-09-14' }), report)).toBe(false);
    // Presidents and security chiefs on the same day: two agreements.
    expect(sameAgreement(stored({ level: 'heads_of_state' }), report)).toBe(false);
    expect(sameAgreement(stored({ parties: ['AM', 'AZ'] }), report)).toBe(false);
    expect(sameAgreement(stored({ parties: ['KG', 'TJ', 'UZ'] }), report)).toBe(false);
    // A midnight truce that failed, then another in the morning.
    expect(
      sameAgreement(stored({ startsAt: new Date('2022-01-27T18:00:00Z') }), { ...report, startsAt: new Date('2022-01-28T02:00:00Z') }),
    ).toBe(false);
    expect(sameAgreement(stored({ status: 'rejected' }), report)).toBe(false);
    // Replaced at 06:00 (its start unknown): a report of a truce from 18:00 is another agreement's,
    // not its start (the stored period would end before it began).
    const ended = stored({ status: 'superseded', endsAt: new Date('2022-09-16T06:00:00Z') });
    expect(sameAgreement(ended, { ...report, startsAt: new Date('2022-09-16T18:00:00Z') })).toBe(false);
    expect(sameAgreement(ended, { ...report, startsAt: new Date('2022-09-16T04:00:00Z') })).toBe(true);
    expect(sameAgreement(ended, report)).toBe(true);
  });

  it('matches the same level before a compatible one, then the closest day', () => {
    const other = stored({ id: 'ag_other', level: 'other', reachedOn: '2022-09-16' });
    const chiefs = stored({ id: 'ag_chiefs', reachedOn: '2022-09-15' });
    expect(matchAgreement([other, chiefs], report)?.id).toBe('ag_chiefs');
    expect(matchAgreement([stored({ id: 'a', reachedOn: '2022-09-15' }), stored({ id: 'b' })], report)?.id).toBe('b');
    expect(matchAgreement([stored({ reachedOn: '2022-09-10' })], report)).toBeNull();
  });
});

describe('corroboration', () => {
  it('needs both sides or a third party', () => {
    expect(isCorroborated(['KG', 'TJ'], ['KG', 'KG', null])).toBe(false);
    expect(isCorroborated(['KG', 'TJ'], ['KG', 'TJ'])).toBe(true);
    expect(isCorroborated(['KG', 'TJ'], ['OSCE'])).toBe(true);
    expect(corroborationReason(['KG', 'TJ'], ['KG', 'TJ'])).toBe('reported by both sides (KG, TJ)');
    expect(corroborationReason(['KG', 'TJ'], ['KG', 'UN', 'OSCE'])).toBe('reported by a third party (OSCE, UN)');
  });
});

const sup = (id: string, over: Partial<SupersessionAgreement>): SupersessionAgreement => ({
  id,
  parties: ['KG', 'TJ'],
  status: 'in_force',
  startsAt: null,
  announcedAt: null,
  endsAt: null,
  scopeAreas: [],
  wholeBorder: true,
  supersededBy: null,
  confirmed: true,
  ...over,
});

describe('supersession', () => {
  const a = sup('a', { startsAt: new Date('2021-04-29T14:00:00Z') });
  const p = sup('p', { status: 'proposed', confirmed: false, announcedAt: new Date('2021-05-01T06:00:00Z') });
  const b = sup('b', { announcedAt: new Date('2022-01-28T02:30:00Z') });
  const c = sup('c', { startsAt: new Date('2022-09-16T10:00:00Z') });

  it('replaces each earlier agreement of the same parties and scope by the next one in force, from its start', () => {
    expect(supersessions([c, a, p, b])).toEqual([
      { id: 'a', supersededBy: 'b', endsAt: b.announcedAt },
      { id: 'p', supersededBy: 'b', endsAt: b.announcedAt },
      { id: 'b', supersededBy: 'c', endsAt: c.startsAt },
    ]);
  });

  it('gives the same chain whatever order agreements entered into force, and nothing twice', () => {
    // c entered into force first and superseded a; b came later: a now ends at b's start.
    const afterC = [sup('a', { ...a, status: 'superseded', supersededBy: 'c', endsAt: c.startsAt }), b, c];
    expect(supersessions(afterC)).toEqual([
      { id: 'a', supersededBy: 'b', endsAt: b.announcedAt },
      { id: 'b', supersededBy: 'c', endsAt: c.startsAt },
    ]);
    const settled = [
      sup('a', { ...a, status: 'superseded', supersededBy: 'b', endsAt: b.announcedAt }),
      sup('b', { ...b, status: 'superseded', supersededBy: 'c', endsAt: c.startsAt }),
      c,
    ];
    expect(supersessions(settled)).toEqual([]);
  });

  it('is not done by a proposed agreement, another scope, other parties, or to an ended or rejected one', () => {
    expect(supersessions([a, sup('x', { status: 'proposed', confirmed: false, startsAt: new Date('2022-01-01T00:00:00Z') })])).toEqual([]);
    expect(supersessions([a, sup('x', { wholeBorder: false, scopeAreas: ['kg.batken'], startsAt: new Date('2022-01-01T00:00:00Z') })])).toEqual([]);
    expect(supersessions([a, sup('x', { parties: ['KG', 'UZ'], startsAt: new Date('2022-01-01T00:00:00Z') })])).toEqual([]);
    expect(supersessions([sup('e', { ...a, status: 'ended', endsAt: new Date('2021-05-01T00:00:00Z') }), b])).toEqual([]);
    expect(supersessions([sup('r', { ...a, status: 'rejected' }), b])).toEqual([]);
  });
});

const event = (over: Partial<BreachEvent> = {}): BreachEvent => ({
  id: 'ev_1',
  type: 'heavy_weapons_fire',
  area: 'kg.batken.leilek',
  accusedParty: 'TJ',
  reportedBy: 'KG',
  startUtc: new Date('2022-09-16T13:30:00Z'),
  endUtc: new Date('2022-09-16T13:30:00Z'),
  date: '2022-09-16',
  publishedAt: new Date('2022-09-17T02:30:00Z'),
  killed: null,
  wounded: null,
  weapons: [],
  incidentId: null,
  corroboration: null,
  ...over,
});
const rule = (id: string, over: Partial<RuleAgreement> = {}): RuleAgreement => {
  const { supersededBy: _s, confirmed: _c, ...common } = sup(id, {});
  return { ...common, terms: ['cease_fire'], ...over };
};
const options = { alertOnProposed: true, proposedHorizonMs: 3 * 86_400_000 };

describe('the agreement an event is judged against', () => {
  it('is the one in force when it happened: the latest start before it, not one superseded before it', () => {
    const old = rule('old', { status: 'superseded', startsAt: new Date('2021-04-29T14:00:00Z'), endsAt: new Date('2022-09-16T10:00:00Z') });
    const current = rule('current', { startsAt: new Date('2022-09-16T10:00:00Z') });
    expect(selectAgreement(event(), [old, current], options)?.agreement.id).toBe('current');
    // Before the new one's start, the old one still judges.
    expect(selectAgreement(event({ startUtc: new Date('2022-09-15T13:30:00Z'), endUtc: new Date('2022-09-15T13:30:00Z') }), [old, current], options)?.agreement.id).toBe('old');
  });

  it('prefers an agreement in force to a proposed one, and a proposed one stops judging past its horizon', () => {
    const inForce = rule('in_force', { startsAt: new Date('2022-09-14T12:00:00Z') });
    const proposed = rule('proposed', { status: 'proposed', startsAt: new Date('2022-09-16T10:00:00Z') });
    expect(selectAgreement(event(), [proposed, inForce], options)?.agreement.id).toBe('in_force');
    expect(selectAgreement(event(), [proposed], options)).toMatchObject({ agreement: { id: 'proposed' }, verdict: { proposed: true } });
    const late = event({ startUtc: new Date('2022-09-20T13:30:00Z'), endUtc: new Date('2022-09-20T13:30:00Z') });
    expect(selectAgreement(late, [proposed], options)).toBeNull();
    expect(selectAgreement(late, [proposed], { ...options, proposedHorizonMs: null })?.agreement.id).toBe('proposed');
  });

  it('treats an agreement superseded before anyone confirmed it as proposed: ranked after confirmed ones, past its horizon nothing', () => {
    const confirmed = rule('confirmed', { status: 'superseded', startsAt: new Date('2022-09-14T12:00:00Z'), endsAt: new Date('2024-05-18T00:00:00Z'), confirmed: true });
    const never = rule('never', { status: 'superseded', startsAt: new Date('2022-09-16T10:00:00Z'), endsAt: new Date('2024-05-18T00:00:00Z'), confirmed: false });
    expect(selectAgreement(event(), [never, confirmed], options)?.agreement.id).toBe('confirmed');
    expect(selectAgreement(event(), [never], options)).toMatchObject({ agreement: { id: 'never' }, verdict: { proposed: true } });
    const late = event({ startUtc: new Date('2023-02-15T13:00:00Z'), endUtc: new Date('2023-02-15T13:00:00Z') });
    expect(selectAgreement(late, [never], options)).toBeNull();
    expect(selectAgreement(late, [never], { alertOnProposed: false, proposedHorizonMs: null })).toBeNull();
  });

  it('is none for a rejected agreement or an event that breaches nothing', () => {
    expect(selectAgreement(event(), [rule('r', { status: 'rejected' })], options)).toBeNull();
    expect(selectAgreement(event({ accusedParty: null }), [rule('a')], options)).toBeNull();
  });
});

describe('alert areas', () => {
  it('groups at the district by default, at the region when configured', () => {
    expect(areaAtLevel('kg.batken.leilek', 'district')).toBe('kg.batken.leilek');
    expect(areaAtLevel('kg.batken.leilek', 'region')).toBe('kg.batken');
    expect(areaAtLevel('kg.batken', 'district')).toBe('kg.batken');
    expect(areaAtLevel('kg-tj.border', 'region')).toBe('kg-tj.border');
    expect(isRegionArea('kg.batken')).toBe(true);
    expect(isRegionArea('kg.batken.leilek')).toBe(false);
    expect(isRegionArea('kg-tj.border')).toBe(false);
  });
});

describe('evidence sentence', () => {
  const text = 'Border Service report.\nYesterday at 19:30, Tajik artillery shelled the village of Ak-Sai. Two houses burned! Residents left.';
  it('is the sentence holding the span', () => {
    const start = text.indexOf('shelled');
    expect(sentenceAround(text, start, start + 7)).toBe('Yesterday at 19:30, Tajik artillery shelled the village of Ak-Sai.');
    expect(sentenceAround(text, 0, 6)).toBe('Border Service report.');
    expect(sentenceAround('no end here', 3, 5)).toBe('no end here');
    expect(evidenceSentence(text, [{ field: 'place', start: text.indexOf('Two'), end: text.indexOf('Two') + 3 }, { field: 'type', start, end: start + 7 }])).toBe(
      'Yesterday at 19:30, Tajik artillery shelled the village of Ak-Sai.',
    );
    expect(evidenceSentence(text, [])).toBeNull();
  });
});
