import { counterMoves } from '../domain/reviews/counters'
import { reviewContent, type Review } from '../domain/reviews/review'
import { batchPut } from './batch'
import type { Db } from './db'
import { toItem } from './items'
import * as keys from './keys'
import { countedOf } from './review-counters-rebuild'
import { monthOfReview, sha256, type ReviewIdentity } from './reviews'

/** The items `writeNewReviews` puts: each review and its identity, and the counters they add to. */
export interface NewReviewItems {
  items: Record<string, unknown>[]
  /** Counter sort key → the numbers these reviews add there. */
  counters: Map<string, Record<string, number>>
}

/**
 * The items of many NEW reviews, as `reviews.save` would leave them one transaction at a time:
 * each review and its identity, and their counters summed in memory under `into` (so a load in
 * chunks adds every chunk to the same sums). Nothing is written.
 *
 * @example
 * const { items, counters } = newReviewItems(practice.id, practice.timeZone, chunk, sums)
 */
export function newReviewItems(
  practiceId: string,
  timeZone: string,
  reviews: readonly Review[],
  into: Map<string, Record<string, number>> = new Map(),
): NewReviewItems {
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
      const values = into.get(sk) ?? {}
      for (const [name, value] of Object.entries(move.add))
        values[name] = (values[name] ?? 0) + value
      into.set(sk, values)
    }
  }
  return { items, counters: into }
}

/** Counter items for summed counters, ready to put (they replace what is there). */
export function counterItems(
  practiceId: string,
  counters: ReadonlyMap<string, Record<string, number>>,
): Record<string, unknown>[] {
  const pk = keys.reviewCountersOf(practiceId)
  return [...counters].map(([sk, values]) => ({ pk, sk, ...values }))
}

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
  const { items, counters } = newReviewItems(practiceId, timeZone, reviews)
  await batchPut(db, [...items, ...counterItems(practiceId, counters)])
}
