import { describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';

const run = (text: string, source = 'Kabar', published_at = '2023-05-20T19:00:00+06:00') =>
  extract({ id: 't', text, published_at, source_agency: source }, KG_TJ_PROFILE);

describe('agreements', () => {
  it('reads the return of forces to their places of permanent deployment as a withdrawal term', () => {
    const en = run('Yesterday the security chiefs signed a protocol on returning the additional forces and equipment to their places of permanent deployment.');
    expect(en.events.map((e) => [e.type, e.date])).toEqual([['ceasefire_agreement', '2023-05-19']]);
    const ru = run('Вчера главы спецслужб подписали протокол о возвращении дополнительных сил и техники в места постоянной дислокации.');
    expect(ru.events.map((e) => [e.type, e.date])).toEqual([['ceasefire_agreement', '2023-05-19']]);
  });
  it('places a start given without a zone in the issuer\'s zone, and gives none when no zone is known', () => {
    const text = 'The foreign ministers of Kyrgyzstan and Tajikistan agreed today on a full ceasefire starting at 20:00 and the withdrawal of forces.';
    const kg = run(text, 'Ministry of Foreign Affairs of the Kyrgyz Republic', '2021-04-29').events.find((e) => e.type === 'ceasefire_agreement');
    expect(kg?.agreement).toMatchObject({ starts_at_utc: '2021-04-29T14:00:00Z', zone: 'Asia/Bishkek' });
    // A third party with a date-only publication: no zone to read "20:00" in, so no instant (not 20:00 UTC).
    const osce = run(text, 'OSCE Chairpersonship', '2021-04-29').events.find((e) => e.type === 'ceasefire_agreement');
    expect(osce?.agreement).toMatchObject({ starts_at_utc: null, zone: null });
    // Its publication's own offset is a zone.
    const dated = run(text, 'OSCE Chairpersonship', '2021-04-29T21:00:00+06:00').events.find((e) => e.type === 'ceasefire_agreement');
    expect(dated?.agreement?.starts_at_utc).toBe('2021-04-29T14:00:00Z');
  });

  it('takes the clock time an agreement was reached as its start when the text names no other', () => {
    // Kyrgyz relay: "reached at about 20:00" in Bishkek time (UTC+6).
    const kg = run(
      'Under the agreement reached at about 20:00 on April 29, the border services of Kyrgyzstan and Tajikistan undertook to cease fire and withdraw their units.',
      'Kabar',
      '2021-04-30T09:10:00+06:00',
    ).events.find((e) => e.type === 'ceasefire_agreement');
    expect(kg?.agreement).toMatchObject({ starts_at_utc: '2021-04-29T14:00:00Z', zone: 'Asia/Bishkek' });
    // Tajik relay: "at a meeting held at 17:00 today" in Dushanbe time (UTC+5).
    const tj = run(
      'At a meeting held at 17:00 today, representatives of the border agencies of Kyrgyzstan and Tajikistan agreed to cease fire.',
      'Asia-Plus',
      '2022-09-14T18:30:00+05:00',
    ).events.find((e) => e.type === 'ceasefire_agreement');
    expect(tj?.agreement).toMatchObject({ starts_at_utc: '2022-09-14T12:00:00Z', zone: 'Asia/Dushanbe' });
    // No clock time at all: no start.
    const none = run('In the evening the border services of Kyrgyzstan and Tajikistan agreed to cease fire.').events.find(
      (e) => e.type === 'ceasefire_agreement',
    );
    expect(none?.agreement?.starts_at_utc).toBeNull();
  });

  it('codes a ceasefire reached, with level, terms and start time', () => {
    const r = run('Today the heads of the border services of Kyrgyzstan and Tajikistan agreed on a complete ceasefire from 18:00 and on joint patrols of the section.');
    const a = r.events.find((e) => e.type === 'ceasefire_agreement');
    expect(a).toMatchObject({ date: '2023-05-20', accused_party: null });
    expect(a?.agreement).toMatchObject({ level: 'security_chiefs', starts_at_utc: '2023-05-20T12:00:00Z', zone: 'Asia/Bishkek' });
    expect(a?.agreement?.terms).toEqual(expect.arrayContaining(['cease_fire', 'joint_patrols']));
    expect(r.is_violation_report).toBe(false);
  });
  it('reads the terms of an agreement ("agreeing to halt all firing") as no attack', () => {
    expect(run('Today a ceasefire agreement between Kyrgyzstan and Tajikistan has been reached, with both sides agreeing to halt all firing from 17:00.').events.map((e) => e.type)).toEqual(['ceasefire_agreement']);
  });
  it('reads Russian agreements of heads of state and governors', () => {
    const r = run('Президенты двух стран договорились о прекращении огня и отводе войск.', 'Кабар');
    expect(r.events[0]?.agreement?.level).toBe('heads_of_state');
    const g = run('Губернаторы приграничных областей договорились о перемирии.', 'Кабар');
    expect(g.events[0]?.agreement?.level).toBe('governors');
  });
  it('does not code an agreement that is only the yardstick of a violation', () => {
    const r = run('Despite the ceasefire agreed on 18 May, Tajik units fired mortars at Arka this morning.', 'Border Service of the GKNB of the Kyrgyz Republic');
    expect(r.events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
  });
  it('does not code an earlier agreement named as a point in time', () => {
    const types = (text: string) => run(text).events.map((e) => [e.type, e.date]);
    expect(types('Today the commanders agreed on a full ceasefire. Both sides agreed to keep their units where they stood when the truce was reached on 2 May.')).toEqual([['ceasefire_agreement', '2023-05-20']]);
    expect(types('Сегодня стороны договорились о прекращении огня. Стороны договорились оставить подразделения там, где они находились, когда было достигнуто перемирие 2 мая.')).toEqual([['ceasefire_agreement', '2023-05-20']]);
  });
  it('codes an allegation when no specific event is given', () => {
    const r = run('The Tajik side continues to violate the ceasefire agreements, the Border Service said.', '24.kg');
    expect(r.events).toMatchObject([{ type: 'violation_allegation', accused_party: 'TJ', reported_by: 'KG' }]);
  });
  it('does not code border treaties or delimitation as ceasefires', () => {
    expect(run('The delegations agreed on the description of two more sections of the state border.').events).toEqual([]);
    expect(run('Главы государств подписали Договор о государственной границе.').events).toEqual([]);
  });
});

describe('compliance and blame', () => {
  it('does not code an agreement only said to be observed', () => {
    expect(run('The truce agreed on 2 May is being observed, the Border Service said.').events).toEqual([]);
  });
  it('does not code "who fired first" as a new event', () => {
    const r = run('The Border Troops said Kyrgyz soldiers shelled Surkh on Monday; the Kyrgyz side says Tajik troops opened fire on Kok-Tash first.', 'Kabar');
    expect(r.events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
  });
  it('does not code who started the shooting («стрельбу начали», «огонь открыли именно») as new events', () => {
    const r = run('Вечером 19 мая у села Максат началась стрельба. Погранслужба Кыргызстана заявляла, что стрельбу начали таджикские военные. Таджикские погранвойска сообщали, что огонь открыли именно кыргызские военные.');
    expect(r.events).toHaveLength(1);
  });
  it('reads an agreement whose terms are listed after a colon, decided or signed', () => {
    const types = (t: string) => run(t).events.map((e) => e.type);
    expect(types('Today the border chiefs met at Kyzyl-Bel.\nAt the meeting the parties agreed on the following:\n  • a cessation of hostilities from 20:00;\n  • the withdrawal of troops.')).toEqual(['ceasefire_agreement']);
    expect(types('Сегодня прошла встреча глав погранслужб.\nПо её итогам решено:\n\nполностью прекратить огонь;\n\nотвести войска от границы.')).toEqual(['ceasefire_agreement']);
    expect(types('Today the security chiefs decided to stop firing and to pull back their units.')).toEqual(['ceasefire_agreement']);
    expect(types('Сегодня главы ГКНБ подписали протокол о прекращении боевых действий.')).toEqual(['ceasefire_agreement']);
    // A list of other business is no ceasefire.
    expect(types('Today the sides agreed on the following:\n  • a joint study of the water dispute.')).toEqual([]);
    // Talks to settle a conflict tell no fighting.
    expect(types('Today delegations met at Kyzyl-Bel to settle the armed conflict and agreed on a ceasefire from 20:00.')).toEqual(['ceasefire_agreement']);
  });
  it('times an agreement by the start told in its listed term', () => {
    const time = (t: string) => run(t).events.filter((e) => e.type === 'ceasefire_agreement').map((e) => [e.date, e.time_of_day]);
    expect(time('The delegations met at the Kyzyl-Bel checkpoint.\nAt the meeting the parties agreed on the following:\n  • Cessation of fire along the whole Kyrgyz-Tajik border in Batken and Sughd regions from 21:00 on 18 May, Bishkek time;\n  • Withdrawal of troops.')).toEqual([['2023-05-18', '21:00']]);
    expect(time('Главы погранведомств встретились на КПП «Кызыл-Бел».\nПо итогам встречи решено:\n— прекратить огонь на всех участках кыргызско-таджикской границы с 21:00 18 мая;\n— отвести войска.')).toEqual([['2023-05-18', '21:00']]);
    expect(time('Talks were held in Batken.\nThe sides agreed as follows:\n1. a full cessation of hostilities on all sections of the state border, effective 06:00 on 19 May;\n2. the return of units to their bases.')).toEqual([['2023-05-19', '06:00']]);
  });
  it('reads an agreement named in a past-perfect relative clause as background', () => {
    const r = run('Today the army condemned Cambodia for breaking the ceasefire, which the two governments had agreed should take effect at midnight.');
    expect(r.events.map((e) => e.type)).not.toContain('ceasefire_agreement');
  });
  describe('consent and entry into force', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    it('codes a truce told taking effect, or agreed to, as an agreement', () => {
      expect(types('The truce between the two sides took effect at midnight on 14 May.')).toEqual([
        'ceasefire_agreement',
      ]);
      expect(types('A ceasefire came into force on the border at 06:00 on 14 May.')).toEqual([
        'ceasefire_agreement',
      ]);
      expect(types('Перемирие между сторонами вступило в силу 14 мая в 06:00.')).toEqual([
        'ceasefire_agreement',
      ]);
      expect(types('14 мая стороны согласились на прекращение огня на всём участке границы.')).toEqual([
        'ceasefire_agreement',
      ]);
      expect(types('К ночи 14 мая прекращения огня удалось добиться.')).toEqual(['ceasefire_agreement']);
      expect(types('On 14 May the truce is now officially in force along the whole border.')).toEqual([
        'ceasefire_agreement',
      ]);
      expect(types('The ceasefire began at 06:00 on 14 May.')).toEqual(['ceasefire_agreement']);
      expect(types('14 мая стороны подписали протокол об урегулировании ситуации на границе.')).toEqual([
        'ceasefire_agreement',
      ]);
    });
    it('does not code the entry into force of a truce the statement tells broken (a yardstick)', () => {
      const t = run(
        'The truce came into effect on 14 May. On 16 May Tajik troops violated it, opening fire on a Kyrgyz post near Ak-Sai.',
      ).events.map((e) => e.type);
      expect(t).not.toContain('ceasefire_agreement');
      expect(t).toContain('small_arms_fire');
    });
  });
  it('reads an agreement told as the time before the news, refused or demanded as no agreement', () => {
    const types = (text: string) => run(text).events.map((e) => e.type).sort();
    // Pluperfect and "hours after …": the earlier truce is the yardstick of the attack (SCHEMA).
    expect(types('Today Tajik troops shelled Kok-Tash. The two sides had agreed on a ceasefire that took effect on Monday.')).toEqual(['heavy_weapons_fire']);
    expect(types('Tajik troops shelled Kok-Tash today, only hours after the two governments agreed to a ceasefire.')).toEqual(['heavy_weapons_fire']);
    // Backshifted reported speech still tells the agreement as news.
    expect(types('The border service said the heads of the two services had agreed on a ceasefire.')).toEqual(['ceasefire_agreement']);
    // A failure, a refusal or a demand reaches no agreement.
    expect(types("The ministry pointed to the Tajik side's failure to keep the agreements reached on a ceasefire.")).not.toContain('ceasefire_agreement');
    expect(types('The border service said the Tajik side refused to agree on a ceasefire.')).toEqual([]);
    expect(types('The minister said Tajikistan must first declare a ceasefire.')).toEqual([]);
  });
  it('reads a protocol named before its active verb («Протокол о … подписали стороны») as an agreement', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Протокол о прекращении огня и отводе войск от линии границы сегодня подписали главы спецслужб двух стран.')).toEqual(['ceasefire_agreement']);
    // A treaty on the border is no ceasefire agreement.
    expect(types('Протокол о делимитации участка границы сегодня подписали главы правительств.')).toEqual([]);
  });
  it('reads an agreement reached one day and told to take effect the next, with no clock, as one agreement of the day it takes effect', () => {
    const dated = (text: string) => run(text).events.map((e) => [e.type, e.date]);
    expect(dated('Сегодня Кыргызстан и Таджикистан согласились на немедленное прекращение огня. Перемирие вступит в силу с рассвета 21 мая.')).toEqual([['ceasefire_agreement', '2023-05-21']]);
    expect(dated('Today Kyrgyzstan and Tajikistan agreed to an immediate ceasefire. The truce will take effect at dawn on 21 May.')).toEqual([['ceasefire_agreement', '2023-05-21']]);
  });
  it('reads agreements brokered, concluded, accepted or struck, «пришли к соглашению», «заключили», «объявлено перемирие», «установлен режим»', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    for (const text of [
      'Today Russia brokered a ceasefire between Kyrgyzstan and Tajikistan.',
      'Today a truce was brokered between Kyrgyzstan and Tajikistan.',
      'Today Kyrgyzstan and Tajikistan concluded a ceasefire.',
      'Today Kyrgyzstan and Tajikistan accepted a ceasefire proposal.',
      'Today a ceasefire deal was struck between Kyrgyzstan and Tajikistan.',
      'Сегодня стороны пришли к соглашению о прекращении огня.',
      'Сегодня стороны пришли к договоренности о прекращении огня.',
      'Сегодня Кыргызстан и Таджикистан заключили перемирие.',
      'Сегодня на границе объявлено перемирие.',
      'Сегодня на границе установлен режим прекращения огня.',
    ])
      expect(types(text)).toEqual(['ceasefire_agreement']);
    // An earlier agreement named by a participle, or one refused, is none.
    expect(types('The latest fighting collapsed a previous ceasefire brokered in July.')).not.toContain('ceasefire_agreement');
    expect(types('Tajikistan has not accepted the ceasefire proposal.')).toEqual([]);
    expect(types('Перемирие, заключенное в июле, рухнуло после новых боев у села Ак-Сай.')).not.toContain('ceasefire_agreement');
    expect(types('Объявленное в июле перемирие рухнуло после новых боев у села Ак-Сай.')).not.toContain('ceasefire_agreement');
  });
  it('reads an agreement told the day after the start it names as one agreement, of the day it took effect', () => {
    const r = run('BISHKEK, May 20 (Kabar) - Kyrgyzstan and Tajikistan have reached a ceasefire agreement, the security council said. "An agreement on a ceasefire from 20:00 on May 19 was reached," its secretary told reporters.');
    expect(r.events.map((e) => [e.type, e.date])).toEqual([['ceasefire_agreement', '2023-05-19']]);
  });
  it('reads an agreement told as a prospect or a failure as none reached', () => {
    const types = (text: string) => extract({ id: 'p', text, published_at: '2022-09-18T10:00:00+06:00', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE).events.map((e) => e.type);
    expect(types('The sides are expected to sign a ceasefire agreement.')).toEqual([]);
    expect(types('The two countries plan to sign a truce next week.')).toEqual([]);
    expect(types('Стороны планируют подписать соглашение о прекращении огня.')).toEqual([]);
    expect(types('The sides failed to agree on a ceasefire.')).toEqual([]);
    expect(types('Negotiators could not reach a ceasefire deal.')).toEqual([]);
    // Reached, it is one.
    expect(types('Yesterday the sides agreed on a ceasefire.')).toEqual(['ceasefire_agreement']);
  });
});

describe('a ceasefire reported (issue #16, blind trigger misses)', () => {
  const types = (text: string) =>
    extract({ id: 't', text, published_at: '2022-09-18T12:00:00+06:00', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE).events.map((e) => e.type);
  it('reads information or reports of a ceasefire as an agreement', () => {
    expect(types('14 сентября в Киргизии сообщили о перестрелке, после чего поступила информация о прекращении огня.')).toEqual(['armed_clash', 'ceasefire_agreement']);
    expect(types('Вчера стороны сообщили о перемирии на границе.')).toEqual(['ceasefire_agreement']);
    expect(types('Yesterday the border service reported a ceasefire along the border.')).toEqual(['ceasefire_agreement']);
  });
  it('reads no agreement in a reported breach or a readiness', () => {
    expect(types('Вчера погранслужба сообщила о нарушении режима прекращения огня у села Кулунду.')).not.toContain('ceasefire_agreement');
    expect(types('Yesterday the border service reported ceasefire violations near Kulundu.')).not.toContain('ceasefire_agreement');
    expect(types('Вчера Таджикистан заявил о готовности к прекращению огня.')).toEqual([]);
  });
});
