import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import { addMember, Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { csvOf, postCsv } from '../../support/csv-upload'
import { incomingReview, seedReviews } from '../../support/reviews'

/**
 * Two practices with reviews and replies; every review route (read from the OpenAPI document,
 * so a new one cannot be forgotten) is called by practice B with practice A's review. The answer
 * must be 401/403/404, never A's words, and A's reviews and replies must be unchanged.
 */
let db: Db
let app: App
let a: Awaited<ReturnType<typeof practiceWithReplies>>
let b: Awaited<ReturnType<typeof practiceWithReplies>>
let routes: { method: string; path: string; hasBody: boolean }[]

async function practiceWithReplies(name: string) {
  const practice = await freshPractice(app, name)
  const words = `${name} secret review words`
  await seedReviews(db, practice.practiceId, [
    incomingReview({ text: words, authorName: `${name} Author` }),
  ])
  const [review] = (await practice.owner.get('/api/reviews')).body.items
  const location = (await practice.owner.post('/api/locations', { name: `${name} Main` })).body
  const reply = `${name} reply words`
  const saved = await practice.owner.request('PUT', `/api/reviews/${review.id}/reply`, {
    text: reply,
    // The reply repeats the author's name on purpose: it must still never reach practice B.
    acknowledgeWarnings: true,
  })
  expect(saved.status).toBe(200)
  const staff = await addMember(app, practice.owner, 'staff')
  return {
    ...practice,
    staff,
    reviewId: review.id as string,
    externalId: review.externalId as string,
    locationId: location.id as string,
    secrets: [words, `${name} Author`, reply, review.id as string, practice.practiceId],
  }
}

const bodies: Record<string, unknown> = {
  'POST /api/reviews/{id}/reply/check': { text: 'Thank you for your feedback.' },
  'PUT /api/reviews/{id}/reply': { text: 'Taken over', acknowledgeWarnings: true },
}

/** CSV routes: practice B imports a row naming A's review and A's location, hoping to overwrite. */
const csvBodies: Record<string, () => string> = {
  'POST /api/reviews/import': () =>
    csvOf([
      ['source', 'date', 'stars', 'text', 'location', 'external_id'],
      ['google', '2026-01-05', 1, 'Overwritten by another practice', a.locationId, a.externalId],
    ]),
}

async function snapshot(caller: Caller, reviewId: string) {
  return [
    (await caller.get('/api/reviews?removed=true')).body,
    (await caller.get(`/api/reviews/${reviewId}/replies`)).body,
  ]
}

beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
  a = await practiceWithReplies('Alder Clinic')
  b = await practiceWithReplies('Birch Clinic')
  const doc = (await (await app.request('/api/openapi.json')).json()) as {
    paths: Record<string, Record<string, { requestBody?: unknown }>>
  }
  routes = Object.entries(doc.paths)
    .filter(([path]) => /^\/(api\/)?reviews(\/|$)/.test(path.replace(/^\/api/, '')))
    .flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({
        method: method.toUpperCase(),
        path: `/api${path.replace(/^\/api/, '')}`,
        hasBody: op.requestBody !== undefined,
      })),
    )
})

describe('tenancy of reviews and replies', () => {
  it('covers the review routes of the contract', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`)
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /api/reviews',
        'POST /api/reviews/{id}/reply/check',
        'PUT /api/reviews/{id}/reply',
        'GET /api/reviews/{id}/replies',
      ]),
    )
  })

  it("never shows or changes another practice's reviews and replies", async () => {
    const before = await snapshot(a.owner, a.reviewId)
    for (const route of routes) {
      const key = `${route.method} ${route.path}`
      if (route.hasBody && !(key in bodies) && !(key in csvBodies))
        throw new Error(`no sample body for ${key}: add one`)
      const path = route.path.replace('{id}', a.reviewId)
      for (const caller of [b.owner, b.staff.member]) {
        const csv = csvBodies[key]
        const res = csv
          ? await postCsv(caller, path, csv())
          : await caller.request(route.method, path, route.hasBody ? bodies[key] : undefined)
        const text = JSON.stringify(res.body ?? '')
        for (const secret of a.secrets)
          expect(text, `${key} leaked ${secret}`).not.toContain(secret)
        if (route.path.includes('{id}'))
          expect([403, 404], `${key}: ${res.status}`).toContain(res.status)
      }
    }
    expect(await snapshot(a.owner, a.reviewId)).toEqual(before)
  })

  it('answers 401 problem+json on every review route without a session', async () => {
    for (const route of routes) {
      const key = `${route.method} ${route.path}`
      const res = await new Caller(app).request(
        route.method,
        route.path.replace('{id}', a.reviewId),
        route.hasBody ? bodies[key] : undefined,
      )
      expect(res.status, key).toBe(401)
      expect(res.headers.get('content-type'), key).toBe('application/problem+json')
    }
  })
})
