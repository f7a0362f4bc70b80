import { describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';

const run = (text: string, source = 'Border Service of the GKNB of the Kyrgyz Republic', published_at = '2023-04-12T10:00:00+06:00') =>
  extract({ id: 't', text, published_at, source_agency: source }, KG_TJ_PROFILE);

describe('negation and denial', () => {
  it('does not report what was not recorded', () => {
    expect(run('Over the past day no ceasefire violations were recorded on the border with Tajikistan.').is_violation_report).toBe(false);
    expect(run('За минувшие сутки обстрелов на границе не зафиксировано.').is_violation_report).toBe(false);
    expect(run('Стрельбы в районе села Максат не было, ситуация под контролем.').is_violation_report).toBe(false);
  });
  it('does not report unconfirmed or denied claims', () => {
    expect(run('Reports of mortar fire near Katran have not been confirmed by the Border Service.').events).toEqual([]);
    expect(run('Unconfirmed reports say Tajik troops shelled Korgon.').events).toEqual([]);
    expect(run('The ministry did not confirm that a drone struck Jany-Jer.').events).toEqual([]);
    expect(run('Сообщения о якобы обстреле села Катран не соответствуют действительности.').events).toEqual([]);
  });
  it('keeps a claim when only a later clause is negated', () => {
    const r = run('Tajik servicemen fired mortars at Arka on Tuesday, but no shooting was recorded overnight.');
    expect(r.events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(r.events[0]?.evidence.some((e) => e.field === 'type')).toBe(true);
  });
  it('reads "no casualties" as figures, not as a negated event', () => {
    const r = run('Yesterday at 22:10 Tajik servicemen fired at the Kyrgyz outpost near Ak-Tatyr. There were no casualties.');
    expect(r.events[0]).toMatchObject({ type: 'small_arms_fire', killed: 0, wounded: 0 });
  });
  it('does not code what a party is asked to stop doing', () => {
    expect(run('The Kyrgyz side demands that the Tajik side stop shelling the border villages.').events).toEqual([]);
  });
});
