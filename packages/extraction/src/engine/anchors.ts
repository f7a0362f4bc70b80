/**
 * A trigger's time (its clause's date and clock, or the narrative's) and its actor. A stage of the
 * engine (see ../engine.ts).
 */
import { type PartyMention, selfReported } from '../attribution.ts';
import { addDays, type ClockMention, type DateMention, DAY_AFTER_WORDS, type PartOfDay } from '../dates.ts';
import type { Match } from '../text/patterns.ts';
import { matchesIn } from './clause-step.ts';
import type { ClauseView } from './clause.ts';
import { nearest, type Scan } from './scan.ts';

export const ONGOING =
  /(?:продолжа|continu|ongoing|keeps? [a-z]+ing|still|currently|at the moment|(?:is|are) (?:being )?(?:shell|fir|attack)|примен(?:яет|яют)|вед[её]т(?:ся)?|ведут(?:ся)?|идут|обстреливают|на данный момент|в настоящее время|по-прежнему)/g;
const REPORTED_THAT =
  /(?:said|says|reported|reports|stated|states|claimed|claims|announced|informed|noted|added|wrote|stressed|charged|alleged|insisted|told [a-z0-9.]+)(?: (?:on|in|at|last|this|earlier) [a-z]+)?(?: that|,)?(?= )|(?:заявля[а-яё]*|заявил[а-яё]*|сообща[а-яё]*|сообщил[а-яё]*|отмеча[а-яё]*|отметил[а-яё]*|утвержда[а-яё]*|информиру[а-яё]*|подчеркнул[а-яё]*|пояснил[а-яё]*|рассказал[а-яё]*|написал[а-яё]*|настаива[а-яё]*),? (?:что|о том,? что)/g;

interface TimePick {
  carried: boolean;
  date: string | null;
  month: string | null;
  part: PartOfDay | null;
  clock: ClockMention | null;
  dateEvidence: Match[];
}
const DAY_BEFORE = /^(?:накануне|the previous day|the day before|a day earlier)$/i;
const NIGHT_BEFORE = /^(?:the previous night|the night before)$/i;
const EARLIER_START = /^(?:earlier|previously|ранее|прежде)(?![a-zа-яё])/i;
// "Clashes broke out this week", «на прошлой неделе»: a week, no day; the narrative's day does not carry.
// "Over the past month", "in recent weeks", «в последние дни», «за последний месяц»: a period, no day either.
const WEEK_SPAN = /(?<![a-zа-яё])(?:(?:earlier|later) this week|this week|last week|past week|на (?:этой|прошлой) неделе|на минувшей неделе|(?:over|in|during) the (?:past|last) (?:few |several |two |three )?(?:weeks?|months?)|in recent (?:days|weeks|months)|recent weeks|за (?:последн|прошедш|минувш)[а-яё]+ (?:месяц|недел[а-яё]*|несколько (?:дней|недель|месяцев))|в последние (?:дни|недели|месяцы))(?![a-zа-яё])/;

/** A relative or temporal clause opened between a trigger and a day told after it, not one of taking effect. */
const SUBORDINATE_BEFORE_DATE =
  /(?:\b(?:that|which|who|after|since|when)\s|(?:^|[^а-яё])(?:котор[а-яё]*|после того|когда|с тех пор)\s)(?![^]*(?:effect|force|вступ|действ))/;

const OF_TRIGGER_ITSELF = /^[^\s,]+(?:\s[^\s,]+)?,?\s(?:that|which|котор[а-яё]*)\s/;

/** The time of a trigger at `pos`: the nearest date, part of day and clock of its clause. */
export function resolveTime(s: Scan, c: ClauseView, pos: number, agreement: boolean): TimePick {
  const usable: DateMention[] = [];
  const parts: DateMention[] = [];
  for (const d of c.cDates) {
    // An agreement may be dated by the day it was reported reached ("The army said on Wednesday
    // that a cease-fire has taken effect").
    if (d.kind !== 'part' && (d.role === 'event' || (agreement && (d.role === 'reference' || d.role === 'report')))) usable.push(d);
    if (d.kind === 'part' && d.role === 'event') parts.push(d);
  }
  const eventClocks: ClockMention[] = [];
  for (const k of c.cClocks) if (k.role === 'event') eventClocks.push(k);
  let dm: DateMention | null = nearest(usable, pos);
  // "fortifying the positions they took after they breached the border on May 12", "to halt the
  // conflict that reignited on December 7": a day told after the trigger inside a clause of its
  // own dates that clause's act; "a ceasefire that takes effect on 21 May" still dates it.
  // "the armed conflict that resumed on 9 September": a clause right after a noun trigger tells of
  // the trigger itself.
  if (dm && dm.start > pos) {
    const between = s.low.slice(pos, dm.start);
    if (SUBORDINATE_BEFORE_DATE.test(between) && !OF_TRIGGER_ITSELF.test(between)) dm = null;
  }
  const partM = nearest(parts, pos);
  let clock = nearest(eventClocks, pos);
  let date: string | null = null;
  let carried = false;
  let month: string | null = null;
  let part: PartOfDay | null = dm?.part ?? partM?.part ?? null;
  const evidence: Match[] = [];
  if (dm) {
    evidence.push(dm);
    if (dm.kind === 'same_day' || dm.kind === 'anaphor') date = s.lastEventDate ?? s.ctx?.date ?? null;
    else if (dm.kind === 'month') month = dm.month;
    else if (dm.kind === 'relative' && DAY_AFTER_WORDS.test(dm.text.toLowerCase())) {
      // "Fighting broke out on 29 April; a day later the sides agreed…": the day after the
      // narrative's day, when one was told (up to publication).
      let told = s.lastEventDate ?? s.ctx?.date ?? null;
      for (const x of c.cDates) if (x.start < dm.start && x.date && x.role === 'event') told = x.date;
      const next = told ? addDays(told, 1) : null;
      date = next && (!s.pub.date || next <= s.pub.date) ? next : null;
    } else if (dm.kind === 'relative' && NIGHT_BEFORE.test(dm.text)) {
      // "On 6 August … The previous night …": the night that ended on the narrative's day.
      const told = s.ctx?.date ?? null;
      date = told && s.pub.date && told < s.pub.date ? told : dm.date;
    } else if (dm.kind === 'relative' && DAY_BEFORE.test(dm.text)) {
      // «16 сентября … Накануне …», "On 9 May … The day before …": the day before the narrative's
      // day, when the narrative told one before publication.
      const told = s.ctx?.date ?? null;
      date = told && s.pub.date && told < s.pub.date ? addDays(told, -1) : dm.date;
    } else date = dm.date;
  } else if (clock || partM) {
    date = s.lastEventDate ?? s.ctx?.date ?? null;
    // "On 14 September the Security Committee said that at 09:30 Tajik troops opened fire": a
    // clock time told in a report is of the report's day.
    const at = clock?.start ?? -1;
    const report = c.cDates.find((x) => x.role === 'report' && x.date && x.kind !== 'part' && x.start < at);
    if (report) {
      date = report.date;
      evidence.push(report);
    }
    // "Yesterday at 18:15 … fire was exchanged. At night the sides agreed…": a night told after
    // the narrative's day is the night that follows it, dated by the day it ends (SCHEMA), up to
    // the day of publication; unless the narrative's day was itself told as a night.
    if (date && !clock && partM?.part === 'night' && s.pub.date && date < s.pub.date && !s.drafts.some((d) => d.date === date && d.part === 'night')) date = addDays(date, 1);
    // A bare clock time in a statement with no other date: the day of publication, when
    // that time had already come (the issuer's local clock), or when only the day is known.
    if (!date && clock && s.pubLocalMin !== null && s.offsetMin !== null) {
      const local = clock.hh * 60 + clock.mm + (clock.offset_min === null ? 0 : s.offsetMin - clock.offset_min);
      if (local >= 0 && local <= s.pubLocalMin) date = s.pub.date;
    } else if (!date && clock && s.pub.instant === null) date = s.pub.date;
  } else if (s.status && matchesIn(ONGOING, s.low, c.clause)) {
    // Going on now: the status line's day and time.
    date = s.status.date;
    clock = s.status.clock;
  } else if (s.ctx && !EARLIER_START.test(s.text.slice(c.sentence.start, c.sentence.start + 12)) && !WEEK_SPAN.test(s.low.slice(c.clause.start, c.clause.end))) {
    // A date told earlier carries to later events of the narrative (a dateline, "Tension rose
    // on 9 May.¶Tajik servicemen fired…") until another date is given; not to a sentence that
    // tells what happened before it ("Earlier, …", «Ранее …»).
    date = s.ctx.date;
    carried = true;
  }
  if (partM) evidence.push(partM);
  if (clock) evidence.push(clock);
  // A night with a clock time after noon began the day before ("night of 16 to 17, at 23:10").
  if (date && dm?.kind === 'night' && clock && clock.hh >= 12) date = addDays(date, -1);
  if (clock) part = null;
  return { carried, date, month, part, clock, dateEvidence: evidence };
}

/** The side acting at `pos`: an explicit actor of the clause, else the nearest actor before, else after. */
export function actorFor(s: Scan, c: ClauseView, pos: number): PartyMention | null {
  let before: PartyMention | null = null;
  let after: PartyMention | null = null;
  // "The Border Service of Kyrgyzstan said that Tajik troops…": the actor is told after the
  // reporting verb.
  let from = c.clause.start;
  if (c.cParties.some((p) => p.start < pos && p.role === 'actor')) {
    REPORTED_THAT.lastIndex = c.clause.start;
    for (let m = REPORTED_THAT.exec(s.low); m !== null && m.index + m[0].length <= pos; m = REPORTED_THAT.exec(s.low)) from = m.index + m[0].length;
  }
  for (const p of c.cParties) {
    if (p.role === 'explicit_actor') return p;
    if (p.role !== 'actor' || (p.start < from && from <= pos)) continue;
    // "…is continuing, the Tajik side said": the side that speaks of the act is not its actor.
    if (p.start > pos && s.partyFrames.includes(p)) continue;
    // «начались столкновения после того, как таджикская сторона попыталась…», "clashes broke out
    // after the Tajik side tried to…": the side of the cause told after the act is not its actor.
    // An attack as the cause ("…began after Kyrgyz units attacked the posts") still blames the clash on its side.
    if (p.start > pos && CAUSE_AFTER.test(s.low.slice(pos, p.start)) && !CAUSE_ATTACK.test(s.low.slice(p.end, p.end + 60))) continue;
    // The subject comes first: the first side named before the trigger, not the nearest
    // («пограничники … Кыргызской Республики выпустили мины в направлении заставы … Республики
    // Таджикистан и открыли огонь»).
    if (p.start < pos) before ??= p;
    else if (!after) after = p;
  }
  // "The Israeli army said it had carried out a strike": the speaking force is the actor.
  const ev = c.reporterEvidence;
  const self = !before && !after && ev ? selfReported(s.low, ev, pos) : null;
  // (A third party telling what it saw, "the EU mission said it had recorded gunfire", acted not.)
  if (self && ev && s.partyCodes.has(self)) return { start: ev.start, end: ev.end, text: ev.text, side: self, role: 'explicit_actor' };
  return before ?? after;
}
const CAUSE_AFTER = /(?<![a-zа-яё])(?:после того,? как|after)(?![a-zа-яё])/;
// A military act as the cause: an attack, fire, or taking up (firing) positions.
const CAUSE_ATTACK = /атак|обстрел|огон|огня|огнев|стрел|напал|позици|наступ|attack|fir(?:e|ed|ing)|shell|shot|position|advanc/;
