import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import { upsertReviews } from '../../../functions/src/ingest/reviews/upsert'
import type { Db } from '../../../functions/src/store/db'
import * as reviews from '../../../functions/src/store/reviews'
import { testDb } from '../../support/db'
import { incomingReview } from '../../support/reviews'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

describe('reviews.count', () => {
  it('counts across months up to its cap, and says when it stopped there', async () => {
    const practice = { id: ulid(), timeZone: 'America/Chicago', languages: ['en' as const] }
    // Twelve reviews over four UTC months (0, 31, 62 and 93 days ago, three each).
    const written = Array.from({ length: 12 }, (_, i) =>
      incomingReview({ daysAgo: 31 * (i % 4), stars: (i % 5) + 1 }),
    )
    await upsertReviews(db, practice, written)
    const months = [...new Set(written.map((r) => r.createdAt.slice(0, 7)))].sort().reverse()
    expect(await reviews.count(db, practice.id, { months })).toEqual({ total: 12, capped: false })
    expect(await reviews.count(db, practice.id, { months }, 12)).toEqual({
      total: 12,
      capped: true,
    })
    expect(await reviews.count(db, practice.id, { months }, 5)).toEqual({ total: 5, capped: true })
    expect(await reviews.count(db, practice.id, { months, minStars: 5 })).toEqual({
      total: 2,
      capped: false,
    })
  })
})
