import { z } from 'zod'
import { Id } from '../../domain/practice'
import { ReviewSource } from '../../domain/reviews/review'
import { Slug } from '../../domain/surveys'
import { PeriodRange } from './schemas'

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')

export const ReviewAnalyticsQuery = z.object({
  /** First day (practice time); read as the whole week or month that contains it. */
  from: Day.optional(),
  /** Last day, included; read as the whole week or month that contains it. */
  to: Day.optional(),
  location: Id.optional(),
  source: ReviewSource.optional(),
  /** The trend's steps, and the periods the range is rounded to. */
  interval: z.enum(['week', 'month']).default('week'),
})
export type ReviewAnalyticsQuery = z.infer<typeof ReviewAnalyticsQuery>

const Interval95 = z.tuple([z.number(), z.number()]).meta({
  description: '95% interval [low, high] of the mean stars (mean ± 1.96·s/√n, within 1..5)',
})

/** Count and mean stars of a part (a source, a location, a period). */
const Part = {
  /** Every review, recommendations included. */
  count: z.number().int(),
  /** Reviews with stars, which the average rests on. */
  rated: z.number().int(),
  /** Mean stars (1-5) of the rated reviews; null when none has stars. */
  average: z.number().nullable(),
  enough: z.boolean(),
}

export const ReviewAnalytics = z
  .object({
    range: PeriodRange,
    /** The practice's minimum number of ratings before a figure is "enough". */
    minimum: z.number().int(),
    ...Part,
    /** Null below two ratings. */
    averageInterval: Interval95.nullable(),
    stars: z.object({
      1: z.number().int(),
      2: z.number().int(),
      3: z.number().int(),
      4: z.number().int(),
      5: z.number().int(),
    }),
    /** Facebook recommendations: in `count`, never in `average` or `stars`. */
    recommendations: z.object({ positive: z.number().int(), negative: z.number().int() }),
    bySource: z.array(z.object({ source: ReviewSource, ...Part })),
    byLocation: z.array(z.object({ locationId: Id, ...Part })),
    trend: z.array(z.object({ period: z.string(), ...Part })),
    sentiment: z.object({
      /** Reviews whose text was read. */
      n: z.number().int(),
      positive: z.number().int(),
      neutral: z.number().int(),
      negative: z.number().int(),
    }),
    /** The themes of the reviews' text, most mentioned first. */
    themes: z.array(
      z.object({
        theme: Slug,
        n: z.number().int(),
        negative: z.number().int(),
        negativeShare: z.number(),
      }),
    ),
  })
  .meta({ id: 'ReviewAnalytics' })
