import type { AnalyticsFilters, Interval } from '$lib/api-analytics'

/**
 * The dashboard keeps its filters in the address (`?period=26w&survey=…&place=L:…`), so a view can
 * be bookmarked, shared in a meeting invitation and reloaded.
 */
export const periods = {
  '13w': { label: 'Last 13 weeks', weeks: 13 },
  '26w': { label: 'Last 26 weeks', weeks: 26 },
  '52w': { label: 'Last 52 weeks', weeks: 52 },
} as const
/** A preset, or `custom`: the days in `from` and `to`. */
export type PeriodChoice = keyof typeof periods | 'custom'

export interface DashboardState {
  period: PeriodChoice
  /** With `period: 'custom'`: the first and last day (YYYY-MM-DD), both included. */
  from: string
  to: string
  surveyId: string
  /** `L:<location id>` or `V:<provider id>`: counters exist per location or per provider. */
  place: string
  /** How the trend groups responses. */
  interval: Interval
}

const isDay = (value: string | null): value is string =>
  value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))

export function readState(params: URLSearchParams): DashboardState {
  const period = params.get('period')
  const interval = params.get('interval')
  const from = params.get('from')
  const to = params.get('to')
  // Days in the address mean a range of one's own, whatever `period` says.
  const custom = isDay(from) && isDay(to) && from <= to
  return {
    period: custom ? 'custom' : period && period in periods ? (period as PeriodChoice) : '13w',
    from: custom ? from : '',
    to: custom ? to : '',
    surveyId: params.get('survey') ?? '',
    place: params.get('place') ?? '',
    interval: interval === 'month' ? 'month' : 'week',
  }
}

export function stateParams(state: DashboardState): URLSearchParams {
  const params = new URLSearchParams()
  if (state.period === 'custom') {
    params.set('from', state.from)
    params.set('to', state.to)
  } else if (state.period !== '13w') params.set('period', state.period)
  if (state.surveyId) params.set('survey', state.surveyId)
  if (state.place) params.set('place', state.place)
  if (state.interval !== 'week') params.set('interval', state.interval)
  return params
}

const dayMs = 86_400_000

/** The API's filters for a state: `weeks` whole weeks ending with the one holding `today`. */
export function apiFilters(state: DashboardState, today: string): AnalyticsFilters {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number]
  const weeks = state.period === 'custom' ? 0 : periods[state.period].weeks
  const from = new Date(Date.UTC(y, m - 1, d) - (weeks * 7 - 1) * dayMs)
  return {
    from: state.period === 'custom' ? state.from : from.toISOString().slice(0, 10),
    to: state.period === 'custom' ? state.to : today,
    surveyId: state.surveyId || undefined,
    location: state.place.startsWith('L:') ? state.place.slice(2) : undefined,
    provider: state.place.startsWith('V:') ? state.place.slice(2) : undefined,
  }
}
