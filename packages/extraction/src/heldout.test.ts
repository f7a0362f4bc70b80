/**
 * Statements written for this test, in press-release style but with wording, places and
 * agencies the corpus does not use: the engine must generalise, not remember.
 */
import { describe, expect, it } from 'vitest';
import { HELD_OUT } from './__fixtures__/heldout.ts';
import { extract } from './engine.ts';
import { getProfile } from './profiles/index.ts';

describe('held-out statements', () => {
  for (const h of HELD_OUT) {
    it(`${h.statement.id}: ${h.statement.text.slice(0, 60)}…`, () => {
      const r = extract(h.statement);
      if (h.profile) expect(r.profile).toBe(getProfile(h.profile)?.id);
      expect(r.is_violation_report).toBe(h.violation);
      expect(r.events.length).toBe(h.events.length);
      for (const exp of h.events) {
        const e = r.events.find((x) => x.type === exp.type && (!exp.location || x.locations.includes(exp.location)));
        expect(e, JSON.stringify(exp)).toBeDefined();
        const { location: _l, ...fields } = exp;
        expect(e).toMatchObject(fields);
      }
    });
  }
});
