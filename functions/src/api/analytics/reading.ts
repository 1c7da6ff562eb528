import type { Context } from 'hono'
import { dayOf } from '../../domain/calendar'
import { Invalid, NotFound } from '../../domain/errors'
import {
  lastPeriods,
  covering,
  type Interval,
  type PeriodRange,
} from '../../domain/analytics/periods'
import * as counters from '../../store/counters'
import * as keys from '../../store/keys'
import * as locations from '../../store/locations'
import * as providers from '../../store/providers'
import * as surveys from '../../store/surveys'
import type { AppEnv } from '../env'
import type { AnalyticsFilters } from './schemas'

/** Default windows when no dates are given: a quarter of weeks, a year of months. */
const defaultCount: Record<Interval, number> = { week: 13, month: 12 }

/**
 * Which counters a request reads: the practice from the session, never the request; the survey,
 * location or provider only when they are this practice's (else 404, as for any other route).
 */
export async function counterSource(c: Context<AppEnv>, filters: AnalyticsFilters) {
  const { practice } = c.var.auth
  const { db } = c.var
  if (filters.location && filters.provider) {
    // Counters are kept per location and per provider, not per pair of them.
    throw new Invalid('Choose a location or a provider, not both.', 'provider')
  }
  const [survey, location, provider] = await Promise.all([
    filters.surveyId ? surveys.get(db, practice.id, filters.surveyId) : true,
    filters.location ? locations.get(db, practice.id, filters.location) : true,
    filters.provider ? providers.get(db, practice.id, filters.provider) : true,
  ])
  if (!survey) throw new NotFound('survey', filters.surveyId)
  if (!location) throw new NotFound('location', filters.location)
  if (!provider) throw new NotFound('provider', filters.provider)
  const scope = keys.counterScope(filters)
  return { practiceId: practice.id, surveyId: filters.surveyId ?? ('*' as const), scope }
}

/**
 * The longest range one request may cover: three years of weeks is some 160 counter items per
 * Query, still one fast read; anything longer is a report for the counter-rebuild CLI.
 */
export const maxRangeDays = 3 * 366

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000

/** The whole weeks or months covering the request's days (default: the latest ones). */
export function rangeOf(
  c: Context<AppEnv>,
  filters: AnalyticsFilters,
  interval: Interval,
): PeriodRange {
  const today = dayOf(new Date(), c.var.auth.practice.timeZone)
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new Invalid('The first day must not be after the last.', 'from')
  }
  if (filters.from && dayNumber(filters.to ?? today) - dayNumber(filters.from) >= maxRangeDays) {
    throw new Invalid('Choose at most three years at a time.', 'from')
  }
  if (!filters.from) {
    const latest = lastPeriods(filters.to ?? today, interval, defaultCount[interval])
    return latest
  }
  return covering(filters.from, filters.to ?? today, interval)
}

/**
 * The counter rows of the given ranges, read in ONE Query from the oldest period to the newest and
 * keyed by period start (ranges must be contiguous or overlap, as a range and its previous are).
 */
export async function readPeriods(
  c: Context<AppEnv>,
  source: Awaited<ReturnType<typeof counterSource>>,
  interval: Interval,
  first: string,
  last: string,
): Promise<Map<string, Record<string, number>>> {
  const rows = await counters.readRange(c.var.db, source.practiceId, {
    surveyId: source.surveyId,
    period: interval === 'week' ? 'W' : 'M',
    scope: source.scope,
    first,
    last,
  })
  return new Map(rows.map((row) => [row.start, row.values]))
}

/** The rows of the periods of `range`, in order (missing periods had no responses). */
export const rowsOf = (rows: Map<string, Record<string, number>>, range: PeriodRange) =>
  range.periods.map((period) => rows.get(period) ?? {})
