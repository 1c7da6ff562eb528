import { randomBytes } from 'node:crypto'
import {
  bearerOf,
  startFakeSite,
  type FakeAnswer,
  type FakeSite,
  type InjectedAnswer,
} from './server'

/** A review as Google's `reviews.list` sends it; a test may put anything in (malformed items). */
export type GoogleReviewJson = Record<string, unknown>

/**
 * What the fake Google knows and how it misbehaves. Tests change it between calls: edit a review,
 * remove one, expire the access tokens, revoke the refresh token, set the quota to 0.
 */
export interface GoogleScenario {
  clientId: string
  clientSecret: string
  refreshToken: string
  /** Per location name (`accounts/1/locations/2`), its reviews (any order: sorted when listed). */
  reviews: Record<string, GoogleReviewJson[]>
  /** The most reviews on one page, whatever `pageSize` asks (Google: 50). */
  pageSize: number
  /** `expires_in` of the access tokens handed out. */
  tokenSeconds: number
  /** The refresh token was revoked: the token endpoint answers `invalid_grant`. */
  revoked: boolean
  /** The project has not been granted access: every API call answers 429 with quota 0. */
  quotaZero: boolean
  /** Answers forced on the next matching requests (a 429 with `Retry-After`, a 503…). */
  inject: InjectedAnswer[]
}

export interface FakeGoogle extends FakeSite {
  scenario: GoogleScenario
  /** Every access token handed out so far stops working (Google's "expired"): the next call gets 401. */
  expireTokens(): void
  /** The reply comments put, by review name. */
  replies: Map<string, { comment: string; updateTime: string }>
}

export function googleScenario(changes: Partial<GoogleScenario> = {}): GoogleScenario {
  return {
    clientId: 'client-1.apps.googleusercontent.com',
    clientSecret: `secret-${randomBytes(6).toString('hex')}`,
    refreshToken: `1//refresh-${randomBytes(8).toString('hex')}`,
    reviews: {},
    pageSize: 50,
    tokenSeconds: 3599,
    revoked: false,
    quotaZero: false,
    inject: [],
    ...changes,
  }
}

const stars = ['ONE', 'TWO', 'THREE', 'FOUR', 'FIVE']

/** A well-formed review of a location, `n` minutes after 2026-11-01, in Google's shape. */
export function googleReview(
  location: string,
  n: number,
  changes: Partial<GoogleReviewJson> = {},
): GoogleReviewJson {
  const at = new Date(Date.UTC(2026, 10, 1) + n * 60_000)
    .toISOString()
    .replace('.000Z', '.123456789Z')
  return {
    name: `${location}/reviews/r${n}`,
    reviewId: `r${n}`,
    reviewer: {
      displayName: `Reviewer ${n}`,
      isAnonymous: false,
      profilePhotoUrl: 'https://lh3.example/p.jpg',
    },
    starRating: stars[n % 5],
    comment:
      n % 2 ? 'Kind nurses and a quick visit.' : 'We waited an hour and the front desk was rude.',
    createTime: at,
    updateTime: at,
    ...changes,
  }
}

const quotaZeroBody = {
  error: {
    code: 429,
    message:
      "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service 'mybusiness.googleapis.com' for consumer 'project_number:157306378344'.",
    status: 'RESOURCE_EXHAUSTED',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: { quota_limit_value: '0', service: 'mybusiness.googleapis.com' },
      },
    ],
  },
}

const unauthenticated = {
  error: {
    code: 401,
    message:
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    status: 'UNAUTHENTICATED',
  },
}

/**
 * A fake Google: the OAuth token endpoint at `/token` and the Business Profile API v4 under
 * `/v4/…` (`reviews.list` with `pageSize`, `pageToken`, `orderBy=updateTime desc`; `updateReply`),
 * answering in the shapes Google documents (see /tmp research google.md): the next page token is
 * absent on the last page, errors are `{error: {code, message, status, details}}`.
 */
export async function startFakeGoogle(
  scenario: GoogleScenario = googleScenario(),
): Promise<FakeGoogle> {
  const valid = new Set<string>()
  const replies = new Map<string, { comment: string; updateTime: string }>()

  function token(body: string): FakeAnswer {
    const form = new URLSearchParams(body)
    if (form.get('grant_type') !== 'refresh_token')
      return { status: 400, body: { error: 'unsupported_grant_type' } }
    if (
      form.get('client_id') !== scenario.clientId ||
      form.get('client_secret') !== scenario.clientSecret
    ) {
      return { status: 401, body: { error: 'invalid_client', error_description: 'Unauthorized' } }
    }
    if (scenario.revoked || form.get('refresh_token') !== scenario.refreshToken) {
      return {
        status: 400,
        body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' },
      }
    }
    const accessToken = `ya29.${randomBytes(12).toString('hex')}`
    valid.add(accessToken)
    return {
      status: 200,
      body: {
        access_token: accessToken,
        expires_in: scenario.tokenSeconds,
        scope: 'https://www.googleapis.com/auth/business.manage',
        token_type: 'Bearer',
      },
    }
  }

  function list(location: string, url: URL): FakeAnswer {
    const all = scenario.reviews[location]
    if (!all)
      return {
        status: 404,
        body: {
          error: { code: 404, message: 'Requested entity was not found.', status: 'NOT_FOUND' },
        },
      }
    const sorted = [...all].sort((a, b) =>
      String(b.updateTime ?? '').localeCompare(String(a.updateTime ?? '')),
    )
    const size = Math.min(Number(url.searchParams.get('pageSize') ?? 50) || 50, scenario.pageSize)
    const offset = url.searchParams.has('pageToken')
      ? Number(Buffer.from(url.searchParams.get('pageToken')!, 'base64url').toString())
      : 0
    const page = sorted.slice(offset, offset + size)
    const next = offset + size < sorted.length
    const rated = all.filter((review) => stars.includes(String(review.starRating)))
    return {
      status: 200,
      body: {
        reviews: page,
        averageRating:
          rated.reduce((sum, review) => sum + stars.indexOf(String(review.starRating)) + 1, 0) /
          (rated.length || 1),
        totalReviewCount: all.length,
        ...(next
          ? { nextPageToken: Buffer.from(String(offset + size)).toString('base64url') }
          : {}),
      },
    }
  }

  const site = await startFakeSite(scenario.inject, (request, url) => {
    if (url.pathname === '/token' && request.method === 'POST') return token(request.body)
    const bearer = bearerOf(request)
    if (!bearer || !valid.has(bearer)) return { status: 401, body: unauthenticated }
    if (scenario.quotaZero) return { status: 429, body: quotaZeroBody }
    const listing = /^\/v4\/(accounts\/[^/]+\/locations\/[^/]+)\/reviews$/.exec(url.pathname)
    if (listing && request.method === 'GET') return list(listing[1]!, url)
    const reply = /^\/v4\/(accounts\/[^/]+\/locations\/[^/]+\/reviews\/[^/]+)\/reply$/.exec(
      url.pathname,
    )
    if (reply && request.method === 'PUT') {
      const { comment } = JSON.parse(request.body) as { comment: string }
      const answer = { comment, updateTime: new Date().toISOString() }
      replies.set(reply[1]!, answer)
      return { status: 200, body: answer }
    }
    return {
      status: 404,
      body: { error: { code: 404, message: 'Not found', status: 'NOT_FOUND' } },
    }
  })
  return { ...site, scenario, replies, expireTokens: () => valid.clear() }
}
