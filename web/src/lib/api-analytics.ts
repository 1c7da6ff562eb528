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
import type {
  AnalyticsFilters,
  Heatmap,
  HeatmapQuery,
  ReviewAnalytics,
  ReviewAnalyticsQuery,
  Summary,
  Themes,
  Trend,
  TrendQuery,
} from '$contract'
import { get, type RequestOptions } from './api'

// The API's own types, under the names the dashboard imports them by.
export type {
  AnalyticsFilters,
  Change,
  Composite,
  CompositeFigure,
  Direction,
  Figure,
  Heatmap,
  HeatmapCell,
  Interval,
  NpsFigure,
  PeriodRange,
  Proportion,
  ReviewAnalytics,
  ReviewAnalyticsQuery,
  Summary,
  ThemeQuote,
  Themes,
  TouchpointFigure,
  Trend,
  TrendMetric,
  TrendPoint,
} from '$contract'

function query(values: Record<string, string | undefined>): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(values)) if (value) params.set(name, value)
  const text = params.toString()
  return text ? `?${text}` : ''
}

export const summary = (filters: AnalyticsFilters, options?: RequestOptions) =>
  get<Summary>(`/api/analytics/summary${query({ ...filters })}`, options)

export const trend = (filters: TrendQuery, options?: RequestOptions) =>
  get<Trend>(`/api/analytics/trend${query({ ...filters })}`, options)

export const heatmap = (filters: HeatmapQuery, options?: RequestOptions) =>
  get<Heatmap>(`/api/analytics/heatmap${query({ ...filters })}`, options)

export const themes = (filters: AnalyticsFilters, options?: RequestOptions) =>
  get<Themes>(`/api/analytics/themes${query({ ...filters })}`, options)

/** Review-site figures (mean stars with its 95% interval, per source, location and period). */
export const reviews = (filters: ReviewAnalyticsQuery, options?: RequestOptions) =>
  get<ReviewAnalytics>(`/api/analytics/reviews${query({ ...filters })}`, options)
