/**
 * Casualty figures: killed, injured ("victims" / «пострадавшие» are the injured, deaths are
 * counted apart), displaced. A figure is a claim of its source at a time; figures are read per
 * sentence, never summed across sentences or snapshots. Within one phrase, coordinated counts
 * are added ("two border guards and nine civilians were wounded" = 11).
 */
import type { NumberMention } from './numbers.ts';
import { lower, type Match } from './text/patterns.ts';

export interface CasualtyFigures {
  killed: number | null;
  wounded: number | null;
  displaced: number | null;
  /** An explicit "no casualties". */
  zero: boolean;
  /** Figures marked as running totals ("has risen to", «достигло»). */
  total: boolean;
  /** The count of "victims" (injured and dead together) the sentence gave, if any. */
  victims?: number | null;
  /** «Из них 31 скончался», "Of them, 5 died": dead taken from the victims of the sentence before. */
  killedOfPrior?: boolean;
  evidence: Match[];
}

const KILLED =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:killed|killing|dead|deaths?|died|death toll|lost their lives|claim(?:ed|ing) the lives|унес(?:ла|ли|ло)? жизни|унёс жизни|fatalities|perished|martyred|bodies|погиб[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|убит[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|скончал[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|смерт[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const WOUNDED =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:wounded|injured|injuring|wounding|injuries|injury|wounds?|hurt|ранен[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|ранени[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|ранил[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|травм[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const VICTIMS =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:victims|casualties|пострадавш[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|пострадал[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const DISPLACED =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:evacuated|evacuees|displaced|fled|left their homes|relocated|эвакуирован[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|эвакуировали|покинул[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|переселен[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const RETURNED =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:returned|return|вернул[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|возвращ[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const SKIP =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:among|including|in addition|в том числе|среди (?:них|погибших|раненых)|remain in hospital|in (?:a )?(?:serious|critical|grave) condition|тяжел[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* состоянии|тяжёл[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* состоянии|condition of|остаются в)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
// "Earlier Saturday at least 13 civilians were killed": "earlier" with a day is a time of the
// episode, not a figure told before.
const EARLIER =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:earlier(?!\s+(?:on\s+)?(?:today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![a-z]))|previously|had reported|ранее|прежде)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
// "Earlier, 46 deaths were reported.", «Ранее сообщалось о 46 погибших»: a figure the statement
// replaces, not a snapshot of its own (a clause merely timed "earlier today" is not one).
const EARLIER_REPORT =
  /^\W*(?:earlier|previously|ранее|прежде)(?!\s+(?:today|this|on|in|that|сегодня|в|на))[\s\S]*(?:reported|said|announced|stated|сообщал|сообщалось|говорилось|заявлял)/;
const TOTAL =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:risen|rose|rises|reached|has reached|increased|climbed|total|toll|number of|достигл[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|возросл[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|увеличил[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|составил[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|число|общее число|всего|in total|in all|altogether|overall)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const OF_THEM =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:of them|of whom|из них)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const VAGUE_COUNT = /^(?:dozens|tens|десятк[а-яё]*)$/;
const OF_THEM_OPENER = /^\W*(?:of them|of these|из них|из этого числа)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const NON_PERSON =
  /^\s*(?:[A-Za-z\u00C0-\u024F\u0400-\u04FF-]+\s+){0,2}?(?:houses?|homes|villages?|schools?|tonnes?|tons?|days?|nights?|hours?|weeks?|months?|minutes?|km|kilomet[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|units?|vehicles?|outlets?|buildings?|sections?|pupils|countries|sides|стран[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|сторон[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|%|percent|dollars?|rubles?|roubles?|euros?|somoni|soms?|tenge|сомони|сом(?:ов|а)?|рубл[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|доллар[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|евро|тенге|дом[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|сел[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|тонн[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|дн[её]й|дня|суток|ноч[а-яё]*|час[а-яё]*|недел[а-яё]*|месяц[а-яё]*|минут[а-яё]*|километр[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|единиц[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|школ[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|здани[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|процент[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*|участк[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]*)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
// "205 residents of the village": a person noun right after the count makes it a head count,
// whatever unit words follow.
const PERSON_AFTER =
  /^\s*(?:[a-z\u00C0-\u024F\u0400-\u04FF-]+\s+)?(?:people|persons|others|residents|civilians|citizens|villagers|servicem[ae]n|soldiers|border guards|children|человек|жител[а-яё]*|граждан[а-яё]*|мирн[а-яё]*|военнослужащ[а-яё]*|пограничник[а-яё]*|дет[а-яё]*)(?![a-zа-яё])/;
// "a 52-year-old man", «52-летний», «1975 года рождения»: an age or a birth year, not a count.
const AGE_AFTER =
  /^\s*(?:-\s*)?(?:years?[- ]old|year-old|-?летн[а-яё]*|лет(?![а-яё])|года рождения|г\.\s*р\.)/;
// "of the 6 wounded, four…", «из 56 пострадавших»: the whole a part is taken from, told again.
const AGE_BEFORE = /(?:aged|age of|возрасте|(?:^|\s)(?:из|of the|out of))\s*$/;
// "five days of fighting that killed 43", «трое суток боёв»: a duration, not a count.
const DURATION_AFTER =
  /^\s*(?:days?|hours?|weeks?|months?|minutes?|день|дн(?:я|ей)|сут(?:ок|ки)|час(?:а|ов)?|недел[а-яё]*|месяц(?:а|ев)?|минут[а-яё]*)(?![a-zа-яё])/;
const isPersonCount = (after: string): boolean =>
  !AGE_AFTER.test(after) && !DURATION_AFTER.test(after) && (PERSON_AFTER.test(after) || !NON_PERSON.test(after));
// "BM-21 rocket fragments", «Су-25», "T72": digits joined to letters name a model, not a count.
const DESIGNATION_BEFORE = /[a-zа-яё]-?$/;
/** A number that counts people: no age, no whole a part is taken from, no model designation. */
const headCount = (low: string, n: NumberMention): boolean =>
  isPersonCount(low.slice(n.end, n.end + 30)) &&
  !AGE_BEFORE.test(low.slice(Math.max(0, n.start - 16), n.start)) &&
  !DESIGNATION_BEFORE.test(low.slice(Math.max(0, n.start - 2), n.start));
// An explicit "no casualties", in its usual phrasings: "no one was hurt", "nobody was injured",
// "left no one hurt", "without any casualties", «обошлось без жертв», «никто не пострадал»,
// «погибших и раненых нет». (The corpus codes it as killed 0, wounded 0.)
const HURT_EN = '(?:hurt|injured|killed|wounded|harmed|dead)';
const HURT_RU = '(?:пострадал[а-яё]*|ранен[а-яё]*|погиб[а-яё]*|травмирован[а-яё]*)';
const NONE_RU = '(?:жертв|пострадавших|погибших|раненых|раненных|потерь|человеческих жертв)';
const ZERO = new RegExp(
  '(?<![0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF])(?:' +
    [
      `(?:no(?: ?-?one)?|nobody|no people|no persons?) (?:(?:was|were|has been|have been|had been|got|is|are) )?(?:reported |seriously )?${HURT_EN}(?: or ${HURT_EN})?`,
      `left (?:no one|nobody|no-one) ${HURT_EN}`,
      'no (?:casualties|losses|victims|injuries|deaths|fatalities|dead or (?:injured|wounded)|deaths or injuries|loss of life)',
      'without (?:any )?(?:casualties|losses|victims|injuries|loss of life)',
      '(?:there (?:were|was|have been|has been) )?no (?:reports? of )?(?:casualties|injuries|victims)',
      'caused no (?:casualties|injuries|victims)',
      'ruled out (?:any )?(?:casualties|losses|injuries)',
      '(?:was|were) not (?:injured|wounded|hurt|harmed)',
      `нет ${NONE_RU}`,
      `никто из [a-zа-яё ]{3,40} не (?:был )?${HURT_RU}`,
      `${NONE_RU}(?: и ${NONE_RU})? нет`,
      'пострадавших среди [A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF ]{3,40} нет',
      `(?:обошлось )?без (?:человеческих )?(?:жертв|пострадавших|потерь)(?: и (?:пострадавших|раненых))?`,
      `никто не (?:был )?${HURT_RU}`,
      `не ${HURT_RU} никто`,
    ].join('|') +
    ')(?![0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF])',
);
// "Ikromzoda was not injured": the one person told of was not hurt; nobody is said to have died or not.
const ZERO_WOUNDED_ONLY = /^(?:no (?:reported |seriously )?(?:wounded|injured)|(?:раненых|раненных) нет|(?:was|were) not (?:injured|wounded|hurt|harmed))$/;
const ZERO_KILLED_ONLY = /^(?:no (?:reported )?(?:dead|deaths|fatalities)|погибших нет)$/;
// "Last year alone six were killed in such incidents", «с начала года погибли…»: a toll of a past
// or whole period, background to the statement's event (SCHEMA: statistics are no event's).
const PAST_PERIOD =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:last year|past year|a year ago|previous year|last (?:week|month)'s|(?:a|one|two|three) (?:weeks?|months?) ago|на прошлой неделе|в прошлом месяце|в прошлом году|год назад|годом ранее|с начала (?:этого |текущего )?года|since the (?:start|beginning) of (?:the|this) year|this year|в этом году|в текущем году|since the (?:truce|ceasefire) (?:began|took effect|came into (?:force|effect))|с начала (?:перемирия|режима прекращения огня)|с момента (?:объявления|вступления в силу) (?:перемирия|режима прекращения огня))(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
const UNKNOWN =
  /(?<![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])(?:being clarified|being specified|уточняется|уточняются|данных о (?:пострадавших|погибших|жертвах) (?:пока )?нет|no information (?:on|about) casualties)(?![0-9A-Za-z\u00C0-\u024F\u0400-\u04FF])/;
// Any casualty word: the alternatives share their leading "no letter before" test, which is
// checked once per position instead of once per alternative (the same matches).
const NOT_AFTER_LETTER = '(?<![0-9A-Za-z\\u00C0-\\u024F\\u0400-\\u04FF])';
const ANY_CASUALTY = new RegExp(
  `${NOT_AFTER_LETTER}(?:${[KILLED, WOUNDED, VICTIMS, DISPLACED, ZERO]
    .map((r) => {
      if (!r.source.startsWith(NOT_AFTER_LETTER))
        throw new Error(`casualty pattern without its leading test: ${r.source.slice(0, 40)}`);
      return r.source.slice(NOT_AFTER_LETTER.length);
    })
    .join('|')})`,
);
const SINGULAR =
  /(?:^|[^a-zа-яё])(?:a|an|the)\s+(?:[a-z0-9-]+\s+){0,2}(?:serviceman|soldier|border guard|guard|jawan|peacekeeper|policeman|resident|villager|local|citizen|national|civilian|farmer|shepherd|driver|man|woman|child|boy|girl|person|officer|commander|teenager|\d+-year-old)(?![a-z])|(?:^|\s)(?:военнослужащий|пограничник|житель|жительница|ребенок|ребёнок|мужчина|женщина|гражданин|гражданка|водитель|солдат|боец|сержант|офицер|командир|лейтенант|чабан|пастух|подросток|мальчик|девочка)(?![а-яё])/;
const COPULA_BEFORE = /[—:]\s*$/;
const SPEAKER_AFTER = /^\s+(?:said|says|told|reported|stated|added|сообщил[а-яё]*|заявил[а-яё]*|рассказал[а-яё]*)(?![a-zа-яё])/;
const PLURAL_VICTIMS_AFTER =
  /^\s+(?:[a-zа-яё-]+\s+)?(?:people|persons|villagers|civilians|residents|soldiers|servicemen|border guards|children|жители|жителей|люди|людей|мирные|мирных|военнослужащие|военнослужащих|пограничники|пограничников)(?![a-zа-яё])/;
const CHUNK_BREAK = /,(?=\s)|;|:|\s(?=(?:and|и|while|whereas|another|еще|ещё|а также|also)\s)|—/g;

/**
 * A casualty word of another category later in the sentence: "left 2 dead and 11 people, 6 of
 * them guards, wounded" — the count after "and" is that word's, not the earlier one's.
 */
function otherCategoryAfter(s: string, at: number, cat: 'k' | 'w' | 'v' | 'd'): boolean {
  const rest = s.slice(at);
  return (
    (cat !== 'k' && KILLED.test(rest)) ||
    (cat !== 'w' && WOUNDED.test(rest)) ||
    (cat !== 'v' && VICTIMS.test(rest)) ||
    (cat !== 'd' && DISPLACED.test(rest))
  );
}

/**
 * A casualty word with a count in [start, end) ("24 people were killed"): the figures imply a
 * violent event even where the text names none ("the death toll rose to 62").
 */
// "the number of injured in the invasion rose to 185": a count after its word may come later.
const NEAR_COUNT_BEFORE = 50;
const NEAR_COUNT_AFTER = 90;

export function casualtyTrigger(
  text: string,
  start: number,
  end: number,
  numbers: readonly NumberMention[],
): Match | null {
  // Lower-case patterns on the lower-cased text: case-insensitive regexes are several times slower.
  const s = lower(text).slice(start, end);
  if (!ANY_CASUALTY.test(s)) return null;
  // Evacuations with no attack told stand for the episode as well (SCHEMA: totals tied to no event).
  let m = KILLED.exec(s) ?? WOUNDED.exec(s) ?? VICTIMS.exec(s);
  if (!m) {
    m = DISPLACED.exec(s);
    if (m && RETURNED.test(s)) return null;
  }
  if (!m || ZERO.test(s)) return null;
  // The count is told near its word ("24 people were killed", "the toll rose to 62"): "the two
  // ministers stressed that the conflict caused deaths" counts ministers, not the dead.
  const at = start + m.index;
  const near = (n: NumberMention) =>
    n.start >= start && n.end <= end && n.value !== null && n.value > 0 && n.end >= at - NEAR_COUNT_BEFORE && n.start <= at + m[0].length + NEAR_COUNT_AFTER && !VAGUE_COUNT.test(s.slice(n.start - start, n.end - start));
  if (!numbers.some(near)) return null;
  return {
    start: start + m.index,
    end: start + m.index + m[0].length,
    text: text.slice(start + m.index, start + m.index + m[0].length),
  };
}

/** Casualty figures stated in one sentence [start, end) of `text`. */
export function sentenceCasualties(
  text: string,
  start: number,
  end: number,
  numbers: readonly NumberMention[],
  masked: ReadonlyArray<{ start: number; end: number }>,
): CasualtyFigures | null {
  const low = lower(text);
  const s = low.slice(start, end);
  if (!ANY_CASUALTY.test(s) || PAST_PERIOD.test(s) || EARLIER_REPORT.test(s)) return null;
  const res: CasualtyFigures = {
    killed: null,
    wounded: null,
    displaced: null,
    zero: false,
    total: false,
    evidence: [],
  };
  let victims: number | null = null;
  let killedOfThem: number | null = null;
  // The injured count read before "M of them died", if any.
  let woundedBeforeDead: number | null = null;
  let pending = 0;
  let lead: NumberMention | null = null;
  let killedTotal = false;
  let woundedTotal = false;
  let any = false;
  let victimsTotal = false;
  // The category and chunk end of the last count read, for a count coordinated after it.
  let last: { cat: 'k' | 'w' | 'v' | 'd'; end: number } | null = null;
  // "The number of victims …, … has reached 31": the word and the figure in different chunks.
  let carried: {
    kw: RegExpExecArray | null;
    ww: RegExpExecArray | null;
    vw: RegExpExecArray | null;
    dw: RegExpExecArray | null;
  } | null = null;
  const bounds: number[] = [0];
  CHUNK_BREAK.lastIndex = 0;
  for (let m = CHUNK_BREAK.exec(s); m !== null; m = CHUNK_BREAK.exec(s)) {
    const at = m.index + (m[0].length > 0 ? 1 : 0);
    // "two hundred and five": no break inside a number.
    if (!numbers.some((n) => n.start < start + at && start + at < n.end)) bounds.push(at);
  }
  bounds.push(s.length);
  for (let i = 0; i + 1 < bounds.length; i++) {
    const cs = bounds[i] ?? 0;
    const ce = bounds[i + 1] ?? s.length;
    const chunk = s.slice(cs, ce);
    const nums = numbers.filter(
      (n) =>
        n.start >= start + cs &&
        n.end <= start + ce &&
        !masked.some((m) => n.start < m.end && m.start < n.end),
    );
    let kw = KILLED.exec(chunk) ?? null;
    let ww = WOUNDED.exec(chunk) ?? null;
    // "two wounded men died": an adjective before a person noun is not the count's category.
    if (
      ww &&
      kw &&
      /^\s+(?:men|people|persons|soldiers|servicemen|civilians|мужчин|человек)/i.test(
        chunk.slice(ww.index + ww[0].length),
      )
    )
      ww = null;
    let vw = VICTIMS.exec(chunk) ?? null;
    let dw = DISPLACED.exec(chunk) ?? null;
    const person0 = nums.filter((n) => headCount(low, n));
    // «Общее число погибших — 59 человек», "The death toll: 59": a dash or colon joins a total's
    // word to its figure as a verb would.
    if (!kw && !ww && !vw && !dw && carried && person0.length && (TOTAL.test(chunk) || COPULA_BEFORE.test(s.slice(Math.max(0, cs - 2), cs)))) {
      ({ kw, ww, vw, dw } = carried);
      carried = null;
    } else if ((kw || ww || vw || dw) && person0.length === 0 && TOTAL.test(chunk)) {
      carried = { kw, ww, vw, dw };
    }
    if (SKIP.test(chunk) && !(OF_THEM.test(chunk) && kw)) {
      pending = 0;
      continue;
    }
    if (ZERO.test(chunk) || EARLIER.test(chunk)) {
      pending = 0;
      continue;
    }
    const person = nums.filter((n) => headCount(low, n));
    let num = person[0];
    // "a Kyrgyz serviceman was wounded", «ранен военнослужащий»: one person.
    // Not the one person who speaks ("the commander said…"), nor where the casualty word names its
    // victims in the plural ("…had wounded villagers"): no count is told.
    const word = kw ?? ww ?? vw;
    let one = num ? null : SINGULAR.exec(chunk);
    if (one && (SPEAKER_AFTER.test(chunk.slice(one.index + one[0].length)) || (word && PLURAL_VICTIMS_AFTER.test(chunk.slice(word.index + word[0].length))))) one = null;
    const single: NumberMention | undefined = one
      ? {
          start: start + cs + one.index,
          end: start + cs + one.index + one[0].length,
          text: text.slice(start + cs + one.index, start + cs + one.index + one[0].length),
          value: 1,
          approx: false,
        }
      : undefined;
    if (!num && (kw || ww || vw)) num = single;
    if (!kw && !ww && !vw && !dw) {
      // «ранены двое пограничников и трое мирных жителей», "killed two soldiers and three
      // civilians": a head count joined by "and" right after a counted casualty adds to it.
      if (
        num &&
        num.value !== null &&
        last &&
        last.end === cs &&
        /^(?:and|и)\s/.test(chunk) &&
        PERSON_AFTER.test(low.slice(num.end, num.end + 30)) &&
        !otherCategoryAfter(s, ce, last.cat)
      ) {
        const add = num.value;
        if (last.cat === 'k' && res.killed !== null) res.killed += add;
        else if (last.cat === 'w' && res.wounded !== null) res.wounded += add;
        else if (last.cat === 'v' && victims !== null) victims += add;
        else if (last.cat === 'd' && res.displaced !== null) res.displaced += add;
        res.evidence.push({ start: num.start, end: num.end, text: num.text });
        last = { cat: last.cat, end: ce };
        continue;
      }
      // A count without a casualty word may be the first part of a coordinated subject.
      if (num && num.value !== null && /^\s*(?:and|и)\s/i.test(s.slice(ce, ce + 5))) pending += num.value;
      else pending = 0;
      // "about 800 people, mostly women and children, have been evacuated": the subject's count
      // before an apposition, for the casualty word after it; "Kh. Khozhiev, a 27-year-old border
      // guard, was killed": the one person an apposition names.
      // "11 people, 6 border guards and 5 residents, wounded": smaller counts after the lead's are
      // its parts, told in apposition; the lead's count stays the subject's.
      if (num && PERSON_AFTER.test(low.slice(num.end, num.end + 30))) {
        if (!(lead && lead.value !== null && num.value !== null && num.value < lead.value)) lead = num;
      }
      else if (!num && single) lead = single;
      continue;
    }
    // "17 border guards and civilians were wounded": the subject's count read before the casualty
    // word is already in `pending` when it was coordinated; it is not added a second time.
    // "The Tajik soldier fired and killed villagers": a subject before a casualty word that names
    // its victims after it is the one who acted, not their count.
    if (!num && lead && word && PLURAL_VICTIMS_AFTER.test(chunk.slice(word.index + word[0].length))) lead = null;
    const fromLead = !num && lead !== null;
    if (!num && lead) num = lead;
    lead = null;
    if (!num) {
      pending = 0;
      continue;
    }
    // "dozens wounded", «десятки раненых»: an unknown count, as "several" (the codebook value
    // numbers.ts gives it is for quantities of things, not a toll).
    const value = num.value === null || VAGUE_COUNT.test(low.slice(num.start, num.end)) ? null : fromLead && pending > 0 ? pending : num.value + pending;
    pending = 0;
    const total = TOTAL.test(chunk);
    const ev = { start: num.start, end: num.end, text: num.text };
    // The casualty word nearest to the number decides what it counts.
    const cands: Array<[RegExpExecArray | null, 'k' | 'w' | 'v' | 'd']> = [
      [kw, 'k'],
      [ww, 'w'],
      [vw, 'v'],
      [dw, 'd'],
    ];
    let best: 'k' | 'w' | 'v' | 'd' | null = null;
    let bestDist = Infinity;
    for (const [m, k] of cands) {
      if (!m) continue;
      const pos = start + cs + m.index;
      const d = Math.abs(pos - num.start);
      if (d < bestDist) {
        bestDist = d;
        best = k;
      }
    }
    any = true;
    res.evidence.push(ev);
    last = best ? { cat: best, end: ce } : null;
    if (best === 'k') {
      if (OF_THEM.test(chunk)) {
        killedOfThem = value;
        woundedBeforeDead = res.wounded;
      }
      if (res.killed === null || (total && !killedTotal)) res.killed = value;
      killedTotal ||= total;
    } else if (best === 'w') {
      if (res.wounded === null || (total && !woundedTotal)) res.wounded = value;
      woundedTotal ||= total;
    } else if (best === 'v') {
      if (victims === null) victims = value;
      victimsTotal ||= total;
    } else if (best === 'd') {
      if (!RETURNED.test(chunk) && res.displaced === null) res.displaced = value;
    }
  }
  // Only a word of totals ("has reached", «всего») makes the figures a running total; a count of
  // victims in hospital ("28 victims are in the regional hospital") is a part of it.
  const totalWord = killedTotal || woundedTotal || victimsTotal;
  // "Four civilians were injured, two of whom died": the dead were counted among the injured.
  if (victims === null && killedOfThem !== null && woundedBeforeDead !== null && res.wounded === woundedBeforeDead && killedOfThem <= woundedBeforeDead)
    res.wounded = woundedBeforeDead - killedOfThem;
  if (victims !== null) {
    // "N victims, M of them died": the injured are N − M; "N victims, M killed": N injured.
    // Figures that contradict each other ("26 victims, 31 of them died") give no injured count
    // rather than a negative one: a count is never below zero.
    const w = killedOfThem !== null ? (killedOfThem <= victims ? victims - killedOfThem : null) : victims;
    if (res.wounded === null || !woundedTotal) res.wounded = w;
    woundedTotal = true;
  }
  res.total = totalWord;
  res.victims = victims;
  // A sentence that opens with "of them" and counts no victims of its own takes its dead from
  // the victims counted in the sentence before.
  if (victims === null && res.killed !== null && OF_THEM_OPENER.test(s)) res.killedOfPrior = true;
  const zero = ZERO.exec(s);
  if (zero && !UNKNOWN.test(s)) {
    // "no wounded on our side", «погибших нет»: a zero for the one count it names; the other
    // stays unknown. "No casualties / losses / one hurt" is both (SCHEMA: "no losses" = 0/0).
    if (ZERO_WOUNDED_ONLY.test(zero[0])) res.wounded ??= 0;
    else if (ZERO_KILLED_ONLY.test(zero[0])) res.killed ??= 0;
    else res.zero = true;
    res.evidence.push({
      start: start + zero.index,
      end: start + zero.index + zero[0].length,
      text: text.slice(start + zero.index, start + zero.index + zero[0].length),
    });
    any = true;
  }
  return any ? res : null;
}
