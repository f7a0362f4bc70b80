import { describe, expect, it } from 'vitest';
import { findAgencies, findParties, partyFrames } from './attribution.ts';
import { extract } from './engine.ts';
import { relayCountry } from './profiles/relays.ts';
import { IN_PK_PROFILE } from './profiles/in-pk.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';
import { TH_KH_PROFILE } from './profiles/th-kh.ts';
import { AM_AZ_PROFILE } from './profiles/am-az.ts';
import { IL_LB_PROFILE } from './profiles/il-lb.ts';

const run = (text: string, source: string | null, published_at = '2023-04-12T10:00:00+06:00') =>
  extract({ id: 't', text, published_at, source_agency: source }, KG_TJ_PROFILE);

describe('attribution', () => {
  it('takes the reporter from the issuing agency', () => {
    const r = run(
      'Today at 06:20 Tajik border guards opened fire from automatic weapons at a Kyrgyz patrol near Kyzyl-Bel.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(r.reporter).toEqual({ agency: 'Border Service of the GKNB of the Kyrgyz Republic', side: 'KG' });
    expect(r.events[0]).toMatchObject({ accused_party: 'TJ', reported_by: 'KG', claim_status: 'reported' });
  });
  it('gives a relay the side of the official source it cites', () => {
    const r = run(
      'According to the Border Troops of Tajikistan, Kyrgyz servicemen fired at residents of Surkh this morning.',
      '24.kg',
    );
    expect(r.events[0]).toMatchObject({ reported_by: 'TJ', accused_party: 'KG' });
    const ru = run(
      'Как сообщили «Азия-Плюс» в Пограничных войсках ГКНБ Таджикистана, кыргызские военные обстреляли село Лаккон.',
      'Азия-Плюс',
    );
    expect(ru.events[0]).toMatchObject({ reported_by: 'TJ', accused_party: 'KG' });
  });
  it("gives a third country's relay its own country where it sums up both sides' claims", () => {
    const r = run(
      'As the Kyrgyz Border Service reported, Tajik troops shelled the village of Kulundu on Monday.\n' +
        'Fighting along the border went on all Tuesday. The sides blamed each other for the escalation.',
      'Steppe-news.kz (citing the Border Service)',
      '2023-04-12T10:00:00+06:00',
    );
    expect(r.events.map((e) => e.reported_by)).toEqual(['KG', 'KZ']);
    const ru = run(
      'Как сообщает пресс-центр Пограничных войск Таджикистана, киргизские военные обстреляли село Ворух.\n' +
        'Бои на границе шли весь вторник. Стороны обвинили друг друга в нарушении перемирия.',
      'Телеканал «Звезда»',
    );
    expect(ru.events.map((e) => e.reported_by)).toEqual(['TJ', 'RU']);
    // A relay by one side's own outlet keeps the cited side.
    expect(run('Fighting along the border went on all Tuesday. The sides blamed each other.', 'Kabar').events[0]?.reported_by).not.toBe('RU');
  });
  it('reads the short «Госкомитет нацбезопасности» as the committee, and «по версии» as the side cited', () => {
    const r = run(
      'Вчера киргизский пост обстреляли у села Максат. В Госкомитете нацбезопасности Таджикистана, в свою очередь, заявили, что киргизские военные незаконно пересекли границу у села Ворух.',
      'Кабар',
    );
    expect(r.events.find((e) => e.type === 'incursion')).toMatchObject({ reported_by: 'TJ', accused_party: 'KG' });
    const parties = findParties('По версии таджикской стороны, нарушители открыли огонь.', KG_TJ_PROFILE, []);
    expect(parties[0]?.role).toBe('bystander');
  });
  it('takes no habitual claim of a side for its report of the event', () => {
    const r = run('Mortar rounds were fired at Maksat today, deliberately and not by accident as Tajikistan often claims.', 'Border Service of the GKNB of the Kyrgyz Republic');
    expect(r.events[0]).toMatchObject({ reported_by: 'KG', accused_party: 'TJ' });
  });
  it("reads a president's press service as that side's, and «на <side> стороне» as a place, not a speaker", () => {
    const r = run(
      'Президенты встретились в Самарканде, сообщает пресс-служба президента КР.\nЛидеры двух стран договорились прекратить огонь и отвести силы.',
      'tj-news.tj (со ссылкой на пресс-службу президента КР)',
    );
    expect(r.events.map((e) => [e.type, e.reported_by])).toEqual([['ceasefire_agreement', 'KG']]);
    const p = run(
      'Как сообщает пресс-центр Пограничных войск Таджикистана, киргизские военные обстреляли село Ворух. На киргизской стороне отмечается сосредоточение военной техники у границы.',
      'Азия-Плюс',
    );
    expect(p.events.map((e) => e.reported_by)).toEqual(['TJ', 'TJ']);
  });
  it('accuses no side of fire by unknown persons or civilians of no side named', () => {
    const acc = (text: string) => run(text, 'Border Service of the GKNB of the Kyrgyz Republic').events.map((e) => e.accused_party);
    expect(acc('Сегодня ночью в селе Максат неизвестные стреляли из охотничьего ружья, пострадавших нет.')).toEqual([null]);
    expect(acc('Today unknown persons fired a hunting rifle near Maksat; nobody was hurt.')).toEqual([null]);
    expect(acc('Сегодня у села Максат гражданские лица стреляли из охотничьего ружья.')).toEqual([null]);
    // A side named with them is the accused.
    expect(acc('Сегодня неизвестные лица с таджикской стороны открыли стрельбу по селу Максат.')).toEqual(['TJ']);
  });
  it('reads the side named in the genitive after a strike or attack noun as its agent', () => {
    const parties = (t: string) => findParties(t, KG_TJ_PROFILE, []).map((p) => [p.side, p.role]);
    expect(parties('в ответ на ночные удары Таджикистана по заставе')).toEqual([['TJ', 'explicit_actor']]);
    expect(parties('после атаки Кыргызстана на пост')).toEqual([['KG', 'explicit_actor']]);
    // The verb takes its object next: the side hit.
    expect(parties('ударили по позициям Таджикистана')[0]?.[1]).not.toBe('explicit_actor');
  });
  it('reads the side an escalation is blamed on as the actor', () => {
    const parties = (t: string) => findParties(t, KG_TJ_PROFILE, []).map((p) => [p.side, p.role]);
    expect(parties('The ministry blamed the shelling on Tajikistan.')).toEqual([['TJ', 'explicit_actor']]);
    expect(parties('Министерство возложило ответственность за обстрел на Кыргызстан.')).toEqual([['KG', 'explicit_actor']]);
  });
  it('accuses no side of what both sides are told to do', () => {
    const acc = (text: string) => run(text, 'Border Service of the GKNB of the Kyrgyz Republic').events.map((e) => [e.type, e.accused_party]);
    expect(acc('Сегодня дополнительные силы и техника стягиваются обеими сторонами к границе у села Максат.')).toEqual([['military_buildup', null]]);
    expect(acc('Today additional troops and armour are being moved to the border near Maksat by both sides.')).toEqual([['military_buildup', null]]);
  });
  it('takes the side of a non-violent cause told after a clash for no actor, an attacking cause for the actor', () => {
    const acc = (text: string) => run(text, 'Border Service of the GKNB of the Kyrgyz Republic').events.filter((e) => e.type === 'armed_clash').map((e) => e.accused_party);
    expect(acc('Сегодня у села Максат начались столкновения после того, как таджикская сторона попыталась установить камеры.')).toEqual([null]);
    expect(acc('Today clashes broke out near Maksat after the Tajik side tried to install cameras on a pole.')).toEqual([null]);
    expect(acc('Сегодня у села Максат начались бои после того, как таджикские подразделения атаковали кыргызские посты.')).toEqual(['TJ']);
  });
  it('reads a side that speaks with an aside between commas ("Tajikistan, for its part, claims")', () => {
    const r = run('Kyrgyz border guards shelled Vorukh today, the Border Service said. Tajikistan, for its part, claims that Kyrgyz troops fired mortars at Chorkuh.', 'Kabar');
    expect(r.events.map((e) => e.reported_by)).toContain('TJ');
    const frames = (t: string) => partyFrames(t, findParties(t, KG_TJ_PROFILE, []), KG_TJ_PROFILE).map((p) => p.side);
    expect(frames('Таджикистан, в свою очередь, заявил, что киргизские военные обстреляли Ворух.')).toEqual(['TJ']);
  });
  it('takes no side that speaks after the act for its actor', () => {
    const r = run('The movement of additional troops and armour to the border near Batken is continuing, the Tajik side said.', 'Asia-Plus');
    expect(r.events.map((e) => [e.type, e.accused_party, e.reported_by])).toEqual([['military_buildup', 'KG', 'TJ']]);
  });
  it("reads no third party in a relay's web domain", () => {
    const r = run('Tajik troops shelled the village of Maksat today.', 'Central Asia Daily (cadaily.eu)');
    expect(r.events[0]?.reported_by).not.toBe('EU');
  });
  it('takes the side of the body a source line cites when the text names no speaker', () => {
    const r = run('Evacuees from the villages of Batken region were housed in schools; the fighting of recent days left many homes damaged.', 'Sputnik (citing the Red Crescent of Kyrgyzstan)');
    expect(r.events.map((e) => e.reported_by)).toEqual(['KG']);
  });
  it("reads the ASEAN chair's prime minister as a third party speaking", () => {
    const r = extract(
      { id: 't', text: 'Малайзийский премьер заявил: по словам премьер-министра Малайзии Анвара Ибрагима, Таиланд и Камбоджа договорились о прекращении огня.', published_at: '2025-07-25', source_agency: 'Новости Мира' },
      TH_KH_PROFILE,
    );
    expect(r.events.map((e) => [e.type, e.reported_by])).toEqual([['ceasefire_agreement', 'MY']]);
  });
  it("gives an item that cites no side, or both sides blaming each other, to the outlet's country", () => {
    const r = run('Today fighting broke out near Maksat; Kyrgyzstan and Tajikistan blamed each other for opening fire.', 'Reuters');
    expect(r.events.map((e) => [e.type, e.accused_party, e.reported_by])).toEqual([['armed_clash', null, 'GB']]);
    const home = extract(
      { id: 't', text: 'India and Pakistan said on Thursday they had agreed to a strict ceasefire along the Line of Control.', published_at: '2021-02-25', source_agency: 'Hindustan Times' },
      IN_PK_PROFILE,
    );
    expect(home.events.map((e) => e.reported_by)).toEqual(['IN']);
  });
  it('names the outlet by its domain or as a known news agency', () => {
    expect(relayCountry('The Daily (IANS, citing Xinhua)')).toBe('IN');
    expect(relayCountry('Steppe-news.kz (citing the Border Service)')).toBe('KZ');
    expect(relayCountry('Novosti.com.ua')).toBe('UA');
    expect(relayCountry('Pars Today (citing Press TV)')).toBe('IR');
    expect(relayCountry('Кабар')).toBe('KG');
    expect(relayCountry('Naharnet')).toBe('LB');
    expect(relayCountry('Some Blog')).toBeNull();
    // International agencies and broadcasters known by name.
    expect(relayCountry('AP (citing the Thai army)')).toBe('US');
    expect(relayCountry('Al Jazeera')).toBe('QA');
    expect(relayCountry('Kyodo News via Yahoo')).toBe('JP');
    expect(relayCountry('Eurasianet')).toBe('US');
    expect(run('Heavy fighting went on along the border all Tuesday. The sides blamed each other.', 'Al Jazeera').events[0]?.reported_by).toBe('QA');
  });
  it('tells the actor from the target', () => {
    expect(
      run('Tajik units opened fire at the positions of Kyrgyz border guards near Kulundu today.', 'Kabar')
        .events[0]?.accused_party,
    ).toBe('TJ');
    expect(
      run('Огонь был открыт со стороны Таджикистана по кыргызскому посту у села Достук.', 'Кабар').events[0]
        ?.accused_party,
    ).toBe('TJ');
    expect(
      run('The village of Arka was shelled by Tajik artillery this morning.', 'AKIpress').events[0]
        ?.accused_party,
    ).toBe('TJ');
    expect(
      run('Кыргызские военные обстреляли из минометов таджикские посты у Ворух.', 'Ховар').events[0]
        ?.accused_party,
    ).toBe('KG');
  });
  it('leaves the accused empty for mutual blame and neutral figures', () => {
    const r = run(
      'A firefight between Kyrgyz and Tajik border guards broke out near Tort-Kocho on Monday; the sides blame each other.',
      'AKIpress',
    );
    expect(r.events[0]?.accused_party).toBeNull();
  });
  it('codes third parties with their own code', () => {
    const r = run(
      'The OSCE is concerned about the fighting on the Kyrgyz-Tajik border today.',
      'OSCE Chairpersonship',
      '2023-04-12',
    );
    expect(r.events[0]).toMatchObject({ type: 'armed_clash', reported_by: 'OSCE', accused_party: null });
  });
  it('marks a claim relayed from the other side as quoted', () => {
    const r = run('The Tajik Border Troops claim that Kyrgyz soldiers fired at Lakkon yesterday.', 'Kabar');
    expect(r.events[0]).toMatchObject({ reported_by: 'TJ', claim_status: 'quoted_claim' });
  });
});

describe('attribution in wire copy', () => {
  it('takes a side that speaks for itself as the reporter', () => {
    const r = run(
      'Kyrgyzstan said on Friday that Tajik forces had opened fire on a Kyrgyz border post near Katran, killing one soldier.',
      'Reuters',
      '2023-03-03T15:00:00+06:00',
    );
    expect(r.events[0]).toMatchObject({ reported_by: 'KG', accused_party: 'TJ', killed: 1 });
  });
  it('does not take the unit of a victim for the actor', () => {
    const r = run('В результате перестрелки у села Арка погиб военнослужащий Погранслужбы ГКНБ.', 'Кабар');
    expect(r.events[0]).toMatchObject({ type: 'armed_clash', accused_party: null, killed: 1 });
  });
  it('gives no actor to both sides named together', () => {
    const r = run(
      'Tajik border guards and Kyrgyz forces exchanged fire near Kok-Tash on Thursday.',
      'AKIpress',
    );
    expect(r.events[0]).toMatchObject({ type: 'armed_clash', accused_party: null });
  });
  it('never makes the reporter the actor', () => {
    const r = run(
      'Isolated shots were heard near Ak-Sai, the agency was told by the Border Service.',
      '24.kg',
    );
    expect(r.events[0]).toMatchObject({ type: 'small_arms_fire', accused_party: 'TJ', reported_by: 'KG' });
    const said = run(
      'The Border Service of Kyrgyzstan said that Tajik servicemen fired at the Kok-Tash outpost on 11 April.',
      'AKIpress',
    );
    expect(said.events[0]).toMatchObject({ accused_party: 'TJ', reported_by: 'KG' });
  });
  it('takes the subject, not a side named in the target phrase, as the actor', () => {
    const r = run(
      '11 апреля пограничники поста «Булак-Башы» Кыргызской Республики выпустили мины из миномета в направлении заставы «Кех» Республики Таджикистан и открыли огонь.',
      'Border Troops of the GKNB of the Republic of Tajikistan',
      '2023-04-12T10:00:00+05:00',
    );
    expect(r.events[0]).toMatchObject({ type: 'heavy_weapons_fire', accused_party: 'KG', reported_by: 'TJ' });
  });
  it('lets a side that speaks for itself report its sentence', () => {
    const r = run(
      'The Border Service of Kyrgyzstan said Tajik troops fired at Kok-Tash on 11 April. The Tajik side claims that Kyrgyz border guards fired at Vorukh on 11 April.',
      'AKIpress',
    );
    expect(r.events.map((e) => [e.locations, e.accused_party, e.reported_by])).toEqual([
      [['Kok-Tash'], 'TJ', 'KG'],
      [['Vorukh'], 'KG', 'TJ'],
    ]);
  });
  it("keeps each side's version of an episode as its own claim, unless they blame each other", () => {
    const r = run(
      'The Border Service of Kyrgyzstan said a Kyrgyz border guard was wounded in a shootout near Kok-Tash on 11 April. The Tajik side claims that one Tajik citizen was killed in the shootout.',
      'AKIpress',
    );
    expect(r.events.map((e) => [e.type, e.reported_by, e.killed, e.wounded])).toEqual([
      ['armed_clash', 'KG', null, 1],
      ['armed_clash', 'TJ', 1, null],
    ]);
    const mutual = run(
      'The border agencies of Kyrgyzstan and Tajikistan blame each other for the shootout near Kok-Tash on 11 April. Two Kyrgyz border guards were wounded.',
      'AKIpress',
    );
    expect(mutual.events.map((e) => [e.type, e.wounded])).toEqual([['armed_clash', 2]]);
  });
  it('reads the other side confirming the shootout («факт перестрелки подтвердили») as the episode told, no claim of its own', () => {
    const r = run(
      'The Border Service of Kyrgyzstan said a Kyrgyz border guard was wounded in a shootout near Kok-Tash on 11 April. The shootout was confirmed by the Tajik border troops.',
      'AKIpress',
    );
    expect(r.events.map((e) => [e.type, e.reported_by, e.wounded])).toEqual([['armed_clash', 'KG', 1]]);
    const ru = run(
      'Пограничная служба Кыргызстана сообщила, что 11 апреля в перестрелке у села Кок-Таш ранен кыргызский пограничник. Факт перестрелки подтвердили в пограничных войсках Таджикистана.',
      'AKIpress',
    );
    expect(ru.events.map((e) => [e.type, e.reported_by, e.wounded])).toEqual([['armed_clash', 'KG', 1]]);
  });
  it('takes the issuer from a headline that names it when the body names none', () => {
    const r = run(
      'ПРЕСС-ЦЕНТР ПОГРАНИЧНЫХ ВОЙСК ГКНБ РЕСПУБЛИКИ ТАДЖИКИСТАН СООБЩАЕТ\n11 апреля в 10:45 граждане Кыргызской Республики открыли огонь в сторону жителей села Сомониён.',
      null,
    );
    expect(r.events[0]).toMatchObject({ accused_party: 'KG', reported_by: 'TJ' });
  });
});

describe('attribution by syntax', () => {
  it('never takes an agency that speaks (press office, postposed reporting verb) for the actor', () => {
    const ru = run(
      'Как сообщает в среду, 12 апреля, пресс-центр Пограничных войск ГКНБ Таджикистана, у села Лаккон прозвучали выстрелы.',
      'Азия-Плюс',
    );
    expect(ru.events[0]).toMatchObject({ accused_party: 'KG', reported_by: 'TJ' });
    const en = run(
      'The Border Troops of Tajikistan spokesman condemned the shooting near Lakkon on 11 April.',
      'Reuters',
    );
    expect(en.events[0]).toMatchObject({ accused_party: 'KG', reported_by: 'TJ' });
  });
  it('reads a country named as the place of a named place or after "in" as no actor', () => {
    const ru = run(
      '11 апреля у села Чорбог Исфаринского района Республики Таджикистан прозвучали выстрелы.',
      'Кабар',
    );
    expect(ru.events[0]).toMatchObject({ accused_party: 'TJ', reported_by: 'KG' });
    const en = run(
      'Shots were fired at a patrol in Tajikistan near the Kyrgyz outpost of Kok-Tash on 11 April.',
      'Khovar',
    );
    expect(en.events[0]?.accused_party).toBe('KG');
  });
  it('keeps an adjective after a place noun as the subject', () => {
    const r = run(
      '11 апреля в Баткенской области таджикские военные открыли огонь по посту Кок-Таш.',
      'Ховар',
    );
    expect(r.events[0]).toMatchObject({ accused_party: 'TJ', reported_by: 'TJ' });
  });
  it('takes the side accused of an act as its actor', () => {
    const ru = run('Таджикистан обвинил Кыргызстан в обстреле села Ворух 11 апреля.', 'Sputnik');
    expect(ru.events[0]).toMatchObject({ accused_party: 'KG', reported_by: 'TJ' });
  });
  it('reads the object of an ongoing attack as the target', () => {
    const r = run(
      'Несмотря на перемирие, таджикская сторона продолжает обстреливать кыргызские позиции у Кок-Таша.',
      'Кабар',
    );
    expect(r.events[0]?.accused_party).toBe('TJ');
  });
});

describe('the side of a ministry named without its country', () => {
  it('is the country of the places it counts in, not the side most named as the attacker', () => {
    const r = run(
      'По данным Минздрава, в больницы Баткена и Оша доставлены 40 пострадавших. Таджикская сторона обстреляла Арку. Таджикские военные применили минометы. Таджикская сторона отрицает это.',
      'Вечерний город',
    );
    expect(r.reporter.side).toBe('KG');
  });
  it('comes before a foreign outlet of no side in the conflict', () => {
    const r = run(
      'Как сообщило МЧС, из сел Лейлекского района эвакуированы около 3000 человек.',
      'Интерфакс',
    );
    expect(r.events[0]).toMatchObject({ reported_by: 'KG', displaced: 3000 });
  });
});

describe('the side whose attack noun it is', () => {
  it('takes a side on an attack noun as the attacker, and no side before a quote ends as a speaker', () => {
    const r = extract(
      {
        id: 't',
        text: 'A soldier was injured near Nikial on 3 May. "Pakistan Army troops responded firmly to the Indian firing," the ISPR spokesman added.',
        published_at: '2023-05-04T10:00:00+05:00',
        source_agency: 'Dawn',
      },
      IN_PK_PROFILE,
    );
    expect(r.events[0]).toMatchObject({ accused_party: 'IN', reported_by: 'PK' });
  });
});

describe('an armed force telling of its own act; a government as the voice of an unprofiled conflict', () => {
  const world = (text: string) =>
    extract({ id: 't', text, published_at: '2024-05-04T10:00:00+03:00', source_agency: 'Al Jazeera' });
  it('takes the speaking force as the actor of the strike it reports', () => {
    const r = world(
      'The Israeli army said it had carried out a drone strike on a vehicle near Tyre in southern Lebanon on 3 May.',
    );
    expect(r.events[0]).toMatchObject({ accused_party: 'IL', reported_by: 'IL' });
  });
  it('but not of its return of fire', () => {
    const r = world(
      'The Lebanese army said its troops returned fire after shots near the border village of Aitaroun in Lebanon on 3 May.',
    );
    expect(r.events[0]?.accused_party).not.toBe('LB');
  });
  it('takes a government named with its demonym as the reporter', () => {
    const r = world(
      'Ethiopia and Eritrea have agreed to a ceasefire from 04:00 on 4 May, Ethiopian Prime Minister Dan Abebe confirmed.',
    );
    expect(r.events[0]).toMatchObject({ type: 'ceasefire_agreement', reported_by: 'ET' });
  });
});

describe('speakers and bystanders are no actors', () => {
  it('reads a body in the genitive chain of a speaking press centre as the same speaker', () => {
    const r = run(
      'Как сообщает пресс-центр Пограничных войск Государственного комитета национальной безопасности (ГКНБ) Таджикистана, 11 апреля у села Лаккон прозвучали выстрелы.',
      'Азия-Плюс',
    );
    expect(r.events[0]).toMatchObject({ accused_party: 'KG', reported_by: 'TJ' });
  });
  it('does not take a blogger or a source of a side for its actor', () => {
    const r = run(
      'Живущий в Ворухе таджикский блогер написал, что 11 апреля над селом пролетали кыргызские дроны.',
      'Азия-Плюс',
    );
    expect(r.events[0]?.accused_party).toBe('KG');
  });
});

describe('both sides named together through a possessive', () => {
  it('reads "between X and Y\'s group" as both sides, no actor', () => {
    const r = extract({
      id: 't',
      text: '"A drone struck a bulldozer near Hermel on 2 December, injuring one soldier," the Lebanese army said, days after a truce ended the war between Israel and Lebanon\'s Hezbollah.',
      published_at: '2024-12-03T10:00:00+02:00',
      source_agency: 'AFP',
    });
    expect(r.events[0]).toMatchObject({ accused_party: 'IL', reported_by: 'LB' });
  });
});

describe('units in the field speak inside the story', () => {
  it('keeps the issuer as the reporter and the speaking unit as the actor', () => {
    const r = run(
      'On 11 April residents of Chorbog were repairing a canal when Kyrgyz border guards said the area was disputed and opened fire in their direction.',
      'Border Troops of the GKNB of the Republic of Tajikistan',
    );
    expect(r.events[0]).toMatchObject({ accused_party: 'KG', reported_by: 'TJ' });
  });
});

describe('a side cited as the source', () => {
  it('is neither the actor nor coordinated with the side that acts', () => {
    const r = run('According to Kyrgyzstan, Tajik troops opened fire at Kok-Tash on 11 April.', 'Reuters');
    expect(r.events[0]?.accused_party).toBe('TJ');
  });
});

describe('the side owning the post hit, the agent through its units, observers and accusers', () => {
  const acc = (text: string, source = 'AKIpress') => run(text, source).events.map((e) => e.accused_party);
  it('reads the owner of a post, position or airspace as the target', () => {
    expect(acc('При обстреле заставы «Кайрагач» кыргызского погранотряда таджикские военные применили минометы.')).toEqual(['TJ']);
    expect(acc('Во время обстрела поста таджикской погранзаставы кыргызские пограничники применили гранатомёты.')).toEqual(['KG']);
    expect(acc('Kyrgyz military shelled Tajik positions near Vorukh on Tuesday.')).toEqual(['KG']);
    expect(acc("A drone of the Kyrgyz side violated Tajikistan's airspace over Chorkuh on Monday.", 'Khovar')).toEqual(['KG']);
  });
  it('but as the agent when the fire came from there', () => {
    expect(acc('Tajik villages came under fire from Kyrgyz positions near Kulundu this morning.')).toEqual(['KG']);
    expect(acc('Огонь по селу Максат вёлся с таджикских позиций сегодня утром.')).toEqual(['TJ']);
  });
  it('finds the agent after «со стороны» or "by" through its units or districts', () => {
    expect(acc('Позиции подразделений Кыргызстана обстреливались со стороны Исфаринского района Таджикистана.')).toEqual(['TJ']);
    expect(acc('Сегодня утром был открыт огонь со стороны военнослужащих Таджикистана по селу Максат.')).toEqual(['TJ']);
    expect(acc('The village of Arka was shelled by servicemen of Tajikistan this morning.')).toEqual(['TJ']);
    expect(acc('The post came under fire from the direction of Tajikistan on Monday.')).toEqual(['TJ']);
  });
  it('takes «с … стороны» as where the fire came from, not when the side\'s losses follow', () => {
    expect(acc('Кыргызский наряд двигался к посту, когда по заставе Лаккон открыли огонь с таджикской стороны.', 'Ховар')).toEqual(['TJ']);
    expect(acc('Таджикский патруль шёл вдоль границы, а пост Кайрагач обстреляли c кыргызской стороны.', 'Кабар')).toEqual(['KG']);
    expect(acc('В результате перестрелки у села Ворух с таджикской стороны ранены трое военных.', 'Кабар')).toEqual([null]);
  });
  it('takes the country named with an armed body as its side, coordinated with the other', () => {
    expect(acc('Между подразделениями пограничных войск Киргизии и Таджикистана завязалась перестрелка у Тort-Кочо.')).toEqual([null]);
    expect(acc('Вечером между нарядами Пограничной службы Кыргызстана и Таджикистана произошла перестрелка.')).toEqual([null]);
  });
  it('never takes the side that finds or accuses for the actor', () => {
    expect(acc('Kyrgyz border guards came upon Tajik servicemen who had illegally crossed the border near Kulundu today.')).toEqual(['TJ']);
    expect(acc('Кыргызский пограничный наряд во время патрулирования обнаружил таджикских военных, которые незаконно пересекли границу у Максат.')).toEqual(['TJ']);
    expect(acc('Tajikistan accused Kyrgyz troops of shelling the village of Chorkuh on Monday.', '24.kg')).toEqual(['KG']);
  });
  it('reads a country with its province, border or region as the place', () => {
    expect(acc("Shelling hit homes along the border between Tajikistan's Sughd province and the Kyrgyz side on Monday.", 'Khovar')).toEqual(['KG']);
    expect(acc('Heavy equipment is being moved towards the borders of Kyrgyzstan on the territory of Tajikistan, the Kyrgyz border service said on Monday.', 'Kabar')).toEqual(['TJ']);
    expect(acc('A drone strike hit a car in the Sidon region of southern Lebanon on Monday, Israeli forces said.', 'Reuters')).toEqual([null]);
  });
  it('does not take a side that hears, sees or tracks the other for the actor', () => {
    expect(acc('On Monday the Kyrgyz patrol heard a Tajik drone circling over Kulundu.', 'Kabar')).toEqual(['TJ']);
    expect(acc('Кыргызские пограничники засекли таджикский беспилотник, пролетавший над селом Максат в понедельник.', 'Кабар')).toEqual(['TJ']);
  });
  it('reads a side cited through its body as a source', () => {
    expect(acc('Со ссылкой на пресс-центр пограничных войск Таджикистана издание пишет, что кыргызские военные обстреляли село Лаккон.', 'Kloop')).toEqual(['KG']);
    expect(acc('Citing the press centre of the Kyrgyz border service, the agency said Tajik troops shelled Kulundu on Monday.', 'Reuters')).toEqual(['TJ']);
  });
  it('keeps a shot fired by unknown persons, at a post of the other side, as an act of its own', () => {
    const r = run(
      'Early this morning a shooting incident happened on the Isfara stretch of the border.\nThe press center of the State Committee for National Security of Tajikistan says that a lieutenant, chief of the Kyrgyz frontier post "Kairagach," was wounded by a shot fired by unidentified persons.\nAccording to the press center, a 40-year-old farmer from the Tajik village of Chorkuh was shot dead near the scene.',
      'Khovar',
    );
    expect(r.events.filter((e) => e.type === 'small_arms_fire')).toHaveLength(3);
  });
  it('reads the side of a speaking body or outlet as the speaker, not the actor', () => {
    expect(acc('Как сообщила таджикская служба Радио Свобода, в перестрелке у села Ворух в понедельник ранены двое.', 'Reuters')).toEqual([null]);
    expect(acc('Как сообщил в воскресенье киргизский Минздрав, в перестрелке у села Максат ранены трое.', 'Reuters')).toEqual([null]);
    expect(acc('Как передаёт таджикское агентство, в понедельник у села Ворух была перестрелка.', 'Reuters')).toEqual([null]);
    expect(acc('The Tajik Foreign Ministry said a firefight broke out near Vorukh on Monday.', 'Reuters')).toEqual([null]);
  });
  it('takes the agent in the instrumental after a passive', () => {
    expect(acc('Сегодня утром кыргызский наряд был атакован таджикскими пограничниками у села Максат.', 'Кабар')).toEqual(['TJ']);
    expect(acc('Вечером у Ворух таджикские пограничники были обстреляны кыргызскими военнослужащими.', 'Ховар')).toEqual(['KG']);
    expect(acc('Вчера кыргызские пограничники у села Кулунду были обстреляны таджикскими военными.', 'Кабар')).toEqual(['TJ']);
  });
  it('reads the subject of a passive or of "came under fire" as the side hit', () => {
    expect(acc('A Kyrgyz patrol was fired upon near Kulundu on Monday.', 'Kabar')).toEqual(['TJ']);
    expect(acc('Kyrgyz border guards came under fire near Kulundu on Monday.', 'Kabar')).toEqual(['TJ']);
    expect(acc('Tajik servicemen were shelled near Vorukh on Monday.', 'Khovar')).toEqual(['KG']);
    expect(acc('Кыргызский патруль попал под обстрел у села Кулунду в понедельник.', 'Кабар')).toEqual(['TJ']);
    expect(acc('Таджикские пограничники подверглись обстрелу у села Ворух в понедельник.', 'Ховар')).toEqual(['KG']);
    expect(acc('Кыргызский патруль был обстрелян у села Кулунду в понедельник.', 'Кабар')).toEqual(['TJ']);
    expect(acc('A Kyrgyz patrol was fired upon by Tajik troops near Kulundu on Monday.', 'Reuters')).toEqual(['TJ']);
    expect(acc('A Kyrgyz patrol came under fire near Kulundu on Monday.', 'Reuters')).toEqual([null]);
  });
  it('does not take the side that returns fire for the actor', () => {
    expect(acc('Kyrgyz border guards were forced to return fire after Tajik servicemen opened fire near Kulundu on Monday.', 'Kabar')).toEqual(['TJ']);
    expect(acc('Кыргызские пограничники открыли ответный огонь после того, как таджикские военные обстреляли заставу у села Кулунду.', 'Кабар')).toEqual(['TJ']);
    expect(acc('Tajik border guards responded with fire after Kyrgyz troops shelled the village of Chorkuh on Monday.', 'Khovar')).toEqual(['KG']);
  });
  it('takes "the other side" an accuser names as the other party', () => {
    expect(acc('Таджикская сторона обвинила другую сторону в обстреле своей заставы у Ворух.', 'Kloop')).toEqual(['KG']);
    expect(acc('Kyrgyzstan accused the other side of shelling its outposts near Kulundu on Monday.', 'Reuters')).toEqual(['TJ']);
    expect(acc('Кыргызская сторона обвиняет соседнюю страну в обстреле села Максат.', 'Kloop')).toEqual(['TJ']);
    expect(acc('Tajikistan blamed its neighbour for the shelling of Chorkuh on Monday.', 'Reuters')).toEqual(['KG']);
  });
});

describe('the actor rules hold in every conflict profile', () => {
  const acc = (text: string, source: string) =>
    extract({ id: 't', text, published_at: '2023-04-12T10:00:00+04:00', source_agency: source }).events.map((e) => e.accused_party);
  it('reads posts hit, passives, answers and "the other side" alike', () => {
    expect(acc('An Armenian army post near Sotk was shelled on Monday.', 'Ministry of Defence of Armenia')).toEqual(['AZ']);
    expect(acc('Azerbaijan accused the other side of shelling its positions in Tovuz on Monday.', 'Reuters')).toEqual(['AM']);
    expect(acc('Thai soldiers were forced to return fire after Cambodian troops opened fire near Ta Muen Thom temple on Thursday.', 'Royal Thai Army')).toEqual(['KH']);
    expect(acc('A Thai patrol came under fire near the Ta Muen Thom temple on Thursday.', 'Royal Thai Army')).toEqual(['KH']);
    expect(acc('Pakistani posts in the Neelum valley were targeted by Indian troops on Tuesday.', 'ISPR')).toEqual(['IN']);
  });
  it('blames nobody for a health or emergency ministry counting victims of fire', () => {
    const mes = run('Residents of two villages were injured during shooting on the border yesterday, the Ministry of Emergency Situations of Kyrgyzstan said.', null);
    expect(mes.events[0]).toMatchObject({ reported_by: 'KG', accused_party: null });
    // The border service reporting the same fire holds the other side to account.
    const bs = run('Residents of two villages were injured during shooting on the border yesterday, the Border Service of Kyrgyzstan said.', null);
    expect(bs.events[0]).toMatchObject({ reported_by: 'KG', accused_party: 'TJ' });
  });
});

describe('the roles of a side named around the act', () => {
  const roles = (text: string, profile = KG_TJ_PROFILE) =>
    findParties(text, profile, findAgencies(text, profile, null)).map((p) => `${p.text}:${p.role}`);
  it('reads the people hit as victims, through an apposition, «пострадали» or a toll', () => {
    expect(roles('Ulan, a soldier of Kyrgyzstan, was killed near Kok-Tash.')).toEqual(['Kyrgyzstan:victim']);
    expect(roles('Трое кыргызстанцев пострадали у села Аксай.')).toEqual(['кыргызстанцев:victim']);
    expect(roles('The shelling left 3 Tajik servicemen dead.')).toEqual(['Tajik:victim']);
    expect(roles('В ходе обстрела ранены гражданские лица и военнослужащие Кыргызской Республики.')).toEqual(['Кыргызской:victim']);
  });
  it('reads a country named as a place as the target', () => {
    expect(roles('Troops fired near a village in north-eastern Thailand.', TH_KH_PROFILE)).toEqual(['Thailand:target']);
    expect(roles('Shots were fired near Surin (Thailand) at dawn.', TH_KH_PROFILE)).toEqual(['Thailand:target']);
    expect(roles('Военные обстреляли сотрудников пограничной полиции Таиланда.', TH_KH_PROFILE)).toEqual(['Таиланда:target']);
  });
  it('reads accusers, defenders, evacuators and warners as no actors', () => {
    expect(roles('Despite the Cambodian accusations, the border stayed calm.', TH_KH_PROFILE)).toEqual(['Cambodian:bystander']);
    expect(roles('Thai troops acted in self-defence after the attack.', TH_KH_PROFILE)).toEqual(['Thai:bystander']);
    expect(roles('The Tajik air defence shot down a drone over Isfara.')).toEqual(['Tajik:bystander']);
    expect(roles('Таджикские пограничники сбили беспилотник над Исфарой.')).toEqual(['Таджикские:bystander']);
    expect(roles('The Kyrgyz side had to evacuate the residents of two villages.')).toEqual(['Kyrgyz:bystander']);
    expect(roles('When Kyrgyz border guards warned the group, shots were fired.')).toEqual(['Kyrgyz:bystander']);
  });
  it("reads the country of a civil ministry as its voice and «при обстреле с … стороны» as the agent", () => {
    expect(roles("Tajikistan's Ministry of Foreign Affairs issued a note on the incident.")).toEqual(['Tajikistan:bystander']);
    expect(roles('При обстреле с кыргызской стороны пострадал водитель.')).toEqual(['кыргызской:explicit_actor']);
  });
});

describe('the blame of a clash', () => {
  const acc = (text: string) => run(text, 'AKIpress').events.filter((e) => e.type === 'armed_clash').map((e) => e.accused_party);
  it('"between the two countries" says who fought, not that both are blamed', () => {
    expect(acc('A shootout between border guards of the two countries began near Kok-Tash on Monday after Tajik border guards took up firing positions.')).toEqual(['TJ']);
    expect(acc('Перестрелка между пограничниками двух стран началась в понедельник у села Кок-Таш после того, как таджикские пограничники заняли огневые позиции.')).toEqual(['TJ']);
  });
  it('but mutual blame leaves the clash with no accused', () => {
    expect(acc('Border guards clashed near Kok-Tash on Monday, and the sides blamed each other.')).toEqual([null]);
  });
});

describe('sides cited and capitals as governments', () => {
  const roles = (text: string) => findParties(text, KG_TJ_PROFILE, findAgencies(text, KG_TJ_PROFILE, null)).map((p) => `${p.text}:${p.role}`);
  const first = (text: string, source: string | null) => {
    const r = extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: source });
    const e = r.events.find((x) => x.type !== 'ceasefire_agreement');
    return e ? [e.accused_party, e.reported_by] : null;
  };
  it("gives a third country's relay the side it cites by name", () => {
    expect(first('According to Azerbaijan, Armenian units shelled its positions in the Lachin district on Tuesday.', 'Reuters')).toEqual(['AM', 'AZ']);
    expect(first('According to Cambodia, Thai artillery hit a school near the border on Friday.', 'Reuters')).toEqual(['TH', 'KH']);
    expect(first('По версии Таджикистана, во вторник киргизские военные обстреляли село Ворух.', 'Газета.Ru')).toEqual(['KG', 'TJ']);
  });
  it('keeps the issuing side the reporter of what a side in its own statement is cited for', () => {
    const r = run('Сегодня у села Кок-Таш обстреляли наш наряд. По данным таджикской стороны, погиб один таджикский гражданин.', 'Border Service of the GKNB of the Kyrgyz Republic');
    expect(r.events.every((e) => e.reported_by === 'KG')).toBe(true);
  });
  it('reads a capital that accuses, speaks or is accused as its government', () => {
    expect(first('On Tuesday Baku accused Yerevan of shelling Azerbaijani positions near Kalbajar.', 'Reuters')).toEqual(['AM', 'AZ']);
    expect(first('Cambodian troops fired rockets at a Thai village on Friday, Bangkok said.', 'Reuters')).toEqual(['KH', 'TH']);
    expect(first('Islamabad on Sunday blamed New Delhi for unprovoked firing along the Line of Control.', 'Reuters')).toEqual(['IN', 'PK']);
    expect(first('Душанбе обвинил Бишкек в обстреле таджикских сёл во вторник.', 'Интерфакс')).toEqual(['KG', 'TJ']);
  });
  it('reads a capital named as a place as no side', () => {
    expect(roles('Talks on the border were held in Bishkek on Monday.')).toEqual([]);
    expect(roles('Tajik troops fired mortars at Kok-Tash, 900 km from Bishkek.')).toEqual(['Tajik:actor']);
  });
});

describe('a side telling of its own strike', () => {
  const first = (text: string, source: string | null) => {
    const r = extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: source });
    const e = r.events.find((x) => x.type !== 'ceasefire_agreement');
    return e ? [e.accused_party, e.reported_by] : null;
  };
  it('reads a side that says it fired as the actor, not the other side', () => {
    expect(first('Hezbollah said it fired a salvo of rockets at an Israeli army post near Metula on Tuesday.', 'Al Jazeera')).toEqual(['LB', 'LB']);
    expect(first('On Friday Azerbaijan said its forces had shelled Armenian positions near Sotk in response to provocations.', 'Reuters')?.[0]).toBe('AZ');
    expect(first('Armenia said it had been shelled near Jermuk on Friday.', 'Reuters')).toEqual(['AZ', 'AM']);
  });
  it('reads the targets, sites and facilities of a side as what was hit', () => {
    expect(first('The Israeli military said it struck Hezbollah targets in southern Lebanon on Tuesday.', 'Reuters')?.[0]).toBe('IL');
    expect(first('On Monday Israeli jets struck Hezbollah weapons depots near Baalbek.', 'Reuters')?.[0]).toBe('IL');
    expect(first('On Monday Thai F-16s struck Cambodian military installations near the temple.', 'Reuters')?.[0]).toBe('TH');
  });
  it("takes a reporting verb after the comma of an agency's own act for another speaker's", () => {
    expect(first('Израильская армия во вторник нанесла удары по югу Ливана, сообщает агентство NNA.', 'РИА Новости')?.[0]).toBe('IL');
    expect(first('Армия Таиланда в пятницу атаковала позиции камбоджийских военных, передаёт агентство.', 'ТАСС')?.[0]).toBe('TH');
    expect(first('The Armenian Defence Ministry, in a statement on Monday, said Azerbaijani forces fired at Sotk.', 'Reuters')).toEqual(['AZ', 'AM']);
  });
});

describe('demonyms as nouns and countries of named units', () => {
  const roles = (text: string, profile = KG_TJ_PROFILE) => findParties(text, profile, findAgencies(text, profile, null)).map((p) => `${p.text}:${p.role}`);
  it('reads the plural demonym nouns of both languages as the side', () => {
    expect(run('On Monday the Tajiks opened fire at a Kyrgyz patrol near Kok-Tash.', 'Reuters').events[0]?.accused_party).toBe('TJ');
    expect(run('В понедельник киргизы обстреляли таджикский пост у села Ворух.', 'Reuters').events[0]?.accused_party).toBe('KG');
    expect(run('Таджики открыли огонь по пограничникам у села Кок-Таш во вторник.', 'Reuters').events[0]?.accused_party).toBe('TJ');
    expect(roles('On Friday the Thais fired artillery at the temple.', TH_KH_PROFILE)).toEqual(['Thais:actor']);
    expect(roles('Тайцы обстреляли позиции у храма.', TH_KH_PROFILE).map((r) => r.replace('explicit_', ''))).toEqual(['Тайцы:actor']);
    expect(roles('Армяне обстреляли позиции у села.', AM_AZ_PROFILE).map((r) => r.replace('explicit_', ''))).toEqual(['Армяне:actor']);
  });
  it('reads a country named after a community, municipality or sector as the place', () => {
    expect(roles('Shooting began on the territory of the Zumrad community of Tajikistan.')).toEqual(['Tajikistan:target']);
    expect(roles('Shots were fired near a village of the Batken municipality of Kyrgyzstan.')).toEqual(['Kyrgyzstan:target']);
    expect(roles('Shells landed in the Leilek sector of Kyrgyzstan at dawn.')).toEqual(['Kyrgyzstan:target']);
  });
});

describe("a side's media, army or authorities as the reporter", () => {
  const first = (text: string, source: string | null) => {
    const r = extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: source });
    const e = r.events.find((x) => x.type !== 'ceasefire_agreement');
    return e ? [e.accused_party, e.reported_by] : null;
  };
  it('reads "<side> media reported" and «сообщили <side> СМИ» as that side reporting', () => {
    expect(first('Israeli jets struck a house in Khiam on Monday, Lebanese media reported.', 'Reuters')).toEqual(['IL', 'LB']);
    expect(first('В понедельник израильский беспилотник нанёс удар по дому в Хиаме, сообщили ливанские СМИ.', 'ТАСС')).toEqual(['IL', 'LB']);
    expect(first('Пакистанские военные в воскресенье обстреляли деревню в секторе Пунч, заявили в индийской армии.', 'ТАСС')).toEqual(['PK', 'IN']);
    expect(first('В четверг камбоджийская артиллерия обстреляла тайскую деревню, передают таиландские власти.', 'ТАСС')).toEqual(['KH', 'TH']);
  });
});

describe('the forces of both sides named together', () => {
  const clash = (text: string, source = 'Reuters') =>
    extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: source }).events.filter((e) => e.type === 'armed_clash').map((e) => e.accused_party);
  it('gives no actor to a clash between the forces of both sides, whatever their nouns', () => {
    expect(clash('On Thursday a gunfight broke out between Thai rangers and Cambodian soldiers near the temple, the Thai army said.')).toEqual([null]);
    expect(clash('В четверг между армией Таиланда и военными Камбоджи произошла перестрелка у храма.', 'ТАСС')).toEqual([null]);
    expect(clash('В понедельник между пограничниками Кыргызстана и Таджикистана произошла перестрелка у села Кок-Таш.', 'Reuters')).toEqual([null]);
  });
  it('reads a capital after «заявили в» as the side that speaks', () => {
    const rep = (text: string) => extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: 'ТАСС' }).events[0]?.reported_by;
    expect(rep('В четверг бой начался после того, как армянские военные атаковали азербайджанские позиции, заявили в Баку.')).toBe('AZ');
    expect(rep('В четверг таиландские военные обстреляли камбоджийский пост у храма, сообщили в Пномпене.')).toBe('KH');
    expect(rep('Во вторник киргизские военные обстреляли село Ворух, заявили в Душанбе.')).toBe('TJ');
  });
});

describe('international bodies that speak in the text', () => {
  const first = (text: string, source: string | null) => {
    const r = extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: source });
    const e = r.events.find((x) => x.type !== 'ceasefire_agreement');
    return e ? [e.accused_party, e.reported_by] : null;
  };
  it('reads UNIFIL, the OSCE or an EU mission that says or is cited as the reporter of its clause', () => {
    expect(first('On Monday the UN peacekeeping force said Israeli tanks had shelled its base near Naqoura.', 'Reuters')).toEqual(['IL', 'UN']);
    expect(first('On Monday the OSCE said Azerbaijani forces had fired at Armenian positions near Jermuk.', 'Reuters')).toEqual(['AZ', 'OSCE']);
    expect(first('В понедельник ВСООНЛ сообщили, что израильские военные обстреляли их позиции у Накуры.', 'ТАСС')).toEqual(['IL', 'UN']);
    expect(first('According to UNIFIL, an Israeli drone struck a car near its base on Monday.', 'Al Jazeera')).toEqual(['IL', 'UN']);
  });
  it('takes no side for what a monitor says it recorded', () => {
    expect(first('On Monday the EU monitoring mission said it had recorded gunfire near Sotk.', 'Armenpress')).toEqual([null, 'EU']);
  });
  it("chooses no conflict by a third country's wire named in the source line", () => {
    expect(extract({ id: 't', text: 'Израильские военные обстреляли позиции у Накуры.', published_at: '2023-04-12T10:00:00+02:00', source_agency: 'ТАСС' }).events[0]?.accused_party).toBe('IL');
    expect(extract({ id: 't', text: 'Азербайджанские военные обстреляли армянское село.', published_at: '2023-04-12T10:00:00+04:00', source_agency: 'РИА Новости' }).events[0]?.accused_party).toBe('AZ');
  });
});

describe("a side's ministry or spokesperson that no agency names", () => {
  const first = (text: string) => {
    const e = extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: 'Reuters' }).events[0];
    return e ? [e.accused_party, e.reported_by] : null;
  };
  it("reads \"<country>'s defence ministry (spokeswoman <name>) said\" as that side reporting", () => {
    expect(first("Cambodia's defence ministry spokeswoman Maly Socheata said Thai forces shelled the temple area on Monday.")).toEqual(['TH', 'KH']);
    expect(first("India's defence ministry said Pakistani troops shelled villages in Poonch on Monday.")).toEqual(['PK', 'IN']);
    expect(first("Pakistani troops shelled villages in Poonch on Monday, India's external affairs ministry said.")).toEqual(['PK', 'IN']);
  });
});

describe('the state body a statement is quoted from, and shooters of no side', () => {
  it('reads «в сообщении Государственной пограничной службы» as the source, not an actor', () => {
    const roles = (text: string) => findParties(text, KG_TJ_PROFILE, findAgencies(text, KG_TJ_PROFILE, null)).map((p) => `${p.text}:${p.role}`);
    expect(roles('«Стреляли из ружья», - говорится в сообщении Государственной пограничной службы КР.')).toEqual([]);
    expect(roles('Об этом говорится в заявлении Государственной пограничной службы Кыргызстана.')).toEqual([]);
    expect(findAgencies('Shots were heard, according to a statement by the State Border Service of Azerbaijan.', AM_AZ_PROFILE, null).map((a) => a.frame)).toEqual([true]);
  });
  it('holds no side by default to an episode whose shooters a later detail names as civilians or unknown', () => {
    const acc = (text: string) => run(text, 'Border Service of the GKNB of the Kyrgyz Republic').events.map((e) => e.accused_party);
    expect(acc('Сегодня у села Аксай произошёл инцидент с применением оружия. Гражданские лица стреляли из охотничьего ружья.')).toEqual([null]);
    expect(acc('Today an incident with the use of weapons took place near Aksai. Unknown persons opened fire from a hunting rifle.')).toEqual([null]);
    expect(acc('Сегодня у села Аксай произошла стрельба. Местные жители открыли огонь из ружья.')).toEqual([null]);
  });
});

describe("a side's outlet cited in another's item, and an outlet named with its country", () => {
  it("gives a clause told by a side's own outlet that side's version", () => {
    const rep = (text: string, source: string) => run(text, source).events.map((e) => e.reported_by);
    expect(rep('Вчера у села Кок-Таш стреляли. Таджикское издание «Азия-Плюс» пишет, что вечером был обстрелян дом в Сомониёне.', 'Кабар')).toEqual(['KG', 'TJ']);
    expect(rep('Shots were fired near Kok-Tash yesterday. Asia-Plus reports that a house in Somoniyon was fired at in the evening.', '24.kg')).toEqual(['KG', 'TJ']);
    expect(rep('Вчера у села Ворух стреляли. Как пишет «24.kg», вечером был обстрелян дом в Кок-Таше.', 'Asia-Plus')).toEqual(['TJ', 'KG']);
  });
  it('gives an outlet that carries a side\'s country in its name that side', () => {
    const rep = (text: string, source: string) => run(text, source).events[0]?.reported_by;
    expect(rep('Во время конфликта на границе убиты семь мирных жителей.', 'Sputnik Таджикистан')).toBe('TJ');
    expect(rep('Shooting was heard on the border near Kok-Tash this morning.', "RFE/RL's Kyrgyz Service")).toBe('KG');
    expect(rep('На границе у села Кок-Таш утром слышали стрельбу.', 'Sputnik Кыргызстан')).toBe('KG');
  });
});

describe('passive reports, answers after the act, and bodies named as what was hit', () => {
  const first = (text: string, source: string) => {
    const e = extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: source }).events.find((x) => x.type !== 'ceasefire_agreement');
    return e ? [e.accused_party, e.reported_by] : null;
  };
  it('takes no side for the speaker of a passive "was reported"', () => {
    expect(first('On Monday a ceasefire violation by Pakistan was reported in the Poonch sector, with shelling of forward posts.', 'PTI')).toEqual(['PK', 'IN']);
    expect(first('On Monday fire from Tajikistan was reported near Kok-Tash.', 'Kabar')?.[1]).toBe('KG');
    expect(first('On Monday shelling by Azerbaijan was reported near Sotk.', 'Armenpress')?.[1]).toBe('AM');
  });
  it('reads a side that responded after the other fired as no actor', () => {
    expect(first('On Monday Kyrgyz guards responded after Tajik troops fired at their post near Kok-Tash.', 'Reuters')?.[0]).toBe('TJ');
    expect(first('On Monday Thai soldiers responded after Cambodian troops opened fire near the temple.', 'Reuters')?.[0]).toBe('KH');
    expect(first('On Monday Indian troops responded after Pakistani soldiers fired at posts in Uri.', 'Reuters')?.[0]).toBe('PK');
  });
  it('takes a body named as the owner of what was hit for neither the actor nor the source', () => {
    expect(first('On Monday a Hezbollah drone attack hit an Israeli army base near Metula.', 'Reuters')).toEqual(['LB', 'GB']);
    expect(first('On Monday Cambodian rockets struck a Royal Thai Army base near the temple.', 'Reuters')).toEqual(['KH', 'GB']);
    expect(first('On Monday Pakistani shells hit an Indian Army post in Uri.', 'Reuters')).toEqual(['PK', 'GB']);
  });
});

describe('a fight both sides wage', () => {
  const clash = (text: string, source = 'Reuters') =>
    extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: source }).events.filter((e) => e.type === 'armed_clash').map((e) => e.accused_party);
  it('blames no side for "X clashed with Y", «вступили в бой с»', () => {
    expect(clash('On Monday Kyrgyz border guards clashed with Tajik troops near Kok-Tash.')).toEqual([null]);
    expect(clash('В понедельник киргизские пограничники вступили в бой с таджикскими военными у села Кок-Таш.', 'Кабар')).toEqual([null]);
    expect(clash('On Monday Armenian units exchanged fire with Azerbaijani forces near Sotk.')).toEqual([null]);
  });
  it('takes no side that says its troops clashed for the actor', () => {
    expect(clash('On Monday Thailand said its troops had clashed with Cambodian soldiers near the temple.')).toEqual([null]);
    expect(clash('On Monday Azerbaijan said its forces had exchanged fire with Armenian units near Sotk.')).toEqual([null]);
    // One side's attack that starts the fight still blames it.
    expect(clash('On Monday Tajik forces attacked Kyrgyz positions near Kok-Tash, sparking a battle.')).toEqual(['TJ']);
  });
});

describe('the side that detains', () => {
  const inc = (text: string, source: string) =>
    extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: source }).events.filter((e) => e.type === 'incursion').map((e) => e.accused_party);
  it('takes the people detained for having crossed, not the detaining side, for the actor', () => {
    expect(inc('On Monday Tajik border guards detained Kyrgyz citizens who had crossed into Tajikistan near Vorukh.', 'Asia-Plus')).toEqual(['KG']);
    expect(inc('On Monday Kyrgyz border guards detained a Tajik patrol that had crossed the border near Kok-Tash.', 'Kabar')).toEqual(['TJ']);
    expect(inc('В понедельник киргизские пограничники задержали таджикских военных, которые незаконно пересекли границу у села Кок-Таш.', 'Кабар')).toEqual(['TJ']);
  });
});

describe('the source line', () => {
  const rep = (text: string, source: string) => extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: source }).events[0]?.reported_by;
  it("gives an item that names no speaker the side its source line cites, before a wire's own country", () => {
    expect(rep('В понедельник у села Кок-Таш была слышна стрельба.', 'Интерфакс, со ссылкой на МИД Киргизии')).toBe('KG');
    expect(rep('On Monday artillery fire hit a village near Sotk.', 'AFP, quoting the Armenian Defence Ministry')).toBe('AM');
    expect(rep('On Monday an air strike hit a house in Khiam, killing three.', "Al Jazeera (citing Lebanon's health ministry)")).toBe('LB');
  });
  it("gives an item of a side's own outlet that cites no one that side", () => {
    expect(rep('On Monday shelling hit villages near the border.', "L'Orient Today")).toBe('LB');
    expect(rep('On Monday shelling hit villages near Tovuz.', 'Azatutyun')).toBe('AM');
    expect(rep('On Monday shelling hit villages near the temple.', 'Khaosod English')).toBe('TH');
  });
});

describe('more reporting verbs', () => {
  const first = (text: string, source: string) => {
    const e = extract({ id: 't', text, published_at: '2023-04-12T10:00:00+06:00', source_agency: source }).events[0];
    return e ? [e.accused_party, e.reported_by] : null;
  };
  it('reads "stressed", "charged", "wrote" and «пояснили», «подчеркнули» as a side speaking', () => {
    expect(first('Tajik troops fired mortars at Kok-Tash on Monday, the Kyrgyz side stressed.', 'Reuters')).toEqual(['TJ', 'KG']);
    expect(first('On Monday Baku charged that Armenian units had fired at Tovuz.', 'Reuters')).toEqual(['AM', 'AZ']);
    expect(first('On Monday Armenian officials wrote that Azerbaijani units had fired at Sotk.', 'Reuters')).toEqual(['AZ', 'AM']);
    expect(first('В понедельник таджикские военные обстреляли село Кок-Таш, пояснила киргизская сторона.', 'ТАСС')).toEqual(['TJ', 'KG']);
    expect(first('Киргизская сторона подчеркнула, что в понедельник таджикские военные обстреляли село Кок-Таш.', 'ТАСС')).toEqual(['TJ', 'KG']);
  });
});

describe('spellings of the Lebanese party', () => {
  it('reads Hizballah, Hezballah and «Хезбалла» as Lebanon', () => {
    const acc = (text: string) => extract({ id: 't', text, published_at: '2023-04-12T10:00:00+02:00', source_agency: 'Reuters' }).events[0]?.accused_party;
    expect(acc('On Monday Hizballah fired rockets at the Israeli town of Metula.')).toBe('LB');
    expect(acc('On Monday Hezballah fighters fired anti-tank missiles at an Israeli post.')).toBe('LB');
    expect(acc('В понедельник «Хезбалла» выпустила ракеты по израильскому городу Метула.')).toBe('LB');
  });
});

describe("a side's adjective on a weapon and attack noun", () => {
  it('reads "an Israeli drone strike", "Pakistani mortar fire", "a Cambodian rocket barrage" as that side acting', () => {
    const roles = (text: string, profile: typeof KG_TJ_PROFILE) => findParties(text, profile, findAgencies(text, profile, null)).map((p) => `${p.text}:${p.role}`);
    expect(roles('Two people were killed after an Israeli drone strike near the village.', IL_LB_PROFILE)).toEqual(['Israeli:explicit_actor']);
    expect(roles('Three villagers were wounded after Pakistani mortar fire.', IN_PK_PROFILE)).toEqual(['Pakistani:explicit_actor']);
    expect(roles('A village was hit in a Cambodian rocket barrage.', TH_KH_PROFILE)).toEqual(['Cambodian:explicit_actor']);
  });
});
