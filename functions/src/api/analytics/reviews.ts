import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { Interval } from '../../domain/analytics/periods'
import { NotFound } from '../../domain/errors'
import { mergeCounters } from '../../domain/metrics'
import { reviewScope } from '../../domain/reviews/counters'
import { reviewFigures, reviewText } from '../../domain/reviews/figures'
import * as locations from '../../store/locations'
import * as reviewCounters from '../../store/review-counters'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { rangeOf } from './reading'
import { ReviewAnalytics, ReviewAnalyticsQuery } from './review-schemas'

const getReviewFigures = createRoute({
  method: 'get',
  path: '/analytics/reviews',
  tags: ['Analytics'],
  summary: 'Review-site figures: mean stars with its 95% interval, per source, location and period',
  description:
    'Read from the review counters only: one Query per scope (the filter, each source, each location) over the range, so the cost does not grow with the number of reviews. Facebook recommendations count in `count` but not in `average` or `stars`.',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:read')],
  request: { query: ReviewAnalyticsQuery },
  responses: {
    200: jsonResponse(ReviewAnalytics, 'The review figures'),
    ...problemResponses(400, 401, 403, 404),
  },
})

const periodCode = (interval: Interval) => (interval === 'week' ? 'W' : 'M')

export const reviewAnalyticsApi = new OpenAPIHono<AppEnv>().openapi(getReviewFigures, async (c) => {
  const { interval, location, source, ...days } = c.req.valid('query')
  const { practice } = c.var.auth
  const { db } = c.var
  const range = rangeOf(c, days, interval)
  const [practiceLocations, sources] = await Promise.all([
    locations.list(db, practice.id),
    source ? [source] : reviewCounters.sourcesCounted(db, practice.id, location),
  ])
  // A location of another practice is as unknown as one that never existed.
  if (location && !practiceLocations.some((l) => l.id === location)) {
    throw new NotFound('location', location)
  }
  const options = { minimum: practice.minimumResponses }
  const first = range.periods[0] ?? ''
  const last = range.periods.at(-1) ?? ''
  const read = async (scope: ReturnType<typeof reviewScope>) =>
    reviewCounters.readRange(db, practice.id, { period: periodCode(interval), scope, first, last })
  const part = (rows: reviewCounters.ReviewCounterRow[]) => {
    const { count, rated, average, enough } = reviewFigures(
      mergeCounters(rows.map((row) => row.values)),
      options,
    )
    return { count, rated, average, enough }
  }
  const locationIds = location ? [location] : practiceLocations.map((l) => l.id)
  const [rows, perSource, perLocation] = await Promise.all([
    read(reviewScope({ source, locationId: location })),
    Promise.all(
      sources.map(async (s) => ({
        source: s,
        ...part(await read(reviewScope({ source: s, locationId: location }))),
      })),
    ),
    Promise.all(
      locationIds.map(async (l) => ({
        locationId: l,
        ...part(await read(reviewScope({ source, locationId: l }))),
      })),
    ),
  ])
  const merged = mergeCounters(rows.map((row) => row.values))
  const figures = reviewFigures(merged, options)
  const { themes, ...sentiment } = reviewText(merged)
  const byPeriod = new Map(rows.map((row) => [row.start, row]))
  return c.json(
    {
      range,
      minimum: practice.minimumResponses,
      ...figures,
      bySource: perSource.filter((s) => s.count > 0),
      byLocation: perLocation.filter((l) => l.count > 0),
      trend: range.periods.map((period) => {
        const row = byPeriod.get(period)
        return { period, ...part(row ? [row] : []) }
      }),
      sentiment,
      themes,
    },
    200,
  )
})
