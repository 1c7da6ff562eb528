import type { IncomingReview, ConnectedSource, ReviewReply } from '../../domain/reviews/review'
import type { SourceSecrets } from '../../domain/reviews/sources'

/** Where each site's API is: the real hosts by default, a local fake in tests and staging. */
export interface ConnectorUrls {
  /** GOOGLE_BUSINESS_API_URL, default `https://mybusiness.googleapis.com` */
  googleBusiness: string
  /** GOOGLE_OAUTH_TOKEN_URL, default `https://oauth2.googleapis.com/token` */
  googleToken: string
  /** YELP_API_URL, default `https://api.yelp.com` */
  yelp: string
  /** FACEBOOK_GRAPH_URL, default `https://graph.facebook.com` */
  facebookGraph: string
}

/** What a connector is handed besides the credentials: where to call, and how to wait. */
export interface ConnectorContext {
  urls: ConnectorUrls
  fetch: typeof fetch
  /** Waits between retries (a 429's `Retry-After`); tests pass one that records and returns. */
  sleep: (milliseconds: number) => Promise<void>
}

/** One of the practice's places on the site, and the practice location its reviews belong to. */
export interface FetchRequest {
  /** Google: `accounts/…`; the other sites need none. */
  accountId?: string | undefined
  externalLocationId: string
  locationId: string
  /**
   * Incremental runs stop at the first review not newer than this (reviews come newest first);
   * absent, or with `full`, every page is read.
   */
  since?: string | undefined
  full: boolean
}

export interface FetchResult {
  reviews: IncomingReview[]
  /** Items the site sent that could not be read (no id, no rating…): counted, never a crash. */
  skipped: number
  /** The newest `updatedAt` among the reviews read, where the next incremental run stops. */
  newestUpdate?: string | undefined
  /** True when every page was read, so a review not seen is gone from the site. */
  complete: boolean
  /** Sites that say how many calls are left (Yelp's `RateLimit-*` headers), for Settings. */
  rateLimit?: RateLimit | undefined
}

/** A site's daily call allowance as its last answer stated it. */
export interface RateLimit {
  remaining: number
  dailyLimit?: number | undefined
  resetAt?: string | undefined
}

/**
 * One review site behind one interface: the sync job neither knows nor cares which site it
 * reads. Paging, `Retry-After`, token refresh and malformed items are the connector's business;
 * what it cannot get past it throws as a `ConnectorError` the manager can act on.
 *
 * @example
 * const { reviews } = await googleConnector.fetchReviews(secrets, { externalLocationId, locationId, full: true }, context)
 */
export interface ReviewConnector {
  readonly source: ConnectedSource
  fetchReviews(
    secrets: SourceSecrets,
    request: FetchRequest,
    context: ConnectorContext,
  ): Promise<FetchResult>
  /** Sites whose API takes replies (Google); the others are copied and pasted by hand. */
  postReply?(
    secrets: SourceSecrets,
    review: { externalId: string },
    text: string,
    context: ConnectorContext,
  ): Promise<ReviewReply>
}

/**
 * Why a site could not be read, in words for the practice manager. `reconnect`: the site refused
 * the credentials (expired or revoked): the source shows "reconnect". `quota`: the site grants
 * no calls (Google's quota is 0 until it approves the project). `rate-limited`: still limited
 * after the retries. `deprecated`: the site no longer offers this data (Facebook's error 12):
 * use the CSV import. `not-found`: the place id is wrong. `unavailable`: the site failed.
 */
export class ConnectorError extends Error {
  override name = 'ConnectorError'
  constructor(
    readonly code:
      'reconnect' | 'quota' | 'rate-limited' | 'deprecated' | 'not-found' | 'unavailable',
    message: string,
  ) {
    super(message)
  }
}
