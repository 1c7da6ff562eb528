import { z } from 'zod'
import { Id, Language } from './practice'
import { plainString } from './plain-text'

/**
 * A patient's filled-in survey, as the hosted survey page sends it to
 * `POST /api/public/surveys/{id}/responses`. In domain because both the API's contract and the
 * ingest use case read it.
 *
 * @example
 * const submission = Submission.parse(await request.json())
 */
/** An answer as a patient's phone sends it; text is cleaned of control and bidi characters. */
const SubmittedAnswer = z.union([z.number(), z.boolean(), plainString(), z.array(plainString())])

export const Submission = z.object({
  /** Made by the patient's device once per filled-in survey; a retry sends the same one. */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, 'Expected 8-100 letters, digits, - or _'),
  language: Language,
  answers: z.record(z.string().max(40), SubmittedAnswer),
  location: Id.optional(),
  provider: Id.optional(),
  /**
   * The version the patient answered (the page sends the one it loaded). Answers kept on a phone
   * through a republish are checked against, and counted for, the version they were given to.
   * Absent: the live version.
   */
  version: z.number().int().positive().optional(),
})
export type Submission = z.infer<typeof Submission>
