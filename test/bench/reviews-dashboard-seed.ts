/**
 * Seeding the dashboard bench (figure 13). `upsertReviews` is the path every sync and import
 * takes (one transaction per review with its counters): some 50 reviews/s here, far too slow for
 * 100,000. So the bench's practices are written in bulk: the very items `reviews.save` would have
 * left (`newReviewItems`, the demo's writer), put with BatchWriteItem by several writers at once,
 * and their counters summed in memory and put once at the end. `sameCounters` checks that both
 * paths give the same counters for the same reviews, so the large practice's figures are real.
 */
import type { IncomingReview } from '../../functions/src/domain/reviews/review'
import { upsertReviews, type ReviewPractice } from '../../functions/src/ingest/reviews/upsert'
import { batchPut } from '../../functions/src/store/batch'
import type { Db } from '../../functions/src/store/db'
import { counterItems, newReviewItems } from '../../functions/src/store/review-counters-batch'
import * as reviewCounters from '../../functions/src/store/review-counters'
import { storedReview, type Readings } from './reviews-dashboard-data'

export interface Seeded {
  reviews: number
  how: 'upsertReviews' | 'bulk'
  /** Items written: reviews, identities and counters. */
  items: number
  seconds: number
}

/** Reviews per bulk step: 200 items, 8 BatchWriteItem requests (4 at a time). */
const bulkStep = 100
/** Bulk writers at once: with batchPut's 4 each, 32 requests in flight keep DynamoDB Local busy. */
const bulkWriters = 8

export async function seedReviews(
  db: Db,
  practice: ReviewPractice,
  total: number,
  review: (n: number) => IncomingReview,
  readings: Readings,
  how: Seeded['how'] = 'upsertReviews',
): Promise<Seeded> {
  const began = performance.now()
  if (how === 'upsertReviews') {
    const counts = await upsertReviews(
      db,
      practice,
      Array.from({ length: total }, (_, n) => review(n)),
    )
    if (counts.created !== total) throw new Error(`upsertReviews created ${counts.created}`)
    const counters = (await reviewCounters.readAll(db, practice.id)).length
    const seconds = (performance.now() - began) / 1000
    return { reviews: total, how: 'upsertReviews', items: 2 * total + counters, seconds }
  }
  const counters = new Map<string, Record<string, number>>()
  let next = 0
  let items = 0
  const writer = async () => {
    while (next < total) {
      const from = next
      next = Math.min(total, next + bulkStep)
      const chunk = []
      for (let n = from; n < next; n++) chunk.push(storedReview(review(n), readings))
      const built = newReviewItems(practice.id, practice.timeZone, chunk, counters)
      items += built.items.length
      await batchPut(db, built.items)
    }
  }
  await Promise.all(Array.from({ length: bulkWriters }, writer))
  // The practice had no counters: these sums are all there is, as the transactions would leave.
  const sums = counterItems(practice.id, counters)
  await batchPut(db, sums)
  const seconds = (performance.now() - began) / 1000
  return { reviews: total, how: 'bulk', items: items + sums.length, seconds }
}

/**
 * Whether two practices' review counters are the same item for item (sort key and numbers),
 * zeros left out: `upsertReviews` keeps an item whose numbers went back to 0, a bulk load never
 * writes one.
 */
export async function sameCounters(db: Db, a: string, b: string): Promise<string | undefined> {
  const read = async (practiceId: string) => {
    const rows = await reviewCounters.readAll(db, practiceId)
    return new Map(
      rows.map((row) => [
        row.key.sk,
        JSON.stringify(
          Object.entries(row.values)
            .filter(([, value]) => value !== 0)
            .sort(([x], [y]) => x.localeCompare(y)),
        ),
      ]),
    )
  }
  const [left, right] = await Promise.all([read(a), read(b)])
  for (const sk of new Set([...left.keys(), ...right.keys()])) {
    if (left.get(sk) !== right.get(sk)) {
      return `${sk}: upsertReviews ${left.get(sk) ?? 'nothing'}, bulk ${right.get(sk) ?? 'nothing'}`
    }
  }
  return undefined
}
