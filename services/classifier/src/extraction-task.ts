// One chunk of a batch's extraction: what the classifier runs inline or posts to a worker thread.
import { extract, getProfile, type ExtractionResult, type StatementInput } from '@ceasefire/extraction';

/** One statement's extraction, or why the engine failed on it (a defect for that input). */
export type Extracted = { ok: true; result: ExtractionResult } | { ok: false; message: string };

/** A chunk of a batch, as posted to a worker thread. */
export interface ExtractionTask {
  statements: StatementInput[];
  /** EXTRACTION_PROFILE; unset: the engine picks a profile per statement. */
  profileId: string | undefined;
}

/** Runs the engine on each statement; a throw is caught per statement, so one bad input fails alone. */
export function extractAll(task: ExtractionTask): Extracted[] {
  const profile = task.profileId ? getProfile(task.profileId) : undefined;
  return task.statements.map((s) => {
    try {
      return { ok: true, result: extract(s, profile) };
    } catch (e) {
      return { ok: false, message: (e as Error).message };
    }
  });
}
