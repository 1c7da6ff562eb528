import { afterEach, describe, expect, it } from 'vitest'
import { Invalid } from '../../../functions/src/domain/errors'
import { ConnectorError } from '../../../functions/src/ingest/reviews/connector'
import { createGoogleConnector } from '../../../functions/src/ingest/reviews/google'
import { fakeContext } from '../../support/fake-review-sites/context'
import {
  googleReview,
  googleScenario,
  startFakeGoogle,
  type FakeGoogle,
  type GoogleScenario,
} from '../../support/fake-review-sites/google'

const location = 'accounts/111/locations/222'
const locationId = '01JD0000000000000000000001'
let fake: FakeGoogle | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function setUp(count: number, changes: Partial<GoogleScenario> = {}) {
  fake = await startFakeGoogle(
    googleScenario({
      reviews: { [location]: Array.from({ length: count }, (_, n) => googleReview(location, n)) },
      ...changes,
    }),
  )
  const { context, waits } = fakeContext({ google: fake.url })
  const { clientId, clientSecret, refreshToken } = fake.scenario
  const secrets = { source: 'google' as const, clientId, clientSecret, refreshToken }
  const connector = createGoogleConnector()
  const request = {
    accountId: 'accounts/111',
    externalLocationId: 'locations/222',
    locationId,
    full: true,
  }
  return { fake, context, waits, secrets, connector, request }
}

const listCalls = (site: FakeGoogle) =>
  site.requests.filter((request) => request.url.includes('/reviews'))
const tokenCalls = (site: FakeGoogle) => site.requests.filter((request) => request.url === '/token')

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const err = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(err).toBeInstanceOf(ConnectorError)
  return err as ConnectorError
}

describe('the Google connector', () => {
  it('reads every page, newest first, following nextPageToken until Google leaves it out', async () => {
    const { fake, context, secrets, connector, request } = await setUp(60)
    const result = await connector.fetchReviews(secrets, request, context)
    expect(result.reviews).toHaveLength(60)
    expect(result.complete).toBe(true)
    expect(result.skipped).toBe(0)
    const calls = listCalls(fake)
    expect(calls).toHaveLength(2)
    const first = new URL(calls[0]!.url, fake.url)
    expect(first.pathname).toBe(`/v4/${location}/reviews`)
    expect(first.searchParams.get('pageSize')).toBe('50')
    expect(first.searchParams.get('orderBy')).toBe('updateTime desc')
    expect(new URL(calls[1]!.url, fake.url).searchParams.get('pageToken')).toBeTruthy()
    // Newest first; nanosecond times kept to the millisecond.
    expect(result.reviews[0]).toMatchObject({
      source: 'google',
      externalId: `${location}/reviews/r59`,
      locationId,
      stars: 5,
      authorName: 'Reviewer 59',
      origin: 'sync',
    })
    expect(result.newestUpdate).toBe(result.reviews[0]!.updatedAt)
    expect(result.reviews.map((review) => review.stars).slice(0, 5)).toEqual([5, 4, 3, 2, 1])
  })

  it('stops an incremental run at the first review not newer than the last one seen', async () => {
    const { fake, context, secrets, connector, request } = await setUp(60)
    const since = new Date(Date.UTC(2026, 10, 1) + 40 * 60_000 + 123).toISOString()
    const result = await connector.fetchReviews(
      secrets,
      { ...request, full: false, since },
      context,
    )
    expect(result.reviews.map((review) => review.externalId)).toEqual(
      Array.from({ length: 19 }, (_, i) => `${location}/reviews/r${59 - i}`),
    )
    expect(result.complete).toBe(false)
    expect(listCalls(fake)).toHaveLength(1)
  })

  it('waits as a 429 Retry-After asks, then reads the page', async () => {
    const { fake, context, waits, secrets, connector, request } = await setUp(3)
    fake.scenario.inject.push({
      on: '/reviews',
      status: 429,
      headers: { 'Retry-After': '7' },
      body: {
        error: {
          code: 429,
          message: 'Resource has been exhausted (e.g. check quota).',
          status: 'RESOURCE_EXHAUSTED',
        },
      },
    })
    const result = await connector.fetchReviews(secrets, request, context)
    expect(result.reviews).toHaveLength(3)
    expect(waits).toEqual([7000])
    expect(listCalls(fake)).toHaveLength(2)
  })

  it('gives up on a site that keeps answering 429, saying it is rate-limited', async () => {
    const { fake, context, waits, secrets, connector, request } = await setUp(3)
    for (let i = 0; i < 10; i++) {
      fake.scenario.inject.push({
        on: '/reviews',
        status: 429,
        headers: { 'Retry-After': '600' },
        body: { error: { code: 429, status: 'RESOURCE_EXHAUSTED' } },
      })
    }
    const err = await failure(connector.fetchReviews(secrets, request, context))
    expect(err.code).toBe('rate-limited')
    // Bounded: a few tries, and no wait longer than a minute whatever Retry-After says.
    expect(waits).toEqual([60_000, 60_000, 60_000])
  })

  it('keeps its access token until it expires, and refreshes it once on a 401', async () => {
    const { fake, context, secrets, connector, request } = await setUp(3)
    await connector.fetchReviews(secrets, request, context)
    await connector.fetchReviews(secrets, request, context)
    expect(tokenCalls(fake)).toHaveLength(1)
    const form = new URLSearchParams(tokenCalls(fake)[0]!.body)
    expect(tokenCalls(fake)[0]!.headers['content-type']).toBe('application/x-www-form-urlencoded')
    expect(form.get('grant_type')).toBe('refresh_token')

    fake.expireTokens()
    const result = await connector.fetchReviews(secrets, request, context)
    expect(result.reviews).toHaveLength(3)
    expect(tokenCalls(fake)).toHaveLength(2)
  })

  it('asks for a new token when the cached one is about to expire', async () => {
    const { fake, context, secrets, connector, request } = await setUp(3, { tokenSeconds: 30 })
    await connector.fetchReviews(secrets, request, context)
    await connector.fetchReviews(secrets, request, context)
    expect(tokenCalls(fake)).toHaveLength(2)
  })

  it('says "reconnect" when Google revokes the refresh token (invalid_grant)', async () => {
    const { fake, context, secrets, connector, request } = await setUp(3, { revoked: true })
    const err = await failure(connector.fetchReviews(secrets, request, context))
    expect(err.code).toBe('reconnect')
    expect(err.message).toMatch(/expired or was revoked/)
    expect(listCalls(fake)).toHaveLength(0)
  })

  it('says "reconnect" when a renewed token is refused too', async () => {
    const { fake, context, secrets, connector, request } = await setUp(3)
    for (let i = 0; i < 3; i++) {
      fake.scenario.inject.push({
        on: '/reviews',
        status: 401,
        body: { error: { code: 401, status: 'UNAUTHENTICATED' } },
      })
    }
    const err = await failure(connector.fetchReviews(secrets, request, context))
    expect(err.code).toBe('reconnect')
    expect(tokenCalls(fake)).toHaveLength(2)
  })

  it('explains quota 0 as access not granted yet, without retrying', async () => {
    const { fake, context, waits, secrets, connector, request } = await setUp(3, {
      quotaZero: true,
    })
    const err = await failure(connector.fetchReviews(secrets, request, context))
    expect(err.code).toBe('quota')
    expect(err.message).toBe(
      'Google has not granted this project API access yet (quota 0): apply at https://support.google.com/business/contact/api_default and sync again once approved.',
    )
    expect(waits).toEqual([])
    expect(listCalls(fake)).toHaveLength(1)
  })

  it('skips and counts malformed items, and cleans the text of the others', async () => {
    const { fake, context, secrets, connector, request } = await setUp(2)
    fake.scenario.reviews[location]!.push(
      googleReview(location, 10, { name: undefined, reviewId: undefined }),
      googleReview(location, 11, { starRating: 'STAR_RATING_UNSPECIFIED' }),
      googleReview(location, 12, { createTime: 'yesterday', updateTime: 'yesterday' }),
      googleReview(location, 13, {
        comment: 'Great\u0000 visit\u202E',
        reviewer: { isAnonymous: true, displayName: 'A Google user' },
        reviewReply: { comment: 'Thank you!', updateTime: '2026-11-02T10:00:00.5Z' },
      }),
    )
    const result = await connector.fetchReviews(secrets, request, context)
    expect(result.skipped).toBe(3)
    expect(result.reviews).toHaveLength(3)
    const cleaned = result.reviews.find((review) => review.externalId.endsWith('/r13'))!
    expect(cleaned.text).toBe('Great visit')
    expect(cleaned.authorName).toBeUndefined()
    expect(cleaned.reply).toEqual({
      text: 'Thank you!',
      updatedAt: '2026-11-02T10:00:00.500Z',
      state: 'posted',
    })
  })

  it('says not-found for a location Google does not know, and unavailable after 5xx retries', async () => {
    const { fake, context, waits, secrets, connector, request } = await setUp(1)
    const missing = await failure(
      connector.fetchReviews(secrets, { ...request, externalLocationId: 'locations/999' }, context),
    )
    expect(missing.code).toBe('not-found')
    for (let i = 0; i < 4; i++)
      fake.scenario.inject.push({
        on: '/reviews',
        status: 503,
        body: { error: { code: 503, status: 'UNAVAILABLE' } },
      })
    const down = await failure(connector.fetchReviews(secrets, request, context))
    expect(down.code).toBe('unavailable')
    expect(waits).toEqual([500, 1000, 2000])
  })

  it('never puts a token or secret in a URL', async () => {
    const { fake, context, secrets, connector, request } = await setUp(60)
    await connector.fetchReviews(secrets, request, context)
    fake.expireTokens()
    await connector.fetchReviews(secrets, request, context)
    const issued = fake.requests
      .filter((r) => r.url.includes('/reviews'))
      .map((r) => String(r.headers.authorization))
    expect(issued.every((header) => header.startsWith('Bearer ya29.'))).toBe(true)
    for (const sent of fake.requests) {
      expect(sent.url).not.toContain(secrets.refreshToken)
      expect(sent.url).not.toContain(secrets.clientSecret)
      expect(sent.url).not.toContain('ya29.')
      expect(sent.url).not.toMatch(/access_token|key=/)
    }
  })

  it('posts a reply with updateReply and answers it as posted', async () => {
    const { fake, context, secrets, connector } = await setUp(1)
    const reply = await connector.postReply!(
      secrets,
      { externalId: `${location}/reviews/r0` },
      'Thank you for your feedback. Please call our office manager at the front desk.',
      context,
    )
    expect(reply).toMatchObject({
      text: 'Thank you for your feedback. Please call our office manager at the front desk.',
      state: 'posted',
    })
    expect(fake.replies.get(`${location}/reviews/r0`)?.comment).toBe(reply.text)
    const put = fake.requests.find((r) => r.method === 'PUT')!
    expect(put.url).toBe(`/v4/${location}/reviews/r0/reply`)
    expect(JSON.parse(put.body)).toEqual({ comment: reply.text })
  })

  it('refuses a reply over 4,096 bytes before sending it', async () => {
    const { fake, context, secrets, connector } = await setUp(1)
    const long = 'é'.repeat(2049) // 4,098 bytes in UTF-8, 2,049 characters
    await expect(
      connector.postReply!(secrets, { externalId: `${location}/reviews/r0` }, long, context),
    ).rejects.toBeInstanceOf(Invalid)
    expect(fake.requests.filter((r) => r.method === 'PUT')).toHaveLength(0)
  })
})
