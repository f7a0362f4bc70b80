import { describe, expect, it } from 'vitest';
import { findTemporal, publicationTime } from './dates.ts';
import { extract } from './engine.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';

const pub = '2023-08-10'; // a Thursday
const dates = (text: string) => findTemporal(text, pub, []).dates.map((d) => ({ date: d.date, part: d.part, kind: d.kind, role: d.role }));

describe('dates', () => {
  it('resolves relative days against the publication date', () => {
    expect(dates('Yesterday troops moved')[0]).toMatchObject({ date: '2023-08-09' });
    expect(dates('вчера вечером')[0]).toMatchObject({ date: '2023-08-09', part: 'evening' });
    expect(dates('this morning')[0]).toMatchObject({ date: '2023-08-10', part: 'morning' });
    expect(dates('позавчера')[0]).toMatchObject({ date: '2023-08-08' });
  });

  it('dates "the third day in a row", «второй день подряд» by the first day of the run', () => {
    // pub is 10 August 2023.
    expect(dates('Tajik drones crossed into Kyrgyz airspace for the third day in a row.')[0]).toMatchObject({ date: '2023-08-08', kind: 'relative' });
    expect(dates('Shelling went on for a second consecutive day.')[0]).toMatchObject({ date: '2023-08-09' });
    expect(dates('Беспилотники третий день подряд пролетают над заставами.')[0]).toMatchObject({ date: '2023-08-08' });
    expect(dates('Бои идут вторые сутки подряд.')[0]).toMatchObject({ date: '2023-08-09' });
  });

  it('reads a month named with no year ("in May", «в мае») as the last such month up to publication', () => {
    const months = (text: string) => findTemporal(text, pub, []).dates.map((d) => [d.kind, d.month]);
    expect(months('A soldier was killed in a clash in May.')).toEqual([['month', '2023-05']]);
    expect(months('Отношения обострились, когда в мае погиб пограничник.')).toEqual([['month', '2023-05']]);
    expect(months('Fighting broke out in November.')).toEqual([['month', '2022-11']]);
    // The month of publication is told by its days.
    expect(months('Fighting broke out in August.')).toEqual([]);
  });

  it('reads the day a truce took effect ("took effect on Monday", «вступило в силу 7 августа») as a reference, no day of the narrative', () => {
    expect(dates('The ceasefire took effect on Monday night.')[0]).toMatchObject({ date: '2023-08-07', role: 'reference' });
    expect(dates('Перемирие вступило в силу 7 августа.')[0]).toMatchObject({ date: '2023-08-07', role: 'reference' });
    expect(dates('Fighting broke out on Monday night.')[0]).toMatchObject({ date: '2023-08-07', role: 'event' });
  });

  it('dates "the night of <weekday>" by the day the night ends', () => {
    // pub is a Thursday: Monday's night ends on Tuesday; "the night to Tuesday" names it.
    expect(dates('On the night of Monday the army answered the firing')[0]).toMatchObject({ date: '2023-08-08', part: 'night', kind: 'night' });
    expect(dates('during the night to Tuesday')[0]).toMatchObject({ date: '2023-08-08', part: 'night' });
    expect(dates('the night of Monday to Tuesday')[0]).toMatchObject({ date: '2023-08-08', part: 'night' });
    // Not past the day of publication.
    expect(dates('on the night of Thursday')[0]).toMatchObject({ date: '2023-08-10', part: 'night' });
  });

  it('reads a day of the month with no month named against the publication or the date before', () => {
    // pub is 10 August 2023.
    expect(dates('The ministry said on the 9th, that troops had crossed')[0]).toMatchObject({ date: '2023-08-09', kind: 'absolute' });
    expect(dates('the truce holds from the 8th at 18:00')[0]).toMatchObject({ date: '2023-08-08' });
    // A day still to come this month is last month's.
    expect(dates('fighting resumed on the 21st.')[0]).toMatchObject({ date: '2023-07-21' });
    // An ordinal of something else is no date.
    expect(dates('on the 12th day of the talks')).toEqual([]);
    expect(dates('on the 2nd Army Region front')).toEqual([]);
    // «5 августа … а 6-го …»: the month of the date just told.
    expect(dates('5 августа военные стянули технику, а 6-го открыли огонь')[1]).toMatchObject({ date: '2023-08-06', kind: 'absolute' });
    expect(dates('штаб 2-го армейского корпуса')).toEqual([]);
  });

  it('reads «в течение дня 8 августа и в ночь на 9 августа» as one span from its first day', () => {
    const ds = findTemporal('в течение дня 8 августа и в ночь на 9 августа подразделения обстреляли позиции', pub, []).dates;
    expect(ds.filter((d) => d.role === 'event').map((d) => d.date)).toEqual(['2023-08-08']);
    expect(dates('during the day of 7 August')[0]).toMatchObject({ date: '2023-08-07', kind: 'absolute' });
    // Two days that are not one span keep their own.
    expect(dates('on 3 August and on 9 August').map((d) => d.role)).toEqual(['event', 'event']);
  });

  it('resolves weekdays to the latest such day up to publication', () => {
    expect(dates('on Monday')[0]).toMatchObject({ date: '2023-08-07' });
    expect(dates('в среду')[0]).toMatchObject({ date: '2023-08-09' });
    expect(dates("Tuesday's incident")[0]).toMatchObject({ date: '2023-08-08' });
    expect(dates('on Thursday')[0]).toMatchObject({ date: '2023-08-10' });
    // "last Thursday" in a Thursday item is a week before.
    expect(dates('troops fired last Thursday')[0]).toMatchObject({ date: '2023-08-03' });
    expect(dates('в прошлый четверг')[0]).toMatchObject({ date: '2023-08-03' });
    expect(dates('The day before, the ministry said')[0]).toMatchObject({ date: '2023-08-09', kind: 'relative' });
    expect(dates('on the day before the talks')).toEqual([]);
  });

  it('gives a night the day it ends on', () => {
    expect(dates('on the night of 8 to 9 August')[0]).toMatchObject({ date: '2023-08-09', part: 'night' });
    expect(dates('в ночь на 7 августа')[0]).toMatchObject({ date: '2023-08-07', part: 'night' });
    expect(dates('в ночь с 5 на 6 августа')[0]).toMatchObject({ date: '2023-08-06', part: 'night' });
    expect(dates('During the night of August 5-6, troops')[0]).toMatchObject({ date: '2023-08-06', part: 'night', kind: 'night' });
    expect(dates('Shots were heard on the night of Aug 2–3')[0]).toMatchObject({ date: '2023-08-03', part: 'night' });
  });

  it('reads absolute dates, ranges and numeric dates, taking the year from publication', () => {
    expect(dates('on 2 August')[0]).toMatchObject({ date: '2023-08-02' });
    expect(dates('August 3-4')[0]).toMatchObject({ date: '2023-08-03' });
    expect(dates('5–6 августа 2022 года')[0]).toMatchObject({ date: '2022-08-05' });
    expect(dates('04.08.2023')[0]).toMatchObject({ date: '2023-08-04' });
    expect(dates('2023-8-4 18:12 |')[0]).toMatchObject({ date: '2023-08-04', kind: 'absolute' });
    // A day after publication belongs to the previous year.
    expect(dates('on 30 December')[0]).toMatchObject({ date: '2022-12-30' });
  });

  it('joins a part of day to its date', () => {
    expect(dates('on the afternoon of 6 August')[0]).toMatchObject({ date: '2023-08-06', part: 'afternoon' });
    expect(dates('утром 6 августа')[0]).toMatchObject({ date: '2023-08-06', part: 'morning' });
  });

  it('marks report cut-offs and agreement dates so they do not date events', () => {
    expect(dates('as of 18:00 on 9 August')[0]).toMatchObject({ role: 'as_of' });
    expect(dates('по состоянию на 9 августа')[0]).toMatchObject({ role: 'as_of' });
    expect(dates('contrary to the protocol of 1 August')[0]).toMatchObject({ role: 'reference' });
  });

  it('reads clock times with their zone', () => {
    const { clocks } = findTemporal('at 03:15 (Moscow time), then at 09:00 GMT and 21:05 local time', pub, []);
    expect(clocks.map((c) => [c.hh, c.mm, c.offset_min])).toEqual([
      [3, 15, 180],
      [9, 0, 0],
      [21, 5, null],
    ]);
  });

  it('takes the publication date in the issuer zone', () => {
    // 23:30 in Dushanbe is already the next day in Bishkek.
    expect(publicationTime('2023-08-10T23:30:00+05:00', 360).date).toBe('2023-08-11');
    expect(publicationTime('2023-08-10', 360).date).toBe('2023-08-10');
    expect(publicationTime('not a date', 360).date).toBeNull();
  });

  it("dates the narrative from a lead line's 'today', not from a page's time stamp", () => {
    const run = (text: string) =>
      extract({ id: 't', text, published_at: '2023-08-10T18:00:00+06:00', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE).events.map((e) => e.date);
    const body = 'The fighting began when Tajik servicemen opened fire at a Kyrgyz post near Kok-Tash early in the morning.';
    expect(run(`Shooting on the border\n\nThree border guards were wounded as a result of today's fighting along the border, the service says\n\n${body}`)).toEqual(['2023-08-10']);
    expect(run(`today at 13:32\n\nShooting on the border\n\n${body}`)).toEqual([null]);
  });

  it("dates 'the next day', «спустя сутки» as the day after the narrative's", () => {
    const run = (text: string) =>
      extract({ id: 't', text, published_at: '2023-08-10', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE).events.map((e) => [e.type, e.date]);
    expect(run('Вечером 6 августа обстановка на границе обострилась, спустя сутки стороны договорились о прекращении огня.')).toEqual([['ceasefire_agreement', '2023-08-07']]);
    expect(run('The situation worsened on 6 August. The next day the sides agreed on a ceasefire.')).toEqual([['ceasefire_agreement', '2023-08-07']]);
    // With no day told, none is guessed.
    expect(run('The next day the sides agreed on a ceasefire.')).toEqual([['ceasefire_agreement', null]]);
  });

  it('outputs UTC, local time, zone, precision and window for an event', () => {
    const r = extract(
      {
        id: 't',
        text: 'At about 05:10 local time Tajik units shelled Kulundu with mortars.',
        published_at: '2023-08-10T12:00:00+06:00',
        source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      },
      KG_TJ_PROFILE,
    );
    const t = r.events[0]?.time;
    expect(t).toMatchObject({ date: '2023-08-10', time_of_day: '05:10', zone: 'Asia/Bishkek', utc_offset: '+06:00', precision: 'hour' });
    expect(t?.start_utc).toBe('2023-08-09T22:40:00Z');
    expect(t?.end_utc).toBe('2023-08-09T23:40:00Z');
  });

  it('gives a part of day a window and a day a whole-day window', () => {
    const r = extract(
      { id: 't', text: 'Вчера вечером таджикские военные обстреляли из гранатометов село Максат.', published_at: '2023-08-10T12:00:00+06:00', source_agency: 'Пограничная служба ГКНБ Кыргызской Республики' },
      KG_TJ_PROFILE,
    );
    expect(r.events[0]?.time).toMatchObject({ date: '2023-08-09', precision: 'part_of_day', start_utc: '2023-08-09T12:00:00Z', end_utc: '2023-08-09T18:00:00Z' });
  });
});

describe('zones', () => {
  it('converts a Moscow-time clock to the issuer local time', () => {
    const r = extract(
      {
        id: 't',
        text: 'On 9 August at 04:20 (Moscow time), a Tajik drone struck the outskirts of Arka.',
        published_at: '2023-08-10T12:00:00+06:00',
        source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      },
      KG_TJ_PROFILE,
    );
    expect(r.events[0]?.time).toMatchObject({ date: '2023-08-09', time_of_day: '07:20', precision: 'exact', start_utc: '2023-08-09T01:20:00Z' });
  });
});

describe('clock forms', () => {
  it('reads Russian "часов утра/вечера" and 12-hour English times', () => {
    const clocks = (t: string) => findTemporal(t, pub, []).clocks.map((c) => [c.hh, c.mm]);
    expect(clocks('около 9 часов утра')).toEqual([[9, 0]]);
    expect(clocks('в 8 часов вечера')).toEqual([[20, 0]]);
    expect(clocks('at 7:15 pm')).toEqual([[19, 15]]);
    expect(clocks('at 11 a.m.')).toEqual([[11, 0]]);
  });
});

describe('missing publication time', () => {
  it('takes the reference day from a dated dateline', () => {
    const r = extract({ id: 't', text: 'DUSHANBE, 16.09.2022 /NIAT Khovar/. Kyrgyz units shelled Vorukh with mortars this morning.' });
    expect(r.events[0]).toMatchObject({ date: '2022-09-16', time_of_day: 'morning' });
  });
  it('reads the date grammar of real statements', () => {
    const clocks = (text: string) => findTemporal(text, pub, []).clocks.map((k) => [`${k.hh}:${k.mm}`, k.role]);
    expect(dates('Ош, 09.08.23. Обстановка')[0]).toMatchObject({ date: '2023-08-09', kind: 'absolute' });
    expect(dates('in the last 24 hours three shots')[0]).toMatchObject({ date: '2023-08-09' });
    expect(dates('за прошедшие сутки')[0]).toMatchObject({ date: '2023-08-09' });
    expect(dates('During the day the patrol')[0]).toMatchObject({ date: '2023-08-10' });
    expect(clocks('в 16 часов 40 минут')).toEqual([['16:40', 'event']]);
    expect(clocks('к часу ночи')).toEqual([['1:0', 'event']]);
    expect(clocks('в 11ч. 40 мин.')).toEqual([['11:40', 'event']]);
    // A range is timed by its start.
    expect(clocks('from 13:00 to 15:30')).toEqual([['13:0', 'event'], ['15:30', 'alt']]);
    expect(clocks('с 13:00 до 15:30')).toEqual([['13:0', 'event'], ['15:30', 'alt']]);
    // A range across midnight is timed and dated by its start (SCHEMA).
    expect(clocks('from 23:40 on August 8 to 06:05 on August 9')).toEqual([['23:40', 'event'], ['6:5', 'alt']]);
    expect(dates('from 23:40 on August 8 to 06:05 on August 9').map((d) => [d.date, d.role])).toEqual([['2023-08-08', 'event'], ['2023-08-09', 'alt']]);
    expect(dates('from late August 3 to early August 4').map((d) => d.role)).toEqual(['event', 'alt']);
    expect(dates('between 2 August and 5 August').map((d) => d.role)).toEqual(['event', 'alt']);
    expect(clocks('с вечера 8 августа до 01:20 9 августа')).toEqual([['1:20', 'alt']]);
    // Two days told as two days stay two.
    expect(dates('on 2 August and 5 August').map((d) => d.role)).toEqual(['event', 'event']);
    // When a truce takes effect: its start, no event time.
    expect(clocks('The truce is to take effect at 4 a.m.')).toEqual([['4:0', 'start']]);
    expect(clocks('Перемирие вступает в силу в 20:00')).toEqual([['20:0', 'start']]);
    expect(clocks('Режим прекращения огня действует с 16:00')).toEqual([['16:0', 'start']]);
    expect(clocks('troops fired at 0630 hours')).toEqual([['6:30', 'event']]);
    // Midnight is read only as a start, kept as hour 24 of the day named.
    expect(clocks('a truce from midnight')).toEqual([['24:0', 'start']]);
    expect(clocks('shots were heard at midnight')).toEqual([]);
    expect(dates('during the intervening night of August 3–4')[0]).toMatchObject({ date: '2023-08-04', part: 'night' });
  });
});

describe('what carries the narrative day (issue #16)', () => {
  const kg = 'Border Service of the GKNB of the Kyrgyz Republic';
  const run = (text: string, published_at = '2023-08-10T12:00:00+06:00') => extract({ id: 't', text, published_at, source_agency: kg }, KG_TJ_PROFILE).events;

  it('gives the told day to fire whose shooter is not named', () => {
    for (const text of [
      'On 8 August a dispute broke out near Kulundu. Soon after that, shots were fired at the post.',
      'On 8 August residents of Kulundu blocked the road. At the post, someone opened fire.',
      '8 августа возле села Кулунду жители перекрыли дорогу. Вскоре у заставы началась стрельба.',
      '8 августа у села Максат произошёл спор. Через час по заставе открыли огонь неизвестные.',
    ])
      expect(run(text).find((e) => e.type === 'small_arms_fire')?.date, text).toBe('2023-08-08');
  });

  it('does not carry the day into what happened earlier', () => {
    for (const text of [
      'On 9 August the situation near Kulundu was calm. Earlier, Tajik troops shelled Maksat with mortars.',
      'On 9 August the situation near Kulundu was calm. Previously, Tajik troops had shelled Maksat with mortars.',
      '9 августа обстановка у села Кулунду спокойная. Ранее таджикские военные обстреляли из минометов село Максат.',
      '9 августа обстановка у села Кулунду спокойная. Прежде таджикские военные обстреливали из минометов село Максат.',
    ])
      expect(run(text).find((e) => e.type === 'heavy_weapons_fire')?.date, text).toBeNull();
  });

  it('reads a photo caption day as the picture day', () => {
    expect(dates('Kulundu village, 2 August 2023. Photo: Kabar')[0]).toMatchObject({ role: 'reference' });
    expect(dates('Село Кулунду 2 августа 2023 года. Фото: Кабар')[0]).toMatchObject({ role: 'reference' });
    expect(dates('On 2 August 2023, photographers said')[0]).toMatchObject({ role: 'event' });
  });

  it('takes additive connectives for no time word', () => {
    for (const t of ['In addition, troops fired', 'Moreover, troops fired', 'Furthermore, troops fired', 'Кроме того, военные стреляли']) expect(dates(t), t).toEqual([]);
    expect(dates('Then troops fired')[0]).toMatchObject({ kind: 'anaphor' });
    expect(dates('Затем военные стреляли')[0]).toMatchObject({ kind: 'anaphor' });
  });

  it('reads "after midnight" as the night of its day, no anaphor', () => {
    expect(dates('shortly after midnight troops fired')).toEqual([expect.objectContaining({ part: 'night', kind: 'part' })]);
    expect(dates('just after midnight on 5 August')[0]).toMatchObject({ date: '2023-08-05', part: 'night' });
    expect(dates('вскоре после полуночи 5 августа')[0]).toMatchObject({ date: '2023-08-05', part: 'night' });
    expect(dates('5 августа за полночь')[0]).toMatchObject({ date: '2023-08-05', part: 'night' });
    expect(dates('shortly after, troops fired')[0]).toMatchObject({ kind: 'anaphor' });
  });
});

describe('ranges and truce starts (issue #16)', () => {
  const roles = (t: string) => findTemporal(t, pub, []).dates.map((d) => [d.date, d.part, d.role]);
  const clockRoles = (t: string) => findTemporal(t, pub, []).clocks.map((k) => [k.hh, k.role]);

  it('dates a range that starts with a part of day by its start', () => {
    expect(roles('с вечера 2 августа в ночь на 3 августа обстреливали позиции')).toEqual([['2023-08-02', 'evening', 'event'], ['2023-08-03', 'night', 'alt']]);
    expect(roles('С ночи 5 августа и до утра 6 августа шла стрельба')).toEqual([['2023-08-05', 'night', 'event'], ['2023-08-06', null, 'alt']]);
    expect(roles('с вечера 8 августа до 00:50 9 августа')).toEqual([['2023-08-08', 'evening', 'event'], ['2023-08-09', null, 'alt']]);
    expect(roles('from the evening of 2 August into the night of 2 to 3 August')).toEqual([['2023-08-02', 'evening', 'event'], ['2023-08-03', 'night', 'alt']]);
    expect(roles('from the morning of 2 August until 3 August')).toEqual([['2023-08-02', 'morning', 'event'], ['2023-08-03', null, 'alt']]);
    // Two days told as two stay two.
    expect(roles('on 2 August and on 3 August').map((r) => r[2])).toEqual(['event', 'event']);
  });

  it("reads the day a truce takes effect at a clock time as the truce's, not a day of fighting", () => {
    expect(roles('the governments agreed the truce should take effect at 24:00 hours on 5 August')).toEqual([['2023-08-05', null, 'reference']]);
    expect(roles('перемирие вступает в силу с 00:00 (по местному времени) 5 августа')).toEqual([['2023-08-05', null, 'reference']]);
    expect(roles('troops opened fire at 24:00 on 5 August')).toEqual([['2023-08-05', null, 'event']]);
  });
  it('reads the date of a numbered document as its reference, not an event day', () => {
    expect(roles('in breach of Protocol No. 42 of 5 August, troops were moved to the border').map((r) => r[2])).toEqual(['reference']);
    expect(roles('вопреки протоколу № 42 от 5 августа к границе перебросили войска').map((r) => r[2])).toEqual(['reference']);
  });
  it('reads more ways of telling when a truce takes effect', () => {
    expect(clockRoles('Cessation of hostilities in the border areas from 19.30 on 29 July')).toEqual([[19, 'start']]);
    expect(clockRoles('Прекращение боевых действий с 20:00 9 августа')).toEqual([[20, 'start']]);
    expect(clockRoles('Перемирие начало действовать в среду, 9 августа, в 04:00')).toEqual([[4, 'start']]);
    expect(clockRoles('The ceasefire came into force on Wednesday at 04:00')).toEqual([[4, 'start']]);
    expect(clockRoles('The truce began to apply at 6 a.m.')).toEqual([[6, 'start']]);
    // A clock after a contrast is an event of its own.
    expect(clockRoles('The truce took effect on Monday, but at 04:00 troops fired')).toEqual([[4, 'event']]);
  });

  it('dates an agreement reached one day and in force the next by its entry into force', () => {
    for (const text of [
      'On the evening of 8 August the governments approved a ceasefire agreement. The ceasefire came into force on 9 August at 04:00.',
      'Вечером 8 августа стороны договорились о прекращении огня. Перемирие вступило в силу 9 августа в 04:00.',
    ]) {
      const ev = extract({ id: 't', text, published_at: '2023-08-10', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE).events.filter((e) => e.type === 'ceasefire_agreement');
      expect(ev.map((e) => [e.date, e.time_of_day]), text).toEqual([['2023-08-09', '04:00']]);
    }
  });
});

describe('an agreement and the day of its paragraph (issue #16)', () => {
  const agreementDates = (text: string) =>
    extract({ id: 't', text, published_at: '2023-08-10', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE)
      .events.filter((e) => e.type === 'ceasefire_agreement')
      .map((e) => e.date);

  it('takes the day of the meeting told in the next sentence', () => {
    expect(agreementDates('Kyrgyzstan and Tajikistan signed a protocol on a complete ceasefire.\n\nThe sides met on 8 August at the Kyzyl-Bel checkpoint.')).toEqual(['2023-08-08']);
    expect(agreementDates('Киргизия и Таджикистан подписали протокол о полном прекращении огня.\n\nСтороны встретились 8 августа на КПП «Кызыл-Бель».')).toEqual(['2023-08-08']);
    // A day told with another event is that event's.
    expect(agreementDates('The sides agreed on a complete ceasefire.\n\nDuring the talks on 2 August Tajik troops shelled Maksat with mortars.')).toEqual([null]);
  });
  it('dates a truce from "midnight 8/9 August" by the day that begins', () => {
    expect(agreementDates('The sides agreed on a strict ceasefire with effect from midnight 8/9 August 2023.')).toEqual(['2023-08-09']);
    expect(agreementDates('The sides agreed on a strict ceasefire with effect from midnight on 8 August.')).toEqual(['2023-08-09']);
  });
  it('takes the day told earlier in its paragraph', () => {
    expect(agreementDates('The delegations met on 8 August at the Kyzyl-Bel checkpoint. The sides agreed on a complete ceasefire.')).toEqual(['2023-08-08']);
    expect(agreementDates('Делегации встретились 8 августа на КПП «Кызыл-Бель». Стороны договорились о полном прекращении огня.')).toEqual(['2023-08-08']);
    expect(agreementDates('Yesterday the security chiefs held talks in Batken. They agreed on a ceasefire and the withdrawal of troops.')).toEqual(['2023-08-09']);
  });

  it('does not take a day told in another paragraph', () => {
    expect(agreementDates('On 2 August Tajik troops shelled Maksat with mortars.\n\nThe sides agreed on a complete ceasefire.')).toEqual([null]);
    expect(agreementDates('2 августа таджикские военные обстреляли из минометов село Максат.\n\nСтороны договорились о полном прекращении огня.')).toEqual([null]);
  });

  it("takes the page's own date line while the narrative stays on that day", () => {
    expect(
      agreementDates('Agreement at the border\n\n9 August 2023, 14:05\n\nThe security chiefs met at the Kyzyl-Bel checkpoint.\n\nThe press service said the sides agreed on a complete ceasefire.'),
    ).toEqual(['2023-08-09']);
    expect(
      agreementDates('Соглашение на границе\n\n9 августа 2023, 14:05\n\nГлавы спецслужб встретились на КПП «Кызыл-Бель».\n\nВ пресс-службе сообщили, что стороны договорились о полном прекращении огня.'),
    ).toEqual(['2023-08-09']);
    // A wire dateline on a line of its own dates the item too.
    expect(agreementDates('Chiefs agree on truce\n\nASTANA, Kazakhstan, August 9\n\nThe security chiefs held talks on the border.\nThey agreed on a complete ceasefire.')).toEqual(['2023-08-09']);
  });
});

describe('more date grammar (issue #16)', () => {
  const one = (t: string) => {
    const d = findTemporal(t, pub, []).dates;
    return d.length === 1 ? [d[0]?.date, d[0]?.part] : d.map((x) => [x.text, x.date, x.part]);
  };
  const clocks = (t: string) => findTemporal(t, pub, []).clocks.map((k) => [k.hh, k.mm, k.offset_min]);

  it('dates a night between two weekdays by the day it ends', () => {
    expect(one('on the night of Saturday to Sunday troops fired')).toEqual(['2023-08-06', 'night']);
    expect(one('during the night from Monday into Tuesday')).toEqual(['2023-08-08', 'night']);
    expect(one('в ночь с субботы на воскресенье был обстрел')).toEqual(['2023-08-06', 'night']);
    expect(one('в ночь со вторника на среду')).toEqual(['2023-08-09', 'night']);
    expect(one('в ночь на среду')).toEqual(['2023-08-09', 'night']);
  });

  it('reads Russian ordinal days', () => {
    expect(one('8-го августа')).toEqual(['2023-08-08', null]);
    expect(one('в ночь на 8-е августа')).toEqual(['2023-08-08', 'night']);
    expect(one('в ночь с 7-го на 8-е августа')).toEqual(['2023-08-08', 'night']);
    expect(one('к вечеру 7-го августа')).toEqual(['2023-08-07', null]);
  });

  it('takes the date beside a weekday for the day', () => {
    expect(one('on Monday, August 7')).toEqual(['2023-08-07', null]);
    expect(one('On Tuesday (August 1) troops fired')).toEqual(['2023-08-01', null]);
    expect(one('в четверг, 3 августа')).toEqual(['2023-08-03', null]);
    expect(one('в среду вечером, 2 августа')).toEqual(['2023-08-02', 'evening']);
    expect(one('7 August (Monday)')).toEqual(['2023-08-07', null]);
    // Two days told apart stay two.
    expect(findTemporal('on Monday and on 9 August', pub, []).dates.map((d) => d.date)).toEqual(['2023-08-07', '2023-08-09']);
  });

  it('reads the small hours, dawn and noon', () => {
    expect(one('in the early hours of Sunday')).toEqual(['2023-08-06', 'night']);
    expect(one('in the small hours of Monday')).toEqual(['2023-08-07', 'night']);
    expect(one('before dawn on 8 August')).toEqual(['2023-08-08', 'night']);
    expect(one('at dawn on 8 August')).toEqual(['2023-08-08', 'morning']);
    expect(one('на рассвете 8 августа')).toEqual(['2023-08-08', 'morning']);
    expect(one('перед рассветом 8 августа')).toEqual(['2023-08-08', 'night']);
    expect(clocks('at noon')).toEqual([[12, 0, null]]);
    expect(clocks('вчера около полудня')).toEqual([[12, 0, null]]);
  });

  it('reads Russian clock times told with their part of day, and Moscow time', () => {
    expect(clocks('сегодня в 5 утра')).toEqual([[5, 0, null]]);
    expect(clocks('около 9 вечера')).toEqual([[21, 0, null]]);
    expect(clocks('в 11 ночи')).toEqual([[23, 0, null]]);
    expect(clocks('в 2 ночи')).toEqual([[2, 0, null]]);
    expect(clocks('вторые 2 ночи подряд')).toEqual([]);
    expect(clocks('в 17:00 (по Москве)')).toEqual([[17, 0, 180]]);
  });

  it('reads slash dates day first, days ago and this morning', () => {
    expect(one('08/08/2023')).toEqual(['2023-08-08', null]);
    expect(one('on 7/8/23')).toEqual(['2023-08-07', null]);
    expect(one('two days ago')).toEqual(['2023-08-08', null]);
    expect(one('3 дня назад')).toEqual(['2023-08-07', null]);
    expect(one('два дня назад')).toEqual(['2023-08-08', null]);
    expect(one('позапрошлой ночью')).toEqual(['2023-08-09', 'night']);
    expect(one('этим утром')).toEqual(['2023-08-10', 'morning']);
    expect(one('этим вечером')).toEqual(['2023-08-10', 'evening']);
  });
});

describe('a clock in another zone near midnight (issue #16)', () => {
  const kg = 'Border Service of the GKNB of the Kyrgyz Republic';
  const first = (text: string) => extract({ id: 't', text, published_at: '2023-08-10T12:00:00+06:00', source_agency: kg }, KG_TJ_PROFILE).events[0];

  it('moves the local day with the clock', () => {
    // 23:30 Moscow time is 02:30 the next day in Bishkek (UTC+6).
    expect(first('On 8 August at 23:30 (Moscow time) Tajik troops shelled Kulundu with mortars.')).toMatchObject({ date: '2023-08-09', time_of_day: '02:30' });
    expect(first('8 августа в 22:15 по московскому времени таджикские военные обстреляли из минометов село Кулунду.')).toMatchObject({ date: '2023-08-09', time_of_day: '01:15' });
    expect(first('On 8 August at 21:00 GMT Tajik troops shelled Kulundu with mortars.')).toMatchObject({ date: '2023-08-09', time_of_day: '03:00' });
    // Within the day, the day stays.
    expect(first('On 8 August at 10:00 (Moscow time) Tajik troops shelled Kulundu with mortars.')).toMatchObject({ date: '2023-08-08', time_of_day: '13:00' });
  });

  it('keeps the UTC window and the local time consistent', () => {
    const t = first('On 8 August at 23:30 (Moscow time) Tajik troops shelled Kulundu with mortars.')?.time;
    expect(t).toMatchObject({ date: '2023-08-09', local: '2023-08-09T02:30:00+06:00', start_utc: '2023-08-08T20:30:00Z' });
  });
});

describe('"the day before" after a told day (issue #16)', () => {
  const kg = 'Border Service of the GKNB of the Kyrgyz Republic';
  const heavy = (text: string) => extract({ id: 't', text, published_at: '2023-08-10', source_agency: kg }, KG_TJ_PROFILE).events.find((e) => e.type === 'heavy_weapons_fire')?.date;

  it('is the day before the narrative day', () => {
    expect(heavy('On 6 August the situation near Kulundu was tense. The day before, Tajik troops shelled Maksat with mortars.')).toBe('2023-08-05');
    expect(heavy('On 6 August the situation near Kulundu was tense. A day earlier, Tajik troops shelled Maksat with mortars.')).toBe('2023-08-05');
    expect(heavy('6 августа обстановка у села Кулунду оставалась напряжённой. Накануне таджикские военные обстреляли из минометов село Максат.')).toBe('2023-08-05');
  });

  it('"the previous night" is the night that ended on the narrative day', () => {
    expect(heavy('On 6 August the situation near Kulundu was tense. The previous night, Tajik troops shelled Maksat with mortars.')).toBe('2023-08-06');
    expect(heavy('On 6 August the situation near Kulundu was tense. The night before, Tajik troops shelled Maksat with mortars.')).toBe('2023-08-06');
    // With no day told: the night that ended on the day of publication.
    expect(heavy('The previous night, Tajik troops shelled Maksat with mortars.')).toBe('2023-08-10');
  });

  it('dates "overnight Tuesday into Wednesday", "Tuesday night into Wednesday" by the day the night ends', () => {
    // 10 August 2023 is a Thursday.
    expect(heavy('Tajik troops shelled Maksat with mortars overnight Tuesday into Wednesday.')).toBe('2023-08-09');
    expect(heavy('Overnight into Wednesday, Tajik troops shelled Maksat with mortars.')).toBe('2023-08-09');
    expect(heavy('Tajik troops shelled Maksat with mortars from Monday night into Tuesday.')).toBe('2023-08-08');
  });

  it('is the day before publication with no day told', () => {
    expect(heavy('Накануне таджикские военные обстреляли из минометов село Максат.')).toBe('2023-08-09');
    expect(heavy('The day before, Tajik troops shelled Maksat with mortars.')).toBe('2023-08-09');
  });
});

describe('a relay dated otherwise than its dateline (issue #16)', () => {
  const heavy = (text: string, published_at: string) => extract({ id: 't', text, published_at, source_agency: 'Exbulletin' }, KG_TJ_PROFILE).events.find((e) => e.type === 'heavy_weapons_fire')?.date;

  it('reads weekdays and "yesterday" from the dateline day', () => {
    // 10 August 2023 is a Thursday; the relay is dated three days later.
    expect(heavy('BISHKEK, August 10 (Reuters) - Tajik troops shelled Kulundu with mortars on Tuesday, the Kyrgyz border service said.', '2023-08-13')).toBe('2023-08-08');
    expect(heavy('BISHKEK, August 10. /TASS/. Yesterday Tajik troops shelled Kulundu with mortars, the Kyrgyz border service said.', '2023-08-12T09:00:00+03:00')).toBe('2023-08-09');
    expect(heavy('БИШКЕК, 10 августа. /ТАСС/. Вчера таджикские военные обстреляли из минометов село Кулунду.', '2023-08-09')).toBe('2023-08-09');
  });

  it('keeps the publication day when the dateline has the same day or none', () => {
    expect(heavy('BISHKEK, August 10 (Reuters) - Tajik troops shelled Kulundu with mortars on Tuesday.', '2023-08-10')).toBe('2023-08-08');
    expect(heavy('Tajik troops shelled Kulundu with mortars on Tuesday, the Kyrgyz border service said.', '2023-08-13')).toBe('2023-08-08');
  });
});

describe('the day of a report (issue #16)', () => {
  it('marks the day a statement was made, not an event day', () => {
    for (const t of ['the ministry said on Monday', 'the spokesman told reporters on Monday', 'пресс-секретарь сообщил журналистам 8 августа', 'ведомство заявило 8 августа'])
      expect(dates(t)[0], t).toMatchObject({ role: 'as_of' });
    expect(dates('troops opened fire on Monday')[0]).toMatchObject({ role: 'event' });
  });

  it('marks a day opening a sentence whose verb is one of speech, or the day of a named statement, as the report day', () => {
    for (const t of [
      'On Tuesday the Ministry of Foreign Affairs of Kyrgyzstan said that two soldiers had been wounded.',
      'On 7 August, Deputy Foreign Minister Ivan Petrov briefed the ambassadors on the situation.',
      'Утром пресс-служба Минздрава заявила, что в больницы доставлены трое раненых.',
      '8 августа МИД Кыргызстана сообщил о ранении пограничника.',
      'В понедельник заместитель министра здравоохранения страны сообщила, что число раненых выросло.',
      'On Wednesday (9 August) Asel Bekova, spokeswoman for the ministry, said the attack was deliberate.',
      'Как говорится в заявлении МИД Таджикистана 8 августа, обстановка остаётся напряжённой.',
      'According to the statement of the Foreign Ministry of 8 August, the situation remains tense.',
    ])
      expect(dates(t)[0], t).toMatchObject({ role: 'report' });
    // An act told with its day, and a night or "the day before" (the narrative's own time words).
    for (const t of [
      'On Tuesday Tajik troops fired at the Kok-Tash post, the ministry said.',
      'On Tuesday, the Tajik side opened fire.',
      'В ночь на вторник Минобороны сообщило, что противник открыл огонь.',
      'The day before, the Health Ministry reported three wounded.',
      '8 августа таджикские военные обстреляли заставу.',
      // A military or border speaker tells the day's incidents.
      'On Tuesday the Defence Ministry said Tajik troops had shelled the post.',
      'Утром Погранслужба сообщила, что таджикская сторона открыла огонь.',
      'On Sunday the IDF said it had struck launch sites in southern Lebanon.',
      'Pakistani troops fired at Indian posts, the army said in a statement on Tuesday.',
    ])
      expect(dates(t)[0], t).toMatchObject({ role: 'event' });
  });

  it('does not date the events a report tells by the day it was made', () => {
    const run = (text: string) =>
      extract({ id: 't', text, published_at: '2023-08-10T15:00:00+06:00', source_agency: 'AKIpress' }, KG_TJ_PROFILE).events.map((e) => [e.type, e.date]);
    expect(run('On Wednesday the Kyrgyz Foreign Ministry said Tajik troops had shelled Kulundu with mortars.')).toEqual([['heavy_weapons_fire', null]]);
    expect(run('9 августа МИД Кыргызстана заявил, что таджикские военные обстреляли из минометов село Кулунду.')).toEqual([['heavy_weapons_fire', null]]);
    expect(run('On 9 August, Deputy Minister Asan Osmonov told the diplomats that Tajik troops had shelled Kulundu with mortars.')).toEqual([['heavy_weapons_fire', null]]);
    // The report's day does not carry to the sentences after it either.
    expect(run('On Wednesday the Kyrgyz Foreign Ministry said it condemned the aggression. Tajik troops shelled Kulundu with mortars.')).toEqual([['heavy_weapons_fire', null]]);
    // A clock time told in the report is of the report's day.
    expect(run('On 8 August the State Committee for National Security said that at 09:30 Tajik troops opened fire at Kok-Tash.')).toEqual([['small_arms_fire', '2023-08-08']]);
    expect(run('8 августа пресс-служба ГКНБ сообщила, что в 09:30 таджикские военные открыли огонь по селу Кок-Таш.')).toEqual([['small_arms_fire', '2023-08-08']]);
    expect(run('On Tuesday the Foreign Ministry said that at about 22:10 Tajik servicemen shelled Maksat with mortars.')).toEqual([['heavy_weapons_fire', '2023-08-08']]);
    // A day the report gives to the act itself still dates it.
    expect(run('On Wednesday the Kyrgyz Foreign Ministry said Tajik troops had shelled Kulundu with mortars on 8 August.')).toEqual([['heavy_weapons_fire', '2023-08-08']]);
  });

  it('dates an agreement by the day it was reported in force', () => {
    const run = (text: string) =>
      extract({ id: 't', text, published_at: '2023-08-10T15:00:00+06:00', source_agency: 'AKIpress' }, KG_TJ_PROFILE).events.map((e) => [e.type, e.date]);
    expect(run('On Wednesday the Kyrgyz border service said that a ceasefire agreed with the Tajik side had taken effect.')).toEqual([['ceasefire_agreement', '2023-08-09']]);
  });
});

describe('a day told after the trigger in a clause of its own', () => {
  const run = (text: string) =>
    extract({ id: 't', text, published_at: '2022-09-18T12:00:00+06:00', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE).events.map((e) => [e.type, e.date]);
  it('dates the act of that clause, not the trigger before it', () => {
    expect(run('Tajik troops kept fortifying the positions they took after they crossed the border near Ak-Sai on 2 September.')).toEqual([
      ['military_buildup', null],
      ['incursion', '2022-09-02'],
    ]);
    expect(run('Стороны договорились о прекращении огня, чтобы остановить конфликт, который возобновился 9 сентября.')).toEqual([['ceasefire_agreement', null]]);
    // The day a ceasefire takes effect is its own.
    expect(run('The sides agreed on a ceasefire that takes effect on 20 September.')).toEqual([['ceasefire_agreement', '2022-09-20']]);
  });
  it('reads a clock restated in another zone after a part of day («в 5:05 утра (1:05 мск)») as the same time, one event', () => {
    const ev = (text: string) => extract({ id: 'c', text, published_at: '2022-09-18T12:00:00+06:00', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE).events.map((e) => [e.type, e.time_of_day]);
    expect(ev('Сегодня примерно в 5:05 утра (1:05 мск) таджикские военные открыли огонь по заставе у села Кулунду.')).toEqual([['small_arms_fire', '05:05']]);
    expect(ev('Сегодня около 7:15 утра (4:15 по московскому времени) таджикские военные обстреляли из минометов село Максат.')).toEqual([['heavy_weapons_fire', '07:15']]);
    expect(ev('Today at about 6:30 a.m. (3:30 Moscow time) Tajik troops fired mortars at Maksat.')).toEqual([['heavy_weapons_fire', '06:30']]);
  });
});

describe('the day of an allegation', () => {
  const run = (text: string) =>
    extract({ id: 't', text, published_at: '2023-08-10T15:00:00+06:00', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE)
      .events.filter((e) => e.type === 'violation_allegation')
      .map((e) => [e.date, e.time_of_day]);

  it('takes the narrative day from a time word of its own clause', () => {
    expect(run('On 8 August the sides agreed on a ceasefire from 18:00. Right after that the Kyrgyz side accused the Tajik side of violating the agreement.')).toEqual([['2023-08-08', null]]);
    expect(run('On 8 August the sides agreed on a ceasefire from 18:00. In the evening the border service reported that Tajik troops had violated the truce.')).toEqual([['2023-08-08', 'evening']]);
    expect(run('8 августа стороны договорились о прекращении огня с 18:00. Вечером погранслужба заявила, что таджикская сторона нарушила перемирие.')).toEqual([['2023-08-08', 'evening']]);
  });

  it('takes no day from the day it was said', () => {
    expect(run('The Tajik side is violating the agreements, the border service said today.')).toEqual([[null, null]]);
  });
});

describe('the day of an episode total', () => {
  const clash = (text: string) =>
    extract({ id: 't', text, published_at: '2023-08-12', source_agency: 'AKIpress' }, KG_TJ_PROFILE).events.filter((e) => e.type === 'armed_clash').map((e) => e.date);

  it('is the day the text says the episode began or escalated', () => {
    expect(clash('The Health Ministry said 41 citizens of Kyrgyzstan were killed and 120 wounded in the armed conflict on the border with Tajikistan. The situation on the border escalated on 9 August.')).toEqual(['2023-08-09']);
    expect(clash('По данным Минздрава, в результате вооружённого конфликта погибли 41 человек, ранены 120. Обстановка на границе обострилась 9 августа.')).toEqual(['2023-08-09']);
    expect(clash('Конфликт на кыргызско-таджикской границе вспыхнул 9 августа. Всего в ходе боестолкновений погибли 41 человек.')).toEqual(['2023-08-09']);
  });

  it('stays undated when the text dates no fighting', () => {
    expect(clash('The Health Ministry said 41 citizens of Kyrgyzstan were killed and 120 wounded in the armed conflict on the border with Tajikistan.')).toEqual([null]);
  });
});
