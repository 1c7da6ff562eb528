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
import { addMember, freshPractice } from '../../support/api'
import { testConfig, testDb } from '../../support/db'
import {
  errorTwelve,
  facebookScenario,
  recommendation,
  startFakeFacebook,
  type FakeFacebook,
} from '../../support/fake-review-sites/facebook'
import {
  googleReview,
  googleScenario,
  startFakeGoogle,
  type FakeGoogle,
} from '../../support/fake-review-sites/google'

const secrets = localFileSecrets(mkdtempSync(join(tmpdir(), 'touchpoint-route-secrets-')))
const location = 'accounts/7/locations/8'
let db: Db
let app: App
let google: FakeGoogle
let facebook: FakeFacebook

beforeAll(async () => {
  db = await testDb()
  google = await startFakeGoogle(
    googleScenario({
      reviews: { [location]: Array.from({ length: 4 }, (_, n) => googleReview(location, n)) },
    }),
  )
  facebook = await startFakeFacebook(facebookScenario({ ratings: { page1: [recommendation(1)] } }))
  app = createApp({
    config: testConfig({
      GOOGLE_BUSINESS_API_URL: google.url,
      GOOGLE_OAUTH_TOKEN_URL: `${google.url}/token`,
      FACEBOOK_GRAPH_URL: facebook.url,
    }),
    db,
    mailer: outboxMessenger(db),
    secrets,
  })
})
afterAll(async () => {
  await Promise.all([google.close(), facebook.close()])
})

async function connectGoogle(practiceId: string) {
  const { clientId, clientSecret, refreshToken } = google.scenario
  await secrets.put(practiceId, 'google', {
    source: 'google',
    clientId,
    clientSecret,
    refreshToken,
  })
  await reviewSources.connect(db, practiceId, 'google', {
    accountId: 'accounts/7',
    locations: [{ externalId: 'locations/8', locationId: ulid() }],
  })
}

describe('POST /api/review-sources/{source}/sync', () => {
  it('syncs now and answers the figures', async () => {
    const { owner, practiceId } = await freshPractice(app)
    await connectGoogle(practiceId)
    const res = await owner.post('/api/review-sources/google/sync')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ fetched: 4, created: 4, updated: 0, removed: 0, skipped: 0 })
    const again = await owner.post('/api/review-sources/google/sync')
    expect(again.body).toEqual({ fetched: 0, created: 0, updated: 0, removed: 0, skipped: 0 })
    const full = await owner.request('POST', '/api/review-sources/google/sync?full=true', {})
    expect(full.body).toEqual({ fetched: 4, created: 0, updated: 0, removed: 0, skipped: 0 })
  })

  it('lets a manager sync, but not staff', async () => {
    const { owner, practiceId } = await freshPractice(app)
    await connectGoogle(practiceId)
    const manager = await addMember(app, owner, 'manager')
    const staff = await addMember(app, owner, 'staff')
    expect((await manager.member.post('/api/review-sources/google/sync')).status).toBe(200)
    const refused = await staff.member.post('/api/review-sources/google/sync')
    expect(refused.status).toBe(403)
  })

  it('answers 404 problem+json for a source that is not connected, and 400 for an unknown one', async () => {
    const { owner } = await freshPractice(app)
    const missing = await owner.post('/api/review-sources/yelp/sync')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toBe('application/problem+json')
    const unknown = await owner.post('/api/review-sources/myspace/sync')
    expect(unknown.status).toBe(400)
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'source' })])
  })

  it('answers 502 with the connector’s words when the site refuses, and keeps them for Settings', async () => {
    const { owner, practiceId } = await freshPractice(app)
    await secrets.put(practiceId, 'facebook', {
      source: 'facebook',
      pageAccessToken: facebook.scenario.pageAccessToken,
    })
    await reviewSources.connect(db, practiceId, 'facebook', {
      locations: [{ externalId: 'page1', locationId: ulid() }],
    })
    facebook.scenario.inject.push({ on: '/ratings', status: 400, body: errorTwelve })
    const res = await owner.post('/api/review-sources/facebook/sync')
    expect(res.status).toBe(502)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body).toMatchObject({
      status: 502,
      type: 'https://touchpoint.dev/problems/review-sync-deprecated',
      detail:
        'Facebook no longer gives apps its page recommendations. Download them from your page and use Import (CSV) instead.',
    })
    expect(JSON.stringify(res.body)).not.toContain(facebook.scenario.pageAccessToken)
    expect((await reviewSources.get(db, practiceId, 'facebook'))!.sync.lastError?.code).toBe(
      'deprecated',
    )
  })

  it('answers 503 when the site is down', async () => {
    const { owner, practiceId } = await freshPractice(app)
    await connectGoogle(practiceId)
    // Four 503s: every try of one page (the waits between them are real here, 0.5 s + 1 s + 2 s).
    for (let i = 0; i < 4; i++)
      google.scenario.inject.push({ on: '/reviews', status: 503, body: { error: { code: 503 } } })
    const res = await owner.post('/api/review-sources/google/sync')
    expect(res.status).toBe(503)
    expect(res.body.detail).toMatch(/Google did not answer/)
  })
})
