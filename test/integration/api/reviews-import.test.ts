import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { reviewIncrements, reviewScopes } from '../../../functions/src/domain/reviews/counters'
import { countedOf } from '../../../functions/src/ingest/reviews/upsert'
import type { Db } from '../../../functions/src/store/db'
import * as keys from '../../../functions/src/store/keys'
import * as reviews from '../../../functions/src/store/reviews'
import { addMember, freshPractice, testApp } from '../../support/api'
import { csvOf, postCsv } from '../../support/csv-upload'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

const header = [
  'source',
  'date',
  'stars',
  'text',
  'author',
  'url',
  'reply',
  'reply_date',
  'location',
  'external_id',
]

async function practiceWithLocation() {
  const practice = await freshPractice(app)
  const location = (await practice.owner.post('/api/locations', { name: 'North Clinic' })).body
  return { ...practice, locationId: location.id as string }
}

/** Every non-zero review counter of the practice, as `sk → numbers`. */
async function counterItems(practiceId: string) {
  const counters: Record<string, Record<string, number>> = {}
  let startKey: Record<string, unknown> | undefined
  do {
    const page = await db.client.send(
      new QueryCommand({
        TableName: db.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.reviewCountersOf(practiceId) },
        ExclusiveStartKey: startKey,
      }),
    )
    for (const item of page.Items ?? []) {
      const numbers: Record<string, number> = {}
      for (const [name, value] of Object.entries(item)) {
        if (typeof value === 'number' && name !== 'v' && value !== 0) numbers[name] = value
      }
      if (Object.keys(numbers).length) counters[String(item.sk)] = numbers
    }
    startKey = page.LastEvaluatedKey
  } while (startKey)
  return counters
}

/** The counters recounted from the stored reviews alone. */
async function recount(practiceId: string) {
  const counters: Record<string, Record<string, number>> = {}
  for (const identity of await reviews.identitiesOf(db, practiceId)) {
    const stored = await reviews.get(db, practiceId, identity.reviewId)
    const counted = countedOf(stored!, 'America/Chicago')
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

/** What the import must say of a generated file: its good rows, and each bad row with its reason. */
interface Expected {
  good: number
  rejected: { row: number; reason: string }[]
}

/** `count` rows, every `badEvery`-th one with stars 6 and every `badEvery`+1-th with no date. */
function bigFile(count: number, badEvery: number): { csv: string; expected: Expected } {
  const rows: (string | number)[][] = [header]
  const expected: Expected = { good: 0, rejected: [] }
  for (let n = 0; n < count; n++) {
    const day = String(1 + (n % 28)).padStart(2, '0')
    const month = String(1 + (n % 12)).padStart(2, '0')
    const badStars = n % badEvery === 0
    const noDate = n % badEvery === 1
    const stars = badStars ? 6 : (n % 5) + 1
    const date = noDate ? '' : `2025-${month}-${day}`
    const text = n % 3 === 0 ? `The wait was long, visit ${n}` : `Lovely staff ${n}, kind nurse`
    rows.push(['healthgrades', date, stars, text, `Patient ${n}`, '', '', '', 'North Clinic', ''])
    // The header is row 1, so the n-th data row (from 0) is row n + 2.
    if (badStars)
      expected.rejected.push({ row: n + 2, reason: 'stars: expected a whole number from 1 to 5' })
    else if (noDate) expected.rejected.push({ row: n + 2, reason: 'date: required' })
    else expected.good++
  }
  return { csv: csvOf(rows), expected }
}

describe('POST /api/reviews/import', () => {
  it('imports the good rows, lists each bad one with its row and reason, and a re-import changes nothing', async () => {
    const { owner, practiceId, locationId } = await practiceWithLocation()
    const csv = csvOf([
      header,
      [
        'healthgrades',
        '2026-03-14',
        '5',
        'Kind nurse, quick visit',
        'J. D.',
        'https://www.healthgrades.com/x',
        'Thank you!',
        '2026-03-15',
        'North Clinic',
        'hg-1',
      ],
      [
        'Vitals',
        '2026-02-01T09:30',
        '2',
        '=HYPERLINK("x") long wait',
        '',
        '',
        '',
        '',
        locationId,
        '',
      ],
      ['zocdoc', '', '4', 'no date', '', '', '', '', '', ''],
      ['zocdoc', '2026-02-02', '6', 'six stars', '', '', '', '', '', ''],
      ['zocdoc', '2026-02-03', '4', 'somewhere else', '', '', '', '', 'South Clinic', ''],
      ['zoc doc!', '2026-02-04', '4', 'odd source', '', '', '', '', '', ''],
      ['zocdoc', '14/03/2026', '3', 'not ISO', '', '', '', '', '', ''],
    ])
    const first = await postCsv(owner, '/api/reviews/import', csv)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ imported: 2, updated: 0, unchanged: 0 })
    expect(first.body.rejected.map((r: { row: number }) => r.row)).toEqual([4, 5, 6, 7, 8])
    const reasons = first.body.rejected.map((r: { reason: string }) => r.reason)
    expect(reasons[0]).toMatch(/^date: required/)
    expect(reasons[1]).toMatch(/^stars: /)
    expect(reasons[2]).toMatch(/^location: /)
    expect(reasons[3]).toMatch(/^source: /)
    expect(reasons[4]).toMatch(/^date: expected an ISO date/)
    // Reasons never quote what the row said.
    expect(JSON.stringify(first.body)).not.toMatch(/six stars|somewhere else|South Clinic/)

    const stored = await reviews.identitiesOf(db, practiceId)
    expect(stored).toHaveLength(2)
    const hg = stored.find((identity) => identity.externalId === 'hg-1')!
    const review = await reviews.get(db, practiceId, hg.reviewId)
    expect(review).toMatchObject({
      source: 'healthgrades',
      stars: 5,
      locationId,
      origin: 'import',
      authorName: 'J. D.',
      reply: { text: 'Thank you!', updatedAt: '2026-03-15T17:00:00.000Z' },
      createdAt: '2026-03-14T17:00:00.000Z',
    })
    const vitals = stored.find((identity) => identity.source === 'vitals')!
    expect(vitals.externalId).toMatch(/^csv-/)
    expect((await reviews.get(db, practiceId, vitals.reviewId))!.createdAt).toBe(
      '2026-02-01T15:30:00.000Z',
    )

    const again = await postCsv(owner, '/api/reviews/import', csv)
    expect(again.body).toMatchObject({ imported: 0, updated: 0, unchanged: 2 })
    expect(again.body.rejected).toHaveLength(5)
    expect(await reviews.identitiesOf(db, practiceId)).toHaveLength(2)
    expect(await counterItems(practiceId)).toEqual(await recount(practiceId))
  })

  it('moves the counters when a row comes back with other stars (same external_id)', async () => {
    const { owner, practiceId } = await practiceWithLocation()
    const row = (stars: number) =>
      csvOf([header, ['vitals', '2026-01-10', stars, 'Fine', '', '', '', '', '', 'v-1']])
    await postCsv(owner, '/api/reviews/import', row(5))
    const edited = await postCsv(owner, '/api/reviews/import', row(1))
    expect(edited.body).toMatchObject({ imported: 0, updated: 1, unchanged: 0 })
    const counters = await counterItems(practiceId)
    expect(counters['M#all#2026-01']).toMatchObject({ reviews: 1, 'stars.v.1': 1 })
    expect(counters['M#all#2026-01']?.['stars.v.5']).toBeUndefined()
    expect(counters).toEqual(await recount(practiceId))
  })

  it('imports 10,000 rows with bad ones, twice: exactly the good rows once, each bad row named, the dashboard grown by exactly the import', async () => {
    const { owner, practiceId } = await practiceWithLocation()
    const { csv, expected } = bigFile(10_000, 50)
    expect(csv.length).toBeGreaterThan(64 * 1024)
    // The file's own arithmetic, so the exact figures below are not copied from a run.
    expect(expected.good).toBe(9600)
    expect(expected.rejected).toHaveLength(400)
    const dashboardCount = async () =>
      (await owner.get('/api/analytics/reviews?from=2025-01-01&to=2025-12-31')).body.count as number
    const before = await dashboardCount()
    const started = performance.now()
    const first = await postCsv(owner, '/api/reviews/import', csv)
    const firstMs = performance.now() - started
    expect(first.status).toBe(200)
    expect(first.body).toEqual({
      imported: expected.good,
      updated: 0,
      unchanged: 0,
      rejected: expected.rejected,
    })
    const afterFirst = await dashboardCount()
    expect(afterFirst - before).toBe(first.body.imported)
    const second = await postCsv(owner, '/api/reviews/import', csv)
    expect(second.body).toEqual({
      imported: 0,
      updated: 0,
      unchanged: expected.good,
      rejected: expected.rejected,
    })
    expect(await dashboardCount()).toBe(afterFirst)
    expect(await counterItems(practiceId)).toEqual(await recount(practiceId))
    console.info(`10,000-row review import: ${Math.round(firstMs)} ms first run`)
  }, 300_000)

  it('gives the same reviews and counters whether a file is sent whole or in parts', async () => {
    const whole = await practiceWithLocation()
    const parts = await practiceWithLocation()
    const lines = bigFile(900, 40).csv.trimEnd().split('\r\n')
    await postCsv(whole.owner, '/api/reviews/import', lines.join('\r\n'))
    const results = []
    for (let i = 1; i < lines.length; i += 250) {
      const chunk = [lines[0], ...lines.slice(i, i + 250)].join('\r\n')
      results.push((await postCsv(parts.owner, '/api/reviews/import', chunk)).body)
    }
    expect(results.reduce((sum, r) => sum + r.imported, 0)).toBe(
      (await reviews.identitiesOf(db, whole.practiceId)).length,
    )
    const strip = (counters: Record<string, Record<string, number>>, locationId: string) =>
      JSON.parse(JSON.stringify(counters).replaceAll(locationId, 'LOC'))
    expect(strip(await counterItems(parts.practiceId), parts.locationId)).toEqual(
      strip(await counterItems(whole.practiceId), whole.locationId),
    )
  }, 120_000)

  it('refuses a file over the row cap with 413 before importing any of it', async () => {
    const { owner, practiceId } = await practiceWithLocation()
    const { csv } = bigFile(20_001, 1_000_000)
    const res = await postCsv(owner, '/api/reviews/import', csv)
    expect(res.status).toBe(413)
    expect(res.type).toBe('application/problem+json')
    expect(res.body.detail).toMatch(/20,000 rows/)
    expect(await reviews.identitiesOf(db, practiceId)).toHaveLength(0)
  })

  it('answers 400 naming every missing and unknown column, and 415 for a body that is not CSV', async () => {
    const { owner } = await practiceWithLocation()
    const bad = await postCsv(owner, '/api/reviews/import', 'source,rating,comment\nvitals,5,ok\n')
    expect(bad.status).toBe(400)
    expect(bad.type).toBe('application/problem+json')
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'columns.date',
      'columns.stars',
      'columns.rating',
      'columns.comment',
    ])
    const json = await postCsv(owner, '/api/reviews/import', '{"a":1}', 'application/json')
    expect(json.status).toBe(415)
    expect(json.type).toBe('application/problem+json')
  })

  it('is for managers and owners only', async () => {
    const { owner, practiceId } = await practiceWithLocation()
    const staff = await addMember(app, owner, 'staff')
    const manager = await addMember(app, owner, 'manager')
    const csv = csvOf([header, ['vitals', '2026-01-10', 4, 'ok', '', '', '', '', '', 'v-9']])
    expect((await postCsv(staff.member, '/api/reviews/import', csv)).status).toBe(403)
    expect(await reviews.identitiesOf(db, practiceId)).toHaveLength(0)
    expect((await postCsv(manager.member, '/api/reviews/import', csv)).status).toBe(200)
  })
})
