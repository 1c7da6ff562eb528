import { counterMoves } from '../domain/reviews/counters'
import { reviewContent, type Review } from '../domain/reviews/review'
import { batchPut } from './batch'
import type { Db } from './db'
import { toItem } from './items'
import * as keys from './keys'
import { countedOf } from './review-counters-rebuild'
import { monthOfReview, sha256, type ReviewIdentity } from './reviews'

/**
 * Write many NEW reviews at once: each review, its identity and the counters they add up to,
 * summed in memory and put once, 25 items a request. The same items `reviews.save` would have
 * left one transaction at a time, for a practice that has no reviews yet (the demo): it is not a
 * transaction, and it overwrites counters instead of adding to them.
 *
 * @example
 * await writeNewReviews(db, practice.id, practice.timeZone, demo.reviews)
 */
export async function writeNewReviews(
  db: Db,
  practiceId: string,
  timeZone: string,
  reviews: readonly Review[],
): Promise<void> {
  const counters = new Map<string, Record<string, number>>()
  const items: Record<string, unknown>[] = []
  for (const review of reviews) {
    const counted = countedOf(review, timeZone)
    const identity: ReviewIdentity = {
      source: review.source,
      externalId: review.externalId,
      reviewId: review.id,
      version: 1,
      contentHash: sha256(reviewContent(review)),
      textHash: sha256(review.text),
      counted: { ...counted, themes: [...counted.themes] },
    }
    items.push(
      toItem(
        keys.reviewIdentity(practiceId, review.source, review.externalId),
        'review-identity',
        identity,
      ),
      toItem(keys.review(practiceId, monthOfReview(review.id), review.id), 'review', review),
    )
    for (const move of counterMoves(undefined, counted)) {
      const { sk } = keys.reviewCounter(practiceId, move.period, move.scope, move.start)
      const values = counters.get(sk) ?? {}
      for (const [name, value] of Object.entries(move.add))
        values[name] = (values[name] ?? 0) + value
      counters.set(sk, values)
    }
  }
  const pk = keys.reviewCountersOf(practiceId)
  for (const [sk, values] of counters) items.push({ pk, sk, ...values })
  await batchPut(db, items)
}
