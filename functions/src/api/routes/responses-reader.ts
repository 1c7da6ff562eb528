import type { Context } from 'hono'
import type { z } from 'zod'
import { dayOf } from '../../domain/calendar'
import { Invalid } from '../../domain/errors'
import { ratedLow } from '../../domain/metrics/touchpoints'
import { dayRange, monthsBetween } from '../../domain/periods'
import type { SurveyResponse, SurveyVersion } from '../../domain/survey-records'
import * as responses from '../../store/responses'
import * as surveys from '../../store/surveys'
import type { AppEnv } from '../env'
import type { ResponseFilters } from './responses-schemas'

type Filters = z.infer<typeof ResponseFilters>

/** Reads responses for the filters; post-filters that need each version's questions are applied here. */
export function responseReader(c: Context<AppEnv>, filters: Filters) {
  const { practice } = c.var.auth
  const today = dayOf(new Date(), practice.timeZone)
  const to = filters.to ?? today
  const from =
    filters.from ??
    dayOf(new Date(Date.parse(`${to}T12:00:00Z`) - 89 * 86400_000), practice.timeZone)
  if (from > to) throw new Invalid('The first day must not be after the last.', 'from')
  if (filters.touchpointRating && !filters.touchpoint) {
    throw new Invalid('Choose the touch point whose ratings to read.', 'touchpointRating')
  }
  const { start, end } = dayRange(from, to, practice.timeZone)
  const storeFilter: responses.ResponseFilter = {
    months: monthsBetween(start, end, practice.timeZone),
    surveyId: filters.surveyId,
    location: filters.location,
    provider: filters.provider,
    from: start.toISOString(),
    to: end.toISOString(),
    // Read on the stored response, so the store filters them and `count` stays exact.
    theme: filters.theme,
    sentiment: filters.sentiment,
  }
  const versions = new Map<string, Promise<SurveyVersion | undefined>>()
  const versionOf = (r: SurveyResponse) => {
    const key = `${r.surveyId}#${r.version}`
    if (!versions.has(key))
      versions.set(key, surveys.getVersion(c.var.db, practice.id, r.surveyId, r.version))
    return versions.get(key)!
  }
  const needsQuestions =
    filters.touchpoint !== undefined ||
    filters.minScore !== undefined ||
    filters.maxScore !== undefined

  async function withScore(r: SurveyResponse) {
    const version = await versionOf(r)
    const nps = version?.definition.questions.find((q) => q.type === 'nps')
    const score = nps ? r.answers[nps.id] : undefined
    return {
      ...r,
      ...(typeof score === 'number' && { score }),
      version: r.version,
      definition: version?.definition,
    }
  }

  async function matches(item: Awaited<ReturnType<typeof withScore>>) {
    if (
      filters.minScore !== undefined &&
      (item.score === undefined || item.score < filters.minScore)
    )
      return false
    if (
      filters.maxScore !== undefined &&
      (item.score === undefined || item.score > filters.maxScore)
    )
      return false
    if (filters.touchpoint) {
      const rated = item.definition?.questions.some(
        (q) => q.touchpoint === filters.touchpoint && item.answers[q.id] !== undefined,
      )
      if (!rated) return false
      if (
        filters.touchpointRating === 'low' &&
        !ratedLow(item.definition?.questions ?? [], item.answers, filters.touchpoint)
      )
        return false
    }
    return true
  }

  return { storeFilter, needsQuestions, withScore, matches, versionOf }
}

export type ResponseReader = ReturnType<typeof responseReader>
