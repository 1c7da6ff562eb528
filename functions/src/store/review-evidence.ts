import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import { themes } from '../../../workshops'
import type { Evidence } from '../domain/boards/apply'
import { dayOf } from '../domain/calendar'
import { redactQuote } from '../domain/redact'
import { Review } from '../domain/reviews/review'
import type { SentimentLabel } from '../domain/survey-records'
import type { Db } from './db'
import { fromItem } from './items'
import * as keys from './keys'
import { monthOfReview } from './reviews'

/**
 * Review-site reviews as workshop evidence, beside survey comments: found by the same filters,
 * redacted the same way (a guest sees the quote staff put on the board, never more), and marked
 * with their site and stars so a quote keeps its origin.
 */

const themeTouchpoint = new Map(themes.map((theme) => [theme.id, theme.touchpoint]))
const maxQuoteLength = 500
/** A search reads at most this many of the newest reviews with text, as for comments. */
export const reviewScanLimit = 2000

export interface ReviewEvidenceFilter {
  theme?: string | undefined
  touchpoint?: string | undefined
  sentiment?: SentimentLabel | undefined
  matches: (text: string) => boolean
  limit: number
}

/** The UTC months (`2026-11`) from `from` to `now`, newest first: the partitions reviews live in. */
function monthsBack(from: Date, now: Date): string[] {
  const months: string[] = []
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1))
  const first = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1)
  while (at.getTime() >= first) {
    months.push(at.toISOString().slice(0, 7))
    at.setUTCMonth(at.getUTCMonth() - 1)
  }
  return months
}

/**
 * The practice's reviews since `from` with text, not removed, matching every filter, newest first.
 *
 * @example
 * await searchReviews(db, practice, from, { sentiment: 'negative', matches: () => true, limit: 20 }, keep)
 */
export async function searchReviews(
  db: Db,
  practice: { id: string; timeZone: string },
  from: Date,
  filter: ReviewEvidenceFilter,
  keep: readonly string[],
  now = new Date(),
): Promise<Evidence[]> {
  const found: Evidence[] = []
  let scanned = 0
  const conditions = ['removed = :no', 'attribute_exists(#sentiment)', 'createdAt >= :from']
  const names: Record<string, string> = { '#sentiment': 'sentiment' }
  const values: Record<string, unknown> = { ':no': false, ':from': from.toISOString() }
  if (filter.theme) {
    values[':theme'] = filter.theme
    conditions.push('contains(themes, :theme)')
  }
  if (filter.sentiment) {
    names['#label'] = 'label'
    values[':label'] = filter.sentiment
    conditions.push('#sentiment.#label = :label')
  }
  for (const month of monthsBack(from, now)) {
    let ExclusiveStartKey: Record<string, unknown> | undefined
    do {
      const page = await db.client.send(
        new QueryCommand({
          TableName: db.table,
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: conditions.join(' AND '),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ...values, ':pk': keys.reviewsOfMonth(practice.id, month) },
          ScanIndexForward: false,
          ExclusiveStartKey,
          Limit: 200,
        }),
      )
      for (const item of page.Items ?? []) {
        if (scanned++ >= reviewScanLimit) return found
        const evidence = reviewEvidence(fromItem(Review, item), practice.timeZone, keep)
        if (filter.touchpoint && !evidence.source.touchpointIds.includes(filter.touchpoint))
          continue
        if (!filter.matches(evidence.text)) continue
        found.push(evidence)
        if (found.length >= filter.limit) return found
      }
      ExclusiveStartKey = page.LastEvaluatedKey
    } while (ExclusiveStartKey)
  }
  return found
}

/**
 * One review of this practice as evidence; undefined when it is not this practice's, was removed
 * or has no text. The key is built from the practice's own partition.
 *
 * @example
 * await resolveReviewEvidence(db, practice, '2026-11', reviewId, keep)
 */
export async function resolveReviewEvidence(
  db: Db,
  practice: { id: string; timeZone: string },
  month: string,
  reviewId: string,
  keep: readonly string[],
): Promise<Evidence | undefined> {
  if (monthOfReview(reviewId) !== month) return undefined
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.review(practice.id, month, reviewId) }),
  )
  if (!Item) return undefined
  const review = fromItem(Review, Item)
  if (review.removed || review.text.trim() === '') return undefined
  return reviewEvidence(review, practice.timeZone, keep)
}

function reviewEvidence(review: Review, timeZone: string, keep: readonly string[]): Evidence {
  // Exactly as survey quotes: patients' names, IDs, dates, e-mails and phones go; staff names stay.
  const text = redactQuote(review.text, { keep })
  const touchpointIds = new Set<string>()
  for (const theme of review.themes) {
    const touchpoint = themeTouchpoint.get(theme)
    if (touchpoint) touchpointIds.add(touchpoint)
  }
  return {
    text: text.length > maxQuoteLength ? `${text.slice(0, maxQuoteLength - 1)}…` : text,
    source: {
      kind: 'review',
      id: `${monthOfReview(review.id)}.${review.id}`,
      date: dayOf(new Date(review.createdAt), timeZone),
      surveyId: null,
      sentiment: review.sentiment?.label ?? null,
      touchpointIds: [...touchpointIds],
      site: review.source,
      ...(review.recommendation
        ? { recommendation: review.recommendation }
        : { stars: review.stars }),
    },
  }
}
