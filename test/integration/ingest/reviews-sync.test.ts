import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ulid } from 'ulid'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { syncSource } from '../../../functions/src/ingest/reviews/sync'
import { localFileSecrets } from '../../../functions/src/secrets/local-file-secrets'
import type { Db } from '../../../functions/src/store/db'
import * as reviewSources from '../../../functions/src/store/review-sources'
import * as reviews from '../../../functions/src/store/reviews'
import { freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { fakeContext } from '../../support/fake-review-sites/context'
import {
  googleReview,
  googleScenario,
  startFakeGoogle,
  type FakeGoogle,
} from '../../support/fake-review-sites/google'
import {
  startFakeYelp,
  yelpReview,
  yelpScenario,
  type FakeYelp,
} from '../../support/fake-review-sites/yelp'
import { recountReviews, reviewCounterItems } from '../../support/review-counters'

let db: Db
let app: App
const secrets = localFileSecrets(mkdtempSync(join(tmpdir(), 'touchpoint-sync-secrets-')))
const north = 'accounts/111/locations/222'
const south = 'accounts/111/locations/333'
const sites: { close(): Promise<void> }[] = []

beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})
afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()))
})

/** A practice with Google connected for two locations, served by a fake with `counts` reviews each. */
async function googlePractice(counts: { north: number; south: number }) {
  const { practiceId } = await freshPractice(app)
  const locations = { north: ulid(), south: ulid() }
  const fake = await startFakeGoogle(
    googleScenario({
      reviews: {
        [north]: Array.from({ length: counts.north }, (_, n) => googleReview(north, n)),
        [south]: Array.from({ length: counts.south }, (_, n) => googleReview(south, 1000 + n)),
      },
    }),
  )
  sites.push(fake)
  const { clientId, clientSecret, refreshToken } = fake.scenario
  await secrets.put(practiceId, 'google', {
    source: 'google',
    clientId,
    clientSecret,
    refreshToken,
  })
  await reviewSources.connect(db, practiceId, 'google', {
    accountId: 'accounts/111',
    locations: [
      { externalId: 'locations/222', locationId: locations.north },
      { externalId: 'locations/333', locationId: locations.south },
    ],
  })
  const { context } = fakeContext({ google: fake.url })
  let clock = new Date('2026-12-01T12:00:00Z')
  const deps = { db, secrets, context, now: () => clock }
  const sync = (full?: boolean) =>
    syncSource(deps, practiceId, 'google', full === undefined ? {} : { full })
  const later = (hours: number) => (clock = new Date(clock.getTime() + hours * 3_600_000))
  const state = async () => (await reviewSources.get(db, practiceId, 'google'))!.sync
  const countersMatch = async () =>
    expect(await reviewCounterItems(db, practiceId)).toEqual(
      await recountReviews(db, practiceId, 'America/Chicago'),
    )
  return { practiceId, locations, fake, sync, later, state, countersMatch }
}

/** A counter summed over every month of the practice (reviews fall either side of a month's end). */
async function monthly(practiceId: string, name: string) {
  const counters = await reviewCounterItems(db, practiceId)
  return Object.entries(counters)
    .filter(([sk]) => sk.startsWith('M#all#'))
    .reduce((sum, [, numbers]) => sum + (numbers[name] ?? 0), 0)
}

const listCalls = (fake: FakeGoogle) =>
  fake.requests.filter((r) => r.url.includes('/reviews')).length

// Syncs read every review's text with the comment reader: slow on a busy two-core machine.
describe('syncSource', { timeout: 90_000 }, () => {
  it('stores every review of every location, then a re-sync that finds nothing new writes nothing', async () => {
    const { practiceId, sync, state, countersMatch, later } = await googlePractice({
      north: 51,
      south: 2,
    })
    expect(await sync()).toEqual({
      fetched: 53,
      created: 53,
      updated: 0,
      removed: 0,
      skipped: 0,
      full: true,
    })
    expect(await reviews.identitiesOf(db, practiceId, 'google')).toHaveLength(53)
    const first = await state()
    expect(first.lastSuccess).toBe('2026-12-01T12:00:00.000Z')
    expect(first.lastFullSweep).toBe('2026-12-01T12:00:00.000Z')
    expect(first.lastFigures).toMatchObject({ fetched: 53, created: 53 })
    expect(Object.keys(first.newestUpdate).sort()).toEqual(['locations/222', 'locations/333'])
    await countersMatch()

    const counters = await reviewCounterItems(db, practiceId)
    later(1)
    expect(await sync()).toEqual({
      fetched: 0,
      created: 0,
      updated: 0,
      removed: 0,
      skipped: 0,
      full: false,
    })
    expect(await reviewCounterItems(db, practiceId)).toEqual(counters)
  })

  it('reads only what changed since the last run, and moves an edited review’s stars (5 → 1)', async () => {
    const { practiceId, fake, sync, later, countersMatch } = await googlePractice({
      north: 55,
      south: 0,
    })
    fake.scenario.reviews[north]![4] = googleReview(north, 4, { starRating: 'FIVE' })
    await sync()
    const before = listCalls(fake)
    fake.scenario.reviews[north]![4] = googleReview(north, 4, {
      starRating: 'ONE',
      comment: 'They lost my results.',
      updateTime: '2026-11-30T09:00:00Z',
    })
    later(1)
    expect(await sync()).toMatchObject({ fetched: 1, created: 0, updated: 1, full: false })
    // Incremental: one page per location, stopping at the review seen last time.
    expect(listCalls(fake) - before).toBe(2)
    const edited = (await reviews.identitiesOf(db, practiceId, 'google')).find((identity) =>
      identity.externalId.endsWith('/r4'),
    )!
    expect(edited.counted.stars).toBe(1)
    // 55 reviews, stars cycling 1-5: 11 of each, then one five became a one.
    expect(await monthly(practiceId, 'stars.v.5')).toBe(10)
    expect(await monthly(practiceId, 'stars.v.1')).toBe(12)
    await countersMatch()
  })

  it('marks removed a review gone from the daily full sweep, and only then', async () => {
    const { practiceId, fake, sync, later, state, countersMatch } = await googlePractice({
      north: 8,
      south: 2,
    })
    await sync()
    fake.scenario.reviews[north]!.splice(3, 1)
    later(2)
    expect(await sync()).toMatchObject({ removed: 0, full: false })
    later(23)
    expect(await sync()).toMatchObject({ removed: 1, full: true })
    const gone = (await reviews.identitiesOf(db, practiceId, 'google')).filter(
      (i) => i.counted.removed,
    )
    expect(gone.map((identity) => identity.externalId)).toEqual([`${north}/reviews/r3`])
    expect((await state()).lastFullSweep).toBe('2026-12-02T13:00:00.000Z')
    expect(await monthly(practiceId, 'reviews')).toBe(9)
    await countersMatch()
    // Asked for, a full sweep runs at once.
    later(1)
    expect(await sync(true)).toMatchObject({ full: true, removed: 0 })
  })

  it('stores each review once when several syncs of the same source run at once', async () => {
    const { practiceId, sync, countersMatch } = await googlePractice({ north: 20, south: 5 })
    const outcomes = await Promise.all([sync(true), sync(true), sync(true)])
    expect(outcomes.reduce((sum, outcome) => sum + outcome.created, 0)).toBe(25)
    expect(await reviews.identitiesOf(db, practiceId, 'google')).toHaveLength(25)
    expect(await monthly(practiceId, 'reviews')).toBe(25)
    await countersMatch()
  })

  it('keeps the reviews of the locations it could read when one fails, and says why', async () => {
    const { practiceId, fake, sync, state } = await googlePractice({ north: 3, south: 0 })
    delete fake.scenario.reviews[south] // Google no longer knows the second location
    const outcome = await sync()
    expect(outcome).toMatchObject({ fetched: 3, created: 3, removed: 0 })
    expect(outcome.error).toMatchObject({ code: 'not-found' })
    expect(await reviews.identitiesOf(db, practiceId, 'google')).toHaveLength(3)
    const recorded = await state()
    expect(recorded.lastError).toMatchObject({
      code: 'not-found',
      message: expect.stringMatching(/location/),
    })
    expect(recorded.lastSuccess).toBeUndefined()
    // Not a whole sweep, so the next run sweeps again.
    expect(recorded.lastFullSweep).toBeUndefined()
    expect(recorded.needsReconnect).toBe(false)
  })

  it('shows "reconnect" when Google revokes the refresh token, and clears the error once it syncs', async () => {
    const { fake, sync, later, state } = await googlePractice({ north: 2, south: 1 })
    fake.scenario.revoked = true
    expect((await sync()).error).toMatchObject({ code: 'reconnect' })
    expect(await state()).toMatchObject({ needsReconnect: true, lastError: { code: 'reconnect' } })
    fake.scenario.revoked = false
    later(1)
    expect((await sync()).error).toBeUndefined()
    const recovered = await state()
    expect(recovered.needsReconnect).toBe(false)
    expect(recovered.lastError).toBeUndefined()
    expect(recovered.lastSuccess).toBe('2026-12-01T13:00:00.000Z')
  })

  it('records quota 0 in words, and the skipped items of a malformed answer', async () => {
    const { fake, sync, later, state } = await googlePractice({ north: 2, south: 0 })
    fake.scenario.quotaZero = true
    expect((await sync()).error?.message).toMatch(
      /has not granted this project API access yet \(quota 0\)/,
    )
    fake.scenario.quotaZero = false
    fake.scenario.reviews[north]!.push(
      googleReview(north, 9, { starRating: 'STAR_RATING_UNSPECIFIED' }),
    )
    later(1)
    expect(await sync()).toMatchObject({ fetched: 2, created: 2, skipped: 1 })
    expect((await state()).lastFigures).toMatchObject({ skipped: 1 })
  })

  it('keeps Yelp’s calls left today, and never marks removed a review that left the three excerpts', async () => {
    const { practiceId } = await freshPractice(app)
    const locationId = ulid()
    const yelp: FakeYelp = await startFakeYelp(
      yelpScenario({ reviews: { biz: [1, 2, 3].map((n) => yelpReview(n)) } }),
    )
    sites.push(yelp)
    await secrets.put(practiceId, 'yelp', { source: 'yelp', apiKey: yelp.scenario.apiKey })
    await reviewSources.connect(db, practiceId, 'yelp', {
      locations: [{ externalId: 'biz', locationId }],
    })
    const { context } = fakeContext({ yelp: yelp.url })
    const deps = { db, secrets, context }
    expect(await syncSource(deps, practiceId, 'yelp', { full: true })).toMatchObject({ created: 3 })
    yelp.scenario.reviews.biz!.push(yelpReview(4, { time_created: '2026-11-30 10:00:00' }))
    expect(await syncSource(deps, practiceId, 'yelp', { full: true })).toMatchObject({
      created: 1,
      removed: 0,
    })
    expect(await reviews.identitiesOf(db, practiceId, 'yelp')).toHaveLength(4)
    expect((await reviewSources.get(db, practiceId, 'yelp'))!.sync.rateLimit).toEqual({
      dailyLimit: 500,
      remaining: 498,
      resetAt: '2026-12-02T00:00:00.000Z',
    })
  })
})
