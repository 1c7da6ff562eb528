import type { Sentiment } from '../survey-records'
import type { Recommendation } from './review'

/** What of a review its counters count: enough to take it back out exactly as it went in. */
export interface CountedReview {
  /** `2026-11-16` and `2026-11`: the week and month of its creation, in the practice's zone. */
  week: string
  month: string
  source: string
  locationId?: string | undefined
  stars: number
  recommendation?: Recommendation | undefined
  sentiment?: Sentiment | undefined
  themes: readonly string[]
  removed: boolean
}

/**
 * What one review adds to its counters. Names are flat, as for survey responses, because DynamoDB
 * ADD works only on top-level attributes:
 * - `reviews`: every review; `rec.positive` / `rec.negative`: Facebook recommendations, which
 *   have no stars and stay out of every star figure;
 * - `stars.n`, `stars.v.<1-5>`, `stars.sum`: star-rated reviews and their histogram;
 * - `text.n`, `sent.<label>`, `th.<theme>.n`, `th.<theme>.neg`: the text's reading, with the same
 *   names survey comments use, so one theme reader serves both.
 * A removed review counts for nothing.
 *
 * @example
 * reviewIncrements({ stars: 4, themes: ['staff'], ... }) // { reviews: 1, 'stars.n': 1, 'stars.v.4': 1, 'stars.sum': 4, ... }
 */
export function reviewIncrements(review: CountedReview): Record<string, number> {
  if (review.removed) return {}
  const add: Record<string, number> = { reviews: 1 }
  if (review.recommendation) {
    add[`rec.${review.recommendation}`] = 1
  } else {
    add['stars.n'] = 1
    add[`stars.v.${review.stars}`] = 1
    add['stars.sum'] = review.stars
  }
  if (review.sentiment) {
    add['text.n'] = 1
    add[`sent.${review.sentiment.label}`] = 1
    for (const theme of review.themes) {
      add[`th.${theme}.n`] = 1
      if (review.sentiment.label === 'negative') add[`th.${theme}.neg`] = 1
    }
  }
  return add
}

/** The counter scopes a review moves: the practice, its location, its source, and both. */
export type ReviewScope = 'all' | `L#${string}` | `S#${string}` | `L#${string}#S#${string}`

/**
 * @example
 * reviewScopes({ source: 'google', locationId: 'loc1' }) // ['all', 'S#google', 'L#loc1', 'L#loc1#S#google']
 */
export function reviewScopes(of: {
  source: string
  locationId?: string | undefined
}): ReviewScope[] {
  const scopes: ReviewScope[] = ['all', `S#${of.source}`]
  if (of.locationId) scopes.push(`L#${of.locationId}`, `L#${of.locationId}#S#${of.source}`)
  return scopes
}

/**
 * The one scope a figure reads for a location and/or source filter.
 *
 * @example
 * reviewScope({ source: 'yelp' }) // 'S#yelp'
 */
export function reviewScope(of: {
  source?: string | undefined
  locationId?: string | undefined
}): ReviewScope {
  if (of.locationId && of.source) return `L#${of.locationId}#S#${of.source}`
  if (of.locationId) return `L#${of.locationId}`
  if (of.source) return `S#${of.source}`
  return 'all'
}

export interface CounterMove {
  period: 'W' | 'M'
  scope: ReviewScope
  start: string
  add: Record<string, number>
}

/**
 * Every counter change that turns `before` into `after` (either may be absent: a new review, or
 * one that is gone), merged per counter item and without zero entries, so an edit that changes
 * only the text's reading moves only those names, and one that changes nothing counted moves
 * nothing.
 *
 * @example
 * counterMoves(fiveStars, oneStar) // [{ period: 'W', scope: 'all', start: '2026-11-16', add: { 'stars.v.5': -1, 'stars.v.1': 1, 'stars.sum': -4 } }, ...]
 */
export function counterMoves(
  before: CountedReview | undefined,
  after: CountedReview | undefined,
): CounterMove[] {
  const moves = new Map<string, CounterMove>()
  const apply = (review: CountedReview | undefined, sign: 1 | -1) => {
    if (!review) return
    const add = reviewIncrements(review)
    if (Object.keys(add).length === 0) return
    for (const [period, start] of [
      ['W', review.week],
      ['M', review.month],
    ] as const) {
      for (const scope of reviewScopes(review)) {
        const id = `${period}#${scope}#${start}`
        const move = moves.get(id) ?? { period, scope, start, add: {} }
        for (const [name, value] of Object.entries(add)) {
          move.add[name] = (move.add[name] ?? 0) + sign * value
        }
        moves.set(id, move)
      }
    }
  }
  apply(before, -1)
  apply(after, 1)
  const result: CounterMove[] = []
  for (const move of moves.values()) {
    for (const [name, value] of Object.entries(move.add)) if (value === 0) delete move.add[name]
    if (Object.keys(move.add).length > 0) result.push(move)
  }
  return result
}
