import { z } from 'zod'
import { Id, Language, ReviewLink } from '../../domain/practice'
import { AnswerValue } from '../../domain/survey-records'
import { Localized, Question } from '../../domain/surveys'

/** What a patient's phone needs to show the survey: no ids of people, nothing about other patients. */
export const PublicSurvey = z
  .object({
    id: Id,
    version: z.number().int().positive(),
    languages: z.array(Language),
    title: Localized,
    intro: Localized.optional(),
    thankYou: Localized.optional(),
    practice: z.object({ name: z.string(), reviewLinks: z.array(ReviewLink) }),
    questions: z.array(Question),
  })
  .meta({ id: 'PublicSurvey' })

/** `POST /api/public/surveys/{id}/responses`: one patient's answers. */
export const Submission = z.object({
  /** Made by the patient's device once per filled-in survey; a retry sends the same one. */
  idempotencyKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,100}$/, 'Expected 8-100 letters, digits, - or _'),
  language: Language,
  answers: z.record(z.string().max(40), AnswerValue),
  location: Id.optional(),
  provider: Id.optional(),
  /**
   * The version the patient answered (the page sends the one it loaded). Answers kept on a phone
   * through a republish are checked against, and counted for, the version they were given to.
   * Absent: the live version.
   */
  version: z.number().int().positive().optional(),
})

/** The answer to a submission, stored now or earlier (a replay). */
export const Receipt = z.object({ id: Id, submittedAt: z.iso.datetime() })
