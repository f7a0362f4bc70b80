/**
 * Statements written for the held-out check (not from the corpus): press-release style, both
 * languages, other wording, places and agencies than the dev corpus. Each carries the
 * expectations a careful coder would hold it to.
 */
import type { EventType, StatementInput } from '../types.ts';

export interface Expected {
  type: EventType;
  date?: string | null;
  time_of_day?: string | null;
  location?: string;
  accused_party?: string | null;
  reported_by?: string | null;
  killed?: number | null;
  wounded?: number | null;
  displaced?: number | null;
  civilians_affected?: boolean | null;
}

export interface HeldOut {
  statement: StatementInput;
  profile?: string;
  violation: boolean;
  events: Expected[];
}

export const HELD_OUT: HeldOut[] = [
  {
    statement: {
      id: 'h01', language: 'en', published_at: '2024-03-04T09:00:00+06:00', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      text: 'On the night of 3 to 4 March, at about 01:20, Tajik servicemen opened fire from a machine gun at the Kyrgyz border outpost near Pasky-Aryk. No one was hurt.\nAt 06:45 the shooting resumed near the village of Ak-Tatyr; one resident was injured and taken to the Batken hospital.',
    },
    violation: true,
    events: [
      { type: 'small_arms_fire', date: '2024-03-04', time_of_day: '01:20', location: 'Pasky-Aryk', accused_party: 'TJ', reported_by: 'KG' },
      { type: 'small_arms_fire', date: '2024-03-04', time_of_day: '06:45', location: 'Ak-Tatyr', wounded: 1 },
    ],
  },
  {
    statement: {
      id: 'h02', language: 'ru', published_at: '2023-10-11T12:00:00+05:00', source_agency: 'Пограничные войска ГКНБ Республики Таджикистан',
      text: 'Пресс-центр Пограничных войск ГКНБ Республики Таджикистан сообщает, что вчера около 14:10 кыргызские военнослужащие обстреляли из минометов окрестности села Сурх Исфаринского района. Ранены двое мирных жителей.\nКроме того, в 16:30 кыргызский беспилотник нанес удар по автомобилю у села Куммазар.',
    },
    violation: true,
    events: [
      { type: 'heavy_weapons_fire', date: '2023-10-10', time_of_day: '14:10', location: 'Сурх', accused_party: 'KG', reported_by: 'TJ', wounded: 2 },
      { type: 'air_or_drone_strike', date: '2023-10-10', time_of_day: '16:30', location: 'Куммазар', accused_party: 'KG' },
    ],
  },
  {
    statement: {
      id: 'h03', language: 'en', published_at: '2023-10-03T10:00:00+06:00', source_agency: 'Kabar',
      text: "BISHKEK, October 3 — Kabar. The number of people injured in Monday's armed attack on Kok-Terek has reached 17, the Ministry of Health of the Kyrgyz Republic reported. Three of them are in serious condition.",
    },
    violation: true,
    events: [{ type: 'armed_clash', date: '2023-10-02', location: 'Kok-Terek', reported_by: 'KG', wounded: 17 }],
  },
  {
    statement: {
      id: 'h04', language: 'ru', published_at: '2023-04-02T18:00:00+06:00', source_agency: '24.kg',
      text: 'В Пограничной службе ГКНБ опровергли информацию о якобы обстреле села Борбордук. «Выстрелов на данном участке не было, обстановка стабильная», — сообщили 24.kg в ведомстве.',
    },
    violation: false,
    events: [],
  },
  {
    statement: {
      id: 'h05', language: 'en', published_at: '2023-05-06T11:00:00+05:00', source_agency: 'Ministry of Foreign Affairs of the Republic of Tajikistan',
      text: 'The Ministry of Foreign Affairs of the Republic of Tajikistan rejects the allegations of the Kyrgyz side that Tajik troops shelled Dostuk on 5 May.\nOn the evening of 5 May, Kyrgyz units fired from grenade launchers at the outskirts of Chorkuh, damaging three houses.',
    },
    violation: true,
    events: [{ type: 'heavy_weapons_fire', date: '2023-05-05', time_of_day: 'evening', location: 'Chorkuh', accused_party: 'KG', reported_by: 'TJ' }],
  },
  {
    statement: {
      id: 'h06', language: 'en', published_at: '2023-07-12', source_agency: 'United Nations (Spokesperson for the Secretary-General)',
      text: 'The Secretary-General welcomes the agreement reached today between the heads of the security services of Kyrgyzstan and Tajikistan on a ceasefire along their common border, effective from 20:00 local time, and on the withdrawal of military equipment.',
    },
    violation: false,
    events: [{ type: 'ceasefire_agreement', date: '2023-07-12', reported_by: 'UN' }],
  },
  {
    statement: {
      id: 'h07', language: 'ru', published_at: '2023-06-08T15:00:00+06:00', source_agency: 'Министерство иностранных дел Кыргызской Республики',
      text: 'МИД Кыргызской Республики выразил решительный протест в связи с нарушением государственной границы: 7 июня группа военнослужащих Республики Таджикистан вторглась на территорию Кыргызстана в районе села Кок-Таш и установила там палатки.',
    },
    violation: true,
    events: [{ type: 'incursion', date: '2023-06-07', location: 'Кок-Таш', accused_party: 'TJ', reported_by: 'KG' }],
  },
  {
    statement: {
      id: 'h08', language: 'en', published_at: '2022-08-20T18:00:00+05:00', source_agency: 'Asia-Plus',
      text: "DUSHANBE, August 20 — Asia-Plus. Kyrgyzstan's Border Service claims that Tajik border guards fired at a Kyrgyz patrol near Kulundu on Saturday evening. The Tajik Border Troops have not commented on the claim.",
    },
    violation: true,
    events: [{ type: 'small_arms_fire', date: '2022-08-20', time_of_day: 'evening', location: 'Kulundu', accused_party: 'TJ', reported_by: 'KG' }],
  },
  {
    statement: {
      id: 'h09', language: 'ru', published_at: '2022-09-19T16:00:00+05:00', source_agency: 'НИАТ «Ховар»',
      text: 'ДУШАНБЕ, 19.09.2022 /НИАТ «Ховар»/. Число погибших в результате агрессии Кыргызстана против Таджикистана 16–17 сентября возросло до 41 человека, еще 93 получили ранения, сообщили в Министерстве здравоохранения и социальной защиты населения.',
    },
    violation: true,
    events: [{ type: 'armed_clash', date: '2022-09-16', accused_party: 'KG', reported_by: 'TJ', killed: 41, wounded: 93 }],
  },
  {
    statement: {
      id: 'h10', language: 'en', published_at: '2023-03-14T10:00:00+06:00', source_agency: 'AKIpress',
      text: 'The night on the Kyrgyz-Tajik border passed without incident, the Border Service of the GKNB said on Tuesday morning. Joint patrols continue along the Batken section.',
    },
    violation: false,
    events: [],
  },
  {
    statement: {
      id: 'h11', language: 'ru', published_at: '2022-01-28T12:00:00+06:00', source_agency: 'Кабар',
      text: 'Губернатор Баткенской области и председатель Согдийской области в ходе встречи в Исфаре договорились о немедленном прекращении огня и отводе дополнительно переброшенных сил. Режим прекращения огня вступает в силу с 18:00.',
    },
    violation: false,
    events: [{ type: 'ceasefire_agreement', location: 'Исфара', reported_by: 'KG' }],
  },
  {
    statement: {
      id: 'h12', language: 'en', published_at: '2022-09-18T11:00:00+06:00', source_agency: 'AKIpress',
      text: 'BISHKEK, Sept 18 (AKIpress) — At 04:50 (Moscow time), a Tajik drone struck a fuel depot in the village of Bulak-Bashy, the Border Service said. There were no casualties.',
    },
    violation: true,
    events: [{ type: 'air_or_drone_strike', date: '2022-09-18', time_of_day: '07:50', location: 'Bulak-Bashy', accused_party: 'TJ', reported_by: 'KG', killed: 0, wounded: 0 }],
  },
  {
    statement: {
      id: 'h13', language: 'en', published_at: '2022-09-16T17:00:00+06:00', source_agency: '24.kg',
      text: 'Despite the agreements reached on 14 September, Tajik servicemen set fire to houses in Ak-Sai this afternoon, the plenipotentiary representative of the President in Batken region told 24.kg.',
    },
    violation: true,
    events: [{ type: 'property_destruction', date: '2022-09-16', time_of_day: 'afternoon', location: 'Ak-Sai', accused_party: 'TJ', reported_by: 'KG' }],
  },
  {
    statement: {
      id: 'h14', language: 'en', published_at: '2023-05-08T09:00:00+05:30', source_agency: 'PTI',
      text: 'Pakistani troops violated the ceasefire along the Line of Control in the Krishna Ghati sector of Poonch district on Sunday night, firing mortars and small arms, the Indian Army said. The Indian Army responded befittingly.',
    },
    profile: 'in-pk',
    violation: true,
    events: [{ type: 'heavy_weapons_fire', date: '2023-05-07', accused_party: 'PK', reported_by: 'IN' }],
  },
  {
    statement: {
      id: 'h15', language: 'en', published_at: '2022-09-13T08:00:00+04:00', source_agency: 'Armenpress',
      text: 'Azerbaijani armed forces opened fire from small arms at Armenian combat positions near Sotk at 23:30 on 12 September, the Ministry of Defence of Armenia reported.',
    },
    profile: 'am-az',
    violation: true,
    events: [{ type: 'small_arms_fire', date: '2022-09-12', time_of_day: '23:30', location: 'Sotk', accused_party: 'AZ', reported_by: 'AM' }],
  },
{
    statement: {
      id: 'h16', language: 'ru', published_at: '2024-03-21T11:00:00+06:00', source_agency: 'Пограничная служба ГКНБ Кыргызской Республики',
      text: 'Пограничная служба ГКНБ Кыргызской Республики сообщает, что в ходе вчерашнего обстрела таджикская сторона открыла огонь из автоматического оружия по кыргызскому пограничному наряду у села Жаштык. Обошлось без жертв.',
    },
    violation: true,
    events: [{ type: 'small_arms_fire', date: '2024-03-20', location: 'Жаштык', accused_party: 'TJ', reported_by: 'KG', killed: 0, wounded: 0, civilians_affected: false }],
  },
  {
    statement: {
      id: 'h17', language: 'en', published_at: '2024-03-21T11:00:00+06:00', source_agency: 'Border Service of the GKNB of the Kyrgyz Republic',
      text: "In last night's attack, Tajik servicemen fired on a Kyrgyz border detachment near Dostuk from grenade launchers. Nobody was injured. The Kyrgyz side urged the Tajik side to strictly observe the agreed ceasefire.",
    },
    violation: true,
    events: [{ type: 'heavy_weapons_fire', date: '2024-03-21', time_of_day: 'night', location: 'Dostuk', accused_party: 'TJ', reported_by: 'KG', killed: 0, wounded: 0 }],
  },
  {
    statement: {
      id: 'h18', language: 'ru', published_at: '2024-03-21T11:00:00+06:00', source_agency: 'Пограничная служба ГКНБ Кыргызской Республики',
      text: 'Накануне таджикские военнослужащие обстреляли из минометов село Достук. Из села эвакуированы двести пять жителей. Кыргызская сторона призывает таджикскую сторону соблюдать ранее достигнутые договоренности о прекращении огня.',
    },
    violation: true,
    events: [{ type: 'heavy_weapons_fire', date: '2024-03-20', location: 'Достук', accused_party: 'TJ', reported_by: 'KG', displaced: 205 }],
  },
  {
    statement: {
      id: 'h19', language: 'en', published_at: '2024-03-21T11:00:00+06:00', source_agency: 'Kabar',
      text: 'BISHKEK, March 21 — Kabar. Tajik troops shelled positions of the Kyrgyz outpost near Jashtyk the previous day, the Border Service said. No one was hurt. Two hundred and five residents of nearby villages were moved to safe places.',
    },
    violation: true,
    events: [{ type: 'heavy_weapons_fire', date: '2024-03-20', location: 'Jashtyk', accused_party: 'TJ', reported_by: 'KG', killed: 0, wounded: 0 }],
  },
];
