/**
 * Statement-level rules on the clause pass's drafts, before mentions are merged: what another
 * event of the statement already tells is no event of its own (SCHEMA: damage from fire is part
 * of the fire event; an allegation is one "with no more specific event").
 */
import { VIOLENT, type Draft } from './draft.ts';
import { isDamageWord } from './events.ts';

/**
 * "accused the Tajik side of violating the agreements", «обвинила Таджикистан в нарушении
 * перемирия»: one side's charge, told as such, not blame shared ("accused each other").
 */
const ACCUSED_OF = /(?:accus[a-z]*|обвин[а-яё]*) (?!(?:each other|one another|друг друга|другую|другого) )(?:[0-9a-zа-яё-]+ ){0,4}(?:of|в) $/;

/** `low` is the statement's lower-cased text, which the drafts' offsets point into. */
export function dropSubsumed(drafts: readonly Draft[], low = ''): Draft[] {
  // Damage told beside a fire or strike is that event's damage, not an event of its own (SCHEMA).
  const violent = drafts.some((d) => VIOLENT.has(d.type));
  const agreementTold = drafts.some((d) => d.type === 'ceasefire_agreement');
  return drafts.filter((d) => {
    // Damage with nobody told doing it is a damage tally ("78 houses destroyed"), not an act.
    if (d.type === 'property_destruction') return !(isDamageWord(d.trigger) && (violent || d.actor === null));
    if (d.type !== 'violation_allegation') return true;
    // A charge one side makes of the breach, with no attack told in its sentence, is that side's
    // claim of its own ("Right after that the border service accused the Tajik side of violating
    // the agreements"), whatever the statement tells elsewhere.
    if (
      ACCUSED_OF.test(low.slice(Math.max(0, d.trigger.start - 60), d.trigger.start)) &&
      !drafts.some((o) => VIOLENT.has(o.type) && o.clause.sentence === d.clause.sentence)
    )
      return true;
    // An allegation is one "with no more specific event" (SCHEMA): a specific event told in its
    // paragraph or the next is what it announces; in its paragraph or the one before, what it sums up.
    // An agreement told between the two ("agreed to a ceasefire. But … violated it again") makes
    // the breach an event of its own (SCHEMA: agreed, then broken, is two events).
    const p = d.clause.paragraph;
    const at = d.trigger.start;
    const agreedBetween = (from: number): boolean => drafts.some((a) => a.type === 'ceasefire_agreement' && a.trigger.start > from && a.trigger.start < at);
    // With no agreement told anywhere, the agreement is only the yardstick: every allegation
    // of the statement names the specific events it tells, however far apart ("Pakistan
    // violated the ceasefire … firing mortars … the violation stopped around 13:00").
    const nearby = (o: Draft): boolean =>
      !agreementTold ||
      (o.trigger.start > at ? o.clause.paragraph <= p + 1 : o.clause.paragraph >= p - 1 && !agreedBetween(o.trigger.start));
    // A side does not charge itself: an accused read as the reporter's own side ("India summons
    // the envoy over the violation") is a misread actor, no other side's charge.
    const actor = d.actor !== null && d.actor === d.reporter.side ? null : d.actor;
    return !drafts.some(
      (o) =>
        o.type !== 'ceasefire_agreement' &&
        o.type !== 'violation_allegation' &&
        o.type !== 'property_destruction' &&
        // The other side's charge against this one is a claim of its own.
        (o.actor === actor || o.actor === null || actor === null) &&
        nearby(o),
    );
  });
}
