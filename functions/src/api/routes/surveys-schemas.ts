import { z } from 'zod'
import { Id } from '../../domain/practice'
import { Survey } from '../../domain/survey-records'
import { Slug } from '../../domain/surveys'

/** A survey as the API shows it: with the link patients open. */
export const SurveyView = Survey.extend({
  /** The patient link (`PUBLIC_URL` or the request's origin); add `?location=&provider=`. */
  publicUrl: z.url(),
}).meta({ id: 'Survey' })

/** A survey in the list, with how many responses it has had (read from its counters). */
export const SurveyListItem = SurveyView.extend({ responses: z.number().int().min(0) })

/** `POST /api/surveys`: start a draft from a template. */
export const NewSurvey = z.object({ templateId: Slug })

/** The answer to publishing: the new version and where patients answer it. */
export const Published = z.object({
  version: z.number().int().positive(),
  /** The link patients open; add `?location=<id>&provider=<id>` to record where they were seen. */
  publicUrl: z.url(),
})

/** `GET /api/surveys/{id}/qr`: the image format, and where the link says the patient was seen. */
export const QrQuery = z.object({
  format: z.enum(['svg', 'png']).default('svg'),
  location: Id.optional(),
  provider: Id.optional(),
})
