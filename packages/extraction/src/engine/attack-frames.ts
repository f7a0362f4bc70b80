/**
 * Attack frames: a trigger in a clause becomes a draft event with its type, weapons, time, place
 * and actor. A stage of the engine (see ../engine.ts).
 */
import { casualtyTrigger } from '../casualties.ts';
import { byStart, type Draft, ev, type Strength, VIOLENT } from '../draft.ts';
import { attackType, type WeaponMention } from '../events.ts';
import type { Match } from '../text/patterns.ts';
import type { EventType, Evidence } from '../types.ts';
import { actorFor, ONGOING, resolveTime } from './anchors.ts';
import { matchesIn } from './clause-step.ts';
import { activeIn, type ClauseView, mutualIn, underModal } from './clause.ts';
import type { Scan } from './scan.ts';

// "fired from both sides", «стреляли с обеих сторон», "border guards of the two countries began shooting".
// "traded fire", «обменялись огнём»; fire "between" the two sides («огонь между военнослужащими
// Кыргызстана и Таджикистана») is both sides' fire too, as is "shooting broke out between Kyrgyz
// and Tajik border guards", «стрельба между пограничниками».
const EXCHANGE =
  /(?:each other|one another|exchang\w* (?:of )?(?:\w+ )?(?:fire|gunfire|shots)|(?:exchang|trad)(?:ed|ing|es?) (?:\w+ ){0,2}(?:fire|gunfire|shots)|(?<![a-z-])(?:fire|gunfire) exchange|(?<![a-z-])(?:fire|firing|shooting|gunfire) between|обмен[а-яё]* (?:[а-яё]+ )?(?:огн|выстрел|удар)|(?<![а-яё])(?<!прекращени[а-яё]* )(?:огонь|огня|стрельба|стрельбы) между|перестрел(?:к|ива)|друг друга|друг по другу|shoot-?outs?|fire-?fights?|gun-?fights?|gun battles?|(?:from|by|on) both sides|со? обеих сторон|(?:guards|troops|forces|servicemen|soldiers|militar\w*) of (?:the )?(?:two|both) (?:countries|sides|states)|(?:пограничник|военн|военнослужащ)[а-яё]* (?:двух|обеих) (?:стран|сторон|государств)|between (?:the )?(?:[a-z-]+ and (?:the )?[a-z-]+ )?(?:border )?(?:guards|troops|forces|servicemen|soldiers|military|militaries|units|armies)\b|между (?:[а-яё-]+(?:ими|ыми) (?:и [а-яё-]+(?:ими|ыми) )?)?(?:пограничник|военн|военнослужащ|подразделени|войск|арми)[а-яё]*)/g;
// An attack word that goes on with an episode told before: «продолжил обстреливать», "kept firing".
const CONTINUED = /(?:продолж|continu|kept|keeps|keep on|still)/g;
// "the attack", "this attack", «эта атака», «данное нападение»: an attack named again.
const THE_ATTACK = /(?:\b(?:the|this|that) (?:[a-z-]+ )?|(?:^|[^а-яё])(?:эт[а-яё]+|данн[а-яё]+) (?:[а-яё-]+ )?)(?:attack|assault|атак|нападени)[a-zа-яё]*$/;
// ", who were patrolling in…", "where mortars had been set up", «, которые…», «где…».
const TARGET_RELATIVE = /(?:, (?:who|which|whose|where|котор[а-яё]*|где)(?![a-zа-яё])| where |(?:^|[^а-яё])где )[^,]*$/;
const AGAINST = /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:against|против)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;

// An appeal to keep an agreement ("urged both sides to respect it") after the report of that
// agreement does not unmake it; before it, it names an earlier one ("to observe the agreed ceasefire").
/**
 * Counts and rates of violations over a period ("5,133 ceasefire violations last year", "a jump
 * of 75 per cent in ceasefire violations", «с начала года»): monitoring statistics, no event
 * (SCHEMA). Matched on the lower-cased clause.
 */
export const VIOLATION_STATISTICS = /(?:\d[\d,.]*|hundreds|thousands|dozens) (?:[a-z-]+ ){0,2}violations|per ?cent|\d ?%|(?:this|last|past) year|\d+ times (?:this|last|in the past|over the past|since|so far)|(?:\d+|several|many|numerous) times (?:\w+ ){0,3}(?:this|last|past) (?:month|week)|\d+ раз[а]? (?:за|с начала|в этом|в прошлом|в течение)|year-to-date|so far this|since (?:the )?(?:beginning|start)|had been rare|(?:new|record|all-time) high|с начала (?:года|месяца)|за (?:прошлый|этот|текущий) год|\d[\d\s,.]* (?:[а-яё-]+ ){0,2}нарушени|(?:в|за) \d{4} год/;

export function newDraft(s: Scan, c: ClauseView, type: EventType, trigger: Match, strength: Strength, agreement: boolean): Draft {
  const t = resolveTime(s, c, trigger.start, agreement);
  const actor = agreement ? null : actorFor(s, c, trigger.start);
  const extraEvidence: Evidence[] = [];
  for (const n of c.negated) extraEvidence.push(ev('negation', n));
  return {
    type,
    clause: c.clause,
    trigger,
    strength,
    date: t.date,
    month: t.month,
    part: t.part,
    clock: t.clock,
    dateEvidence: t.dateEvidence,
    places: c.cPlaces,
    actor: actor ? actor.side : null,
    actorEvidence: actor,
    reporter: c.reporter,
    reporterEvidence: c.reporterEvidence,
    weapons: c.cWeapons,
    killed: null,
    wounded: null,
    displaced: null,
    casualtyTotal: false,
    zero: false,
    casualtyEvidence: [],
    civilians: c.civilianNamed ? true : c.militaryNamed ? false : null,
    borderSection: c.borderSectionNamed,
    agreementStart: null,
    agreementTermsList: [],
    agreementLevel: null,
    agreementEvidence: [],
    extraEvidence,
    merged: 0,
    carried: t.carried,
    // Coordinated sides ("between Tajik and Kyrgyz troops") only give no actor; blame each
    // other and the clash has none.
    mutual: mutualIn(s, c),
    clashWord: null,
    ongoing: false,
    // «стягиваются обеими сторонами», "troops are being massed by both sides": no one side acts.
    unknownAgent: BOTH_SIDES_AGENT.test(s.low.slice(c.clause.start, c.clause.end)),
    anaphoric: false,
    confirms: false,
    renewed: false,
    toll: null,
  };
}

function overlapsWeapon(c: ClauseView, m: Match): boolean {
  for (const w of c.cWeapons) if (m.start < w.end && w.start < m.end) return true;
  return false;
}

/**
 * Words for fighting between two sides (a clash, a battle, «бои», «столкновения»), not summary
 * words for one side's acts ("attack", "aggression") nor the whole dispute ("conflict").
 */
const UNKNOWN_AGENT =
  /(?<![a-zа-яё])(?:(?:by|from)\s+(?:an?\s+)?(?:unidentified|unknown)\s+(?:persons?|people|individuals|gunm[ae]n|assailants|attackers)|неизвестн[а-яё]*(?:\s+(?:лиц[а-яё]*|люд[а-яё]*|вооруж[а-яё]*|злоумышленник[а-яё]*))?\s+(?:открыл[а-яё]*|обстрелял[а-яё]*|выстрелил[а-яё]*|стрелял[а-яё]*)|(?:unidentified|unknown)\s+(?:persons?|people|individuals|gunm[ae]n|assailants|attackers)\s+(?:opened|fired|shot)|(?:гражданск[а-яё]*\s+лиц[а-яё]*|местн[а-яё]*\s+жител[а-яё]*)\s+(?:открыл[а-яё]*|выстрелил[а-яё]*|стрелял[а-яё]*)|(?:civilians|local residents|villagers)\s+(?:opened|fired|shot))(?![a-zа-яё])/g;
const BOTH_SIDES_AGENT = /(?<![a-zа-яё])(?:by both (?:sides|countries|parties)|both sides (?:are|have|were|had)|обеими сторонами|обе стороны (?:стягива|наращива|перебрасыва|сосредотачива))/;
const EPISODE_NOUN_BEFORE = /(?:конфликт|столкновени|бо[ёея]|боях|перестрелк|clash|fighting|conflict|hostilities)[a-zа-яё]*\s+(?:(?:of|on|от)\s+)?$/;
const FIGHTING = /^(?:armed )?(?:clash|skirmish|battle|fighting$|fights?$|fought$|gunfight|firefight|shootout|exchange|exchanged|trad(?:ed|ing) |fire exchange|gunfire exchange|confrontation|incident|encounter|обмен|огнев|бо[йие]|боя|боестолкновени|столкновени|стычк|перестрел)/;
/** An incident noun ("armed incident", «вооружённый инцидент», «инцидент с применением оружия»). */
const INCIDENT = /^(?:armed incident|incidents? involving|вооруж[её]нн[а-яё]* инцидент|инцидент)/;
// "took fighting positions", «заняли боевые позиции»: a posture, not fighting.
const POSITIONS = /^\s*(?:positions?|позици)/;
// "a verbal skirmish", «словесная стычка»: a quarrel between residents (SCHEMA: not an event).
const VERBAL = /(?:verbal|словесн[а-яё]*)\s+$/;

const AFTER_EPISODE = /(?:^|[^0-9a-zа-яё])(?:after|following|since|после|со времени)\s+(?:the\s+|last\s+|latest\s+|recent\s+|прошлого[а-яё]*\s+)?(?:[0-9a-zа-яё-]+\s+){0,2}$/;

/** "another exchange of fire", "a third shooting", «ещё одну перестрелку»: an episode after the one told. */
const NEW_EPISODE = /(?:^|[^0-9a-zа-яё])(?:another|a (?:second|third|fourth|fifth|new)|(?:the )?(?:second|third|fourth|fifth)|further|ещ[её] (?:одн|одноj?)[а-яё]*|втор[а-яё]*|треть[а-яё]*|четв[её]рт[а-яё]*|нов[а-яё]*)\s+(?:[0-9a-zа-яё-]+\s+)?$/;

/** Gives the clause's weapons to the attack told just before it (same or previous sentence). */
function upgradeLastAttack(s: Scan, c: ClauseView): boolean {
  const weapons = c.cWeapons.filter((w) => !underModal(c, w.start));
  if (weapons.length === 0) return false;
  // «таджикская сторона применяет также минометы», "is using mortars": weapons told as in use now
  // are the state of the conflict, told beside the timed episode (SCHEMA), not its weapons.
  if (matchesIn(ONGOING, s.low, c.clause)) return false;
  // "…opened fire. The two sides exchanged fire, and the Tajik side used mortars": a summary
  // word told between the attack and its weapons («завязалась перестрелка») is no attack of its
  // own; a fire word told with a day of its own ("since the morning of 16 September…") is one.
  let prev: Draft | undefined;
  let reach = c.clause.sentence - 1;
  for (let i = s.drafts.length - 1; i >= 0 && !prev; i--) {
    const d = s.drafts[i];
    if (!d) continue;
    if (d.strength === 'strong' || !VIOLENT.has(d.type) || (d.type !== 'armed_clash' && d.date !== null && !d.carried) || d.clause.sentence < reach) prev = d;
    else reach = Math.min(reach, d.clause.sentence - 1);
  }
  if (!prev || !VIOLENT.has(prev.type) || prev.strength !== 'strong' || prev.clause.paragraph < c.clause.paragraph - 1 || prev.clause.sentence < reach) return false;
  for (const w of weapons) if (!prev.weapons.some((x) => x.name === w.name)) prev.weapons.push(w);
  prev.type = attackType(prev.weapons, false, true);
  return true;
}

// What stands between two weapons of one list: "artillery, mortars and drones", «артиллерии и БПЛА».
const WEAPON_LIST_GAP = /^\s*(?:,\s*(?:and\s+|и\s+)?|(?:and|и)\s+)$/;

/** The weapons that type an attack: "opened fire with artillery, mortars and drones" is a
 * bombardment in which drones join the guns, not an air strike; drones named apart are one. */
function typingWeapons(s: Scan, weapons: WeaponMention[]): WeaponMention[] {
  // Drones only: aircraft listed with guns («авиа- и артиллерийские удары») still strike from the air.
  if (!weapons.some((w) => w.name === 'drone') || !weapons.some((w) => w.class === 'heavy')) return weapons;
  const listed = (a: WeaponMention, b: WeaponMention) =>
    a.end <= b.start ? WEAPON_LIST_GAP.test(s.low.slice(a.end, b.start)) : b.end <= a.start && WEAPON_LIST_GAP.test(s.low.slice(b.end, a.start));
  // The list runs through its neighbours: each air weapon has a heavy one in the same chain.
  const sorted = [...weapons].sort(byStart);
  const chain: number[] = [];
  let id = 0;
  for (let i = 0; i < sorted.length; i++) chain.push(i > 0 && listed(sorted[i - 1] as WeaponMention, sorted[i] as WeaponMention) ? id : ++id);
  const heavyChains = new Set(sorted.flatMap((w, i) => (w.class === 'heavy' ? [chain[i]] : [])));
  if (!sorted.every((w, i) => w.class !== 'air' || heavyChains.has(chain[i]))) return weapons;
  return weapons.filter((w) => w.name !== 'drone');
}

// A word of running totals in a toll's sentence: "in all, 34 were killed", «всего погибли 12».
const TOTAL_TOLL = /(?<![a-zа-яё])(?:in all|in total|altogether|overall|total|toll|всего|общее число|в общей сложности|итого)(?![a-zа-яё])/g;
// "the shooting resumed", «обстрел повторился», «огонь возобновился», "fired again".
const RENEWED = /(?<![a-zа-яё])(?:resum(?:ed|es)|renewed|repeated|again|повтори(?:лся|лась|лись|лось)|возобнови(?:лся|лась|лись|лось)|вновь|снова)(?![a-zа-яё])/g;
const CONFIRMED = /(?<![a-zа-яё])(?:confirm(?:ed|s)|подтвердил[а-яё]*|подтвержда(?:ет|ют))(?![a-zа-яё])/g;
const DEFINITE_BEFORE = /(?:^|[^0-9a-zа-яё])(?:in|during|by|from)\s+(?:the|this|that)\s+$|(?:в ходе|в результате|во время|при)\s+(?:этого|этой|этих|того|той)\s+$/;
const WHERE_BEFORE = /(?:^|[^0-9a-zа-яё])(?:where|где)\s+(?:the\s+)?$/;
const PERIOD_TALLY =
  /(?:over|in|during) the (?:last|past) (?:few |several |\d+ |two |three )?(?:years|months|decades)|in recent (?:years|months|decades)|(?:в|за) последние (?:годы|месяцы|десятилетия)|\b(?:a|one|two|three|four|five|several|a few|\d+) years? ago|(?:год|года|лет) назад|since (?:the )?(?:beginning|start) of (?:the |this )?(?:year|month)|since (?:january|february|march|april|june|july|august|september|october|november|december)\b|\d[\d,.]* (?:cases|incidents|instances|episodes) of|\d[\d\s,.]* (?:случа[а-яё]*|инцидент[а-яё]*|эпизод[а-яё]*|факт[а-яё]*) (?:обстрел|стрельб|открыти|применени)|since last (?:year|month|january|february|march|april|may|june|july|august|september|october|november|december)|с (?:прошлого|начала) (?:года|месяца)|за последние (?:\d+ |несколько )?(?:лет|года|месяц)/;

/** Attacks told by the clause: firing, shelling, clashes; or casualty figures alone (weak). */
export function attackDrafts(s: Scan, c: ClauseView, incursions: number, buildups: readonly Match[], created: Draft[]): void {
  const { clause, cWeapons } = c;
  const inside = s.insideClause;
  const trig = s.trig;
  const against = AGAINST.test(s.low.slice(clause.start, clause.end));
  let weaponBeforeModal = false;
  for (const w of cWeapons) if (!underModal(c, w.start)) weaponBeforeModal = true;
  let use = weaponBeforeModal && ((incursions === 0 && buildups.length === 0) || against) ? activeIn(c, inside.inside(trig.weaponUse, clause)) : [];
  // «применяют миномёты и стягивают к границе технику», "use mortars and move armour to the
  // border": a weapon used before the build-up verb is fired; the build-up is told beside it.
  const firstBuildup = buildups[0];
  if (use.length === 0 && incursions === 0 && firstBuildup && weaponBeforeModal)
    use = activeIn(c, inside.inside(trig.weaponUse, clause)).filter((u) => u.end <= firstBuildup.start && cWeapons.some((w) => w.start >= u.end && w.end <= firstBuildup.start && w.start - u.end <= 40));
  const fire = activeIn(c, inside.inside(trig.fire, clause));
  for (const m of use) fire.push(m);
  const shelling = activeIn(c, inside.inside(trig.shelling, clause));
  const clash = activeIn(c, inside.inside(trig.clash, clause));
  // "infantry fighting vehicles" is a weapon, not fighting.
  const attack: Match[] = [...shelling, ...fire];
  for (const m of clash) if (!overlapsWeapon(c, m)) attack.push(m);
  attack.sort(byStart);
  // Casualty figures with no attack word still tell of one (weak: it joins a told attack).
  const casualty = attack.length === 0 ? casualtyTrigger(s.text, clause.start, clause.end, s.numbers) : null;
  // "There were 299 such violations till 28 January, and one death was reported": a toll told in
  // a sentence of monitoring statistics is a statistic too (SCHEMA), no event.
  if (casualty && !inside.inside(trig.fireExclusions, clause).length && !VIOLATION_STATISTICS.test(s.low.slice(c.sentence.start, c.sentence.end))) {
    const d = newDraft(s, c, 'armed_clash', casualty, 'weak', false);
    // A running total: told with a word of totals, or as a body's own count ("Kyrgyz authorities
    // reported 34 killed", «Минздрав сообщил о 12 погибших»).
    const ownSource = c.reporterEvidence !== null && c.reporterEvidence.start >= c.sentence.start && c.reporterEvidence.end <= c.sentence.end;
    d.toll = matchesIn(TOTAL_TOLL, s.low, c.sentence) ? 'total' : ownSource ? 'count' : null;
    d.weapons = [];
    // A toll names the people hit ("citizens of Kyrgyzstan"), not who fired: only an explicit
    // agent («со стороны Таджикистана») is the accused.
    if (d.actorEvidence && c.cParties.every((p) => p !== d.actorEvidence || p.role !== 'explicit_actor')) {
      d.actor = null;
      d.actorEvidence = null;
    }
    // Casualty sentences name hospitals and home villages, not where the attack was, but a
    // toll counted "in Batken region" or «в Лейлекском районе» is the toll of that unit.
    d.places = c.cPlaces.filter((p) => p.place.kind === 'district' || p.place.kind === 'region');
    // Their day is only their own: "wounded in the clashes of 28-29 April", «в ходе конфликтов
    // 28-29 апреля» dates the episode the toll is of.
    const episodeDay = c.cDates.find((x) => x.role === 'event' && x.date && x.kind === 'absolute' && EPISODE_NOUN_BEFORE.test(s.low.slice(Math.max(0, x.start - 30), x.start)));
    d.date = episodeDay?.date ?? null;
    d.part = null;
    d.clock = null;
    d.dateEvidence = episodeDay ? [episodeDay] : [];
    created.push(d);
  }
  // "used drones for reconnaissance": drones used with no fire, strike or fighting told fly over
  // the other side, an incursion (SCHEMA), not a strike.
  if (attack.length > 0 && attack.length === use.length && cWeapons.every((w) => w.class === 'air')) {
    // "Thai jets struck targets in Cambodia. … The Thais used F-16 fighters": aircraft used after
    // the statement told their strikes are the strikes' weapons, no flight of their own.
    if (incursions === 0 && !s.drafts.some((d) => d.type === 'air_or_drone_strike' && d.strength === 'strong')) {
      const d = newDraft(s, c, 'incursion', attack[0] as Match, 'strong', false);
      d.civilians = null;
      d.weapons = cWeapons;
      created.push(d);
    }
    return;
  }
  // "…the Tajiks opened fire. The Tajik side used mortars.": weapons told with no fire word of
  // their own, right after a told attack, are that attack's, typed by its heaviest weapon (SCHEMA).
  if (attack.length > 0 && attack.length === use.length && upgradeLastAttack(s, c)) return;
  const first = attack[0];
  // "an increase in firing over the last few years", "killed in attacks since last October": a
  // tally over a period, no event (SCHEMA), unless the clause dates an episode of its own.
  if (first && PERIOD_TALLY.test(s.low.slice(clause.start, clause.end)) && !c.cDates.some((x) => x.role === 'event' && x.date && x.kind !== 'part')) return;
  if (first) {
    const activeWeapons: WeaponMention[] = [];
    for (const w of cWeapons) {
      if (underModal(c, w.start)) continue;
      // "opened fire on guards who were patrolling in an armoured vehicle": a weapon in a clause
      // describing the target or the place is no weapon of the attack.
      if (w.start > first.end && TARGET_RELATIVE.test(s.low.slice(first.end, w.start))) continue;
      activeWeapons.push(w);
    }
    // "fired at each other", «перестрелка», "exchanged fire" with no weapon class: a clash.
    const exchange = activeWeapons.length === 0 && matchesIn(EXCHANGE, s.low, clause);
    // "a clash broke out and the Tajik side opened fire": a clash word frames the fire told with
    // it; with no weapon class named and no shelling the incident is a clash (SCHEMA "Which type").
    let clashWord = false;
    for (const m of clash)
      if (!overlapsWeapon(c, m) && FIGHTING.test(m.text.toLowerCase()) && !POSITIONS.test(s.low.slice(m.end, m.end + 16)) && !VERBAL.test(s.low.slice(Math.max(0, m.start - 16), m.start)))
        clashWord = true;
    clashWord = (exchange || clashWord) && activeWeapons.length === 0 && shelling.length === 0;
    const type = exchange ? 'armed_clash' : attackType(typingWeapons(s, activeWeapons), shelling.length > 0, fire.length > 0 || shelling.length > 0);
    let hasActor = false;
    for (const p of c.cParties) if (p.role === 'actor' || p.role === 'explicit_actor') hasActor = true;
    // "fired by unidentified persons", «неизвестные открыли огонь»: an agent, of no side.
    const unknownAgent = !hasActor && matchesIn(UNKNOWN_AGENT, s.low, clause);
    if (unknownAgent) hasActor = true;
    // An attack told with its own clock time ("then at about 11:40 a short exchange of fire took
    // place", "at 8:30 they began firing") is an event of its own, not a summary word.
    // "Since 15:00 the enemy has continued shelling": the episode told before goes on.
    // "An armed incident took place at 02:50", «произошёл инцидент с применением оружия»: an
    // incident noun names the episode the statement then details, a summary even with its time.
    const ownTime = c.cClocks.some((k) => k.role === 'event') && (type === 'armed_clash' || !matchesIn(CONTINUED, s.low, clause)) && !attack.every((m) => INCIDENT.test(m.text.toLowerCase()));
    const strong = activeWeapons.length > 0 || ((fire.length > 0 || shelling.length > 0) && hasActor) || ownTime;
    // A summary word told as a new episode is an episode of its own, not a mention of one told.
    // Only after an attack told before it: "another clash took place today" opening a statement
    // is the episode it then details, new beside earlier days.
    const another = !strong && s.drafts.some((x) => VIOLENT.has(x.type)) && NEW_EPISODE.test(s.low.slice(Math.max(0, first.start - 30), first.start));
    // "Tajik troops opened fire on the outpost. … The attack on the outpost began at 14:20": the
    // attack named again with a definite article, no weapon and no side of its own, is the attack
    // told just before, timed; no second event.
    const restated =
      type === 'armed_clash' &&
      !exchange &&
      !hasActor &&
      activeWeapons.length === 0 &&
      THE_ATTACK.test(s.low.slice(Math.max(0, first.start - 12), first.end)) &&
      s.drafts.some((x) => VIOLENT.has(x.type) && x.strength === 'strong' && x.clause.sentence >= c.sentence.index - 1);
    const d = newDraft(s, c, type, first, (strong || another) && !clause.introduces && !restated ? 'strong' : 'weak', false);
    if (restated) d.anaphoric = true;
    // "reopened four years after armed clashes", «после столкновений»: a summary word after
    // "after/since" names an earlier episode as background (SCHEMA), unless a day of its own is told.
    // The day must be the episode's ("after clashes broke out today"), not that of the clause's
    // own act told before it ("today the presidents met after the recent clashes").
    const afterEpisode = AFTER_EPISODE.exec(s.low.slice(Math.max(0, first.start - 40), first.start));
    const afterAt = afterEpisode ? Math.max(0, first.start - 40) + afterEpisode.index : -1;
    if (d.strength === 'weak' && afterEpisode && !c.cDates.some((x) => x.role === 'event' && x.date && x.start > afterAt)) return;
    // "visits the villages where clashes took place", «сёла, где шли бои»: the place described by
    // its past, no event told, unless the clause dates it.
    // "three civilians were killed in the attack": the attack told before, even where another
    // source gives the toll (SCHEMA: one event, its casualties).
    d.anaphoric = d.strength === 'weak' && DEFINITE_BEFORE.test(s.low.slice(Math.max(0, first.start - 24), first.start));
    // «Факт перестрелки подтвердили в администрации области», "the other side confirmed the
    // shootout": the episode told, agreed to, not that side's claim of its own.
    d.confirms = d.strength === 'weak' && matchesIn(CONFIRMED, s.low, clause);
    d.renewed = d.strength === 'weak' && matchesIn(RENEWED, s.low, clause);
    if (d.strength === 'weak' && WHERE_BEFORE.test(s.low.slice(Math.max(0, first.start - 12), first.start)) && !c.cDates.some((x) => x.role === 'event' && x.date)) return;
    // "Over 200 structures have been damaged due to shelling", «из-за обстрелов пострадали дома»:
    // fire named only as the cause of damage, with no side, place, day or toll of its own and no
    // attack told before it, sums the conflict up (SCHEMA: background), no event.
    if (
      d.strength === 'weak' &&
      d.actor === null &&
      c.cPlaces.length === 0 &&
      CAUSE_BEFORE.test(s.low.slice(Math.max(0, first.start - 30), first.start)) &&
      !c.cDates.some((x) => x.role === 'event' && x.date) &&
      !s.drafts.some((x) => VIOLENT.has(x.type)) &&
      !casualtyTrigger(s.text, clause.start, clause.end, s.numbers)
    )
      return;
    // A summary word ("the aggression", «в результате агрессии») has no day of its own: it joins
    // a told attack, or stands for the whole episode, dated only when the text dates it.
    // A fire or shelling word with no actor named ("they fired", «началась стрельба») is a told
    // act, not a summary word: it keeps the narrative's day.
    if (d.strength === 'weak' && d.carried && !fire.includes(first) && !shelling.includes(first)) {
      d.date = null;
      d.carried = false;
    }
    d.weapons = activeWeapons;
    // Told as going on (SCHEMA "What counts as one event": the state beside the timed episodes);
    // read only where merging asks: unplaced heavy fire, and attacks with a clock time.
    const stateLike = (type === 'heavy_weapons_fire' || type === 'air_or_drone_strike') && d.places.length === 0;
    d.ongoing = ((d.strength === 'strong' && (stateLike || d.clock !== null)) || (type === 'armed_clash' && d.date !== null && !d.carried)) && matchesIn(ONGOING, s.low, clause);
    // Going on now, undated, in a statement that tells of its day of publication: that day.
    if (d.ongoing && stateLike && d.date === null && d.month === null && !d.clock && s.pub.date && s.dates.some((x) => x.role === 'event' && x.date === s.pub.date)) d.date = s.pub.date;
    d.unknownAgent ||= unknownAgent && d.actor === null;
    if (clashWord && fire.length === 0) d.clashWord = exchange ? 'exchange' : 'clash';
    created.push(d);
  }
}

// «эвакуировали из-за вторжения», "victims of the invasion": the invasion named as the cause of
// what the clause tells sums the conflict up, no incursion of its own (SCHEMA: background).
export const CAUSE_BEFORE = /(?:из-за|в ходе|в результате|вследствие|жертв[а-яё]*|because of|due to|as a result of|victims of|during)\s+(?:the\s+)?$/;
