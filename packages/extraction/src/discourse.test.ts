/**
 * Discourse: what a statement told earlier (its dateline, a date, a status line, a place) carries
 * to the events told after it (corpus/SCHEMA.md, "Which day").
 */
import { describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';
import { TH_KH_PROFILE } from './profiles/th-kh.ts';

const run = (text: string, published_at = '2023-05-10', source = 'Border Service of the GKNB of the Kyrgyz Republic') =>
  extract({ id: 'd', text, published_at, source_agency: source }, KG_TJ_PROFILE);
const brief = (text: string, published_at?: string) => run(text, published_at).events.map((e) => [e.type, e.date, e.time_of_day, e.locations]);

describe('discourse', () => {
  it('carries no day to an event told of a week ("this week", «на этой неделе»)', () => {
    const days = (text: string) => run(text).events.map((e) => e.date);
    expect(days('On 9 May Tajik troops fired at the Ak-Sai outpost.\nThis week Tajik troops also shelled Maksat with mortars.')).toEqual(['2023-05-09', null]);
    expect(days('9 мая таджикские военные обстреляли заставу Ак-Сай.\nНа этой неделе таджикские военные также обстреляли из минометов село Максат.')).toEqual(['2023-05-09', null]);
  });
  it('carries no day to an event told of a recent period ("over the past month", «в последние дни»)', () => {
    const days = (text: string) => run(text).events.map((e) => e.date);
    expect(days('On 9 May Tajik troops fired at the Ak-Sai outpost.\nOver the past month Tajik troops have also shelled Maksat with mortars.')).toEqual(['2023-05-09', null]);
    expect(days('On 9 May Tajik troops fired at the Ak-Sai outpost.\nIn recent weeks Tajik troops have repeatedly shelled Maksat with mortars.')).toEqual(['2023-05-09', null]);
    expect(days('9 мая таджикские военные обстреляли заставу Ак-Сай.\nВ последние дни таджикские военные также обстреливали из минометов село Максат.')).toEqual(['2023-05-09', null]);
    expect(days('9 мая таджикские военные обстреляли заставу Ак-Сай.\nЗа последний месяц таджикские военные также обстреляли из минометов село Максат.')).toEqual(['2023-05-09', null]);
  });
  it("blames a clash word on the fire told just before it, not on fire told paragraphs earlier", () => {
    const near = run('Today Tajik troops opened fire at Kyrgyz vehicles near Ak-Sai. A shootout between Kyrgyz and Tajik border guards followed near Ak-Sai.');
    expect(near.events.map((e) => [e.type, e.accused_party])).toEqual([['small_arms_fire', 'TJ'], ['armed_clash', 'TJ']]);
    const far = run('Today Tajik troops opened fire at Kyrgyz vehicles near Ak-Sai.\nThe presidents spoke by phone about the incident.\nThey agreed to meet soon in Bishkek.\nClashes broke out along the border near Kulundu over a water dispute.');
    expect(far.events.filter((e) => e.type === 'armed_clash' && e.accused_party === 'TJ')).toEqual([]);
  });
  it("dates a lead's undated attack by the bare fire that restates it with a day", () => {
    const en = run('Tajikistan began heavy shelling with mortars of the Ak-Sai outpost, the Border Service reported.\nAccording to the Border Service, the Tajik side opened fire today at 09.10.');
    expect(en.events.map((e) => [e.type, e.date])).toEqual([['heavy_weapons_fire', '2023-05-10']]);
    const ru = run('Таджикская сторона начала минометный обстрел заставы Ак-Сай, сообщает Погранслужба.\nПо данным Погранслужбы, таджикские военные открыли огонь сегодня в 09:10.');
    expect(ru.events.map((e) => [e.type, e.date])).toEqual([['heavy_weapons_fire', '2023-05-10']]);
    // Fire of its own day at another place is another event.
    const two = run('Tajik troops shelled the Ak-Sai outpost with mortars.\nOn 8 May Tajik servicemen opened fire at Kulundu.');
    expect(two.events.length).toBe(2);
  });
  it('carries a date told earlier to later paragraphs', () => {
    expect(brief('Tension rose on 9 May.\nTajik servicemen fired at the Ak-Sai outpost.')).toEqual([['small_arms_fire', '2023-05-09', null, ['Ak-Sai']]]);
    expect(brief('Бишкек, 09.05.23. /Кабар/. Таджикские военнослужащие открыли огонь по заставе Ак-Сай.')).toEqual([['small_arms_fire', '2023-05-09', null, ['Ак-Сай']]]);
  });
  it("dates the narrative by the page's own date line above the body, not by a scrape date", () => {
    const line = '12.05.2023 10:41\nОбстрел у границы\n\nТаджикские военнослужащие открыли огонь по заставе Ак-Сай.';
    expect(brief(line, '2023-05-12')).toEqual([['small_arms_fire', '2023-05-12', null, ['Ак-Сай']]]);
    expect(brief('2023-5-11 18:02 |\nTajik troops fired at the Ak-Sai outpost.', '2023-05-11')).toEqual([['small_arms_fire', '2023-05-11', null, ['Ak-Sai']]]);
    // The site's header shows the day the page was saved, after publication: no dateline.
    expect(brief('June 3, 2025\nUSD 87.30\n\nTajik troops fired at the Ak-Sai outpost.', '2023-05-11')).toEqual([['small_arms_fire', null, null, ['Ak-Sai']]]);
  });
  it("dates the narrative by an agency's dateline when a third party relays the statement", () => {
    const r = run('МОСКВА, 12 мая — Новости. Таджикские военнослужащие открыли огонь по заставе Ак-Сай.', '2023-05-12', 'Новости Москвы');
    expect(r.events.map((e) => [e.type, e.date])).toEqual([['small_arms_fire', '2023-05-12']]);
  });
  it('dates a night told after the narrative day by the day it ends, up to publication', () => {
    const r = run('Вчера в 17:40 таджикские военные обстреляли из минометов заставу Ак-Сай.\nНочью стороны договорились о прекращении огня.', '2023-05-10');
    expect(r.events.map((e) => [e.type, e.date, e.time_of_day])).toEqual([['heavy_weapons_fire', '2023-05-09', '17:40'], ['ceasefire_agreement', '2023-05-10', 'night']]);
    // A night told on the day of publication stays on it.
    const today = run('Today at 09:10 Tajik troops fired at the Ak-Sai outpost. At night Tajik troops fired at Kok-Tash again.', '2023-05-10');
    expect(today.events.map((e) => e.date)).toEqual(['2023-05-10', '2023-05-10']);
  });
  it('dates what goes on now by the status line, and the narrative after it', () => {
    const r = brief('По состоянию на 10:15 9 мая обстановка напряженная.\nТаджикская сторона продолжает обстреливать кыргызские позиции у села Кок-Таш.');
    expect(r).toEqual([['small_arms_fire', '2023-05-09', '10:15', ['Кок-Таш']]]);
    expect(brief('As of 7:00 on 9 May the situation is tense.\nAt 06:00 Tajik troops opened fire at positions near Kok-Tash.')).toEqual([['small_arms_fire', '2023-05-09', '06:00', ['Kok-Tash']]]);
  });
  it('does not date an agreement or a summary word by the narrative', () => {
    const r = run('On 9 May Tajik troops shelled Ak-Sai with mortars.\nThe presidents agreed to a ceasefire.');
    expect(r.events.map((e) => [e.type, e.date])).toEqual([['heavy_weapons_fire', '2023-05-09'], ['ceasefire_agreement', null]]);
  });
  it('places an event placed nowhere in its clause where the sentence before is', () => {
    expect(brief('On 9 May a Kyrgyz patrol near Ak-Sai came across Tajik guards. The Tajik guards opened fire.')).toEqual([['small_arms_fire', '2023-05-09', null, ['Ak-Sai']]]);
  });
  it('joins an undated mention to the dated one of its type and place', () => {
    const r = run('A Kyrgyz guard was detained during a shootout in the area of the Kyzyl-Bel pass.\nThe shootout happened on 9 May at about 17:00.');
    expect(r.events.map((e) => [e.type, e.date, e.time_of_day])).toEqual([['armed_clash', '2023-05-09', '17:00']]);
  });
  it('reads no events in the page around the body (clock, currency quotes, menus, rubrics, other news)', () => {
    const page = '19:52\nUSD 86.50\nEUR 90.34\n\nВторжение в Кыргызстан. Перестрелка на границе\n\nГрафик работы КПП\n\nСегодня в 7:15 таджикские военнослужащие обстреляли из минометов заставу Самаркандек.';
    expect(brief(page).map(([type]) => type)).toEqual(['heavy_weapons_fire']);
    // A post whose every line lacks a full stop keeps its body: only the first line is a title.
    expect(brief('Обстрел заставы\nСегодня в 7:15 таджикские военнослужащие обстреляли из минометов заставу Самаркандек').map(([type]) => type)).toEqual(['heavy_weapons_fire']);
  });
  it('reads no events in the page after the body (read also, related news, tags)', () => {
    const body = 'Сегодня в 10:00 таджикские военные открыли огонь по заставе Достук из автоматов.';
    expect(brief(body + '\nЧитайте также: Таджикские военные обстреляли Максат из минометов').map(([type]) => type)).toEqual(['small_arms_fire']);
    expect(brief(body + '\nПо теме\nТаджикские военные обстреляли Максат из минометов\nВ Баткене прошли учения').map(([type]) => type)).toEqual(['small_arms_fire']);
    expect(brief('Today at 10:00 Tajik troops opened fire on the Dostuk outpost from machine guns.\nRelated news\nTajik troops shelled Maksat with mortars\nKyrgyz drone struck Vorukh').map(([type]) => type)).toEqual(['small_arms_fire']);
  });
});

describe('a site named again by its head noun', () => {
  it('is the site named before with that noun ("the temple")', () => {
    const text =
      'On July 24 Cambodian troops opened fire near Prasat Ko Krabei Temple, the Royal Thai Army said.\n\nRockets later hit a market in Kap Choeng District.\n\nA Cambodian drone was also seen flying over the temple.';
    const r = extract({ id: 't', text, published_at: '2025-07-24T12:00:00+07:00', source_agency: 'Royal Thai Army' }, TH_KH_PROFILE);
    const drone = r.events.find((e) => e.type === 'incursion');
    expect(drone?.locations).toEqual(['Prasat Ko Krabei Temple']);
  });
});

describe('a build-up placed on the border', () => {
  it('does not take the village the sentence before named', () => {
    const e = brief('On 9 May shells fell in the centre of Ak-Sai. Tajik forces moved armoured vehicles to the border.').filter((x) => x[0] === 'military_buildup');
    expect(e.map((x) => x[3])).toEqual([[]]);
    const ru = brief('9 мая снаряды упали в центре Ак-Сая. Таджикская сторона перебросила к границе бронетехнику.').filter((x) => x[0] === 'military_buildup');
    expect(ru.map((x) => x[3])).toEqual([[]]);
  });
  it('reads a paragraph retelling how the episode began ("The situation escalated on …") on an earlier day as background', () => {
    const ev = (text: string) => run(text, '2022-09-18').events.map((e) => [e.type, e.date, e.wounded]);
    expect(ev('Today at 06:00 Tajik troops opened fire on the Kyrgyz post near Ak-Sai.\nThe situation on the Kyrgyz-Tajik border escalated on September 14. Tajik guards then opened fire near Kulundu, and two servicemen were wounded.')).toEqual([['small_arms_fire', '2022-09-18', null]]);
    expect(ev('Сегодня утром таджикская сторона обстреляла заставу у села Кок-Таш.\nОбстановка на кыргызско-таджикской границе обострилась 14 сентября. Тогда таджикские военные открыли огонь у села Максат.')).toEqual([['small_arms_fire', '2022-09-18', null]]);
    expect(ev('Yesterday Tajik mortars hit Maksat.\nThe tension along the border flared up on September 15, when Tajik units shelled Kulundu.')).toEqual([['heavy_weapons_fire', '2022-09-17', null]]);
    // With nothing told before it, or of the statement's own day, it tells the events.
    expect(ev('The situation on the border escalated on September 14, when Tajik troops opened fire near Kulundu.')).toEqual([['small_arms_fire', '2022-09-14', null]]);
    expect(ev('Today Tajik troops shelled Kulundu.\nThe situation on the border escalated again last night, when Tajik troops opened fire near Maksat.').map(([t]) => t)).toEqual(['heavy_weapons_fire', 'small_arms_fire']);
  });
});

