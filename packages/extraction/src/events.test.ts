import { describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';

const run = (text: string, source = 'Border Service of the GKNB of the Kyrgyz Republic', published_at = '2022-09-18T10:00:00+06:00') =>
  extract({ id: 't', text, published_at, source_agency: source }, KG_TJ_PROFILE);

describe('events', () => {
  it('reads fire a side initiated or started as fire, with its day', () => {
    const r = run('During the night of 16-17 September, Tajik troops initiated unprovoked small-arms fire at Kyrgyz posts near Kulundu.');
    expect(r.events.map((e) => [e.type, e.date, e.accused_party])).toEqual([['small_arms_fire', '2022-09-17', 'TJ']]);
    expect(run('Yesterday Tajik units started heavy fire on the Kyrgyz outpost at Maksat.').events.map((e) => e.accused_party)).toEqual(['TJ']);
    expect(run('Yesterday the sides agreed to a ceasefire, initiated by the CSTO.').events.map((e) => e.type)).toEqual(['ceasefire_agreement']);
  });
  it('types an attack by its heaviest weapon', () => {
    expect(run('Today Tajik units fired at Kulundu from machine guns and mortars.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(run('Today a Tajik UAV struck a border post near Katran.').events.map((e) => e.type)).toEqual(['air_or_drone_strike']);
    expect(run('Today Tajik missiles struck Maksat.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(run('Сегодня таджикские пограничники открыли огонь из стрелкового оружия по заставе у села Эки-Таш.').events.map((e) => e.type)).toEqual(['small_arms_fire']);
  });
  it('types fire with drones listed among the guns as a bombardment, drones striking on their own as a strike', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Today Tajik units opened intense fire with artillery, mortars and drones at Kyrgyz positions near Kulundu.')).toEqual(['heavy_weapons_fire']);
    expect(run('Сегодня таджикские подразделения открыли огонь из минометов и беспилотников по позициям у села Кулунду.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(types('Today a Tajik drone struck a border post near Kulundu after mortars fired at it.')).toContain('air_or_drone_strike');
  });
  it('reads no incursion in an invasion named as a cause, prisoners taken, an infiltration bid or an occupied-territory name', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Сегодня в Баткен вернулись 5 тысяч жителей, которых ранее эвакуировали из-за вторжения Таджикистана.')).not.toContain('incursion');
    expect(types('Today the sides committed to treating captured soldiers properly under humanitarian law.')).not.toContain('incursion');
    expect(types('Troops are on high alert to foil any infiltration bid from Tajik-occupied areas near Vorukh.')).not.toContain('incursion');
    // An invasion told as the act still is one.
    expect(types('Today Tajik troops invaded Kyrgyz territory near Kok-Tash.')).toContain('incursion');
  });
  it('reads a violation the reporter seems to charge itself with as the specific event told', () => {
    const r = run('Today Tajik troops fired mortars at Kok-Tash. Kyrgyzstan summoned the Tajik ambassador over the ceasefire violation.');
    expect(r.events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
  });
  it('reads neither a terrorist attack nor the reporting side\'s return strike as an event', () => {
    expect(run('The renewed ceasefire violations along the border follow the September 2 terror attack in Batken that claimed 26 lives and raised tensions.').events.map((e) => e.type)).toEqual(['violation_allegation']);
    expect(run('Сегодня кыргызская армия наносит ответный удар по позициям у Воруха.').events).toEqual([]);
  });
  it('reads no event in a place described by its past fighting', () => {
    expect(run('The minister is visiting villages on the border where clashes took place, and meets residents.').events).toEqual([]);
    // Dated in its clause, it is told.
    expect(run('The minister visited Kok-Tash, where clashes took place on 14 September.').events.map((e) => e.type)).toEqual(['armed_clash']);
  });
  it('reads what the sides accuse each other of as mutual blame, not an attack that types the clash', () => {
    const ev = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(ev('Fighting broke out near Kulundu this morning, with each side accusing the other of shelling border posts.')).toEqual([['armed_clash', null]]);
    expect(ev('This morning fighting went on at the border near Ak-Sai. The sides blame each other for the use of mortars and tanks.')).toEqual([['armed_clash', null]]);
    expect(ev('Сегодня утром у села Кулунду шли бои между пограничниками. Стороны обвиняют друг друга в применении артиллерии.')).toEqual([['armed_clash', null]]);
    expect(ev('Сегодня у села Ак-Сай начались столкновения; каждая из сторон обвиняет другую в обстреле застав.')).toEqual([['armed_clash', null]]);
    // One side's charge against the other is an attack told.
    expect(ev('Today the Kyrgyz side accused Tajik troops of shelling Kulundu with mortars.').map(([t]) => t)).toEqual(['heavy_weapons_fire']);
  });
  it('reads a clash word far after one side\'s fire, with no toll or time of its own, as a summary of that fire', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(
      types(
        'Today Tajik border guards opened fire on a Kyrgyz post near Kulundu. The Kyrgyz side responded in a measured way. Talks between the border chiefs are planned for next week. The renewed fighting endangers years of work to keep the border calm.',
      ),
    ).toEqual(['small_arms_fire']);
    // Told in the next sentence, the shootout is an episode of its own beside the shot.
    expect(types('Today Tajik border guards opened fire on a Kyrgyz post near Kulundu. Then a short shootout took place between the posts.')).toEqual(['small_arms_fire', 'armed_clash']);
  });
  it('reads no incursion in a denied crossing, a side blocking incursions, a cross-border kind or a penetrating wound', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('The spokesman said Kyrgyz troops did not invade anywhere; they were blocking incursions near Ak-Sai.')).toEqual([]);
    expect(types('Официальный представитель заявил, что кыргызские военные никуда не вторгались.')).toEqual([]);
    expect(types('Bishkek voiced concern over support for cross border smuggling of arms near Vorukh.')).not.toContain('incursion');
    expect(types('Today unknown persons fired from the Tajik side near Kulundu; a Kyrgyz border guard received a penetrating wound to the arm.')).toEqual(['small_arms_fire']);
    // The crossing told stays an incursion.
    expect(types('Today Tajik troops crossed the border near Kok-Tash.')).toContain('incursion');
  });
  it('reads fire «из всех видов оружия» as fire with no weapon class, all kinds of heavy arms as heavy', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Сегодня таджикские военные обстреляли заставу у села Кулунду из всех видов оружия.')).toEqual(['small_arms_fire']);
    expect(types('Сегодня таджикские военные обстреляли село Кулунду из всех видов тяжелого вооружения.')).toEqual(['heavy_weapons_fire']);
    expect(types('Сегодня таджикские военные обстреляли село Кулунду из всех видов вооружения и военной техники.')).toEqual(['heavy_weapons_fire']);
  });
  it('reads «перестреливаться» as an exchange, and an exchange in the lead before the side\'s fire as its summary', () => {
    const ev = (text: string, at = '2022-09-18T10:00:00+06:00') => run(text, undefined, at).events.map((e) => [e.type, e.accused_party]);
    expect(ev('Сегодня пограничники двух стран начали перестреливаться у села Кулунду.')).toEqual([['armed_clash', null]]);
    expect(
      ev(
        'Как сообщила Пограничная служба, в среду пограничники Кыргызстана и Таджикистана перестреливались еще на одном участке границы двух стран.\n«Сегодня в местности Ак-Сай Баткенского района пограничники Таджикистана обстреляли пограничников заставы. Кыргызские пограничники ответили огнем», — говорится в сообщении.',
        '2022-09-14T18:00:00+06:00',
      ),
    ).toEqual([['small_arms_fire', 'TJ']]);
    // Told after the fire with a time of its own, the shootout stays an episode of its own.
    expect(ev('Today at 10:00 Tajik border guards opened fire on a Kyrgyz post near Ak-Sai. Then at 11:40 a short shootout took place between the posts.').map(([t]) => t)).toEqual(['small_arms_fire', 'armed_clash']);
  });
  it('reads aircraft used after their strikes were told as the strikes\' weapons, not a flight of their own', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Today Tajik warplanes struck Kyrgyz positions near Kulundu. The Tajik side used attack helicopters deployed at a base in Isfara.')).toEqual(['air_or_drone_strike']);
    // With no strike told, drones used over the other side fly over it (SCHEMA: incursion).
    expect(types('Today the Tajik side used drones over Kulundu.')).toEqual(['incursion']);
  });
  it('reads strikes by fighter jets as air strikes', () => {
    expect(run('Today a Tajik F-16 fighter jet carried out strikes on targets near Kulundu.').events.map((e) => e.type)).toEqual(['air_or_drone_strike']);
    expect(run('Сегодня таджикский истребитель наносил удары по целям у села Кулунду.').events.map((e) => e.type)).toEqual(['air_or_drone_strike']);
  });
  it('keeps houses burned by the shells that hit them part of the shelling (SCHEMA), burned in an attack arson', () => {
    const types = (text: string) => run(text).events.map((e) => e.type).sort();
    expect(types('Today Tajik artillery shelled Kulundu. Houses in Kulundu were burned down after rockets hit them.')).toEqual(['heavy_weapons_fire']);
    expect(types('Today Tajik artillery shelled Kulundu. A house in Kulundu was torched due to shelling by the Tajik side.')).toEqual(['heavy_weapons_fire']);
    expect(types('Today houses in Kulundu were burned as a result of the attack by Tajik servicemen.')).toContain('property_destruction');
  });
  it('reads heavy (military) equipment used in an attack as heavy weapons fire', () => {
    const tj = (text: string) => run(text, 'Ministry of Foreign Affairs of the Republic of Tajikistan', '2022-09-16T13:00:00+05:00').events;
    expect(tj('On the morning of September 16, Kyrgyz armed forces, using heavy military equipment, attacked the Tajik villages of Chorkuh and Surkh.')[0]).toMatchObject({ type: 'heavy_weapons_fire', weapons: ['heavy military equipment'], locations: ['Chorkuh', 'Surkh'] });
    expect(tj('16 сентября кыргызские военнослужащие с применением тяжелой военной техники атаковали село Чоркух.')[0]).toMatchObject({ type: 'heavy_weapons_fire', weapons: ['heavy military equipment'] });
    expect(tj('16 сентября кыргызская сторона обстреляла село Сурх из тяжелой техники.')[0]).toMatchObject({ type: 'heavy_weapons_fire', weapons: ['heavy military equipment'] });
    expect(run('Today Tajik armoured vehicles fired at Kok-Tash.').events[0]).toMatchObject({ type: 'heavy_weapons_fire', weapons: ['armoured vehicle'] });
  });
  it('keeps heavy equipment merely moved a build-up', () => {
    expect(run('Today Tajik troops moved heavy military equipment to the border near Vorukh.').events.map((e) => e.type)).toEqual(['military_buildup']);
    expect(run('Сегодня таджикская сторона перебросила тяжелую технику к границе в районе Воруха.', 'Пограничная служба ГКНБ Кыргызской Республики').events.map((e) => e.type)).toEqual(['military_buildup']);
  });
  it('keeps incursions, build-ups and deliberate destruction apart from the attack', () => {
    const r = run('Yesterday Tajik servicemen crossed the border near Jany-Jer, set fire to two houses and opened fire from automatic weapons at the residents.');
    expect(r.events.map((e) => e.type).sort()).toEqual(['incursion', 'property_destruction', 'small_arms_fire']);
  });
  it('keeps damage from fire part of the fire event (SCHEMA), arson an event of its own', () => {
    expect(run('Today Tajik units shelled Maksat with mortars; three houses were destroyed.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(run('По данным МЧС, в селах Баткенского района разрушено и повреждено 78 домов.').events).toEqual([]);
    expect(run('He noted that housing was destroyed as a result of the conflict in Batken region.').events).toEqual([]);
    expect(run('Today Tajik units shelled Maksat with mortars and then set fire to two houses.').events.map((e) => e.type).sort()).toEqual(['heavy_weapons_fire', 'property_destruction']);
    expect(run('Today Tajik servicemen destroyed a fence near Maksat.').events.map((e) => e.type)).toEqual(['property_destruction']);
  });
  it('reads the end of fire as the close of the event told, not an event of its own', () => {
    expect(run('Сегодня в 7:50 таджикская сторона открыла огонь из минометов по заставе Достук. В 8:10 перестрелка прекратилась.', 'Пограничная служба ГКНБ Кыргызской Республики').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(run('Today at 0:30 the fighting stopped near Maksat.').events).toEqual([]);
    expect(run('The Kyrgyz side strictly kept to the agreement and stopped firing along the border.').events).toEqual([]);
    expect(run('Today at 21:30 Tajik troops opened fire on Kyrgyz positions near Maksat with small arms; the clash went on until 22:00.').events.map((e) => e.type)).toEqual(['small_arms_fire']);
  });
  it('reads taking over and penetrating as incursions, trenches as a build-up, a withdrawal or own defence as neither', () => {
    expect(run('Today Tajik soldiers have taken over the school in Dostuk village.').events.map((e) => e.type)).toEqual(['incursion']);
    expect(run('Сегодня группа таджикских военнослужащих проникла на территорию Кыргызстана у села Максат.', 'Пограничная служба ГКНБ Кыргызской Республики').events.map((e) => e.type)).toEqual(['incursion']);
    expect(run('Today Tajik troops were digging trenches near the border at Kok-Tash.').events.map((e) => e.type)).toEqual(['military_buildup']);
    expect(run('Сегодня таджикские военные рыли окопы у границы возле Кок-Таша.', 'Пограничная служба ГКНБ Кыргызской Республики').events.map((e) => e.type)).toEqual(['military_buildup']);
    expect(run('Additional forces and weapons are being pulled back from the border under the agreements.').events).toEqual([]);
    expect(run('Police are reinforcing checkpoints and border areas.').events).toEqual([]);
  });
  it('reads "firing points" as a place and the reporting side\'s answer as part of the event it answers', () => {
    expect(run('The Kyrgyz army takes local retaliatory measures only against firing points.').events).toEqual([]);
    expect(run('Today Tajik units fired at Maksat from machine guns; our border guards answered by opening fire.').events.map((e) => [e.type, e.accused_party])).toEqual([['small_arms_fire', 'TJ']]);
  });
  it('does not read taking up combat positions as an incursion', () => {
    expect(run('Сегодня пограничники обеих сторон сразу заняли боевые позиции у села Максат.', 'Пограничная служба ГКНБ Кыргызской Республики').events).toEqual([]);
    expect(run('Сегодня таджикские военнослужащие заняли школу в селе Достук.', 'Пограничная служба ГКНБ Кыргызской Республики').events.map((e) => e.type)).toEqual(['incursion']);
  });
  it('keeps an allegation only where no specific event of the same side tells what it alleges', () => {
    const types = (text: string) => run(text).events.map((e) => e.type).sort();
    expect(types('Today Tajik units shelled Maksat with mortars. The Tajik side thus grossly violated the ceasefire agreement.')).toEqual(['heavy_weapons_fire']);
    expect(types('Today Tajik units shelled Maksat with mortars.\nThe presidents agreed on a ceasefire. But the Tajik side violated the ceasefire agreement again.')).toEqual(['ceasefire_agreement', 'heavy_weapons_fire', 'violation_allegation']);
  });
  it('reads nominal and other forms of an incursion', () => {
    expect(run('Today the Kyrgyz MFA protested over the deliberate entry of Tajik servicemen and machinery into Kyrgyz territory near Maksat.').events.map((e) => e.type)).toEqual(['incursion']);
    expect(run('Today Tajik units have advanced their positions near Kok-Tash.').events.map((e) => e.type)).toEqual(['incursion']);
    expect(run('Today a Tajik drone was circling over Maksat.').events.map((e) => e.type)).toEqual(['incursion']);
    expect(run('Сегодня зафиксирован заход таджикских военнослужащих на территорию Кыргызстана у села Максат.', 'Пограничная служба ГКНБ Кыргызской Республики').events.map((e) => e.type)).toEqual(['incursion']);
  });
  it('reads fortified positions, forces placed and equipment spotted near the line as a build-up', () => {
    const tj = (text: string) => run(text, 'Пресс-центр Пограничных войск ГКНБ Республики Таджикистан').events.map((e) => [e.type, e.accused_party]);
    expect(tj('Сегодня отмечается размещение на границе дополнительных сил и средств вооруженных сил Кыргызстана и укрепление боевых позиций.')).toEqual([['military_buildup', 'KG']]);
    expect(tj('Сегодня вблизи заставы «Сархадчи» замечена замаскированная тяжелая военная техника Вооруженных Сил Кыргызстана.')).toEqual([['military_buildup', 'KG']]);
    expect(run('Today Tajik forces kept fortifying the positions they took near Kok-Tash.').events.map((e) => e.type)).toEqual(['military_buildup']);
  });
  it('reads incursions and build-ups in any voice and order, in both languages', () => {
    const kg = 'Пограничная служба ГКНБ Кыргызской Республики';
    const incursions = [
      ['Сегодня таджикские военнослужащие нарушили государственную границу у села Максат.', kg],
      ['Сегодня таджикские военные перешли границу у села Максат.', kg],
      ['Сегодня таджикские военнослужащие выставили блокпост на кыргызской территории.', kg],
      ['Сегодня таджикский беспилотник залетел на территорию Кыргызстана.', kg],
      ['Today Tajik troops set up a post on Kyrgyz territory near Maksat.', undefined],
      ['Today Tajik troops moved into Kyrgyz territory near Maksat.', undefined],
      ['Today Tajik soldiers crossed over to the Kyrgyz side near Maksat.', undefined],
      ['Today a Tajik drone flew into Kyrgyz territory near Maksat.', undefined],
    ] as const;
    for (const [text, source] of incursions) expect(run(text, source).events.map((e) => e.type), text).toEqual(['incursion']);
    const buildups = [
      'Сегодня таджикская сторона развернула дополнительные подразделения у границы.',
      'Сегодня таджикская сторона выдвинула бронетехнику к границе.',
      'Сегодня к границе были переброшены дополнительные силы таджикской стороны.',
    ];
    for (const text of buildups) expect(run(text, kg).events.map((e) => e.type), text).toEqual(['military_buildup']);
    // Own ground and a shell are no incursion.
    expect(run('Today Kyrgyz border guards set up a new post on their own territory near Maksat.').events).toEqual([]);
    expect(run('Сегодня пострадавшие переброшены в больницу Баткена.', kg).events).toEqual([]);
  });
  it('reads other conflicts\' forms: advancing into territory, reinforced positions, houses blown up, shots never fired', () => {
    const am = (text: string) => extract({ id: 't', text, published_at: '2022-09-18T10:00:00+04:00', source_agency: 'Ministry of Defense of Armenia' }).events.map((e) => [e.type, e.accused_party]);
    expect(am('Today Azerbaijani troops advanced 1 km into Armenian territory near Jermuk.')).toEqual([['incursion', 'AZ']]);
    expect(am('Today Azerbaijani forces reinforced their positions with heavy weapons along the border.')).toEqual([['military_buildup', 'AZ']]);
    expect(am('The Armenian side has not fired a single shot, the ministry said.')).toEqual([]);
    const lb = (text: string) => extract({ id: 't', text, published_at: '2024-12-02T10:00:00+02:00', source_agency: 'Lebanese Army' }).events.map((e) => e.type);
    expect(lb('Today Israeli forces blew up several houses in Kfar Kila.')).toEqual(['property_destruction']);
    expect(run('Сегодня у заставы Достук взорвался снаряд, выпущенный таджикской стороной из миномета.', 'Пограничная служба ГКНБ Кыргызской Республики').events.map((e) => e.type)).not.toContain('property_destruction');
  });
  it('splits events by day and place when the text does', () => {
    const r = run('Tajik forces shelled Arka on 16 September and Maksat on 17 September with mortars.');
    expect(r.events.map((e) => [e.date, e.locations])).toEqual([
      ['2022-09-16', ['Arka']],
      ['2022-09-17', ['Maksat']],
    ]);
    const ru = run('16 сентября таджикская сторона обстреляла село Арка, а 17 сентября — село Максат.', 'Пограничная служба ГКНБ Кыргызской Республики');
    expect(ru.events.map((e) => [e.date, e.locations])).toEqual([
      ['2022-09-16', ['Арка']],
      ['2022-09-17', ['Максат']],
    ]);
  });
  it('folds an anaphoric mention into the event it refers to', () => {
    const r = run('At 09:15 Tajik units shelled Ak-Sai with mortars. As a result of the shelling, three houses were damaged.');
    expect(r.events).toHaveLength(1);
  });
  it('does not code return fire, a ceasefire word or background long past', () => {
    expect(run('Kyrgyz border guards returned fire.').events).toEqual([]);
    expect(run('The sides confirmed the ceasefire regime.').events).toEqual([]);
    expect(run('A new school replaced the one burned during the events of April 2021.').events).toEqual([]);
  });
  it('carries the ACLED and CAMEO codes of its type', () => {
    const [e] = run('Today Tajik artillery shelled Batken.').events;
    expect(e).toMatchObject({ acled_event_type: 'Explosions/Remote violence', acled_sub_event_type: 'Shelling/artillery/missile attack', cameo_code: '194' });
    expect(e?.places[0]).toMatchObject({ id: 'kg.batken.batken_city', country: 'KG', admin: ['kg.batken'], lat: 40.063 });
  });
  it('finds triggers in any order and voice, and past a modal word of another phrase', () => {
    const ovs = run('10 августа государственную границу незаконно пересекли трое таджикских военнослужащих у села Кок-Таш.');
    expect(ovs.events.map((e) => [e.type, e.date, e.accused_party])).toEqual([['incursion', '2022-08-10', 'TJ']]);
    const modal = run('Ignoring the demands of the truce, Tajik forces opened fire today at 11:50 with Grad launchers at houses in Maksat.');
    expect(modal.events.map((e) => [e.type, e.time_of_day, e.accused_party])).toEqual([['heavy_weapons_fire', '11:50', 'TJ']]);
    // Within its own phrase a modal word still silences.
    expect(run('The Kyrgyz side demands that the Tajik side stop shelling the border villages.').events).toEqual([]);
  });
  it('types events by the conventions', () => {
    const mutual = run('Today Kyrgyz and Tajik border guards fired at each other near Kulundu.');
    expect(mutual.events.map((e) => [e.type, e.accused_party])).toEqual([['armed_clash', null]]);
    expect(run('Сегодня у села Максат произошла перестрелка.').events.map((e) => e.type)).toEqual(['armed_clash']);
    // «обстрел» with no weapon named is fire; English "shelling" is heavy.
    expect(run('Сегодня таджикские военные обстреляли село Ак-Сай.').events.map((e) => e.type)).toEqual(['small_arms_fire']);
    expect(run('Today Tajik troops shelled Ak-Sai.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    // A drone over the other side without striking is an incursion.
    expect(run('Today a Tajik drone flew over Batken district.').events.map((e) => e.type)).toEqual(['incursion']);
    expect(run('Сегодня таджикская сторона применила беспилотники для разведки над селом Кок-Таш.').events.map((e) => e.type)).toEqual(['incursion']);
  });
  it('tells one attack per clock time of a clause', () => {
    const r = run('On 16 September Tajik troops fired mortars at Ak-Sai at 17:20 and again at 18:10.');
    expect(r.events.map((e) => [e.type, e.time_of_day])).toEqual([['heavy_weapons_fire', '17:20'], ['heavy_weapons_fire', '18:10']]);
  });
  it('keeps agreements of one day reached at other clock times apart', () => {
    const r = run('At 09:30 the sides reached an agreement on a ceasefire. Tajik troops shelled Ak-Sai with mortars at 12:10. At 16:00 the sides reached a new agreement on a ceasefire.', 'AKIpress');
    expect(r.events.filter((e) => e.type === 'ceasefire_agreement').map((e) => e.time_of_day)).toEqual(['09:30', '16:00']);
  });
  it('times an attack told after a clock with a.m. or p.m. in the same sentence', () => {
    const r = run('Today at 6.40 a.m. Tajik servicemen opened fire on the Ak-Sai outpost.');
    expect(r.events.map((e) => [e.type, e.date, e.time_of_day])).toEqual([['small_arms_fire', '2022-09-18', '06:40']]);
  });
  it('tells a firing with its own clock time as an event of its own, whoever fired', () => {
    const r = run('On 17 September at 08:30 they began firing at the Ak-Sai outpost, and at 08:50 Tajik troops shelled the Ak-Sai outpost with mortars.');
    expect(r.events.map((e) => [e.type, e.time_of_day])).toEqual([['small_arms_fire', '08:30'], ['heavy_weapons_fire', '08:50']]);
  });
  it('keeps an attack that goes on since a clock time part of the episode told before', () => {
    const r = run('Today Tajik troops keep shelling Kyrgyz territory with artillery.\nSince 15:00 the enemy has continued firing at the Ak-Sai outpost.', 'Border Service of the GKNB of the Kyrgyz Republic', '2022-09-18T18:00:00+06:00');
    expect(r.events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
  });
  it('keeps a mention told at another time of the same day apart from the attack', () => {
    const r = run('At 21:40 Tajik servicemen began shelling the Ak-Sai outpost with mortars.\nLarge-scale clashes broke out on Friday morning.', 'Border Service of the GKNB of the Kyrgyz Republic', '2022-09-16T23:00:00+06:00');
    expect(r.events.map((e) => [e.type, e.date, e.time_of_day])).toEqual([
      ['heavy_weapons_fire', '2022-09-16', '21:40'],
      ['armed_clash', '2022-09-16', 'morning'],
    ]);
  });
  it('codes no event for agreement wording, return or warning fire', () => {
    expect(run('The two sides agreed to cease firing from midnight.').is_violation_report).toBe(false);
    const r = run('Today Tajik servicemen fired at a Kyrgyz patrol near Kulundu. Kyrgyz border guards fired a return shot and then fired warning shots into the air.');
    expect(r.events.map((e) => [e.type, e.accused_party])).toEqual([['small_arms_fire', 'TJ']]);
  });
  it('keeps a background paragraph that repeats an earlier episode out', () => {
    const r = run('Today Tajik servicemen fired at a Kyrgyz patrol near Kulundu.\nRecall that on 14 September Tajik troops shelled Ak-Sai with mortars.');
    expect(r.events.map((e) => e.type)).toEqual(['small_arms_fire']);
    // With no event told before it, the recalled episode is the news.
    const only = run('The situation is calm.\nRecall that on 14 September Tajik troops shelled Ak-Sai with mortars.');
    expect(only.events.map((e) => [e.type, e.date])).toEqual([['heavy_weapons_fire', '2022-09-14']]);
  });
  it('keeps one agreement per day told', () => {
    const r = run('On 16 September the sides agreed on a ceasefire. On 19 September the presidents agreed on a complete ceasefire and the withdrawal of forces.', 'AKIpress', '2022-09-20T10:00:00+06:00');
    expect(r.events.filter((e) => e.type === 'ceasefire_agreement').map((e) => e.date)).toEqual(['2022-09-16', '2022-09-19']);
    const one = run('On 19 September the sides agreed on a ceasefire. The ceasefire agreed by the sides holds.', 'AKIpress', '2022-09-20T10:00:00+06:00');
    expect(one.events.filter((e) => e.type === 'ceasefire_agreement').length).toBe(1);
  });
  it('reads passive build-ups and times a ceasefire by when it takes effect', () => {
    const b = run('Today additional Tajik forces and military equipment are being moved to the border areas of Batken region.');
    expect(b.events.map((e) => [e.type, e.accused_party])).toEqual([['military_buildup', 'TJ']]);
    // A relative clause about units brought earlier is no new build-up.
    expect(run('The Tajik side has not returned the units that were brought to the border on 16 September.').events.map((e) => e.type)).not.toContain('military_buildup');
    const a = run('On 16 September the heads of the border services agreed on a ceasefire from 13.00 Moscow time.', 'AKIpress', '2022-09-16T20:00:00+06:00');
    expect(a.events[0]).toMatchObject({ type: 'ceasefire_agreement', date: '2022-09-16', time_of_day: '16:00' });
  });
  it('reads every tense of weapon use and a fired shell as an attack of that weapon', () => {
    expect(run('Сегодня таджикская сторона применяет минометы и гранатометы у села Эки-Таш.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(run('Today Tajik units employed mortars against the Kyrgyz outpost near Ak-Sai.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(run('Сегодня в дом у села Максат попал снаряд, выпущенный с таджикской стороны.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(run('Сегодня таджикские военные обстреляли заставу Кок-Таш из тяжелого орудия.').events[0]).toMatchObject({ type: 'heavy_weapons_fire', weapons: ['artillery'] });
  });
  it('lets a specific attack stand for the breach when no agreement is told', () => {
    const r = run('Today Tajik troops violated the ceasefire near Ak-Sai, firing mortars at the outpost.\nTwo soldiers were wounded.\nThe violation ended at noon.');
    expect(r.events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
  });
  it('reads combat positions taken on a section of the border as an incursion, not a road crossing it', () => {
    expect(run('Today Tajik border guards took up combat positions on a non-agreed section of the state border near Ak-Sai.').events.map((e) => e.type)).toEqual(['incursion']);
    expect(run('Сегодня таджикский наряд занял боевые позиции на неописанном участке госграницы у села Ак-Сай.').events.map((e) => e.type)).toEqual(['incursion']);
    expect(run('Today Tajik border guards entered an undescribed part of the border near Ak-Sai.').events.map((e) => e.type)).toEqual(['incursion']);
    // Own positions and a road that crosses the border are none.
    expect(run('Today Kyrgyz troops took up firing positions near Ak-Sai.').events).toEqual([]);
    expect(run('Today the sides accused each other of blocking a road crossing the border near Ak-Sai.').events.map((e) => e.type)).not.toContain('incursion');
  });
  it('names an attack helicopter as a weapon, not an attack', () => {
    expect(run('Today Tajik troops fired at Ak-Sai from an attack helicopter.').events.map((e) => [e.type, e.weapons])).toEqual([['air_or_drone_strike', ['aircraft']]]);
  });
  it('reads fire with a word between "opened" and "fire", targeting, rifles and one-word machineguns', () => {
    expect(run('Today Tajik troops opened intense fire with heavy machineguns at Ak-Sai.').events[0]).toMatchObject({ type: 'small_arms_fire', weapons: ['heavy machine gun'] });
    expect(run('Today Tajik troops did not open intense fire at Ak-Sai.').events).toEqual([]);
    expect(run('Today Tajik troops targeted Kyrgyz houses in Ak-Sai with mortars.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    expect(run('Today Tajik troops attacked a Kyrgyz patrol near Ak-Sai with rifles.').events.map((e) => e.type)).toEqual(['small_arms_fire']);
    // "targets" is a noun: the objects of an attack told elsewhere.
    expect(run('The situation is calm. Military targets near Ak-Sai are guarded.').events).toEqual([]);
  });
  it('reads an airspace violation with noise between verb and noun as an incursion', () => {
    expect(run('Today a Tajik drone, violating [Kyrgyz] airspace, flew over Ak-Sai.').events.map((e) => e.type)).toEqual(['incursion']);
  });
  it('types an attack by a heavier weapon named in the next sentence with no fire word of its own', () => {
    const r = run('Today Tajik border guards opened fire at a Kyrgyz patrol near Ak-Sai. The Tajik side used mortars.');
    expect(r.events.map((e) => [e.type, e.weapons])).toEqual([['heavy_weapons_fire', ['mortar']]]);
    const ru = run('Сегодня таджикские пограничники открыли огонь по наряду у села Ак-Сай. Таджикская сторона при этом применяла минометы.');
    expect(ru.events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
    // With no attack told before it, weapon use is an attack of its own.
    expect(run('The situation was calm in the morning.\nToday the Tajik side used mortars against Ak-Sai.').events.map((e) => e.type)).toEqual(['heavy_weapons_fire']);
  });
  it('reads incursions told object first, in the passive or with «госграница»', () => {
    const types = (t: string) => run(t).events.map((e) => e.type);
    expect(types('Today the state border near Ak-Sai was crossed by a group of Tajik soldiers.')).toEqual(['incursion']);
    expect(types('Today Kyrgyz territory near Ak-Sai was entered by Tajik soldiers.')).toEqual(['incursion']);
    expect(types('Сегодня таджикские военнослужащие перешли госграницу у села Ак-Сай.')).toEqual(['incursion']);
    expect(types('Сегодня госграницу у села Ак-Сай незаконно пересекли трое таджикских военнослужащих.')).toEqual(['incursion']);
  });
  it('times a ceasefire by a start time told in a sentence of its own', () => {
    const own = run('The two governments agreed on a truce. The truce is to take effect at 6 a.m. on 21 September.', 'AKIpress', '2022-09-20T22:00:00+06:00');
    expect(own.events[0]).toMatchObject({ type: 'ceasefire_agreement', date: '2022-09-21', time_of_day: '06:00' });
    const ru = run('Стороны договорились о прекращении огня. Режим тишины действует с 18:00 по местному времени.', 'AKIpress', '2022-09-20T19:00:00+06:00');
    expect(ru.events[0]).toMatchObject({ type: 'ceasefire_agreement', time_of_day: '18:00' });
    // A statement that dates nothing gets no day from its publication (SCHEMA).
    expect(ru.events[0]?.date).toBeNull();
    const dated = run('Today the sides agreed to a truce.\nThe truce comes into force from 18:00.', 'AKIpress', '2022-09-20T19:00:00+06:00');
    expect(dated.events[0]).toMatchObject({ type: 'ceasefire_agreement', date: '2022-09-20', time_of_day: '18:00' });
  });
  it('reads military clocks and midnight as a truce start, midnight being the next day', () => {
    const mil = run('On Sunday the sides agreed on a ceasefire on land and in the air from 1900 hours today.', 'AKIpress', '2022-09-18T21:00:00+06:00');
    expect(mil.events[0]).toMatchObject({ type: 'ceasefire_agreement', date: '2022-09-18', time_of_day: '19:00' });
    const midnight = run('The leaders agreed to a ceasefire from midnight on Saturday.', 'AKIpress', '2022-09-18T10:00:00+06:00');
    expect(midnight.events[0]).toMatchObject({ type: 'ceasefire_agreement', date: '2022-09-18', time_of_day: '00:00' });
    const h24 = run('The sides agreed on a ceasefire with effect from 24:00 hours on 17 September 2022.', 'AKIpress');
    expect(h24.events[0]).toMatchObject({ type: 'ceasefire_agreement', date: '2022-09-18', time_of_day: '00:00' });
  });
  describe('clash and fire told of one incident (SCHEMA "Which type")', () => {
    const types = (text: string) =>
      run(text, 'Border Service of Kyrgyzstan', '2023-05-04T10:00:00+06:00').events.map((e) => [
        e.type,
        e.accused_party,
        e.time_of_day,
      ]);
    it('an exchange told at its own time after one side opened fire is a clash of its own, blamed on that side', () => {
      expect(
        types(
          'On 3 May Tajik servicemen opened fire on a Kyrgyz patrol near Ak-Sai. In the afternoon a short exchange of fire took place between the border units.',
        ),
      ).toEqual([
        ['small_arms_fire', 'TJ', null],
        ['armed_clash', 'TJ', 'afternoon'],
      ]);
      expect(
        types(
          '3 мая таджикские военнослужащие открыли огонь по кыргызскому наряду у села Ак-Сай. Днём между нарядами произошла перестрелка.',
        ).map((e) => e[0]),
      ).toEqual(['small_arms_fire', 'armed_clash']);
    });
    it('clashes that broke out at a time of their own stay beside the fire told after them', () => {
      expect(
        types(
          'Heavy clashes broke out on the border on the morning of 3 May. Tajik servicemen opened fire on the Ak-Sai outpost.',
        ),
      ).toEqual([
        ['armed_clash', 'TJ', 'morning'],
        ['small_arms_fire', 'TJ', null],
      ]);
    });
    it('shooting no side is told to have opened, told as an exchange, is one clash', () => {
      expect(
        types(
          'On 3 May shooting started near Ak-Sai. The border units of the two countries exchanged fire there.',
        ),
      ).toEqual([['armed_clash', null, null]]);
    });
    it('a skirmish that followed one side opening fire is a clash of its day beside that fire', () => {
      expect(
        types(
          'On 3 May Tajik servicemen opened fire on the Ak-Sai tower. A skirmish between the border units followed.',
        ),
      ).toEqual([
        ['small_arms_fire', 'TJ', null],
        ['armed_clash', 'TJ', null],
      ]);
      expect(
        run(
          'On 3 May Tajik servicemen opened fire on the Ak-Sai tower. A skirmish between the border units followed.',
          'Border Service of Kyrgyzstan',
          '2023-05-04T10:00:00+06:00',
        ).events[1]?.date,
      ).toBe('2023-05-03');
    });
    it('a verbal skirmish is no fighting', () => {
      expect(types('On 3 May a verbal skirmish broke out between residents near Ak-Sai.')).toEqual([]);
      expect(types('3 мая у села Ак-Сай между пастухами произошла словесная перепалка.')).toEqual([]);
    });
    it('an undated summary word ("the aggression", «атаки») with no attack to join is no event', () => {
      expect(
        types(
          'The ministry said the aggression of the neighbouring state has brought grief to many families.',
        ),
      ).toEqual([]);
      expect(
        types('Министерство заявило, что жители пострадали от атак соседнего государства.').map((e) => e[0]),
      ).not.toContain('armed_clash');
    });
    it('an episode days before the latest event, told after it, is background; a chronology in order is kept', () => {
      const bg = types(
        'On 3 May Tajik servicemen opened fire on the Ak-Sai post. Tension has grown since 20 April, when Tajik servicemen opened fire on a Kyrgyz patrol.',
      );
      expect(bg).toEqual([['small_arms_fire', 'TJ', null]]);
      const chronology = run(
        'On 20 April Tajik servicemen opened fire on a Kyrgyz patrol near Ak-Sai. On 3 May they opened fire on the Ak-Sai post again.',
        'Border Service of Kyrgyzstan',
        '2023-05-04T10:00:00+06:00',
      );
      expect(chronology.events.map((e) => e.date)).toEqual(['2023-04-20', '2023-05-03']);
    });
    it('indirect fire is heavy fire', () => {
      expect(
        types(
          'On 3 May Tajik troops opened fire on the Ak-Sai post with small arms and indirect fire weapons.',
        ).map((e) => e[0]),
      ).toEqual(['heavy_weapons_fire']);
      expect(
        types(
          '3 мая таджикские военные открыли огонь по заставе Ак-Сай из стрелкового оружия и средств непрямого огня.',
        ).map((e) => e[0]),
      ).toEqual(['heavy_weapons_fire']);
    });
    it('fighting positions are no fighting', () => {
      expect(
        types(
          'On 3 May Tajik servicemen took fighting positions near Ak-Sai and opened fire on a Kyrgyz patrol.',
        ),
      ).toEqual([['small_arms_fire', 'TJ', null]]);
    });
  });
});

describe('trigger forms (issue #16: missed events)', () => {
  const kinds = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
  it('reads strikes told with «нанести» and words between, «авиаудары» included', () => {
    expect(kinds('Сегодня таджикские военные нанесли вдоль всей границы авиаудары по заставе Ак-Сай.')).toEqual([['air_or_drone_strike', 'TJ']]);
    expect(kinds('Таджикская сторона продолжает наносить авиа- и артиллерийские удары по селу Ак-Сай.')).toEqual([['air_or_drone_strike', 'TJ']]);
  });
  it('reads strikes carried out or launched as heavy fire, air raids as air strikes', () => {
    expect(kinds('Today Tajik forces carried out strikes on the Ak-Sai post.')).toEqual([['heavy_weapons_fire', 'TJ']]);
    expect(kinds('Today the Tajik side launched air raids on Ak-Sai.')).toEqual([['air_or_drone_strike', 'TJ']]);
  });
  it('reads weapons placed toward the line and troops massed as a build-up', () => {
    expect(kinds('Сегодня таджикские пограничники установили два миномета напротив села Ак-Сай.')).toEqual([['military_buildup', 'TJ']]);
    expect(kinds('Сегодня напротив села Ак-Сай замечено скопление таджикских военнослужащих.')).toEqual([['military_buildup', 'TJ']]);
    expect(kinds('Today Tajik troops positioned rocket launchers opposite Ak-Sai.')).toEqual([['military_buildup', 'TJ']]);
  });
  it('reads a strike with no weapon named as heavy fire, the air force striking as an air strike', () => {
    expect(kinds('Сегодня удары таджикской стороны по заставе Ак-Сай повредили казарму.')).toEqual([['heavy_weapons_fire', 'TJ']]);
    expect(kinds('Сегодня склад у села Ак-Сай был уничтожен точечным ударом таджикской стороны.')).toEqual([['heavy_weapons_fire', 'TJ']]);
    expect(kinds('Сегодня ВВС Таджикистана атаковали заставу Ак-Сай.')).toEqual([['air_or_drone_strike', 'TJ']]);
    expect(kinds('Today Tajik ground fire and air support hit Kyrgyz positions near Ak-Sai.')).toEqual([['air_or_drone_strike', 'TJ']]);
  });
  it('reads positions under fire, houses set on fire, units relocated and posts set up on a border section', () => {
    expect(kinds('Today Kyrgyz positions near Ak-Sai were under heavy fire from the Tajik side.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(kinds('Today Tajik servicemen set two houses and a barn on fire near Ak-Sai.')).toEqual([['property_destruction', 'TJ']]);
    expect(kinds('Today the Tajik side continued the relocation of military units to the border near Ak-Sai.')).toEqual([['military_buildup', 'TJ']]);
    expect(kinds('Today Tajik servicemen installed a container on a disputed section of the border near Ak-Sai.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Сегодня таджикские военные установили вагончик на неописанном участке границы у села Ак-Сай.')).toEqual([['incursion', 'TJ']]);
  });
  it('reads «условились» and a confirmed «договоренность» about a ceasefire as an agreement', () => {
    expect(run('Сегодня стороны условились прекратить огонь на границе.').events.map((e) => e.type)).toEqual(['ceasefire_agreement']);
    expect(run('Сегодня МИД подтвердил договоренность о перемирии с 10:00.').events.map((e) => e.type)).toEqual(['ceasefire_agreement']);
  });
  it('reads the verb «стреляли» and rockets launched as fire', () => {
    expect(run('Сегодня ночью в селе Ак-Сай неизвестные стреляли из охотничьего ружья.').events.map((e) => e.type)).toEqual(['small_arms_fire']);
    expect(kinds('Сегодня в кыргызского пограничника у села Ак-Сай стреляли с таджикской стороны.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(kinds('Today Tajik troops launched rockets at the Ak-Sai post.')).toEqual([['heavy_weapons_fire', 'TJ']]);
  });
  it('reads fire from both sides, or by the troops of the two countries, as a clash', () => {
    expect(run('Сегодня у села Ак-Сай стреляли с обеих сторон.').events.map((e) => e.type)).toEqual(['armed_clash']);
    expect(run('This afternoon border guards of the two countries began shooting near Ak-Sai.').events.map((e) => e.type)).toEqual(['armed_clash']);
  });
  it('reads aircraft seen over villages and drones flying over positions as an incursion', () => {
    expect(kinds('Сегодня над селом Ак-Сай видели таджикские вертолеты.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Today Tajik quadrocopters tried to fly reconnaissance over Kyrgyz positions near Ak-Sai.')).toEqual([['incursion', 'TJ']]);
  });
});

describe('event recall (issue #16: missed and merged events)', () => {
  const types = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => e.type);
  it('keeps heavy fire told as going on, with no place or clock, apart from the episode told at its clock time', () => {
    expect(types('The Tajik side is firing mortars along the whole border. At 06:30 Tajik servicemen shelled the Ak-Sai outpost.')).toEqual(['heavy_weapons_fire', 'heavy_weapons_fire']);
    expect(types('Таджикская сторона применяет минометы и танки по всему периметру границы. В 06:30 таджикские военнослужащие начали минометный обстрел заставы Ак-Сай.')).toEqual(['heavy_weapons_fire', 'heavy_weapons_fire']);
    // Going on now, it is of the day of publication when the statement tells of that day.
    const dates = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => e.date);
    expect(dates('The Tajik side is firing mortars along the whole border. On the morning of 18 September at 06:30 Tajik servicemen shelled the Ak-Sai outpost.')).toEqual(['2022-09-18', '2022-09-18']);
    expect(dates('The Tajik side is firing mortars along the whole border. At 06:30 Tajik servicemen shelled the Ak-Sai outpost.')).toEqual([null, '2022-09-18']);
    // The episode's own shelling going on is that episode.
    expect(types('At 06:30 Tajik servicemen shelled the Ak-Sai outpost. The shelling of the outpost continues.')).toEqual(['heavy_weapons_fire']);
    // Two mentions told as going on are one state of the conflict.
    expect(types('Таджикские военнослужащие продолжают обстреливать позиции из минометов. По состоянию на 11:00 таджикская сторона продолжает обстреливать позиции из минометов.')).toEqual(['heavy_weapons_fire']);
  });
  it('reads a clash told as another or a third one, after an attack told before it, as an episode of its own', () => {
    expect(types('Утром таджикские военные обстреляли заставу Ак-Сай из минометов. Затем военные двух стран начали ещё одну перестрелку у села Кок-Таш.')).toEqual(['heavy_weapons_fire', 'armed_clash']);
    expect(types('Tajik troops shelled the Ak-Sai outpost with mortars. Then another exchange of fire broke out near Kok-Tash.')).toEqual(['heavy_weapons_fire', 'armed_clash']);
    // Opening the statement, "another" is new beside earlier days: the episode it then details.
    expect(types('Another armed conflict took place today near Ak-Sai. At 06:00 Tajik servicemen attacked the post with mortars.')).toEqual(['heavy_weapons_fire']);
  });
  it('reads one side accusing the other of breaking the agreement as a claim of its own, a shared charge not', () => {
    const night = '\nThe situation escalated at night, when armed clashes broke out along the whole border.';
    expect(types(`The sides agreed on a ceasefire from 13:00. Soon after that the border service accused the Tajik side of violating the agreements.${night}`)).toEqual([
      'ceasefire_agreement',
      'violation_allegation',
      'armed_clash',
    ]);
    // «в нарушении» (prepositional case) is a breach word as «нарушение» is.
    expect(
      types('Стороны договорились о прекращении огня с 13:00. Вскоре после этого погранслужба обвинила таджикскую сторону в нарушении договоренностей.\nОбстановка обострилась ночью, когда на всей границе начались вооруженные столкновения.'),
    ).toEqual(['ceasefire_agreement', 'violation_allegation', 'armed_clash']);
    expect(types(`The sides agreed on a ceasefire from 13:00. Soon after that the sides accused each other of violating the agreements.${night}`)).toEqual(['ceasefire_agreement', 'armed_clash']);
  });
  it('keeps an earlier episode told as still going on, not as background', () => {
    const dated = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => [e.type, e.date]);
    expect(dated('Сегодня ночью таджикские военные обстреляли заставу Ак-Сай. Вооруженный конфликт на границе, возобновившийся 9 сентября, продолжается уже более недели; за это время погибли 25 военнослужащих.')).toEqual([
      ['small_arms_fire', '2022-09-18'],
      ['armed_clash', '2022-09-09'],
    ]);
    expect(dated('Today at night Tajik troops shelled the Ak-Sai outpost. The armed conflict that resumed on 9 September continues; 25 soldiers have been killed since.')).toEqual([
      ['heavy_weapons_fire', '2022-09-18'],
      ['armed_clash', '2022-09-09'],
    ]);
    // Over, it is the background of the day's event.
    expect(dated('Сегодня ночью таджикские военные обстреляли заставу Ак-Сай. Вооруженный конфликт на границе произошел 9 сентября, тогда погибли 25 военнослужащих.')).toEqual([['small_arms_fire', '2022-09-18']]);
  });
  it('reads weapons used before a build-up verb in one clause as fire beside the build-up', () => {
    const kinds = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(kinds('Сегодня таджикские военные применяют минометы и стягивают к границе у села Ак-Сай тяжелую технику.')).toEqual([
      ['heavy_weapons_fire', 'TJ'],
      ['military_buildup', 'TJ'],
    ]);
    expect(kinds('Today Tajik troops used mortars and moved heavy equipment to the border near Ak-Sai.')).toEqual([
      ['heavy_weapons_fire', 'TJ'],
      ['military_buildup', 'TJ'],
    ]);
    // Weapons moved are the build-up's.
    expect(kinds('Сегодня таджикские военные стягивают к границе у села Ак-Сай тяжелую технику и минометы.')).toEqual([['military_buildup', 'TJ']]);
  });
  it('reads "attacking", "shoot at" and "keeps shelling" as attacks, the last as going on', () => {
    const kinds = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(kinds('Today Tajik troops keep attacking Kyrgyz border villages near Ak-Sai with mortars.')).toEqual([['heavy_weapons_fire', 'TJ']]);
    expect(kinds('Today the Tajik side continued to shoot at Kyrgyz positions near Ak-Sai.')).toEqual([['small_arms_fire', 'TJ']]);
    // The clashes told at their time of day are no mention of the shelling going on: no side began them.
    expect(
      kinds('On Sunday the Tajik military keeps shelling Kyrgyz positions, the border service said. At 22:20 Tajik servicemen began shelling the Ak-Sai outpost. Large-scale clashes on the border began on Sunday morning.'),
    ).toEqual([
      ['heavy_weapons_fire', 'TJ'],
      ['heavy_weapons_fire', 'TJ'],
      ['armed_clash', null],
    ]);
  });
  it('reads the imperfective «нападают» as an attack and «бомбардировали» as heavy fire', () => {
    const kinds = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(kinds('Сегодня таджикские военные нападают на кыргызские посты у села Ак-Сай.')).toEqual([['armed_clash', 'TJ']]);
    expect(kinds('Сегодня таджикские военные бомбардировали позиции у села Ак-Сай.')).toEqual([['heavy_weapons_fire', 'TJ']]);
  });
  it('reads forces massed, arrived, spotted, sent, brought up, moved or pushed forward to the border as a build-up', () => {
    const kinds = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    for (const text of [
      'Today Tajik troops are massing near Ak-Sai.',
      'Today additional Tajik units arrived at the border near Ak-Sai.',
      'Today Tajik tanks were spotted moving toward the border.',
      'Today Tajikistan stationed additional troops near Ak-Sai.',
      'Сегодня Таджикистан направил к границе дополнительные силы.',
      'Сегодня таджикская сторона направила к границе бронетехнику.',
      'Сегодня к границе прибыли дополнительные подразделения таджикской армии.',
      'Сегодня таджикские военные подвозят к границе боеприпасы и технику.',
      'Сегодня Таджикистан усилил группировку войск на границе.',
      'Сегодня таджикская сторона продолжает перемещать технику к границе.',
      'Сегодня к границе выдвинута колонна таджикской бронетехники.',
    ])
      expect(kinds(text)).toEqual([['military_buildup', 'TJ']]);
    // A delegation sent, rescuers arrived, the guard of one's own border reinforced: none.
    expect(kinds('Сегодня Кыргызстан направил на границу делегацию для переговоров.')).toEqual([]);
    expect(kinds('Сегодня на место прибыли сотрудники МЧС и дополнительные силы полиции.')).toEqual([]);
    expect(kinds('Сегодня пограничники усилили охрану границы у села Ак-Сай.')).toEqual([]);
  });
  it('reads «расстреляли», «подорвали», "ambushed", "gunned down" and a weapon used («применила оружие») as acts', () => {
    const kinds = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(kinds('Сегодня таджикские пограничники расстреляли автомобиль у села Ак-Сай.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(kinds('Сегодня таджикские военные подорвали мост у села Ак-Сай.')).toEqual([['property_destruction', 'TJ']]);
    expect(kinds('Сегодня кыргызский пограничник подорвался на мине у села Ак-Сай.')).toEqual([]);
    expect(kinds('Today a Kyrgyz patrol was ambushed near Ak-Sai by Tajik servicemen.')).toEqual([['armed_clash', 'TJ']]);
    expect(kinds('Today Tajik soldiers gunned down a Kyrgyz shepherd near Ak-Sai.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(kinds('Сегодня таджикская сторона применила оружие у села Ак-Сай.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(kinds('Сегодня таджикские военные пустили в ход оружие у села Ак-Сай.')).toEqual([['small_arms_fire', 'TJ']]);
    // «из всех видов оружия» names no weapon class (see 'reads fire «из всех видов оружия»…' above).
    expect(kinds('Сегодня таджикская сторона обстреляла село Ак-Сай из всех видов оружия.')).toEqual([['small_arms_fire', 'TJ']]);
  });
  it('reads "intruded into", «углубились на территорию» and «перешли на кыргызскую сторону» as an incursion', () => {
    const kinds = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(kinds('Today Tajik servicemen intruded into Kyrgyz territory near Ak-Sai.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Сегодня таджикские военнослужащие углубились на территорию Кыргызстана у села Ак-Сай.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Сегодня таджикские военные перешли на кыргызскую сторону у села Ак-Сай.')).toEqual([['incursion', 'TJ']]);
  });
  it('reads an agreement broken, not kept or honoured, «сорвала перемирие», «перемирие было нарушено» as an allegation', () => {
    for (const text of [
      'The Tajik side fails to keep the ceasefire agreement, the border service said.',
      'Tajikistan broke the truce, the ministry said.',
      'The ceasefire was broken by the Tajik side, the ministry said.',
      'Tajikistan is not honouring the ceasefire agreement, the ministry said.',
      'Tajikistan has failed to abide by the ceasefire agreement, the ministry said.',
      'Сегодня таджикская сторона сорвала перемирие.',
      'Сегодня перемирие было нарушено таджикской стороной.',
    ])
      expect(types(text)).toEqual(['violation_allegation']);
    // Talks that failed, or fighting that broke out, break no agreement.
    expect(types('Сегодня переговоры о прекращении огня сорвались.')).toEqual([]);
    expect(types('Fighting broke out near Ak-Sai today, the border service said.')).toEqual(['armed_clash']);
  });
  it('reads fire named in other cases («в открытии огня», «ведение огня», «под огнём») as fire', () => {
    const kinds = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(kinds('Сегодня таджикская сторона обвинена в открытии огня по заставе Ак-Сай.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(kinds('Сегодня кыргызские позиции у села Ак-Сай находятся под огнем таджикской стороны.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(kinds('Сегодня таджикские военные продолжили ведение огня по заставе Ак-Сай.')).toEqual([['small_arms_fire', 'TJ']]);
  });
  it('reads an elliptic clause with its own clock time («…, а в 09:30 — Кок-Таш») as the same act at another time and place', () => {
    const timed = (text: string) => run(text).events.map((e) => [e.type, e.time_of_day, e.locations]);
    expect(timed('В 06:00 таджикские военные обстреляли из минометов Ак-Сай, а в 09:30 — Кок-Таш.')).toEqual([
      ['heavy_weapons_fire', '06:00', ['Ак-Сай']],
      ['heavy_weapons_fire', '09:30', ['Кок-Таш']],
    ]);
  });
  it('keeps the build-ups of the two sides apart', () => {
    const kinds = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(kinds('Таджикская армия перебросила к границе часть сил. Кыргызстан в ответ тоже перебросил к границе бронетехнику.')).toEqual([
      ['military_buildup', 'TJ'],
      ['military_buildup', 'KG'],
    ]);
  });
  it('reads a toll another source gives "in the attack", «в ходе этого обстрела» as the toll of the attack told, no clash of its own', () => {
    const told = (text: string) => run(text).events.map((e) => [e.type, e.reported_by, e.killed]);
    expect(told('Today a Kyrgyz drone struck a border post near Vorukh, the Kyrgyz defence ministry said. Tajik media said two soldiers were killed in the attack.')).toEqual([
      ['air_or_drone_strike', 'KG', 2],
    ]);
    expect(told('Сегодня кыргызский беспилотник нанес удар по заставе у села Ворух, сообщило минобороны Кыргызстана. Таджикские СМИ сообщили, что в ходе этого обстрела погибли двое военных.')).toEqual([
      ['air_or_drone_strike', 'KG', 2],
    ]);
    // An attack the other source names on its own is its own claim.
    expect(told('Today a Kyrgyz drone struck a border post near Vorukh, the Kyrgyz defence ministry said. Tajik media said two soldiers were killed in an attack on Khoja-Alo.')).toHaveLength(2);
  });
  it('reads an undated attack told with its side and place as an act, "the aggression" or a bare attack as a summary', () => {
    const told = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(told('Tajik troops attacked Kyrgyz border posts in Batken region.')).toEqual([['armed_clash', 'TJ']]);
    expect(told('Таджикская сторона, нарушив договоренности, атаковала пограничные объекты в Баткенской области.')).toEqual([['armed_clash', 'TJ']]);
    expect(told('The border service condemned the Tajik aggression in Batken region.')).toEqual([]);
    expect(told('The border service condemned the attack.')).toEqual([]);
  });
  it('reads a clash told in an earlier month with no year as background beside the agreement of the day', () => {
    const types = (text: string, published_at = '2022-07-28T10:00:00+06:00') => run(text, 'Interfax', published_at).events.map((e) => e.type);
    expect(types('Today the sides agreed to a ceasefire. Relations soured when a Tajik border guard was killed in a clash in May.')).toEqual(['ceasefire_agreement']);
    expect(types('Сегодня стороны согласились на перемирие. Отношения накалились, когда в мае в боестолкновении погиб пограничник.')).toEqual(['ceasefire_agreement']);
  });
  it('reads «открыла огонь первой», «открыли огонь первыми» as who started the attack told, no fire of its own', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Сегодня таджикские военные обстреляли из минометов заставу Ак-Сай. Погранслужба заявляет, что таджикская сторона открыла огонь первой.')).toEqual(['heavy_weapons_fire']);
    expect(types('Сегодня таджикские военные обстреляли из минометов заставу Ак-Сай. По данным погранслужбы, таджикские подразделения открыли огонь именно первыми.')).toEqual(['heavy_weapons_fire']);
  });
  it('types fire from "support weapons", «средства огневой поддержки» as heavy', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Today Tajik units fired supporting-fire weapons at Kyrgyz positions near Kulundu.')).toEqual(['heavy_weapons_fire']);
    expect(types('Today Tajik support weapons hit houses in Kulundu.')).toEqual(['heavy_weapons_fire']);
    expect(types('Сегодня таджикские подразделения открыли огонь по позициям у села Кулунду из средств огневой поддержки.')).toEqual(['heavy_weapons_fire']);
  });
  it('reads militants\' fire on people («боевики открыли огонь») as no fire between the sides', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Today armed militants opened fire on tourists near Kok-Tash and killed five people.')).toEqual([]);
    expect(types('Сегодня вооруженные боевики открыли огонь по туристам у села Кок-Таш и убили пять человек.')).toEqual([]);
    // The side's own fire covering militants still is its fire.
    expect(types('Today Tajik troops opened fire near Kok-Tash to cover a group of militants.')).toEqual(['small_arms_fire']);
  });
  it('types fire with grenades launched (from a launcher) as heavy', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Today Kyrgyz posts near Kulundu were attacked with rifles and grenades launched by Tajik troops.')).toEqual(['heavy_weapons_fire']);
    expect(types('Today Tajik troops launched grenades at Kyrgyz posts near Kulundu.')).toEqual(['heavy_weapons_fire']);
  });
});

describe('clash recall: nominal, verbal and case forms of fighting (issue #16, blind trigger misses)', () => {
  const told = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => [e.type, e.date, e.locations]);
  it('reads exchanges told by other verbs and nouns as a clash', () => {
    expect(told('Yesterday Kyrgyz and Tajik border guards exchanged heavy fire near Kulundu.')).toEqual([['armed_clash', '2022-09-17', ['Kulundu']]]);
    expect(told('On 16 September there were exchanges of gunfire between the border units near Kok-Tash.')).toEqual([['armed_clash', '2022-09-16', ['Kok-Tash']]]);
    expect(told('Yesterday troops of the two countries traded fire near Maksat for an hour.')).toEqual([['armed_clash', '2022-09-17', ['Maksat']]]);
    expect(told('Вчера пограничники двух стран обменялись огнём у села Ак-Сай.')).toEqual([['armed_clash', '2022-09-17', ['Ак-Сай']]]);
  });
  it('reads no exchange in a ceasefire "between" the sides', () => {
    const kinds = (text: string) => run(text).events.map((e) => e.type);
    expect(kinds('Today Tajik troops opened fire on Kulundu despite the ceasefire between the two countries.')).toEqual(['small_arms_fire']);
    expect(kinds('Today Tajik troops opened fire on Kulundu despite the cease-fire between the two countries.')).toEqual(['small_arms_fire']);
    expect(kinds('Сегодня таджикские военные открыли огонь по заставе Кулунду, несмотря на режим прекращения огня между странами.')).toEqual(['small_arms_fire']);
  });
  it('reads fire "between" the two sides as their exchange, a clash', () => {
    expect(told('Вчера огонь между военнослужащими Кыргызстана и Таджикистана возобновился у села Кулунду.')).toEqual([['armed_clash', '2022-09-17', ['Кулунду']]]);
    expect(told('Yesterday fire between Kyrgyz and Tajik troops resumed near Kulundu.')).toEqual([['armed_clash', '2022-09-17', ['Kulundu']]]);
    expect(told('Вчера вечером у села Максат началась стрельба между пограничниками двух стран.').map(([t]) => t)).toEqual(['armed_clash']);
  });
  it('reads fighting told by "fought", an armed confrontation or incident, a skirmish or fire contact as a clash', () => {
    expect(told('Yesterday Tajik and Kyrgyz troops fought near Ak-Sai for several hours.')).toEqual([['armed_clash', '2022-09-17', ['Ak-Sai']]]);
    expect(told('An armed confrontation took place yesterday near Kulundu.')).toEqual([['armed_clash', '2022-09-17', ['Kulundu']]]);
    expect(told('An armed incident occurred on 16 September at the Kok-Tash post.')).toEqual([['armed_clash', '2022-09-16', ['Kok-Tash']]]);
    expect(told('16 сентября у села Кулунду произошла стычка между пограничниками.')).toEqual([['armed_clash', '2022-09-16', ['Кулунду']]]);
    expect(told('16 сентября у села Кулунду произошёл вооружённый инцидент.')).toEqual([['armed_clash', '2022-09-16', ['Кулунду']]]);
    expect(told('Вчера у села Кулунду произошел огневой контакт между пограничными нарядами.')).toEqual([['armed_clash', '2022-09-17', ['Кулунду']]]);
    // Fighting crime or fires is no fighting between the sides.
    expect(told('Yesterday Tajik troops fought terrorism in the south of the country.')).toEqual([]);
    // A quarrel of words is no fighting.
    expect(told('Вчера у села Кулунду между жителями произошла словесная стычка.')).toEqual([]);
  });
  it('reads the oblique cases of «бой» as fighting, not the end of a hyphenated name', () => {
    expect(told('В ходе боя у села Кок-Таш 16 сентября ранены двое пограничников.').map(([t, d, l]) => [t, d, l])).toEqual([['armed_clash', '2022-09-16', ['Кок-Таш']]]);
    expect(told('16 сентября в боях у села Максат погибли трое военнослужащих.').map(([t, d]) => [t, d])).toEqual([['armed_clash', '2022-09-16']]);
    expect(told('По состоянию на 08:00 обстановка в местностях Кок-Таш и Кочо-Бою оценивается как стабильная.')).toEqual([]);
  });
  it('reads an incident noun told at a clock time as the lead of the episode it details, not one of its own', () => {
    const r = run('Another armed incident took place at about 02:50 on 16 September near Kok-Tash. Tajik border guards opened fire on the Kyrgyz post. A skirmish between the border detachments followed.');
    expect(r.events.filter((e) => e.type === 'armed_clash').length).toBe(1);
    expect(run('Сегодня около 02:50 у села Кок-Таш произошёл вооружённый инцидент: таджикские пограничники открыли огонь по заставе.').events.map((e) => [e.type, e.time_of_day])).toEqual([['small_arms_fire', '02:50']]);
  });
});

describe('one statement, several episodes: an elliptic «а затем — в X», "and later X" (issue #16, merged events)', () => {
  const told = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => [e.type, e.date, e.locations]);
  it('reads a sequence word with only a place after it as the next episode there', () => {
    expect(told('Вчера военные двух стран начали перестрелку в местности Как-Сай, а затем — в местности Кок-Таш.')).toEqual([
      ['armed_clash', '2022-09-17', ['Как-Сай']],
      ['armed_clash', '2022-09-17', ['Кок-Таш']],
    ]);
    expect(told('Yesterday Tajik troops shelled Kulundu, and later Maksat.')).toEqual([
      ['heavy_weapons_fire', '2022-09-17', ['Kulundu']],
      ['heavy_weapons_fire', '2022-09-17', ['Maksat']],
    ]);
    expect(told('Вчера таджикские военные обстреляли село Кулунду, а потом и соседнее село Максат.').map(([, , l]) => l)).toEqual([['Кулунду'], ['Максат']]);
  });
  it('reads no episode where the clause has a verb of its own, or names the same place again', () => {
    expect(told('Вчера таджикские военные обстреляли село Кулунду, а затем отошли к селу Максат.')).toEqual([['small_arms_fire', '2022-09-17', ['Кулунду']]]);
    expect(told('Yesterday Tajik troops shelled Kulundu, and then withdrew to Maksat.')).toEqual([['heavy_weapons_fire', '2022-09-17', ['Kulundu']]]);
    expect(told('Вчера таджикские военные обстреляли село Кулунду, а затем — в местности Кулунду.').length).toBe(1);
  });
});

describe('passive and participial phrasings of crossings, build-ups, agreements and fighting (issue #16, blind trigger misses)', () => {
  const kinds = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => [e.type, e.accused_party]);
  it('reads the other side\'s forces detected or spotted on a side\'s territory, and airspace or a border violated by them, as an incursion', () => {
    expect(kinds('Yesterday a Tajik patrol was detected on Kyrgyz territory near Kulundu.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Yesterday Kyrgyz airspace near Kulundu was violated by a Tajik drone.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Вчера таджикские военные были замечены на территории Кыргызстана у села Кулунду.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Вчера у села Кулунду обнаружена группа таджикских военнослужащих на кыргызской территории.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Вчера граница у села Кулунду была нарушена группой таджикских военных.')).toEqual([['incursion', 'TJ']]);
    // A thing found there is no crossing.
    expect(kinds('Вчера на территории села Кулунду обнаружен неразорвавшийся снаряд.')).not.toContain('incursion');
    expect(kinds('Yesterday an unexploded shell was found on Kyrgyz territory near Kulundu.')).not.toContain('incursion');
    // On a side's own territory it is no crossing.
    expect(kinds('Yesterday Tajik patrols were seen on their own territory near Vorukh.')).toEqual([]);
    expect(kinds('Вчера таджикские патрули были замечены на своей территории у Воруха.')).toEqual([]);
  });
  it('reads armour seen near the border as a build-up and a ceasefire announced or declared as an agreement', () => {
    expect(kinds('Yesterday Tajik armoured vehicles were seen near the border at Kulundu.')).toEqual([['military_buildup', 'TJ']]);
    expect(kinds('Yesterday a ceasefire was announced between the two countries.')).toEqual([['ceasefire_agreement', null]]);
    expect(kinds('Yesterday a truce was declared along the whole border.')).toEqual([['ceasefire_agreement', null]]);
  });
  it('reads an armed confrontation, forces that clashed and positions subjected to fire as fighting', () => {
    expect(kinds('Вчера у села Кулунду произошло вооружённое противостояние.')).toEqual([['armed_clash', null]]);
    expect(kinds('Вчера таджикские и кыргызские пограничники столкнулись у села Кулунду.')).toEqual([['armed_clash', null]]);
    expect(kinds('Yesterday Tajik units subjected Kyrgyz positions near Kulundu to fire.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(kinds('Yesterday Tajik units subjected to intense fire the positions of the Kyrgyz army near Kulundu.')).toEqual([['small_arms_fire', 'TJ']]);
    // Facing difficulties is no clash.
    expect(kinds('Вчера жители села Кулунду столкнулись с нехваткой воды.')).toEqual([]);
  });
});

describe('one statement, several episodes: clock times, days and parts of the day with places of their own (issue #16, merged events)', () => {
  const told = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => [e.date, e.time_of_day, e.locations]);
  it('gives each clock time of a clause the places told with it', () => {
    expect(told('Таджикские военные в 06:00 обстреляли заставу Кулунду, в 09:30 — заставу Максат.')).toEqual([
      ['2022-09-18', '06:00', ['Кулунду']],
      ['2022-09-18', '09:30', ['Максат']],
    ]);
    expect(told('Таджикская сторона открыла огонь по заставе Кулунду в 06:00 и по заставе Максат в 09:30.')).toEqual([
      ['2022-09-18', '06:00', ['Кулунду']],
      ['2022-09-18', '09:30', ['Максат']],
    ]);
    expect(told('Today Tajik troops fired at the Kulundu post at 06:00 and at the Maksat post at 09:30.')).toEqual([
      ['2022-09-18', '06:00', ['Kulundu']],
      ['2022-09-18', '09:30', ['Maksat']],
    ]);
    // One place told before both clock times is the place of both.
    expect(told('Today Tajik troops shelled Kulundu with mortars at 17:20 and again at 18:10.')).toEqual([
      ['2022-09-18', '17:20', ['Kulundu']],
      ['2022-09-18', '18:10', ['Kulundu']],
    ]);
  });
  it('reads a clause of a time and places alone after a semicolon as the next episode', () => {
    expect(told('At 06:00 Tajik troops fired at the Kulundu post; at 09:30, at the Maksat post.')).toEqual([
      ['2022-09-18', '06:00', ['Kulundu']],
      ['2022-09-18', '09:30', ['Maksat']],
    ]);
    expect(told('В 06:00 таджикские военные обстреляли заставу Кулунду; в 09:30 — заставу Максат.')).toEqual([
      ['2022-09-18', '06:00', ['Кулунду']],
      ['2022-09-18', '09:30', ['Максат']],
    ]);
    expect(told('On 16 September Tajik troops shelled Kulundu; on 17 September, Maksat.')).toEqual([
      ['2022-09-16', null, ['Kulundu']],
      ['2022-09-17', null, ['Maksat']],
    ]);
    // A clause with a verb of its own tells something else.
    expect(told('At 06:00 Tajik troops fired at the Kulundu post; at 09:30 the situation near Maksat was calm.')).toEqual([['2022-09-18', '06:00', ['Kulundu']]]);
  });
  it('reads a day before a dash as the day of the places after it', () => {
    expect(told('16 сентября таджикская сторона обстреляла Кулунду, 17 сентября — Максат.')).toEqual([
      ['2022-09-16', null, ['Кулунду']],
      ['2022-09-17', null, ['Максат']],
    ]);
    expect(told('On 16 September Tajik troops shelled Kulundu, on 17 September – Maksat.')).toEqual([
      ['2022-09-16', null, ['Kulundu']],
      ['2022-09-17', null, ['Maksat']],
    ]);
    // "Maksat on 17 September": the day right after a place is its own.
    expect(told('Tajik troops shelled Kulundu on 16 September and Maksat on 17 September.')).toEqual([
      ['2022-09-16', null, ['Kulundu']],
      ['2022-09-17', null, ['Maksat']],
    ]);
  });
  it('gives each part of the day of a clause the places told with it', () => {
    expect(told('Tajik troops fired at Kulundu in the morning and at Maksat in the evening.')).toEqual([
      [null, 'morning', ['Kulundu']],
      [null, 'evening', ['Maksat']],
    ]);
    expect(told('Вчера таджикские военные утром обстреляли Кулунду, а вечером Максат.')).toEqual([
      ['2022-09-17', 'morning', ['Кулунду']],
      ['2022-09-17', 'evening', ['Максат']],
    ]);
    // One part of the day: one attack on both places.
    expect(told('Утром таджикские военные обстреляли Кулунду и Максат.')).toEqual([[null, 'morning', ['Кулунду', 'Максат']]]);
  });
  it('reads fire told at another part of the day, at another place or as renewed, as another episode', () => {
    expect(told('Утром таджикские военные обстреляли Кулунду. Вечером обстрел повторился у села Максат.')).toEqual([
      [null, 'morning', ['Кулунду']],
      [null, 'evening', ['Максат']],
    ]);
    expect(told('Таджикские военные обстреляли Кулунду утром, а вечером — Максат.')).toEqual([
      [null, 'morning', ['Кулунду']],
      [null, 'evening', ['Максат']],
    ]);
    expect(told('In the morning Tajik troops fired at Kulundu. In the evening the shooting resumed.').length).toBe(2);
    // The same fire told again at its place, with no renewal, is the one episode.
    expect(told('Утром таджикские военные обстреляли Кулунду. Обстрел у села Кулунду длился около часа.').length).toBe(1);
  });
});

describe('crossings told as entering a section of the border (issue #16, blind trigger misses)', () => {
  const kinds = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => [e.type, e.accused_party]);
  it('reads the other side\'s forces entering an undescribed section or stretch of the border as an incursion', () => {
    expect(kinds('Вчера таджикские пограничники зашли на неописанный участок границы у села Кулунду.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Вчера таджикский наряд зашёл на спорный участок госграницы в районе села Максат.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Yesterday Tajik border guards entered an undefined stretch of the border near Kulundu.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Yesterday a Tajik patrol entered a disputed segment of the border near Maksat.')).toEqual([['incursion', 'TJ']]);
  });
  it('reads no crossing on a side\'s own section', () => {
    expect(kinds('Вчера кыргызские пограничники зашли на свой участок границы у села Кулунду для патрулирования.')).toEqual([]);
  });
});

describe('a running total in a paragraph of its own (SCHEMA "Numbers": tied to no event, coded once as a clash)', () => {
  const told = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => [e.type, e.killed, e.wounded]);
  it('keeps a total told after a specific attack, in another paragraph, as the episode\'s clash', () => {
    expect(told('At 10:20 Tajik servicemen opened fire on the Kyrgyz post near Kok-Tash.\nIn all, 34 people have been killed and 132 wounded, the Ministry of Health said.')).toEqual([
      ['small_arms_fire', null, null],
      ['armed_clash', 34, 132],
    ]);
    expect(told('В 10:20 таджикские военнослужащие открыли огонь по заставе у села Кок-Таш.\nВсего, по данным Минздрава, погибли 12 человек, ранены 40.')).toEqual([
      ['small_arms_fire', null, null],
      ['armed_clash', 12, 40],
    ]);
    expect(told('Today Tajik troops shelled Kulundu with mortars.\nAltogether eight victims have sought medical help.')).toEqual([
      ['heavy_weapons_fire', null, null],
      ['armed_clash', null, 8],
    ]);
  });
  it('keeps each body\'s own count, told in a paragraph of its own, as that side\'s total', () => {
    expect(told('Today at 10:20 Tajik servicemen opened fire on the Kyrgyz post near Kok-Tash.\nKyrgyz authorities reported 34 people killed and 132 injured. Local government sources in Tajikistan said 15 people had been killed.')).toEqual([
      ['small_arms_fire', null, null],
      ['armed_clash', 34, 132],
      ['armed_clash', 15, null],
    ]);
    expect(told('Сегодня в 10:20 таджикские военнослужащие открыли огонь по заставе у села Кок-Таш.\nМинздрав Кыргызстана сообщил о 12 погибших и 40 раненых.')).toEqual([
      ['small_arms_fire', null, null],
      ['armed_clash', 12, 40],
    ]);
  });
  it('gives a toll told with the attack, a count that is no total, or a lead total to the attack', () => {
    expect(told('At 10:20 Tajik servicemen opened fire on the Kyrgyz post near Kok-Tash. In all, two border guards were wounded.')).toEqual([['small_arms_fire', null, 2]]);
    expect(told('At 10:20 Tajik servicemen opened fire on the Kyrgyz post near Kok-Tash.\nThree border guards were wounded, the ministry said.')).toEqual([['small_arms_fire', null, 3]]);
    expect(told('In all, 34 people have been killed, the ministry said.\nAt 10:20 Tajik servicemen opened fire on the Kyrgyz post near Kok-Tash.')).toEqual([['small_arms_fire', 34, null]]);
    // A body's count of one or two hurt is the attack's detail.
    expect(told('At 10:20 Tajik servicemen opened fire on the Kyrgyz post near Kok-Tash.\nThe Border Service of Kyrgyzstan said one border guard was wounded.')).toEqual([['small_arms_fire', null, 1]]);
  });
});

describe('English phrasings of crossings, build-ups, agreements and strikes (issue #16, blind trigger misses)', () => {
  const kinds = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => [e.type, e.accused_party]);
  it('reads forces pushing into or entering the other side\'s territory, and drones on reconnaissance over it, as an incursion', () => {
    expect(kinds('Yesterday Tajik soldiers attempted to enter Kyrgyz territory near Kulundu.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Yesterday Tajik troops pushed into Kyrgyz territory near Kulundu.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Yesterday a Tajik UAV conducted reconnaissance over Kulundu.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Yesterday Tajik quadcopters carried out surveillance flights above the Kyrgyz posts near Maksat.')).toEqual([['incursion', 'TJ']]);
  });
  it('reads a column heading to the border as a build-up', () => {
    expect(kinds('Yesterday a Tajik military column was heading toward the border near Kulundu.')).toEqual([['military_buildup', 'TJ']]);
    expect(kinds('Yesterday a convoy of Tajik armoured vehicles was moving towards the border near Maksat.')).toEqual([['military_buildup', 'TJ']]);
    expect(kinds('Вчера таджикская военная колонна двигалась к границе у села Кулунду.')).toEqual([['military_buildup', 'TJ']]);
  });
  it('reads a halt to fire agreed, a truce taking hold and a commitment to a ceasefire as an agreement', () => {
    expect(kinds('Yesterday the two sides agreed to halt fire along the border.')).toEqual([['ceasefire_agreement', null]]);
    expect(kinds('Yesterday a truce took hold along the border.')).toEqual([['ceasefire_agreement', null]]);
    expect(kinds('Yesterday the two countries committed to a ceasefire.')).toEqual([['ceasefire_agreement', null]]);
  });
  it('reads aircraft that bombed a village as an air strike', () => {
    expect(kinds('Yesterday Tajik aircraft bombed Kulundu.')).toEqual([['air_or_drone_strike', 'TJ']]);
    expect(kinds('Yesterday Tajik helicopters were bombing the outskirts of Maksat.')).toEqual([['air_or_drone_strike', 'TJ']]);
  });
});

describe('Russian phrasings of offensives, reconnaissance, bombing, truces and fire named by its effect (issue #16, blind trigger misses)', () => {
  const kinds = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => [e.type, e.accused_party]);
  it('reads an offensive or a storming as fighting, not the onset of darkness', () => {
    expect(kinds('Вчера таджикская сторона предприняла наступление у села Кулунду.')).toEqual([['armed_clash', 'TJ']]);
    expect(kinds('Вчера таджикские военные пошли в наступление у села Максат.')).toEqual([['armed_clash', 'TJ']]);
    expect(kinds('Вчера таджикские военные штурмовали заставу Кулунду.')).toEqual([['armed_clash', 'TJ']]);
    expect(kinds('Yesterday Tajik forces launched an offensive near Kulundu.')).toEqual([['armed_clash', 'TJ']]);
    expect(kinds('Вчера с наступлением темноты у села Кулунду было спокойно.')).toEqual([]);
  });
  it('reads a drone on reconnaissance over a village as an incursion, the air force bombing it as an air strike', () => {
    expect(kinds('Вчера таджикский беспилотник вёл разведку над селом Кулунду.')).toEqual([['incursion', 'TJ']]);
    expect(kinds('Вчера таджикская авиация бомбила село Кулунду.')).toEqual([['air_or_drone_strike', 'TJ']]);
    expect(kinds('Вчера таджикские вертолёты бомбили окраины села Максат.')).toEqual([['air_or_drone_strike', 'TJ']]);
  });
  it('reads a truce that set in as an agreement', () => {
    expect(kinds('Вчера на границе установилось перемирие.')).toEqual([['ceasefire_agreement', null]]);
    expect(kinds('Вчера после переговоров на границе установился режим прекращения огня.')).toEqual([['ceasefire_agreement', null]]);
  });
  it('reads someone wounded or killed by fire, or shot dead, as fire', () => {
    expect(kinds('Вчера кыргызский пограничник был ранен огнём с таджикской стороны у села Кулунду.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(kinds('Вчера таджикские военные застрелили жителя села Максат.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(kinds('Вчера у села Кулунду кыргызский пограничник был ранен пулей таджикского военного.').map(([t]) => t)).toEqual(['small_arms_fire']);
    // A suicide, a blaze and difficulties faced are no fire or fighting.
    expect(kinds('Вчера на заставе у села Кулунду застрелился военнослужащий.')).toEqual([]);
    expect(kinds('Вчера дом в селе Максат сильно пострадал от огня.').map(([t]) => t)).not.toContain('small_arms_fire');
    expect(kinds('Вчера военные у села Кулунду столкнулись с нехваткой воды.')).toEqual([]);
  });
});

describe('heavy fire told by "pound" or with the munition first (issue #16, blind trigger misses)', () => {
  const kinds = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => [e.type, e.accused_party]);
  it('reads artillery that pounded a village and a rocket launched from a side as heavy fire', () => {
    expect(kinds('Yesterday Tajik artillery pounded Kulundu.')).toEqual([['heavy_weapons_fire', 'TJ']]);
    expect(kinds('Yesterday Tajik mortars were pounding Kyrgyz positions near Maksat.')).toEqual([['heavy_weapons_fire', 'TJ']]);
    expect(kinds('Yesterday a rocket launched from the Tajik side exploded in Kulundu.')).toEqual([['heavy_weapons_fire', 'TJ']]);
  });
});

describe('no event in look-alikes of the new phrasings', () => {
  const kinds = (text: string) => run(text, undefined, '2022-09-18T12:00:00+06:00').events.map((e) => e.type);
  it('reads no build-up, strike, incursion or agreement in a relief convoy, money, own surveillance or a truce already in force', () => {
    expect(kinds('Yesterday a humanitarian convoy was heading toward the border near Kulundu.')).toEqual([]);
    expect(kinds('Вчера колонна беженцев двигалась к границе у села Кулунду.')).toEqual([]);
    expect(kinds('Yesterday the government allocated two million pounds to rebuild Kulundu.')).toEqual([]);
    expect(kinds('Yesterday Kyrgyz border guards kept up surveillance over the border near Kulundu.')).toEqual([]);
    expect(kinds('Yesterday both sides said they remain committed to the ceasefire.')).toEqual([]);
  });
});

describe('event precision (issue #16: spurious events and wrong types)', () => {
  const ev = (text: string) => run(text).events.map((e) => [e.type, e.date, e.time_of_day, e.accused_party]);
  it('reads fire told at its time and, a sentence or two on, the same side\'s guns as one attack typed by its heaviest weapon', () => {
    expect(ev('The shooting took place yesterday at about 14:00 near Kulundu. A Kyrgyz patrol found Tajik servicemen on Kyrgyz land. Ignoring demands to leave, the Tajik servicemen opened fire and used mortars.')).toEqual([['heavy_weapons_fire', '2022-09-17', '14:00', 'TJ']]);
    expect(ev('Вчера около 17:00 таджикская сторона открыла огонь по заставе «Достук». Из-за минометного обстрела загорелось здание заставы.')).toEqual([['heavy_weapons_fire', '2022-09-17', '17:00', 'TJ']]);
    expect(ev('This morning at about 06:10 Tajik troops opened fire near Ak-Sai. The Tajik troops fired mortars at the outpost.')).toEqual([['heavy_weapons_fire', '2022-09-18', '06:10', 'TJ']]);
    // Two clock times apart are two attacks.
    expect(ev('At 08:20 Tajik troops opened fire on the post at Kulundu. At 09:40 they fired mortars at Maksat.')).toEqual([
      ['small_arms_fire', '2022-09-18', '08:20', 'TJ'],
      ['heavy_weapons_fire', '2022-09-18', '09:40', 'TJ'],
    ]);
  });
  it('gives weapons told after a summary word ("a shootout followed") to the attack told before it', () => {
    expect(ev('Сегодня таджикские пограничники открыли огонь по заставе у села Ак-Сай. Кыргызские пограничники ответили, завязалась перестрелка. Таджикская сторона при этом применяла минометы.').map(([t]) => t)).toEqual(['heavy_weapons_fire']);
    expect(ev('Today Tajik guards opened fire at the Kyrgyz post near Kulundu. A shootout followed. The Tajik side also used grenade launchers.').map(([t]) => t)).toEqual(['heavy_weapons_fire']);
    expect(ev('Tajik border guards opened fire on the Kyrgyz outpost near Ak-Sai today. The two sides exchanged fire, and the Tajik side used mortars.').map(([t]) => t)).toEqual(['heavy_weapons_fire']);
  });
  it('reads fire at a drone or aircraft as air defence: no attack, and the drone fired at types nothing', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Сегодня кыргызские военные вели огонь по таджикским беспилотникам у села Кулунду.')).toEqual([]);
    expect(types('Вчера вечером над селом Ак-Сай пролетал таджикский дрон. По одному из дронов, кружившему над заставой, кыргызские пограничники открыли огонь.')).toEqual(['incursion']);
    expect(types('Today Kyrgyz border guards opened fire at a Tajik drone flying over Kok-Tash.')).toEqual(['incursion']);
    expect(types('Today Tajik troops fired mortars at Kok-Tash and fired at a Kyrgyz drone.')).toEqual(['heavy_weapons_fire']);
    // A drone that fires is the weapon.
    expect(types('Today a Tajik drone fired at Kyrgyz positions near Kok-Tash.')).toEqual(['air_or_drone_strike']);
    expect(types('Сегодня таджикский беспилотник обстрелял позиции у села Кок-Таш.')).toEqual(['air_or_drone_strike']);
  });
  it('reads "used weapons", as «применила оружие», as fire with no weapon class; officers who have not used theirs as none', () => {
    const ev = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(ev('The Tajik side used weapons near Kok-Tash this morning.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(ev('Yesterday Tajik servicemen used weapons against Kyrgyz border guards at Maksat.')).toEqual([['small_arms_fire', 'TJ']]);
    expect(ev('Today Tajik troops used heavy weapons at Kulundu.')).toEqual([['heavy_weapons_fire', 'TJ']]);
    expect(ev('Kyrgyz officers are at the scene near Kulundu but have not used weapons so far.')).toEqual([]);
  });
  it('reads fire named only as the cause of damage, with no side, place, day, toll or attack told, as no event', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Calm returned to the border overnight. More than 150 houses have been damaged due to shelling, officials said.')).toEqual([]);
    expect(types('Ночь на границе прошла спокойно. Из-за обстрелов в приграничных сёлах повреждены десятки домов.')).toEqual([]);
    expect(types('Schools in the border villages stay closed because of the shelling, the district office said.')).toEqual([]);
    // With a place or a toll it tells an attack; after a told attack it joins it.
    expect(types('As a result of the shelling of Kok-Tash, two civilians were killed.')).toEqual(['heavy_weapons_fire']);
    expect(types('Tajik troops fired mortars at Maksat today. Due to the shelling, 30 houses were damaged.')).toEqual(['heavy_weapons_fire']);
  });
  it('reads a tank, gun or mortar fired at as the target: it types no attack', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Today Tajik troops opened fire on a Kyrgyz tank near Ak-Sai.')).toEqual(['small_arms_fire']);
    expect(types('Сегодня таджикские военные открыли огонь по кыргызскому танку у села Ак-Сай.')).toEqual(['small_arms_fire']);
    expect(types('Today Tajik troops fired at the Kyrgyz mortar positions near Ak-Sai.')).toEqual(['small_arms_fire']);
    expect(types('Сегодня таджикские военные вели огонь по позициям кыргызских минометчиков у села Ак-Сай.')).toEqual(['small_arms_fire']);
    // The weapon that fires still types it.
    expect(types('Today Tajik troops fired mortars at Kulundu.')).toEqual(['heavy_weapons_fire']);
    expect(types('Today Tajik troops hit Kulundu with artillery.')).toEqual(['heavy_weapons_fire']);
    expect(types('Today a Tajik tank fired at Kyrgyz posts near Ak-Sai.')).toEqual(['heavy_weapons_fire']);
    expect(types('Сегодня таджикские военные обстреливают ракетами село Кулунду.')).toEqual(['heavy_weapons_fire']);
  });
  it('reads shooting "between" the forces of the two sides as a clash no side is blamed for', () => {
    const ev = (text: string) => run(text).events.map((e) => [e.type, e.accused_party]);
    expect(ev('Today shooting broke out between Kyrgyz and Tajik border guards near Ak-Sai.')).toEqual([['armed_clash', null]]);
    expect(ev('Сегодня между пограничниками Кыргызстана и Таджикистана у села Ак-Сай началась стрельба.')).toEqual([['armed_clash', null]]);
    expect(ev('Сегодня между кыргызскими и таджикскими военными у села Ак-Сай началась стрельба.')).toEqual([['armed_clash', null]]);
    expect(ev('Today firing between the troops of the two countries went on near Ak-Sai.')).toEqual([['armed_clash', null]]);
    // Residents on one side are no force: the one who fired is blamed.
    expect(ev('A skirmish broke out near Ak-Sai between residents of Tajikistan and Kyrgyz border guards. One of the shepherds fired shots at a Kyrgyz guard.')).toEqual([['small_arms_fire', 'TJ']]);
  });
  it('reads "the attack" named again with its time as the attack told just before, no second event', () => {
    const ev = (text: string) => run(text).events.map((e) => [e.type, e.time_of_day]);
    expect(ev('Today Tajik troops opened fire on the Ak-Sai outpost. The Border Service said the attack on the outpost began at 14:20.')).toEqual([['small_arms_fire', '14:20']]);
    expect(ev('Сегодня таджикские военные обстреляли заставу Ак-Сай. Эта атака началась в 14:20.')).toEqual([['small_arms_fire', '14:20']]);
    expect(ev('Today Tajik troops shelled the Ak-Sai outpost with mortars. This attack began at 06:10 and lasted an hour.')).toEqual([['heavy_weapons_fire', '06:10']]);
    // A new attack, or one with its own side, is its own.
    expect(ev('Today at 06:00 Tajik troops fired at Ak-Sai. At 09:00 a new attack on Kulundu began.')).toEqual([['small_arms_fire', '06:00'], ['armed_clash', '09:00']]);
    expect(ev('Today Tajik troops opened fire on the Ak-Sai outpost. At 14:20 Tajik units attacked Kulundu.').map(([t]) => t)).toEqual(['small_arms_fire', 'armed_clash']);
  });
  it('reads counts of cases over a period and attacks years ago as a tally or background, no event', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Since January the Border Service has recorded 45 cases of fire from the Tajik side.')).toEqual([]);
    expect(types('В сентябре зафиксировано 12 случаев обстрела кыргызских застав.')).toEqual([]);
    expect(types('Two years ago Tajik forces shelled Kulundu.')).toEqual([]);
    expect(types('Год назад таджикские военные обстреляли Кулунду.')).toEqual([]);
    // A period with a day of its own tells the episode.
    expect(types('Since the morning of 16 September Tajik troops have been shelling villages.')).toEqual(['heavy_weapons_fire']);
  });
  it('reads a weapon in a clause describing the target or the place ("who were patrolling in an armoured vehicle") as no weapon of the attack', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('Today Tajik soldiers opened fire on Kyrgyz border guards near Ak-Sai, who were patrolling in an armoured vehicle.')).toEqual(['small_arms_fire']);
    expect(types('Today Tajik troops opened fire near Ak-Sai from positions where mortars had been set up earlier.')).toEqual(['small_arms_fire']);
    expect(types('Сегодня таджикские военные открыли огонь по пограничникам у села Ак-Сай, которые находились в бронетранспортере.')).toEqual(['small_arms_fire']);
    // The weapon that fires still types it.
    expect(types('Today Tajik troops opened fire on the post near Ak-Sai with mortars.')).toEqual(['heavy_weapons_fire']);
  });
  it('reads a drone\'s flight told with its strike in one sentence as that strike, no incursion beside it', () => {
    const types = (text: string) => run(text).events.map((e) => e.type);
    expect(types('A Tajik drone entered Kyrgyz airspace near Ak-Sai and struck a border post.')).toEqual(['air_or_drone_strike']);
    expect(types('Сегодня таджикский беспилотник вторгся в воздушное пространство Кыргызстана и нанес удар по заставе у села Ак-Сай.')).toEqual(['air_or_drone_strike']);
    expect(types('Today a Tajik drone flew over Kyrgyz posts near Ak-Sai and dropped a grenade on a vehicle.')).toEqual(['air_or_drone_strike']);
    // A flight told apart, or troops crossing, stay incursions.
    expect(types('Today a Tajik drone flew over Ak-Sai. In the evening a Tajik drone struck a post near Kulundu.')).toEqual(['incursion', 'air_or_drone_strike']);
    expect(types('Today Tajik units crossed the border near Ak-Sai, and a Tajik drone struck Kyrgyz positions.')).toEqual(['incursion', 'air_or_drone_strike']);
  });
  it('reads the statement\'s lead (fire, no weapon, no time) and the detail that types it a paragraph on as one attack', () => {
    const ev = (text: string) => run(text).events.map((e) => [e.type, e.time_of_day]);
    expect(ev('Tajik servicemen fired at Kyrgyz border posts today, the Border Service said.\n«At 14:20 Tajik troops shelled the Ak-Sai outpost with mortars», the statement says.')).toEqual([['heavy_weapons_fire', '14:20']]);
    expect(ev('Сегодня таджикские военные открыли огонь по кыргызским заставам, сообщает Погранслужба.\n«В 14:20 таджикские военные обстреляли из минометов заставу Ак-Сай», — говорится в сообщении.')).toEqual([['heavy_weapons_fire', '14:20']]);
    expect(ev('Tajik troops opened fire on the Ak-Sai outpost today.\nAccording to the Border Service, Tajik troops fired mortars and grenade launchers at the outpost.')).toEqual([['heavy_weapons_fire', null]]);
    // Another day or another place is another attack.
    expect(ev('Today Tajik troops opened fire on the post at Kulundu.\nYesterday Tajik troops fired mortars at Maksat.').map(([t]) => t)).toEqual(['small_arms_fire', 'heavy_weapons_fire']);
  });
});

