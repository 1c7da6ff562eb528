import type { IncomingReview } from '../../functions/src/domain/reviews/review'
import { upsertReviews } from '../../functions/src/ingest/reviews/upsert'
import type { Db } from '../../functions/src/store/db'

let next = 0

/**
 * A review as a site would send it; `daysAgo` sets when it was written. Sources without a sync
 * in a test are seeded through `upsertReviews`, as a sync or an import would store them.
 */
export function incomingReview(changes: Partial<IncomingReview> & { daysAgo?: number } = {}) {
  const { daysAgo = 1, ...rest } = changes
  const at = new Date(Date.now() - daysAgo * 86400_000).toISOString()
  next++
  return {
    source: 'google',
    externalId: `accounts/1/locations/2/reviews/t${Date.now()}-${next}`,
    stars: 4,
    text: 'Friendly front desk and a short wait.',
    authorName: 'Pat Q.',
    url: 'https://maps.google.com/?cid=1',
    createdAt: at,
    updatedAt: at,
    origin: 'sync',
    ...rest,
  } satisfies IncomingReview
}

/** Store reviews for a practice made through the API (time zone of `freshPractice`). */
export async function seedReviews(db: Db, practiceId: string, reviews: IncomingReview[]) {
  return upsertReviews(
    db,
    { id: practiceId, timeZone: 'America/Chicago', languages: ['en', 'es'] },
    reviews,
  )
}
