import { z } from 'zod'
import { Id, Language, ReviewLink } from '../../domain/practice'
import { Localized, Question } from '../../domain/surveys'

/** What a patient's phone needs to show the survey: no patient's id, nothing about other patients. */
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
    /**
     * The choices of a "Who did you see today?" question (clinicians' names, as on the door).
     * Absent when the survey asks no such question.
     */
    providers: z.array(z.object({ id: Id, name: z.string(), title: z.string() })).optional(),
  })
  .meta({ id: 'PublicSurvey' })

/** `POST /api/public/surveys/{id}/responses`: one patient's answers. */
export { Submission } from '../../domain/submission'

/** The answer to a submission, stored now or earlier (a replay). */
export const Receipt = z.object({ id: Id, submittedAt: z.iso.datetime() })
