import { z } from 'zod'
import { Id } from '../../domain/practice'
import { Composite, Slug } from '../../domain/surveys'

/**
 * The analytics contract. Figures are never rounded (the UI rounds); each carries `n` and `enough`
 * (false below the practice's minimum number of answers, when the UI says "not enough responses
 * yet"). Shares are fractions 0..1; NPS figures are in NPS points, -100..100.
 */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')

export const AnalyticsFilters = z.object({
  /** One survey; all surveys together when left out. */
  surveyId: Id.optional(),
  /** First day (practice time); read as the whole week or month that contains it. */
  from: Day.optional(),
  /** Last day, included; read as the whole week or month that contains it. */
  to: Day.optional(),
  location: Id.optional(),
  provider: Id.optional(),
})
export type AnalyticsFilters = z.infer<typeof AnalyticsFilters>

const Interval95 = z.tuple([z.number(), z.number()]).meta({
  description: '95% interval [low, high] in the figure’s own unit',
})

const Figure = { n: z.number().int(), enough: z.boolean() }

export const Direction = z.enum(['up', 'down', 'flat'])
const Change = z.object({
  /** Current − previous, in the figure's unit; null when either side has no answers. */
  delta: z.number().nullable(),
  /** Beyond chance at 95%, with enough answers on both sides. */
  significant: z.boolean(),
  direction: Direction,
  previous: z.object({ n: z.number().int(), value: z.number().nullable(), enough: z.boolean() }),
})

export const NpsFigure = z.object({
  ...Figure,
  /** % promoters − % detractors; null when nobody answered. */
  score: z.number().nullable(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
  /** 1.96·√((p+d−(p−d)²)/n), in NPS points; null when nobody answered. */
  marginOfError: z.number().nullable(),
  interval: Interval95.nullable(),
  change: Change,
})

export const TouchpointFigure = z.object({
  touchpoint: Slug,
  ...Figure,
  mean: z.number().nullable(),
  topBox: z.number().nullable(),
  topBoxInterval: Interval95,
  /**
   * How many ratings were below the top box (1-3): the patients "Needs attention" sends staff to
   * read, as `GET /api/responses?touchpoint=…&touchpointRating=low` lists them.
   */
  lowCount: z.number().int(),
  change: Change,
})

const ProportionFigure = z.object({
  ...Figure,
  k: z.number().int(),
  share: z.number().nullable(),
  interval: Interval95,
})

export const CompositeFigure = z.object({
  composite: Composite,
  ...Figure,
  score: z.number().nullable(),
  items: z.array(ProportionFigure.extend({ questionId: Slug })),
})

export const PeriodRange = z.object({
  interval: z.enum(['week', 'month']),
  /** The first and last day actually covered (whole weeks or months). */
  from: Day,
  to: Day,
  periods: z.array(z.string()),
})

export const Summary = z
  .object({
    range: PeriodRange,
    /** The range of the same length just before, that `change` compares with. */
    previousRange: PeriodRange,
    minimum: z.number().int(),
    responses: z.number().int(),
    nps: NpsFigure,
    touchpoints: z.array(TouchpointFigure),
    composites: z.array(CompositeFigure),
    providerRating: ProportionFigure,
    comments: z.object({
      n: z.number().int(),
      positive: z.number().int(),
      neutral: z.number().int(),
      negative: z.number().int(),
      themes: z.array(z.object({ theme: Slug, n: z.number().int(), negative: z.number().int() })),
    }),
    /** Where invitations were sent: invited and responded; null until invitations exist. */
    responseRate: z
      .object({ invited: z.number().int(), responded: z.number().int(), rate: z.number() })
      .nullable(),
    /** Touch points whose top-box share fell beyond chance, the steepest fall first. */
    needsAttention: z.array(Slug),
  })
  .meta({ id: 'AnalyticsSummary' })

export const trendMetrics = [
  'responses',
  'nps',
  'touchpoint',
  'composite',
  'provider-rating',
] as const

export const TrendQuery = AnalyticsFilters.extend({
  metric: z.enum(trendMetrics).default('nps'),
  /** With `metric=touchpoint`: which one. */
  touchpoint: Slug.optional(),
  /** With `metric=composite`: which one. */
  composite: Composite.optional(),
  interval: z.enum(['week', 'month']).default('week'),
})

export const TrendPoint = z.object({
  /** The period's start: `2026-11-16` or `2026-11`. */
  period: z.string(),
  ...Figure,
  /** NPS points, a share 0..1, or a count (responses); null when nobody answered. */
  value: z.number().nullable(),
  interval: Interval95.nullable(),
})

export const Trend = z
  .object({
    metric: z.enum(trendMetrics),
    range: PeriodRange,
    minimum: z.number().int(),
    points: z.array(TrendPoint),
  })
  .meta({ id: 'AnalyticsTrend' })

export const HeatmapQuery = AnalyticsFilters.extend({
  interval: z.enum(['week', 'month']).default('month'),
})

export const Heatmap = z
  .object({
    range: PeriodRange,
    minimum: z.number().int(),
    /** Journey order. */
    touchpoints: z.array(
      z.object({
        touchpoint: Slug,
        cells: z.array(
          z.object({
            period: z.string(),
            ...Figure,
            mean: z.number().nullable(),
            topBox: z.number().nullable(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'AnalyticsHeatmap' })

export const ThemeQuotes = z
  .object({
    range: PeriodRange,
    themes: z.array(
      z.object({
        theme: Slug,
        touchpoint: Slug,
        n: z.number().int(),
        negative: z.number().int(),
        quotes: z.array(
          z.object({
            responseId: Id,
            submittedAt: z.iso.datetime(),
            text: z.string(),
            sentiment: z.enum(['positive', 'neutral', 'negative']),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'AnalyticsThemes' })
