import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../functions/src/store/db'
import * as reviewSources from '../../../functions/src/store/review-sources'
import { testDb } from '../../support/db'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

describe('review sources', () => {
  it('keeps the sync state across a reconnect, and clears "reconnect"', async () => {
    const practiceId = ulid()
    const locations = [{ externalId: 'locations/1', locationId: ulid() }]
    await reviewSources.connect(db, practiceId, 'google', { accountId: 'accounts/9', locations })
    await reviewSources.recordSync(db, practiceId, 'google', {
      needsReconnect: true,
      newestUpdate: { 'locations/1': '2026-11-20T10:00:00.000Z' },
    })
    const again = await reviewSources.connect(db, practiceId, 'google', { locations })
    expect(again.sync).toMatchObject({
      needsReconnect: false,
      newestUpdate: { 'locations/1': '2026-11-20T10:00:00.000Z' },
    })
    expect(await reviewSources.list(db, practiceId)).toHaveLength(1)
  })

  it('lists every connected source of every practice, and forgets a disconnected one', async () => {
    const [a, b] = [ulid(), ulid()]
    const locations = [{ externalId: 'biz', locationId: ulid() }]
    await reviewSources.connect(db, a, 'yelp', { locations })
    await reviewSources.connect(db, b, 'facebook', { locations })
    await reviewSources.connect(db, b, 'yelp', { locations })
    await reviewSources.disconnect(db, b, 'yelp')
    const connected = await reviewSources.everyConnected(db)
    expect(connected).toEqual(
      expect.arrayContaining([
        { practiceId: a, source: 'yelp' },
        { practiceId: b, source: 'facebook' },
      ]),
    )
    expect(connected).not.toContainEqual({ practiceId: b, source: 'yelp' })
    // Recording a run of a source disconnected meanwhile changes nothing and does not fail.
    await reviewSources.recordSync(db, b, 'yelp', { lastRun: new Date().toISOString() })
    expect(await reviewSources.get(db, b, 'yelp')).toBeUndefined()
  })
})
