import { resolve } from '$app/paths'
import type { SurveyResponse } from '$lib/api-responses'
import type { SurveyVersion } from '$lib/api-surveys'
import { isoDateIn } from '$lib/dates'

/**
 * The "Open a case" links of the pages a case comes from: a survey response, a review, or a
 * workshop board's follow-up action. They carry the origin and what its card knows (touch point,
 * location, theme), never the patient's words: the new-case page reads those, redacted, itself.
 */
function link(origin: string, extra: Record<string, string | undefined>): string {
  const query = new URLSearchParams({ origin })
  for (const [name, value] of Object.entries(extra)) if (value) query.set(name, value)
  return `${resolve('/cases/new')}?${query.toString()}`
}

/** Whether a response reads as a failure: a detractor, a touch point rated 1-3, or negative words. */
export function responseWentWrong(response: SurveyResponse & { score?: number | undefined }) {
  if (response.score !== undefined && response.score <= 6) return true
  if (response.sentiment?.label === 'negative') return true
  return Object.values(response.answers).some(
    (value) => typeof value === 'number' && value >= 1 && value <= 3,
  )
}

/**
 * @example
 * responseCaseLink(response, version, 'America/Chicago') // '/cases/new?origin=response%3A2026-11.01J…&touchpoint=check-in'
 */
export function responseCaseLink(
  response: SurveyResponse,
  version: SurveyVersion | undefined,
  timeZone: string,
): string {
  const rated = (version?.definition.questions ?? []).flatMap((question) => {
    const value = response.answers[question.id]
    return question.type === 'rating' && question.touchpoint && typeof value === 'number'
      ? [{ touchpoint: question.touchpoint, value }]
      : []
  })
  const lowest = rated.sort((a, b) => a.value - b.value)[0]
  return link(`response:${responseOriginId(response, timeZone)}`, {
    touchpoint: lowest?.touchpoint,
    location: response.location,
    theme: response.themes?.[0],
  })
}

/**
 * A response as a case's origin names it: responses are stored by the month of the practice's
 * calendar they arrived in.
 *
 * @example
 * responseOriginId(response, 'America/Chicago') // '2026-11.01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B'
 */
export function responseOriginId(
  response: Pick<SurveyResponse, 'id' | 'submittedAt'>,
  timeZone: string,
): string {
  return `${isoDateIn(response.submittedAt, timeZone).slice(0, 7)}.${response.id}`
}

/** A review as a case's origin names it: reviews are stored by the UTC month of their creation. */
export function reviewOriginId(review: { id: string; createdAt: string }): string {
  return `${review.createdAt.slice(0, 7)}.${review.id}`
}

export function reviewCaseLink(review: {
  id: string
  createdAt: string
  locationId?: string | undefined
  themes?: string[] | undefined
}): string {
  return link(`review:${reviewOriginId(review)}`, {
    location: review.locationId,
    theme: review.themes?.[0],
  })
}

export function boardActionCaseLink(boardId: string, action: { id: string; text: string }) {
  return link(`board-action:${boardId}.${action.id}`, { title: action.text.slice(0, 140) })
}
