import type { CommentReader } from '../../domain/comment-reading'
import { monthOf, weekOf } from '../../domain/calendar'
import type { Language } from '../../domain/practice'
import type { CountedReview } from '../../domain/reviews/counters'
import { reviewContent, type IncomingReview, type Review } from '../../domain/reviews/review'
import { textLanguage } from '../../domain/reviews/text-language'
import type { Db } from '../../store/db'
import * as reviews from '../../store/reviews'
import { commentReader } from '../comment-reader'

/** The practice a batch of reviews belongs to: its id, and what decides weeks and languages. */
export interface ReviewPractice {
  id: string
  timeZone: string
  languages: readonly Language[]
}

export interface UpsertCounts {
  created: number
  updated: number
  unchanged: number
}

/** How many reviews are written at once: enough to keep DynamoDB busy, few enough to rarely collide. */
const concurrency = 4
/** How often one review is decided again after another writer changed it meanwhile. */
const maxRedecisions = 5

/**
 * Store reviews as they arrive from a site or a CSV file, each exactly once: a review not seen
 * before is created; one whose content changed replaces its earlier version and moves its
 * counters (old stars out, new in) in the same transaction; one that is unchanged writes nothing.
 * A review that a full sweep had marked removed and that comes back is restored. Its text is read
 * (sentiment, themes) only when the text is new or changed.
 *
 * @example
 * await upsertReviews(db, practice, [{ source: 'google', externalId: 'r1', stars: 5, ... }])
 * // { created: 1, updated: 0, unchanged: 0 }
 */
export async function upsertReviews(
  db: Db,
  practice: ReviewPractice,
  incoming: readonly IncomingReview[],
  reader: CommentReader = commentReader,
): Promise<UpsertCounts> {
  const counts: UpsertCounts = { created: 0, updated: 0, unchanged: 0 }
  const known = await reviews.identities(db, practice.id, incoming)
  let next = 0
  const worker = async () => {
    while (next < incoming.length) {
      const review = incoming[next++]!
      counts[await upsertOne(db, practice, review, known.get(idOf(review)), reader)]++
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, incoming.length) }, worker))
  return counts
}

const idOf = (review: { source: string; externalId: string }) =>
  `${review.source}#${review.externalId}`

async function upsertOne(
  db: Db,
  practice: ReviewPractice,
  incoming: IncomingReview,
  previous: reviews.ReviewIdentity | undefined,
  reader: CommentReader,
): Promise<keyof UpsertCounts> {
  const contentHash = reviews.sha256(reviewContent(incoming))
  const textHash = reviews.sha256(incoming.text)
  for (let attempt = 0; ; attempt++) {
    if (previous && previous.contentHash === contentHash && !previous.counted.removed) {
      return 'unchanged'
    }
    const reading =
      previous && previous.textHash === textHash
        ? previous.counted.sentiment && {
            sentiment: previous.counted.sentiment,
            themes: previous.counted.themes,
          }
        : await readText(incoming.text, practice.languages, reader)
    const review: Review = {
      ...incoming,
      id: previous?.reviewId ?? reviews.newReviewId(incoming.createdAt),
      removed: false,
      ...(reading ? { sentiment: reading.sentiment } : {}),
      themes: [...(reading?.themes ?? [])],
    }
    try {
      await reviews.save(db, practice.id, {
        review,
        counted: countedOf(review, practice.timeZone),
        contentHash,
        textHash,
        previous,
      })
      return previous ? 'updated' : 'created'
    } catch (err) {
      if (!(err instanceof reviews.ReviewChangedMeanwhile) || attempt === maxRedecisions) throw err
      previous = (await reviews.identities(db, practice.id, [incoming])).get(idOf(incoming))
    }
  }
}

async function readText(text: string, languages: readonly Language[], reader: CommentReader) {
  if (text.trim() === '') return undefined
  const { sentiment, themes } = await reader.analyze(text, textLanguage(text, languages))
  return { sentiment, themes }
}

/** What a stored review counts: its creation week and month in the practice's time zone. */
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

/**
 * After a full sweep of a source, mark removed every review the site no longer has (of the
 * locations swept), taking it out of the counters in the same transaction. Its text stays, so a
 * review that comes back is restored by `upsertReviews`.
 *
 * @example
 * await markRemoved(db, practice, 'google', seenExternalIds, ['loc1']) // 2
 */
export async function markRemoved(
  db: Db,
  practice: ReviewPractice,
  source: string,
  seen: ReadonlySet<string>,
  locationIds?: readonly string[],
): Promise<number> {
  let removed = 0
  for (const identity of await reviews.identitiesOf(db, practice.id, source)) {
    if (identity.counted.removed || seen.has(identity.externalId)) continue
    if (locationIds && !locationIds.includes(identity.counted.locationId ?? '')) continue
    const stored = await reviews.get(db, practice.id, identity.reviewId)
    if (!stored) continue
    const review = { ...stored, removed: true }
    try {
      await reviews.save(db, practice.id, {
        review,
        counted: countedOf(review, practice.timeZone),
        contentHash: identity.contentHash,
        textHash: identity.textHash,
        previous: identity,
      })
      removed++
    } catch (err) {
      // Another sync touched it meanwhile: it decides; this sweep leaves it alone.
      if (!(err instanceof reviews.ReviewChangedMeanwhile)) throw err
    }
  }
  return removed
}
