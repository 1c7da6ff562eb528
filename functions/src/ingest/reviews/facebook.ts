import type { IncomingReview } from '../../domain/reviews/review'
import type { SourceSecrets } from '../../domain/reviews/sources'
import { ConnectorError, type FetchResult, type ReviewConnector } from './connector'
import {
  backoff,
  callSite,
  isoInstant,
  newerOf,
  retryAfter,
  said,
  siteText,
  withRetries,
} from './site-call'

/**
 * The Graph version the connector is pinned to. `/{page}/ratings` answers error 12 from v22.0 on;
 * v21.0 is the last that serves it, and Meta retires v21.0 on 2027-01-21, after which every call
 * answers error 12 too and the manager is told to use the CSV import.
 */
export const graphVersion = 'v21.0'
const fields =
  'created_time,recommendation_type,review_text,reviewer,rating,has_rating,has_review,open_graph_story'
/** A page with more pages of ratings than this is paging that never ends. */
const maxPages = 1_000

export const facebookDeprecatedMessage =
  'Facebook no longer gives apps its page recommendations. Download them from your page and use Import (CSV) instead.'

/**
 * The Facebook page-ratings connector. The page token goes in the `Authorization` header, never in
 * a URL (so never in a log), and `paging.next` is followed on the configured Graph address with
 * any `access_token` Graph put in it taken out. Recommendations have no stars: positive counts as
 * 5 and negative as 1, and the review says `recommendation` so figures can leave it out.
 * Facebook's volumes are small and its order is not documented, so every run reads every page.
 *
 * @example
 * const { reviews } = await facebookConnector.fetchReviews({ source: 'facebook', pageAccessToken }, { externalLocationId: pageId, locationId, full: true }, context)
 */
export const facebookConnector: ReviewConnector = {
  source: 'facebook',

  async fetchReviews(secrets, request, context): Promise<FetchResult> {
    const token = pageToken(secrets)
    const base = context.urls.facebookGraph.replace(/\/+$/, '')
    const first = new URL(
      `${base}/${graphVersion}/${encodeURIComponent(request.externalLocationId)}/ratings`,
    )
    first.searchParams.set('fields', fields)
    first.searchParams.set('limit', '100')
    const reviews: IncomingReview[] = []
    const seen = new Set<string>()
    let skipped = 0
    let newestUpdate: string | undefined
    let url: string | undefined = first.href
    for (let page = 0; url && page < maxPages; page++) {
      const pageUrl: string = url
      const body = (await withRetries(
        context,
        () =>
          callSite(context, 'Facebook', pageUrl, {
            method: 'GET',
            headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
          }),
        (answer, attempt) => {
          if (answer.status === 200) return { ok: answer.body }
          const error = facebookError(answer.status, answer.body)
          if (error.code === 'rate-limited' || error.code === 'unavailable') {
            return { retryAfter: retryAfter(answer.headers, backoff(attempt)), error }
          }
          return { error }
        },
      )) as { data?: unknown; paging?: { next?: unknown } }
      for (const item of Array.isArray(body?.data) ? body.data : []) {
        const review = readRecommendation(item, request.locationId)
        if (!review) {
          skipped++
          continue
        }
        if (seen.has(review.externalId)) continue
        seen.add(review.externalId)
        reviews.push(review)
        newestUpdate = newerOf(newestUpdate, review.updatedAt)
      }
      // "If not included, this is the last page of data" (an empty page may still have one).
      url = nextPage(body?.paging?.next, base, pageUrl)
    }
    if (url)
      throw new ConnectorError('unavailable', 'Facebook kept sending more pages; the sync stopped.')
    return { reviews, skipped, newestUpdate, complete: true }
  },
}

function pageToken(secrets: SourceSecrets): string {
  if (secrets.source !== 'facebook') {
    throw new ConnectorError('reconnect', 'The saved credentials are not for Facebook.')
  }
  return secrets.pageAccessToken
}

/**
 * Graph's `paging.next` re-based on the configured Graph address (a link elsewhere is never
 * followed with the token), without an `access_token` parameter.
 */
export function nextPage(next: unknown, base: string, current: string): string | undefined {
  if (typeof next !== 'string') return undefined
  let link: URL
  try {
    link = new URL(next)
  } catch {
    return undefined
  }
  const rebased = new URL(base)
  const prefix = rebased.pathname.replace(/\/+$/, '')
  rebased.pathname = `${prefix}${link.pathname}`
  rebased.search = link.search
  rebased.searchParams.delete('access_token')
  return rebased.href === current ? undefined : rebased.href
}

/** Graph's error body `{error: {message, type, code, error_subcode}}` in the manager's words. */
export function facebookError(status: number, body: unknown): ConnectorError {
  const error = (body as { error?: { code?: unknown } } | undefined)?.error
  const code = typeof error?.code === 'number' ? error.code : -1
  if (code === 12) return new ConnectorError('deprecated', facebookDeprecatedMessage)
  if (code === 190 || code === 102 || status === 401) {
    return said.reconnect(
      'Facebook',
      'Facebook refused the saved page access token (expired or revoked).',
    )
  }
  if (code === 10 || code === 283 || (code >= 200 && code <= 299)) {
    return said.reconnect(
      'Facebook',
      'The page access token lacks the pages_read_user_content permission.',
    )
  }
  if ([4, 17, 32, 613].includes(code) || status === 429) return said.slowDown('Facebook')
  if (code === 100 || code === 803 || status === 404) return said.unknown('Facebook', 'page id')
  if (code === 1 || code === 2 || status >= 500) return said.down('Facebook')
  return said.refused('Facebook', status)
}

interface RecommendationJson {
  created_time?: unknown
  recommendation_type?: unknown
  rating?: unknown
  review_text?: unknown
  reviewer?: { name?: unknown }
  open_graph_story?: { id?: unknown }
}

function readRecommendation(item: unknown, locationId: string): IncomingReview | undefined {
  if (!item || typeof item !== 'object') return undefined
  const json = item as RecommendationJson
  const id = json.open_graph_story?.id
  const externalId = typeof id === 'string' && /^[\w-]{1,200}$/.test(id) ? id : undefined
  const createdAt = isoInstant(json.created_time)
  const kind = json.recommendation_type
  // Old pages still carry a 1-5 `rating` from before recommendations replaced stars (2018).
  const legacyStars =
    typeof json.rating === 'number' &&
    Number.isInteger(json.rating) &&
    json.rating >= 1 &&
    json.rating <= 5
      ? json.rating
      : undefined
  const recommendation = kind === 'positive' || kind === 'negative' ? kind : undefined
  const stars = recommendation === 'positive' ? 5 : recommendation === 'negative' ? 1 : legacyStars
  if (!externalId || !createdAt || !stars) return undefined
  const authorName = siteText(json.reviewer?.name, 200)
  return {
    source: 'facebook',
    externalId,
    locationId,
    stars,
    ...(recommendation ? { recommendation } : {}),
    text: siteText(json.review_text, 20_000),
    ...(authorName ? { authorName } : {}),
    createdAt,
    updatedAt: createdAt,
    origin: 'sync',
  }
}
