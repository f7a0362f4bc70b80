import { z } from 'zod';

/** Largest statement text accepted, in characters (press releases are a few KB). */
export const MAX_TEXT_CHARS = 200_000;

/**
 * A statement as a source submits it (HTTP body, JSON line, feed item). Only `text` is required;
 * the rest is filled in by normalisation.
 */
export const StatementSubmission = z
  .object({
    /** The submitter's own id for the statement; kept as its origin reference. */
    // Kept in `sources` (jsonb, which holds no NUL) and shown to operators: no control characters.
    id: z.string().trim().min(1).max(200).regex(/^[^\u0000-\u001f\u007f]*$/, 'no control characters').optional(),
    text: z.string().max(MAX_TEXT_CHARS, `at most ${MAX_TEXT_CHARS} characters`),
    /** ISO date or date-time; without an offset it is read in the issuing agency's zone. */
    published_at: z.string().trim().max(64).optional().nullable(),
    language: z
      .string()
      .trim()
      .regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?$/, 'an ISO 639 language code such as en or ru')
      .optional()
      .nullable(),
    source_agency: z.string().trim().max(500).optional().nullable(),
    url: z
      .url({ protocol: /^https?$/, error: 'an http(s) URL' })
      .regex(/^[^\u0000-\u0020\u007f]*$/, 'an http(s) URL without spaces or control characters')
      .max(2000)
      .optional()
      .nullable(),
  })
  .strip();
export type StatementSubmission = z.infer<typeof StatementSubmission>;

/** `path: problem` lines for a rejected submission. */
export function submissionProblems(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(body)'}: ${i.message}`);
}
