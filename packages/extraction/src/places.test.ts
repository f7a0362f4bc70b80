import { describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import { compileGazetteer, findPlaces, nominativeUnit, withUnlistedPlaces } from './places.ts';
import { AM_AZ_PROFILE } from './profiles/am-az.ts';
import { IL_LB_PROFILE } from './profiles/il-lb.ts';
import { IN_PK_PROFILE } from './profiles/in-pk.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';
import { TH_KH_PROFILE } from './profiles/th-kh.ts';
import { declineAdjective, declineName, declineNoun } from './text/russian.ts';

const g = compileGazetteer(KG_TJ_PROFILE);
const ids = (text: string) => findPlaces(text, g).map((p) => p.place.id);

describe('Russian declension', () => {
  it('declines nouns by their ending', () => {
    expect(declineNoun('Ворух')).toEqual(expect.arrayContaining(['Воруха', 'Ворухе', 'Ворухом']));
    expect(declineNoun('Арка')).toEqual(expect.arrayContaining(['Арки', 'Арке', 'Арку']));
    expect(declineNoun('Кулунду')).toEqual(['Кулунду']);
  });
  it('declines adjective + head names and hyphenated names', () => {
    expect(declineName('Лейлекский район')).toEqual(expect.arrayContaining(['Лейлекского района', 'Лейлекском районе', 'Лейлекском районах']));
    expect(declineName('Согдийская область')).toEqual(expect.arrayContaining(['Согдийской области']));
    expect(declineName('Кок-Таш')).toEqual(expect.arrayContaining(['Кок-Таша', 'Кок-Таше']));
    expect(declineAdjective('Исфаринский')).toEqual(expect.arrayContaining(['Исфаринского', 'Исфаринском']));
  });
});

describe('gazetteer matching', () => {
  it('finds Russian case forms', () => {
    expect(ids('обстрел окраин Воруха и Чоркуха')).toEqual(['tj.sughd.isfara.vorukh', 'tj.sughd.isfara.chorkuh']);
    expect(ids('в Лейлекском районе')).toEqual(['kg.batken.leilek']);
    expect(ids('жители Баткенской области')).toEqual(['kg.batken']);
  });
  it('finds Latin spelling variants, with or without hyphens', () => {
    expect(ids('near Koktash and Kök-Tash')).toEqual(['kg.batken.batken.kok_tash', 'kg.batken.batken.kok_tash']);
    expect(ids('the Woruch enclave')).toEqual(['tj.sughd.isfara.vorukh']);
    expect(ids('Leylek district')).toEqual(['kg.batken.leilek']);
  });
  it('resolves the first name of a coordination to the kind of the second', () => {
    expect(ids('in Batken and Leilek districts')).toEqual(['kg.batken.batken', 'kg.batken.leilek']);
    expect(ids('в Баткенском и Лейлекском районах')).toEqual(['kg.batken.batken', 'kg.batken.leilek']);
  });
  it('gives every place a stable id, country and admin chain', () => {
    const [p] = findPlaces('село Кулунду', g);
    expect(p?.place).toMatchObject({ id: 'kg.batken.leilek.kulundu', country: 'KG', parent: 'kg.batken.leilek' });
  });
  it('does not match a bare district adjective or an ordinary word', () => {
    expect(ids('Баткенского пограничного отряда')).toEqual([]);
    expect(ids('the arka of history')).toEqual([]);
  });
});

const kg = (text: string) =>
  extract({ id: 't', text, published_at: '2022-09-16T12:00:00+06:00', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE).events;
const tj = (text: string) =>
  extract({ id: 't', text, published_at: '2022-09-16T12:00:00+05:00', source_agency: 'Border Troops of the GKNB of the Republic of Tajikistan' }, KG_TJ_PROFILE).events;

describe('places the gazetteer does not list', () => {
  it('reads a name introduced by a place noun as a place, its country from its container', () => {
    expect(kg('On September 15 Tajik servicemen fired from automatic weapons at the outpost Ak-Tash in Leilek district.')[0]).toMatchObject({ locations: ['Ak-Tash', 'Leilek district'], country_of_location: 'KG' });
    expect(kg('15 сентября таджикские военнослужащие обстреляли из минометов заставу «Кара-Булак» Баткенского района.')[0]).toMatchObject({ locations: ['Кара-Булак', 'Баткенский район'], country_of_location: 'KG' });
    expect(tj('15 сентября кыргызские военнослужащие открыли огонь из автоматов по жителям села Гулякандоз Исфаринского района.')[0]).toMatchObject({ locations: ['Гулякандоз', 'Исфаринский район'], country_of_location: 'TJ' });
  });
  it('takes the country from the party adjective before the place noun when no container is named', () => {
    const [e] = kg('On September 15 Tajik servicemen opened fire on the Kyrgyz border outpost Uch-Korgon.');
    expect(e).toMatchObject({ locations: ['Uch-Korgon'], country_of_location: 'KG' });
    expect(e?.places[0]).toMatchObject({ id: null, country: 'KG' });
  });
  it('puts an attacked unlisted place on the reporting side when nothing else locates it', () => {
    expect(kg('Сегодня около 10:00 таджикские военнослужащие обстреляли из минометов заставу «Кайрагач». Погибших и раненых нет.')[0]).toMatchObject({ locations: ['Кайрагач'], country_of_location: 'KG', killed: 0, wounded: 0 });
    expect(tj('On September 15 Kyrgyz servicemen fired at the outpost Sarvak.')[0]).toMatchObject({ locations: ['Sarvak'], country_of_location: 'TJ' });
  });
  it('does not read a party adjective or a capitalised common word as a name', () => {
    expect(kg('On September 15 Tajik servicemen fired at the Tajik outpost positions near Arka.')[0]?.locations).toEqual(['Arka']);
  });
  it('lists border places missing before: Kapchygai, Tash-Tumshuk', () => {
    expect(ids('застава Капчыгай, у Таш-Тумшука')).toEqual(['kg.batken.batken.kapchygai', 'kg.batken.batken.tash_tumshuk']);
  });
});

// SCHEMA: "list the settlement and, when the text names it, its district": the unit a place is
// said to lie in follows it (once), and is no place of its own for splitting or linking.
describe('a place and where it lies', () => {
  it('lists the place, then what it lies in: "X of Y", "X near the village of Y", «X у села Y»', () => {
    expect(tj('On September 15 Kyrgyz servicemen set fire to houses in the village of Somoniyon of Isfara city.')[0]?.locations).toEqual(['Somoniyon', 'Isfara city']);
    expect(tj('15 сентября в районе водозаборного узла «Сарыкол» у села Кок-Таш кыргызские военнослужащие открыли огонь по таджикским пограничникам.')[0]?.locations).toEqual(['Сарыкол', 'Кок-Таш']);
    expect(kg('On September 15 Tajik servicemen shelled the Tash-Tumshuk area of Batken district.')[0]?.locations).toEqual(['Tash-Tumshuk', 'Batken district']);
  });
  it('lists the unit after a site closed by its place noun ("the X outpost, Y district")', () => {
    expect(kg('Today at about 11:00 Tajik servicemen opened fire on Kyrgyz border guards near the Kojo-Ata outpost, Batken district.')[0]).toMatchObject({ locations: ['Kojo-Ata', 'Batken district'], country_of_location: 'KG' });
    expect(kg('On September 15 Tajik servicemen shelled the Sary-Bulak area, Leilek district.')[0]?.locations).toEqual(['Sary-Bulak', 'Leilek district']);
    expect(kg('15 сентября таджикские военнослужащие обстреляли из минометов заставу «Кожо-Ата», Баткенский район.')[0]).toMatchObject({ locations: ['Кожо-Ата', 'Баткенский район'], country_of_location: 'KG' });
    expect(kg('15 сентября таджикские военнослужащие обстреляли село Кожо-Ата, Баткенский район.')[0]?.locations).toEqual(['Кожо-Ата', 'Баткенский район']);
  });
  it('still keeps the villages listed after such a site', () => {
    expect(kg('On September 15 Tajik servicemen shelled the Sary-Bulak area, Arka and Maksat.')[0]?.locations).toEqual(['Sary-Bulak', 'Arka', 'Maksat']);
  });
  it('lists a chain of units after a village, in order', () => {
    expect(kg('Около 12:30 таджикские военнослужащие открыли минометный огонь по селу Джекенди Чон-Алайского района Ошской области.')[0]?.locations).toEqual(['Джекенди', 'Чон-Алайский район', 'Ошская область']);
  });
  it('places fire where it hit, not where it came from ("from Vorukh at Kok-Tash")', () => {
    expect(kg('On September 16 Tajik servicemen fired mortars from Vorukh at Kok-Tash.')[0]?.locations).toEqual(['Kok-Tash']);
    // With no target named, where the fire came from is all the text says.
    expect(kg('On September 16 Tajik servicemen fired mortars from Vorukh.')[0]?.locations).toEqual(['Vorukh']);
  });
  it('keeps a list of villages', () => {
    expect(kg('On September 15 Tajik servicemen shelled Arka, Maksat and Kulundu.')[0]?.locations).toEqual(['Arka', 'Maksat', 'Kulundu']);
  });
});

const relay = (text: string) =>
  extract({ id: 't', text, published_at: '2022-09-17T21:00:00+06:00', source_agency: 'Kaktus.media' }, KG_TJ_PROFILE);

describe('a place in the name of an issuing administration', () => {
  it('is no event place', () => {
    expect(relay('According to the Batken regional administration, on September 16 Tajik troops burned 12 houses in the village of Dostuk.').events[0]).toMatchObject({ locations: ['Dostuk'], reported_by: 'KG' });
    expect(relay('По данным администрации Баткенской области, 16 сентября таджикские военнослужащие сожгли 12 домов в селе Достук.').events[0]).toMatchObject({ locations: ['Достук'], reported_by: 'KG' });
    expect(relay('According to the akimiat of Leilek district, on September 16 Tajik troops shelled Arka.').events[0]?.locations).toEqual(['Arka']);
  });
  it('gives the administration the side of its place', () => {
    const r = relay('The Isfara district hukumat said that on September 16 Kyrgyz troops shelled Chorkuh.');
    expect(r.events[0]).toMatchObject({ locations: ['Chorkuh'], reported_by: 'TJ', accused_party: 'KG' });
    expect(relay('В хукумате Исфаринского района сообщили, что 16 сентября кыргызские военные обстреляли село Чоркух.').events[0]).toMatchObject({ locations: ['Чоркух'], reported_by: 'TJ' });
  });
  it('is an event place when the event is said to happen there too', () => {
    expect(relay('The Batken district administration reports that on September 16 Tajik troops shelled Batken.').events[0]?.locations).toEqual(['Batken']);
  });
  it('matches romanisation variants and unlisted places named with their noun', () => {
    expect(ids('near Chir-Dobo')).toEqual(ids('near Chyr-Dobo'));
    expect(ids('near Chir-Dobo').length).toBe(1);
    const r = extract({ id: 'p', text: 'On 11 April Tajik troops fired at positions in the areas of Eki-Tash, Zarbulak and Kum-Mazar.', published_at: '2023-04-12', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE);
    expect(r.events[0]?.locations).toEqual(expect.arrayContaining(['Zarbulak', 'Kum-Mazar']));
    const ru = extract({ id: 'q', text: '11 апреля таджикская сторона открыла огонь по позициям в местностях Эки-Таш, Зарбулак и Кум-Мазар.', published_at: '2023-04-12', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic' }, KG_TJ_PROFILE);
    expect(ru.events[0]?.locations).toEqual(expect.arrayContaining(['Зарбулак', 'Кум-Мазар']));
  });
});

describe('places no gazetteer lists', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('reads a capitalised name after a preposition or before a site noun', () => {
    expect(names('Shots were heard near Kyzyl-Dobo after dark.')).toEqual(['Kyzyl-Dobo']);
    expect(names('The patrol reached the outskirts of Chon-Kara.')).toEqual(['Chon-Kara']);
    expect(names('Mortar rounds fell in the Ortok Sector and on Bel-Tepe village.')).toEqual(['Ortok', 'Bel-Tepe']);
  });
  it('reads Russian frames: «на участке», «населённого пункта», «вблизи», an unlisted district adjective', () => {
    expect(names('Стрельба велась на участке Кара-Тоо.')).toEqual(['Кара-Тоо']);
    expect(names('Обстрел в районе населённого пункта Жаны-Бак.')).toEqual(['Жаны-Бак']);
    expect(names('Военные замечены вблизи Тамдыка.')).toEqual(['Тамдыка']);
    expect(names('Инцидент произошёл в Нурекском районе.')).toEqual(['Нурекском районе']);
  });
  it('keeps Kyrgyz and Tajik letters in a name and matches them to the plain spelling', () => {
    expect(names('Стрельба в местности Сары-Өзөн.')).toEqual(['Сары-Өзөн']);
    expect(ids('жители села Төрт-Көчө')).toEqual(['kg.batken.batken.tort_kocho']);
  });
  it('does not read months, weekdays or a party as a place', () => {
    expect(names('Troops moved towards Monday talks near Tajik positions, near May.')).toEqual([]);
    expect(names('Стрельба велась около Таджикистана в сентябре.')).toEqual([]);
  });
});

describe('the scene of an unplaced event', () => {
  it('is the place of an earlier sentence of the paragraph that set it', () => {
    const e = kg('On September 15 a Kyrgyz patrol was checking the road near Kyzyl-Dobo. The patrol saw a group of Tajik servicemen. The Tajik servicemen then opened fire from automatic weapons.');
    expect(e[0]?.locations).toEqual(['Kyzyl-Dobo']);
  });
  it('is not taken from another paragraph', () => {
    const e = kg('On September 14 residents gathered near Kyzyl-Dobo.\n\nOn September 15 Tajik servicemen opened fire from automatic weapons.');
    expect(e[0]?.locations).toEqual([]);
  });
  it('keeps a border line beside the settlement named before it', () => {
    const r = extract({ id: 'l', text: 'On Sunday an Indian patrol was moving near Mendhar. Pakistani troops opened fire at the patrol from across the LoC.', published_at: '2025-05-05T09:00:00+05:30', source_agency: 'PTI' }, IN_PK_PROFILE);
    expect(r.events[0]?.locations).toEqual(['Mendhar', 'Line of Control']);
  });
});

describe('the scene a statement set, for an event placed nowhere in its paragraph', () => {
  it('is carried from an earlier paragraph', () => {
    expect(kg('On September 15 an incident took place near the village of Kyzyl-Dobo, Batken district.\n\nTajik servicemen opened fire from automatic weapons at Kyrgyz border guards.')[0]?.locations).toEqual(['Kyzyl-Dobo', 'Batken district']);
    expect(kg('15 сентября инцидент произошёл в местности Сары-Өзөн Лейлекского района.\n\nТаджикские военнослужащие открыли огонь из автоматов по кыргызским пограничникам.')[0]?.locations).toEqual(['Сары-Өзөн', 'Лейлекский район']);
    expect(tj('Новый конфликт случился 15 сентября у села Чоркух.\nПо словам очевидцев, кыргызские военнослужащие обстреляли из минометов таджикских пограничников.')[0]?.locations).toEqual(['Чоркух']);
  });
  it('is carried over more sentences of a narrative than the nearest three', () => {
    const e = kg('On September 15 a Kyrgyz driver was travelling on the road near Maksat. He stopped for water. Three Tajik servicemen came up to him. They got into his car. He drove off when they got out. The Tajik servicemen then opened fire from automatic weapons at the car.');
    expect(e[0]?.locations).toEqual(['Maksat']);
  });
  it('is told after the lead that names no place', () => {
    expect(kg('On September 15 Tajik servicemen opened fire from automatic weapons at Kyrgyz border guards.\n\nThe incident happened near the village of Kyzyl-Dobo.')[0]?.locations).toEqual(['Kyzyl-Dobo']);
    expect(kg('15 сентября таджикские военнослужащие открыли огонь из автоматов по кыргызским пограничникам.\n\nИнцидент произошёл в районе поселения Кызыл-Добо.')[0]?.locations).toEqual(['Кызыл-Добо']);
  });
  it('is not where the people named came from', () => {
    expect(kg('On September 15 residents of Batken region gathered at the border. Then Tajik servicemen opened fire from automatic weapons.')[0]?.locations).toEqual([]);
    expect(tj('15 сентября жители села Аксай собрались на территории джамоата Ворух. Граждане защищались от жителей Баткенской области. Затем кыргызские военнослужащие открыли огонь из автоматов.')[0]?.locations).toEqual(['Ворух']);
  });
});

describe('more Russian place nouns and unlisted units', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('reads a name after «поселение», «община», «станица», «хутор»', () => {
    expect(names('Дрон сбросил гранату вблизи поселения Кфар-Шуба.')).toEqual(['Кфар-Шуба']);
    expect(names('Удар пришёлся по школе в сельской общине Навобод.')).toEqual(['Навобод']);
    expect(names('Обстрел станицы Михайловская и хутора Ивановка.')).toEqual(['Михайловская', 'Ивановка']);
  });
  it('reads an unlisted region or sector adjective with its noun', () => {
    expect(names('Бои шли на армянской территории в Гегаркуникской области.')).toEqual(['Гегаркуникской области']);
    expect(names('Провокации на Кельбаджарском участке границы и на Лачинском направлении.')).toEqual(['Кельбаджарском участке', 'Лачинском направлении']);
  });
  it('does not read a party adjective as a unit', () => {
    expect(names('Кыргызско-Таджикском участке границы спокойно. Таджикской области нет.')).toEqual([]);
  });
});

describe('an event placed only on a line or a whole region', () => {
  it('takes the settlements the statement names for the scene, before the line', () => {
    const r = extract({ id: 'l2', text: 'On May 6 Pakistani troops fired with small arms at Indian posts along the LoC in Jammu and Kashmir.\n\nThe firing hit villages opposite Kupwara and Mendhar, a spokesperson said.', published_at: '2025-05-06T09:00:00+05:30', source_agency: 'PTI' }, IN_PK_PROFILE);
    expect(r.events[0]?.locations).toEqual(expect.arrayContaining(['Kupwara', 'Mendhar', 'Line of Control']));
    const far = extract({ id: 'l3', text: 'Tension is high in Jammu and Kashmir. On May 6 Pakistani troops fired with small arms at Indian posts along the LoC in Jammu and Kashmir.\n\nThe posts stand opposite Kupwara and Mendhar, a spokesperson said.', published_at: '2025-05-06T09:00:00+05:30', source_agency: 'PTI' }, IN_PK_PROFILE);
    expect(far.events[0]?.locations).toEqual(expect.arrayContaining(['Kupwara', 'Mendhar', 'Line of Control']));
    const ru = kg('15 сентября таджикские военнослужащие обстреляли из минометов кыргызских пограничников в Баткенской области.\n\nОбстрел вёлся по окраинам села Максат.');
    expect(ru[0]?.locations).toEqual(expect.arrayContaining(['Максат', 'Баткенская область']));
  });

  it('does not read a title after a listed place as another place', () => {
    const r = extract({ id: 'l4', text: 'On 29 April Tajik troops fired at Kyrgyz border guards in the area of Chyr-Dobo, Foreign Minister Kazakbayev said.', published_at: '2021-04-29T18:00:00+06:00', source_agency: 'Ministry of Foreign Affairs of the Kyrgyz Republic' }, KG_TJ_PROFILE);
    expect(r.events[0]?.locations).not.toContain('Foreign Minister');
  });

  it('does not take as its scene a town of another region (where help came from)', () => {
    const r = kg('15 сентября таджикские военнослужащие обстреляли из минометов кыргызских пограничников в Баткенской области.\n\nВ область направлены врачи из Оша.');
    expect(r[0]?.locations).toEqual(['Баткенская область']);
  });
});

describe('a city named with "area of"', () => {
  it('is the place of the attack, not a government', () => {
    const r = extract({ id: 'g', text: 'On 11 October Armenian forces fired missiles on a residential area of Ganja.', published_at: '2020-10-11T12:00:00+04:00', source_agency: 'Azerbaijan Ministry of Defence' });
    expect(r.events[0]?.locations).toEqual(['Ganja']);
  });
});

describe('Russian area nouns', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('read the name after «район», «квартал», «микрорайон»', () => {
    expect(names('Удары по району Дахия продолжаются.')).toEqual(['Дахия']);
    expect(names('Снаряд попал в квартал Хай-Салам и микрорайон Навруз.')).toEqual(['Хай-Салам', 'Навруз']);
  });
  it('do not read the adjective of the unit a district lies in', () => {
    expect(names('Лахшский район Раштской долины.')).toEqual(['Лахшский район']);
    expect(names('в районе Каракульской заставы')).toEqual([]);
  });
});

describe('places in an official title', () => {
  it('set no scene for an event told after them', () => {
    expect(tj('On September 15 a meeting was called by the authorities of the city of Isfara. Then Kyrgyz border guards opened fire from automatic weapons on Tajik civilians.')[0]?.locations).toEqual([]);
    expect(kg('15 сентября на переговорах был губернатор Согдийской области. Затем таджикские военнослужащие открыли огонь из автоматов.')[0]?.locations).toEqual([]);
    expect(kg('15 сентября к границе приехал полпред президента в Баткенской области. Затем таджикские военнослужащие открыли огонь из автоматов.')[0]?.locations).toEqual([]);
  });
  it('let the scene named before them through', () => {
    expect(kg('15 сентября инцидент произошёл у села Максат. Туда приехал полпред президента в Баткенской области. Затем таджикские военнослужащие открыли огонь из автоматов.')[0]?.locations).toEqual(['Максат']);
  });
});

describe('a quoted name after a site noun', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('is a place, in any quotation marks', () => {
    expect(names('Пострадал начальник угольного разреза "Шуроб".')).toEqual(['Шуроб']);
    expect(names('Обстрелу подвергся рудник «Кан» и мост „Достук“.')).toEqual(['Кан', 'Достук']);
  });
  it('is not a quote after a common word', () => {
    expect(names('Он сказал "Стреляли все" и ушёл.')).toEqual([]);
  });
});

describe('where the wounded are treated', () => {
  it('is no place of the attack', () => {
    expect(kg('On September 15 Tajik servicemen opened fire from automatic weapons at Kyrgyz border guards near Maksat. Two wounded are being treated in Bishkek.')[0]?.locations).toEqual(['Maksat']);
    expect(kg('15 сентября таджикские военнослужащие открыли огонь из автоматов. Из пострадавших 20 человек лечатся в Бишкеке.')[0]?.locations).toEqual([]);
    expect(kg('15 сентября таджикские военнослужащие открыли огонь из автоматов. Раненые госпитализированы в Оше.')[0]?.locations).toEqual([]);
    expect(kg('On September 15 Tajik servicemen opened fire from automatic weapons. The wounded were hospitalised in Osh.')[0]?.locations).toEqual([]);
  });
});

describe('an English site named with its head noun', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('is kept whole: temple, bridge, hill, mine, dam, camp', () => {
    expect(names('Shells fell near Prasat Kana Temple and the Friendship Bridge.')).toEqual(['Prasat Kana Temple', 'Friendship Bridge']);
    expect(names('Troops were seen at Bel Tepe Hill and Kan Mine.')).toEqual(['Bel Tepe Hill', 'Kan Mine']);
  });
  it('is not a party or a determiner with the noun', () => {
    expect(names('The Temple was closed. Tajik Camp guards waited.')).toEqual([]);
  });
});

const pti = (text: string) => extract({ id: 'k', text, published_at: '2025-05-06T09:00:00+05:30', source_agency: 'PTI' }, IN_PK_PROFILE).events;

describe('an abbreviated place and the city of the dateline', () => {
  it('writes an abbreviation out as the name it stands for, once', () => {
    expect(pti('On May 5 Pakistani troops opened fire along the Line of Control (LoC) in Kashmir.')[0]?.locations).toEqual(['Line of Control', 'Kashmir']);
    expect(pti('On May 5 Pakistani troops opened fire at Indian posts along the LoC near Uri.')[0]?.locations).toEqual(['Line of Control', 'Uri']);
  });
  it('takes no place from a "CITY:" dateline or an "X-based" official', () => {
    const e = pti('SRINAGAR: On May 5 Pakistani troops opened fire at Indian posts near Uri, a Srinagar-based spokesman said.');
    expect(e[0]?.locations).toEqual(['Uri']);
  });
});

describe("fire from one side's settlements at the other's", () => {
  const az = (text: string) => extract({ id: 'a', text, published_at: '2023-07-09T10:00:00+04:00', source_agency: 'Ministry of Defense of Azerbaijan' }, AM_AZ_PROFILE).events;
  it('lists names before a plural place noun, and keeps only the targets', () => {
    const e = az('On July 8 Armenian units fired from positions in the directions of the Verin Tala and Nerkin Tala settlements of the Basarkechar region at Azerbaijan Army positions in the directions of the Kalbajar region (Dashbulag, Yukhari Kend and Orta Yurd settlements).');
    expect(e[0]?.locations).toEqual(expect.arrayContaining(['Dashbulag', 'Yukhari Kend', 'Orta Yurd']));
    expect(e[0]?.locations).not.toContain('Verin Tala');
    expect(e[0]?.locations).not.toContain('Basarkechar');
  });
  it('reads a singular settlement noun after the name', () => {
    expect(az('On July 8 Armenian units fired at Azerbaijan Army positions near Dashbulag settlement.')[0]?.locations).toEqual(['Dashbulag']);
  });
});

describe('Russian places named after a place noun', () => {
  it('places a strike on a quarter of a city, with the city («по району X в Y»)', () => {
    const e = extract({ id: 'b', text: '5 октября израильская авиация нанесла удары по району Шайях в Бейруте.', published_at: '2024-10-05T12:00:00+03:00', source_agency: 'РИА Новости' }, IL_LB_PROFILE).events;
    expect(e[0]?.locations).toEqual(['Шайях', 'Бейрут']);
  });
  it('keeps a temple named after its noun whole', () => {
    const e = extract({ id: 'c', text: '24 июля камбоджийские военные открыли огонь у древнего храма Прасат Кок Мон на границе.', published_at: '2025-07-24T12:00:00+07:00', source_agency: 'Royal Thai Army' }, TH_KH_PROFILE).events;
    expect(e[0]?.locations).toEqual(['Прасат Кок Мон']);
  });
  it('writes the nominative of the spelling the text uses', () => {
    expect(tj('15 сентября кыргызские военнослужащие обстреляли из минометов Кульканд.')[0]?.locations).toEqual(['Кульканд']);
  });
});

describe('a name after "the border of"', () => {
  it('is a place', () => {
    expect(kg('On September 15 an exchange of fire took place on the border of Tamdyk.')[0]?.locations).toEqual(['Tamdyk']);
  });
});

describe('names listed between two places', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('are places too', () => {
    expect(names('Drones were seen over Vorukh, Tangi, Sarvoda and Chorkuh.')).toEqual(['Vorukh', 'Tangi', 'Sarvoda', 'Chorkuh']);
    expect(names('Под огнём оказались четыре объекта: Ворух, Танги Боло, Сарвода и Чоркух.')).toEqual(['Ворух', 'Танги Боло', 'Сарвода', 'Чоркух']);
  });
  it('not in a declined Russian list, nor a party or a month', () => {
    expect(names('Беспилотники летали над Воруха, Тангой и Чоркухом.')).toEqual(['Воруха', 'Чоркухом']);
    expect(names('Shelling hit Vorukh, Tajikistan and Chorkuh.')).toEqual(['Vorukh', 'Chorkuh']);
  });
});

describe('a name opening with the local word for a village or a temple', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('is a place, whole', () => {
    expect(names('Rockets fell on Ban Khok Sai 4 and near Wat Pho Thong.')).toEqual(['Ban Khok Sai 4', 'Wat Pho Thong']);
  });
  it('is not the word alone', () => {
    expect(names('The Ban on trade stays.')).toEqual([]);
  });
});

describe('a settlement of a town, in the Russian genitive', () => {
  it('lists the town after the settlement', () => {
    expect(tj('15 сентября кыргызские военнослужащие обстреляли дома в джамоате Сурх города Исфара.')[0]?.locations).toEqual(['Сурх', 'Исфара']);
  });
});

describe('a city as the object of the attack word', () => {
  it('is where the attack happened, not a government', () => {
    const e = extract({ id: 'g', text: 'On 12 October Armenian missiles struck Ganja, the ministry said.', published_at: '2020-10-12T10:00:00+04:00', source_agency: 'Ministry of Defense of Azerbaijan' }, AM_AZ_PROFILE).events;
    expect(e[0]?.locations).toEqual(['Ganja']);
  });
});

describe('more place nouns before a name', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('reads a mahalla, an aimak, an unquoted outpost and a community', () => {
    expect(names('Обстрелу подвергся дом в махалле Навбахор.')).toEqual(['Навбахор']);
    expect(names('Жителей айыльного аймака Кара-Таш эвакуировали.')).toEqual(['Кара-Таш']);
    expect(names('Огонь открыт по погранзаставе Сары-Таш.')).toEqual(['Сары-Таш']);
    expect(names('Shooting began in the rural community of Navbahor and near the Sary-Tash community.')).toEqual(['Navbahor', 'Sary-Tash']);
  });
  it('reads a name closed by "border outpost", "border checkpoint" or "frontier post"', () => {
    expect(names('At 21.40 Tajik servicemen began shelling the Tamga border outpost.')).toEqual(['Tamga']);
    expect(names('Shots were fired at the Kara-Bulak border checkpoint overnight.')).toEqual(['Kara-Bulak']);
    expect(names('Mortar rounds landed near the Sogment frontier post of the Kyrgyz side.')).toEqual(['Sogment']);
    expect(names('Fire was opened on the Tajik border outpost.')).toEqual([]);
  });
  it('reads names listed before plural districts, sectors or provinces', () => {
    expect(names('Homes were damaged in Prakhon Chai, Lahan Sai and Non Suwan districts of the province.')).toEqual(['Prakhon Chai', 'Lahan Sai', 'Non Suwan']);
    expect(names('The enemy opened fire in the Keran and Machil sectors overnight.')).toEqual(['Keran', 'Machil']);
    expect(names('Shells fell across Tavush, Syunik, and Gegharkunik provinces.')).toEqual(['Tavush', 'Syunik', 'Gegharkunik']);
  });
  it('reads a unit named with "region", not a region named by an adjective', () => {
    expect(names('The enemy shelled positions in the Dashkasan region overnight.')).toEqual(['Dashkasan region']);
    expect(names('Units fired at positions in Tavush region.')).toEqual(['Tavush region']);
    expect(names('Mortars hit Ijevan region and Noyemberyan district.')).toEqual(['Ijevan region', 'Noyemberyan district']);
    expect(names('Tensions are rising across the Central Asian region.')).toEqual([]);
  });
  it('reads a name in apposition to a settlement noun', () => {
    expect(names('A drone struck a car in Kfarkela, a village in southern Lebanon.')).toEqual(['Kfarkela']);
    expect(names('Shells fell on Nong Khai, a small border town, before dawn.')).toEqual(['Nong Khai']);
    expect(names('Firing was reported near Uri, a town close to the Line of Control.')).toEqual(['Uri']);
    expect(names('Firing was reported on Monday, a day after the talks.')).toEqual([]);
  });
  it('reads a name closed by a lower-case temple or pagoda', () => {
    expect(names('Rockets landed near the Prasat Khna temple ruins.')).toEqual(['Prasat Khna']);
    expect(names('Shots were fired close to the Wat Phra pagoda.')).toEqual(['Wat Phra']);
    expect(names('Troops were posted at the Ta Krabey temple.')).toEqual(['Ta Krabey']);
  });
  it('reads a quoted name after «погранпост» or «погранзастава»', () => {
    expect(names('Обстрелу подвергся погранпост «Кара-Суу».')).toEqual(['Кара-Суу']);
    expect(names('Пограничники погранпоста «Жаны-Жер» заметили группу.')).toEqual(['Жаны-Жер']);
    expect(names('Огонь вёлся в сторону погранзаставы "Бешкент".')).toEqual(['Бешкент']);
  });
  it("not an outpost's unit or country", () => {
    expect(names('Огонь открыт по заставе Пограничной службы.')).toEqual([]);
  });
  it('reads a Thai province named bare in Russian', () => {
    const th = compileGazetteer(TH_KH_PROFILE);
    expect(findPlaces('снаряды упали в провинции Сисакет и у Сурина', th).map((p) => p.place.id)).toEqual(['th.sisaket', 'th.surin']);
  });
});

describe('an unlisted Russian unit named by its adjective', () => {
  it('is output in the nominative', () => {
    expect(nominativeUnit('Лахшском районе')).toBe('Лахшский район');
    expect(nominativeUnit('Гегаркуникской области')).toBe('Гегаркуникская область');
    expect(nominativeUnit('Кельбаджарском участке')).toBe('Кельбаджарский участок');
    expect(nominativeUnit('Лачинском направлении')).toBe('Лачинское направление');
    expect(nominativeUnit('Tavush region')).toBe('Tavush region');
    const run = (text: string) => extract({ id: 't', text, published_at: '2023-05-16', source_agency: 'Kabar' }, AM_AZ_PROFILE).events.map((e) => e.locations);
    expect(run('15 мая азербайджанские подразделения обстреляли позиции на Кельбаджарском участке и в Гегаркуникской области.')).toEqual([['Кельбаджарский участок', 'Гегаркуникская область']]);
    expect(run('15 мая армянские подразделения обстреляли позиции в Лачинском направлении.')).toEqual([['Лачинское направление']]);
  });
});

describe('an unlisted compound name', () => {
  it('is a place after "in", "at" or an attack word, in English and Russian', () => {
    expect(kg('On September 15 Tajik servicemen opened fire at Kyrgyz positions in Tuz-Bel.')[0]?.locations).toEqual(['Tuz-Bel']);
    expect(kg('On September 15 Tajik servicemen shelled Tuz-Bel and Kara-Jygach with mortars.')[0]?.locations).toEqual(['Tuz-Bel', 'Kara-Jygach']);
    expect(kg('15 сентября таджикские военнослужащие обстреляли Туз-Бел из минометов.')[0]?.locations).toEqual(['Туз-Бел']);
  });
  it('is a place after a post, a section or a plural village noun', () => {
    expect(kg('On September 15 Tajik servicemen opened fire at the Tuz-Bel post.')[0]?.locations).toEqual(['Tuz-Bel']);
    expect(kg('On September 15 Tajik servicemen opened fire in the Tuz-Bel section of the border.')[0]?.locations).toEqual(['Tuz-Bel']);
    expect(kg('15 сентября таджикские военнослужащие открыли огонь в районе пограничного поста Туз-Бел.')[0]?.locations).toEqual(['Туз-Бел']);
    expect(kg('15 сентября таджикские военнослужащие открыли огонь по селам Туз-Бел и Кара-Жыгач.')[0]?.locations).toEqual(['Туз-Бел', 'Кара-Жыгач']);
  });
  it('is no party compound', () => {
    expect(kg('On September 15 Tajik servicemen opened fire in Kyrgyz-Tajik border areas.')[0]?.locations).toEqual([]);
  });
});

describe('a district named bare in Russian', () => {
  it('is the district when no settlement has the name', () => {
    expect(ids('Беспилотник видели над Деваштичем.')).toEqual(['tj.sughd.devashtich']);
    const inpk = compileGazetteer(IN_PK_PROFILE);
    expect(findPlaces('войска вошли в сектор Пунч, затем обстреляли Джамму', inpk).map((p) => p.place.id)).toEqual(['in.jk.poonch', 'in.jk.jammu.jammu_city']);
  });
});

describe('capitals and datelines', () => {
  it('takes no place from a "CITY (Agency)" or «Город. Дата.» dateline', () => {
    expect(relay('BISHKEK (Newswire) – On September 16 Tajik servicemen opened fire at the Ak-Sai outpost.').events[0]?.locations).toEqual(['Ak-Sai']);
    expect(relay('Москва. 16 сентября. Новости - 16 сентября таджикские военнослужащие обстреляли заставу Ак-Сай.').events[0]?.locations).toEqual(['Ак-Сай']);
  });
  it('reads capitals that agree as their governments, a dateline city as the meeting place', () => {
    const both = relay('On September 16 Bishkek and Dushanbe agreed on a ceasefire from 16:00.').events.find((e) => e.type === 'ceasefire_agreement');
    expect(both?.locations).toEqual([]);
    const met = relay('Samarkand, Sept 16 (Newswire) At a meeting of the two leaders, Kyrgyzstan and Tajikistan agreed on a ceasefire.').events.find((e) => e.type === 'ceasefire_agreement');
    expect(met?.locations).toEqual(['Samarkand']);
  });
});

describe('a site of a village in a district', () => {
  it('lists the district and province after the village, through the site nouns', () => {
    const e = extract({ id: 's', text: 'On Saturday Cambodian artillery struck Ban Khok Lon subdistrict school in Kap Choeng district of Surin province.', published_at: '2025-07-26T12:00:00+07:00', source_agency: 'Royal Thai Army' }, TH_KH_PROFILE).events;
    expect(e[0]?.locations).toEqual(['Ban Khok Lon', 'Kap Choeng district', 'Surin province']);
  });
});

describe('abbreviated settlement nouns and local admin words', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('reads «с.», «пос.», «г.» before a name', () => {
    expect(names('Обстрелу подверглись с. Туз-Бел и с.Кара-Жыгач.')).toEqual(['Туз-Бел', 'Кара-Жыгач']);
    expect(names('Колонна вышла из пос. Жаңы-Талап.')).toEqual(['Жаңы-Талап']);
  });
  it('not an abbreviation inside a word or before a lower-case word', () => {
    expect(names('Бой шёл 3 ч. Сильный огонь вёлся с. утра.')).toEqual([]);
  });
  it('reads a Thai tambon or a Khmer khum name as a place', () => {
    expect(names('Shells fell in Tambon Khok Sung and Khum Ou Bei Choan.')).toEqual(['Tambon Khok Sung', 'Khum Ou Bei Choan']);
  });
});

describe('a Russian name of several words after a place noun', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('is whole when a preposition, a mark or a unit adjective closes it', () => {
    expect(names('Снаряды упали на деревню Бан Кхок Лом в провинции.')).toEqual(['Бан Кхок Лом']);
    const [p] = withUnlistedPlaces('Обстреляли село Юхары Кенд Тавушской области.', [], KG_TJ_PROFILE);
    expect([p?.text, p?.container?.text]).toEqual(['Юхары Кенд', 'Тавушской области']);
  });
  it('is one word before another noun', () => {
    expect(names('Огонь открыт по заставе Туз-Бел Пограничной службы.')).toEqual(['Туз-Бел']);
  });
});

describe('an English site name of three words', () => {
  const names = (text: string) => withUnlistedPlaces(text, findPlaces(text, g), KG_TJ_PROFILE).map((p) => p.text);
  it('is whole before the site noun', () => {
    expect(names('Troops opened fire near Chong Sai Taku pass.')).toEqual(['Chong Sai Taku']);
  });
  it('has no party or title word in it', () => {
    expect(names('Troops opened fire near the Kyrgyz Kara Suu village.')).toEqual(['Kara Suu']);
  });
});

describe('the gazetteers of the other conflicts', () => {
  const on = (profile: Parameters<typeof compileGazetteer>[0]) => {
    const gz = compileGazetteer(profile);
    return (text: string) => findPlaces(text, gz).map((p) => p.place.id);
  };
  const th = on(TH_KH_PROFILE);
  const il = on(IL_LB_PROFILE);
  const ip = on(IN_PK_PROFILE);
  const aa = on(AM_AZ_PROFILE);
  it('Thailand–Cambodia: border districts, checkpoints and sites, in both languages', () => {
    expect(th('Cambodian troops fired rockets near the Chong Chom checkpoint in Kap Choeng district, Surin.')).toEqual(['th.surin.chong_chom', 'th.surin.kap_choeng', 'th.surin']);
    expect(th('Shelling was reported at Ban Khlong Luek in Aranyaprathet and near Ban Phakkad.')).toEqual(['th.sakaeo.ban_khlong_luek', 'th.sakaeo.aranyaprathet', 'th.chanthaburi.ban_phakkad']);
    expect(th('Thai troops shelled Poipet and the Cham Yeam crossing in Koh Kong province.')).toEqual(['kh.banteay_meanchey.poipet', 'kh.koh_kong.cham_yeam', 'kh.koh_kong']);
    expect(th('Обстрел вёлся в округе Капчхоенг и у контрольно-пропускного пункта Чонг Чом.')).toEqual(['th.surin.kap_choeng', 'th.surin.chong_chom']);
    expect(th('Камбоджийские военные обстреляли Пханомдонграк и район Пху Макуа.')).toEqual(['th.surin.phanom_dong_rak', 'th.sisaket.phu_makua']);
    expect(th('Бои шли в провинции Пайлин и у Пойпета.')).toEqual(['kh.pailin', 'kh.banteay_meanchey.poipet']);
  });
  it('Israel–Lebanon: villages of the south and communities of the north', () => {
    expect(il('The IDF struck Hezbollah targets in Kfarkela, Markaba and Tebnine.')).toEqual(['lb.nabatieh.marjayoun.kfar_kila', 'lb.nabatieh.marjayoun.markaba', 'lb.nabatieh.bint_jbeil.tebnine']);
    expect(il('Rockets were fired at Kfar Giladi and Rosh Hanikra; sirens sounded in Majdal Shams.')).toEqual(['il.north.kfar_giladi', 'il.north.rosh_hanikra', 'il.golan.majdal_shams']);
    expect(il('Израильская авиация нанесла удар в районе Хиама и по окраинам Айтаруна.')).toEqual(['lb.nabatieh.marjayoun.khiam', 'lb.nabatieh.bint_jbeil.aitaroun']);
    expect(il('Ракеты упали у Кфар-Гилади и в Маалоте, сообщил ЦАХАЛ.')).toEqual(['il.north.kfar_giladi', 'il.north.maalot_tarshiha']);
  });
  it('India–Pakistan: sectors and towns on both sides of the line', () => {
    expect(ip('Pakistani troops opened fire in the Gurez and Tithwal sectors and near Surankote.')).toEqual(['in.jk.bandipora.gurez', 'in.jk.kupwara.tithwal', 'in.jk.poonch.surankote']);
    expect(ip('Indian shelling hit Sharda and Kel in Neelum valley and villages near Chhamb.')).toEqual(['pk.ajk.neelum.sharda', 'pk.ajk.neelum.kel', 'pk.ajk.neelum', 'pk.ajk.chhamb']);
    expect(ip('The ISPR said Indian troops targeted villages in the Hajipir and Bedori sectors and near Tatta Pani.')).toEqual(['pk.ajk.hajipir', 'pk.ajk.bedori', 'pk.ajk.tatta_pani']);
    expect(ip('Обстрел вёлся в секторе Гурез и у Сундербани, а также в районе Никиала.')).toEqual(['in.jk.bandipora.gurez', 'in.jk.rajouri.sunderbani', 'pk.ajk.kotli.nakyal']);
  });
  it('Armenia–Azerbaijan: border villages and districts', () => {
    expect(aa('Azerbaijani units fired at Verin Shorzha, Kirants and Berkaber.')).toEqual(['am.gegharkunik.verin_shorzha', 'am.tavush.kirants', 'am.tavush.berkaber']);
    expect(aa('Армянские подразделения обстреляли позиции у села Сотк и в Лачине.')).toEqual(['am.gegharkunik.sotk', 'az.lachin']);
    expect(aa('Огонь вёлся по селам Беркабер и Киранц, а также по Юхары Аскипара Газахского района.')).toEqual(['am.tavush.berkaber', 'am.tavush.kirants', 'az.gazakh.yukhari_askipara', 'az.gazakh']);
  });
  it('inflected Russian forms resolve to the nominative', () => {
    const gz = compileGazetteer(IL_LB_PROFILE);
    expect(findPlaces('в районе Хиама', gz).map((p) => p.place.ru[0])).toEqual(['Хиам']);
    const ga = compileGazetteer(AM_AZ_PROFILE);
    expect(findPlaces('у села Сотк и у Киранца', ga).map((p) => p.place.ru[0])).toEqual(['Сотк', 'Киранц']);
    expect(findPlaces('у Беркабера', ga).map((p) => p.place.ru[0])).toEqual(['Беркабер']);
    const lb = extract({ id: 'g1', text: '3 марта израильская армия нанесла авиаудар в районе Хиама, сообщили ливанские военные.', published_at: '2025-03-03T12:00:00+02:00', source_agency: 'ТАСС' }, IL_LB_PROFILE);
    expect(lb.events[0]?.places.map((p) => [p.as_written, p.name])).toEqual([['Хиама', 'Хиам']]);
    const th = extract({ id: 'g2', text: '24 июля камбоджийские военные обстреляли из артиллерии окрестности Кап Чоенга, сообщила армия Таиланда.', published_at: '2025-07-24T12:00:00+07:00', source_agency: 'ТАСС' }, TH_KH_PROFILE);
    expect(th.events[0]?.places.map((p) => p.name)).toEqual(['Кап Чоенг']);
  });
  it('ordinary sentences gain no places', () => {
    expect(th('The Malay delegation met in Bangkok; an hour later the talks resumed on the new plan.')).toEqual([]);
    expect(il('Acres of farmland burned after the tires of the truck caught fire, a spokesman said.')).toEqual([]);
    expect(ip('Hour by hour the firing continued; the garden and the town hall were damaged.')).toEqual([]);
    expect(aa('Ответ ждёт тех, кто нарушает режим; о газах и дыме не сообщалось.')).toEqual([]);
    expect(aa('The talks in Brussels went on; the weather was mild and the roads were open.')).toEqual([]);
  });
});
