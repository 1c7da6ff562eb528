import { z } from 'zod'
import { Id, Language, ReviewLink } from '../../domain/practice'
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
export { Submission } from '../../domain/submission'

/** The answer to a submission, stored now or earlier (a replay). */
export const Receipt = z.object({ id: Id, submittedAt: z.iso.datetime() })
