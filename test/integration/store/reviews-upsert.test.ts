import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { reviewIncrements, reviewScopes } from '../../../functions/src/domain/reviews/counters'
import type { IncomingReview } from '../../../functions/src/domain/reviews/review'
import {
  countedOf,
  markRemoved,
  upsertReviews,
  type ReviewPractice,
} from '../../../functions/src/ingest/reviews/upsert'
import type { Db } from '../../../functions/src/store/db'
import * as keys from '../../../functions/src/store/keys'
import * as reviews from '../../../functions/src/store/reviews'
import { testDb } from '../../support/db'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

const practiceOf = (): ReviewPractice => ({
  id: ulid(),
  timeZone: 'America/Chicago',
  languages: ['en', 'es'],
})
const location = ulid()

function googleReview(n: number, changes: Partial<IncomingReview> = {}): IncomingReview {
  const at = new Date(Date.UTC(2026, 10, 1 + (n % 28), 15)).toISOString()
  return {
    source: 'google',
    externalId: `accounts/1/locations/2/reviews/r${n}`,
    locationId: location,
    stars: (n % 5) + 1,
    text:
      n % 3 === 0 ? 'The front desk was rude and we waited an hour.' : 'Lovely staff, quick visit.',
    authorName: `Reviewer ${n}`,
    createdAt: at,
    updatedAt: at,
    origin: 'sync',
    ...changes,
  }
}

/** Every counter item of the practice's reviews, as `sk → numbers`. */
async function counterItems(practiceId: string) {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.reviewCountersOf(practiceId) },
    }),
  )
  const counters: Record<string, Record<string, number>> = {}
  for (const item of Items) {
    const numbers: Record<string, number> = {}
    for (const [name, value] of Object.entries(item)) {
      if (typeof value === 'number' && name !== 'v' && value !== 0) numbers[name] = value
    }
    if (Object.keys(numbers).length) counters[String(item.sk)] = numbers
  }
  return counters
}

/** The counters recounted from the stored reviews alone, in the same shape. */
async function recount(practice: ReviewPractice) {
  const counters: Record<string, Record<string, number>> = {}
  for (const identity of await reviews.identitiesOf(db, practice.id)) {
    const stored = await reviews.get(db, practice.id, identity.reviewId)
    const counted = countedOf(stored!, practice.timeZone)
    for (const [period, start] of [
      ['W', counted.week],
      ['M', counted.month],
    ] as const) {
      for (const scope of reviewScopes(counted)) {
        const sk = `${period}#${scope}#${start}`
        for (const [name, value] of Object.entries(reviewIncrements(counted))) {
          counters[sk] ??= {}
          counters[sk][name] = (counters[sk][name] ?? 0) + value
        }
      }
    }
  }
  return counters
}

describe('upsertReviews', () => {
  it('creates new reviews, and a second arrival of the same ones writes nothing', async () => {
    const practice = practiceOf()
    const batch = Array.from({ length: 12 }, (_, n) => googleReview(n))
    expect(await upsertReviews(db, practice, batch)).toEqual({
      created: 12,
      updated: 0,
      unchanged: 0,
    })
    const before = await reviews.identitiesOf(db, practice.id)
    const countersBefore = await counterItems(practice.id)

    expect(await upsertReviews(db, practice, batch)).toEqual({
      created: 0,
      updated: 0,
      unchanged: 12,
    })
    expect(await reviews.identitiesOf(db, practice.id)).toEqual(before)
    expect(await counterItems(practice.id)).toEqual(countersBefore)
    expect(countersBefore).toEqual(await recount(practice))
  })

  it('moves an edited review out of its old stars and into its new ones', async () => {
    const practice = practiceOf()
    const five = googleReview(4, { stars: 5, text: 'Wonderful, kind nurses.' })
    await upsertReviews(db, practice, [five])
    const later = new Date(Date.parse(five.updatedAt) + 86_400_000).toISOString()
    const one = { ...five, stars: 1, text: 'They lost my results.', updatedAt: later }
    expect(await upsertReviews(db, practice, [one])).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
    })

    const month = (await counterItems(practice.id))['M#all#2026-11']!
    expect(month).toMatchObject({ reviews: 1, 'stars.n': 1, 'stars.v.1': 1, 'stars.sum': 1 })
    expect(month['stars.v.5']).toBeUndefined()
    const [identity] = await reviews.identitiesOf(db, practice.id)
    const stored = await reviews.get(db, practice.id, identity!.reviewId)
    expect(stored).toMatchObject({ stars: 1, text: 'They lost my results.', removed: false })
    expect(stored!.sentiment?.label).toBe('negative')
  })

  it('stores each review once when several syncs of the same reviews run at once', async () => {
    const practice = practiceOf()
    const batch = Array.from({ length: 20 }, (_, n) => googleReview(n))
    const results = await Promise.all([1, 2, 3, 4].map(() => upsertReviews(db, practice, batch)))
    expect(results.reduce((sum, result) => sum + result.created, 0)).toBe(20)
    expect(await reviews.identitiesOf(db, practice.id)).toHaveLength(20)
    expect(await counterItems(practice.id)).toEqual(await recount(practice))
    expect((await counterItems(practice.id))['M#all#2026-11']!.reviews).toBe(20)
  })

  it('takes a review gone from a full sweep out of the counters, and restores it when it returns', async () => {
    const practice = practiceOf()
    const batch = Array.from({ length: 6 }, (_, n) => googleReview(n))
    await upsertReviews(db, practice, batch)
    const seen = new Set(batch.slice(1).map((review) => review.externalId))
    expect(await markRemoved(db, practice, 'google', seen, [location])).toBe(1)
    expect((await counterItems(practice.id))['M#all#2026-11']!.reviews).toBe(5)
    expect(await counterItems(practice.id)).toEqual(await recount(practice))
    expect(await markRemoved(db, practice, 'google', seen, [location])).toBe(0)

    expect(await upsertReviews(db, practice, batch)).toEqual({
      created: 0,
      updated: 1,
      unchanged: 5,
    })
    expect((await counterItems(practice.id))['M#all#2026-11']!.reviews).toBe(6)
  })

  it('leaves Facebook recommendations out of every star figure', async () => {
    const practice = practiceOf()
    await upsertReviews(db, practice, [
      {
        ...googleReview(1),
        source: 'facebook',
        externalId: 'fb1',
        stars: 5,
        recommendation: 'positive',
      },
      { ...googleReview(2), stars: 3 },
    ])
    const month = (await counterItems(practice.id))['M#all#2026-11']!
    expect(month).toMatchObject({ reviews: 2, 'rec.positive': 1, 'stars.n': 1, 'stars.sum': 3 })
    expect((await counterItems(practice.id))['M#S#facebook#2026-11']).toMatchObject({
      reviews: 1,
      'rec.positive': 1,
    })
  })

  it('reads a Spanish review with the Spanish lexicon', async () => {
    const practice = practiceOf()
    await upsertReviews(db, practice, [
      googleReview(7, { text: 'La recepcionista fue muy grosera y esperamos una hora.' }),
    ])
    const [identity] = await reviews.identitiesOf(db, practice.id)
    expect(identity!.counted.sentiment?.label).toBe('negative')
  })
})
