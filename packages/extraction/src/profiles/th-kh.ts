/**
 * Thailand–Cambodia border profile, written as data alone: a new conflict needs no code.
 * Zones: Thailand UTC+7 (Asia/Bangkok), Cambodia UTC+7 (Asia/Phnom_Penh), no DST.
 */
import type { ConflictProfile } from '../profile.ts';
import { district, place, region, withBareRu } from './build.ts';
import { STANDARD_VOCABULARY } from './vocabulary.ts';

export const TH_KH_PROFILE: ConflictProfile = {
  id: 'th-kh',
  name: 'Thailand–Cambodia border',
  languages: ['en', 'ru'],
  parties: [
    {
      code: 'TH',
      name: 'Thailand',
      patterns: ['Thailand\\w*', 'Thais?', 'Siam\\w*', 'таиландск\\w*', 'тайск\\w*', 'тайц(?:ы|ев|ам|ами|ах)', 'таец', 'Таиланд\\w*'],
      capitals: ['Bangkok', 'Бангкок\\w*'],
      zone: { iana: 'Asia/Bangkok', offset: '+07:00', labels: ['Bangkok time', 'Thai time', 'по бангкокскому времени'] },
    },
    {
      code: 'KH',
      name: 'Cambodia',
      patterns: ['Cambodia\\w*', 'Khmer', 'камбоджийск\\w*', 'Камбодж\\w*'],
      capitals: ['Phnom Penh', 'Пномпен\\w*'],
      zone: { iana: 'Asia/Phnom_Penh', offset: '+07:00', labels: ['Phnom Penh time', 'Cambodian time'] },
    },
  ],
  third_parties: [
    { code: 'MY', name: 'Malaysia (ASEAN chair)', patterns: ['Malaysia\\w*', 'ASEAN', 'Anwar Ibrahim'] },
    { code: 'UN', name: 'United Nations', patterns: ['United Nations', 'UN Security Council', 'ООН'] },
    { code: 'US', name: 'United States', patterns: ['United States', 'Washington', 'Trump'] },
    { code: 'CN', name: 'China', patterns: ['China', 'Chinese'] },
  ],
  agencies: [
    { id: 'th.army', armed: true, name: 'Royal Thai Army', side: 'TH', kind: 'official', patterns: ['Royal Thai Army', 'Thai Army', 'Royal Thai Armed Forces', 'RTARF', 'Second Army Region', 'Thai military'] },
    { id: 'th.navy', armed: true, name: 'Royal Thai Navy', side: 'TH', kind: 'official', patterns: ['Royal Thai Navy', 'Chanthaburi and Trat Border Defence Command'] },
    { id: 'th.mod', armed: true, name: 'Ministry of Defence of Thailand', side: 'TH', kind: 'official', patterns: ['Thai (?:Ministry of Defen[cs]e|Defen[cs]e Ministry)', '(?:Ministry of Defen[cs]e|Defen[cs]e Ministry) of Thailand'] },
    { id: 'th.mfa', name: 'Ministry of Foreign Affairs of Thailand', side: 'TH', kind: 'official', patterns: ['Thai (?:Ministry of Foreign Affairs|Foreign Ministry)', '(?:Ministry of Foreign Affairs|Foreign Ministry) of Thailand'] },
    { id: 'kh.mond', armed: true, name: 'Ministry of National Defence of Cambodia', side: 'KH', kind: 'official', patterns: ['Ministry of National Defen[cs]e(?: of (?:the Kingdom of )?Cambodia)?', 'Cambodian (?:Ministry of (?:National )?Defen[cs]e|Defen[cs]e Ministry)', 'Royal Cambodian Armed Forces', 'RCAF'] },
    { id: 'kh.mfa', name: 'Ministry of Foreign Affairs of Cambodia', side: 'KH', kind: 'official', patterns: ['Cambodian (?:Ministry of Foreign Affairs|Foreign Ministry)', '(?:Ministry of Foreign Affairs|Foreign Ministry)(?: and International Cooperation)? of (?:the Kingdom of )?Cambodia'] },
    { id: 'kh.government', name: 'Royal Government of Cambodia', side: 'KH', kind: 'official', patterns: ['Royal Government of Cambodia'] },
    // The ASEAN chair's prime minister, who brokered the truces.
    { id: 'my.prime_minister', name: 'Prime Minister of Malaysia (ASEAN chair)', side: 'MY', kind: 'third_party', patterns: ["(?:Malaysian|Malaysia['’]s) Prime Minister(?: Anwar Ibrahim)?", 'Prime Minister of Malaysia', 'Anwar Ibrahim', 'премьер-министр\\w* Малайзии(?: Анвар\\w* Ибрагим\\w*)?', 'Анвар\\w* Ибрагим\\w*'] },
    { id: 'media.khmer_times', name: 'Khmer Times', side: 'KH', kind: 'media', patterns: ['Khmer Times', 'AKP', 'Agence Kampuchea Presse', 'Fresh News'] },
    { id: 'media.bangkok_post', name: 'Bangkok Post', side: 'TH', kind: 'media', patterns: ['Bangkok Post', 'The Nation(?: Thailand)?', 'Thai News Agency', 'Thai PBS'] },
  ],
  places: [
    // Russian relays name a province bare or as «провинция X» («в провинции Сисакет»).
    withBareRu(region('th.surin', 'TH', ['Surin'], 'Сурин', [14.88, 103.49]), ['Сурин'], 'провинция'),
    withBareRu(region('th.sisaket', 'TH', ['Si Sa Ket', 'Sisaket', 'Srisaket'], 'Сисакет', [15.12, 104.32]), ['Сисакет'], 'провинция'),
    withBareRu(region('th.ubon', 'TH', ['Ubon Ratchathani', 'Ubon'], 'Убонратчатхани', [15.24, 104.85]), ['Убонратчатхани'], 'провинция'),
    withBareRu(region('th.buriram', 'TH', ['Buriram', 'Buri Ram'], 'Бурирам', [14.99, 103.1]), ['Бурирам'], 'провинция'),
    withBareRu(region('th.sakaeo', 'TH', ['Sa Kaeo', 'Sa Kaew'], 'Сакэу', [13.81, 102.07]), ['Сакэу'], 'провинция'),
    withBareRu(region('th.chanthaburi', 'TH', ['Chanthaburi'], 'Чантхабури', [12.61, 102.1]), ['Чантхабури'], 'провинция'),
    withBareRu(region('th.trat', 'TH', ['Trat'], 'Трат', [12.24, 102.51]), ['Трат'], 'провинция'),
    district('th.surin.kap_choeng', 'th.surin', 'TH', ['Kap Choeng', 'Kab Choeng'], null, [], [14.58, 103.58]),
    district('th.surin.phanom_dong_rak', 'th.surin', 'TH', ['Phanom Dong Rak'], null, [], [14.47, 103.32]),
    // Russian relays name a Thai district (amphoe) bare or as «округ X».
    withBareRu(district('th.sisaket.kantharalak', 'th.sisaket', 'TH', ['Kantharalak'], null, ['Кантхаралак'], [14.65, 104.65]), ['Кантхаралак'], 'округ'),
    withBareRu(district('th.ubon.nam_yuen', 'th.ubon', 'TH', ['Nam Yuen'], null, ['Нам Юэн'], [14.49, 105.0]), ['Нам Юэн'], 'округ'),
    district('th.buriram.ban_kruat', 'th.buriram', 'TH', ['Ban Kruat'], null, [], [14.42, 103.13]),
    district('th.sakaeo.ta_phraya', 'th.sakaeo', 'TH', ['Ta Phraya'], null, [], [14.1, 102.68]),
    place('th.surin.ta_muen_thom', 'th.surin', 'TH', ['Ta Muen Thom', 'Prasat Ta Muen Thom', 'Ta Muen Thom Temple', 'Ta Muen Temple', 'Ta Moan Thom', 'Ta Moan Thom Temple', 'Ta Moan', 'Moan Thom Temple', 'Moan Thom'], ['Та Муен Тхом', 'Та Муен Том', 'Прасат Та Муен Том', 'Та Мыан Том', 'Та Моан Том'], [14.35, 103.27], 'other'),
    place('th.surin.ta_kwai', 'th.surin', 'TH', ['Ta Kwai', 'Ta Kwai Temple', 'Ta Krabey', 'Ta Krabey Temple', 'Prasat Ta Kwai'], ['Та Квай', 'Прасат Та Квай', 'Та Кробей'], [14.33, 103.37], 'other'),
    place('th.sisaket.phu_makua', 'th.sisaket', 'TH', ['Phu Makua', 'Phu Makhuea', 'Phu Makheu'], [], [14.4, 104.67], 'other'),
    place('th.sisaket.pha_mo_e_daeng', 'th.sisaket', 'TH', ['Pha Mo E Daeng', 'Pha Mor E Daeng'], [], [14.41, 104.69], 'other'),
    place('th.ubon.chong_bok', 'th.ubon', 'TH', ['Chong Bok'], [], [14.37, 105.08], 'other'),
    place('th.sisaket.chong_an_ma', 'th.sisaket', 'TH', ['Chong An Ma', 'Chong Khanma', 'An Ma pass', 'An Ma Pass'], ['Чонг Ан Ма', 'Чонг Анма'], [14.37, 104.45], 'other'),
    place('th.sakaeo.ban_nong_chan', 'th.sakaeo', 'TH', ['Ban Nong Chan', 'Nong Chan'], [], [13.83, 102.55]),
    place('kh.preah_vihear_temple', 'kh.preah_vihear', 'KH', ['Preah Vihear temple', 'Preah Vihear Temple', 'Prasat Preah Vihear'], ['Преах Вихеар'], [14.39, 104.68], 'other'),
    withBareRu(region('kh.oddar_meanchey', 'KH', ['Oddar Meanchey', 'Otdar Meanchey'], 'Оддармеанчей', [14.18, 103.52]), ['Оддармеанчей', 'Оддар Менчей', 'Оддар-Менчей', 'Оддар Меанчей'], 'провинция'),
    withBareRu(region('kh.preah_vihear', 'KH', ['Preah Vihear'], 'Преахвихеа', [13.8, 104.98]), ['Преахвихеа', 'Преахвихеар'], 'провинция'),
    withBareRu(region('kh.banteay_meanchey', 'KH', ['Banteay Meanchey'], 'Бантеаймеанчей', [13.75, 102.99]), ['Бантеаймеанчей'], 'провинция'),
    withBareRu(region('kh.pursat', 'KH', ['Pursat'], 'Пурсат', [12.54, 103.92]), ['Пурсат'], 'провинция'),
    withBareRu(region('kh.battambang', 'KH', ['Battambang'], 'Баттамбанг', [13.1, 103.2]), ['Баттамбанг'], 'провинция'),
    withBareRu(region('kh.koh_kong', 'KH', ['Koh Kong'], 'Кохконг', [11.62, 102.98]), ['Кохконг'], 'провинция'),
    place('kh.oddar_meanchey.samraong', 'kh.oddar_meanchey', 'KH', ['Samraong', 'Samrong'], ['Самраонг', 'Самроунг', 'Самронг'], [14.18, 103.52]),
    place('kh.banteay_meanchey.chouk_chey', 'kh.banteay_meanchey', 'KH', ['Chouk Chey'], [], [13.8, 102.6]),
    place('kh.banteay_meanchey.prey_chan', 'kh.banteay_meanchey', 'KH', ['Prey Chan'], [], [13.82, 102.58]),
    place('th.surin.ta_muen_toch', 'th.surin', 'TH', ['Ta Muen Toch', 'Ta Moan Toch', 'Prasat Ta Muen Toch'], ['Та Муен Тоть'], [14.35, 103.26], 'other'),
    place('th.sisaket.sam_tae', 'th.sisaket', 'TH', ['Sam Tae', 'Sam Tae Temple'], ['Сам Тэ'], [14.4, 104.6], 'other'),
    place('th.sisaket.phu_sing', 'th.sisaket', 'TH', ['Phu Sing'], [], [14.43, 104.5]),
    place('th.surin.ban_dan', 'th.surin', 'TH', ['Ban Dan'], [], [14.6, 103.57]),
    place('kh.oddar_meanchey.anlong_veng', 'kh.oddar_meanchey', 'KH', ['Anlong Veng'], ['Анлонгвэнг'], [14.23, 104.08]),
    place('kh.oddar_meanchey.o_smach', 'kh.oddar_meanchey', 'KH', ['O Smach', 'Ou Smach'], [], [14.42, 103.67]),
    place('kh.oddar_meanchey.bansay_reak', 'kh.oddar_meanchey', 'KH', ['Bansay Reak', 'Bansay Rak'], [], [14.3, 103.8]),
    place('kh.preah_vihear.choam_ksant', 'kh.preah_vihear', 'KH', ['Choam Ksant'], [], [14.23, 104.9]),
    // Meeting places of the talks (capitals are left out: "Bangkok said" is its government).
    place('my.putrajaya', null, 'MY', ['Putrajaya'], ['Путраджая'], [2.93, 101.69], 'other'),
    place('my.kuala_lumpur', null, 'MY', ['Kuala Lumpur'], ['Куала-Лумпур'], [3.14, 101.69], 'other'),
  ],
  vocabulary: STANDARD_VOCABULARY,
};
