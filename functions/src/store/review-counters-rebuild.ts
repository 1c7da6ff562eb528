import { DeleteCommand } from '@aws-sdk/lib-dynamodb'
import { monthOf, weekOf } from '../domain/calendar'
import { counterMoves, type CountedReview } from '../domain/reviews/counters'
import { Review } from '../domain/reviews/review'
import { batchPut } from './batch'
import type { Db } from './db'
import { fromItem } from './items'
import * as keys from './keys'
import { queryEvery } from './query'
import * as reviewCounters from './review-counters'
import { monthOfReview, identitiesOf } from './reviews'

/** One review counter attribute that differs from what the stored reviews add up to. */
export interface ReviewCounterDifference {
  /** The counter item's sort key: `W#all#2026-11-16`, `M#L#<location>#S#google#2026-11`. */
  counter: string
  name: string
  expected: number
  actual: number
}

export interface ReviewRebuildReport {
  /** Stored reviews read, removed ones included (they count for nothing). */
  reviews: number
  /** Counter items the stored reviews add up to. */
  counters: number
  differences: ReviewCounterDifference[]
  rewritten: boolean
}

/**
 * What a stored review counts, derived from the review item itself (not from what its identity
 * says it counted, which is what is being checked): its creation week and month in the
 * practice's zone, its source, location, stars and text reading. The same fields as
 * `ingest/reviews/upsert.countedOf`, which the store may not import.
 *
 * @example
 * countedOf(review, 'America/Chicago') // { week: '2026-11-16', month: '2026-11', source: 'google', ... }
 */
export function countedOf(review: Review, timeZone: string): CountedReview {
  const createdAt = new Date(review.createdAt)
  return {
    week: weekOf(createdAt, timeZone),
    month: monthOf(createdAt, timeZone),
    source: review.source,
    locationId: review.locationId,
    stars: review.stars,
    recommendation: review.recommendation,
    sentiment: review.sentiment,
    themes: review.themes,
    removed: review.removed,
  }
}

/** Every stored review of the practice: one Query per UTC month that holds any (see keys). */
async function storedReviews(db: Db, practiceId: string): Promise<Review[]> {
  const months = new Set((await identitiesOf(db, practiceId)).map((i) => monthOfReview(i.reviewId)))
  const pages = await Promise.all(
    [...months].map((month) =>
      queryEvery(db, {
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.reviewsOfMonth(practiceId, month) },
      }),
    ),
  )
  return pages.flat().map((item) => fromItem(Review, item))
}

/**
 * Recount a practice's review counters from its stored reviews, report every attribute that
 * differs (a missing one counts as 0) and, with `write`, put the recounted items that differ and
 * delete the ones no review accounts for. Nothing is written when nothing differs. Like the
 * response rebuild, run it with syncs and imports stopped: a review saved meanwhile could be
 * counted twice or not at all.
 *
 * @example
 * const { differences } = await rebuildReviewCounters(db, practiceId, 'America/Chicago', { write: false })
 */
export async function rebuildReviewCounters(
  db: Db,
  practiceId: string,
  timeZone: string,
  { write }: { write: boolean },
): Promise<ReviewRebuildReport> {
  const [reviews, stored] = await Promise.all([
    storedReviews(db, practiceId),
    reviewCounters.readAll(db, practiceId),
  ])
  const expected = new Map<string, Record<string, number>>()
  for (const review of reviews) {
    for (const move of counterMoves(undefined, countedOf(review, timeZone))) {
      const { sk } = keys.reviewCounter(practiceId, move.period, move.scope, move.start)
      const values = expected.get(sk) ?? {}
      for (const [name, value] of Object.entries(move.add))
        values[name] = (values[name] ?? 0) + value
      expected.set(sk, values)
    }
  }
  const actual = new Map(stored.map((row) => [row.key.sk, row.values]))
  const differences: ReviewCounterDifference[] = []
  const differing = new Set<string>()
  for (const sk of new Set([...expected.keys(), ...actual.keys()])) {
    const want = expected.get(sk) ?? {}
    const have = actual.get(sk) ?? {}
    for (const name of new Set([...Object.keys(want), ...Object.keys(have)])) {
      if ((want[name] ?? 0) === (have[name] ?? 0)) continue
      differences.push({ counter: sk, name, expected: want[name] ?? 0, actual: have[name] ?? 0 })
      differing.add(sk)
    }
  }
  const rewritten = write && differences.length > 0
  if (rewritten) {
    const pk = keys.reviewCountersOf(practiceId)
    await batchPut(
      db,
      [...differing]
        .filter((sk) => expected.has(sk))
        .map((sk) => ({ pk, sk, ...expected.get(sk) })),
    )
    for (const sk of differing) {
      if (!expected.has(sk))
        await db.client.send(new DeleteCommand({ TableName: db.table, Key: { pk, sk } }))
    }
  }
  return { reviews: reviews.length, counters: expected.size, differences, rewritten }
}
