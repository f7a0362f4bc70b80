/**
 * Rules of grammar and vocabulary that the dev corpus does not exercise: relative-date
 * adjectives, explicit "no casualties" phrasings, military targets, appeals to keep an earlier
 * agreement, and English number words joined by "and". Every sentence is written for this test.
 */
import { describe, expect, it } from 'vitest';
import { findTemporal } from './dates.ts';
import { extract } from './engine.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';

const pub = '2024-03-21'; // a Thursday
const dates = (text: string) => findTemporal(text, pub, []).dates.map((d) => ({ date: d.date, kind: d.kind }));
const KG_EN = 'Border Service of the GKNB of the Kyrgyz Republic';
const KG_RU = 'Пограничная служба ГКНБ Кыргызской Республики';
const run = (text: string, source = KG_EN, language = 'en') =>
  extract({ id: 't', text, published_at: '2024-03-21T16:00:00+06:00', language, source_agency: source }, KG_TJ_PROFILE);

describe('relative dates: adjectives and nouns', () => {
  it('reads Russian relative adjectives and «накануне» against publication', () => {
    expect(dates('после вчерашней перестрелки')[0]).toMatchObject({ date: '2024-03-20', kind: 'relative' });
    expect(dates('итоги сегодняшнего инцидента')[0]).toMatchObject({ date: '2024-03-21' });
    expect(dates('позавчерашний обстрел')[0]).toMatchObject({ date: '2024-03-19' });
    expect(dates('накануне вечером')[0]).toMatchObject({ date: '2024-03-20' });
  });
  it('reads English possessives and "the previous day"', () => {
    expect(dates("yesterday's mortar attack")[0]).toMatchObject({ date: '2024-03-20' });
    expect(dates("last night's firing")[0]).toMatchObject({ date: '2024-03-21' });
    expect(dates('troops moved in the previous day')[0]).toMatchObject({ date: '2024-03-20' });
  });
  it('dates the event named by the adjective', () => {
    const r = run('Жители села Достук получили ранения в ходе вчерашней перестрелки, начатой таджикскими военными.', KG_RU, 'ru');
    expect(r.events[0]).toMatchObject({ date: '2024-03-20', accused_party: 'TJ' });
  });
});

describe('explicit "no casualties"', () => {
  const phrasings = [
    'Tajik servicemen fired at Dostuk on 20 March. Nobody was injured.',
    'Tajik servicemen fired at Dostuk on 20 March; no one was hurt.',
    'Tajik servicemen fired at Dostuk on 20 March, but the firing left no one injured.',
    'Tajik servicemen fired at Dostuk on 20 March. There were no injuries.',
    'Tajik servicemen fired at Dostuk on 20 March without any casualties.',
  ];
  for (const text of phrasings) {
    it(`codes 0/0: ${text.slice(40)}`, () => {
      expect(run(text).events[0]).toMatchObject({ killed: 0, wounded: 0 });
    });
  }
  const ru = [
    '20 марта таджикские военнослужащие обстреляли село Достук. Обошлось без жертв.',
    '20 марта таджикские военнослужащие обстреляли село Достук, никто не пострадал.',
    '20 марта таджикские военнослужащие обстреляли село Достук. Погибших и раненых нет.',
    '20 марта таджикские военнослужащие обстреляли село Достук. Никто не был ранен.',
  ];
  for (const text of ru) {
    it(`codes 0/0: ${text.slice(60)}`, () => {
      expect(run(text, KG_RU, 'ru').events[0]).toMatchObject({ killed: 0, wounded: 0 });
    });
  }
});

describe('military targets', () => {
  it('a patrol, a detachment, positions of an outpost: no civilians affected', () => {
    expect(run('On 20 March the Tajik side opened fire on a Kyrgyz patrol near Jashtyk.').events[0]).toMatchObject({ civilians_affected: false, accused_party: 'TJ' });
    expect(run('On 20 March Tajik units shelled a border detachment near the village of Jashtyk.').events[0]).toMatchObject({ civilians_affected: false });
    expect(run('On 20 March Tajik troops fired at positions of the outpost near Jashtyk.').events[0]).toMatchObject({ civilians_affected: false });
  });
  it('«наряд», «пограничный наряд», «военнослужащих»: no civilians, the target side is not the actor', () => {
    const a = run('20 марта таджикская сторона обстреляла кыргызский пограничный наряд у села Жаштык.', KG_RU, 'ru').events[0];
    expect(a).toMatchObject({ civilians_affected: false, accused_party: 'TJ' });
    const b = run('20 марта с таджикской стороны был открыт огонь по группе кыргызских военнослужащих.', KG_RU, 'ru').events[0];
    expect(b).toMatchObject({ civilians_affected: false, accused_party: 'TJ' });
  });
  it('houses in the village are still civilian', () => {
    expect(run('On 20 March Tajik units shelled houses near the village of Jashtyk.').events[0]).toMatchObject({ civilians_affected: true });
  });
});

describe('appeals to keep an earlier agreement', () => {
  it('is a yardstick, not a new agreement', () => {
    expect(run('The Kyrgyz side urged the Tajik side to observe the agreed ceasefire.').events).toEqual([]);
    expect(run('Кыргызская сторона призывает таджикскую сторону неукоснительно соблюдать достигнутые договоренности о прекращении огня.', KG_RU, 'ru').events).toEqual([]);
    const r = run('On 20 March, in violation of the ceasefire agreed on 2 March, Tajik servicemen fired at Dostuk.');
    expect(r.events.map((e) => e.type)).toEqual(['small_arms_fire']);
  });
  it('an undertaking to observe a ceasefire, or an appeal after the report, is still an agreement', () => {
    expect(run('Today the heads of the border services agreed to observe a ceasefire along the whole border.').events.map((e) => e.type)).toEqual(['ceasefire_agreement']);
    expect(run('Today the governors agreed on a ceasefire from 18:00 and called on residents to respect it.').events.map((e) => e.type)).toEqual(['ceasefire_agreement']);
  });
});

describe('number words', () => {
  it('"two hundred and five", «двести пять»', () => {
    expect(run('After the shelling of Dostuk on 20 March, two hundred and five residents were evacuated.').events[0]?.displaced).toBe(205);
    expect(run('После обстрела села Достук 20 марта эвакуированы двести пять жителей села.', KG_RU, 'ru').events[0]?.displaced).toBe(205);
  });
});
