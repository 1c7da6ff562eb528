import { z } from 'zod'
import type { Answers } from './answers'
import { Id, Language } from './practice'
import { plainString } from './plain-text'
import type { SurveyDefinition } from './surveys'

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

/**
 * The provider a response counts for: the one its link named, else the one the patient chose in
 * a "Who did you see today?" question. The link wins because staff chose it for that visit.
 *
 * @example
 * providerOf(definition, { provider: undefined, answers: { seen: '01JDQ6…' } }) // '01JDQ6…'
 */
export function providerOf(
  definition: Pick<SurveyDefinition, 'questions'>,
  submission: Pick<Submission, 'provider'>,
  answers: Answers,
): string | undefined {
  if (submission.provider) return submission.provider
  const question = definition.questions.find((q) => q.type === 'provider')
  const answer = question && answers[question.id]
  return typeof answer === 'string' ? answer : undefined
}
