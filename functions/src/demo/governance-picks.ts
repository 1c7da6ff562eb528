import { monthOf } from '../domain/calendar'
import type { Review } from '../domain/reviews/review'
import type { SurveyResponse } from '../domain/survey-records'
import { comments, topicsOfTouchpoint } from './comments'
import type { Demo } from './generate'
import { reviewTexts } from './review-texts'

/**
 * Which of the demo's own patients' words the committee's cases are built on (plain data: nothing
 * is written here). Chosen by what they say, never by position, so a demo made on any day finds
 * words that really fit: the check-in case's detractors wrote about the queue or the wait while
 * check-in sagged; the billing case starts from a review about a statement nobody could read.
 */

/** A response or review as a case names it: `<month>.<id>`, as the evidence panel does. */
export interface PickedWords {
  kind: 'response' | 'review'
  id: string
  at: number
  locationId?: string
}

const checkInTopics = new Set(topicsOfTouchpoint['check-in'])
const topicOf = new Map(comments.map((comment) => [comment.text, comment.topic]))
const billingComplaints = new Set(
  comments.filter((c) => c.topic === 'billing' && c.tone !== 'praise').map((c) => c.text),
)
const waitReviews = new Set(
  reviewTexts.filter((t) => t.wait && t.tone !== 'praise').map((t) => t.text),
)
const billingReview = /billing statement|factura/i

const dayMs = 86400_000

function responseWords(response: SurveyResponse, timeZone: string): PickedWords {
  return {
    kind: 'response',
    id: `${monthOf(new Date(response.submittedAt), timeZone)}.${response.id}`,
    at: Date.parse(response.submittedAt),
    locationId: response.location,
  }
}

// Reviews are kept by the UTC month they were written in (store/week-stories.ts).
const reviewWords = (review: Review): PickedWords => ({
  kind: 'review',
  id: `${review.createdAt.slice(0, 7)}.${review.id}`,
  at: Date.parse(review.createdAt),
  ...(review.locationId && { locationId: review.locationId }),
})

/** A detractor who rated check-in 1 or 2 and wrote about the wait, the desk or check-in. */
function queueDetractor(response: SurveyResponse): boolean {
  const text = response.answers.improve
  const score = response.answers.recommend
  const checkIn = response.answers['check-in']
  return (
    typeof text === 'string' &&
    checkInTopics.has(topicOf.get(text)!) &&
    typeof score === 'number' &&
    score <= 6 &&
    typeof checkIn === 'number' &&
    checkIn <= 2
  )
}

/** A comment about the queue or the wait from a patient who rated check-in 3 or lower. */
function queueComment(response: SurveyResponse): boolean {
  const text = response.answers.improve
  const checkIn = response.answers['check-in']
  return (
    typeof text === 'string' &&
    ['wait', 'check-in', 'front-desk'].includes(topicOf.get(text) ?? '') &&
    typeof checkIn === 'number' &&
    checkIn <= 3
  )
}

export interface CheckInWords {
  /** The detractor's response the case was opened from. */
  origin: PickedWords
  /** Two more comments and two reviews about the queue, written before the case was opened. */
  more: PickedWords[]
}

/**
 * The check-in case's words, from the weeks check-in was at its worst (`dipFrom` to `dipTo` days
 * before `now`): the first detractor of those weeks and what others said before the case opened.
 *
 * @example
 * const { origin, more } = checkInWords(demo, now, 79, 51)
 */
export function checkInWords(demo: Demo, now: Date, dipFrom: number, dipTo: number): CheckInWords {
  const { timeZone } = demo.practice
  const inDip = (at: number) =>
    at >= now.getTime() - dipFrom * dayMs && at <= now.getTime() - dipTo * dayMs
  const during = demo.responses.filter((r) => inDip(Date.parse(r.submittedAt)))
  // Some days into the worst weeks: others had said it too by then.
  const settled = now.getTime() - (dipFrom - 6) * dayMs
  // …and early enough that the fix (demo/check-in-lift.ts) follows its planning, not precedes it.
  const early = (at: number) => at >= settled && at <= settled + 11 * dayMs
  const origin = during.find((r) => early(Date.parse(r.submittedAt)) && queueDetractor(r))
  if (!origin) throw new Error('the demo has no check-in detractor in the dip')
  const opened = Date.parse(origin.submittedAt)
  const comments = during
    .filter((r) => r !== origin && Date.parse(r.submittedAt) < opened && queueComment(r))
    .slice(-2)
  const reviews = demo.reviews
    .filter((r) => inDip(Date.parse(r.createdAt)) && Date.parse(r.createdAt) < opened)
    .filter((r) => waitReviews.has(r.text) && r.stars <= 3)
    .slice(-2)
  return {
    origin: responseWords(origin, timeZone),
    more: [...comments.map((r) => responseWords(r, timeZone)), ...reviews.map(reviewWords)],
  }
}

/**
 * The newest review about a confusing statement written 18 to 45 days before `now`, for the
 * billing case to be opened from (before the committee's last meeting, two weeks ago, which
 * decides on it); undefined when the demo has none (the case is opened by hand).
 */
export function billingReviewWords(demo: Demo, now: Date): PickedWords | undefined {
  const from = now.getTime() - 45 * dayMs
  const to = now.getTime() - 18 * dayMs
  const found = demo.reviews
    .filter((r) => billingReview.test(r.text))
    .filter((r) => Date.parse(r.createdAt) >= from && Date.parse(r.createdAt) <= to)
    .at(-1)
  return found && reviewWords(found)
}

/**
 * Two patients' comments about billing from the 45 days before `before`, the newest, for the
 * billing case's evidence (however it was opened).
 *
 * @example
 * const words = billingCommentWords(demo, openedAt)
 */
export function billingCommentWords(demo: Demo, before: number): PickedWords[] {
  return demo.responses
    .filter((r) => Date.parse(r.submittedAt) < before)
    .filter((r) => Date.parse(r.submittedAt) >= before - 45 * dayMs)
    .filter((r) => billingComplaints.has(r.answers.improve as string))
    .slice(-2)
    .map((r) => responseWords(r, demo.practice.timeZone))
}
