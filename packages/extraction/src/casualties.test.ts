import { describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import { KG_TJ_PROFILE } from './profiles/kg-tj.ts';

const run = (text: string, source = 'Ministry of Health of the Kyrgyz Republic') =>
  extract({ id: 't', text, published_at: '2023-04-12T18:00:00+06:00', source_agency: source }, KG_TJ_PROFILE);

describe('casualties', () => {
  it('dates a toll by the day of the fighting it names, and by no other day', () => {
    const day = (text: string) => run(text).events.map((e) => [e.type, e.date]);
    expect(day('Более 50 человек получили ранения в ходе конфликтов 9-10 апреля на границе Баткенской области.')).toEqual([['armed_clash', '2023-04-09']]);
    expect(day('More than 50 people were wounded in the conflict of 9 April on the border of Batken region.')).toEqual([['armed_clash', '2023-04-09']]);
    // A report's cut-off day is not the fighting's.
    expect(day('As of 18:00 on 11 April, 50 people had been wounded in the conflict on the border.')).toEqual([['armed_clash', null]]);
  });
  it('reads killed and injured, in digits and words', () => {
    const r = run(
      'On 11 April Tajik units shelled Kok-Terek with artillery. Four civilians were killed and 13 others were injured.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(r.events[0]).toMatchObject({ killed: 4, wounded: 13 });
  });
  it('counts "victims" as injured, deaths apart', () => {
    const r = run(
      'The number of victims of the armed attack on Batken district on 11 April has reached 40 people, and 6 people were killed.',
    );
    expect(r.events[0]).toMatchObject({ type: 'armed_clash', killed: 6, wounded: 40 });
    expect(r.casualty_reports[0]).toMatchObject({
      source_agency: 'Ministry of Health of the Kyrgyz Republic',
      side: 'KG',
      killed: 6,
      injured: 40,
    });
  });
  it('gives no injured count when the dead outnumber the victims they are said to be among', () => {
    const r = run(
      'The ministry said 26 victims of the shelling of Kulundu on 11 April were admitted to hospitals, 31 of them died.',
    );
    expect(r.events[0]).toMatchObject({ killed: 31, wounded: null });
    expect(r.casualty_reports[0]).toMatchObject({ killed: 31, injured: null });
  });
  it('subtracts the dead when they are among the victims', () => {
    const r = run(
      'Число пострадавших в результате вооруженного нападения на Лейлекский район достигло 52 человек, из них 9 погибли.',
    );
    expect(r.events[0]).toMatchObject({ killed: 9, wounded: 43 });
  });
  it('adds coordinated counts within one phrase', () => {
    const r = run(
      'Yesterday Tajik servicemen fired at Dostuk from automatic weapons; three border guards and five civilians were wounded.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(r.events[0]?.wounded).toBe(8);
  });
  it('reads Russian collective forms', () => {
    const r = run(
      'Вчера кыргызские военные обстреляли из минометов село Сурх. Погибли двое, ранены пятеро мирных жителей.',
      'Министерство иностранных дел Республики Таджикистан',
    );
    expect(r.events[0]).toMatchObject({ killed: 2, wounded: 5 });
  });
  it('takes the latest total, not an earlier snapshot, and never adds them', () => {
    const r = run(
      'The death toll of the attack on Batken region on 10 April has risen to 14. Earlier, 9 deaths were reported.',
    );
    expect(r.events[0]?.killed).toBe(14);
  });
  it('counts evacuees as displaced, not returnees', () => {
    const r = run(
      'As a result of the attack on Kadamjay district on 11 April, 2,400 residents were evacuated. Of them, 300 have returned home.',
      'Ministry of Emergency Situations of the Kyrgyz Republic',
    );
    expect(r.events[0]?.displaced).toBe(2400);
  });
  it('leaves figures null while they are being clarified', () => {
    const r = run(
      'Tajik artillery shelled Sulyukta this morning. The number of casualties is being clarified.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(r.events[0]).toMatchObject({ killed: null, wounded: null });
  });
});

describe('casualties without an attack word', () => {
  it('still tell of a violent event, joined to a told attack when there is one', () => {
    const alone = run(
      'Число погибших граждан Кыргызстана выросло до 17 человек, сообщает Минздрав.',
      '24.kg',
    );
    expect(alone.events).toMatchObject([{ type: 'armed_clash', killed: 17, accused_party: null }]);
    const joined = run(
      'Today at 10:40 Tajik units shelled Isfana with mortars. Two residents were injured.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(joined.events).toMatchObject([{ type: 'heavy_weapons_fire', wounded: 2 }]);
  });
  it('does not count warning shots as an attack', () => {
    expect(
      run('Таджикские пограничники произвели предупредительные выстрелы в воздух.', 'Кабар').events,
    ).toEqual([]);
  });
});

describe('implicit counts', () => {
  it('reads "a serviceman was wounded" as one', () => {
    const r = run(
      'Yesterday at 16:10 a Kyrgyz soldier was wounded by sniper fire from the Tajik side near Orto-Boz.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(r.events[0]).toMatchObject({ type: 'small_arms_fire', wounded: 1, accused_party: 'TJ' });
  });
  it('reads one person named in an apposition before the casualty word as one', () => {
    const r = run(
      'On 11 April Tajik troops fired at the Kulundu outpost. Asan Usenov, a 27-year-old border guard of Kyrgyzstan, was killed in the shootout.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(r.events.find((e) => e.killed !== null)).toMatchObject({ killed: 1 });
  });
  it('reads «пострадал гражданин» and «ранен водитель» as one', () => {
    const src = 'Пограничная служба ГКНБ Кыргызской Республики';
    expect(run('11 апреля таджикские военнослужащие открыли огонь у села Максат, пострадал гражданин Кыргызстана.', src).events[0]).toMatchObject({ wounded: 1 });
    expect(run('11 апреля таджикские военнослужащие обстреляли грузовик у села Максат. Ранен водитель грузовика.', src).events[0]).toMatchObject({ wounded: 1 });
  });
});

describe('a toll of an earlier attack', () => {
  it('is not given to the event the statement tells', () => {
    const r = run(
      "On 11 April Tajik troops fired at the Kulundu outpost with small arms. It follows last week's attack at Maksat, where 6 people were killed.",
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(r.events[0]).toMatchObject({ type: 'small_arms_fire', killed: null });
  });
});

describe('an explicit "no casualties" in other phrasings', () => {
  const src = 'Border Service of the GKNB of the Kyrgyz Republic';
  it('reads «нет потерь» and «никто из … не пострадал» as none', () => {
    expect(run('11 апреля таджикские военнослужащие обстреляли заставу Кулунду. У нас нет потерь.', 'Пограничная служба ГКНБ Кыргызской Республики').events[0]).toMatchObject({ killed: 0, wounded: 0 });
    expect(run('11 апреля таджикские военнослужащие обстреляли заставу Кулунду. Никто из пограничников не пострадал.', 'Пограничная служба ГКНБ Кыргызской Республики').events[0]).toMatchObject({ killed: 0, wounded: 0 });
  });
  it('reads "ruled out any casualties" as none, and "was not injured" as no one wounded', () => {
    expect(run('On 11 April Tajik troops fired at the Kulundu outpost. The service ruled out any casualties.', src).events[0]).toMatchObject({ killed: 0, wounded: 0 });
    expect(run('On 11 April Tajik troops fired at a car near Maksat. The driver was not injured.', src).events[0]).toMatchObject({ killed: null, wounded: 0 });
  });
});

describe('casualty report snapshots', () => {
  it('keep the as-of time the source states, in UTC', () => {
    const r = run(
      'По состоянию на 14:00 11 апреля число пострадавших в результате нападения на Кадамжайский район достигло 21 человека, из них 4 погибли.',
      'Министерство здравоохранения Кыргызской Республики',
    );
    expect(r.casualty_reports[0]).toMatchObject({
      side: 'KG',
      killed: 4,
      injured: 17,
      as_of: '2023-04-11T08:00:00Z',
    });
  });
  it('keep each side its own figures, never added together', () => {
    const r = run(
      'The Kyrgyz Ministry of Health reported 12 dead. The Tajik Ministry of Health and Social Protection reported 9 dead.',
      'AKIpress',
    );
    expect(r.casualty_reports.map((c) => [c.side, c.killed])).toEqual([
      ['KG', 12],
      ['TJ', 9],
    ]);
  });
  it('leave out a figure the statement says was reported earlier', () => {
    const r = run('The number of people killed in the attack on Batken district on 11 April has risen to 59. Earlier, 46 deaths were reported.');
    expect(r.casualty_reports.map((c) => c.killed)).toEqual([59]);
    const ru = run('Число погибших в результате нападения на Баткенский район 11 апреля возросло до 59. Ранее сообщалось о 46 погибших.', 'Министерство здравоохранения Кыргызской Республики');
    expect(ru.casualty_reports.map((c) => c.killed)).toEqual([59]);
    // A clause timed "earlier today" is no earlier report.
    const today = run('Earlier today Tajik troops shelled Kok-Tash with mortars and killed 2 civilians, the ministry said.');
    expect(today.events[0]).toMatchObject({ killed: 2 });
  });
});

describe('casualty figures of non-violent events and counts before an apposition', () => {
  const tj = (text: string, published_at = '2022-09-16T10:00:00+05:00') =>
    extract(
      {
        id: 't',
        text,
        published_at,
        source_agency: 'Border Troops of the GKNB of the Republic of Tajikistan',
      },
      KG_TJ_PROFILE,
    ).events;
  const kg = (text: string) =>
    extract(
      {
        id: 't',
        text,
        published_at: '2022-09-16T12:00:00+06:00',
        source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      },
      KG_TJ_PROFILE,
    ).events;
  it('gives "no casualties" after a burning or an incursion to that event', () => {
    expect(
      tj(
        '15 сентября кыргызские военнослужащие подожгли три дома в селе Сомониён. Пострадавших среди мирного населения нет.',
      )[0],
    ).toMatchObject({ type: 'property_destruction', killed: 0, wounded: 0 });
    expect(
      kg('On September 16 Tajik servicemen crossed the border near Kok-Tash. No one was hurt.')[0],
    ).toMatchObject({ type: 'incursion', killed: 0, wounded: 0 });
  });
  it('reads the evacuees of "about 800 people, mostly women and children, have been evacuated"', () => {
    expect(
      kg(
        'Since 07:40 Tajik forces have been shelling Arka from tanks. About 800 people, mostly women and children, have been evacuated from Arka and Kulundu.',
      )[0],
    ).toMatchObject({ displaced: 800 });
    expect(
      kg(
        'С утра 16 сентября таджикская сторона обстреливает село Максат из минометов. Около 1 500 жителей, в основном женщины и дети, эвакуированы в безопасные места.',
      )[0],
    ).toMatchObject({ displaced: 1500 });
  });
  it('places a casualty-only report where its evacuees came from', () => {
    const moh = (text: string) =>
      extract(
        {
          id: 't',
          text,
          published_at: '2022-09-19T14:00:00+06:00',
          source_agency: 'Ministry of Health of the Kyrgyz Republic',
        },
        KG_TJ_PROFILE,
      ).events;
    expect(
      moh(
        'As of 12:00 the death toll has reached 59, and 144 people have been injured. More than 136,000 residents of Batken region were evacuated.',
      )[0],
    ).toMatchObject({
      locations: ['Batken region'],
      killed: 59,
      wounded: 144,
      displaced: 136000,
      civilians_affected: true,
    });
    expect(
      moh(
        'По состоянию на 12:00 число погибших достигло 24, ранены 87 человек. Из Лейлекского района эвакуированы более 20 000 жителей.',
      )[0],
    ).toMatchObject({
      locations: ['Лейлекский район'],
      killed: 24,
      wounded: 87,
      displaced: 20000,
    });
  });
  it('does not count a serviceman taken to hospital as a civilian hit', () => {
    expect(
      kg(
        'On September 16 Tajik servicemen fired mortars at the Kyrgyz border outpost Kapchygai. Two Kyrgyz border guards were wounded and evacuated to hospital.',
      )[0],
    ).toMatchObject({ wounded: 2, civilians_affected: false });
  });
  it('names a heavy machine gun as one weapon', () => {
    expect(
      kg(
        'В 18:10 таджикская сторона открыла огонь из крупнокалиберных пулеметов по позициям заставы «Достук».',
      )[0]?.weapons,
    ).toEqual(['heavy machine gun']);
  });
  it('reads no age as a casualty count, and "no losses" as none', () => {
    const age = run(
      'On 11 April Tajik troops fired at houses in Ak-Sai. A 52-year-old man was wounded.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(age.events[0]).toMatchObject({ wounded: 1 });
    expect(
      run(
        '11 апреля таджикская сторона обстреляла село Ак-Сай. Потерь нет.',
        'Border Service of the GKNB of the Kyrgyz Republic',
      ).events[0],
    ).toMatchObject({ killed: 0, wounded: 0 });
    expect(
      run(
        'On 11 April Tajik troops shelled Arka. There were no losses.',
        'Border Service of the GKNB of the Kyrgyz Republic',
      ).events[0],
    ).toMatchObject({ killed: 0, wounded: 0 });
    // Money is not people: «3 млн сомони семьям 19 погибших».
    const money = run(
      '11 апреля таджикская сторона обстреляла село Арка. Власти выделили 3 млн сомони семьям 19 погибших.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(money.events[0]).toMatchObject({ killed: 19 });
  });
  it('codes an evacuation with no attack told as the episode, not when people return', () => {
    const r = run(
      'По данным МЧС, из сел Лейлекского района эвакуированы 1200 человек.',
      'Ministry of Emergency Situations of the Kyrgyz Republic',
    );
    expect(r.events.map((e) => [e.type, e.displaced])).toEqual([['armed_clash', 1200]]);
    expect(
      run(
        'Of the evacuated residents, 400 have already returned home.',
        'Ministry of Emergency Situations of the Kyrgyz Republic',
      ).events,
    ).toEqual([]);
  });
});

describe('casualty frames', () => {
  const BS = 'Border Service of the GKNB of the Kyrgyz Republic';
  it('reads "no wounded" as a zero for the wounded only', () => {
    const r = run(
      'On 11 April Tajik border guards fired mortars at the Kok-Tash outpost. So far there are no wounded on our side.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ killed: null, wounded: 0 });
  });
  it('adds a head count joined by "and" after the counted one', () => {
    const r = run(
      '11 апреля таджикские военные обстреляли село Арка. Ранены четверо пограничников и двое мирных жителей.',
      'Кабар',
    );
    expect(r.events[0]).toMatchObject({ wounded: 6 });
  });
  it('leaves a count joined by "and" to the casualty word that follows it', () => {
    const r = run(
      'The shelling of Arka on 11 April left 3 soldiers dead and 9 people, 4 guards and 5 villagers, wounded.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ killed: 3 });
  });
  it('lets a later running total replace the counts told before it', () => {
    const r = run(
      'В ходе перестрелки у села Арка ранены военнослужащие. В больницу доставили двоих пострадавших. Всего госпитализированы девять пострадавших.',
      'Кабар',
    );
    expect(r.events[0]).toMatchObject({ wounded: 9 });
  });
  it('keeps a dated event its own toll against a total for the whole conflict', () => {
    const r = run(
      'On 11 April Tajik forces attacked the Kok-Tash outpost, killing one soldier and wounding two. That brings the total number of military deaths to 17.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ killed: 1, wounded: 2 });
  });
  it('puts an undated toll told first on the main event told after it, no clash of its own', () => {
    const r = run(
      'Число пострадавших достигло 120 человек. Всего погибли 30 человек в результате агрессии. Утром 11 апреля на нескольких участках границы началась стрельба, под обстрел попали села Лейлекского района.',
      'Кабар',
    );
    expect(r.events.map((e) => e.type)).toEqual(['small_arms_fire']);
    expect(r.events[0]).toMatchObject({ date: '2023-04-11', killed: 30 });
  });
  it('counts bodies as dead and does not count the whole a part is taken from', () => {
    const r = run(
      'On 11 April Tajik artillery shelled Arka. Rescuers recovered 3 bodies from the ruins.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ killed: 3 });
    const part = run(
      '11 апреля таджикские военные обстреляли Арку, ранены 12 человек. Из 12 пострадавших, доставленных в Баткен, трое в тяжелом состоянии.',
      'Кабар',
    );
    expect(part.events[0]).toMatchObject({ wounded: 12 });
  });
});

describe('tolls of a past period', () => {
  it("does not put last year's toll on today's event", () => {
    const r = run(
      'On 11 April Tajik border guards fired at Kok-Tash; nobody was hurt. Last year alone five civilians were killed and 40 people injured in such incidents.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(r.events[0]).toMatchObject({ killed: 0, wounded: 0 });
  });
  it('reads a toll only from a count told near its word, not from a count of other people in the sentence', () => {
    const told = (text: string) => run(text).events.map((e) => [e.type, e.killed, e.wounded]);
    expect(told('The two presidents stressed that the conflict, which caused deaths and injuries on both sides of the border, must be settled by talks.')).toEqual([]);
    expect(told('Сегодня число пострадавших в ходе нападения Таджикистана на приграничные села выросло до 120 человек.')).toEqual([['armed_clash', null, 120]]);
    expect(told('Today 12 people were killed in the border villages of Batken region.')).toEqual([['armed_clash', 12, null]]);
  });
  it('reads no duration ("five days of fighting", «трое суток боёв») as a count of the dead', () => {
    const told = (text: string) => run(text).events.map((e) => [e.type, e.killed]);
    expect(told('The truce ended five days of heavy fighting on the border that killed at least 40 people.')).toEqual([['armed_clash', 40]]);
    expect(told('Three days of clashes killed 12 people.')).toEqual([['armed_clash', 12]]);
  });
});

describe('counts and the words around them', () => {
  const BS = 'Border Service of the GKNB of the Kyrgyz Republic';
  it('does not count a coordinated subject twice', () => {
    const r = run(
      'Officials said on 11 April that one shepherd was killed and 9 soldiers and villagers were wounded in an exchange of fire near Kulundu.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ killed: 1, wounded: 9 });
  });
  it('still adds two counted subjects', () => {
    const r = run('On 11 April Tajik troops shelled Kulundu. Two soldiers and three villagers were wounded.', BS);
    expect(r.events[0]).toMatchObject({ wounded: 5 });
  });
  it('reads a total joined to its figure by a dash or a colon', () => {
    const ru = run(
      '11 апреля таджикская сторона обстреляла село Кулунду. Общее число погибших в результате обстрела в Лейлекском районе — 14 человек.',
      'Кабар',
    );
    expect(ru.events[0]).toMatchObject({ killed: 14 });
    const en = run('On 11 April Tajik troops shelled Kulundu. The total death toll from the shelling in Leilek district: 14 people.', BS);
    expect(en.events[0]).toMatchObject({ killed: 14 });
  });
  it('does not read a weapon model as a count', () => {
    const r = run('On 11 April villagers of Kulundu were injured by BM-21 rocket fragments.', BS);
    expect(r.events[0]?.wounded ?? null).toBeNull();
    const counted = run('On 11 April three villagers of Kulundu were injured by BM-21 rocket fragments.', BS);
    expect(counted.events[0]).toMatchObject({ wounded: 3 });
  });
  it("does not put another day's incident's toll on the event", () => {
    const r = run(
      'On 10 April Tajik troops opened fire with small arms on the Kulundu outpost. The firing came after the 2 April raid on Ak-Sai that killed 6 people.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ date: '2023-04-10', killed: null });
    const undated = run(
      'On 10 April Tajik troops opened fire with small arms on the Kulundu outpost. Clashes were also reported from several villages. They follow the 2 April raid on Ak-Sai that killed 6 people.',
      BS,
    );
    expect(undated.events.every((e) => e.killed === null)).toBe(true);
    const same = run(
      'On 10 April Tajik troops opened fire with small arms on the Kulundu outpost. On 10 April two guards were wounded there.',
      BS,
    );
    expect(same.events[0]).toMatchObject({ wounded: 2 });
  });
});

describe('casualty words', () => {
  const BS = 'Border Service of the GKNB of the Kyrgyz Republic';
  it('reads «унесли жизни» and "claimed the lives of" as deaths', () => {
    const ru = run('11 апреля удар беспилотника по селу Кулунду унес жизни двух мирных жителей.', 'Кабар');
    expect(ru.events[0]).toMatchObject({ type: 'air_or_drone_strike', killed: 2 });
    const en = run('On 11 April a drone strike on Kulundu claimed the lives of two villagers.', BS);
    expect(en.events[0]).toMatchObject({ type: 'air_or_drone_strike', killed: 2 });
  });
  it('reads «никто из … не пострадал» with a Latin name in it', () => {
    const r = run(
      '11 апреля беспилотник сбросил гранату на патруль у села Кулунду. Затем по патрулю открыл огонь танк. К счастью, никто из сотрудников OSCE не пострадал.',
      'Кабар',
    );
    expect(r.events.at(-1)).toMatchObject({ killed: 0, wounded: 0 });
  });
  it('counts "two others" as people', () => {
    const r = run(
      'A Kyrgyz border guard was killed and two others, a sergeant among them, were injured on 11 April when Tajik troops opened fire near Kulundu.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ killed: 1, wounded: 2 });
  });
});

describe('subjects, appositions and periods', () => {
  const BS = 'Border Service of the GKNB of the Kyrgyz Republic';
  it('keeps the count of a subject whose parts follow in apposition', () => {
    const r = run(
      'The shelling of Kulundu on 11 April left 2 soldiers dead and 11 people, 6 border guards and 5 villagers, wounded, the hospital said.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ killed: 2, wounded: 11 });
  });
  it('reads a toll told "earlier" on a named day as the episode\'s', () => {
    const r = run(
      'Earlier on Monday at least 7 villagers were killed and 20 others injured when Tajik shells struck Kulundu.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ killed: 7, wounded: 20 });
  });
  it('puts no toll counted since the truce began on the event', () => {
    const r = run(
      'On 11 April Tajik troops fired at houses in Kulundu. Tajikistan has committed about 30 violations since the truce began, causing two deaths and five injuries.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ killed: null, wounded: null });
    const ru = run(
      '11 апреля таджикские военные обстреляли дома в селе Кулунду. С начала перемирия погибли два и ранены пять мирных жителей.',
      'Кабар',
    );
    expect(ru.events[0]).toMatchObject({ killed: null, wounded: null });
  });
});

describe('which event a toll goes to', () => {
  const BS = 'Border Service of the GKNB of the Kyrgyz Republic';
  it('gives a lead toll told before any attack to the first attack told after it', () => {
    const r = run(
      'BATKEN: The border service said on Tuesday that three shepherds were wounded in an unprovoked violation of the ceasefire by Tajik troops.\n"On 11 April Tajik troops opened fire with small arms on shepherds near Kulundu," the service said.',
      BS,
    );
    expect(r.events.find((e) => e.type === 'small_arms_fire')).toMatchObject({ wounded: 3 });
  });
  it('puts no toll counted for this year on the event', () => {
    const r = run(
      'Officials say 9 villagers have been killed and 40 injured in 300 ceasefire violations this year. On 11 April Tajik troops shelled Kulundu with mortars.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ type: 'heavy_weapons_fire', killed: null, wounded: null });
  });
  it('puts no toll of a past episode opened by a bare "earlier" on the event before it', () => {
    const r = run(
      'On 11 April Tajik troops fired at Kulundu with small arms. Earlier, a 12-year-old boy was killed when Tajik troops violated the ceasefire.',
      BS,
    );
    expect(r.events[0]).toMatchObject({ date: '2023-04-11', killed: null });
  });
});

describe('"of them" in the next sentence', () => {
  it('takes the dead from the victims counted in the sentence before', () => {
    const ru = run(
      '11 апреля таджикская сторона обстреляла село Кулунду. По данным Минздрава, число пострадавших составляет 60 человек. Из них 9 человек скончались.',
    );
    expect(ru.events[0]).toMatchObject({ killed: 9, wounded: 51 });
    const en = run('On 11 April Tajik troops shelled Kulundu. The ministry said 60 victims were taken to hospitals. Of them, 9 died.');
    expect(en.events[0]).toMatchObject({ killed: 9, wounded: 51 });
  });
  it('leaves the injured alone when the sentence before counted the wounded, not victims', () => {
    const r = run('On 11 April Tajik troops shelled Kulundu, wounding 12 villagers. Of them, 2 died later in hospital.');
    expect(r.events[0]).toMatchObject({ wounded: 12 });
  });
});

describe('the dead among the injured', () => {
  it('subtracts the dead said to be among the injured', () => {
    const en = run('On 11 April Tajik shells hit Kulundu. Five villagers were injured in the attack, two of whom have died.');
    expect(en.events[0]).toMatchObject({ killed: 2, wounded: 3 });
    const ru = run('11 апреля таджикская сторона обстреляла Кулунду. Ранены 12 человек, из них двое скончались в больнице.', 'Кабар');
    expect(ru.events[0]).toMatchObject({ killed: 2, wounded: 10 });
  });
  it('keeps the injured when the dead are told apart', () => {
    const r = run('On 11 April Tajik shells hit Kulundu. Five villagers were injured and two were killed.');
    expect(r.events[0]).toMatchObject({ killed: 2, wounded: 5 });
  });
  it('reads "suffered an injury" as one injured', () => {
    const r = run('On 11 April Tajik troops fired at a patrol near Kulundu; one guard suffered a minor injury.', 'Border Service of the GKNB of the Kyrgyz Republic');
    expect(r.events[0]).toMatchObject({ wounded: 1 });
  });
});

describe('vague counts', () => {
  it('gives no figure for "dozens" or «десятки» of casualties', () => {
    const en = run('On 11 April Tajik troops shelled Kulundu; two villagers were killed and dozens were wounded.', 'Border Service of the GKNB of the Kyrgyz Republic');
    expect(en.events[0]).toMatchObject({ killed: 2, wounded: null });
    const ru = run('С утра 11 апреля у села Кулунду шли бои. Стороны говорят о десятках пострадавших.', 'Кабар');
    expect(ru.events).toHaveLength(1);
    expect(ru.events[0]).toMatchObject({ wounded: null });
  });
});

describe('one person named by a noun', () => {
  it('counts "the commander … wounded" as one', () => {
    const r = run(
      'On 11 April Tajik servicemen attacked the Kulundu checkpoint with mortars. The attack left the commander of the checkpoint wounded.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(r.events[0]).toMatchObject({ wounded: 1 });
  });
  it('does not count the one who speaks or acts when the victims are named in the plural', () => {
    const said = run('On 11 April the commander said that Tajik mortar fire on Kulundu had wounded villagers.', 'Border Service of the GKNB of the Kyrgyz Republic');
    expect(said.events[0]).toMatchObject({ wounded: null });
    const acted = run('On 11 April the Tajik soldier fired and killed villagers near Kulundu.', 'Border Service of the GKNB of the Kyrgyz Republic');
    expect(acted.events[0]).toMatchObject({ killed: null });
  });
  it('counts «погиб младший сержант» as one', () => {
    const r = run('11 апреля при обстреле села Кулунду погиб младший сержант пограничной службы.', 'Кабар');
    expect(r.events[0]).toMatchObject({ killed: 1 });
  });
});

describe('a crossing wounds nobody', () => {
  it('gives a toll told with a crossing to the fire told before it', () => {
    const r = run(
      'On 11 April four Tajik border guards crossed the border near Kulundu. When warned, they opened fire with automatic rifles. Two of the trespassers were wounded by the return fire.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    const inc = r.events.find((e) => e.type === 'incursion');
    const fire = r.events.find((e) => e.type === 'small_arms_fire');
    expect(fire).toMatchObject({ wounded: 2 });
    expect(inc?.wounded ?? null).toBeNull();
  });
  it('keeps "no casualties" told with a crossing on the crossing', () => {
    const r = run(
      'On 11 April Tajik border guards fired at a Kyrgyz patrol near Kulundu. On 12 April Tajik citizens crossed the border near Ak-Sai; nobody was hurt.',
      'Border Service of the GKNB of the Kyrgyz Republic',
    );
    expect(r.events.find((e) => e.type === 'incursion')).toMatchObject({ killed: 0, wounded: 0 });
  });
});

describe('spans of time are no counts', () => {
  it('does not read "five days of fighting" as five dead', () => {
    const en = run('On 11 April Tajik troops shelled Kulundu, ending five days of fighting that killed at least 43 people.', 'Border Service of the GKNB of the Kyrgyz Republic');
    expect(en.events[0]).toMatchObject({ killed: 43 });
    const ru = run('11 апреля таджикские военные обстреляли Кулунду; за трое суток боев погибли 12 человек.', 'Кабар');
    expect(ru.events[0]).toMatchObject({ killed: 12 });
  });
});
