import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { themes as themeLexicon } from '../../../../workshops'
import { previous } from '../../domain/analytics/periods'
import { comments, summarize } from '../../domain/analytics/summary'
import { Invalid } from '../../domain/errors'
import {
  compositeScores,
  mergeCounters,
  nps,
  providerRating,
  touchpointHistogram,
  touchpointScore,
  withPrefix,
} from '../../domain/metrics'
import type { Change, Figure } from '../../domain/metrics'
import * as journeys from '../../store/journeys'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { themeQuotes } from './quotes'
import { counterSource, rangeOf, readPeriods, rowsOf } from './reading'
import {
  AnalyticsFilters,
  Heatmap,
  HeatmapQuery,
  Summary,
  ThemeQuotes,
  Trend,
  TrendQuery,
} from './schemas'

const read = [requireSession(), requireAbility('practice:read')]

const getSummary = createRoute({
  method: 'get',
  path: '/analytics/summary',
  tags: ['Analytics'],
  summary: 'Headline figures for a range of weeks, each against the range before it',
  description:
    'Read from the counters written with each response (one Query), never from the responses: the cost does not grow with their number.',
  security: sessionSecurity,
  middleware: read,
  request: { query: AnalyticsFilters },
  responses: { 200: jsonResponse(Summary, 'The summary'), ...problemResponses(400, 401, 403, 404) },
})

const getTrend = createRoute({
  method: 'get',
  path: '/analytics/trend',
  tags: ['Analytics'],
  summary: 'One metric per week or month, each point with its n and 95% interval',
  security: sessionSecurity,
  middleware: read,
  request: { query: TrendQuery },
  responses: { 200: jsonResponse(Trend, 'The trend'), ...problemResponses(400, 401, 403, 404) },
})

const getHeatmap = createRoute({
  method: 'get',
  path: '/analytics/heatmap',
  tags: ['Analytics'],
  summary: 'Touch point × period: top-box share and mean of each cell',
  security: sessionSecurity,
  middleware: read,
  request: { query: HeatmapQuery },
  responses: {
    200: jsonResponse(Heatmap, 'The heat map'),
    ...problemResponses(400, 401, 403, 404),
  },
})

const getThemes = createRoute({
  method: 'get',
  path: '/analytics/themes',
  tags: ['Analytics'],
  summary: 'Themes of the comments, with how many were negative and a few recent quotes',
  security: sessionSecurity,
  middleware: read,
  request: { query: AnalyticsFilters },
  responses: {
    200: jsonResponse(ThemeQuotes, 'The themes'),
    ...problemResponses(400, 401, 403, 404),
  },
})

/** The previous side of a change, as the API shows it. */
function changeView<T extends Figure>(change: Change<T>, value: (figure: T) => number | null) {
  return {
    delta: change.delta,
    significant: change.significant,
    direction: change.direction,
    previous: {
      n: change.previous.n,
      value: value(change.previous),
      enough: change.previous.enough,
    },
  }
}

const npsInterval = (score: number | null, margin: number | null): [number, number] | null =>
  score === null || margin === null
    ? null
    : [Math.max(-100, score - margin), Math.min(100, score + margin)]

export const analyticsApi = new OpenAPIHono<AppEnv>()
  .openapi(getSummary, async (c) => {
    const filters = c.req.valid('query')
    const { practice } = c.var.auth
    const source = await counterSource(c, filters)
    const range = rangeOf(c, filters, 'week')
    const before = previous(range)
    const [rows, journey] = await Promise.all([
      readPeriods(c, source, 'week', before.periods[0] ?? range.from, range.periods.at(-1) ?? ''),
      journeys.get(c.var.db, practice.id, practice.specialty),
    ])
    const options = {
      minimum: practice.minimumResponses,
      touchpoints: journey.touchpoints.map((t) => t.id),
    }
    const summary = summarize(
      mergeCounters(rowsOf(rows, range)),
      mergeCounters(rowsOf(rows, before)),
      options,
    )
    const { margin, change, ...npsFigure } = summary.nps
    return c.json(
      {
        range,
        previousRange: before,
        minimum: practice.minimumResponses,
        responses: summary.responses,
        nps: {
          ...npsFigure,
          marginOfError: margin,
          interval: npsInterval(npsFigure.score, margin),
          change: changeView(change, (figure) => figure.score),
        },
        touchpoints: summary.touchpoints.map(({ change, topBoxCount, ...score }) => ({
          ...score,
          lowCount: score.n - topBoxCount,
          change: changeView(change, (figure) => figure.topBox),
        })),
        composites: summary.composites,
        providerRating: summary.providerRating,
        comments: summary.comments,
        responseRate: null,
        needsAttention: summary.needsAttention,
      },
      200,
    )
  })
  .openapi(getTrend, async (c) => {
    const { metric, touchpoint, composite, interval, ...filters } = c.req.valid('query')
    const { practice } = c.var.auth
    if (metric === 'touchpoint' && !touchpoint) {
      throw new Invalid('Name the touch point to follow.', 'touchpoint')
    }
    if (metric === 'composite' && !composite) {
      throw new Invalid('Name the composite to follow.', 'composite')
    }
    const source = await counterSource(c, filters)
    const range = rangeOf(c, filters, interval)
    const rows = await readPeriods(
      c,
      source,
      interval,
      range.periods[0] ?? '',
      range.periods.at(-1) ?? '',
    )
    const options = { minimum: practice.minimumResponses }
    const points = range.periods.map((period) => {
      const values = rows.get(period) ?? {}
      switch (metric) {
        case 'responses': {
          const n = values.responses ?? 0
          return { period, n, enough: n > 0, value: n, interval: null }
        }
        case 'nps': {
          const figure = nps(withPrefix(values, 'nps.v.'), options)
          return {
            period,
            n: figure.n,
            enough: figure.enough,
            value: figure.score,
            interval: npsInterval(figure.score, figure.margin),
          }
        }
        case 'touchpoint': {
          const score = touchpointScore(
            touchpoint!,
            touchpointHistogram(values, touchpoint!),
            options,
          )
          return {
            period,
            n: score.n,
            enough: score.enough,
            value: score.topBox,
            interval: score.n ? score.topBoxInterval : null,
          }
        }
        case 'composite': {
          const found = compositeScores(values, options).find((x) => x.composite === composite)
          return {
            period,
            n: found?.n ?? 0,
            enough: found?.enough ?? false,
            value: found?.score ?? null,
            // A mean of item shares has no single binomial interval: the items carry theirs.
            interval: null,
          }
        }
        case 'provider-rating': {
          const rating = providerRating(values, options)
          return {
            period,
            n: rating.n,
            enough: rating.enough,
            value: rating.share,
            interval: rating.n ? rating.interval : null,
          }
        }
      }
    })
    return c.json({ metric, range, minimum: practice.minimumResponses, points }, 200)
  })
  .openapi(getHeatmap, async (c) => {
    const { interval, ...filters } = c.req.valid('query')
    const { practice } = c.var.auth
    const source = await counterSource(c, filters)
    const range = rangeOf(c, filters, interval)
    const [rows, journey] = await Promise.all([
      readPeriods(c, source, interval, range.periods[0] ?? '', range.periods.at(-1) ?? ''),
      journeys.get(c.var.db, practice.id, practice.specialty),
    ])
    const options = { minimum: practice.minimumResponses }
    const touchpoints = journey.touchpoints.map(({ id }) => ({
      touchpoint: id,
      cells: range.periods.map((period) => {
        const score = touchpointScore(id, touchpointHistogram(rows.get(period) ?? {}, id), options)
        return { period, n: score.n, enough: score.enough, mean: score.mean, topBox: score.topBox }
      }),
    }))
    return c.json({ range, minimum: practice.minimumResponses, touchpoints }, 200)
  })
  .openapi(getThemes, async (c) => {
    const filters = c.req.valid('query')
    const source = await counterSource(c, filters)
    const range = rangeOf(c, filters, 'week')
    const rows = await readPeriods(
      c,
      source,
      'week',
      range.periods[0] ?? '',
      range.periods.at(-1) ?? '',
    )
    const { themes } = comments(mergeCounters(rowsOf(rows, range)))
    const quotes = await themeQuotes(
      c,
      filters,
      range,
      themes.map((t) => t.theme),
    )
    return c.json(
      {
        range,
        themes: themes.map((theme) => ({
          ...theme,
          touchpoint: themeLexicon.find((t) => t.id === theme.theme)?.touchpoint ?? 'visit',
          quotes: quotes.get(theme.theme) ?? [],
        })),
      },
      200,
    )
  })
