import { sentimentLabels, type ResponseFilters, type SentimentLabel } from '$lib/api-responses'

/**
 * The Responses page keeps its filters in the address (`?location=…&score=detractors`), so a
 * filtered view can be bookmarked, shared and reloaded. Dates left at their default (the last 90
 * days) stay out of the address: such a link always means "the last 90 days".
 */

export const scoreBands = ['all', 'promoters', 'passives', 'detractors'] as const
export type ScoreBand = (typeof scoreBands)[number]

export const scoreBandLabels: Record<ScoreBand, string> = {
  all: 'All',
  promoters: 'Promoters (9–10)',
  passives: 'Passives (7–8)',
  detractors: 'Detractors (0–6)',
}

const scoreRanges: Record<ScoreBand, { minScore?: number; maxScore?: number }> = {
  all: {},
  promoters: { minScore: 9, maxScore: 10 },
  passives: { minScore: 7, maxScore: 8 },
  detractors: { minScore: 0, maxScore: 6 },
}

/** What a comment's sentiment is called on the page, as a filter choice and as a badge. */
export const sentimentNames: Record<SentimentLabel, string> = {
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
}

export interface FilterState {
  from: string
  to: string
  surveyId: string
  location: string
  provider: string
  touchpoint: string
  /** 'low': only responses that rated `touchpoint` 1-3 (the dashboard's "unhappy" answers). */
  touchpointRating: '' | 'low'
  score: ScoreBand
  /** A theme id, or '' for any. */
  theme: string
  sentiment: SentimentLabel | ''
}

/** How many days the page shows when no dates are chosen (today included). */
export const defaultDays = 90

/** The calendar day `days` before `day` (both YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d) - days * 86400_000).toISOString().slice(0, 10)
}

export function defaults(today: string): FilterState {
  return {
    from: daysBefore(today, defaultDays - 1),
    to: today,
    surveyId: '',
    location: '',
    provider: '',
    touchpoint: '',
    touchpointRating: '',
    score: 'all',
    theme: '',
    sentiment: '',
  }
}

const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))

const param = (params: URLSearchParams, name: string) => params.get(name)?.trim() ?? ''

/**
 * The band that `minScore`/`maxScore` in an address stand for, as other pages link them (the
 * dashboard's "needs attention" list asks for `maxScore=6`): only ranges that are exactly a band.
 */
function bandOfRange(params: URLSearchParams): ScoreBand | undefined {
  const min = params.get('minScore') ?? ''
  const max = params.get('maxScore') ?? ''
  if (!min && !max) return undefined
  const minScore = min ? Number(min) : 0
  const maxScore = max ? Number(max) : 10
  return scoreBands.find(
    (band) =>
      band !== 'all' &&
      scoreRanges[band].minScore === minScore &&
      scoreRanges[band].maxScore === maxScore,
  )
}

/** The filters the address asks for; anything missing or malformed takes its default. */
export function readFilters(params: URLSearchParams, today: string): FilterState {
  const base = defaults(today)
  const to = params.get('to')
  const from = params.get('from')
  const score = params.get('score')
  const sentiment = params.get('sentiment')
  const state: FilterState = {
    to: isDay(to) ? to : base.to,
    from: base.from,
    surveyId: param(params, 'survey'),
    location: param(params, 'location'),
    provider: param(params, 'provider'),
    touchpoint: param(params, 'touchpoint'),
    touchpointRating: param(params, 'rating') === 'low' && param(params, 'touchpoint') ? 'low' : '',
    score: scoreBands.includes(score as ScoreBand)
      ? (score as ScoreBand)
      : (bandOfRange(params) ?? 'all'),
    theme: param(params, 'theme'),
    sentiment: sentimentLabels.includes(sentiment as SentimentLabel)
      ? (sentiment as SentimentLabel)
      : '',
  }
  // With only `to` given, the 90 days end there.
  state.from = isDay(from) ? from : daysBefore(state.to, defaultDays - 1)
  return state
}

/** The address query for the filters, leaving out every default. */
export function filterParams(state: FilterState, today: string): URLSearchParams {
  const base = defaults(today)
  const params = new URLSearchParams()
  const datesAreDefault = state.from === base.from && state.to === base.to
  if (!datesAreDefault) {
    params.set('from', state.from)
    params.set('to', state.to)
  }
  if (state.surveyId) params.set('survey', state.surveyId)
  if (state.location) params.set('location', state.location)
  if (state.provider) params.set('provider', state.provider)
  if (state.touchpoint) params.set('touchpoint', state.touchpoint)
  if (state.touchpoint && state.touchpointRating) params.set('rating', state.touchpointRating)
  if (state.score !== 'all') params.set('score', state.score)
  if (state.theme) params.set('theme', state.theme)
  if (state.sentiment) params.set('sentiment', state.sentiment)
  return params
}

/** The filters as the API takes them. */
export function apiFilters(state: FilterState): ResponseFilters {
  return {
    from: state.from,
    to: state.to,
    surveyId: state.surveyId || undefined,
    location: state.location || undefined,
    provider: state.provider || undefined,
    touchpoint: state.touchpoint || undefined,
    touchpointRating: (state.touchpoint && state.touchpointRating) || undefined,
    theme: state.theme || undefined,
    sentiment: state.sentiment || undefined,
    ...scoreRanges[state.score],
  }
}

/** True when any filter other than the default dates narrows the list. */
export function isNarrowed(state: FilterState, today: string): boolean {
  return filterParams(state, today).size > 0
}

/** What one respondent in each band is called. */
export const bandNames: Record<Exclude<ScoreBand, 'all'>, string> = {
  promoters: 'Promoter',
  passives: 'Passive',
  detractors: 'Detractor',
}

/** Which band a likelihood-to-recommend score falls in. */
export function bandOf(score: number): Exclude<ScoreBand, 'all'> {
  if (score >= 9) return 'promoters'
  if (score >= 7) return 'passives'
  return 'detractors'
}
