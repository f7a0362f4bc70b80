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
    // Hyphenated words, what was heard, "no signs of", and a long subject before «не было».
    expect(run('Calm returned to Batken, with no drone incursions or cross-border shelling reported overnight.').events).toEqual([]);
    expect(run('From midnight to the morning no gunfire was heard on the border near Kok-Tash.').events).toEqual([]);
    expect(run('During the night there were no signs of any drone incursions or cross-border firing near Kulundu.').events).toEqual([]);
    expect(run('The night was stable near Kulundu, with no sign of drone activity, gunfire or shelling.').events).toEqual([]);
    expect(run('За истекшие сутки нарушений режима прекращения огня на участке границы в Баткенской области зафиксировано не было.').events).toEqual([]);
  });
  it('does not report unconfirmed or denied claims', () => {
    expect(run('Reports of mortar fire near Katran have not been confirmed by the Border Service.').events).toEqual([]);
    expect(run('Unconfirmed reports say Tajik troops shelled Korgon.').events).toEqual([]);
    expect(run('The ministry did not confirm that a drone struck Jany-Jer.').events).toEqual([]);
    expect(run('Сообщения о якобы обстреле села Катран не соответствуют действительности.').events).toEqual([]);
  });
  it('does not report a claim the statement calls unsubstantiated or unreal', () => {
    const tj = (text: string) => run(text, 'Ministry of Defence of the Republic of Tajikistan').events;
    expect(tj('The statement of the Kyrgyz side that on April 9 Tajik units opened fire at Kyrgyz positions near Vorukh has nothing to do with reality.')).toEqual([]);
    expect(tj('The ministry called unsubstantiated the reports about the shelling of Tajik positions near Vorukh.')).toEqual([]);
    expect(tj('Сообщение о том, что таджикские военные обстреляли заставу у Воруха, не имеет ничего общего с действительностью.')).toEqual([]);
  });
  it('reads no event in what a side is warned against', () => {
    expect(run('In the call the Kyrgyz side warned Tajikistan against unprovoked firing along the border.').events).toEqual([]);
    expect(run('В ходе разговора кыргызская сторона предостерегла Таджикистан от обстрелов приграничных сел.').events).toEqual([]);
    expect(run('Кыргызская сторона предупредила о недопустимости обстрелов приграничных сел.').events).toEqual([]);
  });
  it('does not read violation statistics over a period as an allegation (SCHEMA)', () => {
    expect(run('The Tajik side has committed 900 violations of the ceasefire agreement this year, the Border Service said.').events).toEqual([]);
    expect(run('Нарушения режима прекращения огня таджикской стороной с начала года участились.').events).toEqual([]);
    expect(run('Ceasefire violations by the Tajik side have reached a new high, the Border Service said.').events).toEqual([]);
    // A toll of attacks over a period is a tally, no event.
    expect(run('More than 300 people have been killed in Tajik attacks in Batken since last October.').events).toEqual([]);
    expect(run('По данным пограничников, в 2021 году в результате более чем 300 нарушений режима прекращения огня пострадали жители.').events).toEqual([]);
    expect(run('The Tajik side violated the ceasefire agreement today, the Border Service said.').events.map((e) => e.type)).toEqual(['violation_allegation']);
    // A toll told in the sentence of the statistics is a statistic.
    expect(run('There were 120 such violations until 3 March, and two deaths were recorded until 5 March.').events).toEqual([]);
    expect(run('До 3 марта было зафиксировано 120 таких нарушений, погибли два человека.').events).toEqual([]);
  });
  it('does not code brawls between residents or live-fire exercises (SCHEMA: no event)', () => {
    expect(run('Today clashes between residents of Maksat and Somoniyon broke out over water.').events).toEqual([]);
    expect(run('Сегодня между жителями сел Максат и Сомониён произошло столкновение из-за воды.').events).toEqual([]);
    expect(run('Сегодня на полигоне у Баткена прошли учения с боевой стрельбой.').events).toEqual([]);
    expect(run('Today Tajik troops held military exercises near the border with live firing.').events).toEqual([]);
    // Troops in the clash still make it one.
    expect(run('Today Tajik troops clashed with Kyrgyz border guards near Maksat.').events.map((e) => e.type)).toEqual(['armed_clash']);
  });
  it('does not code what a side may do', () => {
    expect(run('Tajik troops may open fire on Kyrgyz villages at any moment, the governor warned.').events).toEqual([]);
    expect(run('Таджикская сторона в любой момент может начать обстрел сел.').events).toEqual([]);
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
    expect(run('The ministry expects the peacekeepers to end the illegal deployment of Tajik troops near Vorukh.').events).toEqual([]);
  });
  it("does not let the reporting side's restraint cancel or add an event", () => {
    const r = run('On Sunday, October 2, at 14:15, a Tajik unmanned aerial vehicle violated the airspace of the Kyrgyz Republic over the Kyzyl-Bel area of Batken district. Kyrgyz border guards did not return fire.', undefined, '2022-10-03T10:00:00+06:00');
    expect(r.events.map((e) => [e.type, e.locations, e.accused_party])).toEqual([['incursion', ['Kyzyl-Bel', 'Batken district'], 'TJ']]);
    const ru = run('3 октября в 10:20 таджикский беспилотник нарушил воздушное пространство Кыргызской Республики в районе села Ак-Сай. Кыргызские пограничники ответный огонь не открывали.', undefined, '2022-10-03T12:00:00+06:00');
    expect(ru.events.map((e) => e.type)).toEqual(['incursion']);
    const tj = run('3 октября кыргызские военнослужащие обстреляли из минометов позиции у села Лаккон. Таджикские пограничники не поддались на провокацию и огонь не открывали.', 'Border Troops of the GKNB of the Republic of Tajikistan', '2022-10-03T12:00:00+05:00');
    expect(tj.events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    const en = run('On October 3 Kyrgyz servicemen fired from automatic weapons at Tajik border guards near Chorkuh. Tajik border guards did not respond to the provocation.', 'Border Troops of the GKNB of the Republic of Tajikistan', '2022-10-03T12:00:00+05:00');
    expect(en.events.map((e) => e.type)).toEqual(['small_arms_fire']);
    const stala = run('16 сентября таджикский беспилотник нарушил воздушное пространство в районе села Самаркандык. Кыргызская сторона не стала открывать огонь.', undefined, '2022-09-17T10:00:00+06:00');
    expect(stala.events.map((e) => [e.type, e.locations])).toEqual([['incursion', ['Самаркандык']]]);
  });
  // SCHEMA: a drone or aircraft entering the other side's airspace without striking is an incursion.
  it('reads an aircraft over the other side without a strike as an incursion', () => {
    const r = run('On October 3 a Kyrgyz helicopter violated Tajik airspace near Vorukh, the Border Troops of Tajikistan said.', 'Border Troops of the GKNB of the Republic of Tajikistan', '2022-10-03T12:00:00+05:00');
    expect(r.events[0]).toMatchObject({ type: 'incursion', accused_party: 'KG', weapons: ['aircraft'] });
  });
  it('alleges no violation under modality', () => {
    const r = run('The sides agreed on a ceasefire on 11 April. Joint patrols will be set up to prevent possible violations of the ceasefire.');
    expect(r.events.map((e) => e.type)).toEqual(['ceasefire_agreement']);
  });
  it('codes no event for commemorations, court items or a place named as occupied', () => {
    expect(run('Today Kyrgyzstan commemorated the soldiers killed in the fighting at Ak-Sai.').events).toEqual([]);
    expect(run('Сегодня в Баткене почтили память погибших в годовщину боев у села Максат.').events).toEqual([]);
    expect(run('Today a court in Batken sentenced two men for the shooting near Ak-Sai.').events).toEqual([]);
    expect(run('Today Tajik troops shelled the occupied village of Ak-Sai.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(run('Сегодня таджикские военные обстреляли оккупированное село Ак-Сай.').events.map((e) => e.type)).toEqual(['small_arms_fire']);
    // A seizure still is one.
    expect(run('Today Tajik troops occupied a height near Ak-Sai.').events.map((e) => e.type)).toEqual(['incursion']);
  });
  it("ends a demand's or intention's scope where a told attack begins", () => {
    const types = (t: string) => run(t).events.map((e) => e.type);
    expect(types('Today Tajik troops ignored the demands to leave and opened fire at Kyrgyz guards near Ak-Sai.')).toEqual(['small_arms_fire']);
    expect(types('Ignoring the demands to leave Tajik troops opened fire at Kyrgyz guards near Ak-Sai today.')).toEqual(['small_arms_fire']);
    expect(types('Today Tajik guards, who intended to seize the spring, opened fire at Kyrgyz guards near Ak-Sai.')).toEqual(['small_arms_fire']);
    expect(types('Today the Kyrgyz side demanded that the Tajik guards leave, after which they opened fire at Ak-Sai.')).toEqual(['small_arms_fire']);
    // What is only demanded or threatened stays no event.
    expect(types('Today the Kyrgyz side demanded that Tajik troops stop shelling Ak-Sai and withdraw.')).toEqual([]);
    expect(types('Today Tajik troops threatened to open fire at Ak-Sai.')).toEqual([]);
    expect(types('Despite calls to stop the shelling, the situation near Ak-Sai remains tense.')).toEqual([]);
  });
  it('reads a summary word after "after/since" as background, not an event', () => {
    expect(run('The Ak-Sai checkpoint has reopened, two years after armed clashes between the two countries.').events).toEqual([]);
    expect(run('КПП у села Ак-Сай вновь открыт спустя два года после вооруженных столкновений.').events).toEqual([]);
    // Clashes told with a day of their own are news.
    expect(run('The border was closed after clashes broke out today near Ak-Sai.').events.map((e) => e.type)).toEqual(['armed_clash']);
  });
  it('reads fire told as a possibility, a fear, a condition, a threat in the future or a habit as no event', () => {
    const none = (text: string) => expect(run(text).events).toEqual([]);
    none('Shooting could resume at any moment, the expert said.');
    none('Fighting may break out again near Kok-Tash.');
    none('Стрельба может возобновиться в любой момент.');
    none('Residents fear that the shelling will resume.');
    none('Жители опасаются возобновления обстрелов.');
    none('В случае обстрела кыргызская сторона ответит.');
    none('Пограничники откроют огонь на поражение при попытке нарушить границу.');
    none('Кыргызская сторона предупредила, что откроет огонь в случае повторного пересечения границы.');
    none('Exchanges of fire are frequent on this section of the border.');
    none('Перестрелки на этом участке границы происходят регулярно.');
    none('Clashes over water are common in the Fergana Valley.');
    none('The border has seen several deadly clashes in recent years.');
    none('The situation in the conflict zone is calm; sporadic shooting is possible.');
    none('Обстановка спокойная, однако не исключены обстрелы со стороны Таджикистана.');
    none('Возможны перестрелки на отдельных участках границы.');
    // Told as done, they are events.
    expect(run('Today Tajik troops opened fire on the Kok-Tash outpost.').events.map((e) => e.type)).toEqual(['small_arms_fire']);
    expect(run('Сегодня стрельба возобновилась у села Кок-Таш.').events.map((e) => e.type)).toEqual(['small_arms_fire']);
  });
  it('reads a judgement of the episode ("regards the conflict as aggression", «расценивает как агрессию») as no act told', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Today the foreign ministry said it regards the border conflict with Tajikistan as premeditated armed aggression.')).toEqual([]);
    expect(types('Сегодня МИД заявил, что расценивает конфликт на границе как вооруженную агрессию Таджикистана.')).toEqual([]);
    expect(types('Today the ministry said it considers the events on the border an act of aggression.')).toEqual([]);
    // The act told beside its judgement stays.
    expect(types('Today Tajik troops shelled Kulundu. The ministry regards the shelling as a gross violation of the agreements.')).toEqual(['heavy_weapons_fire']);
  });
  it('reads a claim called a lie, a fabrication or fiction as denied', () => {
    const none = (text: string) => expect(run(text).events).toEqual([]);
    none('Заявления кыргызской стороны об обстреле села Кулунду — ложь.');
    none('Сообщения о том, что таджикские военные обстреляли Ак-Сай, — вымысел.');
    none('Reports that Tajik troops shelled Kok-Tash are a fabrication.');
    none('Claims that Tajik troops opened fire near Ak-Sai are lies, the Border Troops said.');
  });
  it('reads intent («намеревались захватить») as no act, its scope closed by a relative clause in Russian as in English', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Таджикская сторона намеревалась захватить водозабор Головной.')).toEqual([]);
    expect(types('Сегодня таджикские пограничники, которые намеревались захватить родник у села Ак-Сай, открыли огонь по кыргызскому наряду.')).toEqual(['small_arms_fire']);
    expect(types('Сегодня таджикские пограничники, которые намерены захватить родник, открыли огонь по наряду у села Ак-Сай.')).toEqual(['small_arms_fire']);
    expect(types('Today Tajik guards, who intended to seize the spring near Ak-Sai, opened fire on a Kyrgyz patrol.')).toEqual(['small_arms_fire']);
  });
  it('reads clashes named after "after" as background even when the clause dates its own act', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Today the presidents discussed the situation on the border after the recent clashes.')).toEqual([]);
    expect(types('Сегодня президенты обсудили ситуацию на границе после недавних столкновений.')).toEqual([]);
    expect(types('Today the border was closed following clashes near Ak-Sai.')).toEqual([]);
    // The episode's own day tells it.
    expect(types('The border was closed after clashes broke out today near Ak-Sai.')).toEqual(['armed_clash']);
  });
  it('reads a count of violations over a period ("15 times this month", «12 раз с начала месяца») as statistics, no allegation', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('The Tajik side has violated the ceasefire 15 times this month.')).toEqual([]);
    expect(types('The Tajik side violated the ceasefire several times along the border this week.')).toEqual([]);
    expect(types('Таджикская сторона 5 раз за неделю нарушила режим прекращения огня.')).toEqual([]);
    // One violation told is an allegation.
    expect(types('Today the Tajik side violated the ceasefire near Ak-Sai.')).toEqual(['violation_allegation']);
  });
});

