import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { upsertReviews } from '../../../functions/src/ingest/reviews/upsert'
import type { Db } from '../../../functions/src/store/db'
import { addMember, Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'

/**
 * The review figures of one practice are never read by another: not through a filter naming the
 * other's location, not mixed into its own figures, and not without a session.
 */
let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

async function practiceWithReviews(name: string, stars: number, count: number) {
  const practice = await freshPractice(app, name)
  const location = (await practice.owner.post('/api/locations', { name: `${name} North` })).body
  const at = new Date(Date.now() - 86_400_000).toISOString()
  await upsertReviews(
    db,
    { id: practice.practiceId, timeZone: 'America/Chicago', languages: ['en'] },
    Array.from({ length: count }, (_, n) => ({
      source: n % 2 ? 'google' : `${name.split(' ')[0]!.toLowerCase()}-site`,
      externalId: `${name}-${n}`,
      locationId: location.id,
      stars,
      text: `${name} secret review ${n}`,
      createdAt: at,
      updatedAt: at,
      origin: 'sync' as const,
    })),
  )
  const staff = await addMember(app, practice.owner, 'staff')
  return { ...practice, locationId: location.id as string, staff }
}

describe('tenancy of GET /api/analytics/reviews', () => {
  it("answers 404 for another practice's location and never counts its reviews", async () => {
    const a = await practiceWithReviews('Alder Clinic', 5, 6)
    const b = await practiceWithReviews('Birch Clinic', 2, 4)
    for (const caller of [b.owner, b.staff.member]) {
      const probe = await caller.get(`/api/analytics/reviews?location=${a.locationId}`)
      expect(probe.status).toBe(404)
      const own = await caller.get('/api/analytics/reviews')
      expect(own.status).toBe(200)
      expect(own.body).toMatchObject({ count: 4, average: 2 })
      const text = JSON.stringify([probe.body, own.body])
      for (const secret of [a.practiceId, a.locationId, 'alder-site', 'Alder Clinic']) {
        expect(text).not.toContain(secret)
      }
      expect(own.body.bySource.map((s: any) => s.source).sort()).toEqual(['birch-site', 'google'])
    }
    const mine = await a.owner.get(`/api/analytics/reviews?location=${a.locationId}`)
    expect(mine.body).toMatchObject({ count: 6, average: 5 })
  })

  it('answers 401 problem+json without a session', async () => {
    const res = await new Caller(app).get('/api/analytics/reviews')
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
  })
})
