/**
 * The reviews of the dashboard bench (figure 13): the n-th of `total` reviews, the same shape at
 * every size, so 1,000 and 100,000 differ in volume only. Four sites (Facebook as
 * recommendations), three locations and a few without one, stars from a fixed cycle, texts from
 * a short list (each read once with the real comment reader), creation times spread evenly over
 * the 360 days before `now`, so a year's range holds every one of them. A tally of what was made
 * is kept beside, counted without the counters, so the figures can be checked against it.
 */
import type { Language } from '../../functions/src/domain/practice'
import type { IncomingReview, Review } from '../../functions/src/domain/reviews/review'
import { textLanguage } from '../../functions/src/domain/reviews/text-language'
import type { Sentiment } from '../../functions/src/domain/survey-records'
import { commentReader } from '../../functions/src/ingest/comment-reader'
import { newReviewId } from '../../functions/src/store/reviews'

export const benchSources = ['google', 'yelp', 'facebook', 'healthgrades'] as const
const spanMs = 360 * 86_400_000

const texts = [
  'The front desk was rude and we waited an hour.',
  'Kind nurses and a quick visit.',
  'Nobody called me back about my bill.',
  'Dr. Lee explained everything clearly, very happy.',
  'Parking is hard to find but the staff are lovely.',
  'La recepcionista fue muy amable y no esperamos nada.',
  'Booking online was easy and the office was clean.',
  '',
]

/** What each text reads as: read once, as upsertReviews would read it every time. */
export type Readings = Map<string, { sentiment: Sentiment; themes: string[] } | undefined>

export async function readTexts(languages: readonly Language[]): Promise<Readings> {
  const readings: Readings = new Map()
  for (const text of texts) {
    if (text.trim() === '') readings.set(text, undefined)
    else {
      const reading = await commentReader.analyze(text, textLanguage(text, languages))
      readings.set(text, { sentiment: reading.sentiment, themes: [...reading.themes] })
    }
  }
  return readings
}

/** The n-th review of `total`, as a site or a CSV row would bring it. */
export function benchReview(
  n: number,
  total: number,
  now: number,
  locationIds: readonly string[],
): IncomingReview {
  const source = benchSources[n % benchSources.length]!
  // Oldest first, evenly spread; a few ms apart at 100,000, never in the future.
  const at = new Date(now - 60_000 - Math.floor(((total - n) * spanMs) / total)).toISOString()
  const recommendation = source === 'facebook' ? (n % 7 === 0 ? 'negative' : 'positive') : undefined
  return {
    source,
    externalId: `${source}-${n}`,
    // Every ninth has no location (a site's page for the whole practice).
    locationId: n % 9 === 8 ? undefined : locationIds[n % locationIds.length],
    stars: recommendation
      ? recommendation === 'positive'
        ? 5
        : 1
      : [5, 4, 5, 2, 3, 5, 1, 4][n % 8]!,
    ...(recommendation && { recommendation }),
    text: texts[n % texts.length]!,
    createdAt: at,
    updatedAt: at,
    origin: source === 'healthgrades' ? 'import' : 'sync',
  }
}

/** The stored form `upsertReviews` would make of a new review, its text read beforehand. */
export function storedReview(incoming: IncomingReview, readings: Readings): Review {
  const reading = readings.get(incoming.text)
  return {
    ...incoming,
    id: newReviewId(incoming.createdAt),
    removed: false,
    ...(reading && { sentiment: reading.sentiment }),
    themes: [...(reading?.themes ?? [])],
  }
}

/** What the bench made, counted as it made it: no counters involved. */
export class ReviewTally {
  count = 0
  stars: Record<1 | 2 | 3 | 4 | 5, number> = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }
  bySource = new Map<string, number>()
  byLocation = new Map<string, number>()

  add(review: IncomingReview) {
    this.count++
    if (!review.recommendation) this.stars[review.stars as 1 | 2 | 3 | 4 | 5]++
    this.bySource.set(review.source, (this.bySource.get(review.source) ?? 0) + 1)
    if (review.locationId)
      this.byLocation.set(review.locationId, (this.byLocation.get(review.locationId) ?? 0) + 1)
  }
}
