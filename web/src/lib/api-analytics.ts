/**
 * The typed client for analytics: the headline summary, trends, the touch point × period heat map
 * and comment themes with quotes. Every figure comes unrounded with its `n` and `enough` (false
 * below the practice's minimum number of answers): the page rounds, and says "not enough responses
 * yet" rather than showing a number that looks certain.
 *
 * @example
 * import * as analytics from '$lib/api-analytics'
 * const summary = await analytics.summary({ surveyId, from: '2026-09-01', to: '2026-11-30' })
 * summary.nps.score // 41.3 (NPS points), summary.nps.marginOfError // 7.9
 */
import { get, type RequestOptions } from './api'

export interface AnalyticsFilters {
  surveyId?: string | undefined
  from?: string | undefined
  to?: string | undefined
  location?: string | undefined
  provider?: string | undefined
}

export type Interval = 'week' | 'month'
export type Direction = 'up' | 'down' | 'flat'

export interface PeriodRange {
  interval: Interval
  /** The first and last day covered: whole weeks (Monday to Sunday) or months. */
  from: string
  to: string
  /** Period starts, oldest first: `2026-11-16` or `2026-11`. */
  periods: string[]
}

export interface Change {
  /** Current − previous (NPS points, or a share 0..1); null when either side has no answers. */
  delta: number | null
  significant: boolean
  direction: Direction
  previous: { n: number; value: number | null; enough: boolean }
}

export interface Figure {
  n: number
  enough: boolean
}

export interface NpsFigure extends Figure {
  score: number | null
  promoters: number
  passives: number
  detractors: number
  marginOfError: number | null
  interval: [number, number] | null
  change: Change
}

export interface TouchpointFigure extends Figure {
  touchpoint: string
  mean: number | null
  topBox: number | null
  topBoxInterval: [number, number]
  change: Change
}

export interface Proportion extends Figure {
  k: number
  share: number | null
  interval: [number, number]
}

export type Composite = 'access' | 'provider-communication' | 'care-coordination' | 'office-staff'

export interface CompositeFigure extends Figure {
  composite: Composite
  score: number | null
  items: (Proportion & { questionId: string })[]
}

export interface Summary {
  range: PeriodRange
  previousRange: PeriodRange
  minimum: number
  responses: number
  nps: NpsFigure
  touchpoints: TouchpointFigure[]
  composites: CompositeFigure[]
  providerRating: Proportion
  comments: {
    n: number
    positive: number
    neutral: number
    negative: number
    themes: { theme: string; n: number; negative: number }[]
  }
  responseRate: { invited: number; responded: number; rate: number } | null
  needsAttention: string[]
}

export type TrendMetric = 'responses' | 'nps' | 'touchpoint' | 'composite' | 'provider-rating'

export interface TrendPoint extends Figure {
  period: string
  value: number | null
  interval: [number, number] | null
}

export interface Trend {
  metric: TrendMetric
  range: PeriodRange
  minimum: number
  points: TrendPoint[]
}

export interface HeatmapCell extends Figure {
  period: string
  mean: number | null
  topBox: number | null
}

export interface Heatmap {
  range: PeriodRange
  minimum: number
  touchpoints: { touchpoint: string; cells: HeatmapCell[] }[]
}

export interface ThemeQuote {
  responseId: string
  submittedAt: string
  text: string
  sentiment: 'positive' | 'neutral' | 'negative'
}

export interface Themes {
  range: PeriodRange
  themes: {
    theme: string
    touchpoint: string
    n: number
    negative: number
    quotes: ThemeQuote[]
  }[]
}

function query(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

export const summary = (filters: AnalyticsFilters, options?: RequestOptions) =>
  get<Summary>(`/api/analytics/summary${query({ ...filters })}`, options)

export const trend = (
  filters: AnalyticsFilters & {
    metric: TrendMetric
    interval: Interval
    touchpoint?: string
    composite?: Composite
  },
  options?: RequestOptions,
) => get<Trend>(`/api/analytics/trend${query({ ...filters })}`, options)

export const heatmap = (
  filters: AnalyticsFilters & { interval: Interval },
  options?: RequestOptions,
) => get<Heatmap>(`/api/analytics/heatmap${query({ ...filters })}`, options)

export const themes = (filters: AnalyticsFilters, options?: RequestOptions) =>
  get<Themes>(`/api/analytics/themes${query({ ...filters })}`, options)
