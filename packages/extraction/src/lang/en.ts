/**
 * The English language pack: every word list of the standard vocabulary that matches English
 * text, for a linguist to edit. Patterns are regular-expression sources matched as whole words
 * on lower-cased text; `\w` stands for any letter or digit. `profiles/vocabulary.ts` composes
 * this pack with the others into the vocabulary the profiles use.
 */
import type { LanguagePack } from './pack.ts';

export const EN: LanguagePack = {
  weapons: [
    { name: 'sniper rifle', class: 'small', patterns: ['snipers?', 'sniper rifles?'] },
    // Before "automatic weapons": «крупнокалиберных пулеметов» is one weapon, not a machine gun.
    {
      name: 'heavy machine gun',
      class: 'small',
      patterns: ['heavy machine[- ]?guns?', 'large-calib(?:re|er) machine[- ]?guns?'],
    },
    {
      name: 'automatic weapons',
      class: 'small',
      patterns: ['automatic weapons?', 'automatic rifles?', 'machine[- ]?guns?'],
    },
    {
      name: 'small arms',
      class: 'small',
      patterns: ['small arms', 'small-arms', 'firearms', 'rifles?', 'assault rifles?'],
    },
    // "grenades launched by Cambodian forces": grenades fired from a launcher, not thrown.
    { name: 'grenade launcher', class: 'heavy', patterns: ['grenade[- ]launchers?', 'RPGs?', 'grenades (?:\\w+ )?launched', 'launched (?:\\w+ )?grenades'] },
    { name: 'mortar', class: 'heavy', patterns: ['mortars?', 'mortar crews?'] },
    { name: 'artillery', class: 'heavy', patterns: ['artillery', 'howitzers?', 'artillery pieces'] },
    {
      name: 'MLRS',
      class: 'heavy',
      patterns: [
        'MLRS',
        'Grad',
        'BM-21',
        'rockets?',
        'multiple rocket launchers?',
        'multiple[- ]launch rocket systems?',
        'rocket launchers?',
      ],
    },
    { name: 'missile', class: 'heavy', patterns: ['(?:ballistic |cruise |guided )?missiles?'] },
    { name: 'tank', class: 'heavy', patterns: ['tanks?'] },
    // "indirect fire (weapons)": artillery and mortars firing beyond sight.
    {
      name: 'heavy weapons',
      class: 'heavy',
      // "support weapons", "supporting-fire weapons": an army's mortars and guns that back its infantry.
      patterns: ['heavy weapons?', 'heavy weaponry', 'indirect[- ]fire(?: weapons?)?', 'support(?:ing)?(?:[- ]fire)? weapons?'],
    },
    // A weapon like any other: used in an attack it makes heavy fire, moved it is a build-up's.
    {
      name: 'heavy military equipment',
      class: 'heavy',
      patterns: ['heavy (?:military )?(?:equipment|hardware|machinery)'],
    },
    {
      name: 'armoured vehicle',
      class: 'armour',
      patterns: [
        'armou?red vehicles?',
        'armou?red personnel carriers?',
        'APCs?',
        'IFVs?',
        'infantry fighting vehicles?',
        'BTRs?',
        'BMPs?',
      ],
    },
    {
      name: 'drone',
      class: 'air',
      patterns: ['drones?', 'UAVs?', 'Bayraktar(?: TB2)?', 'unmanned aerial vehicles?', 'quadr?o?copters?'],
    },
    {
      name: 'aircraft',
      class: 'air',
      patterns: ['aircraft', 'attack helicopters?', 'helicopters?', 'air ?strikes?', 'air ?raids?', 'air support', 'warplanes?', 'fighter[- ](?:jets?|planes?)', 'F-16s?'],
    },
  ],
  fire: [
    // "opened intense fire", "opened indiscriminate fire".
    'open(?:ed|s|ing)? (?:\\w+ ){0,2}fire',
    // "initiated unprovoked small-arms fire", "started heavy fire".
    '(?:initiat|start|commenc)(?:ed|es|s|ing)? (?:\\w+(?:-\\w+)? ){0,3}fire',
    // "targeted the civilian population with mortars".
    'targeted',
    'targeting',
    'fired',
    'fires? (?:at|on|from|towards?)',
    // "Armenian units subjected the positions to fire", "subjected to fire the positions of…".
    'subject(?:ed|ing|s)? (?:\\w+ ){0,6}to (?:\\w+ ){0,2}fire',
    'firing',
    'fire (?:at|on|from)',
    'shot at',
    'gunned (?:down|at)',
    // Base and present forms: "continued to shoot at the positions", "shoots at cars".
    'shoots? (?:at|on|towards?)',
    'shooting',
    'shootings',
    'shots?',
    'gunfire',
    '(?:came|come|coming) under fire',
    // "launched rockets at the base": the munition launched is the fire.
    'launch(?:ed|es|ing)? (?:\\w+ ){0,2}(?:rockets?|missiles?|shells|mortar rounds|grenades)',
    // Object first: "a rocket launched from the Tajik side exploded in the village".
    '(?:rockets?|missiles?|shells|mortar rounds) (?:were |was )?launched',
    // "the positions are under intermittent fire".
    '(?:are|is|were|was|remain|remained) under (?:\\w+ ){0,2}fire',
    'struck',
    'strikes? (?:at|on)',
    'hit',
    'dropp(?:ed|ing) (?:\\w+ ){0,2}(?:explosives?|bombs?|grenades?|munitions?|mines?|shells?)',
    // "the Tajik side used weapons", as «применила оружие»: fire with no weapon class named.
    '(?:used|uses|using) (?:their |its )?weapons',
  ],
  weapon_use: ['use (?:\\w+ ){0,6}of', 'using', 'used', 'uses', 'employ(?:ed|ing|s)?'],
  // SCHEMA: «обстрел / обстреляли» with no weapon named is fire (small arms); English "shelling" is heavy.
  shelling: [
    'shell(?:ed|ing|s)',
    // "aircraft bombed the village": a strike (from the air where aircraft are named).
    'bomb(?:ed|ing)',
    // "artillery pounded the village".
    'pound(?:ed|ing)',
    'bombard\\w*',
    'artillery fire',
    'mortar fire',
    // "launched targeted air raids", "carried out strikes inside Lebanon": the noun carries the
    // act; strikes are missiles or shells (heavy) unless aircraft or drones are named.
    'launch(?:ed|es|ing)? (?:\\w+ ){0,2}(?:air ?strikes?|air ?raids?|strikes?|bombing raids?)',
    'carr(?:ied|y|ies|ying) out (?:\\w+ ){0,3}(?:air ?strikes?|air ?raids?|strikes?|bombing raids?|bombings?)',
  ],
  clash: [
    'armed clash\\w*',
    'clash\\w*',
    'shoot-?outs?',
    'fire-?fights?',
    'gun-?fights?',
    'gun battles?',
    'skirmish\\w*',
    'exchange of fire',
    'exchanged fire',
    // Other forms of the exchange: "exchanges of gunfire", "exchanged heavy fire", "traded fire",
    // "trading shots", "a fire exchange".
    'exchanges? of (?:\\w+ )?(?:fire|gunfire|shots|firing)',
    '(?:exchang|trad)(?:ed|ing|es?) (?:\\w+ ){0,2}(?:fire|gunfire|shots)',
    '(?:fire|gunfire) exchanges?',
    // "fire between Kyrgyz and Tajik troops": both sides' fire.
    '(?:fire|firing|gunfire) between',
    // "troops fought near X", "fought each other": the fighting told by its verb.
    'fought(?! (?:against )?(?:the )?(?:terror\\w*|crime|corruption|drugs|fires?|wildfires?|poverty|smuggl\\w*))',
    // "an armed confrontation", "armed incidents on the border" with no weapon class (SCHEMA).
    'armed (?:confrontations?|incidents?|encounters?|provocations?)',
    'fighting',
    'hostilities',
    'armed conflict',
    'conflict between (?:\\w+ ){0,3}(?:soldiers|servicemen|border guards|troops|forces|military|units)',
    'armed aggression',
    'aggression',
    'armed attack',
    'attack',
    'attacks',
    'attacked',
    // "launched an offensive", "stormed the post".
    'launch(?:ed|es|ing)? (?:an? |the )?(?:\\w+ )?(?:offensive|assault)',
    'storm(?:ed|ing)',
    // "keep attacking Tajik border villages", "are attacking the posts".
    'attacking',
    'ambush(?:ed|es|ing)?',
    'battles?',
    'incidents? involving (?:the use of )?(?:weapons|firearms)',
  ],
  incursion: [
    // A drone or aircraft over the other side's territory without striking (SCHEMA: incursion).
    'violat(?:e|ed|es|ing) (?:the )?(?:\\S+ ){0,2}airspace',
    'airspace violations?',
    'violations? of (?:the )?(?:\\S+ ){0,2}airspace',
    '(?:entered|intruded into|flew into|crossed into) (?:the )?(?:\\w+ ){0,2}airspace',
    // Drones flying over the other side, with no strike told.
    '(?:flew|flying|flies|hovered|hovering) over',
    // "a UAV conducted reconnaissance over the positions", "surveillance flights above the posts".
    '(?:drones?|UAVs?|quadr?o?copters?|aircraft|helicopters?) (?:\\w+ ){0,3}(?:reconnaissance|surveillance)(?: flights?)? (?:over|above)',
    // "quadcopters tried to fly reconnaissance over the positions", "helicopters were seen over".
    'fly (?:\\w+ )?over',
    '(?:drones?|UAVs?|quadr?o?copters?|helicopters?) (?:\\w+ ){0,2}(?:were |was )?(?:seen|spotted|sighted) (?:over|above|near)',
    'flights? of (?:\\w+ ){0,2}(?:drones?|UAVs?|aircraft|helicopters?|aerial vehicles)',
    // Object first or passive: «границу … пересекли», "the border was crossed by".
    '(?:border|line of contact) was (?:illegally )?(?:crossed|violated)',
    // Object first with words between: "the state border near X was crossed by…", "territory … was entered".
    '(?:border|line of contact|territory|airspace)(?: \\S+){0,4} (?:was|were|has been|had been) (?:illegally |unlawfully )?(?:crossed|violated|entered|invaded)',
    // Passive and participial: "a Tajik patrol was detected on Kyrgyz territory", "servicemen were
    // spotted on the territory of Kyrgyzstan"; not on a side's own territory.
    '(?:soldiers|servicem[ae]n|troops|patrols?|groups?|guards|military|units|personnel|forces) (?:\\w+ ){0,3}(?:detected|spotted|seen|sighted|noticed) (?:\\w+ ){0,2}(?:on|in) (?!(?:its|their) own)(?:the )?(?:\\w+ )?territory',
    'illegally crossed',
    // Not "a road crossing the border": a thing that crosses it is no incursion.
    // "cross-border infiltration", "cross border shelling": the bare stem before a noun names a kind.
    '(?<!(?:road|roads|highway|river|canal|pipeline|bridge) )(?:cross(?:ed|ing|es) (?:the )?|cross the )(?:state )?(?:border|line of contact|line)',
    // Combat positions taken on a disputed section or the other side's territory, or a section entered.
    '(?:took|taken|taking|take|takes) (?:up )?(?:combat|fighting|firing) positions (?:\\w+ ){0,2}(?:on|in|at) (?:an? |the )?(?:\\w+(?:-\\w+)? ){0,3}(?:section|part|territory|side)',
    'entered (?:an? |the )?(?:\\w+(?:-\\w+)? ){0,2}(?:section|part|area|stretch|segment) of the (?:state )?border',
    'crossed into',
    'violated the (?:state )?border',
    'entered (?:\\w+ )?territory',
    'crossing of the (?:state )?border',
    'violation of the (?:state )?border',
    'entered (?:the )?(?:territory|village|the village|settlement)',
    'invad\\w*',
    'invasion',
    // Nominal and other verb forms: "the deliberate entry of Tajik servicemen into Kyrgyz
    // territory", "advanced their positions", drones sent or circling over the other side.
    'entry (?:of (?:\\w+ ){1,6})?into (?:\\w+ ){0,2}(?:territory|airspace)',
    'advanced (?:their |its )?positions',
    '(?:sending|sent|send|launched|launching) (?:\\w+ ){0,2}(?:drones|UAVs)',
    '(?:drones?|UAVs?) (?:was |were )?circling',
    // Verb first, other verbs: «нарушили государственную границу», «перешли границу», a post or
    // containers set up on the other side's territory (not «на своей территории»), a drone flying in.
    '(?:set up|installed|erected|built|placed) (?:\\w+ ){0,4}on (?!(?:its|their) own)(?:\\w+ ){0,2}territory',
    '(?:set up|installed|erected|built|placed) (?:\\w+ ){0,4}on (?:an? |the )?(?:\\w+ ){0,2}(?:section|part|stretch) of the (?:state )?border',
    'moved into (?:\\w+ ){0,2}(?:territory|villages?|side)',
    // "pushed into Kyrgyz territory", "attempted to enter the territory of Kyrgyzstan".
    '(?:pushed|ventured|penetrated|broke) (?:\\w+ ){0,2}into (?:\\w+ ){0,2}territory',
    '(?:attempt\\w*|tr(?:ied|ying|y)) to enter (?:the )?(?:\\w+ )?territory',
    'crossed over (?:in)?to',
    'flew into (?:\\w+ ){0,2}territory',
    'advanc(?:ed|ing|es)? (?:\\w+ ){0,3}(?:into|deep into|inside) (?:\\w+ ){0,2}(?:territory|side|villages?)',
    'incursions?',
    'intrusions?',
    'seiz(?:e|ed|ing|ure)',
    // "treating captured soldiers": prisoners taken, no ground seized.
    'captur(?:e|ed|ing)(?! (?:\\w+ )?(?:soldiers?|servicem[ae]n|troops|personnel|prisoners|guards))',
    // "the occupied village of X", "Pakistan-occupied Kashmir" name a place, they tell no seizure.
    '(?<!the |an? |-)occup(?:y|ied|ying)(?! (?:\\w+ )?(?:firing|fighting|combat|battle|defensive) positions)(?! (?:villages?|towns?|city|territor\\w*|areas?|lands?|districts?|regions?|settlements?)\\b)',
    '(?:took|taken|taking|take|takes) over',
    // Not "a penetrating wound to the hand".
    'penetrat\\w*(?! (?:\\w+ )?wounds?)',
    // "to foil any infiltration bid", "infiltration of terrorists": an attempt, or militants, no
    // side's forces crossing.
    'infiltrat\\w*(?! (?:bids?|attempts?)| of (?:\\w+ )?(?:terrorists|militants))',
    'trespass\\w*',
    'encroach\\w*',
    // "intruded into Kyrgyz territory".
    'intrud(?:ed|ing|es)',
  ],
  buildup: [
    'concentrat\\w*',
    'build(?:ing)?[- ]?up',
    'buildup',
    'amass\\w*',
    'massing (?:of )?(?:troops|forces)',
    '(?:mov|bring|brought|deploy|transferr|redeploy|pull(?!\\w* (?:back|out))|sent|send)\\w* (?:\\w+ ){0,4}(?:armou?red|military equipment|equipment|vehicles|troops|forces|units|personnel|tanks|artillery|reinforcements|heavy weapons|mortars?)',
    // Reinforcements sent toward the line; not a side "reinforcing checkpoints" or "a reinforced
    // security regime" (its own defence, SCHEMA: no event).
    'advanced to(?:wards)?',
    '(?:sent|sending|send|brought|bringing|moved|moving) (?:in )?reinforcements',
    'reinforcements? (?:\\w+ ){0,3}(?:to|towards) the (?:border|line|front)',
    // Trenches and fortifications toward the line (SCHEMA).
    '(?:dig|digging|dug|build|building|built|erect\\w*|set(?:ting)? up) (?:\\w+ ){0,2}(?:trenches|fortifications?|firing positions|fortified positions|dugouts)',
    'fortif(?:y|ying|ied|ies) (?:\\w+ ){0,2}(?:positions|the line)',
    'reinforc(?:ed|ing|es)? (?:their |its )?positions',
    // Forces placed or equipment spotted near the line: «размещение … сил и средств», «замечена … техника».
    '(?:spotted|sighted|observed) (?:\\w+ ){0,4}(?:military equipment|armou?red vehicles|tanks|artillery)',
    // Passive and object first: "military equipment is being moved to the border".
    '(?:forces|troops|units|subunits|equipment|vehicles|means|armou?r|weapons|personnel),? (?:are|is|were|was|have been|has been) (?:(?:also|reportedly|now|being) ){0,3}(?:moved|deployed|transferred|brought|redeployed|pulled|concentrated|massed)(?! (?:back|out|away))',
    'deployment of',
    'relocat(?:ed|ing|ion of) (?:\\w+ ){0,4}(?:units|subunits|troops|forces|equipment)',
    // Weapons placed toward the other side: "positioned rocket launchers along the border".
    '(?:set up|positioned|installed|placed|stationed|emplaced) (?:\\w+ ){0,3}(?:artillery|mortars?|rocket launchers?|MLRS|howitzers?|heavy weapons|tanks)',
    'movement of (?:\\w+ ){0,2}(?:military|troops|equipment|armou?red)',
    // "troops are massing near", "additional units arrived at the border", "tanks were spotted
    // moving toward the border", "stationed additional troops near".
    'mass(?:ed|ing)',
    '(?:troops|forces|units|subunits|equipment|vehicles|reinforcements|armou?r|tanks) (?:\\w+ ){0,2}(?:arrived|have arrived|has arrived)',
    '(?:tanks|armou?red vehicles|military equipment|artillery|troops|forces) (?:were|was|have been|has been) (?:spotted|sighted|observed|seen|noticed|detected)',
    'stationed (?:additional|more|extra|fresh) (?:troops|forces|units)',
    // "a military column heading toward the border" (positions set up after a crossing are the
    // crossing's, «выдвинулась на территорию … и начала оборудовать позиции»).
    '(?:(?:military|armou?red|troop|army) (?:columns?|convoys?)|(?:columns?|convoys?) of (?:\\w+ ){0,2}(?:military|armou?red|tanks|troops|equipment|APCs)) (?:\\w+ ){0,3}(?:heading|headed|moving|advancing) (?:to|toward|towards)',
  ],
  destruction: [
    'set (?:\\w+ )?fire to',
    'set on fire',
    // "set residential houses and outbuildings on fire".
    'set (?:\\w+ ){1,5}on fire',
    'burn(?:ed|t|ing)?',
    'torch(?:ed|ing)',
    'loot(?:ed|ing)?',
    'destroy(?:ed|ing|s)?',
    'destruction',
    'demolish\\w*',
    'raz(?:ed|ing)',
    'vandali\\w*',
    'bl(?:ew|own|owing) up',
  ],
  agreement_verbs: [
    'agree(?:d|s)?',
    'reach(?:ed)? (?:an? |the )?(?:agreement|accord|understanding|deal)',
    '(?:agreement|accord|understanding|deal|ceasefire|truce) (?:was |has been )?(?:reached|agreed|signed|concluded)',
    // "a ceasefire was announced along the border", "a truce has been declared".
    '(?:ceasefire|cease-fire|truce) (?:was|has been|had been|were) (?:\\w+ )?(?:announced|declared|established)',
    'reached',
    'sign(?:ed|ing)? (?:a |the )?(?:\\w+ )?(?:protocol|agreement|memorandum|document)',
    'declared? (?:a )?(?:ceasefire|truce)',
    // Entry into force: "the truce took effect", "the ceasefire came into force at midnight".
    '(?:took|takes?|taken|taking) effect',
    '(?:went|goes|go|gone|came|come|comes|entered|enters?) into (?:effect|force)',
    'announced (?:an? |the )?(?:\\w+ )?(?:ceasefire|cease-fire|truce)',
    '(?:is|are) (?:now )?(?:officially )?in (?:force|effect)',
    '(?:ceasefire|cease-fire|truce) (?:began|begins|started|starts)',
    // The ceasefire reported: "the border service reported a ceasefire", "reports of a truce".
    'report(?:ed|s)? (?:of )?(?:an? |the )?(?:\\w+ )?(?:ceasefire|cease-fire|truce)(?! (?:violations?|breach\\w*))',
    // "a truce took hold", "committed to a ceasefire".
    '(?:ceasefire|cease-fire|truce) (?:\\w+ )?(?:took|takes|taking|has taken) hold',
    // ("remain committed to the ceasefire" names the one in force: a yardstick.)
    'commit(?:ted|s)? (?:themselves )?to an? (?:\\w+ )?(?:ceasefire|cease-fire|truce)',
    'welcom\\w*',
    'undert(?:ook|akes?) to',
    // "the heads decided to stop firing", "a protocol was signed on the cessation of hostilities".
    'decided (?:to|on)',
    '(?:protocol|agreement|memorandum|document) (?:\\w+ ){0,6}(?:was|were|has been|have been) signed',
    // "Russia brokered a ceasefire", "a truce was brokered", "concluded a truce", "accepted the
    // ceasefire proposal", "a ceasefire deal was struck"; not the participle naming an earlier
    // one ("the truce concluded in July").
    // Active or passive, not "the previous ceasefire brokered in July" (an earlier one named).
    'broker(?:ed|s) (?:a|an|the)',
    '(?:was|were|has been|have been) brokered',
    'conclud(?:ed|es) (?:a|an|the)',
    '(?:was|were|has been|have been) concluded',
    "(?<!(?:not|never|n't) )accepted (?:a|an|the)",
    '(?:deal|agreement|accord|truce|ceasefire) (?:was |has been |were )?struck',
    'str(?:uck|ike) (?:a|the) (?:\\w+ )?(?:deal|agreement|accord|truce)',
  ],
  agreement_terms: {
    cease_fire: [
      'cease[- ]?fire',
      'ceasefire',
      'cessation of (?:hostilities|fire)',
      'truce',
      'armistice',
      'stop (?:the )?(?:fire|firing|shooting|hostilities)',
      'halt (?:the )?(?:fire|firing|shooting|hostilities|fighting)',
      'cease (?:the )?(?:firing|fire|hostilities|fighting)',
      'end (?:to )?(?:the )?(?:fighting|hostilities)',
    ],
    withdraw_forces: [
      'withdraw\\w*',
      'pull(?:ed|ing)? back',
      'return (?:the )?units',
      'return\\w* (?:\\w+ ){0,3}(?:previous|permanent) (?:positions|deployment)',
      // "returning additional forces and equipment to their places of permanent deployment".
      'places? of (?:their )?permanent (?:deployment|stationing)',
    ],
    withdraw_heavy_weapons: ['withdraw\\w* (?:\\w+ ){0,3}(?:heavy weapons|military equipment|equipment)'],
    joint_patrols: ['joint (?:patrol\\w*|monitoring)'],
    de_escalation: ['de-?escalat\\w*', 'prevent\\w* (?:\\w+ ){0,3}(?:escalation|incidents?|clashes)'],
    reopen_road: ['reopen\\w* (?:the )?road'],
  },
  agreement_exclusions: [
    'delimitation',
    'demarcation',
    'description of (?:the )?(?:\\w+ )?(?:state )?border',
    'treaty',
    'junction point',
  ],
  allegation: [
    'violat(?:e|es|ed|ing)',
    'violations?',
    "(?:not|n't) compl(?:y|ied|ying)",
    'fail\\w* to (?:comply|observe|respect|keep|honou?r|abide)',
    // "broke the truce", "the ceasefire was broken", "is not honouring the agreement".
    'broke (?:the|a|an|its|their)',
    '(?:was|were|has been|have been|is being) broken',
    "(?:not|n't) (?:honou?r|keep|abid)\\w*",
    'has not held',
    'did not hold',
    'not (?:being )?observed',
    'breach\\w*',
  ],
  yardstick: [
    // "the ceasefire, which the governments had agreed should take effect…": the agreement as background.
    '(?:which|that) (?:\\w+ ){0,6}had (?:been )?(?:agreed|reached|signed)',
    'despite',
    'in spite of',
    'contrary to',
    'in violation of',
    'violat\\w*',
    'breach\\w*',
    'not compl\\w*',
    'has not held',
    'in accordance with',
    'in line with',
    'pursuant to',
    '(?:is|are) (?:being )?observed',
    '(?:has|have) been observed',
    'is holding',
    'holds',
    // Appeals to keep an earlier agreement, and the agreement named as already in force: a
    // yardstick, not a new agreement ("urged … to observe the agreed ceasefire", «призывает
    // соблюдать достигнутые договоренности»). "agreed to observe" is a new undertaking.
    '(?<!(?:agreed|agree|agrees|pledged|undertook|committed|decided) )to (?:strictly |fully |continue to )?(?:observe|respect|comply with|adhere to|abide by|honou?r|uphold)',
    '(?:full |strict )?(?:observance|respect) (?:of|for)',
    'the (?:previously |earlier )?agreed (?:ceasefire|truce|cease-fire)',
    '(?:ceasefire|truce|cease-fire|agreements?) agreed (?:on|upon)',
    '(?:previously|earlier) (?:reached|agreed|concluded|signed)',
    // "the Tajik side's failure to keep the agreements reached", "refused to agree on a ceasefire".
    'fail\\w* to (?:keep|observe|respect|honou?r|implement|abide by|comply with)',
    'refus\\w* to (?:agree|accept|sign|observe|respect)',
    // "deployments as they were when the ceasefire was reached on 28 July": the earlier agreement
    // as a point in time, not the news.
    '(?:when|since) (?:the )?(?:\\w+ )?(?:ceasefire|cease-fire|truce) (?:was|had been|has been) (?:reached|agreed|signed|declared)',
  ],
  negation: [
    // Commemoration and court items tell of an episode long past, not an event (SCHEMA: background).
    'commemorat\\w*',
    'anniversary',
    'memorial (?:service|ceremony|event)s?',
    '(?:court|tribunal|judge)s? (?:\\w+ ){0,3}(?:sentenced|convicted|ruled|acquitted|found)',
    'sentenced',
    'convicted',
    'on trial',
    'no (?:\\w+(?:-\\w+)? ){0,3}(?:violations?|shooting|shots?|firing|shelling|incidents?|clashes|attacks?|fire|gunfire|incursions?)(?: \\w+(?:-\\w+)?){0,12} (?:recorded|registered|reported|observed|fired|occurred|heard|seen|detected)',
    // "there were no signs of any drone incursions or cross-border shelling".
    'no (?:signs?|reports?|evidence) of (?:any )?(?:\\w+(?:-\\w+)?,? ){0,2}(?:violations?|shooting|shots?|firing|shelling|incidents?|clashes|attacks?|gunfire|incursions?)',
    'there (?:was|were|have been|has been) no (?:\\w+ ){0,2}(?:shooting|firing|shelling|incidents?|violations?|clashes|shots)',
    '(?:were|was|have been|has been|had been) not (?:yet )?(?:been )?(?:recorded|confirmed)',
    'not (?:been )?confirmed',
    'unconfirmed',
    'did not confirm',
    '(?:is|are) being (?:verified|checked)',
    'not true',
    'untrue',
    'false',
    'den(?:y|ies|ied)',
    'reject\\w*',
    'refut\\w*',
    'groundless',
    'baseless',
    'fake',
    'the alleged',
    'unsubstantiated',
    'unfounded',
    'supposedly',
    '(?:dis|mis)information',
    // "reports of shelling are a fabrication / lies / fiction": the claim called false (SCHEMA).
    'fabricat\\w*',
    '(?:are|is|were|was) (?:\\w+ )?(?:lies|a lie|fiction|invented|made up|slander)',
    'slanderous',
    'nothing to do with (?:the )?reality',
    'do(?:es)? not correspond to (?:the )?(?:reality|facts|truth)',
    'no (?:drones?|weapons?|aircraft)(?: \\w+){0,8} (?:were|was) used',
    // "Thailand did not invade anywhere", "our troops have not crossed the border".
    '(?:did|does|do|has|have|had|was|were) (?:not|never) (?:\\w+ )?(?:invade|invaded|cross|crossed|enter|entered|violate|violated|attack|attacked|shell|shelled|seize|seized)',
    "(?:didn't|doesn't|don't|hasn't|haven't) (?:\\w+ )?(?:invade|cross|enter|violate|attack|shell|seize)",
    // "it was blocking incursions": a side's own defence, no incursion told (SCHEMA).
    '(?:blocking|preventing|stopping|repelling) (?:\\w+ )?(?:incursions|intrusions|infiltrations)',
    // "the sides failed to agree on a ceasefire": no agreement reached.
    '(?:fail(?:ed|s)?|unable|could not|couldn\'t|did not manage) to (?:agree|reach|sign|conclude)',
  ],
  modal: [
    // "talks to settle the armed conflict": a purpose, no fighting told.
    'to settle',
    'settl(?:ing|ement of) (?:the )?(?:\\w+ ){0,2}(?:conflict|situation|dispute|clash\\w*)',
    'demand\\w*',
    'call(?:s|ed|ing)? (?:on|upon|for)',
    'urg(?:e|es|ed|ing)',
    'appeal\\w*',
    'ask(?:s|ed)?',
    'request\\w*',
    'ready to',
    'readiness',
    'in order to',
    'so as to',
    'to prevent',
    'to avoid',
    'aimed at',
    'would',
    'could',
    'might',
    'may (?:lead|result|cause)',
    'may (?:\\w+ )?(?:open|start|resume|launch|attack|shell|strike|cross)',
    'at any moment',
    'warn(?:s|ed|ing)? (?:of|about)',
    // "India warned Pakistan against unprovoked firing": what a side is warned against is not told done.
    'warn(?:s|ed|ing)? (?:\\w+ ){0,2}against',
    'threat\\w*',
    'agree(?:d|s)? (?:not )?to',
    'agreed on',
    'to refrain',
    'to stop',
    // "called … to end the illegal deployment of troops": what is asked for is not told done.
    'to end',
    'must',
    'should',
    'plans? to',
    // "the sides are expected to sign a ceasefire": a prospect, not an agreement reached.
    '(?:expected|likely|scheduled) to',
    // "regards the conflict as premeditated aggression": a judgement of the episode, no act told.
    '(?:regard|regards|regarded|considers|considered|qualifies|qualified|characteri[sz]es|characteri[sz]ed) (?:\\w+[ -]){0,8}?(?:as|to be|an? act of)',
    'intend\\w*',
    'to repel',
    'if',
  ],
  fire_exclusions: [
    // A deal struck is no strike.
    '(?:deal|agreement|accord|truce|ceasefire) (?:was |has been |were )?struck',
    'str(?:uck|ike) (?:a|the) (?:\\w+ )?(?:deal|agreement|accord|truce)',
    'cease[- ]?fire',
    'ceasefire',
    'cease firing',
    'stop(?:ping)? (?:the )?(?:firing|shooting)',
    'cessation of (?:fire|firing|hostilities)',
    'end (?:to )?(?:the )?(?:fighting|hostilities)',
    'set (?:\\w+ )?(?:on )?fire(?: to)?',
    'on fire',
    'caught fire',
    'return(?:ed|ing|s)? (?:the )?fire',
    'fired (?:\\w+ ){0,3}(?:in|into) the air',
    'fired (?:\\w+ ){0,2}warning shots?',
    'warning shots?',
    // A quarrel of words (SCHEMA: brawls between residents are no event).
    'verbal (?:skirmish|clash|altercation|confrontation)\\w*',
    'fired (?:a |the )?return (?:shot|fire)',
    'return shots?',
    'respond(?:ed|s)? to fire',
    'fire (?:station|brigade|fighters?|safety|service)',
    // "the Pahalgam terror attack": militants' attack, not fire between the sides.
    'terror(?:ist)? attacks?',
    // "militants opened fire on tourists": an armed group's attack, no fire between the sides.
    '(?:militants|terrorists)(?: \\w+){0,2} (?:opened fire|fired|shot|attacked)',
    // The reporting side's restraint: no fire of theirs, and no cancelling of the other side's.
    "(?:did not|didn't|do not|refrained from|without) (?:\\w+ )?(?:open|return|respond)\\w*(?: (?:the )?fire)?",
    'held (?:their |its )?fire',
    '(?:has|have|had) not (?:\\w+ )?(?:fired|opened fire|used (?:their |its )?weapons)(?: \\w+){0,3}',
    'not (?:fired|fire) a single shot',
    // The end of fire told ("the fighting stopped at 0:30", «в 8:10 перестрелка прекратилась»):
    // the close of an event told elsewhere, not one of its own.
    '(?:firing|shooting|fighting|fire|clash(?:es)?|shootout|exchange of fire) (?:\\w+ ){0,2}(?:stopped|ceased|ended|died down|subsided|halted)',
    'stopped (?:\\w+ )?(?:firing|shooting|fighting)',
    'halt(?:ed|ing|s)? (?:\\w+ ){0,2}(?:firing|fire|shooting|fighting|hostilities)',
    // How long a told fire lasted ("the clash went on until 10pm") is no new event.
    '(?:clash|fighting|shootout|exchange of fire|firing|shooting|fire) (?:went on|lasted) (?:until|till|for|about)',
    // Places and things named after fire, not fire: "firing points", "took firing positions".
    'firing (?:points?|positions?|lines?|ranges?)',
    'fire (?:points?|positions?)',
    // Brawls between residents (SCHEMA: no event) and live-fire exercises.
    'live[- ]fir(?:e|ing)(?: \\w+)?',
    // The reporting side's answer to the other's fire (SCHEMA: folded into the event it answers).
    '(?:answered|responded|replied) (?:\\w+ ){0,2}(?:by|with) (?:opening )?(?:fire|firing)',
    // Fire at a drone or aircraft is air defence, a side's defensive act (SCHEMA: no event); the
    // drone's flight is the event, an incursion, where the text tells it.
    '(?:opened|open|opens|opening) fire (?:at|on) (?:\\w+ ){0,3}(?:drones?|UAVs?|quadr?o?copters?|unmanned aerial vehicles?|helicopters?|aircraft)',
    '(?:fired|firing|shot|shooting) (?:\\w+ ){0,2}(?:at|on) (?:\\w+ ){0,3}(?:drones?|UAVs?|quadr?o?copters?|unmanned aerial vehicles?|helicopters?|aircraft)',
    // Fire as the subject of a modal ("shooting could resume", "fighting may break out again",
    // residents fear "the shelling will resume"): a possibility, no fire told.
    '(?:shooting|firing|fighting|shelling|gunfire|clash(?:es)?|hostilities|exchanges? of fire) (?:could|may|might|will|would|can) (?:\\w+ ){0,2}(?:resume|break out|start|begin|erupt|flare up|continue|escalate)',
    '(?:shooting|firing|fighting|shelling|gunfire|clash(?:es)?|hostilities|exchanges? of fire|provocations?) (?:is|are|remains?) (?:still |quite )?(?:possible|likely|probable|not ruled out|not excluded)',
    // Habits and generalities ("exchanges of fire are frequent on this section"): no episode told.
    '(?:shooting|firing|fighting|shelling|gunfire|clash(?:es)?|skirmish(?:es)?|shootouts?|exchanges? of fire|incidents?)(?: \\w+){0,4} (?:are|is|were|was|remain|have been) (?:\\w+ )?(?:frequent|common|regular|routine|commonplace|not uncommon|rare)',
  ],
  blame: [
    '(?:opened|open|opens) fire(?: \\S+){0,4} first',
    'fired(?: \\S+){0,4} first',
    'started the (?:shooting|firing|fighting|clash)',
    '(?:the )?(?:shooting|firing|fighting|clash) (?:was|were) started by',
    // «стрельбу начали таджикские военные», «огонь открыли именно кыргызские»: who started it.
    'who (?:opened fire|started (?:the )?(?:shooting|firing|fighting|clash))',
    // "each side accusing the other of shelling", "blamed each other for the firing": what the
    // sides accuse each other of is the content of mutual blame, not an attack told (SCHEMA: a
    // clash with mutual blame is an armed_clash with no accused).
    '(?:accus\\w*|blam\\w*) (?:each other|one another) (?:of|for) (?:\\w+[ -]){0,7}\\w+',
    'each (?:side|country|party|army) (?:\\w+ )?(?:accus|blam)\\w* the other(?: side)? (?:of|for) (?:\\w+[ -]){0,7}\\w+',
  ],
  civilian: [
    'civilians?',
    'residents?',
    'houses?',
    'homes?',
    'villages?',
    'settlements?',
    'schools?',
    'mosques?',
    '(?<!(?:to|in|at) (?:a |the )?)hospitals?',
    'cars?',
    'city',
    'town',
    'jamoats?',
    'outskirts',
    'children',
    'market',
    'citizens',
    'civil',
    'population',
  ],
  military: [
    'positions?',
    'border guards?',
    'border (?:post|outpost|squad|patrol|unit|detachment)s?',
    'outposts?',
    'checkpoints?',
    'servicem[ae]n',
    'soldiers?',
    'patrols?',
    'detachments?',
    'military units?',
    'military vehicles?',
  ],
  report_after: [
    'said',
    'says',
    'say',
    'reports?',
    'reported',
    'told',
    'stated',
    'states',
    'claims?',
    'claimed',
    'insists?',
    'insisted',
    'noted',
    'notes',
    'informs?',
    'informed',
    'announced',
    'declared',
    'confirmed',
    'added',
    'accus\\w*',
    'blamed?',
    'alleged',
    'alleges',
    'warned',
    // "… Stepanyan wrote on Facebook", "the ministry stressed", "Baku charged that …".
    'wrote',
    'posted',
    'tweeted',
    'stressed',
    'emphasi[sz]ed',
    'asserted',
    'maintained',
    'explained',
    'specified',
    'clarified',
    'charged',
  ],
  report_before: [
    'according to(?: the)?(?: latest)?(?: data| information| reports?)?(?: from| of)?',
    'as reported by',
    'citing',
    'quoting',
    'said',
    'reported',
    'told \\S+ in',
    // "the agency was told by the Border Service", "a statement by the ISPR": the reporter.
    '(?:was |were )?(?:told|informed|reported|announced|stated|confirmed|said) by',
    '(?:statement|press release|communiqu[eé]|report|message) (?:issued |released )?(?:by|of|from)',
  ],
  border_section: [
    'section of the (?:state )?border',
    'border section',
    '(?:\\w+ )(?:up )?(?:to|towards?) the (?:state )?border(?! (?:Troops|Service|Guard))',
    'along the border',
    'line of contact',
  ],
  place_exclusions: [
    '(?:hospital|clinic)\\w*(?: \\S+){0,3} (?:in|of)',
    'accommodated(?: \\S+){0,8} in',
    'evacuated to',
    'taken to(?: \\S+){0,3}',
    'sent to',
    '(?:programme|program) offices? in',
    '(?:hospitali[sz]ed|treated|being treated)(?: \\S+){0,3} in',
  ],
};
