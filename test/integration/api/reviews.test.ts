import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { markRemoved } from '../../../functions/src/ingest/reviews/upsert'
import type { Db } from '../../../functions/src/store/db'
import { addMember, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { incomingReview, seedReviews } from '../../support/reviews'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

const ids = (body: { items: { externalId: string }[] }) => body.items.map((i) => i.externalId)

/** A practice with five reviews across sources, stars, days and a location. */
async function practiceWithReviews() {
  const practice = await freshPractice(app)
  const location = (await practice.owner.post('/api/locations', { name: 'North', address: '1 Rd' }))
    .body.id as string
  const seeded = [
    incomingReview({ externalId: 'g-new', daysAgo: 1, stars: 5, locationId: location }),
    incomingReview({
      externalId: 'g-rude',
      daysAgo: 3,
      stars: 1,
      text: 'The receptionist was rude and the wait was terrible.',
    }),
    incomingReview({ externalId: 'y-mid', source: 'yelp', daysAgo: 10, stars: 3 }),
    incomingReview({
      externalId: 'f-neg',
      source: 'facebook',
      daysAgo: 40,
      stars: 1,
      recommendation: 'negative',
    }),
    incomingReview({
      externalId: 'g-replied',
      daysAgo: 60,
      stars: 4,
      reply: { text: 'Thank you!', updatedAt: new Date(Date.now() - 59 * 86400_000).toISOString() },
    }),
  ]
  await seedReviews(db, practice.practiceId, seeded)
  return { ...practice, location }
}

describe('GET /api/reviews', () => {
  it('lists newest first with a total, and pages with a cursor', async () => {
    const { owner } = await practiceWithReviews()
    const all = await owner.get('/api/reviews')
    expect(all.status).toBe(200)
    expect(all.body.total).toBe(5)
    expect(ids(all.body)).toEqual(['g-new', 'g-rude', 'y-mid', 'f-neg', 'g-replied'])
    const first = await owner.get('/api/reviews?limit=2')
    expect(ids(first.body)).toEqual(['g-new', 'g-rude'])
    const second = await owner.get(`/api/reviews?limit=2&cursor=${first.body.nextCursor}`)
    expect(ids(second.body)).toEqual(['y-mid', 'f-neg'])
    const third = await owner.get(`/api/reviews?limit=2&cursor=${second.body.nextCursor}`)
    expect(ids(third.body)).toEqual(['g-replied'])
    expect(third.body.nextCursor).toBeNull()
  })

  it('filters by source, location, stars, days, sentiment, theme and replied', async () => {
    const { owner, location } = await practiceWithReviews()
    const list = async (query: string) => {
      const res = await owner.get(`/api/reviews?${query}`)
      expect(res.status, query).toBe(200)
      expect(res.body.total, query).toBe(res.body.items.length)
      return ids(res.body)
    }
    expect(await list('source=yelp')).toEqual(['y-mid'])
    expect(await list(`location=${location}`)).toEqual(['g-new'])
    expect(await list('minStars=3&maxStars=4')).toEqual(['y-mid', 'g-replied'])
    const day = (daysAgo: number) =>
      new Date(Date.now() - daysAgo * 86400_000).toLocaleDateString('en-CA', {
        timeZone: 'America/Chicago',
      })
    expect(await list(`from=${day(45)}&to=${day(5)}`)).toEqual(['y-mid', 'f-neg'])
    expect(await list('replied=true')).toEqual(['g-replied'])
    expect(await list('replied=false')).toEqual(['g-new', 'g-rude', 'y-mid', 'f-neg'])
    expect(await list('sentiment=negative')).toEqual(['g-rude'])
    const rude = (await owner.get('/api/reviews?sentiment=negative')).body.items[0]
    expect(rude.themes.length).toBeGreaterThan(0)
    expect(await list(`theme=${rude.themes[0]}`)).toContain('g-rude')
  })

  it('says which Facebook reviews were recommendations, with their stars', async () => {
    const { owner } = await practiceWithReviews()
    const [facebook] = (await owner.get('/api/reviews?source=facebook')).body.items
    expect(facebook).toMatchObject({ stars: 1, recommendation: 'negative', replyMode: 'copy' })
  })

  it('hides removed reviews unless asked for them', async () => {
    const { owner, practiceId } = await practiceWithReviews()
    const practice = { id: practiceId, timeZone: 'America/Chicago', languages: ['en' as const] }
    expect(await markRemoved(db, practice, 'yelp', new Set())).toBe(1)
    expect(ids((await owner.get('/api/reviews')).body)).not.toContain('y-mid')
    const withRemoved = await owner.get('/api/reviews?removed=true')
    expect(withRemoved.body.total).toBe(5)
    expect(withRemoved.body.items.find((i: any) => i.externalId === 'y-mid').removed).toBe(true)
  })

  it('refuses a tampered cursor and another practice’s cursor with 400', async () => {
    const { owner } = await practiceWithReviews()
    const other = await practiceWithReviews()
    const theirs = (await other.owner.get('/api/reviews?limit=1')).body.nextCursor
    for (const cursor of [
      'not-a-cursor',
      theirs,
      Buffer.from('{"month":"x"}').toString('base64url'),
    ]) {
      const res = await owner.get(`/api/reviews?cursor=${cursor}`)
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(res.body.field).toBe('cursor')
    }
  })

  it('names every wrong filter in one problem', async () => {
    const { owner } = await practiceWithReviews()
    const res = await owner.get('/api/reviews?minStars=9&sentiment=furious&replied=maybe')
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'minStars',
      'replied',
      'sentiment',
    ])
    const swapped = await owner.get('/api/reviews?minStars=4&maxStars=2')
    expect(swapped.status).toBe(400)
    expect(swapped.body.field).toBe('minStars')
  })

  it('lets every role read reviews', async () => {
    const { owner } = await practiceWithReviews()
    const { member } = await addMember(app, owner, 'staff')
    expect((await member.get('/api/reviews')).body.total).toBe(5)
  })
})
