import { afterEach, describe, expect, it } from 'vitest'
import { ConnectorError } from '../../../functions/src/ingest/reviews/connector'
import { facebookConnector } from '../../../functions/src/ingest/reviews/facebook'
import { fakeContext } from '../../support/fake-review-sites/context'
import {
  facebookScenario,
  recommendation,
  startFakeFacebook,
  type FacebookScenario,
  type FakeFacebook,
} from '../../support/fake-review-sites/facebook'

const page = '104729384756'
const locationId = '01JD0000000000000000000003'
let fake: FakeFacebook | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function setUp(count: number, changes: Partial<FacebookScenario> = {}) {
  fake = await startFakeFacebook(
    facebookScenario({
      ratings: { [page]: Array.from({ length: count }, (_, n) => recommendation(n)) },
      ...changes,
    }),
  )
  const { context } = fakeContext({ facebook: fake.url })
  const secrets = { source: 'facebook' as const, pageAccessToken: fake.scenario.pageAccessToken }
  return { fake, context, secrets, request: { externalLocationId: page, locationId, full: true } }
}

async function failure(promise: Promise<unknown>): Promise<ConnectorError> {
  const err = await promise.then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(err).toBeInstanceOf(ConnectorError)
  return err as ConnectorError
}

describe('the Facebook connector', () => {
  it('reads every page on Graph v21.0, positive as 5 and negative as 1, saying recommendation', async () => {
    const { fake, context, secrets, request } = await setUp(5, { pageSize: 2 })
    const result = await facebookConnector.fetchReviews(secrets, request, context)
    expect(result.reviews).toHaveLength(5)
    expect(result.complete).toBe(true)
    expect(fake.requests).toHaveLength(3)
    for (const sent of fake.requests) {
      expect(new URL(sent.url, fake.url).pathname).toBe(`/v21.0/${page}/ratings`)
      // Re-based on the configured address, not the host Graph's link names.
      expect(sent.headers.host).toBe(new URL(fake.url).host)
    }
    expect(result.reviews[0]).toMatchObject({
      source: 'facebook',
      externalId: '1000000',
      stars: 1,
      recommendation: 'negative',
      createdAt: '2026-11-01T00:00:00.000Z',
      text: 'Nobody called me back about my bill.',
    })
    expect(result.reviews[1]).toMatchObject({ stars: 5, recommendation: 'positive' })
  })

  it('sends the page token only in the Authorization header, even when Graph puts it in paging.next', async () => {
    const { fake, context, secrets, request } = await setUp(5, { pageSize: 2, tokenInNext: true })
    await facebookConnector.fetchReviews(secrets, request, context)
    expect(fake.requests).toHaveLength(3)
    for (const sent of fake.requests) {
      expect(sent.url).not.toContain(secrets.pageAccessToken)
      expect(sent.url).not.toContain('access_token')
      expect(sent.headers.authorization).toBe(`Bearer ${secrets.pageAccessToken}`)
    }
  })

  it('tells the manager to use the CSV import when Graph answers error 12', async () => {
    // As after 2027-01-21, when v21.0 retires and Graph answers it like v22.0.
    const { context, secrets, request } = await setUp(3, { deprecatedFrom: 21 })
    const err = await failure(facebookConnector.fetchReviews(secrets, request, context))
    expect(err.code).toBe('deprecated')
    expect(err.message).toBe(
      'Facebook no longer gives apps its page recommendations. Download them from your page and use Import (CSV) instead.',
    )
  })

  it('says reconnect when the page token expired (error 190)', async () => {
    const { context, secrets, request } = await setUp(3)
    const err = await failure(
      facebookConnector.fetchReviews(
        { ...secrets, pageAccessToken: 'EAAGexpired' },
        request,
        context,
      ),
    )
    expect(err.code).toBe('reconnect')
  })

  it('skips and counts malformed recommendations', async () => {
    const { fake, context, secrets, request } = await setUp(2)
    fake.scenario.ratings[page]!.push(
      recommendation(10, { open_graph_story: undefined }),
      recommendation(11, { recommendation_type: 'meh' }),
      recommendation(12, { created_time: 'unixtimestamp' }),
      recommendation(13, { recommendation_type: undefined, rating: 4 }),
    )
    const result = await facebookConnector.fetchReviews(secrets, request, context)
    expect(result.skipped).toBe(3)
    expect(result.reviews).toHaveLength(3)
    // An old star rating from before recommendations keeps its stars and is no recommendation.
    expect(result.reviews[2]).toMatchObject({ stars: 4 })
    expect(result.reviews[2]!.recommendation).toBeUndefined()
  })
})
