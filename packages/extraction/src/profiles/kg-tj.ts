/**
 * The Kyrgyz–Tajik border profile: parties, zones (KG UTC+6, TJ UTC+5, no DST), issuing
 * agencies and relays, and the gazetteer of both sides of the border (DOMAIN.md). Coordinates
 * are approximate and null where no reliable figure was at hand.
 */
import type { ConflictProfile } from '../profile.ts';
import { district, place, region } from './build.ts';
import { STANDARD_VOCABULARY } from './vocabulary.ts';

const KG = 'KG';
const TJ = 'TJ';

export const KG_TJ_PROFILE: ConflictProfile = {
  id: 'kg-tj',
  name: 'Kyrgyzstan–Tajikistan border',
  languages: ['en', 'ru'],
  parties: [
    {
      code: KG,
      name: 'Kyrgyzstan',
      patterns: [
        'Kyrgyzstan\\w*', 'Kyrgyz Republic', 'Kyrgyz', 'Kirghiz\\w*', 'Kirgiz\\w*',
        'кыргызск\\w*', 'киргизск\\w*', 'Кыргызстан\\w*', 'Киргизи\\w*', 'Кыргызск\\w* Республик\\w*',
      ],
      zone: { iana: 'Asia/Bishkek', offset: '+06:00', labels: ['Bishkek time', 'по бишкекскому времени', 'бишкекского времени'] },
    },
    {
      code: TJ,
      name: 'Tajikistan',
      patterns: [
        'Tajikistan\\w*', 'Republic of Tajikistan', 'Tajik', 'Tadjik\\w*',
        'таджикск\\w*', 'Таджикистан\\w*', 'Республик\\w* Таджикистан',
      ],
      zone: { iana: 'Asia/Dushanbe', offset: '+05:00', labels: ['Dushanbe time', 'по душанбинскому времени', 'душанбинского времени'] },
    },
  ],
  third_parties: [
    { code: 'UN', name: 'United Nations', patterns: ['United Nations', 'UN', 'Secretary-General', 'ООН', 'Генеральн\\w* секретар\\w* ООН'] },
    { code: 'OSCE', name: 'OSCE', patterns: ['OSCE', 'ОБСЕ', 'Chair(?:person|man)-in-Office', 'Действующ\\w* председател\\w* ОБСЕ'] },
    { code: 'CSTO', name: 'Collective Security Treaty Organization', patterns: ['CSTO', 'ОДКБ', 'Collective Security Treaty Organi[sz]ation'] },
    { code: 'SCO', name: 'Shanghai Cooperation Organisation', patterns: ['SCO Secretariat', 'Секретариат\\w* ШОС'] },
    { code: 'EU', name: 'European Union', patterns: ['European Union', 'EU', 'Евросоюз\\w*', 'Европейск\\w* союз\\w*'] },
    { code: 'ICRC', name: 'International Committee of the Red Cross', patterns: ['ICRC', 'Red Cross', 'МККК', 'Красн\\w* Крест\\w*'] },
  ],
  agencies: [
    // Kyrgyzstan
    {
      id: 'kg.border_service', armed: true, name: 'Border Service of the GKNB of the Kyrgyz Republic', side: KG, kind: 'official',
      patterns: ['(?:Kyrgyz )?Border Service(?: of the (?:GKNB|State Committee for National Security)(?: of (?:the )?Kyrgyz\\w*(?: Republic)?)?)?', 'Погранслужб\\w*(?: ГКНБ)?(?: КР| Кыргыз\\w*(?: Республики)?)?', 'Пограничн\\w* служб\\w*(?: ГКНБ)?(?: КР| Кыргыз\\w*(?: Республики)?)?'],
    },
    {
      id: 'kg.gknb', armed: true, name: 'State Committee for National Security of the Kyrgyz Republic', side: KG, kind: 'official',
      patterns: ['GKNB(?: of (?:the )?Kyrgyz\\w*(?: Republic)?)?', 'State Committee for National Security of (?:the )?Kyrgyz\\w*(?: Republic)?', 'ГКНБ (?:КР|Кыргыз\\w*(?: Республики)?|Киргизии)', 'Г(?:осударственн\\w* к|оск)омитет\\w* (?:национальной безопасности|нацбезопасности) (?:Кыргыз\\w*(?: Республики)?|Киргизии)'],
    },
    { id: 'kg.mfa', name: 'Ministry of Foreign Affairs of the Kyrgyz Republic', side: KG, kind: 'official', patterns: ['(?:Ministry of Foreign Affairs|Foreign (?:Affairs )?Ministry|MFA) of (?:the )?Kyrgyz\\w*(?: Republic)?', 'Kyrgyz (?:Foreign Ministry|MFA)', 'Министерств\\w* иностранных дел Кыргыз\\w*(?: Республики)?', 'МИД (?:КР|Кыргыз\\w*)'] },
    { id: 'kg.moh', name: 'Ministry of Health of the Kyrgyz Republic', side: KG, kind: 'official', patterns: ['Ministry of Health of (?:the )?Kyrgyz\\w*(?: Republic)?', 'Kyrgyz (?:Ministry of Health|Health Ministry)', 'Министерств\\w* здравоохранения Кыргыз\\w*(?: Республики)?', 'Минздрав\\w* (?:КР|Кыргыз\\w*)'] },
    { id: 'kg.mes', name: 'Ministry of Emergency Situations of the Kyrgyz Republic', side: KG, kind: 'official', patterns: ['Ministry of Emergency Situations(?: of (?:the )?Kyrgyz\\w*(?: Republic)?)?', 'Министерств\\w* чрезвычайных ситуаций(?: Кыргыз\\w*(?: Республики)?)?', 'МЧС (?:КР|Кыргыз\\w*)'] },
    { id: 'kg.mod', armed: true, name: 'Ministry of Defence of the Kyrgyz Republic', side: KG, kind: 'official', patterns: ['Ministry of Defen[cs]e of (?:the )?Kyrgyz\\w*(?: Republic)?', 'Министерств\\w* обороны Кыргыз\\w*(?: Республики)?'] },
    { id: 'kg.security_council', name: 'Security Council of the Kyrgyz Republic', side: KG, kind: 'official', patterns: ['Security Council of (?:the )?Kyrgyz\\w*(?: Republic)?', 'Совет\\w* безопасности Кыргыз\\w*(?: Республики)?'] },
    { id: 'kg.plenipotentiary', name: 'Plenipotentiary Representative of the President in Batken Region', side: KG, kind: 'official', patterns: ['plenipotentiary(?: representative)?(?: of the President)?(?: in Batken region)?', 'полномочн\\w* представител\\w*(?: президента)?(?: в Баткенской области)?', 'полпред\\w*'] },
    { id: 'kg.akimiat', name: 'District akimiat (Kyrgyzstan)', side: KG, kind: 'official', patterns: ['akimiat(?: of \\w+ district)?', 'акимиат\\w*(?: \\w+ского района)?', 'city administration', 'district administration', 'мэри\\w* (?:города )?Баткен\\w*'] },
    { id: 'kg.cabinet', name: 'Cabinet of Ministers of the Kyrgyz Republic', side: KG, kind: 'official', patterns: ['Cabinet of Ministers', 'Кабинет\\w* министров'] },
    { id: 'kg.president', name: 'President of the Kyrgyz Republic', side: KG, kind: 'official', patterns: ['(?:Sadyr )?Japarov', '(?:Садыр\\w* )?Жапаров\\w*', '(?:President|Presidential (?:Office|Administration)) of (?:the )?Kyrgyz\\w*(?: Republic)?', 'президент\\w* (?:КР|Кыргыз\\w*(?: Республики)?|Киргизии)'] },
    // Tajikistan
    { id: 'tj.border_troops', armed: true, name: 'Border Troops of the GKNB of the Republic of Tajikistan', side: TJ, kind: 'official', patterns: ['(?:Tajik )?Border Troops(?: of the (?:SCNS|GKNB|State Committee for National Security)(?: of (?:the Republic of )?Tajikistan)?)?', 'Пограничн\\w* войск\\w*(?: ГКНБ)?(?: РТ| Республики Таджикистан| Таджикистана)?', 'Погранвойск\\w*'] },
    { id: 'tj.scns', armed: true, name: 'State Committee for National Security of the Republic of Tajikistan', side: TJ, kind: 'official', patterns: ['SCNS(?: of (?:the Republic of )?Tajikistan)?', 'State Committee for National Security of (?:the Republic of )?Tajikistan', 'ГКНБ (?:РТ|Республики Таджикистан|Таджикистана)', 'Г(?:осударственн\\w* к|оск)омитет\\w* (?:национальной безопасности|нацбезопасности) (?:Республики )?Таджикистан\\w*'] },
    { id: 'tj.mfa', name: 'Ministry of Foreign Affairs of the Republic of Tajikistan', side: TJ, kind: 'official', patterns: ['(?:Ministry of Foreign Affairs|Foreign (?:Affairs )?Ministry|MFA) of (?:the Republic of )?Tajikistan', 'Tajik (?:Foreign Ministry|MFA)', 'Министерств\\w* иностранных дел (?:Республики )?Таджикистан\\w*', 'МИД (?:РТ|Таджикистан\\w*)'] },
    { id: 'tj.moh', name: 'Ministry of Health and Social Protection of Population of the Republic of Tajikistan', side: TJ, kind: 'official', patterns: ['Ministry of Health and Social Protection(?: of (?:the )?Population)?(?: of (?:the Republic of )?Tajikistan)?', 'Министерств\\w* здравоохранения и социальной защиты(?: населения)?(?: Республики Таджикистан)?'] },
    { id: 'tj.emergencies', name: 'Committee of Emergency Situations and Civil Defence of the Republic of Tajikistan', side: TJ, kind: 'official', patterns: ['Committee (?:of|for) Emergency Situations(?: and Civil Defen[cs]e)?', 'Комитет\\w* по чрезвычайным ситуациям(?: и гражданской обороне)?(?: при Правительстве Республики Таджикистан)?'] },
    { id: 'tj.sughd', name: 'Administration of Sughd Region', side: TJ, kind: 'official', patterns: ['Sughd (?:regional )?(?:administration|government|hukumat)', 'хукумат\\w*(?: Согдийской области)?(?! \\w+ского района)'] },
    { id: 'tj.president', name: 'President of the Republic of Tajikistan', side: TJ, kind: 'official', patterns: ['(?:Emomali )?Rahmon', '(?:Эмомали )?Рахмон\\w*', '(?:President|Presidential (?:Office|Administration)) of (?:the Republic of )?Tajikistan', 'президент\\w* (?:РТ|Республики Таджикистан|Таджикистана)'] },
    // Bodies named without their country: the side comes from a qualifier or the context.
    { id: 'moh', name: 'Ministry of Health', side: null, kind: 'official', patterns: ['Ministry of Health', 'Health Ministry', 'Министерств\\w* здравоохранения', 'Минздрав\\w*'] },
    { id: 'mfa', name: 'Ministry of Foreign Affairs', side: null, kind: 'official', patterns: ['Ministry of Foreign Affairs', 'Foreign (?:Affairs )?Ministry', 'MFA', 'МИД', 'Министерств\\w* иностранных дел'] },
    { id: 'mod', name: 'Ministry of Defence', side: null, kind: 'official', patterns: ['Ministry of Defen[cs]e', 'Министерств\\w* обороны', 'Минобороны'] },
    { id: 'mes', name: 'Ministry of Emergency Situations', side: null, kind: 'official', patterns: ['Emergenc(?:y|ies) Ministry', 'МЧС'] },
    { id: 'security_committee', name: 'State Committee for National Security', side: null, kind: 'official', patterns: ['State Committee for National Security', 'national security committee', 'ГКНБ', 'Г(?:осударственн\\w* к|оск)омитет\\w* (?:национальной безопасности|нацбезопасности)'] },
    // A local administration named by its place ("the Batken regional administration", «администрация
    // Лейлекского района»): the place names the issuer, not where anything happened; the side is
    // the place's country (engine).
    {
      id: 'local_administration', name: 'Local administration', side: null, kind: 'official',
      patterns: [
        '(?!(?:the|a|an|local|this|that|its|their) )\\w+(?:-\\w+)? (?:regional|district|city|oblast|provincial|town) (?:state )?(?:administration|akimiat|hukumat|government)',
        'administration of (?:the )?\\w+(?:-\\w+)? (?:district|region|oblast|city)',
        'администраци\\w* (?:\\w+ского района|\\w+ской области|города \\w+)', '\\w+(?:ская|ской|скую) (?:районн|областн|городск)\\w* администраци\\w*',
        'хукумат\\w* \\w+ского района',
      ],
    },
    // Relays
    { id: 'media.24kg', name: '24.kg', side: KG, kind: 'media', patterns: ['24\\.kg', '24kg'] },
    { id: 'media.akipress', name: 'AKIpress', side: KG, kind: 'media', patterns: ['AKIpress', 'АКИpress', 'АКИпресс'] },
    { id: 'media.kabar', name: 'Kabar', side: KG, kind: 'media', patterns: ['Kabar', 'Кабар'] },
    { id: 'media.azattyk', name: 'Azattyk', side: KG, kind: 'media', patterns: ['Azattyk', 'Азаттык', 'Radio Azattyk'] },
    { id: 'media.kaktus', name: 'Kaktus.media', side: KG, kind: 'media', patterns: ['Kaktus(?:\\.media)?', 'Кактус'] },
    { id: 'media.asiaplus', name: 'Asia-Plus', side: TJ, kind: 'media', patterns: ['Asia-Plus', 'Asia Plus', 'Азия-Плюс', 'Азия Плюс'] },
    { id: 'media.khovar', name: 'Khovar', side: TJ, kind: 'media', patterns: ['(?:NIAT )?Khovar', '(?:НИАТ )?«?Ховар»?'] },
    { id: 'media.ozodi', name: 'Radio Ozodi', side: TJ, kind: 'media', patterns: ['(?:Radio )?Ozodi', '(?:Радио )?Озоди'] },
    { id: 'media.avesta', name: 'Avesta', side: TJ, kind: 'media', patterns: ['Avesta', 'Авеста'] },
    { id: 'media.tass', name: 'TASS', side: 'RU', kind: 'media', patterns: ['TASS', 'ТАСС'] },
    { id: 'media.ria', name: 'RIA Novosti', side: 'RU', kind: 'media', patterns: ['RIA(?: Novosti)?', 'РИА(?: Новости)?'] },
    { id: 'media.interfax', name: 'Interfax', side: 'RU', kind: 'media', patterns: ['Interfax', 'Интерфакс'] },
    // Third parties
    { id: 'un', name: 'United Nations', side: 'UN', kind: 'third_party', patterns: ['United Nations', 'Spokesperson for the Secretary-General', '(?:UN )?Secretary-General', 'ООН', 'Генеральн\\w* секретар\\w* ООН'] },
    { id: 'osce', name: 'OSCE', side: 'OSCE', kind: 'third_party', patterns: ['OSCE(?: Chair(?:person|man)-in-Office| Chairpersonship)?', 'Chair(?:person|man)-in-Office', 'ОБСЕ'] },
    { id: 'csto', name: 'CSTO', side: 'CSTO', kind: 'third_party', patterns: ['CSTO(?: Secretariat| Secretary General)?', 'ОДКБ', 'Collective Security Treaty Organi[sz]ation'] },
  ],
  places: [
    // Kyrgyzstan
    region('kg.batken', KG, ['Batken'], 'Баткенская', [40.06, 70.82]),
    region('kg.osh', KG, ['Osh'], 'Ошская', [40.53, 72.8]),
    district('kg.batken.batken', 'kg.batken', KG, ['Batken'], 'Баткенский', [], [40.06, 70.82]),
    district('kg.batken.leilek', 'kg.batken', KG, ['Leilek', 'Leylek', 'Lailak'], 'Лейлекский', [], [39.84, 69.53]),
    district('kg.batken.kadamjay', 'kg.batken', KG, ['Kadamjay', 'Kadamzhai', 'Kadamjai'], 'Кадамжайский', [], [40.13, 71.72]),
    district('kg.osh.chon_alai', 'kg.osh', KG, ['Chon-Alai', 'Chon-Alay', 'Chong-Alay'], 'Чон-Алайский', [], [39.55, 72.2]),
    place('kg.batken.batken_city', 'kg.batken', KG, ['Batken', 'Batken city', 'Batken town'], ['Баткен'], [40.063, 70.819]),
    place('kg.batken.sulyukta', 'kg.batken', KG, ['Sulyukta', 'Sulukta'], ['Сулюкта'], [39.937, 69.568]),
    place('kg.batken.kyzyl_kiya', 'kg.batken', KG, ['Kyzyl-Kiya', 'Kyzyl-Kyya'], ['Кызыл-Кия'], [40.257, 72.128]),
    place('kg.batken.batken.ak_sai', 'kg.batken.batken', KG, ['Ak-Sai', 'Ak-Say', 'Aksai', 'Ak Sai'], ['Ак-Сай'], [39.874, 70.522]),
    place('kg.batken.batken.ak_tatyr', 'kg.batken.batken', KG, ['Ak-Tatyr', 'Aktatyr'], ['Ак-Татыр'], [39.96, 70.485]),
    place('kg.batken.batken.samarkandyk', 'kg.batken.batken', KG, ['Samarkandyk', 'Samarkandek'], ['Самаркандык', 'Самаркандек'], [39.998, 70.546]),
    place('kg.batken.batken.kok_tash', 'kg.batken.batken', KG, ['Kok-Tash', 'Koktash', 'Kök-Tash', 'Koktosh', 'Kok Tash'], ['Кок-Таш', 'Коктош'], null),
    place('kg.batken.batken.tort_kocho', 'kg.batken.batken', KG, ['Tort-Kocho', 'Tort Kocho', 'Tortkocho'], ['Торт-Кочо', 'Терт-Кече', 'Торт-Коче'], null),
    place('kg.batken.batken.kok_terek', 'kg.batken.batken', KG, ['Kok-Terek', 'Kokterek'], ['Кок-Терек'], null),
    place('kg.batken.batken.kyzyl_bel', 'kg.batken.batken', KG, ['Kyzyl-Bel', 'Kyzyl Bel', 'Kyzylbel'], ['Кызыл-Бел', 'Кызыл-Бель'], null),
    place('kg.batken.batken.bulak_bashy', 'kg.batken.batken', KG, ['Bulak-Bashy', 'Bulak-Bashi', 'Bulakbashy'], ['Булак-Башы', 'Булак-Баши'], null),
    place('kg.batken.batken.pasky_aryk', 'kg.batken.batken', KG, ['Pasky-Aryk', 'Paskyaryk'], ['Паскы-Арык'], null),
    place('kg.batken.batken.kak_sai', 'kg.batken.batken', KG, ['Kak-Sai', 'Kak-Say'], ['Как-Сай'], null),
    place('kg.batken.batken.dostuk', 'kg.batken.batken', KG, ['Dostuk'], ['Достук'], null),
    place('kg.batken.batken.jashtyk', 'kg.batken.batken', KG, ['Jashtyk', 'Dzhashtyk', 'Zhashtyk'], ['Жаштык', 'Джаштык'], null),
    place('kg.batken.batken.ak_suu', 'kg.batken.batken', KG, ['Ak-Suu'], ['Ак-Суу'], null),
    place('kg.batken.batken.kapchygai', 'kg.batken.batken', KG, ['Kapchygai', 'Kapchigai', 'Kapchygay', 'Kapchygai outpost'], ['Капчыгай', 'Капчигай'], null, 'other'),
    place('kg.batken.batken.tash_tumshuk', 'kg.batken.batken', KG, ['Tash-Tumshuk', 'Tashtumshuk', 'Tash Tumshuk'], ['Таш-Тумшук'], null),
    place('kg.batken.batken.golovnoy', 'kg.batken.batken', KG, ['Golovnoy', 'Golovnoi', 'Golovnaya'], ['Головной', 'Головная'], null, 'other'),
    place('kg.batken.leilek.isfana', 'kg.batken.leilek', KG, ['Isfana', 'Razzakov'], ['Исфана', 'Раззаков'], [39.839, 69.528]),
    place('kg.batken.leilek.kulundu', 'kg.batken.leilek', KG, ['Kulundu'], ['Кулунду'], [40.106, 69.641]),
    place('kg.batken.leilek.katran', 'kg.batken.leilek', KG, ['Katran'], ['Катран'], [39.844, 70.015]),
    place('kg.batken.leilek.korgon', 'kg.batken.leilek', KG, ['Korgon'], ['Коргон'], [39.889, 69.936]),
    place('kg.batken.leilek.arka', 'kg.batken.leilek', KG, ['Arka'], ['Арка'], null),
    place('kg.batken.leilek.maksat', 'kg.batken.leilek', KG, ['Maksat'], ['Максат'], null),
    place('kg.batken.leilek.jany_jer', 'kg.batken.leilek', KG, ['Jany-Jer', 'Dzhany-Dzher'], ['Жаны-Жер', 'Джаны-Джер'], null),
    place('kg.batken.leilek.orto_boz', 'kg.batken.leilek', KG, ['Orto-Boz'], ['Орто-Боз'], null),
    place('kg.batken.leilek.eki_tash', 'kg.batken.leilek', KG, ['Eki-Tash'], ['Эки-Таш'], null),
    place('kg.batken.leilek.chir_dobo', 'kg.batken.leilek', KG, ['Chir-Dobo'], ['Чыр-Добо', 'Чир-Добо'], null),
    place('kg.batken.leilek.borborduk', 'kg.batken.leilek', KG, ['Borborduk'], ['Борбордук'], null),
    place('kg.batken.boz_adyr', 'kg.batken', KG, ['Boz-Adyr'], ['Боз-Адыр'], [39.999, 71.073]),
    place('kg.batken.kadamjay.kadamjay_town', 'kg.batken.kadamjay', KG, ['Kadamjay town'], ['город Кадамжай'], [40.13, 71.72]),
    place('kg.batken.kadamjay.pulgon', 'kg.batken.kadamjay', KG, ['Pulgon'], ['Пулгон'], null),
    place('kg.osh.chon_alai.daroot_korgon', 'kg.osh.chon_alai', KG, ['Daroot-Korgon', 'Daroot Korgon'], ['Дароот-Коргон'], [39.553, 72.205]),
    place('kg.osh.chon_alai.jekendi', 'kg.osh.chon_alai', KG, ['Dzhekendi', 'Jekendi', 'Jekkendi'], ['Джекенди', 'Жекенди'], null),
    place('kg.osh.osh_city', 'kg.osh', KG, ['Osh', 'Osh city'], ['Ош'], [40.53, 72.8]),
    place('kg.bishkek', null, KG, ['Bishkek'], ['Бишкек'], [42.87, 74.59], 'other'),
    // Tajikistan
    region('tj.sughd', TJ, ['Sughd', 'Sogd', 'Soghd'], 'Согдийская', [40.28, 69.62]),
    district('tj.sughd.isfara', 'tj.sughd', TJ, ['Isfara'], 'Исфаринский', [], [40.127, 70.625]),
    district('tj.sughd.b_gafurov', 'tj.sughd', TJ, ['Bobojon Gafurov', 'B. Gafurov', 'Gafurov', 'Ghafurov'], null, ['Бободжон Гафуров', 'Бободжона Гафурова', 'Б. Гафуров'], [40.216, 69.729]),
    district('tj.sughd.j_rasulov', 'tj.sughd', TJ, ['Jabbor Rasulov', 'J. Rasulov'], null, ['Джаббор Расулов', 'Джаббора Расулова'], null),
    district('tj.sughd.konibodom', 'tj.sughd', TJ, ['Konibodom', 'Kanibadam'], 'Канибадамский', [], [40.29, 70.42]),
    place('tj.sughd.isfara.isfara_town', 'tj.sughd.isfara', TJ, ['Isfara', 'Isfara town', 'Isfara city'], ['Исфара'], [40.127, 70.625]),
    place('tj.sughd.isfara.vorukh', 'tj.sughd.isfara', TJ, ['Vorukh', 'Woruch', 'Vorukh enclave', 'Voruh'], ['Ворух'], [39.85, 70.58]),
    place('tj.sughd.isfara.chorkuh', 'tj.sughd.isfara', TJ, ['Chorkuh', 'Chorku', 'Chorkukh'], ['Чоркух', 'Чорку'], null),
    place('tj.sughd.isfara.khoja_alo', 'tj.sughd.isfara', TJ, ['Khoja-Alo', 'Khojai Alo', 'Khojai-Alo', 'Khodzhai Alo', 'Khoja Alo', "Khojai A'lo", 'Hoji Alo'], ['Ходжаи Аъло', 'Ходжа-Аъло', 'Ходжаи-Аъло', 'Хожаи Аъло', 'Ходжа-Ало', 'Ходжаи Ало'], null),
    place('tj.sughd.isfara.kummazar', 'tj.sughd.isfara', TJ, ['Kummazar'], ['Куммазар'], null),
    place('tj.sughd.isfara.surkh', 'tj.sughd.isfara', TJ, ['Surkh'], ['Сурх'], null),
    place('tj.sughd.isfara.somoniyon', 'tj.sughd.isfara', TJ, ['Somoniyon'], ['Сомониён', 'Сомониен'], null),
    place('tj.sughd.isfara.kulkandi', 'tj.sughd.isfara', TJ, ['Kulkandi'], ['Кулканди'], null),
    place('tj.sughd.isfara.lakkon', 'tj.sughd.isfara', TJ, ['Lakkon', 'Lakan'], ['Лаккон'], null),
    place('tj.sughd.isfara.shurab', 'tj.sughd.isfara', TJ, ['Shurab'], ['Шураб'], [40.03, 70.55]),
    place('tj.sughd.isfara.chilgazi', 'tj.sughd.isfara', TJ, ['Chilgazi'], ['Чилгази'], null),
    place('tj.sughd.b_gafurov.ovchi_kalacha', 'tj.sughd.b_gafurov', TJ, ['Ovchi-Kalacha', 'Ovchi Kalacha', 'Ovchikalacha', "Ovchi-Kal'acha"], ['Овчи Калъача', 'Овчи-Калъача', 'Овчикалъача', 'Овчи-Калача', 'Овчи Калача'], null),
    place('tj.sughd.b_gafurov.histevarz', 'tj.sughd.b_gafurov', TJ, ['Histevarz', 'Khistevarz', 'Khistevarz outpost'], ['Хиставарз', 'Хистеварз'], null),
    place('tj.sughd.b_gafurov.gafurov_town', 'tj.sughd.b_gafurov', TJ, ['Gafurov town', 'Ghafurov town'], ['город Гафуров'], [40.216, 69.729]),
    place('tj.sughd.khujand', 'tj.sughd', TJ, ['Khujand', 'Khudzhand'], ['Худжанд'], [40.28, 69.62], 'other'),
    place('tj.sughd.guliston', 'tj.sughd', TJ, ['Guliston', 'Gulistan'], ['Гулистон'], [40.31, 70.0], 'other'),
    place('tj.dushanbe', null, TJ, ['Dushanbe'], ['Душанбе'], [38.56, 68.79], 'other'),
    // Elsewhere (meeting places of agreements)
    place('uz.samarkand', null, 'UZ', ['Samarkand', 'Samarqand'], ['Самарканд'], [39.65, 66.96], 'other'),
    place('ru.moscow', null, 'RU', ['Moscow'], ['Москва'], [55.75, 37.62], 'other'),
  ],
  vocabulary: STANDARD_VOCABULARY,
};
