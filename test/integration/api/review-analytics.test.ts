import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { dayOf } from '../../../functions/src/domain/calendar'
import type { IncomingReview } from '../../../functions/src/domain/reviews/review'
import {
  markRemoved,
  upsertReviews,
  type ReviewPractice,
} from '../../../functions/src/ingest/reviews/upsert'
import type { Db } from '../../../functions/src/store/db'
import * as reviews from '../../../functions/src/store/reviews'
import { freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

const timeZone = 'America/Chicago'
const texts = [
  'The front desk was rude and we waited an hour.',
  'Lovely staff, quick visit, the doctor explained everything.',
  'Billing sent me the wrong bill twice.',
  '',
]

/** A spread of reviews over ~20 weeks before 2026-11-20, on two locations and four sites. */
function spread(locations: string[], count: number): IncomingReview[] {
  const sources = ['google', 'yelp', 'facebook', 'healthgrades']
  return Array.from({ length: count }, (_, n) => {
    const source = sources[n % sources.length]!
    const at = new Date(Date.UTC(2026, 10, 20, 15) - (n % 140) * 86_400_000 - n * 1000)
    const stars = ((n * 7) % 5) + 1
    return {
      source,
      externalId: `${source}-${n}`,
      locationId: n % 5 === 4 ? undefined : locations[n % locations.length],
      stars: source === 'facebook' ? (n % 3 === 0 ? 1 : 5) : stars,
      ...(source === 'facebook' ? { recommendation: n % 3 === 0 ? 'negative' : 'positive' } : {}),
      text: texts[n % texts.length]!,
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      origin: source === 'healthgrades' ? 'import' : 'sync',
    } as IncomingReview
  })
}

/** The figures recounted from the STORED reviews, without the counters or the code under test. */
async function recount(
  practiceId: string,
  filter: { from: string; to: string; location?: string; source?: string },
) {
  const stored = await Promise.all(
    (await reviews.identitiesOf(db, practiceId)).map((i) =>
      reviews.get(db, practiceId, i.reviewId),
    ),
  )
  const inRange = stored.filter((r) => {
    if (!r || r.removed) return false
    const day = dayOf(new Date(r.createdAt), timeZone)
    if (day < filter.from || day > filter.to) return false
    if (filter.location && r.locationId !== filter.location) return false
    if (filter.source && r.source !== filter.source) return false
    return true
  })
  const rated = inRange.filter((r) => !r!.recommendation).map((r) => r!.stars)
  const mean = rated.reduce((a, b) => a + b, 0) / rated.length
  const s = Math.sqrt(rated.reduce((a, x) => a + (x - mean) ** 2, 0) / (rated.length - 1))
  const half = (1.959964 * s) / Math.sqrt(rated.length)
  const part = (of: typeof inRange) => {
    const stars = of.filter((r) => !r!.recommendation).map((r) => r!.stars)
    return {
      count: of.length,
      rated: stars.length,
      average: stars.length ? stars.reduce((a, b) => a + b, 0) / stars.length : null,
    }
  }
  const groups = (key: (r: (typeof inRange)[number]) => string | undefined) => {
    const map = new Map<string, typeof inRange>()
    for (const r of inRange) {
      const k = key(r)
      if (k) map.set(k, [...(map.get(k) ?? []), r])
    }
    return map
  }
  return {
    count: inRange.length,
    rated: rated.length,
    average: mean,
    averageInterval: [Math.max(1, mean - half), Math.min(5, mean + half)],
    stars: Object.fromEntries([1, 2, 3, 4, 5].map((v) => [v, rated.filter((x) => x === v).length])),
    recommendations: {
      positive: inRange.filter((r) => r!.recommendation === 'positive').length,
      negative: inRange.filter((r) => r!.recommendation === 'negative').length,
    },
    bySource: [...groups((r) => r!.source)].map(([source, of]) => ({ source, ...part(of) })),
    byLocation: [...groups((r) => r!.locationId)].map(([locationId, of]) => ({
      locationId,
      ...part(of),
    })),
    negative: inRange.filter((r) => r!.sentiment?.label === 'negative').length,
    textRead: inRange.filter((r) => r!.sentiment).length,
  }
}

const sortBy = <T>(list: T[], key: (x: T) => string) =>
  [...list].sort((x, y) => key(x).localeCompare(key(y)))

async function seeded(count = 160) {
  const practice = await freshPractice(app, 'Review Figures Clinic')
  const locationIds: string[] = []
  for (const name of ['North', 'South']) {
    locationIds.push((await practice.owner.post('/api/locations', { name })).body.id)
  }
  const incoming = spread(locationIds, count)
  const who: ReviewPractice = { id: practice.practiceId, timeZone, languages: ['en', 'es'] }
  await upsertReviews(db, who, incoming)
  return { ...practice, locationIds, incoming, who }
}

describe('GET /api/analytics/reviews', () => {
  it('equals a recount from the stored reviews, per source and per location', async () => {
    const p = await seeded()
    // Whole weeks, Monday to Sunday, so the range the route reads is exactly the one recounted.
    const filter = { from: '2026-08-03', to: '2026-11-22' }
    const res = await p.owner.get(`/api/analytics/reviews?${new URLSearchParams(filter)}`)
    expect(res.status).toBe(200)
    expect(res.body.range).toMatchObject({ from: filter.from, to: filter.to, interval: 'week' })
    const want = await recount(p.practiceId, filter)
    expect(want.count).toBeGreaterThan(100)
    expect(res.body).toMatchObject({
      count: want.count,
      rated: want.rated,
      stars: want.stars,
      recommendations: want.recommendations,
      enough: true,
    })
    expect(res.body.average).toBeCloseTo(want.average, 10)
    expect(res.body.averageInterval[0]).toBeCloseTo(want.averageInterval[0]!, 10)
    expect(res.body.averageInterval[1]).toBeCloseTo(want.averageInterval[1]!, 10)
    const close = (list: { average: number | null }[]) =>
      list.map((x) => ({ ...x, average: x.average === null ? null : Number(x.average.toFixed(9)) }))
    const strip = (list: Record<string, unknown>[]) => list.map(({ enough: _e, ...rest }) => rest)
    expect(close(strip(sortBy(res.body.bySource, (x: any) => x.source)) as any)).toEqual(
      close(sortBy(want.bySource, (x) => x.source)),
    )
    expect(close(strip(sortBy(res.body.byLocation, (x: any) => x.locationId)) as any)).toEqual(
      close(sortBy(want.byLocation, (x) => x.locationId)),
    )
    expect(res.body.sentiment.n).toBe(want.textRead)
    expect(res.body.sentiment.negative).toBe(want.negative)
    // The trend's weeks add up to the whole.
    expect(res.body.trend).toHaveLength(res.body.range.periods.length)
    expect(res.body.trend.reduce((a: number, t: any) => a + t.count, 0)).toBe(want.count)
    expect(res.body.themes.length).toBeGreaterThan(0)
    for (const theme of res.body.themes) {
      expect(theme.negativeShare).toBeCloseTo(theme.negative / theme.n, 12)
    }
  })

  it('filters by location and by source, and leaves removed reviews out', async () => {
    const p = await seeded(120)
    const filter = { from: '2026-08-03', to: '2026-11-22' }
    const location = p.locationIds[0]!
    // A full sweep of Google that no longer finds half its reviews.
    const google = p.incoming.filter((r) => r.source === 'google')
    await markRemoved(
      db,
      p.who,
      'google',
      new Set(google.slice(0, google.length / 2).map((r) => r.externalId)),
      p.locationIds,
    )
    for (const params of [
      { ...filter, location },
      { ...filter, source: 'google' },
      { ...filter, source: 'facebook', location },
    ]) {
      const res = await p.owner.get(`/api/analytics/reviews?${new URLSearchParams(params)}`)
      expect(res.status).toBe(200)
      const want = await recount(p.practiceId, params)
      expect(res.body.count, JSON.stringify(params)).toBe(want.count)
      expect(res.body.rated).toBe(want.rated)
      expect(res.body.stars).toEqual(want.stars)
      expect(res.body.recommendations).toEqual(want.recommendations)
      if (want.rated) expect(res.body.average).toBeCloseTo(want.average, 10)
      else expect(res.body.average).toBeNull()
      expect(res.body.bySource.map((s: any) => s.source).sort()).toEqual(
        want.bySource.map((s) => s.source).sort(),
      )
    }
  })

  it('says "not enough" below the minimum, and has no figures for a practice without reviews', async () => {
    const p = await seeded(12)
    const res = await p.owner.get('/api/analytics/reviews?from=2026-08-03&to=2026-11-22')
    expect(res.body.count).toBe(12)
    expect(res.body.enough).toBe(false)
    const empty = await freshPractice(app, 'No Reviews Yet')
    const none = await empty.owner.get('/api/analytics/reviews')
    expect(none.status).toBe(200)
    expect(none.body).toMatchObject({
      count: 0,
      average: null,
      averageInterval: null,
      bySource: [],
      byLocation: [],
      enough: false,
    })
    expect(none.body.trend).toHaveLength(13)
  })

  it('names every wrong field in one problem+json answer', async () => {
    const p = await freshPractice(app, 'Bad Filters Clinic')
    const res = await p.owner.get(
      '/api/analytics/reviews?from=yesterday&source=Not%20A%20Slug&interval=day',
    )
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    const text = JSON.stringify(res.body)
    for (const field of ['from', 'source', 'interval']) expect(text).toContain(field)
    const unknown = await p.owner.get(`/api/analytics/reviews?location=${ulid()}`)
    expect(unknown.status).toBe(404)
  })
})
