import { z } from 'zod'
import { Id } from '../../domain/practice'
import { SentimentLabel, SurveyResponse } from '../../domain/survey-records'
import { Slug } from '../../domain/surveys'

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')

/** Which responses to read (the list and the CSV export); every filter is optional. */
export const ResponseFilters = z.object({
  surveyId: Id.optional(),
  /** First day, in the practice's time zone (default: 90 days before `to`). */
  from: Day.optional(),
  /** Last day, included (default: today). */
  to: Day.optional(),
  location: Id.optional(),
  provider: Id.optional(),
  /** Only responses that rated this touch point. */
  touchpoint: Slug.optional(),
  /** With `touchpoint`: only those that rated it low (1-3, below the dashboard's top box). */
  touchpointRating: z.enum(['low']).optional(),
  /** Likelihood-to-recommend (0-10) at least / at most. */
  minScore: z.coerce.number().int().min(0).max(10).optional(),
  maxScore: z.coerce.number().int().min(0).max(10).optional(),
  /** Only responses whose comment touches this theme (an id from `GET /api/themes`). */
  theme: Slug.optional(),
  /** Only responses whose comment reads so. */
  sentiment: SentimentLabel.optional(),
})

export const ResponseListQuery = ResponseFilters.extend({
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

/** A response as the list shows it. */
export const ResponseItem = SurveyResponse.extend({
  /** The likelihood-to-recommend answer, when the survey asked it. */
  score: z.number().int().optional(),
})

/** A page of `GET /api/responses`. */
export const ResponsePage = z.object({
  total: z.number().int(),
  items: z.array(ResponseItem),
  nextCursor: z.string().nullable(),
})
