import { beforeAll, describe, expect, it } from 'vitest'
import { generateDemo, type Demo } from '../../functions/src/demo/generate'
import { writeDemo } from '../../functions/src/demo/write-demo'
import { dayOf } from '../../functions/src/domain/calendar'
import { Review } from '../../functions/src/domain/reviews/review'
import { rebuildReviewCounters } from '../../functions/src/store/review-counters-rebuild'
import type { Db } from '../../functions/src/store/db'
import * as reviews from '../../functions/src/store/reviews'
import { testDb } from '../support/db'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

const now = new Date('2026-03-18T20:30:00Z')
const seed = 20240601

describe('the demo practice’s reviews', () => {
  let demo: Demo
  beforeAll(async () => {
    demo = await generateDemo({ seed, now })
  })

  it('has a few hundred reviews on four sites over its months, in English and Spanish', () => {
    expect(demo.reviews.length).toBeGreaterThan(150)
    expect(demo.reviews.length).toBeLessThan(300)
    const bySource: Record<string, Review[]> = {}
    for (const review of demo.reviews) (bySource[review.source] ??= []).push(review)
    expect(Object.keys(bySource).sort()).toEqual(['facebook', 'google', 'healthgrades', 'yelp'])
    for (const review of demo.reviews) {
      expect(() => Review.parse(review)).not.toThrow()
      expect(Date.parse(review.createdAt)).toBeLessThanOrEqual(now.getTime())
    }
    // Facebook recommends; it has no stars. Healthgrades has no API: its reviews are imported.
    expect(bySource.facebook!.every((r) => r.recommendation && [1, 5].includes(r.stars))).toBe(true)
    expect(bySource.healthgrades!.every((r) => r.origin === 'import')).toBe(true)
    expect(demo.reviews.filter((r) => r.source !== 'facebook' && r.recommendation)).toEqual([])
    const spanish = demo.reviews.filter((r) => /[ñáéíóú¿¡]/.test(r.text))
    expect(spanish.length).toBeGreaterThan(15)
    const mean =
      demo.reviews.filter((r) => !r.recommendation).reduce((a, r) => a + r.stars, 0) /
      demo.reviews.filter((r) => !r.recommendation).length
    expect(mean).toBeGreaterThan(3.6)
    expect(mean).toBeLessThan(4.6)
  })

  it('has replies on some reviews, none of which confirms the writer is a patient', () => {
    const replied = demo.reviews.filter((r) => r.reply)
    expect(replied.length).toBeGreaterThan(30)
    expect(replied.some((r) => r.reply?.state === 'posted')).toBe(true)
    for (const review of replied) {
      expect(Date.parse(review.reply!.updatedAt)).toBeGreaterThan(Date.parse(review.createdAt))
      expect(review.reply!.text).not.toMatch(
        /your (visit|appointment|procedure|results|chart)|su (visita|cita)|\b\d{1,2}\/\d{1,2}\b/i,
      )
      expect(review.reply!.text).not.toContain(review.authorName!.split(' ')[0]!)
    }
  })

  it('reads each text as a sync would, with sentiment and themes', () => {
    const read = demo.reviews.filter((r) => r.text !== '')
    expect(read.every((r) => r.sentiment)).toBe(true)
    expect(read.filter((r) => r.sentiment?.label === 'negative').length).toBeGreaterThan(20)
    expect(read.filter((r) => r.themes.length > 0).length).toBeGreaterThan(50)
  })

  it('writes counters that equal a recount from the stored reviews', async () => {
    await writeDemo(db, demo, { passwordHash: 'not-a-real-hash' })
    const report = await rebuildReviewCounters(db, demo.practice.id, demo.practice.timeZone, {
      write: false,
    })
    expect(report.reviews).toBe(demo.reviews.length)
    expect(report.differences).toEqual([])
    // Each review is found again by its (source, external id), as a later sync would look it up.
    const identities = await reviews.identitiesOf(db, demo.practice.id)
    expect(identities).toHaveLength(demo.reviews.length)
    const stored = await reviews.get(db, demo.practice.id, demo.reviews[0]!.id)
    expect(stored).toEqual(demo.reviews[0])
    expect(dayOf(new Date(demo.reviews.at(-1)!.createdAt), 'UTC') <= dayOf(now, 'UTC')).toBe(true)
  }, 120_000)
})
