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
import type { Me, ResponseFilters, ResponsePage, SentimentLabel, Theme } from '$contract'
import { get, post, type RequestOptions } from './api'

// The API's own types, under the names the responses page imports them by.
export type {
  AnswerValue,
  ResponseFilters,
  ResponsePage,
  Sentiment,
  SentimentLabel,
  SurveyResponse,
  Theme,
} from '$contract'

/** The labels in the order filters offer them (the values are the API's `SentimentLabel`). */
export const sentimentLabels = [
  'positive',
  'neutral',
  'negative',
] as const satisfies readonly SentimentLabel[]

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
    'touchpointRating',
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
  create: () => post<Me & { demoSignIn: { email: string; password: string } }>('/api/demo', {}),
}
