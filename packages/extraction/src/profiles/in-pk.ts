/**
 * India–Pakistan Line of Control profile (a smaller one). Zones: India UTC+5:30
 * (Asia/Kolkata), Pakistan UTC+5 (Asia/Karachi), no DST.
 */
import type { ConflictProfile } from '../profile.ts';
import { district, place } from './build.ts';
import { STANDARD_VOCABULARY } from './vocabulary.ts';

export const IN_PK_PROFILE: ConflictProfile = {
  id: 'in-pk',
  name: 'India–Pakistan Line of Control',
  languages: ['en', 'ru'],
  parties: [
    {
      code: 'IN',
      name: 'India',
      patterns: ['India\\w*', 'индийск\\w*', 'Инди\\w*'],
      capitals: ['New Delhi', 'Delhi', 'Нью-Дели', 'Дели'],
      zone: { iana: 'Asia/Kolkata', offset: '+05:30', labels: ['IST', 'Indian Standard Time'] },
    },
    {
      code: 'PK',
      name: 'Pakistan',
      patterns: ['Pakistan\\w*', 'пакистанск\\w*', 'Пакистан\\w*'],
      capitals: ['Islamabad', 'Исламабад\\w*'],
      zone: { iana: 'Asia/Karachi', offset: '+05:00', labels: ['PKT', 'Pakistan Standard Time'] },
    },
  ],
  third_parties: [
    { code: 'UN', name: 'UNMOGIP', patterns: ['UNMOGIP', 'United Nations', 'UN', 'ООН'] },
  ],
  agencies: [
    { id: 'in.army', armed: true, name: 'Indian Army', side: 'IN', kind: 'official', patterns: ['Indian Army', 'Army spokesperson', 'White Knight Corps', 'Chinar Corps', 'Northern Command', 'DGMO(?: of India)?'] },
    { id: 'in.mea', name: 'Ministry of External Affairs of India', side: 'IN', kind: 'official', patterns: ['Ministry of External Affairs', 'MEA'] },
    { id: 'in.bsf', armed: true, name: 'Border Security Force', side: 'IN', kind: 'official', patterns: ['Border Security Force', 'BSF'] },
    { id: 'pk.ispr', armed: true, name: 'Inter-Services Public Relations', side: 'PK', kind: 'official', patterns: ['Inter-Services Public Relations', 'ISPR'] },
    { id: 'pk.mofa', name: 'Ministry of Foreign Affairs of Pakistan', side: 'PK', kind: 'official', patterns: ['Foreign Office(?: of Pakistan)?', 'Ministry of Foreign Affairs of Pakistan', 'FO spokesperson'] },
    { id: 'media.pti', name: 'PTI', side: 'IN', kind: 'media', patterns: ['PTI', 'Press Trust of India'] },
    { id: 'media.app', name: 'APP', side: 'PK', kind: 'media', patterns: ['APP', 'Associated Press of Pakistan', 'Dawn'] },
  ],
  places: [
    place('in.jk', null, 'IN', ['Jammu and Kashmir', 'J&K'], ['Джамму и Кашмир'], [33.78, 76.58], 'region'),
    district('in.jk.poonch', 'in.jk', 'IN', ['Poonch'], null, ['Пунч'], [33.77, 74.09]),
    district('in.jk.rajouri', 'in.jk', 'IN', ['Rajouri'], null, ['Раджаури'], [33.38, 74.31]),
    district('in.jk.kupwara', 'in.jk', 'IN', ['Kupwara'], null, ['Купвара'], [34.53, 74.25]),
    district('in.jk.baramulla', 'in.jk', 'IN', ['Baramulla'], null, ['Барамулла'], [34.2, 74.34]),
    district('in.jk.kathua', 'in.jk', 'IN', ['Kathua'], null, [], [32.37, 75.52]),
    district('in.jk.samba', 'in.jk', 'IN', ['Samba'], null, [], [32.56, 75.12]),
    place('in.jk.baramulla.uri', 'in.jk.baramulla', 'IN', ['Uri'], ['Ури'], [34.08, 74.03]),
    place('in.jk.poonch.krishna_ghati', 'in.jk.poonch', 'IN', ['Krishna Ghati', 'KG sector'], [], [33.67, 74.17], 'border_section'),
    place('in.jk.kupwara.keran', 'in.jk.kupwara', 'IN', ['Keran'], ['Керан'], [34.65, 74.03]),
    place('in.jk.rajouri.nowshera', 'in.jk.rajouri', 'IN', ['Nowshera', 'Naushera'], ['Наушера'], [33.15, 74.23]),
    // Sectors and towns of the Line of Control and the International Border in Jammu.
    district('in.jk.jammu', 'in.jk', 'IN', ['Jammu'], null, ['Джамму'], [32.73, 74.86]),
    district('in.jk.bandipora', 'in.jk', 'IN', ['Bandipora'], null, [], [34.42, 74.65]),
    place('in.jk.jammu.jammu_city', 'in.jk.jammu', 'IN', ['Jammu', 'Jammu city'], ['Джамму'], [32.73, 74.86], 'other'),
    place('in.jk.jammu.akhnoor', 'in.jk.jammu', 'IN', ['Akhnoor'], ['Акхнур'], [32.89, 74.74]),
    place('in.jk.jammu.rs_pura', 'in.jk.jammu', 'IN', ['R.S. Pura', 'RS Pura', 'Ranbir Singh Pura'], [], [32.61, 74.73]),
    place('in.jk.jammu.arnia', 'in.jk.jammu', 'IN', ['Arnia'], [], [32.52, 74.79]),
    place('in.jk.poonch.mendhar', 'in.jk.poonch', 'IN', ['Mendhar'], ['Мендхар'], [33.61, 74.13]),
    place('in.jk.poonch.balakote', 'in.jk.poonch', 'IN', ['Balakote'], [], [33.58, 74.05]),
    place('in.jk.poonch.shahpur', 'in.jk.poonch', 'IN', ['Shahpur', 'Kerni'], [], [33.7, 74.05]),
    place('in.jk.rajouri.sunderbani', 'in.jk.rajouri', 'IN', ['Sunderbani'], [], [33.04, 74.49]),
    place('in.jk.rajouri.manjakote', 'in.jk.rajouri', 'IN', ['Manjakote'], [], [33.47, 74.2]),
    place('in.jk.kupwara.tangdhar', 'in.jk.kupwara', 'IN', ['Tangdhar', 'Karnah'], ['Тангдхар'], [34.43, 73.96]),
    place('in.jk.kupwara.machil', 'in.jk.kupwara', 'IN', ['Machil'], [], [34.55, 74.36]),
    place('in.jk.bandipora.gurez', 'in.jk.bandipora', 'IN', ['Gurez'], [], [34.63, 74.84]),
    place('in.jk.kathua.hiranagar', 'in.jk.kathua', 'IN', ['Hiranagar'], [], [32.46, 75.27]),
    place('in.jk.srinagar', 'in.jk', 'IN', ['Srinagar'], ['Сринагар'], [34.08, 74.8], 'other'),
    place('in.pb.amritsar', null, 'IN', ['Amritsar'], ['Амритсар'], [31.63, 74.87], 'other'),
    place('in.pb.pathankot', null, 'IN', ['Pathankot'], ['Патханкот'], [32.27, 75.65], 'other'),
    place('in.jk.udhampur', 'in.jk', 'IN', ['Udhampur'], [], [32.93, 75.14], 'other'),
    // The line itself, on neither side: an event "along the LoC" keeps it beside its settlement.
    // Kashmir as a whole (both sides of the line): "along the LoC in Kashmir".
    place('un.kashmir', null, '', ['Kashmir', 'Kashmir Valley', 'Kashmir valley'], ['Кашмир'], null, 'region'),
    place('un.line_of_control', null, '', ['Line of Control', 'LoC'], ['линия контроля', 'Линия контроля'], null, 'border_section'),
    place('pk.ajk', null, 'PK', ['Azad Jammu and Kashmir', 'AJK', 'Azad Kashmir', 'Pakistan-administered Kashmir'], ['Азад Кашмир'], [33.93, 73.78], 'region'),
    district('pk.ajk.kotli', 'pk.ajk', 'PK', ['Kotli'], null, ['Котли'], [33.52, 73.9]),
    district('pk.ajk.bhimber', 'pk.ajk', 'PK', ['Bhimber'], null, [], [32.97, 74.08]),
    district('pk.ajk.neelum', 'pk.ajk', 'PK', ['Neelum'], null, [], [34.59, 73.91]),
    district('pk.ajk.haveli', 'pk.ajk', 'PK', ['Haveli'], null, [], [33.87, 74.1]),
    place('pk.ajk.muzaffarabad', 'pk.ajk', 'PK', ['Muzaffarabad'], ['Музаффарабад'], [34.37, 73.47]),
    place('pk.ajk.rawalakot', 'pk.ajk', 'PK', ['Rawalakot'], ['Равалакот'], [33.86, 73.76]),
    place('pk.ajk.kotli.nakyal', 'pk.ajk.kotli', 'PK', ['Nakyal', 'Nikial'], [], [33.48, 74.06]),
    place('pk.ajk.neelum.athmuqam', 'pk.ajk.neelum', 'PK', ['Athmuqam'], [], [34.58, 73.9]),
    place('pk.ajk.leepa', 'pk.ajk', 'PK', ['Leepa', 'Leepa Valley'], [], [34.3, 73.9]),
    place('pk.ajk.haveli.kahuta', 'pk.ajk.haveli', 'PK', ['Forward Kahuta'], [], [33.9, 74.1]),
    place('pk.ajk.hajira', 'pk.ajk', 'PK', ['Hajira'], [], [33.77, 73.9]),
    place('pk.ajk.abbaspur', 'pk.ajk', 'PK', ['Abbaspur'], [], [33.8, 74.0]),
    place('pk.ajk.chakothi', 'pk.ajk', 'PK', ['Chakothi'], [], [34.1, 73.88]),
    // Cities of Pakistan struck or named in the fighting of May 2025 (not the capital: "Islamabad"
    // is mostly its government).
    place('pk.pb.lahore', null, 'PK', ['Lahore'], ['Лахор'], [31.55, 74.34], 'other'),
    place('pk.pb.rawalpindi', null, 'PK', ['Rawalpindi'], ['Равалпинди'], [33.6, 73.05], 'other'),
    place('pk.pb.sialkot', null, 'PK', ['Sialkot'], ['Сиалкот'], [32.49, 74.53], 'other'),
    place('pk.pb.gujranwala', null, 'PK', ['Gujranwala'], ['Гуджранвала'], [32.16, 74.19], 'other'),
    place('pk.pb.chakwal', null, 'PK', ['Chakwal'], [], [32.93, 72.86], 'other'),
    place('pk.pb.attock', null, 'PK', ['Attock'], [], [33.77, 72.36], 'other'),
    place('pk.pb.bahawalpur', null, 'PK', ['Bahawalpur'], ['Бахавалпур'], [29.4, 71.68], 'other'),
    place('pk.pb.muridke', null, 'PK', ['Muridke'], ['Муридке'], [31.8, 74.26], 'other'),
    place('pk.sd.karachi', null, 'PK', ['Karachi'], ['Карачи'], [24.86, 67.0], 'other'),
    place('pk.ajk.battal', 'pk.ajk', 'PK', ['Battal'], [], [33.63, 73.96]),
  ],
  vocabulary: STANDARD_VOCABULARY,
};
