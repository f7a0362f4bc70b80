/**
 * Event, weapon and cue vocabularies in English and Russian, shared by the profiles of this
 * package (a profile may bring its own). Patterns are regular-expression sources; `\w` stands
 * for any letter or digit (Latin or Cyrillic) and every pattern is matched as whole words.
 */
import type { Vocabulary } from '../profile.ts';

export const STANDARD_VOCABULARY: Vocabulary = {
  weapons: [
    { name: 'sniper rifle', class: 'small', patterns: ['snipers?', 'sniper rifles?', 'снайпер\\w*'] },
    // Before "automatic weapons": «крупнокалиберных пулеметов» is one weapon, not a machine gun.
    { name: 'heavy machine gun', class: 'small', patterns: ['heavy machine[- ]guns?', 'large-calib(?:re|er) machine[- ]guns?', 'крупнокалиберн\\w* пулем[её]т\\w*', 'ДШК'] },
    {
      name: 'automatic weapons',
      class: 'small',
      patterns: ['automatic weapons?', 'automatic rifles?', 'machine[- ]guns?', 'автоматическ\\w* оружи\\w*', 'автомат\\w*', 'пулемет\\w*', 'пулемёт\\w*'],
    },
    { name: 'small arms', class: 'small', patterns: ['small arms', 'small-arms', 'firearms', 'стрелков\\w* оружи\\w*', 'огнестрельн\\w* оружи\\w*'] },
    { name: 'grenade launcher', class: 'heavy', patterns: ['grenade[- ]launchers?', 'RPGs?', 'РПГ', 'гранатомет\\w*', 'гранатомёт\\w*'] },
    { name: 'mortar', class: 'heavy', patterns: ['mortars?', 'mortar crews?', 'миномет\\w*', 'миномёт\\w*'] },
    {
      name: 'artillery',
      class: 'heavy',
      patterns: ['artillery', 'howitzers?', 'artillery pieces', 'артиллери\\w*', 'гаубиц\\w*', 'артиллерийск\\w* оруди\\w*'],
    },
    {
      name: 'MLRS',
      class: 'heavy',
      patterns: ['MLRS', 'Grad', 'BM-21', 'rockets?', 'multiple rocket launchers?', 'multiple[- ]launch rocket systems?', 'rocket launchers?', 'Град\\w*', 'РСЗО', 'ракет\\w*', 'БМ-21', 'реактивн\\w* систем\\w* залпового огня'],
    },
    { name: 'missile', class: 'heavy', patterns: ['(?:ballistic |cruise |guided )?missiles?'] },
    { name: 'tank', class: 'heavy', patterns: ['tanks?', 'танк\\w*'] },
    { name: 'heavy weapons', class: 'heavy', patterns: ['heavy weapons?', 'heavy weaponry', 'тяжел\\w* вооружени\\w*', 'тяжёл\\w* вооружени\\w*'] },
    // A weapon like any other: used in an attack it makes heavy fire, moved it is a build-up's.
    {
      name: 'heavy military equipment',
      class: 'heavy',
      patterns: ['heavy (?:military )?(?:equipment|hardware|machinery)', 'тяж[её]л\\w* (?:военн\\w* )?техник\\w*'],
    },
    {
      name: 'armoured vehicle',
      class: 'armour',
      patterns: [
        'armou?red vehicles?', 'armou?red personnel carriers?', 'APCs?', 'IFVs?', 'infantry fighting vehicles?', 'BTRs?', 'BMPs?',
        'бронетехник\\w*', 'бронетранспортер\\w*', 'бронетранспортёр\\w*', 'БТР\\w*', 'БМП', 'бронемашин\\w*',
      ],
    },
    {
      name: 'drone',
      class: 'air',
      patterns: ['drones?', 'UAVs?', 'Bayraktar(?: TB2)?', 'unmanned aerial vehicles?', 'quadcopters?', 'беспилотн\\w*', 'БПЛА', 'Байрактар\\w*', 'дрон\\w*', 'квадрокоптер\\w*'],
    },
    { name: 'aircraft', class: 'air', patterns: ['aircraft', 'helicopters?', 'air ?strikes?', 'warplanes?', 'вертолет\\w*', 'вертолёт\\w*', 'авиаудар\\w*', 'военн\\w* самолет\\w*'] },
  ],
  fire: [
    'open(?:ed|s|ing)? fire', 'fired', 'fires? (?:at|on|from|towards?)', 'firing', 'fire (?:at|on|from)', 'shot at', 'shooting',
    'shootings', 'shots?', 'gunfire', '(?:came|come|coming) under fire', 'struck', 'strikes? (?:at|on)', 'hit', 'dropp(?:ed|ing) (?:\\w+ ){0,2}(?:explosives|bombs|grenades|munitions)',
    'открыл\\w* (?:\\w+ )?огонь', 'открыт\\w* (?:\\w+ )?огонь', 'вел\\w* (?:\\w+ )?огонь', 'огонь',
    'стрельб\\w*', 'выстрел\\w*', 'обстрел\\w*', 'обстреля\\w*', 'обстрелива\\w*', 'нан[её]с\\w* (?:\\w+ )?удар\\w*', 'нанесени\\w* удар\\w*', 'сбросил\\w* (?:\\w+ ){0,2}(?:взрывчатк|боеприпас|гранат|бомб)\\w*', 'удар\\w* (?:по|беспилотник\\w*)',
  ],
  weapon_use: ['use (?:\\w+ ){0,6}of', 'using', 'used', 'применени\\w*', 'применил\\w*', 'с применением'],
  // SCHEMA: «обстрел / обстреляли» with no weapon named is fire (small arms); English "shelling" is heavy.
  shelling: ['shell(?:ed|ing|s)', 'bombard\\w*', 'artillery fire', 'mortar fire', 'минометн\\w* огонь', 'минометн\\w* обстрел\\w*'],
  clash: [
    'armed clash\\w*', 'clash\\w*', 'shoot-?outs?', 'fire-?fights?', 'gun-?fights?', 'gun battles?', 'skirmish\\w*', 'exchange of fire', 'exchanged fire', 'fighting', 'hostilities',
    'armed conflict', 'conflict between (?:\\w+ ){0,3}(?:soldiers|servicemen|border guards|troops|forces|military|units)', 'armed aggression', 'aggression', 'armed attack', 'attack', 'attacks', 'attacked', 'battles?',
    'бои', 'бой', 'боев\\w* действи\\w*', 'столкновени\\w*', 'перестрелк\\w*', 'вооруженн\\w* (?:конфликт|нападени|агресси|провокаци|инцидент)\\w*',
    'вооружённ\\w* (?:конфликт|нападени|агресси)\\w*', 'боестолкновени\\w*', 'конфликт\\w* между (?:\\w+ ){0,3}(?:военн|погранич|подразделени|войск)\\w*', 'инцидент\\w* с применением (?:\\w+ )?оружия', 'incidents? involving (?:the use of )?(?:weapons|firearms)', 'агресси\\w*', 'нападени\\w*', 'напал\\w*', 'атак\\w*', 'атаковал\\w*',
  ],
  incursion: [
    // A drone or aircraft over the other side's territory without striking (SCHEMA: incursion).
    'violat(?:e|ed|es|ing) (?:the )?(?:\\w+ ){0,2}airspace', 'airspace violations?', 'violations? of (?:the )?(?:\\w+ ){0,2}airspace',
    '(?:entered|intruded into|flew into|crossed into) (?:the )?(?:\\w+ ){0,2}airspace',
    'наруш(?:ил|ила|или|ает|ают)\\w* (?:\\w+ ){0,2}воздушн\\w* пространств\\w*', 'нарушени\\w* (?:\\w+ ){0,2}воздушн\\w* пространств\\w*',
    'воздушн\\w* пространств\\w* (?:\\w+ ){0,3}наруш\\w*', 'заход\\w* в воздушн\\w* пространств\\w*',
    // Drones flying over the other side, with no strike told.
    '(?:flew|flying|flies|hovered|hovering) over', 'flights? of (?:\\w+ ){0,2}(?:drones?|UAVs?|aircraft|helicopters?|aerial vehicles)',
    'пролета\\w*', 'пролетел\\w*', 'летают', 'летал\\w* над', 'пол[её]т\\w* (?:\\w+ ){0,2}(?:беспилот|дрон|БПЛА|вертол[её]т|самол[её]т)\\w*',
    // Object first or passive: «границу … пересекли», "the border was crossed by".
    '(?:государственн\\w* )?границ\\w* (?:\\w+ ){0,4}(?:пересекл\\w*|пересек|нарушил\\w*)', 'границ\\w* (?:\\w+ ){0,2}был\\w* (?:незаконно )?(?:пересечен\\w*|нарушен\\w*)',
    '(?:border|line of contact) was (?:illegally )?(?:crossed|violated)', 'незаконно пересек\\w*', 'illegally crossed',
    'cross(?:ed|ing|es)? (?:the )?(?:state )?(?:border|line of contact|line)', 'crossed into', 'violated the (?:state )?border', 'entered (?:\\w+ )?territory', 'crossing of the (?:state )?border',
    'violation of the (?:state )?border', 'entered (?:the )?(?:territory|village|the village|settlement)', 'invad\\w*', 'invasion',
    // Nominal and other verb forms: "the deliberate entry of Tajik servicemen into Kyrgyz
    // territory", "advanced their positions", drones sent or circling over the other side.
    'entry (?:of (?:\\w+ ){1,6})?into (?:\\w+ ){0,2}(?:territory|airspace)', 'advanced (?:their |its )?positions', '(?:sending|sent|send|launched|launching) (?:\\w+ ){0,2}(?:drones|UAVs)', '(?:drones?|UAVs?) (?:was |were )?circling',
    '(?:въезд|заход)\\w* (?:\\w+ ){0,4}на (?:\\w+ )?территори\\w*', 'продвинул\\w* (?:\\w+ )?позици\\w*',
    // Verb first, other verbs: «нарушили государственную границу», «перешли границу», a post or
    // containers set up on the other side's territory (not «на своей территории»), a drone flying in.
    'наруш(?:ил|ила|или|ают|ает)\\w* (?:\\w+ ){0,2}границ\\w*', 'переш(?:ли|[её]л|ла) (?:\\w+ ){0,2}границ\\w*',
    '(?:беспилотник|дрон|бпла|вертол[её]т|самол[её]т)\\w* (?:\\w+ ){0,2}залет\\w*', 'залет\\w* (?:\\w+ ){0,2}(?:беспилотник|дрон|бпла|вертол[её]т|самол[её]т)\\w*',
    '(?:установил|выставил|разместил|возв[её]л|возвел)\\w* (?:\\w+ ){0,4}на (?!сво|собствен)(?:\\w+ )?территори\\w*',
    '(?:set up|installed|erected|built|placed) (?:\\w+ ){0,4}on (?!(?:its|their) own)(?:\\w+ ){0,2}territory', 'moved into (?:\\w+ ){0,2}(?:territory|villages?|side)', 'crossed over (?:in)?to',
    'flew into (?:\\w+ ){0,2}territory', 'advanc(?:ed|ing|es)? (?:\\w+ ){0,3}(?:into|deep into|inside) (?:\\w+ ){0,2}(?:territory|side|villages?)',
    'incursions?', 'intrusions?', 'seiz(?:e|ed|ing|ure)', 'captur(?:e|ed|ing)', 'occup(?:y|ied|ying)(?! (?:\\w+ )?(?:firing|fighting|combat|battle|defensive) positions)', '(?:took|taken|taking|take|takes) over', 'penetrat\\w*', 'infiltrat\\w*', 'trespass\\w*', 'encroach\\w*',
    'проник\\w*', 'оккупир\\w*', 'вклинил\\w*', 'зашл\\w* на (?:\\w+ )?территори\\w*', 'заш[её]л на (?:\\w+ )?территори\\w*', 'нарушител\\w* (?:\\w+ )?границ\\w*',
    'пересекл\\w* (?:\\w+ ){0,2}границ\\w*', 'пересечени\\w* (?:\\w+ ){0,3}границ\\w*', 'нарушени\\w* государственн\\w* границ\\w*',
    'вторг\\w*', 'вторжени\\w*', 'заня(?:ли|л|ла)(?! (?:\\w+ )?(?:боев|огнев|оборонительн)\\w* (?:позици|рубеж)\\w*)', 'захват\\w*', 'вошл\\w* (?:в|на)', 'вош[её]л (?:в|на)',
    'выдвинул\\w* на территори\\w*', 'проникл\\w*', 'проникновени\\w*',
  ],
  buildup: [
    'concentrat\\w*', 'build(?:ing)?[- ]?up', 'buildup', 'amass\\w*', 'massing (?:of )?(?:troops|forces)',
    '(?:mov|bring|brought|deploy|transferr|redeploy|pull(?!\\w* (?:back|out))|sent|send)\\w* (?:\\w+ ){0,4}(?:armou?red|military equipment|equipment|vehicles|troops|forces|units|personnel|tanks|artillery|reinforcements|heavy weapons|mortars?)',
    // Reinforcements sent toward the line; not a side "reinforcing checkpoints" or "a reinforced
    // security regime" (its own defence, SCHEMA: no event).
    'advanced to(?:wards)?', '(?:sent|sending|send|brought|bringing|moved|moving) (?:in )?reinforcements', 'reinforcements? (?:\\w+ ){0,3}(?:to|towards) the (?:border|line|front)',
    // Trenches and fortifications toward the line (SCHEMA).
    '(?:dig|digging|dug|build|building|built|erect\\w*|set(?:ting)? up) (?:\\w+ ){0,2}(?:trenches|fortifications?|firing positions|fortified positions|dugouts)',
    'fortif(?:y|ying|ied|ies) (?:\\w+ ){0,2}(?:positions|the line)', 'reinforc(?:ed|ing|es)? (?:their |its )?positions', 'укреплени\\w* (?:\\w+ )?позици\\w*', 'укрепля\\w* (?:\\w+ )?позици\\w*',
    // Forces placed or equipment spotted near the line: «размещение … сил и средств», «замечена … техника».
    'размещени\\w* (?:\\w+ ){0,4}(?:сил|войск|техник|подразделени)\\w*', '(?:замечен|обнаружен)\\w* (?:\\w+ ){0,4}техник\\w*', 'расположени\\w* (?:\\w+ ){0,2}техник\\w*',
    '(?:spotted|sighted|observed) (?:\\w+ ){0,4}(?:military equipment|armou?red vehicles|tanks|artillery)',
    '(?:рыл\\w*|рыть|выкопал\\w*|копа\\w*|рою\\w*) (?:\\w+ ){0,2}окоп\\w*', '(?:возв[её]л\\w*|возвод\\w*|строител\\w*|строя\\w*|стро(?:ит|ят)|оборудова\\w*) (?:\\w+ ){0,3}(?:фортификац\\w*|укреплени\\w*|огнев\\w* позици\\w*|окоп\\w*|блиндаж\\w*)',
    // Passive and object first: "military equipment is being moved to the border".
    '(?:forces|troops|units|subunits|equipment|vehicles|means|armou?r|weapons|personnel),? (?:are|is|were|was|have been|has been) (?:(?:also|reportedly|now|being) ){0,3}(?:moved|deployed|transferred|brought|redeployed|pulled|concentrated|massed)(?! (?:back|out|away))',
    '(?:техник\\w*|сил\\w* и средств\\w*|подразделени\\w*|войск\\w*|вооружени\\w*)(?: \\w+){0,3} (?:перебрасыва\\w*|стягива\\w*|подтягива\\w*|сосредотачива\\w*)', 'deployment of', 'movement of (?:\\w+ ){0,2}(?:military|troops|equipment|armou?red)',
    'разв[её]рну\\w* (?:\\w+ ){0,3}(?:подразделени|войск|сил|техник|бронетехник|батаре|артиллери)\\w*', 'развертывани\\w* (?:\\w+ ){0,3}(?:подразделени|войск|сил|техник|бронетехник)\\w*',
    'выдвинул\\w* (?:\\w+ ){0,3}(?:техник|бронетехник|войск|сил|подразделени|артиллери)\\w*', '(?:переброшен|стянут)\\w* (?:\\w+ ){0,3}(?:сил|войск|техник|бронетехник|подразделени)\\w*', '(?:сил|войск|техник|подразделени)\\w*(?: \\w+){0,3} (?:был\\w* )?(?:переброшен|стянут)\\w*',
    'сосредоточ\\w*', 'сосредотачива\\w*', 'перебрасыва\\w*', 'перебросил\\w*', 'переброск\\w*', 'наращивани\\w*', 'наращива\\w*',
    'стягива\\w*', 'стянул\\w*', 'подтяну\\w*', 'подтягива\\w*', 'выдвинул\\w* к', 'выдвижени\\w*',
  ],
  destruction: [
    'set (?:\\w+ )?fire to', 'set on fire', 'burn(?:ed|t|ing)?', 'torch(?:ed|ing)', 'loot(?:ed|ing)?', 'destroy(?:ed|ing|s)?',
    'destruction', 'demolish\\w*', 'raz(?:ed|ing)', 'vandali\\w*', 'bl(?:ew|own|owing) up', 'взорвал(?:и|а)?', 'снесли', 'снос\\w* (?:\\w+ ){0,2}(?:дом|здани|постро)\\w*',
    'подожгл\\w*', 'подожгла', 'подожж\\w*', 'поджог\\w*', 'поджечь', 'сожгл\\w*', 'сожж\\w*', 'разграб\\w*', 'мародер\\w*',
    'разруш\\w*', 'уничтож\\w*', 'повредил\\w*',
  ],
  agreement_verbs: [
    'agree(?:d|s)?', 'reach(?:ed)? (?:an? |the )?(?:agreement|accord|understanding|deal)', '(?:agreement|accord|understanding|deal|ceasefire|truce) (?:was |has been )?(?:reached|agreed|signed|concluded)',
    'reached', 'sign(?:ed|ing)? (?:a |the )?(?:\\w+ )?(?:protocol|agreement|memorandum|document)', 'declared? (?:a )?(?:ceasefire|truce)',
    'welcom\\w*', 'undert(?:ook|akes?) to',
    'договорил\\w*', 'договорят\\w*', 'достигл\\w* договоренност\\w*', 'достигнут\\w*', 'согласовал\\w*', 'подписал\\w* (?:\\w+ )?(?:протокол|соглашени|меморандум|документ)\\w*',
    'приветству\\w*', 'объявил\\w* (?:о )?(?:прекращени|перемири)\\w*',
  ],
  agreement_terms: {
    cease_fire: [
      'cease[- ]?fire', 'ceasefire', 'cessation of (?:hostilities|fire)', 'truce', 'armistice', 'stop (?:the )?(?:fire|shooting|hostilities)',
      'прекращени\\w* огня', 'прекрат\\w* огонь', 'перемири\\w*', 'режим\\w* тишины',
    ],
    withdraw_forces: [
      'withdraw\\w*', 'pull(?:ed|ing)? back', 'return (?:the )?units', 'return\\w* (?:\\w+ ){0,3}(?:previous|permanent) (?:positions|deployment)',
      'отвод\\w*', 'отвест\\w*', 'отвед\\w*', 'вывод\\w*', 'вывест\\w*',
    ],
    withdraw_heavy_weapons: [
      'withdraw\\w* (?:\\w+ ){0,3}(?:heavy weapons|military equipment|equipment)', 'отвод\\w* (?:\\w+ ){0,3}(?:техник|вооружени)\\w*',
    ],
    joint_patrols: ['joint (?:patrol\\w*|monitoring)', 'совместн\\w* патрул\\w*'],
    de_escalation: [
      'de-?escalat\\w*', 'prevent\\w* (?:\\w+ ){0,3}(?:escalation|incidents?|clashes)', 'деэскалаци\\w*', 'не допуска\\w* эскалаци\\w*',
      'предотвра\\w* (?:\\w+ ){0,2}(?:эскалаци|инцидент)\\w*',
    ],
    reopen_road: ['reopen\\w* (?:the )?road', 'возобновлени\\w* движения'],
  },
  agreement_exclusions: [
    'delimitation', 'demarcation', 'description of (?:the )?(?:\\w+ )?(?:state )?border', 'treaty', 'junction point',
    'делимитаци\\w*', 'демаркаци\\w*', 'договор', 'договора', 'договору', 'договором', 'договоре', 'описани\\w* (?:\\w+ )?границ\\w*',
  ],
  allegation: [
    'violat(?:e|es|ed|ing)', 'violations?', '(?:not|n\'t) compl(?:y|ied|ying)', 'fail\\w* to (?:comply|observe|respect)', 'has not held',
    'did not hold', 'not (?:being )?observed', 'breach\\w*',
    'наруш(?:ил|ила|или|ает|ают|ение|ения|ений|ениях|ив|ила)', 'не (?:выполня|соблюда|исполня)\\w*', 'не выполнил\\w*',
  ],
  yardstick: [
    'despite', 'in spite of', 'contrary to', 'in violation of', 'violat\\w*', 'breach\\w*', 'not compl\\w*', 'has not held',
    'in accordance with', 'in line with', 'pursuant to', 'в соответствии с', 'согласно', '(?:is|are) (?:being )?observed', '(?:has|have) been observed', 'is holding', 'holds', 'соблюдается', 'соблюдаются', 'выполняется', 'несмотря на', 'вопреки', 'наруш\\w*', 'не выполня\\w*', 'не соблюда\\w*', 'противореч\\w*', 'после договоренност\\w*',
    // Appeals to keep an earlier agreement, and the agreement named as already in force: a
    // yardstick, not a new agreement ("urged … to observe the agreed ceasefire", «призывает
    // соблюдать достигнутые договоренности»). "agreed to observe" is a new undertaking.
    '(?<!(?:agreed|agree|agrees|pledged|undertook|committed|decided) )to (?:strictly |fully |continue to )?(?:observe|respect|comply with|adhere to|abide by|honou?r|uphold)',
    '(?:full |strict )?(?:observance|respect) (?:of|for)', 'the (?:previously |earlier )?agreed (?:ceasefire|truce|cease-fire)', '(?:ceasefire|truce|cease-fire|agreements?) agreed (?:on|upon)',
    '(?:previously|earlier) (?:reached|agreed|concluded|signed)',
    '(?<!(?:договорил\\w*|обязал\\w*|обязу\\w*|решил\\w*|согласил\\w*) )(?:неукоснительно |строго |и впредь )?(?:соблюдать|соблюсти|соблюдени\\w*|соблюдению|придерживаться)',
    'ранее достигнут\\w*', 'достигнут\\w* ранее',
  ],
  negation: [
    'no (?:\\w+ ){0,3}(?:violations?|shooting|shots?|firing|shelling|incidents?|clashes|attacks?|fire)(?: \\w+){0,12} (?:recorded|registered|reported|observed|fired|occurred)',
    'there (?:was|were|have been|has been) no (?:\\w+ ){0,2}(?:shooting|firing|shelling|incidents?|violations?|clashes|shots)',
    '(?:were|was|have been|has been|had been) not (?:yet )?(?:been )?(?:recorded|confirmed)', 'not (?:been )?confirmed', 'unconfirmed',
    'did not confirm', '(?:is|are) being (?:verified|checked)', 'not true', 'untrue', 'false', 'den(?:y|ies|ied)', 'reject\\w*', 'refut\\w*', 'groundless', 'baseless',
    'fake', 'the alleged', 'unsubstantiated', 'unfounded', 'supposedly', '(?:dis|mis)information', 'nothing to do with (?:the )?reality', 'do(?:es)? not correspond to (?:the )?(?:reality|facts|truth)', 'no (?:drones?|weapons?|aircraft)(?: \\w+){0,8} (?:were|was) used',
    'не зафиксирован\\w*', 'не зарегистрирован\\w*', 'не подтвердил\\w*', 'не подтвержда\\w*', 'не подтверждены', 'проверяется', 'проверяются', 'не соответству\\w* действительности',
    'не соответствующ\\w* действительности', 'опроверг\\w*', 'отверга\\w*', 'отрица\\w*', 'ложн\\w*', 'якобы',
    '(?:стрельб|выстрел|обстрел|нарушени|инцидент)\\w*(?: \\w+){0,4} не было', 'не было (?:\\w+ ){0,2}(?:стрельб|выстрел|обстрел|нарушени|инцидент)\\w*',
    'ни одного (?:\\w+ )?(?:инцидента|нарушения|выстрела)', 'фейк\\w*', 'дезинформац\\w*', 'не имеет (?:ничего общего|отношения) (?:с |к )?(?:действительност|реальност)\\w*',
  ],
  modal: [
    'demand\\w*', 'call(?:s|ed|ing)? (?:on|upon|for)', 'urg(?:e|es|ed|ing)', 'appeal\\w*', 'ask(?:s|ed)?', 'request\\w*', 'ready to',
    'readiness', 'in order to', 'so as to', 'to prevent', 'to avoid', 'aimed at', 'would', 'could', 'might', 'may (?:lead|result|cause)', 'may (?:\\w+ )?(?:open|start|resume|launch|attack|shell|strike|cross)', 'at any moment', 'warn(?:s|ed|ing)? (?:of|about)',
    'threat\\w*', 'agree(?:d|s)? (?:not )?to', 'agreed on', 'договорились', 'обязал\\w*', 'to refrain', 'to stop', 'must', 'should', 'plans? to', 'intend\\w*', 'to repel', 'if',
    'требу(?:ет|ют|ем)', 'потребовал\\w*', 'призыва\\w*', 'призвал\\w*', 'просит', 'просим', 'просьб\\w*', 'готов\\w*', 'чтобы', 'с целью', 'во избежание',
    'может', 'могут', 'могли бы', 'в любой момент', 'если', 'угроз\\w*', 'прекратить', 'не допуска\\w*', 'не допустить', 'планиру\\w*', 'намерен\\w*', 'по вытеснению',
  ],
  fire_exclusions: [
    'cease[- ]?fire', 'ceasefire', 'cease firing', 'stop(?:ping)? (?:the )?(?:firing|shooting)', 'cessation of (?:fire|firing|hostilities)', 'прекра\\w* (?:\\w+ )?(?:стрельб|обстрел)\\w*', 'set (?:\\w+ )?(?:on )?fire(?: to)?', 'on fire', 'caught fire',
    'return(?:ed|ing|s)? (?:the )?fire', 'fired (?:\\w+ ){0,3}(?:in|into) the air', 'fired (?:\\w+ ){0,2}warning shots?', 'warning shots?',
    'fired (?:a |the )?return (?:shot|fire)', 'return shots?', 'ответн\\w* выстрел\\w*', 'огонь в воздух', 'предупредительн\\w* (?:выстрел|огонь)\\w*', 'respond(?:ed|s)? to fire', 'fire (?:station|brigade|fighters?|safety|service)',
    // The reporting side's restraint: no fire of theirs, and no cancelling of the other side's.
    '(?:did not|didn\'t|do not|refrained from|without) (?:\\w+ )?(?:open|return|respond)\\w*(?: (?:the )?fire)?', 'held (?:their |its )?fire', '(?:has|have|had) not (?:\\w+ )?(?:fired|opened fire)(?: \\w+){0,3}', 'not (?:fired|fire) a single shot',
    'не (?:открывал|открыл|отвечал|ответил)\\w* (?:\\w+ )?огн?\\w*', 'огонь (?:\\w+ )?не (?:открывал|открыл|вели|вел)\\w*', 'не (?:стал|стала|стали|будут|будем) (?:открывать|отвечать) (?:\\w+ )?(?:огонь|огнем|огнём)?',
    // The end of fire told ("the fighting stopped at 0:30", «в 8:10 перестрелка прекратилась»):
    // the close of an event told elsewhere, not one of its own.
    '(?:firing|shooting|fighting|fire|clash(?:es)?|shootout|exchange of fire) (?:\\w+ ){0,2}(?:stopped|ceased|ended|died down|subsided|halted)',
    'stopped (?:\\w+ )?(?:firing|shooting|fighting)', 'halt(?:ed|ing|s)? (?:\\w+ ){0,2}(?:firing|fire|shooting|fighting|hostilities)',
    // How long a told fire lasted ("the clash went on until 10pm") is no new event.
    '(?:clash|fighting|shootout|exchange of fire|firing|shooting|fire) (?:went on|lasted) (?:until|till|for|about)', '(?:перестрелка|бой|стрельба|обстрел) (?:\\w+ )?(?:длил\\w*|продолжал\\w*) (?:до|около|в течение)',
    // Places and things named after fire, not fire: "firing points", "took firing positions".
    'firing (?:points?|positions?|lines?|ranges?)', 'fire (?:points?|positions?)',
    // Brawls between residents (SCHEMA: no event) and live-fire exercises.
    '(?:clash\\w*|confrontations?|столкновени\\w*|конфликт\\w*|драк\\w*) (?:\\w+ ){0,2}(?:between|among|между) (?:\\w+ ){0,2}(?:residents|villagers|locals|civilians|жител\\w*)',
    'между (?:\\w+ ){0,1}жител\\w* (?:\\w+ ){0,5}(?:столкновени|конфликт|драк)\\w*', 'live[- ]fir(?:e|ing)(?: \\w+)?', 'боев\\w* стрельб\\w*',
    // The reporting side's answer to the other's fire (SCHEMA: folded into the event it answers).
    '(?:answered|responded|replied) (?:\\w+ ){0,2}(?:by|with) (?:opening )?(?:fire|firing)', 'в ответ (?:\\w+ ){0,3}(?:выстрелил\\w*|открыл\\w* (?:\\w+ )?огонь)',
    '(?:огонь|стрельба|перестрелка|обстрел|бой|столкновени[ея]) (?:\\w+ ){0,4}(?:прекратил|стих|затих|закончил|завершил)\\w*',
    'прекращени\\w* огня', 'прекрат\\w* (?:\\w+ )?огонь', 'прекрат\\w* огня', 'ответн\\w* огонь', 'ответн\\w* огн\\w*', 'режим\\w* прекращения огня',
  ],
  blame: [
    '(?:opened|open|opens) fire(?: \\S+){0,4} first', 'fired(?: \\S+){0,4} first', 'started the (?:shooting|firing|fighting|clash)', '(?:the )?(?:shooting|firing|fighting|clash) (?:was|were) started by',
    'первыми открыл\\w*', 'первым открыл\\w*', 'первыми начал\\w*', 'начал\\w* стрельбу первыми',
    // «стрельбу начали таджикские военные», «огонь открыли именно кыргызские»: who started it.
    '(?:стрельбу|перестрелку) (?:\\w+ )?начал\\w*', '(?:огонь|стрельбу) открыл\\w* именно', 'who (?:opened fire|started (?:the )?(?:shooting|firing|fighting|clash))',
  ],
  civilian: [
    'civilians?', 'residents?', 'houses?', 'homes?', 'villages?', 'settlements?', 'schools?', 'mosques?', '(?<!(?:to|in|at) (?:a |the )?)hospitals?', 'cars?',
    'city', 'town', 'jamoats?', 'outskirts', 'children', 'market', 'citizens', 'civil', 'population',
    'мирн\\w*', 'жител\\w*', 'дом\\w*', 'жил\\w*', 'сел', 'села', 'селам', 'село', 'селу', 'селе', 'селах', 'населенн\\w*', 'населённ\\w*', 'джамоат\\w*',
    'школ\\w*', 'мечет\\w*', 'дет\\w*', 'окраин\\w*', 'город\\w*', 'граждан\\w*', 'автомобил\\w*',
  ],
  military: [
    'positions?', 'border guards?', 'border (?:post|outpost|squad|patrol|unit|detachment)s?', 'outposts?', 'checkpoints?', 'servicem[ae]n', 'soldiers?',
    'patrols?', 'detachments?', 'military units?', 'military vehicles?',
    'позици\\w*', 'пограничник\\w*', 'застав\\w*', 'наряд\\w*', 'пост\\w*', 'военнослужащ\\w*', 'КПП',
    'патрул\\w*', 'погранотряд\\w*', 'пограничн\\w* отряд\\w*', 'воинск\\w* част\\w*', 'подразделени\\w*',
  ],
  report_after: [
    'said', 'says', 'say', 'reports?', 'reported', 'told', 'stated', 'states', 'claims?', 'claimed', 'insists?', 'insisted', 'noted',
    'notes', 'informs?', 'informed', 'announced', 'declared', 'confirmed', 'added', 'accus\\w*', 'blamed?', 'alleged', 'warned',
    'сообща\\w*', 'сообщил\\w*', 'заяв\\w*', 'переда[её]т', 'пишет', 'обвиня\\w*', 'обвинил\\w*', 'информиру\\w*', 'отмеча\\w*', 'утвержда\\w*', 'подтверди\\w*', 'уточнил\\w*',
  ],
  report_before: [
    'according to(?: the)?(?: latest)?(?: data| information| reports?)?(?: from| of)?', 'as reported by', 'citing', 'quoting', 'said', 'reported',
    'по (?:последним )?данным', 'по информации', 'по сообщению', 'сообщили(?: \\S+)? в', 'заявили(?: \\S+)? в', 'со ссылкой на', 'ссылаясь на', 'по словам', 'согласно(?: данным| информации)?',
    'told \\S+ in', 'в пресс-(?:службе|центре)',
    // "the agency was told by the Border Service", "a statement by the ISPR": the reporter.
    '(?:was |were )?(?:told|informed|reported|announced|stated|confirmed|said) by', '(?:statement|press release|communiqu[eé]|report|message) (?:issued |released )?(?:by|of|from)',
    'в (?:заявлении|сообщении|пресс-релизе|информации)', 'сообщи\\w* (?:\\w+ )?в', 'передает', 'передаёт',
  ],
  border_section: [
    'section of the (?:state )?border', 'border section', '(?:\\w+ )(?:up )?(?:to|towards?) the (?:state )?border(?! (?:Troops|Service|Guard))', 'along the border', 'line of contact',
    'участ\\w* (?:\\w+ ){0,2}границ\\w*', 'к границе', 'линии соприкосновения',
  ],
  place_exclusions: [
    '(?:hospital|clinic)\\w*(?: \\S+){0,3} (?:in|of)', 'accommodated(?: \\S+){0,8} in', 'evacuated to', 'taken to(?: \\S+){0,3}', 'sent to',
    '(?:programme|program) offices? in', 'больниц\\w*(?: \\S+){0,2}(?: в)?', 'размещены(?: \\S+){0,8} в', 'доставлен\\w* в', 'направлен\\w* в',
    'переведут в', 'у родственников в',
  ],
};
