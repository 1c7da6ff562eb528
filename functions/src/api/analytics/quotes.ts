import type { Context } from 'hono'
import type { PeriodRange } from '../../domain/analytics/periods'
import { commentText as joinedComment } from '../../domain/comment-text'
import { dayRange, monthsBetween } from '../../domain/periods'
import { redactQuote } from '../../domain/redact'
import type { SentimentLabel, SurveyResponse, SurveyVersion } from '../../domain/survey-records'
import * as responses from '../../store/responses'
import { staffNames } from '../../store/staff-names'
import * as surveys from '../../store/surveys'
import type { AppEnv } from '../env'
import type { AnalyticsFilters } from './schemas'

/** Quotes shown per theme, and how many recent responses are read at most to find them. */
const quotesPerTheme = 3
const responsesRead = 400

export interface Quote {
  responseId: string
  submittedAt: string
  text: string
  sentiment: SentimentLabel
}

/**
 * A few recent quotes for each theme, newest first, with patients' names, ID numbers, dates and
 * contact details removed (staff and provider names stay). Only the newest
 * `responsesRead` commented responses of the range are read, so this costs the same for a practice
 * with a hundred responses as for one with a million.
 */
export async function themeQuotes(
  c: Context<AppEnv>,
  filters: AnalyticsFilters,
  range: PeriodRange,
  themes: readonly string[],
): Promise<Map<string, Quote[]>> {
  const { practice } = c.var.auth
  const { start, end } = dayRange(range.from, range.to, practice.timeZone)
  const found = new Map<string, Quote[]>(themes.map((theme) => [theme, []]))
  const versions = new Map<string, Promise<SurveyVersion | undefined>>()
  const versionOf = (r: SurveyResponse) => {
    const key = `${r.surveyId}#${r.version}`
    if (!versions.has(key)) {
      versions.set(key, surveys.getVersion(c.var.db, practice.id, r.surveyId, r.version))
    }
    return versions.get(key)!
  }
  const keep = staffNames(c.var.db, practice.id)
  const { items } = await responses.list(
    c.var.db,
    practice.id,
    {
      months: monthsBetween(start, end, practice.timeZone),
      surveyId: filters.surveyId,
      location: filters.location,
      provider: filters.provider,
      from: start.toISOString(),
      to: end.toISOString(),
      withThemes: true,
    },
    { limit: responsesRead },
  )
  for (const response of items) {
    const wanted = (response.themes ?? []).filter(
      (theme) => (found.get(theme)?.length ?? quotesPerTheme) < quotesPerTheme,
    )
    if (wanted.length === 0 || !response.sentiment) continue
    const text = commentText(response, await versionOf(response))
    if (!text) continue
    for (const theme of wanted) {
      found.get(theme)!.push({
        responseId: response.id,
        submittedAt: response.submittedAt,
        text: redactQuote(text, { keep: await keep }),
        sentiment: response.sentiment.label,
      })
    }
  }
  return found
}

/** The response's free-text answers, in question order. */
export function commentText(response: SurveyResponse, version: SurveyVersion | undefined): string {
  return joinedComment(version?.definition.questions ?? [], response.answers)
}
