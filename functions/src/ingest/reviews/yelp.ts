import { TZDate } from '@date-fns/tz'
import type { IncomingReview } from '../../domain/reviews/review'
import type { SourceSecrets } from '../../domain/reviews/sources'
import { ConnectorError, type FetchResult, type RateLimit, type ReviewConnector } from './connector'
import {
  backoff,
  callSite,
  newerOf,
  retryAfter,
  said,
  siteText,
  siteUrl,
  withRetries,
} from './site-call'

/**
 * The Yelp Fusion connector (`/v3/businesses/{id}/reviews`). Yelp gives at most three excerpts
 * per business, so a result is never `complete`: a review not among the three is not gone.
 *
 * @example
 * const { reviews, rateLimit } = await yelpConnector.fetchReviews({ source: 'yelp', apiKey }, { externalLocationId: 'biz-id', locationId, full: false }, context)
 */
export const yelpConnector: ReviewConnector = {
  source: 'yelp',

  async fetchReviews(secrets, request, context): Promise<FetchResult> {
    const apiKey = yelpKey(secrets)
    const base = context.urls.yelp.replace(/\/+$/, '')
    const url = new URL(
      `${base}/v3/businesses/${encodeURIComponent(request.externalLocationId)}/reviews`,
    )
    url.searchParams.set('limit', '3')
    url.searchParams.set('sort_by', 'newest')
    let rateLimit: RateLimit | undefined
    const body = await withRetries(
      context,
      () =>
        callSite(context, 'Yelp', url.href, {
          method: 'GET',
          headers: { authorization: `Bearer ${apiKey}`, accept: 'application/json' },
        }),
      (answer, attempt) => {
        rateLimit = rateLimitOf(answer.headers) ?? rateLimit
        if (answer.status === 200) return { ok: answer.body }
        const code = (answer.body as { error?: { code?: unknown } } | undefined)?.error?.code
        // "We may not be able to provide details for certain businesses, for example if they
        // do not have any reviews yet": nothing to read is not a failure.
        if (answer.status === 403 && code === 'BUSINESS_UNAVAILABLE') return { ok: { reviews: [] } }
        const error = yelpError(answer.status, code, rateLimit)
        if (code === 'TOO_MANY_REQUESTS_PER_SECOND' || answer.status >= 500) {
          return { retryAfter: retryAfter(answer.headers, backoff(attempt)), error }
        }
        return { error }
      },
    )
    const items = Array.isArray((body as { reviews?: unknown })?.reviews)
      ? (body as { reviews: unknown[] }).reviews
      : []
    const reviews: IncomingReview[] = []
    let skipped = 0
    let newestUpdate: string | undefined
    for (const item of items) {
      const review = readYelpReview(item, request.locationId)
      if (!review) {
        skipped++
        continue
      }
      reviews.push(review)
      newestUpdate = newerOf(newestUpdate, review.updatedAt)
    }
    return { reviews, skipped, newestUpdate, complete: false, ...(rateLimit ? { rateLimit } : {}) }
  },
}

function yelpKey(secrets: SourceSecrets): string {
  if (secrets.source !== 'yelp') {
    throw new ConnectorError('reconnect', 'The saved credentials are not for Yelp.')
  }
  return secrets.apiKey
}

/** Yelp's `RateLimit-*` headers (on every answer): the daily cap, what is left, when it resets. */
export function rateLimitOf(headers: Headers): RateLimit | undefined {
  const dailyLimit = Number(headers.get('ratelimit-dailylimit'))
  const remaining = Number(headers.get('ratelimit-remaining'))
  if (!headers.has('ratelimit-remaining') || !Number.isFinite(remaining)) return undefined
  const reset = headers.get('ratelimit-resettime')
  const resetAt =
    reset && !Number.isNaN(Date.parse(reset))
      ? new Date(Date.parse(reset)).toISOString()
      : undefined
  return {
    remaining,
    ...(Number.isFinite(dailyLimit) && headers.has('ratelimit-dailylimit') ? { dailyLimit } : {}),
    ...(resetAt ? { resetAt } : {}),
  }
}

function yelpError(
  status: number,
  code: unknown,
  rateLimit: RateLimit | undefined,
): ConnectorError {
  if (code === 'ACCESS_LIMIT_REACHED') {
    const reset = rateLimit?.resetAt ?? 'midnight UTC'
    return new ConnectorError(
      'rate-limited',
      `Yelp’s daily call limit for this API key is used up. It resets at ${reset}.`,
    )
  }
  if (status === 429) return said.slowDown('Yelp')
  if (status === 401 || (typeof code === 'string' && /TOKEN|AUTHORIZATION/.test(code))) {
    return said.reconnect('Yelp', 'Yelp refused the saved API key.')
  }
  if (status === 404) return said.unknown('Yelp', 'business id')
  if (status >= 500) return said.down('Yelp')
  return said.refused('Yelp', status)
}

const pacificTime = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/

/**
 * Yelp's `time_created` ("2016-08-29 00:41:13", no zone) as an instant: Yelp documents it as
 * "the time that the review was created in PST", i.e. Pacific wall-clock time.
 */
export function yelpInstant(value: unknown): string | undefined {
  const parts = typeof value === 'string' ? pacificTime.exec(value) : null
  if (!parts) return undefined
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59)
    return undefined
  const at = new TZDate(year, month - 1, day, hour, minute, second, 'America/Los_Angeles')
  return Number.isNaN(at.getTime()) ? undefined : new Date(at.getTime()).toISOString()
}

function readYelpReview(item: unknown, locationId: string): IncomingReview | undefined {
  if (!item || typeof item !== 'object') return undefined
  const json = item as {
    id?: unknown
    rating?: unknown
    text?: unknown
    time_created?: unknown
    url?: unknown
    user?: { name?: unknown }
  }
  const id = typeof json.id === 'string' && /^[\w-]{1,200}$/.test(json.id) ? json.id : undefined
  const stars =
    typeof json.rating === 'number' &&
    Number.isInteger(json.rating) &&
    json.rating >= 1 &&
    json.rating <= 5
      ? json.rating
      : undefined
  const createdAt = yelpInstant(json.time_created)
  if (!id || !stars || !createdAt) return undefined
  const authorName = siteText(json.user?.name, 200)
  const url = siteUrl(json.url)
  return {
    source: 'yelp',
    externalId: id,
    locationId,
    stars,
    text: siteText(json.text, 20_000),
    ...(authorName ? { authorName } : {}),
    ...(url ? { url } : {}),
    createdAt,
    // Yelp has no edit time: an edited excerpt shows as changed content under the same date.
    updatedAt: createdAt,
    origin: 'sync',
  }
}
