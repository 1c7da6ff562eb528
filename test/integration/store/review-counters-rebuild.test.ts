import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { IncomingReview } from '../../../functions/src/domain/reviews/review'
import { markRemoved, upsertReviews } from '../../../functions/src/ingest/reviews/upsert'
import { rebuild } from '../../../functions/src/store/counter-rebuild'
import type { Db } from '../../../functions/src/store/db'
import * as keys from '../../../functions/src/store/keys'
import { freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

/** Every review counter item of the practice, `sk → non-zero numbers`, straight from the table. */
async function reviewCounterItems(practiceId: string) {
  const { Items = [] } = await db.client.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.reviewCountersOf(practiceId) },
    }),
  )
  const items: Record<string, Record<string, number>> = {}
  for (const item of Items) {
    const numbers = Object.fromEntries(
      Object.entries(item).filter(([, v]) => typeof v === 'number' && v !== 0),
    ) as Record<string, number>
    if (Object.keys(numbers).length) items[String(item.sk)] = numbers
  }
  return items
}

async function practiceWithReviews() {
  const app = testApp(db)
  const { owner, practiceId } = await freshPractice(app)
  const location = (await owner.post('/api/locations', { name: 'North' })).body.id as string
  const who = { id: practiceId, timeZone: 'America/Chicago', languages: ['en'] as const }
  const incoming: IncomingReview[] = Array.from({ length: 12 }, (_, n) => {
    const at = new Date(Date.UTC(2026, 9, 1 + n * 3, 15)).toISOString()
    const source = n % 3 === 0 ? 'facebook' : 'google'
    return {
      source,
      externalId: `${source}-${n}`,
      locationId: location,
      stars: source === 'facebook' ? 5 : (n % 5) + 1,
      ...(source === 'facebook' ? { recommendation: 'positive' as const } : {}),
      text: n % 2 ? 'We waited an hour and the front desk was rude.' : 'Lovely staff.',
      createdAt: at,
      updatedAt: at,
      origin: 'sync' as const,
    }
  })
  await upsertReviews(db, who, incoming)
  // An edit (5 → 1 stars) and a removal, so the recount must follow both.
  const edited = { ...incoming[4]!, stars: 1, updatedAt: new Date().toISOString() }
  await upsertReviews(db, who, [edited])
  await markRemoved(db, who, 'google', new Set(incoming.slice(0, 10).map((r) => r.externalId)))
  return { practiceId, owner }
}

describe('counters:rebuild of review counters', () => {
  it('finds nothing to fix after syncs, edits and removals', async () => {
    const { practiceId } = await practiceWithReviews()
    const report = await rebuild(db, practiceId, { write: false })
    expect(report.reviews).toBe(12)
    expect(report.differences).toEqual([])
  })

  it('reports a tampered, a deleted and a stray review counter item, fixes them, then finds nothing', async () => {
    const { practiceId, owner } = await practiceWithReviews()
    const before = await reviewCounterItems(practiceId)
    const figures = (await owner.get('/api/analytics/reviews?from=2026-09-28&to=2026-11-15')).body
    const pk = keys.reviewCountersOf(practiceId)
    const weekAll = Object.keys(before).find((sk) => sk.startsWith('W#all#'))!
    const monthSource = Object.keys(before).find((sk) => sk.startsWith('M#S#google#'))!
    const stray = 'W#S#google#2001-01-01'
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: { pk, sk: weekAll },
        UpdateExpression: 'ADD #n :two, #five :one',
        ExpressionAttributeNames: { '#n': 'reviews', '#five': 'stars.v.5' },
        ExpressionAttributeValues: { ':two': 2, ':one': 1 },
      }),
    )
    await db.client.send(new DeleteCommand({ TableName: db.table, Key: { pk, sk: monthSource } }))
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: { pk, sk: stray },
        UpdateExpression: 'ADD reviews :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    )
    const want = [
      {
        counter: weekAll,
        name: 'reviews',
        expected: before[weekAll]!.reviews,
        actual: before[weekAll]!.reviews! + 2,
      },
      {
        counter: weekAll,
        name: 'stars.v.5',
        expected: before[weekAll]!['stars.v.5'] ?? 0,
        actual: (before[weekAll]!['stars.v.5'] ?? 0) + 1,
      },
      ...Object.entries(before[monthSource]!).map(([name, value]) => ({
        counter: monthSource,
        name,
        expected: value,
        actual: 0,
      })),
      { counter: stray, name: 'reviews', expected: 0, actual: 1 },
    ].map((d) => ({ ...d, surveyId: 'reviews' }))
    const order = (a: { counter: string; name: string }, b: { counter: string; name: string }) =>
      `${a.counter} ${a.name}`.localeCompare(`${b.counter} ${b.name}`)

    const check = await rebuild(db, practiceId, { write: false })
    expect(check.rewritten).toBe(false)
    expect([...check.differences].sort(order)).toEqual(want.sort(order))

    const fix = await rebuild(db, practiceId, { write: true })
    expect(fix.rewritten).toBe(true)
    expect(await reviewCounterItems(practiceId)).toEqual(before)
    expect((await rebuild(db, practiceId, { write: false })).differences).toEqual([])
    expect((await owner.get('/api/analytics/reviews?from=2026-09-28&to=2026-11-15')).body).toEqual(
      figures,
    )
  })

  it("leaves another practice's review counters alone", async () => {
    const mine = await practiceWithReviews()
    const theirs = await practiceWithReviews()
    const pk = keys.reviewCountersOf(theirs.practiceId)
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: { pk, sk: `W#all#${ulid()}` },
        UpdateExpression: 'ADD reviews :one',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    )
    const tampered = await reviewCounterItems(theirs.practiceId)
    expect((await rebuild(db, mine.practiceId, { write: true })).differences).toEqual([])
    expect(await reviewCounterItems(theirs.practiceId)).toEqual(tampered)
  })
})
