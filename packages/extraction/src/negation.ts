/**
 * Cues that change what a clause asserts: negations and denials ("no violations were
 * recorded", «не соответствуют действительности»), modality (demands, calls, purposes: what
 * follows did not happen), yardstick mentions of agreements ("despite the agreement") and blame
 * about who started ("opened fire first").
 */
import type { Vocabulary } from './profile.ts';
import { byGroup, findGroups, listsOf, lower, type Match } from './text/patterns.ts';

export interface Cues {
  negation: Match[];
  modal: Match[];
  yardstick: Match[];
  blame: Match[];
}

// "No casualties were recorded" negates casualties, not the event.
// Matched on the lower-cased text: case-insensitive Unicode regexes are many times slower.
const CASUALTY_NEGATION = /(?:casualt|victim|injur|пострадавш|жертв|погибш|ранен)/;

export function findCues(text: string, v: Vocabulary): Cues {
  // One pass for the four lists; a negation wins where it overlaps another cue.
  const lists = listsOf(v, 'cues', () => [v.negation, v.blame, v.yardstick, v.modal]);
  const [neg = [], blame = [], yardstick = [], modal = []] = byGroup(findGroups(lists, text), 4);
  const low = lower(text);
  const negation = neg.filter((m) => !CASUALTY_NEGATION.test(low.slice(Math.max(0, m.start - 25), m.end)));
  return { negation, modal, yardstick, blame };
}
