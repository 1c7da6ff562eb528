import { afterEach, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../../functions/src/ingest/reviews/connector'
import { yelpConnector } from '../../../functions/src/ingest/reviews/yelp'
import { fakeContext } from '../../support/fake-review-sites/context'
import {
  startFakeYelp,
  yelpReview,
  yelpScenario,
  yelpTooFast,
  type FakeYelp,
} from '../../support/fake-review-sites/yelp'

const business = 'sunrise-dermatology-springfield'
const locationId = '01JD0000000000000000000002'
let fake: FakeYelp | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function setUp(count = 5) {
  fake = await startFakeYelp(
    yelpScenario({
      reviews: { [business]: Array.from({ length: count }, (_, n) => yelpReview(n)) },
    }),
  )
  const { context, waits } = fakeContext({ yelp: fake.url })
  const secrets = { source: 'yelp' as const, apiKey: fake.scenario.apiKey }
  const request = { externalLocationId: business, locationId, full: true }
  return { fake, context, waits, secrets, request }
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const err = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(err).toBeInstanceOf(ConnectorError)
  return err as ConnectorError
}

describe('the Yelp connector', () => {
  it('reads the three newest excerpts and never calls the result complete', async () => {
    const { fake, context, secrets, request } = await setUp(5)
    const result = await yelpConnector.fetchReviews(secrets, request, context)
    expect(result.reviews.map((review) => review.externalId)).toEqual([
      'yelp-review-4',
      'yelp-review-3',
      'yelp-review-2',
    ])
    // A review not among the three is not gone: a full sweep must not mark it removed.
    expect(result.complete).toBe(false)
    expect(result.reviews[0]).toMatchObject({
      source: 'yelp',
      locationId,
      stars: 5,
      authorName: 'Ella E.',
      url: 'https://www.yelp.com/biz/sunrise-dermatology?hrid=hr4',
      origin: 'sync',
    })
    const sent = new URL(fake.requests[0]!.url, fake.url)
    expect(sent.pathname).toBe(`/v3/businesses/${business}/reviews`)
    expect(sent.searchParams.get('limit')).toBe('3')
    expect(sent.searchParams.get('sort_by')).toBe('newest')
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${secrets.apiKey}`)
    expect(fake.requests[0]!.url).not.toContain(secrets.apiKey)
  })

  it('reads time_created as Pacific time, summer and winter', async () => {
    const { fake, context, secrets, request } = await setUp(0)
    fake.scenario.reviews[business] = [
      yelpReview(1, { time_created: '2026-07-04 09:30:00' }),
      yelpReview(2, { time_created: '2026-12-01 09:30:00' }),
    ]
    const { reviews } = await yelpConnector.fetchReviews(secrets, request, context)
    expect(reviews.map((review) => review.createdAt).sort()).toEqual([
      '2026-07-04T16:30:00.000Z', // PDT, UTC-7
      '2026-12-01T17:30:00.000Z', // PST, UTC-8
    ])
  })

  it('keeps the RateLimit headers’ figures, so Settings can show calls left today', async () => {
    const { fake, context, secrets, request } = await setUp(3)
    fake.scenario.remaining = 41
    const result = await yelpConnector.fetchReviews(secrets, request, context)
    expect(result.rateLimit).toEqual({
      dailyLimit: 500,
      remaining: 40,
      resetAt: '2026-12-02T00:00:00.000Z',
    })
  })

  it('says rate-limited with the reset time when the daily allowance is used up', async () => {
    const { fake, context, waits, secrets, request } = await setUp(3)
    fake.scenario.remaining = 0
    const err = await failure(yelpConnector.fetchReviews(secrets, request, context))
    expect(err.code).toBe('rate-limited')
    expect(err.message).toContain('2026-12-02T00:00:00.000Z')
    expect(waits).toEqual([])
  })

  it('waits and tries again after TOO_MANY_REQUESTS_PER_SECOND', async () => {
    const { fake, context, waits, secrets, request } = await setUp(3)
    fake.scenario.inject.push(yelpTooFast(2), yelpTooFast())
    const result = await yelpConnector.fetchReviews(secrets, request, context)
    expect(result.reviews).toHaveLength(3)
    expect(waits).toEqual([2000, 1000])
  })

  it('says reconnect for a refused key and not-found for an unknown business', async () => {
    const { context, secrets, request } = await setUp(3)
    const refused = await failure(
      yelpConnector.fetchReviews({ ...secrets, apiKey: 'revoked' }, request, context),
    )
    expect(refused.code).toBe('reconnect')
    const missing = await failure(
      yelpConnector.fetchReviews(secrets, { ...request, externalLocationId: 'nobody' }, context),
    )
    expect(missing.code).toBe('not-found')
  })

  it('skips and counts malformed excerpts', async () => {
    const { fake, context, secrets, request } = await setUp(0)
    fake.scenario.reviews[business] = [
      yelpReview(1, { time_created: '2026-11-03 10:00:00' }),
      yelpReview(2, { id: undefined, time_created: '2026-11-02 10:00:00' }),
      yelpReview(3, { rating: 6, time_created: '2026-11-01 10:00:00' }),
    ]
    const result = await yelpConnector.fetchReviews(secrets, request, context)
    expect(result.reviews).toHaveLength(1)
    expect(result.skipped).toBe(2)
  })
})
