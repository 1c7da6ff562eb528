import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../functions/src/api/app'
import { createLogger } from '../../../functions/src/api/logger'
import { outboxMessenger } from '../../../functions/src/messaging/outbox'
import { localFileSecrets } from '../../../functions/src/secrets/local-file-secrets'
import type { SecretStore } from '../../../functions/src/secrets/secret-store'
import type { Db } from '../../../functions/src/store/db'
import * as reviewSources from '../../../functions/src/store/review-sources'
import { addMember, freshPractice } from '../../support/api'
import { testConfig, testDb } from '../../support/db'

let db: Db
let secrets: SecretStore
let app: App
const logLines: string[] = []

beforeAll(async () => {
  db = await testDb()
  secrets = localFileSecrets(mkdtempSync(join(tmpdir(), 'touchpoint-secrets-')))
  app = createApp({
    config: testConfig(),
    db,
    mailer: outboxMessenger(db),
    secrets,
    // Every log line the app writes, so a test can show no secret reaches them.
    logger: createLogger('debug', { write: (line: string) => void logLines.push(line) }),
  })
})

async function practiceWithLocations() {
  const practice = await freshPractice(app)
  const north = (await practice.owner.post('/api/locations', { name: 'North' })).body.id as string
  const south = (await practice.owner.post('/api/locations', { name: 'South' })).body.id as string
  return { ...practice, north, south }
}

const put = (
  caller: { request: (m: string, p: string, b?: unknown) => Promise<any> },
  path: string,
  body: unknown,
) => caller.request('PUT', path, body)

describe('review sources', () => {
  it('lists the three sites, none connected, for a new practice', async () => {
    const { owner } = await practiceWithLocations()
    const res = await owner.get('/api/review-sources')
    expect(res.status).toBe(200)
    expect(res.body.items.map((item: any) => [item.source, item.connected])).toEqual([
      ['google', false],
      ['yelp', false],
      ['facebook', false],
    ])
  })

  it('connects Yelp: the key goes to the secret store, never into an answer, the table or a log', async () => {
    const { owner, practiceId, north } = await practiceWithLocations()
    const apiKey = 'yelp-key-that-must-stay-secret-0123456789'
    const res = await put(owner, '/api/review-sources/yelp', {
      apiKey,
      locations: [{ externalId: 'sunrise-derm-chicago', locationId: north }],
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      source: 'yelp',
      connected: true,
      needsReconnect: false,
      locations: [{ externalId: 'sunrise-derm-chicago', locationId: north }],
    })
    expect(await secrets.get(practiceId, 'yelp')).toEqual({ source: 'yelp', apiKey })
    const listed = await owner.get('/api/review-sources')
    expect(listed.body.items.find((item: any) => item.source === 'yelp').connected).toBe(true)
    const record = await reviewSources.get(db, practiceId, 'yelp')
    for (const text of [
      JSON.stringify(res.body),
      JSON.stringify(listed.body),
      JSON.stringify(record),
      ...logLines,
    ]) {
      expect(text).not.toContain(apiKey)
    }
  })

  it('connects Google with its account and keeps all three OAuth values secret', async () => {
    const { owner, practiceId, north } = await practiceWithLocations()
    const google = {
      clientId: 'client-id-123.apps.googleusercontent.com',
      clientSecret: 'GOCSPX-client-secret-value',
      refreshToken: '1//refresh-token-value',
      accountId: '1234567890',
      locations: [{ externalId: 'locations/987', locationId: north }],
    }
    const res = await put(owner, '/api/review-sources/google', google)
    expect(res.status).toBe(200)
    expect(res.body.accountId).toBe('accounts/1234567890')
    const text = JSON.stringify((await owner.get('/api/review-sources')).body)
    for (const secret of [google.clientId, google.clientSecret, google.refreshToken]) {
      expect(text).not.toContain(secret)
    }
    expect(await secrets.get(practiceId, 'google')).toMatchObject({
      refreshToken: google.refreshToken,
    })
  })

  it("refuses a location that is not the practice's, naming every wrong entry", async () => {
    const { owner, north } = await practiceWithLocations()
    const other = await practiceWithLocations()
    const res = await put(owner, '/api/review-sources/facebook', {
      pageAccessToken: 'page-token',
      locations: [
        { externalId: '111', locationId: north },
        { externalId: '222', locationId: other.north },
        { externalId: '111', locationId: other.south },
      ],
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.errors.map((error: any) => error.field)).toEqual([
      'locations.1.locationId',
      'locations.2.locationId',
      'locations.2.externalId',
    ])
    expect((await owner.get('/api/review-sources')).body.items[2].connected).toBe(false)
  })

  it('names every missing field of a connection body', async () => {
    const { owner } = await practiceWithLocations()
    const res = await put(owner, '/api/review-sources/google', { accountId: '1', locations: [] })
    expect(res.status).toBe(400)
    expect(res.body.errors.map((error: any) => error.field).sort()).toEqual(
      ['clientId', 'clientSecret', 'locations', 'refreshToken'].sort(),
    )
  })

  it('changes the location mapping without retyping the secret, and keeps "reconnect"', async () => {
    const { owner, practiceId, north, south } = await practiceWithLocations()
    await put(owner, '/api/review-sources/yelp', {
      apiKey: 'first-key',
      locations: [{ externalId: 'biz-a', locationId: north }],
    })
    await reviewSources.recordSync(db, practiceId, 'yelp', { needsReconnect: true })
    const res = await owner.patch('/api/review-sources/yelp', {
      locations: [
        { externalId: 'biz-a', locationId: south },
        { externalId: 'biz-b', locationId: north },
      ],
    })
    expect(res.status).toBe(200)
    expect(res.body.locations).toEqual([
      { externalId: 'biz-a', locationId: south },
      { externalId: 'biz-b', locationId: north },
    ])
    expect(res.body.needsReconnect).toBe(true)
    expect((await reviewSources.get(db, practiceId, 'yelp'))?.sync.needsReconnect).toBe(true)
    expect(await secrets.get(practiceId, 'yelp')).toEqual({ source: 'yelp', apiKey: 'first-key' })
  })

  it('answers 404 to a change or disconnect of a site that is not connected', async () => {
    const { owner, north } = await practiceWithLocations()
    const patched = await owner.patch('/api/review-sources/google', {
      locations: [{ externalId: 'locations/1', locationId: north }],
    })
    expect(patched.status).toBe(404)
    expect((await owner.delete('/api/review-sources/google')).status).toBe(404)
  })

  it('disconnects: the secret is deleted and the site shows as not connected', async () => {
    const { owner, practiceId, north } = await practiceWithLocations()
    await put(owner, '/api/review-sources/facebook', {
      pageAccessToken: 'page-token-value',
      locations: [{ externalId: '1234', locationId: north }],
    })
    const res = await owner.delete('/api/review-sources/facebook')
    expect(res.status).toBe(204)
    expect(await secrets.get(practiceId, 'facebook')).toBeUndefined()
    expect(await reviewSources.get(db, practiceId, 'facebook')).toBeUndefined()
    const facebook = (await owner.get('/api/review-sources')).body.items[2]
    expect(facebook).toMatchObject({ source: 'facebook', connected: false, locations: [] })
  })

  it('lets a manager connect, but not staff or the committee', async () => {
    const { owner, north } = await practiceWithLocations()
    const body = { apiKey: 'key', locations: [{ externalId: 'biz', locationId: north }] }
    const manager = await addMember(app, owner, 'manager')
    expect((await put(manager.member, '/api/review-sources/yelp', body)).status).toBe(200)
    for (const role of ['staff', 'committee'] as const) {
      const { member } = await addMember(app, owner, role)
      expect((await put(member, '/api/review-sources/yelp', body)).status).toBe(403)
      expect((await member.get('/api/review-sources')).status).toBe(403)
    }
  })

  it('answers 503 problem+json when no secret store is configured', async () => {
    const bare = createApp({ config: testConfig(), db, mailer: outboxMessenger(db) })
    const practice = await freshPractice(bare)
    const north = (await practice.owner.post('/api/locations', { name: 'North' })).body.id
    const res = await put(practice.owner, '/api/review-sources/yelp', {
      apiKey: 'key',
      locations: [{ externalId: 'biz', locationId: north }],
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect((await practice.owner.get('/api/review-sources')).body.items[1].connected).toBe(false)
  })
})
