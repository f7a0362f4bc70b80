/**
 * The engine on the training side of the real-statement corpus (corpus/real/*.jsonl: published
 * statements, paraphrased and labelled per corpus/SCHEMA.md), scored by the project's scorer.
 * Every file there is scored, whichever the lead has merged; each must stay at or above the
 * floors measured at 1.3.0 (a little below what the engine reaches, so that a rule that breaks
 * real statements shows). The blind side (corpus/blind/) is never read here.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { extract } from './engine.ts';
import type { StatementInput } from './types.ts';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const realDir = join(root, 'corpus/real');
const scorer = join(root, 'corpus/score.mjs');
const dir = mkdtempSync(join(tmpdir(), 'extraction-real-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Measured at 1.3.0 (event F1 / strict / violation-report F1): train-ru 0.785 / 0.375 / 0.980,
// train-en 0.762 / 0.475 / 0.952, train-other 0.690 / 0.369 / 0.974 (1.2.0: 0.748 / 0.354 / 0.953,
// 0.734 / 0.454 / 0.952, 0.601 / 0.335 / 0.949). Place work (eng-places) raised strict to 0.382 /
// 0.505 / 0.405; the strict floors follow. The floors sit 0.02 below; a file merged later is
// held to the lowest of them. train-more (issue #16 item 1, added at 1.3.1: 0.643 / 0.339 / 0.941)
// is harder than the lowest floor on purpose (half of it is Russian statements of the conflicts
// other than Kyrgyz–Tajik, which the engine had never seen), so it gets its own floor, measured
// the same way, rather than being trimmed to fit. Trigger and language-pack work (eng-triggers)
// raised event F1, time work (eng-time: datelines, page date lines, truce start times, nights,
// ranges, clock splits) raised strict; the floors follow the merged engine's figures. Attribution
// and casualties (eng-attrib) then raised strict to 0.554 / 0.581 / 0.491 / 0.420 (more).
// Types and agreements (eng-types2: clash vs fire, entry into force, background episodes) raised
// event F1 to 0.853 / 0.820 / 0.754 / 0.699 and strict (other, more) to 0.514 / 0.451.
// train-more2 (issue #16 item 1, second round: more Russian Kyrgyz–Tajik, Thai–Cambodian relays,
// evacuation and truce items) scored 0.693 / 0.392 / 0.947 when added; its floor is that less 0.02.
// Missed triggers (eng-triggers: strike, build-up, incursion and agreement word forms) raised event
// F1 to 0.875 / 0.839 / 0.768 / 0.776 / 0.739 (ru, en, other, more, more2) and strict to 0.682 /
// 0.683 / 0.633 / 0.624 / 0.443; floors at those less 0.01. The fourth round (1.5.0: spurious
// events and types, dates and accused, casualties) raised them to event F1 0.886 / 0.842 / 0.819 /
// 0.812 / 0.761 and strict 0.723 / 0.713 / 0.702 / 0.664 / 0.558; floors at those less 0.01.
// Event precision and typing (eng-events: mutual blame, lead and summary clash words, denied
// crossings, statistics, warnings, agreement as a point in time) raised ru, en, more, more2 to
// event F1 0.901 / 0.847 / 0.836 / 0.781 and strict 0.737 / 0.729 / 0.684 / 0.573; floors at those
// less 0.01. Later rounds brought them to 0.906 / 0.883 / 0.826 / 0.848 / 0.808 (strict 0.783 /
// 0.777 / 0.767 / 0.732 / 0.632); eng-round2 (event F1 on the weakest files: tolls "in the attack"
// and confirmed episodes, undated attacks with side and place, months with no year, blame and
// militants' fire, support weapons and launched grenades, counts near their word, truce start
// days, an agreement told the day after its start) to event F1 0.909 / 0.888 / 0.840 / 0.856 /
// 0.833 and strict 0.786 / 0.780 / 0.781 / 0.739 / 0.656 (ru, en, other, more, more2); floors at
// those less 0.01. eng-dates (report days, allegation and agreement days, episode totals, more
// place nouns) brought strict to 0.801 / 0.843 / 0.751 (ru, en, more) and event F1 (en, more) to
// 0.892 / 0.860; floors at those less 0.01.
// Clash recall (eng-clash: exchange, fighting and incident words, passive and
// participial crossings, build-ups and agreements, episodes split by clock, day, part of day and
// elliptic place, running totals of their own) raised ru, en, more to event F1 0.920 / 0.890 /
// 0.866 and strict 0.797 / 0.785 / 0.741, more2 strict to 0.667; floors at those less 0.01.
// eng-spurious (precision and typing: one attack with a mix of weapons, fire at
// drones and targets, background paragraphs, possibility, habits and tallies, restated attacks,
// weapons in relative clauses, the lead and its detail) raised en, other, more, more2 to event F1
// 0.911 / 0.845 / 0.881 / 0.848 and strict 0.792 / 0.786 / 0.761 / 0.670, ru to 0.917 / 0.785;
// floors at those less 0.01.
// eng-actors (session 13: attribution, reporters of relays) raised strict to
// 0.792 / 0.790 / 0.744 (ru, en, more); those strict floors follow, less 0.01.
// Session 13 (extractor 1.7.0): round six's five branches, then AUDIT-6 (31 training labels
// brought to SCHEMA.md's conventions: running totals on one armed_clash, background episodes
// dropped, exchanges as clashes) moved the figures as the labels did: train-ru 0.925 / 0.820 on the
// old labels, 0.879 / 0.738 on the audited ones (its floor is lowered with its labels, not the
// engine); train-new6 and train-new7 were scored unseen (1.6.0: 0.614 / 0.314 and 0.490 / 0.252).
// Floors at every figure less 0.01.
const FLOORS: Record<string, { events: number; strict: number; violationReport: number }> = {
  'train-ru.jsonl': { events: 0.869, strict: 0.728, violationReport: 0.976 },
  'train-en.jsonl': { events: 0.898, strict: 0.869, violationReport: 0.977 },
  'train-other.jsonl': { events: 0.835, strict: 0.764, violationReport: 0.977 },
  'train-more.jsonl': { events: 0.872, strict: 0.745, violationReport: 0.99 },
  'train-more2.jsonl': { events: 0.838, strict: 0.671, violationReport: 0.969 },
  'train-new6.jsonl': { events: 0.59, strict: 0.323, violationReport: 0.952 },
  'train-new7.jsonl': { events: 0.497, strict: 0.257, violationReport: 0.927 },
};
const LOWEST = { events: 0.67, strict: 0.35, violationReport: 0.93 };

interface Score {
  statements: number;
  violation_report: { f1: number };
  events: { f1: number };
  strict_events: { f1: number };
}

const files = readdirSync(realDir).filter((f) => f.endsWith('.jsonl'));

describe('real statements, training side', () => {
  it('has labelled files to score', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(`${file} stays at the figures reached`, { timeout: 60_000 }, () => {
      const goldPath = join(realDir, file);
      const rows = readFileSync(goldPath, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as StatementInput & { gold: unknown });
      const pred = join(dir, file);
      writeFileSync(
        pred,
        rows
          .map((row) => {
            const r = extract({ id: row.id, text: row.text, published_at: row.published_at, language: row.language, source_agency: row.source_agency });
            return JSON.stringify({ id: row.id, is_violation_report: r.is_violation_report, events: r.events });
          })
          .join('\n') + '\n',
      );
      const out = execFileSync(process.execPath, [scorer, '--gold', goldPath, '--pred', pred, '--json'], { encoding: 'utf8' });
      const s = JSON.parse(out.slice(0, out.lastIndexOf('}') + 1)) as Score;
      expect(s.statements).toBe(rows.length);
      const floor = FLOORS[file] ?? LOWEST;
      expect(s.events.f1).toBeGreaterThanOrEqual(floor.events);
      expect(s.strict_events.f1).toBeGreaterThanOrEqual(floor.strict);
      expect(s.violation_report.f1).toBeGreaterThanOrEqual(floor.violationReport);
    });
  }
});
