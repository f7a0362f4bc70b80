/**
 * Armenia–Azerbaijan border profile (a smaller one): it shows that another conflict is data.
 * Zones: Armenia UTC+4 (Asia/Yerevan), Azerbaijan UTC+4 (Asia/Baku), no DST.
 */
import type { ConflictProfile } from '../profile.ts';
import { district, place, region } from './build.ts';
import { STANDARD_VOCABULARY } from './vocabulary.ts';

export const AM_AZ_PROFILE: ConflictProfile = {
  id: 'am-az',
  name: 'Armenia–Azerbaijan border',
  languages: ['en', 'ru'],
  parties: [
    {
      code: 'AM',
      name: 'Armenia',
      patterns: ['Armenia\\w*', 'армянск\\w*', 'Армени\\w*', 'армян(?:е|ам|ами|ах|ин|ина|ину|ином)?'],
      capitals: ['Yerevan', 'Ереван\\w*'],
      zone: { iana: 'Asia/Yerevan', offset: '+04:00', labels: ['Yerevan time', 'по ереванскому времени'] },
    },
    {
      code: 'AZ',
      name: 'Azerbaijan',
      patterns: ['Azerbaijan\\w*', 'Azeris?', 'азербайджанск\\w*', 'Азербайджан\\w*'],
      capitals: ['Baku', 'Баку'],
      zone: { iana: 'Asia/Baku', offset: '+04:00', labels: ['Baku time', 'по бакинскому времени'] },
    },
  ],
  third_parties: [
    { code: 'EU', name: 'EU Mission in Armenia', patterns: ['EUMA', 'EU Mission in Armenia', 'European Union', 'EU'] },
    { code: 'OSCE', name: 'OSCE', patterns: ['OSCE', 'ОБСЕ'] },
    { code: 'CSTO', name: 'CSTO', patterns: ['CSTO', 'ОДКБ'] },
    { code: 'UN', name: 'United Nations', patterns: ['United Nations', 'UN', 'ООН'] },
  ],
  agencies: [
    { id: 'am.mod', armed: true, name: 'Ministry of Defence of Armenia', side: 'AM', kind: 'official', patterns: ['Armenian (?:Ministry of Defen[cs]e|Defen[cs]e Ministry|MoD)', '(?:Ministry of Defen[cs]e|Defen[cs]e Ministry|MoD) of (?:the Republic of )?Armenia', 'Armenia[\'’]s (?:Ministry of Defen[cs]e|Defen[cs]e Ministry|MoD)', 'Министерств\\w* обороны (?:Республики )?Армени\\w*', 'Минобороны Армении'] },
    { id: 'am.mfa', name: 'Ministry of Foreign Affairs of Armenia', side: 'AM', kind: 'official', patterns: ['(?:Ministry of Foreign Affairs|Foreign Ministry|MFA) of (?:the Republic of )?Armenia', 'МИД Армении'] },
    { id: 'am.nss_border_guard', armed: true, name: 'Border Guard Troops of the NSS of Armenia', side: 'AM', kind: 'official', patterns: ['Border Guard Troops of the (?:NSS|National Security Service)', 'Пограничн\\w* войск\\w* СНБ Армении'] },
    { id: 'az.mod', armed: true, name: 'Ministry of Defence of Azerbaijan', side: 'AZ', kind: 'official', patterns: ['Azerbaijani (?:Ministry of Defen[cs]e|Defen[cs]e Ministry|MoD)', '(?:Ministry of Defen[cs]e|Defen[cs]e Ministry|MoD) of (?:the Republic of )?Azerbaijan', 'Azerbaijan[\'’]s (?:Ministry of Defen[cs]e|Defen[cs]e Ministry|MoD)', 'Министерств\\w* обороны (?:Республики )?Азербайджан\\w*', 'Минобороны Азербайджана'] },
    // A bare "Defense Ministry" speaks for the side its qualifier or the statement's source names.
    { id: 'mod', armed: true, name: 'Ministry of Defence', side: null, kind: 'official', patterns: ['Ministry of Defen[cs]e', 'Defen[cs]e Ministry', 'MoD', 'Министерств\\w* обороны', 'Минобороны'] },
    { id: 'az.mfa', name: 'Ministry of Foreign Affairs of Azerbaijan', side: 'AZ', kind: 'official', patterns: ['(?:Ministry of Foreign Affairs|Foreign Ministry|MFA) of (?:the Republic of )?Azerbaijan', 'МИД Азербайджана'] },
    { id: 'az.state_border_service', armed: true, name: 'State Border Service of Azerbaijan', side: 'AZ', kind: 'official', patterns: ['State Border Service(?: of Azerbaijan)?', 'Государственн\\w* пограничн\\w* служб\\w* Азербайджана'] },
    { id: 'media.armenpress', name: 'Armenpress', side: 'AM', kind: 'media', patterns: ['Armenpress', 'Арменпресс'] },
    { id: 'media.news_am', name: 'News.am', side: 'AM', kind: 'media', patterns: ['News\\.am'] },
    { id: 'media.azertac', name: 'AZERTAC', side: 'AZ', kind: 'media', patterns: ['AZERTAC', 'АЗЕРТАДЖ'] },
    { id: 'media.apa', name: 'APA', side: 'AZ', kind: 'media', patterns: ['APA', 'Trend', 'Report\\.az'] },
  ],
  places: [
    region('am.tavush', 'AM', ['Tavush'], 'Тавушская', [40.89, 45.15]),
    region('am.gegharkunik', 'AM', ['Gegharkunik'], 'Гехаркуникская', [40.35, 45.13]),
    region('am.syunik', 'AM', ['Syunik'], 'Сюникская', [39.51, 46.34]),
    region('am.vayots_dzor', 'AM', ['Vayots Dzor'], 'Вайоцдзорская', [39.76, 45.33]),
    place('am.syunik.goris', 'am.syunik', 'AM', ['Goris'], ['Горис'], [39.51, 46.34]),
    place('am.syunik.kapan', 'am.syunik', 'AM', ['Kapan'], ['Капан'], [39.21, 46.41]),
    place('am.vayots_dzor.jermuk', 'am.vayots_dzor', 'AM', ['Jermuk'], ['Джермук'], [39.84, 45.67]),
    place('am.gegharkunik.sotk', 'am.gegharkunik', 'AM', ['Sotk'], ['Сотк'], [40.21, 45.93]),
    place('am.gegharkunik.vardenis', 'am.gegharkunik', 'AM', ['Vardenis'], ['Варденис'], [40.18, 45.73]),
    place('am.tavush.berd', 'am.tavush', 'AM', ['Berd'], ['Берд'], [40.88, 45.39]),
    place('am.tavush.chinari', 'am.tavush', 'AM', ['Chinari'], ['Чинари'], [40.91, 45.47]),
    place('am.tavush.movses', 'am.tavush', 'AM', ['Movses'], ['Мовсес'], [40.94, 45.43]),
    place('am.syunik.tegh', 'am.syunik', 'AM', ['Tegh'], ['Тех'], [39.56, 46.48]),
    district('az.tovuz', null, 'AZ', ['Tovuz'], 'Товузский', [], [40.99, 45.63]),
    district('az.gadabay', null, 'AZ', ['Gadabay', 'Gedabek'], 'Кедабекский', [], [40.57, 45.81]),
    district('az.kalbajar', null, 'AZ', ['Kalbajar', 'Kelbajar'], 'Кельбаджарский', [], [40.1, 46.04]),
    district('az.lachin', null, 'AZ', ['Lachin'], 'Лачинский', [], [39.64, 46.55]),
    district('az.gazakh', null, 'AZ', ['Gazakh', 'Qazax'], 'Газахский', [], [41.09, 45.37]),
    place('az.nakhchivan', null, 'AZ', ['Nakhchivan', 'Nakhichevan'], ['Нахичевань'], [39.21, 45.41], 'region'),
    place('az.tovuz.aghdam_tovuz', 'az.tovuz', 'AZ', ['Agdam (Tovuz)', 'Aghdam village'], ['Агдам'], [40.91, 45.56]),
    // Armenia: provinces and villages of the border (capitals are left out: "Baku accused
    // Yerevan" names governments, not places).
    region('am.ararat', 'AM', ['Ararat'], 'Араратская', [39.95, 44.7]),
    region('am.armavir', 'AM', ['Armavir'], 'Армавирская', [40.15, 44.04]),
    place('am.ararat.yeraskh', 'am.ararat', 'AM', ['Yeraskh'], ['Ерасх'], [39.77, 44.79]),
    place('am.tavush.ijevan', 'am.tavush', 'AM', ['Ijevan'], ['Иджеван'], [40.88, 45.15]),
    place('am.tavush.noyemberyan', 'am.tavush', 'AM', ['Noyemberyan'], ['Ноемберян'], [41.17, 44.99]),
    place('am.tavush.voskepar', 'am.tavush', 'AM', ['Voskepar'], ['Воскепар'], [41.06, 45.05]),
    place('am.tavush.baghanis', 'am.tavush', 'AM', ['Baghanis'], ['Баганис'], [41.05, 45.1]),
    place('am.tavush.aygepar', 'am.tavush', 'AM', ['Aygepar'], ['Айгепар'], [40.94, 45.41]),
    place('am.gegharkunik.kut', 'am.gegharkunik', 'AM', ['Kut'], ['Кут'], [40.2, 45.87]),
    place('am.gegharkunik.norabak', 'am.gegharkunik', 'AM', ['Norabak'], ['Норабак'], [40.08, 45.65]),
    place('am.syunik.meghri', 'am.syunik', 'AM', ['Meghri'], ['Мегри'], [38.9, 46.24]),
    place('am.syunik.nerkin_hand', 'am.syunik', 'AM', ['Nerkin Hand'], ['Неркин Анд'], [39.14, 46.52]),
    place('am.syunik.khoznavar', 'am.syunik', 'AM', ['Khoznavar'], ['Хознавар'], [39.6, 46.33]),
    place('am.syunik.ishkhanasar', 'am.syunik', 'AM', ['Ishkhanasar'], ['Ишханасар'], [39.55, 46.2], 'other'),
    // Azerbaijan: districts and towns of the border and of Karabakh.
    district('az.zangilan', null, 'AZ', ['Zangilan'], 'Зангиланский', [], [39.09, 46.65]),
    district('az.gubadli', null, 'AZ', ['Gubadli', 'Qubadli'], 'Губадлинский', [], [39.34, 46.58]),
    district('az.jabrayil', null, 'AZ', ['Jabrayil', 'Jabrail'], 'Джебраильский', [], [39.4, 47.03]),
    district('az.fuzuli', null, 'AZ', ['Fuzuli'], 'Физулинский', [], [39.6, 47.14]),
    district('az.aghdam', null, 'AZ', ['Aghdam', 'Agdam'], 'Агдамский', [], [39.99, 46.93]),
    district('az.tartar', null, 'AZ', ['Tartar', 'Terter'], 'Тертерский', [], [40.34, 46.93]),
    district('az.khojavend', null, 'AZ', ['Khojavend'], 'Ходжавендский', [], [39.79, 47.11]),
    place('az.karabakh', null, 'AZ', ['Nagorno-Karabakh', 'Karabakh'], ['Нагорный Карабах', 'Карабах'], [39.82, 46.75], 'region'),
    place('az.karabakh.shusha', 'az.karabakh', 'AZ', ['Shusha', 'Shushi'], ['Шуша', 'Шуши'], [39.76, 46.75]),
    place('az.karabakh.khankendi', 'az.karabakh', 'AZ', ['Khankendi', 'Stepanakert'], ['Ханкенди', 'Степанакерт'], [39.82, 46.75]),
    place('az.nakhchivan.sadarak', 'az.nakhchivan', 'AZ', ['Sadarak', 'Sederek'], ['Садарак'], [39.71, 44.88]),
    place('az.tovuz.alibeyli', 'az.tovuz', 'AZ', ['Alibeyli'], ['Алибейли'], [40.95, 45.5]),
    place('az.tovuz.dondar_gushchu', 'az.tovuz', 'AZ', ['Dondar Gushchu'], ['Дондар Гушчу'], [40.96, 45.48]),
    place('az.ganja', null, 'AZ', ['Ganja', 'Gyanja'], ['Гянджа'], [40.68, 46.36], 'other'),
    place('az.barda', null, 'AZ', ['Barda'], ['Барда'], [40.37, 47.13], 'other'),
  ],
  vocabulary: STANDARD_VOCABULARY,
};
