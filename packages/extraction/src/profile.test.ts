import { describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import { validateProfile, type ConflictProfile } from './profile.ts';
import { AM_AZ_PROFILE, IN_PK_PROFILE, KG_TJ_PROFILE, PROFILES, selectProfile } from './profiles/index.ts';

describe('profiles', () => {
  it('ships three valid profiles', () => {
    for (const p of PROFILES) expect(validateProfile(p)).toEqual([]);
    expect(PROFILES.map((p) => p.id)).toEqual(['kg-tj', 'am-az', 'in-pk']);
  });
  it('reports what is wrong with a profile', () => {
    const bad: ConflictProfile = {
      ...KG_TJ_PROFILE,
      id: 'Bad Id',
      parties: [{ ...KG_TJ_PROFILE.parties[0]!, zone: { iana: 'X', offset: '6', labels: [] } }],
      places: [{ id: 'kg.x', kind: 'settlement', country: 'KG', parent: 'kg.nowhere', lat: 100, lon: 0, en: ['X'], ru: [] }],
    };
    const paths = validateProfile(bad).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['id', 'parties', 'parties[0].zone.offset', 'places[0].parent', 'places[0].lat']));
  });
  it('keeps stable canonical ids', () => {
    const ids = new Set(KG_TJ_PROFILE.places.map((p) => p.id));
    for (const id of ['kg.batken.leilek.kulundu', 'tj.sughd.isfara.vorukh', 'kg.osh.chon_alai.jekendi', 'tj.sughd.b_gafurov.ovchi_kalacha']) expect(ids.has(id)).toBe(true);
  });
  it('picks the profile a statement is about', () => {
    expect(selectProfile('Azerbaijani forces fired at Armenian positions near Jermuk.', null).id).toBe('am-az');
    expect(selectProfile('Pakistan Army troops resorted to unprovoked firing along the LoC in Kupwara.', 'PTI').id).toBe('in-pk');
    expect(selectProfile('Таджикские военные обстреляли село Кок-Таш.', null).id).toBe('kg-tj');
  });
  it('runs a new conflict from data alone, in its parties\' zones', () => {
    const r = extract({ id: 'a', text: 'At 21:15 Azerbaijani units shelled Sotk with mortars, the Ministry of Defence of Armenia said.', published_at: '2022-09-13T23:00:00+04:00' });
    expect(r.profile).toBe(AM_AZ_PROFILE.id);
    expect(r.events[0]).toMatchObject({ type: 'heavy_weapons_fire', accused_party: 'AZ', reported_by: 'AM', date: '2022-09-13', country_of_location: 'AM' });
    expect(r.events[0]?.time).toMatchObject({ zone: 'Asia/Yerevan', start_utc: '2022-09-13T17:15:00Z' });
    const i = extract({ id: 'b', text: 'Indian Army posts in Uri came under mortar fire from Pakistani troops at 22:00 on Sunday.', published_at: '2023-05-08T09:00:00+05:30' }, IN_PK_PROFILE);
    expect(i.events[0]).toMatchObject({ accused_party: 'PK', date: '2023-05-07' });
    expect(i.events[0]?.time.utc_offset).toBe('+05:30');
  });
});
