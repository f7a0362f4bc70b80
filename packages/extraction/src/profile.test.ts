import { describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import { validateProfile, type ConflictProfile } from './profile.ts';
import { AM_AZ_PROFILE, IL_LB_PROFILE, IN_PK_PROFILE, KG_TJ_PROFILE, PROFILES, selectProfile, TH_KH_PROFILE } from './profiles/index.ts';
import { largestCompiledSource, REGEX_SOURCE_LIMIT } from './text/patterns.ts';

describe('profiles', () => {
  it('ships five valid profiles', () => {
    for (const p of PROFILES) expect(validateProfile(p)).toEqual([]);
    expect(PROFILES.map((p) => p.id)).toEqual(['kg-tj', 'am-az', 'in-pk', 'th-kh', 'il-lb']);
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
  it('runs the Thailand–Cambodia conflict from its data profile', () => {
    const r = extract({ id: 't', text: 'Cambodian troops fired artillery at Thai positions near Ta Muen Thom temple in Surin province on 24 July, the Royal Thai Army said.', published_at: '2025-07-25T09:00:00+07:00' });
    expect(r.profile).toBe(TH_KH_PROFILE.id);
    expect(r.events[0]).toMatchObject({ type: 'heavy_weapons_fire', accused_party: 'KH', reported_by: 'TH', date: '2025-07-24', country_of_location: 'TH', profile: 'th-kh' });
    expect(r.events[0]?.time.zone).toBe('Asia/Bangkok');
  });
  it('does not read every "Defense Ministry" as the Armenian one', () => {
    const az = extract({ id: 'z', text: 'On 24 July the Armenian armed forces fired at Azerbaijani positions in the Kalbajar direction, the Defense Ministry said.', published_at: '2023-07-25', source_agency: 'Ministry of Defence of Azerbaijan' });
    expect(az.events[0]).toMatchObject({ accused_party: 'AM', reported_by: 'AZ' });
    const am = extract({ id: 'm', text: 'Azerbaijani units fired at Armenian positions near Sotk on 24 July, the Armenian Defense Ministry said.', published_at: '2023-07-25' });
    expect(am.events[0]).toMatchObject({ accused_party: 'AZ', reported_by: 'AM' });
  });
  // Israel–Lebanon was the world fall-back's example; it is now a data profile of its own.
  it('runs the Israel–Lebanon conflict from its data profile, Hezbollah on the Lebanese side', () => {
    const r = extract({ id: 'w', text: 'The Lebanese army said an Israeli drone struck an army bulldozer in the Hermel district on Monday, wounding one soldier.', published_at: '2024-12-02T18:00:00+02:00' });
    expect(r.profile).toBe(IL_LB_PROFILE.id);
    expect(r.events[0]).toMatchObject({ type: 'air_or_drone_strike', accused_party: 'IL', reported_by: 'LB', date: '2024-12-02', locations: ['Hermel district'], country_of_location: 'LB', profile: 'il-lb' });
    expect(r.events[0]?.time).toMatchObject({ zone: 'Asia/Beirut', utc_offset: '+02:00' });
    // "an army bulldozer" is the target, not the actor.
    const obj = extract({ id: 'o', text: 'The Lebanese army said that an enemy drone struck an army bulldozer near Hermel on Monday, a day after an Israeli raid.', published_at: '2024-12-02T18:00:00+02:00' });
    expect(obj.events[0]).toMatchObject({ type: 'air_or_drone_strike', accused_party: 'IL', reported_by: 'LB' });
    expect(selectProfile('Hezbollah fired rockets at Metula, the IDF said.', null).id).toBe('il-lb');
    const ru = extract({ id: 'r', text: 'Армия обороны Израиля сообщила, что 3 декабря боевики «Хезболлы» обстреляли из минометов район горы Дов.', published_at: '2024-12-03T20:00:00+02:00' });
    expect(ru.profile).toBe('il-lb');
    expect(ru.events[0]).toMatchObject({ type: 'heavy_weapons_fire', accused_party: 'LB', reported_by: 'IL', date: '2024-12-03' });
  });
  it('places the fighting of the other conflicts from their gazetteers', () => {
    const pk = extract({ id: 'p', text: 'Pakistani troops fired at Indian posts in the Akhnoor sector on Sunday night, the Indian Army said.', published_at: '2025-05-05T09:00:00+05:30' });
    expect(pk.events[0]).toMatchObject({ accused_party: 'PK', country_of_location: 'IN' });
    expect(pk.events[0]?.locations).toContain('Akhnoor');
    const az = extract({ id: 'a', text: 'On 12 January Armenian units fired at Azerbaijani positions near Alibeyli village of Tovuz district, the Azerbaijani Defense Ministry said.', published_at: '2023-01-12T20:00:00+04:00' });
    expect(az.events[0]).toMatchObject({ accused_party: 'AM', country_of_location: 'AZ' });
    expect(az.events[0]?.locations).toEqual(['Alibeyli', 'Tovuz district']);
    const th = extract({ id: 'k', text: 'Cambodian troops fired rockets at Ban Dan district villages near Ta Muen Toch temple on 24 July, the Royal Thai Army said.', published_at: '2025-07-25T09:00:00+07:00' });
    expect(th.events[0]).toMatchObject({ accused_party: 'KH', country_of_location: 'TH' });
    expect(th.events[0]?.locations).toContain('Ta Muen Toch');
  });
  it('falls back to the world profile of the countries a statement names', () => {
    // Russian names too, and a conflict with its own built-in profile keeps it.
    expect(selectProfile('Венесуэльские военные обстреляли позиции Гайаны.', null).id).toBe('world:GY-VE');
    expect(selectProfile('Tajik servicemen fired at Kyrgyz border guards.', null).id).toBe('kg-tj');
  });
  it("reads the world's Russian adjectives and cases and English plural demonyms as the sides", () => {
    const first = (text: string, source: string) => {
      const e = extract({ id: 'w', text, published_at: '2023-04-12T10:00:00+03:00', source_agency: source }).events[0];
      return e ? [e.accused_party, e.reported_by] : null;
    };
    expect(first('В воскресенье эритрейские военные обстреляли позиции эфиопской армии у Заламбессы.', 'ТАСС')?.[0]).toBe('ER');
    expect(first('В воскресенье иранские пограничники открыли огонь по афганским талибам на границе.', 'ТАСС')?.[0]).toBe('IR');
    expect(first('В воскресенье афганские силы открыли огонь по пакистанским постам у Чамана, заявили в армии Пакистана.', 'ТАСС')).toEqual(['AF', 'PK']);
    expect(first('On Sunday the Ukrainians shelled the Russian town of Belgorod, Moscow said.', 'Reuters')).toEqual(['UA', 'RU']);
    expect(first('On Sunday the Venezuelans fired at a Guyanese patrol boat on the river, Georgetown said.', 'Reuters')).toEqual(['VE', 'GY']);
  });
  it("reads a world capital as its government only where it speaks or is accused", () => {
    const first = (text: string) => extract({ id: 'w', text, published_at: '2023-04-12T10:00:00+03:00', source_agency: 'Reuters' }).events[0]?.accused_party;
    expect(first('On Sunday Kinshasa accused Kigali of shelling Congolese villages near the Rwandan border.')).toBe('RW');
    expect(first('On Sunday Rwandan troops shelled Congolese villages 1,500 km from Kinshasa.')).toBe('RW');
  });

  it('compiles every word list of every profile into regexes V8 still optimises (source under 20 KB)', () => {
    // Past the limit V8 drops its fast scan for a regex's first characters, and the engine slowed
    // by half when one list grew by 3 KB: add words, and this says when a list must be split.
    for (const p of PROFILES) {
      extract({ id: `size-${p.id}-en`, text: 'On 9 May border guards of one side opened fire with mortars at a village; the ceasefire agreed on 1 May was violated, troops massed near the border, three were killed.', published_at: '2022-05-10T08:00:00Z', language: 'en' }, p);
      extract({ id: `size-${p.id}-ru`, text: '9 мая пограничники одной стороны открыли огонь из минометов по селу; нарушено перемирие от 1 мая, к границе стянуты войска, трое погибли.', published_at: '2022-05-10T08:00:00Z', language: 'ru' }, p);
    }
    expect(largestCompiledSource()).toBeGreaterThan(1000);
    expect(largestCompiledSource()).toBeLessThan(REGEX_SOURCE_LIMIT);
  });
});
