import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pino from 'pino'
import { ulid } from 'ulid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewSyncJobs, runJobs, scheduledJobs } from '../../../functions/src/jobs/registry'
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

let db: Db
let google: FakeGoogle
let yelp: FakeYelp
const location = 'accounts/5/locations/6'

beforeAll(async () => {
  db = await testDb() // its own table: the job sees only this file's practices
  google = await startFakeGoogle(
    googleScenario({
      reviews: {
        [location]: [1, 2, 3].map((n) =>
          googleReview(location, n, { comment: `Secret words ${n}` }),
        ),
      },
    }),
  )
  yelp = await startFakeYelp(yelpScenario({ reviews: { biz: [yelpReview(1)] } }))
})
afterAll(async () => {
  await Promise.all([google.close(), yelp.close()])
})

describe('the reviews sync job', () => {
  it('syncs every connected source of every practice, and one refusing does not stop the others', async () => {
    const app = testApp(db)
    const secrets = localFileSecrets(mkdtempSync(join(tmpdir(), 'touchpoint-job-secrets-')))
    const first = await freshPractice(app)
    const second = await freshPractice(app)
    const { clientId, clientSecret, refreshToken } = google.scenario
    await secrets.put(first.practiceId, 'google', {
      source: 'google',
      clientId,
      clientSecret,
      refreshToken,
    })
    await reviewSources.connect(db, first.practiceId, 'google', {
      accountId: 'accounts/5',
      locations: [{ externalId: 'locations/6', locationId: ulid() }],
    })
    await secrets.put(second.practiceId, 'yelp', { source: 'yelp', apiKey: 'a key Yelp revoked' })
    await reviewSources.connect(db, second.practiceId, 'yelp', {
      locations: [{ externalId: 'biz', locationId: ulid() }],
    })

    const lines: string[] = []
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(line) })
    const { context } = fakeContext({ google: google.url, yelp: yelp.url })
    const outcomes = await runJobs({ db, logger, secrets, connectors: context }, reviewSyncJobs)
    expect(outcomes).toMatchObject([{ name: 'reviews.sync', ok: true }])
    const done = lines.map((line) => JSON.parse(line)).find((entry) => entry.msg === 'job done')
    expect(done).toMatchObject({
      job: 'reviews.sync',
      sources: 2,
      failed: 1,
      fetched: 3,
      created: 3,
    })
    expect(await reviews.identitiesOf(db, first.practiceId, 'google')).toHaveLength(3)
    expect((await reviewSources.get(db, second.practiceId, 'yelp'))!.sync).toMatchObject({
      needsReconnect: true,
      lastError: { code: 'reconnect' },
    })
    // Counts and codes only: no review's words, no credentials.
    const log = lines.join('\n')
    expect(log).not.toContain('Secret words')
    expect(log).not.toContain(refreshToken)
    expect(log).not.toContain('a key Yelp revoked')
  }, 90_000)

  it('runs on its own schedule, not with the hourly jobs', () => {
    expect(reviewSyncJobs.map((job) => job.name)).toEqual(['reviews.sync'])
    expect(scheduledJobs.map((job) => job.name)).not.toContain('reviews.sync')
  })
})
