import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import * as audit from '../../../functions/src/store/audit'
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

const risky = 'Hi Maria, we checked your chart and your root canal went fine.'
const safe =
  'Thank you for your feedback. We take every concern seriously; please call our office manager at 555-0100 so we can talk.'

async function practiceWithReview(source = 'google') {
  const practice = await freshPractice(app)
  const review = incomingReview({ source, authorName: 'Maria G.', stars: 2 })
  await seedReviews(db, practice.practiceId, [review])
  const [listed] = (await practice.owner.get('/api/reviews')).body.items
  return { ...practice, review, id: listed.id as string }
}

describe('the reply check', () => {
  it('answers the warnings of a draft, each with its reason, words and a safe wording', async () => {
    const { owner, id } = await practiceWithReview()
    const res = await owner.post(`/api/reviews/${id}/reply/check`, { text: risky })
    expect(res.status).toBe(200)
    const codes = res.body.warnings.map((w: { code: string }) => w.code)
    expect(codes).toEqual(expect.arrayContaining(['name', 'record-access', 'health-info']))
    expect(res.body.warnings[0]).toMatchObject({
      excerpt: 'Maria',
      message: expect.stringMatching(/confirms who the patient is/),
      suggestion: expect.stringMatching(/^Thank you for your feedback/),
    })
    expect((await owner.post(`/api/reviews/${id}/reply/check`, { text: safe })).body).toEqual({
      warnings: [],
    })
  })
})

describe('PUT /api/reviews/{id}/reply', () => {
  it('refuses a flagged reply with 422 listing the warnings, and saves nothing', async () => {
    const { owner, id } = await practiceWithReview()
    const res = await owner.request('PUT', `/api/reviews/${id}/reply`, { text: risky })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.warnings.length).toBeGreaterThanOrEqual(3)
    expect(res.body.errors.every((e: { field: string }) => e.field === 'text')).toBe(true)
    expect((await owner.get(`/api/reviews/${id}/replies`)).body.items).toEqual([])
    expect((await owner.get('/api/reviews')).body.items[0].reply).toBeUndefined()
  })

  it('keeps every reply with who wrote it and when; the review shows the latest', async () => {
    const { owner, id } = await practiceWithReview()
    const first = await owner.request('PUT', `/api/reviews/${id}/reply`, {
      text: risky,
      acknowledgeWarnings: true,
    })
    expect(first.status).toBe(200)
    expect(first.body.reply).toMatchObject({
      text: risky,
      authorName: 'Dana Owner',
      acknowledged: true,
    })
    const second = await owner.request('PUT', `/api/reviews/${id}/reply`, { text: safe })
    expect(second.status).toBe(200)
    expect(second.body).toMatchObject({ reply: { text: safe, warnings: [] }, warnings: [] })
    const history = (await owner.get(`/api/reviews/${id}/replies`)).body.items
    expect(history.map((r: { text: string }) => r.text)).toEqual([risky, safe])
    expect(history[0].warnings).toEqual(expect.arrayContaining(['name', 'record-access']))
    const [listed] = (await owner.get('/api/reviews')).body.items
    expect(listed.reply).toMatchObject({
      text: safe,
      origin: 'touchpoint',
      authorName: 'Dana Owner',
    })
    expect((await owner.get('/api/reviews?replied=true')).body.total).toBe(1)
  })

  it('saves a Google reply as pending, not posted, while Google has no connector', async () => {
    const { owner, id } = await practiceWithReview('google')
    const res = await owner.request('PUT', `/api/reviews/${id}/reply`, { text: safe })
    expect(res.body.reply).toMatchObject({ state: 'pending', stateDetail: expect.any(String) })
    expect((await owner.get('/api/reviews')).body.items[0].reply.state).toBe('pending')
  })

  it('marks a reply to a site without a reply API as one to copy there', async () => {
    const { owner, id } = await practiceWithReview('yelp')
    const res = await owner.request('PUT', `/api/reviews/${id}/reply`, { text: safe })
    expect(res.body.reply.state).toBe('copy')
    expect((await owner.get('/api/reviews')).body.items[0]).toMatchObject({
      replyMode: 'copy',
      reply: { state: 'copy' },
    })
  })

  it('keeps a saved reply when a later sync rewrites the review', async () => {
    const { owner, id, practiceId, review } = await practiceWithReview('yelp')
    await owner.request('PUT', `/api/reviews/${id}/reply`, { text: safe })
    const edited = { ...review, stars: 5, updatedAt: new Date().toISOString() }
    expect(await seedReviews(db, practiceId, [edited])).toMatchObject({ updated: 1 })
    const [listed] = (await owner.get('/api/reviews')).body.items
    expect(listed).toMatchObject({ stars: 5, reply: { text: safe } })
  })

  it('lets managers reply and not staff; staff may read the replies', async () => {
    const { owner, id } = await practiceWithReview()
    const staff = await addMember(app, owner, 'staff')
    const manager = await addMember(app, owner, 'manager')
    expect(
      (await staff.member.request('PUT', `/api/reviews/${id}/reply`, { text: safe })).status,
    ).toBe(403)
    expect((await staff.member.post(`/api/reviews/${id}/reply/check`, { text: safe })).status).toBe(
      403,
    )
    expect(
      (await manager.member.request('PUT', `/api/reviews/${id}/reply`, { text: safe })).status,
    ).toBe(200)
    expect((await staff.member.get(`/api/reviews/${id}/replies`)).body.items).toHaveLength(1)
  })

  it('records each reply write in the audit log, without its words', async () => {
    const { owner, id, practiceId, ownerId } = await practiceWithReview()
    await owner.request('PUT', `/api/reviews/${id}/reply`, {
      text: risky,
      acknowledgeWarnings: true,
    })
    const entries = (await audit.list(db, practiceId)).filter((e) => e.action === 'reviews.reply')
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: ownerId,
        details: expect.objectContaining({ reviewId: id }),
      }),
    ])
    expect(JSON.stringify(entries)).not.toContain('Maria')
  })

  it('answers 404 for a review that does not exist and 400 naming an empty text', async () => {
    const { owner } = await practiceWithReview()
    const missing = await owner.request('PUT', '/api/reviews/01JDQ6R8Z5TQ3V2W9X0Y1Z2A3B/reply', {
      text: safe,
    })
    expect(missing.status).toBe(404)
    const { id } = await practiceWithReview()
    const empty = await owner.request('PUT', `/api/reviews/${id}/reply`, { text: '  ' })
    expect(empty.status).toBe(400)
    expect(empty.body.field).toBe('text')
  })
})
