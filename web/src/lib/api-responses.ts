/**
 * The typed client for patients' responses: one page at a time with the total that matches, and
 * the address of the same selection as a CSV download. Built on the request helpers of `api.ts`,
 * so it shares the session cookie and problem+json handling.
 *
 * @example
 * import * as responsesApi from '$lib/api-responses'
 * const filters = { from: '2026-09-01', to: '2026-11-30', maxScore: 6 }
 * const { total, items, nextCursor } = await responsesApi.responses.list(filters)
 * const csv = responsesApi.responses.csvUrl(filters) // for <a href download>
 * const waits = await responsesApi.responses.list({ theme: 'wait-time', sentiment: 'negative' })
 * const names = await responsesApi.themes.list() // [{ id: 'wait-time', label: { en: 'Wait time', … } }, …]
 */
import { get, post, type Language, type Me, type RequestOptions } from './api'

export type AnswerValue = number | boolean | string | string[]

export const sentimentLabels = ['positive', 'neutral', 'negative'] as const
export type SentimentLabel = (typeof sentimentLabels)[number]

/** How a response's free text reads, worked out once when it was accepted. */
export interface Sentiment {
  label: SentimentLabel
  /** -1 (very negative) to 1 (very positive). */
  score: number
}

/** A theme a comment can touch (`wait-time`, `billing-cost`…), the same for every practice. */
export interface Theme {
  id: string
  label: Partial<Record<Language, string>>
  /** The journey touch point it belongs to. */
  touchpoint: string
}

/** One patient's answers to one published version of a survey. */
export interface SurveyResponse {
  id: string
  surveyId: string
  /** The published version answered: its questions give the answers their meaning. */
  version: number
  language: Language
  /** By question id; questions the patient skipped are absent. */
  answers: Record<string, AnswerValue>
  location?: string
  provider?: string
  submittedAt: string
  /** The likelihood-to-recommend answer (0-10), when the survey asked it. */
  score?: number
  /** Present when the response has free text (older responses may have none). */
  sentiment?: Sentiment
  /** Theme ids of the free text; see `themes.list()` for their names. */
  themes?: string[]
}

/** What to show; every field is optional. Days are YYYY-MM-DD in the practice's time zone. */
export interface ResponseFilters {
  /** First day (default: 89 days before `to`, so 90 days in all). */
  from?: string | undefined
  /** Last day, included (default: today). */
  to?: string | undefined
  surveyId?: string | undefined
  location?: string | undefined
  provider?: string | undefined
  /** Only responses that rated this touch point of the journey. */
  touchpoint?: string | undefined
  minScore?: number | undefined
  maxScore?: number | undefined
  /** Only responses whose comment touches this theme (a `Theme` id). */
  theme?: string | undefined
  /** Only responses whose comment reads so. */
  sentiment?: SentimentLabel | undefined
}

export interface ResponsePage {
  /** How many responses match the filters in all (not just this page). */
  total: number
  /** Newest first. */
  items: SurveyResponse[]
  /** Pass back to get the next page; null on the last one. */
  nextCursor: string | null
}

/** The filters as the API's query string, leaving out what is not set. */
export function filterQuery(filters: ResponseFilters): URLSearchParams {
  const query = new URLSearchParams()
  for (const name of [
    'from',
    'to',
    'surveyId',
    'location',
    'provider',
    'touchpoint',
    'minScore',
    'maxScore',
    'theme',
    'sentiment',
  ] as const) {
    const value = filters[name]
    if (value !== undefined && value !== '') query.set(name, String(value))
  }
  return query
}

export const responses = {
  list: (
    filters: ResponseFilters,
    page: { cursor?: string | null; limit?: number } = {},
    options?: RequestOptions,
  ) => {
    const query = filterQuery(filters)
    if (page.cursor) query.set('cursor', page.cursor)
    if (page.limit) query.set('limit', String(page.limit))
    return get<ResponsePage>(`/api/responses?${query.toString()}`, options)
  },
  /** The address of every matching response as CSV, for a plain download link. */
  csvUrl: (filters: ResponseFilters): string => {
    const query = filterQuery(filters).toString()
    return query ? `/api/responses.csv?${query}` : '/api/responses.csv'
  },
}

export const themes = {
  /** Every theme in lexicon order; it changes only with a release. */
  list: (options?: RequestOptions) => get<Theme[]>('/api/themes', options),
}

export const demo = {
  /**
   * Creates a demo practice with six months of responses and signs in as its owner (a few
   * seconds). Refused with 403 where the installation turns demos off.
   */
  create: () => post<Me>('/api/demo', {}),
}
