import { createHash } from 'node:crypto'
import { Invalid } from '../../domain/errors'
import type { IncomingReview, ReviewReply } from '../../domain/reviews/review'
import type { SourceSecrets } from '../../domain/reviews/sources'
import {
  ConnectorError,
  type ConnectorContext,
  type FetchRequest,
  type FetchResult,
  type ReviewConnector,
} from './connector'
import { googleError, googleTokenError, type GoogleErrorBody } from './google-errors'
import { readGoogleReview } from './google-review'
import { backoff, callSite, newerOf, retryAfter, withRetries, type Verdict } from './site-call'

type GoogleSecrets = Extract<SourceSecrets, { source: 'google' }>

/** Google's largest page (accounts.locations.reviews.list: "The maximum pageSize is 50"). */
const pageSize = 50
/** A location with more pages than this is a site (or a fake) that never ends its paging. */
const maxPages = 5_000
/** An access token is renewed this long before Google says it expires, so none dies in flight. */
const tokenMarginMs = 60_000
/** Google's limit on a reply's comment ("The maximum length is 4096 bytes"). */
export const maxReplyBytes = 4096

interface CachedToken {
  accessToken: string
  expiresAt: number
}

/**
 * The Google Business Profile connector (API v4 `accounts.locations.reviews`). Access tokens are
 * refreshed from the practice's refresh token and kept until shortly before `expires_in`; each
 * connector made here has its own cache, keyed by a hash of the credentials (never the secret
 * itself).
 *
 * @example
 * const google = createGoogleConnector()
 * const { reviews } = await google.fetchReviews(secrets, { accountId: 'accounts/1', externalLocationId: 'locations/2', locationId, full: true }, context)
 */
export function createGoogleConnector(now: () => number = Date.now): ReviewConnector {
  const tokens = new Map<string, CachedToken>()
  const cacheKey = (secrets: GoogleSecrets) =>
    createHash('sha256').update(`${secrets.clientId}\n${secrets.refreshToken}`).digest('hex')

  async function accessToken(
    secrets: GoogleSecrets,
    context: ConnectorContext,
    renew: boolean,
  ): Promise<string> {
    const key = cacheKey(secrets)
    const cached = tokens.get(key)
    if (!renew && cached && cached.expiresAt - tokenMarginMs > now()) return cached.accessToken
    tokens.delete(key)
    const form = new URLSearchParams({
      client_id: secrets.clientId,
      client_secret: secrets.clientSecret,
      refresh_token: secrets.refreshToken,
      grant_type: 'refresh_token',
    })
    const token = await withRetries(
      context,
      () =>
        callSite(context, 'Google', context.urls.googleToken, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: form.toString(),
        }),
      (answer, attempt): Verdict<CachedToken> => {
        const body = (answer.body ?? {}) as { access_token?: unknown; expires_in?: unknown }
        if (answer.status === 200 && typeof body.access_token === 'string') {
          const seconds = typeof body.expires_in === 'number' ? body.expires_in : 3600
          return { ok: { accessToken: body.access_token, expiresAt: now() + seconds * 1000 } }
        }
        const error = googleTokenError(answer.status, answer.body)
        if (answer.status === 429 || answer.status >= 500) {
          return { retryAfter: retryAfter(answer.headers, backoff(attempt)), error }
        }
        return { error }
      },
    )
    tokens.set(key, token)
    return token.accessToken
  }

  /** One call with a Bearer token: a 401 renews the token once, then means "reconnect". */
  async function authorized(
    secrets: GoogleSecrets,
    context: ConnectorContext,
    url: string,
    init: RequestInit,
  ): Promise<unknown> {
    let renewed = false
    let token = await accessToken(secrets, context, false)
    return withRetries(
      context,
      () =>
        callSite(context, 'Google', url, {
          ...init,
          headers: { ...init.headers, authorization: `Bearer ${token}` },
        }),
      async (answer, attempt): Promise<Verdict<unknown>> => {
        if (answer.status >= 200 && answer.status < 300) return { ok: answer.body }
        const error = googleError(answer.status, answer.body as GoogleErrorBody | undefined)
        if (answer.status === 401 && !renewed) {
          renewed = true
          token = await accessToken(secrets, context, true)
          return { retryAfter: 0, error }
        }
        if (error.code === 'rate-limited' || error.code === 'unavailable') {
          return { retryAfter: retryAfter(answer.headers, backoff(attempt)), error }
        }
        return { error }
      },
    )
  }

  return {
    source: 'google',

    async fetchReviews(secrets, request, context): Promise<FetchResult> {
      const google = googleSecrets(secrets)
      const parent = locationName(request)
      const since = request.full || !request.since ? undefined : Date.parse(request.since)
      const reviews: IncomingReview[] = []
      const seen = new Set<string>()
      let skipped = 0
      let newestUpdate: string | undefined
      let pageToken: string | undefined
      for (let page = 0; page < maxPages; page++) {
        const url = new URL(`${base(context)}/v4/${parent}/reviews`)
        url.searchParams.set('pageSize', String(pageSize))
        url.searchParams.set('orderBy', 'updateTime desc')
        if (pageToken) url.searchParams.set('pageToken', pageToken)
        const body = (await authorized(google, context, url.href, { method: 'GET' })) as {
          reviews?: unknown
          nextPageToken?: unknown
        }
        const items = Array.isArray(body?.reviews) ? body.reviews : []
        for (const item of items) {
          const review = readGoogleReview(item, parent, request.locationId)
          if (!review) {
            skipped++
            continue
          }
          // Newest first: the first one not newer than the last run's newest is where it stopped.
          if (since !== undefined && Date.parse(review.updatedAt) <= since) {
            return { reviews, skipped, newestUpdate, complete: false }
          }
          // A review moved between pages while paging (edited meanwhile) is read once.
          if (seen.has(review.externalId)) continue
          seen.add(review.externalId)
          reviews.push(review)
          newestUpdate = newerOf(newestUpdate, review.updatedAt)
        }
        const next = typeof body?.nextPageToken === 'string' ? body.nextPageToken : ''
        if (!next || next === pageToken) return { reviews, skipped, newestUpdate, complete: true }
        pageToken = next
      }
      throw new ConnectorError('unavailable', 'Google kept sending more pages; the sync stopped.')
    },

    async postReply(secrets, review, text, context): Promise<ReviewReply> {
      if (Buffer.byteLength(text, 'utf8') > maxReplyBytes) {
        throw new Invalid(`Google takes replies of at most ${maxReplyBytes} bytes.`, 'text')
      }
      const body = (await authorized(
        googleSecrets(secrets),
        context,
        `${base(context)}/v4/${review.externalId}/reply`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ comment: text }),
        },
      )) as { comment?: unknown; updateTime?: unknown }
      const updatedAt =
        typeof body?.updateTime === 'string' && !Number.isNaN(Date.parse(body.updateTime))
          ? new Date(Date.parse(body.updateTime)).toISOString()
          : new Date(now()).toISOString()
      return {
        text: typeof body?.comment === 'string' ? body.comment : text,
        updatedAt,
        state: 'posted',
      }
    },
  }
}

function googleSecrets(secrets: SourceSecrets): GoogleSecrets {
  if (secrets.source !== 'google') {
    throw new ConnectorError('reconnect', 'The saved credentials are not for Google.')
  }
  return secrets
}

const base = (context: ConnectorContext) => context.urls.googleBusiness.replace(/\/+$/, '')

/** `accounts/1/locations/2` from the account and the location as the manager entered them. */
export function locationName(request: Pick<FetchRequest, 'accountId' | 'externalLocationId'>) {
  const location = request.externalLocationId.replace(/^\/+/, '')
  if (location.startsWith('accounts/')) return location
  const account = (request.accountId ?? '').replace(/^\/+|\/+$/g, '')
  if (!account)
    throw new ConnectorError('not-found', 'The Google account is missing: reconnect Google.')
  const bare = location.startsWith('locations/') ? location : `locations/${location}`
  return `${account.startsWith('accounts/') ? account : `accounts/${account}`}/${bare}`
}

/** The connector the app uses. */
export const googleConnector = createGoogleConnector()
