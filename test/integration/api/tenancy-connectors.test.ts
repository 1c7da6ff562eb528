import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ulid } from 'ulid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../functions/src/api/app'
import { outboxMessenger } from '../../../functions/src/messaging/outbox'
import { localFileSecrets } from '../../../functions/src/secrets/local-file-secrets'
import type { Db } from '../../../functions/src/store/db'
import * as reviewSources from '../../../functions/src/store/review-sources'
import * as reviews from '../../../functions/src/store/reviews'
import { freshPractice } from '../../support/api'
import { testConfig, testDb } from '../../support/db'
import {
  googleReview,
  googleScenario,
  startFakeGoogle,
  type FakeGoogle,
} from '../../support/fake-review-sites/google'

/**
 * The sync route of practice B never runs, reads or reveals practice A's source: the practice is
 * the session's, and a source B has not connected is 404 whatever A has.
 */
const secrets = localFileSecrets(mkdtempSync(join(tmpdir(), 'touchpoint-tenancy-secrets-')))
const location = 'accounts/9/locations/10'
let db: Db
let app: App
let google: FakeGoogle

beforeAll(async () => {
  db = await testDb()
  google = await startFakeGoogle(
    googleScenario({
      reviews: { [location]: [googleReview(location, 1, { comment: 'Alder secret review' })] },
    }),
  )
  app = createApp({
    config: testConfig({
      GOOGLE_BUSINESS_API_URL: google.url,
      GOOGLE_OAUTH_TOKEN_URL: `${google.url}/token`,
    }),
    db,
    mailer: outboxMessenger(db),
    secrets,
  })
})
afterAll(() => google.close())

describe('tenancy of the review sync', () => {
  it("never syncs or shows another practice's source", async () => {
    const a = await freshPractice(app, 'Alder Clinic')
    const b = await freshPractice(app, 'Birch Clinic')
    const { clientId, clientSecret, refreshToken } = google.scenario
    await secrets.put(a.practiceId, 'google', {
      source: 'google',
      clientId,
      clientSecret,
      refreshToken,
    })
    await reviewSources.connect(db, a.practiceId, 'google', {
      accountId: 'accounts/9',
      locations: [{ externalId: 'locations/10', locationId: ulid() }],
    })
    expect((await a.owner.post('/api/review-sources/google/sync')).status).toBe(200)
    const before = await reviewSources.get(db, a.practiceId, 'google')
    const calls = google.requests.length

    for (const source of ['google', 'yelp', 'facebook']) {
      const res = await b.owner.post(`/api/review-sources/${source}/sync`)
      expect(res.status).toBe(404)
      const text = JSON.stringify(res.body)
      for (const secret of [a.practiceId, clientSecret, refreshToken, 'Alder', 'accounts/9']) {
        expect(text).not.toContain(secret)
      }
    }
    expect(google.requests.length).toBe(calls)
    expect(await reviewSources.get(db, a.practiceId, 'google')).toEqual(before)
    expect(await reviews.identitiesOf(db, b.practiceId)).toEqual([])
  }, 60_000)
})
