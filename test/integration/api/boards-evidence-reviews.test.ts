import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { IncomingReview } from '../../../functions/src/domain/reviews/review'
import { markRemoved, upsertReviews } from '../../../functions/src/ingest/reviews/upsert'
import type { Db } from '../../../functions/src/store/db'
import { resolveEvidence } from '../../../functions/src/store/evidence'
import { freshPractice, testApp } from '../../support/api'
import { createBoard } from '../../support/boards'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

const hoursAgo = (h: number) => new Date(Date.now() - h * 3600_000).toISOString()
const review = (n: number, changes: Partial<IncomingReview>): IncomingReview => ({
  source: 'google',
  externalId: `r${n}`,
  stars: 3,
  text: '',
  createdAt: hoursAgo(n),
  updatedAt: hoursAgo(n),
  origin: 'sync',
  ...changes,
})

async function practiceWithReviews(name: string) {
  const practice = await freshPractice(app, name)
  const who = { id: practice.practiceId, timeZone: 'America/Chicago', languages: ['en'] as const }
  await upsertReviews(db, { ...who, languages: ['en'] }, [
    review(1, {
      text: `We waited two hours at ${name}. Call me at (555) 010-0199 or jo@example.com, born 3/14/1985`,
      stars: 1,
      authorName: 'Jordan P.',
    }),
    review(2, {
      source: 'facebook',
      recommendation: 'positive',
      stars: 5,
      text: 'The front desk staff were lovely and kind',
    }),
    review(3, {
      source: 'healthgrades',
      origin: 'import',
      stars: 4,
      text: 'Billing was confusing',
    }),
    review(4, { externalId: 'gone', text: 'This review was taken down from the site' }),
    review(5, { externalId: 'stars-only', stars: 5, text: '' }),
  ])
  await markRemoved(db, { ...who, languages: ['en'] }, 'google', new Set(['r1', 'stars-only']))
  const board = await createBoard(practice.owner)
  return { ...practice, board }
}

describe('the evidence search finds reviews', () => {
  it('lists reviews with text beside comments, newest first, redacted, marked with site and stars', async () => {
    const p = await practiceWithReviews('Alder Clinic')
    const res = await p.owner.get(`/api/boards/${p.board.id}/evidence`)
    expect(res.status).toBe(200)
    const items = res.body.items as { text: string; source: Record<string, unknown> }[]
    // The removed one and the one without words are not evidence.
    expect(items.map((i) => i.source.site)).toEqual(['google', 'facebook', 'healthgrades'])
    expect(items[0]!.text).toBe(
      'We waited two hours at Alder Clinic. Call me at [phone removed] or [e-mail removed], born [date removed]',
    )
    expect(items[0]!.source).toMatchObject({
      kind: 'review',
      site: 'google',
      stars: 1,
      surveyId: null,
      sentiment: expect.stringMatching(/^(positive|neutral|negative)$/),
    })
    expect(items[1]!.source).toMatchObject({ site: 'facebook', recommendation: 'positive' })
    expect(items[1]!.source.stars).toBeUndefined()
    expect(items[2]!.source).toMatchObject({ site: 'healthgrades', stars: 4 })
    expect(JSON.stringify(items)).not.toMatch(/555|jo@example|Jordan/)

    const filtered = await p.owner.get(`/api/boards/${p.board.id}/evidence?q=billing`)
    expect(filtered.body.items.map((i: any) => i.source.site)).toEqual(['healthgrades'])
    const negative = await p.owner.get(`/api/boards/${p.board.id}/evidence?sentiment=negative`)
    expect(negative.body.items.every((i: any) => i.source.sentiment === 'negative')).toBe(true)
  })

  it('resolves a dropped review quote with its origin, and never another practice’s', async () => {
    const mine = await practiceWithReviews('Birch Clinic')
    const theirs = await practiceWithReviews('Cedar Clinic')
    const found = (await mine.owner.get(`/api/boards/${mine.board.id}/evidence`)).body.items
    const theirItems = (await theirs.owner.get(`/api/boards/${theirs.board.id}/evidence`)).body
      .items
    const source = found[0].source
    const quote = await resolveEvidence(db, mine.practiceId, { kind: 'review', id: source.id })
    expect(quote).toEqual({ text: found[0].text, source })
    expect(
      await resolveEvidence(db, mine.practiceId, { kind: 'review', id: theirItems[0].source.id }),
    ).toBeUndefined()
    // A review id is not a response id, and the other way round.
    expect(
      await resolveEvidence(db, mine.practiceId, { kind: 'response', id: source.id }),
    ).toBeUndefined()
  })
})
