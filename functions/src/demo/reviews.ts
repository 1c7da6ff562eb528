import type { Location } from '../domain/practice'
import type { Review } from '../domain/reviews/review'
import { textLanguage } from '../domain/reviews/text-language'
import { commentReader } from '../ingest/comment-reader'
import type { Random } from './random'
import { namedStory } from './staff-stories'
import { replyTexts, reviewerNames, reviewTexts, type ReviewTone } from './review-texts'

/**
 * The demo practice's reviews: about 200 over its six months, on Google (with replies), Yelp
 * (excerpts only), Facebook (recommendations, no stars) and Healthgrades (imported from CSV, as it
 * has no API), in English and Spanish. They tell the responses' story: more complaints about the
 * wait while check-in sagged.
 */

interface ReviewDay {
  date: string
  daysAgo: number
}

export interface DemoReviewOptions {
  random: Random
  makeId: (time: number) => string
  days: readonly ReviewDay[]
  now: Date
  locations: readonly Location[]
  /** How much check-in sagged that many days ago (0..1). */
  dipOf: (daysAgo: number) => number
  /** The instant of a wall-clock time on a day in the practice's zone. */
  at: (date: string, hours: number, minutes: number) => number
  /** Draws which reviews name someone (demo/staff-stories.ts), apart from `random`. */
  named?: Random
}

const sources = [
  ['google', 0.45],
  ['healthgrades', 0.22],
  ['facebook', 0.2],
  ['yelp', 0.13],
] as const

/**
 * Reviews a day, on average: ~1.1, some 200 in six months. More would not fit POST /api/demo's
 * request budget: each review adds two items, and its counters fifteen scopes a week and a month.
 */
const perDay = 1.1

const starsOf: Record<ReviewTone, readonly (readonly [number, number])[]> = {
  praise: [
    [5, 0.8],
    [4, 0.2],
  ],
  mixed: [
    [4, 0.3],
    [3, 0.5],
    [2, 0.2],
  ],
  complaint: [
    [1, 0.6],
    [2, 0.4],
  ],
}

/** How often a review of each site has a reply from the practice. */
const replyShare: Record<string, number> = { google: 0.45, facebook: 0.2, healthgrades: 0.15 }

/**
 * @example
 * const reviews = await demoReviews({ random: seeded(1), makeId: ulid, days, now, locations, dipOf, at })
 * reviews.length // about 200
 */
export async function demoReviews(options: DemoReviewOptions): Promise<Review[]> {
  const { random, makeId, days, now, locations } = options
  const reviews: Review[] = []
  let n = 0
  for (const day of days) {
    const count = random.poisson(perDay)
    for (let i = 0; i < count; i++) {
      n++
      const time = options.at(day.date, random.int(8, 21), random.int(0, 59))
      const dip = options.dipOf(day.daysAgo)
      const tone = random.weighted<ReviewTone>([
        ['praise', 0.68 - 0.25 * dip],
        ['mixed', 0.14 + 0.1 * dip],
        ['complaint', 0.18 + 0.15 * dip],
      ])
      const language = random.chance(0.15) ? 'es' : 'en'
      const source = random.weighted(sources)
      const wanted = reviewTexts.filter(
        (t) =>
          t.language === language &&
          t.tone === tone &&
          // Only Google shows a rating without words.
          (source === 'google' || t.text !== '') &&
          (dip > 0.5 && tone !== 'praise' ? t.wait : true),
      )
      const text = random.pick(
        wanted.length ? wanted : reviewTexts.filter((t) => t.tone === tone && t.text !== ''),
      )
      const story =
        options.named && text.text !== ''
          ? namedStory(tone, language, undefined, options.named)
          : undefined
      const words = story?.text ?? text.text
      const location = random.chance(0.58) ? locations[0]! : locations[1]!
      const recommendation =
        source === 'facebook'
          ? tone === 'complaint' || (tone === 'mixed' && random.chance(0.4))
            ? ('negative' as const)
            : ('positive' as const)
          : undefined
      const stars = recommendation
        ? recommendation === 'positive'
          ? 5
          : 1
        : random.weighted(starsOf[tone])
      const replied = random.chance(replyShare[source] ?? 0)
      const replyAt = time + random.int(4, 72) * 3600_000
      if (time > now.getTime()) continue
      const createdAt = new Date(time).toISOString()
      const reading =
        words.trim() === ''
          ? undefined
          : await commentReader.analyze(words, textLanguage(words, ['en', 'es']))
      reviews.push({
        id: makeId(time),
        source,
        externalId: externalIdOf(source, location.id, n),
        locationId: location.id,
        stars,
        ...(recommendation && { recommendation }),
        text: words,
        authorName: random.pick(reviewerNames),
        url: `https://example.com/reviews/sunrise-dermatology-demo/${source}/${n}`,
        createdAt,
        updatedAt: createdAt,
        ...(replied &&
          replyAt <= now.getTime() && {
            reply: {
              text: random.pick(replyTexts[tone][language]),
              updatedAt: new Date(replyAt).toISOString(),
              ...(source === 'google' && { state: 'posted' }),
            },
          }),
        origin: source === 'healthgrades' ? 'import' : 'sync',
        removed: false,
        ...(reading && { sentiment: reading.sentiment }),
        themes: [...(reading?.themes ?? [])],
      })
    }
  }
  return reviews
}

/** Ids in each site's own shape, so the demo's reviews look like what a sync would store. */
function externalIdOf(source: string, locationId: string, n: number): string {
  const tail = String(n).padStart(5, '0')
  switch (source) {
    case 'google':
      return `accounts/demo/locations/${locationId.slice(-6)}/reviews/${tail}`
    case 'facebook':
      return `demo-page-${locationId.slice(-6)}_${tail}`
    case 'yelp':
      return `demo-yelp-${tail}`
    default:
      return `${source}-${tail}`
  }
}
