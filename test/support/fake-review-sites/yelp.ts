import { randomBytes } from 'node:crypto'
import { bearerOf, startFakeSite, type FakeSite, type InjectedAnswer } from './server'

export type YelpReviewJson = Record<string, unknown>

/** What the fake Yelp knows: the API key, each business's reviews, its daily allowance. */
export interface YelpScenario {
  apiKey: string
  /** Per business id: every review (the API shows the newest three, as excerpts). */
  reviews: Record<string, YelpReviewJson[]>
  dailyLimit: number
  remaining: number
  resetTime: string
  inject: InjectedAnswer[]
}

export interface FakeYelp extends FakeSite {
  scenario: YelpScenario
}

export function yelpScenario(changes: Partial<YelpScenario> = {}): YelpScenario {
  return {
    apiKey: `yelp-key-${randomBytes(10).toString('hex')}`,
    reviews: {},
    dailyLimit: 500,
    remaining: 500,
    resetTime: '2026-12-02T00:00:00+00:00',
    inject: [],
    ...changes,
  }
}

/** A review in Yelp's shape; `time_created` is Pacific wall-clock time, as Yelp documents. */
export function yelpReview(n: number, changes: Partial<YelpReviewJson> = {}): YelpReviewJson {
  return {
    id: `yelp-review-${n}`,
    rating: (n % 5) + 1,
    user: {
      id: `user-${n}`,
      profile_url: `https://www.yelp.com/user_details?userid=user-${n}`,
      image_url: null,
      name: `Ella ${String.fromCharCode(65 + (n % 26))}.`,
    },
    text: 'Went back again to this place since the last time, and nothing has changed. Still the...',
    time_created: `2026-11-${String(1 + (n % 28)).padStart(2, '0')} 00:41:13`,
    url: `https://www.yelp.com/biz/sunrise-dermatology?hrid=hr${n}`,
    ...changes,
  }
}

const tokenInvalid = {
  error: { code: 'TOKEN_INVALID', description: 'Invalid access token or authorization header.' },
}

/**
 * A fake Yelp Fusion: `GET /v3/businesses/{id}/reviews` with at most three excerpts (newest first),
 * the `RateLimit-*` headers on every answer, and Yelp's error bodies `{error: {code, description}}`.
 */
export async function startFakeYelp(scenario: YelpScenario = yelpScenario()): Promise<FakeYelp> {
  const rateHeaders = () => ({
    'RateLimit-DailyLimit': String(scenario.dailyLimit),
    'RateLimit-Remaining': String(scenario.remaining),
    'RateLimit-ResetTime': scenario.resetTime,
  })
  const site = await startFakeSite(scenario.inject, (request, url) => {
    if (bearerOf(request) !== scenario.apiKey)
      return { status: 401, headers: rateHeaders(), body: tokenInvalid }
    const match = /^\/v3\/businesses\/([^/]+)\/reviews$/.exec(url.pathname)
    const all = match ? scenario.reviews[decodeURIComponent(match[1]!)] : undefined
    if (!all) {
      return {
        status: 404,
        headers: rateHeaders(),
        body: {
          error: {
            code: 'BUSINESS_NOT_FOUND',
            description: 'The requested business could not be found.',
          },
        },
      }
    }
    if (scenario.remaining <= 0) {
      return {
        status: 429,
        headers: rateHeaders(),
        body: {
          error: {
            code: 'ACCESS_LIMIT_REACHED',
            description:
              "You've reached the access limit for this client. See instructions for requesting a higher access limit at https://www.yelp.com/developers/documentation/v3/rate_limiting",
          },
        },
      }
    }
    scenario.remaining--
    const limit = Math.min(Number(url.searchParams.get('limit') ?? 3) || 3, 3)
    const newest = [...all].sort((a, b) =>
      String(b.time_created).localeCompare(String(a.time_created)),
    )
    return {
      status: 200,
      headers: rateHeaders(),
      body: { reviews: newest.slice(0, limit), total: all.length, possible_languages: ['en'] },
    }
  })
  return { ...site, scenario }
}

/** Yelp's answer to a burst, to inject. */
export const yelpTooFast = (retryAfterSeconds?: number): InjectedAnswer => ({
  on: '/reviews',
  status: 429,
  ...(retryAfterSeconds === undefined
    ? {}
    : { headers: { 'Retry-After': String(retryAfterSeconds) } }),
  body: {
    error: {
      code: 'TOO_MANY_REQUESTS_PER_SECOND',
      description:
        'You have exceeded the queries-per-second limit for this endpoint. Try reducing the rate at which you make queries.',
    },
  },
})
