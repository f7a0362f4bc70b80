/**
 * Events the statement asserts without a trigger verb of its own (a cause noun: "victims of the
 * shelling"). A stage of the engine (see ../engine.ts).
 */
import type { Draft } from '../draft.ts';
import { BURN_CAUSE, BURN_WORD, DAMAGE_CAUSE, isDamageWord } from '../events.ts';
import type { Match } from '../text/patterns.ts';
import { agreementDraft } from './agreement-frames.ts';
import { attackDrafts, CAUSE_BEFORE, newDraft, VIOLATION_STATISTICS } from './attack-frames.ts';
import { activeIn, type ClauseView } from './clause.ts';
import type { Scan } from './scan.ts';

const AGREEMENT_NOUN = /(?:agreement|protocol|ceasefire|cease-fire|truce|accord|договор[её]нност|протокол|перемири|прекращени[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* огня|режим[0-9A-Za-z\u00C0-\u024F\u0400-\u04FF]* прекращения)/;
const INVASION_NOUN = /^(?:вторжени|invasion|incursion)/;

function causeNoun(s: Scan, m: Match): boolean {
  return INVASION_NOUN.test(s.low.slice(m.start, m.end)) && CAUSE_BEFORE.test(s.low.slice(Math.max(0, m.start - 30), m.start));
}

/** The events a clause tells when nothing negates it. */
export function assertedDrafts(s: Scan, c: ClauseView, created: Draft[]): void {
  const { clause } = c;
  const inside = s.insideClause;
  const trig = s.trig;
  const incursions = activeIn(c, inside.inside(trig.incursion, clause)).filter((m) => !causeNoun(s, m));
  const buildups = activeIn(c, inside.inside(trig.buildup, clause));
  attackDrafts(s, c, incursions.length, buildups, created);
  const incursion = incursions[0];
  if (incursion) {
    const d = newDraft(s, c, 'incursion', incursion, 'strong', false);
    d.civilians = null;
    created.push(d);
  }
  const buildup = buildups[0];
  if (buildup) {
    const d = newDraft(s, c, 'military_buildup', buildup, 'strong', false);
    d.civilians = null;
    created.push(d);
  }
  const destructions = activeIn(c, inside.inside(trig.destruction, clause));
  // Arson, looting, demolition are acts of their own; damage words are so only when no cause is
  // told in the clause (the statement-level check drops them beside a fire event).
  // "houses were burned down after rockets hit them", "torched due to shelling": the shells' fire.
  const shellFire = destructions.length > 0 && BURN_CAUSE.test(s.low.slice(clause.start, clause.end));
  const destruction =
    destructions.find((m) => !isDamageWord(m) && !(shellFire && BURN_WORD.test(m.text))) ?? (shellFire || DAMAGE_CAUSE.test(s.low.slice(clause.start, clause.end)) ? undefined : destructions[0]);
  if (destruction) {
    const d = newDraft(s, c, 'property_destruction', destruction, 'strong', false);
    d.civilians = true;
    created.push(d);
  }
  const agreement = agreementDraft(s, c);
  if (agreement) created.push(agreement);
  // Allegations: a claim that an agreement was broken, with no specific event in the clause.
  // "to prevent possible violations of the ceasefire": a modal allegation alleges nothing.
  const alleg = activeIn(c, inside.inside(trig.allegation, clause))[0];
  const clauseLow = alleg ? s.low.slice(clause.start, clause.end) : '';
  if (alleg && created.every((d) => d.type === 'ceasefire_agreement') && AGREEMENT_NOUN.test(clauseLow) && !VIOLATION_STATISTICS.test(clauseLow)) {
    const d = newDraft(s, c, 'violation_allegation', alleg, 'strong', false);
    d.civilians = null;
    d.places = [];
    // An allegation takes a day only from its own clause: a date, or a time word that places it
    // in the narrative's day ("Right after that…", "Towards evening the service reported…"); not
    // the day it was said ("said today").
    const reportPart = c.cDates.find((x) => x.role === 'report' && x.kind === 'part' && x.part !== null);
    if (!c.cDates.some((x) => x.role === 'event' || (x.role === 'report' && (x.kind === 'part' || x.kind === 'anaphor' || x.kind === 'same_day')))) {
      d.date = null;
      d.part = null;
      d.clock = null;
    } else if (reportPart && !d.part && !d.clock) {
      d.part = reportPart.part;
      d.dateEvidence.push(reportPart);
    }
    created.push(d);
  }
}
