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
      zone: { iana: 'Asia/Kolkata', offset: '+05:30', labels: ['IST', 'Indian Standard Time'] },
    },
    {
      code: 'PK',
      name: 'Pakistan',
      patterns: ['Pakistan\\w*', 'пакистанск\\w*', 'Пакистан\\w*'],
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
    place('in.jk.rajouri.nowshera', 'in.jk.rajouri', 'IN', ['Nowshera'], ['Наушера'], [33.15, 74.23]),
    place('pk.ajk', null, 'PK', ['Azad Jammu and Kashmir', 'AJK', 'Azad Kashmir', 'Pakistan-administered Kashmir'], ['Азад Кашмир'], [33.93, 73.78], 'region'),
    district('pk.ajk.kotli', 'pk.ajk', 'PK', ['Kotli'], null, ['Котли'], [33.52, 73.9]),
    district('pk.ajk.bhimber', 'pk.ajk', 'PK', ['Bhimber'], null, [], [32.97, 74.08]),
    district('pk.ajk.neelum', 'pk.ajk', 'PK', ['Neelum'], null, [], [34.59, 73.91]),
    district('pk.ajk.haveli', 'pk.ajk', 'PK', ['Haveli'], null, [], [33.87, 74.1]),
    place('pk.ajk.muzaffarabad', 'pk.ajk', 'PK', ['Muzaffarabad'], ['Музаффарабад'], [34.37, 73.47]),
    place('pk.ajk.rawalakot', 'pk.ajk', 'PK', ['Rawalakot'], ['Равалакот'], [33.86, 73.76]),
    place('pk.ajk.kotli.nakyal', 'pk.ajk.kotli', 'PK', ['Nakyal'], [], [33.48, 74.06]),
    place('pk.ajk.battal', 'pk.ajk', 'PK', ['Battal'], [], [33.63, 73.96]),
  ],
  vocabulary: STANDARD_VOCABULARY,
};
