import { GetCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { rebuild } from '../../../functions/src/store/counter-rebuild'
import type { Db } from '../../../functions/src/store/db'
import * as keys from '../../../functions/src/store/keys'
import { addMember, freshPractice, testApp } from '../../support/api'
import { csvOf, postCsv } from '../../support/csv-upload'
import { testDb } from '../../support/db'
import { publishedSurvey } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

async function practiceWithSurvey() {
  const practice = await freshPractice(app)
  const { owner } = practice
  const location = (await owner.post('/api/locations', { name: 'North Clinic' })).body
  const provider = (
    await owner.post('/api/providers', { name: 'Dr. Rivera', locationIds: [location.id] })
  ).body
  const survey = await publishedSurvey(owner)
  return {
    ...practice,
    surveyId: survey.id,
    locationId: location.id as string,
    providerId: provider.id as string,
  }
}

const importPath = (surveyId: string, mapping?: Record<string, string>) =>
  `/api/responses/import?surveyId=${surveyId}${
    mapping ? `&mapping=${encodeURIComponent(JSON.stringify(mapping))}` : ''
  }`

/** Every response of the practice's survey, through the API, oldest first. */
async function allResponses(owner: Awaited<ReturnType<typeof practiceWithSurvey>>['owner']) {
  const items: Record<string, any>[] = []
  let cursor: string | undefined
  do {
    const page = await owner.get(
      `/api/responses?limit=100&from=2020-01-01${cursor ? `&cursor=${cursor}` : ''}`,
    )
    items.push(...page.body.items)
    cursor = page.body.nextCursor ?? undefined
  } while (cursor)
  return items
}

/** What the import must say of a generated file: its good rows, and each bad row with its reason. */
interface Expected {
  good: number
  rejected: { row: number; reason: string }[]
}

/**
 * `count` rows of visit-pulse answers; every `badEvery`-th has an NPS of 11. Rows repeat (the same
 * day and answers every 4,620 rows, comment-less ones word for word): each is its own response.
 */
function bigFile(count: number, badEvery: number): { csv: string; expected: Expected } {
  const rows: (string | number)[][] = [['date', 'recommend', 'visit', 'improve', 'location']]
  const expected: Expected = { good: 0, rejected: [] }
  for (let n = 0; n < count; n++) {
    const day = String(1 + (n % 28)).padStart(2, '0')
    const month = String(1 + (n % 12)).padStart(2, '0')
    const bad = n % badEvery === 0
    rows.push([
      `2025-${month}-${day}`,
      bad ? 11 : n % 11,
      (n % 5) + 1,
      n % 4 === 0 ? `The wait was too long (${n})` : '',
      'North Clinic',
    ])
    // The header is row 1, so the n-th data row (from 0) is row n + 2.
    if (bad)
      expected.rejected.push({
        row: n + 2,
        reason: 'recommend: Expected a whole number from 0 to 10',
      })
    else expected.good++
  }
  return { csv: csvOf(rows), expected }
}

describe('POST /api/responses/import', () => {
  it('imports good rows as responses counted like submissions, lists the bad ones, and a re-import changes nothing', async () => {
    const { owner, practiceId, surveyId, locationId, providerId } = await practiceWithSurvey()
    const csv = csvOf([
      [
        'Submitted',
        'How likely to recommend',
        'visit',
        'improve',
        'Clinic',
        'provider',
        'language',
        'Respondent ID',
        'IP Address',
      ],
      [
        '2025-03-14',
        '9',
        '5',
        'Kind nurse',
        'North Clinic',
        'Dr. Rivera',
        'English',
        'sm-1',
        '10.0.0.1',
      ],
      [
        '2025-03-15T08:15',
        '3',
        '2',
        'The wait was far too long',
        locationId,
        providerId,
        'en',
        'sm-2',
        '',
      ],
      ['', '9', '5', '', '', '', '', 'sm-3', ''],
      ['2025-03-16', '11', '5', '', '', '', '', 'sm-4', ''],
      ['2025-03-16', '', '5', '', '', '', '', 'sm-5', ''],
      ['2025-03-17', '8', '4', '', 'South Clinic', 'Dr. Nobody', 'fr', 'sm-6', ''],
      ['2025-03-18', '7', '', '', '', '', '', '', ''],
      ['2025-03-19', '7', '', '', '', '', 'es', 'sm-9', ''],
    ])
    const mapping = {
      Submitted: 'date',
      'How likely to recommend': 'recommend',
      Clinic: 'location',
      'Respondent ID': 'external_id',
      'IP Address': 'ignore',
    }
    const first = await postCsv(owner, importPath(surveyId, mapping), csv)
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ imported: 3, unchanged: 0 })
    expect(first.body.rejected).toEqual([
      { row: 4, reason: 'date: required' },
      { row: 5, reason: 'recommend: Expected a whole number from 0 to 10' },
      { row: 6, reason: 'recommend: An answer is required' },
      {
        row: 7,
        reason:
          'provider: no provider of the practice has that name or id; ' +
          'location: no location of the practice has that name or id; ' +
          'language: expected one of en, es',
      },
      // The practice offers its surveys in English only.
      { row: 9, reason: 'language: This survey is not offered in that language.' },
    ])
    const stored = await allResponses(owner)
    expect(stored).toHaveLength(3)
    const march14 = stored.find((r) => r.submittedAt === '2025-03-14T17:00:00.000Z')!
    expect(march14).toMatchObject({
      source: 'import',
      location: locationId,
      provider: providerId,
      language: 'en',
      answers: { recommend: 9, visit: 5, improve: 'Kind nurse' },
    })
    // Read with the comment reader, like a submitted comment.
    expect(march14.sentiment?.label).toBe('positive')
    const wait = stored.find((r) => r.submittedAt === '2025-03-15T13:15:00.000Z')!
    expect(wait).toMatchObject({ source: 'import', location: locationId, provider: providerId })
    expect(wait.themes).toContain('wait-time')

    const again = await postCsv(owner, importPath(surveyId, mapping), csv)
    expect(again.body).toMatchObject({ imported: 0, unchanged: 3 })
    expect(again.body.rejected).toEqual(first.body.rejected)
    expect(await allResponses(owner)).toHaveLength(3)
    expect((await rebuild(db, practiceId, { write: false })).differences).toEqual([])
  })

  it('keeps an imported row’s idempotency key for good, so a re-import after 30 days still changes nothing', async () => {
    const { owner, surveyId } = await practiceWithSurvey()
    const csv = csvOf([
      ['date', 'recommend', 'external_id'],
      ['2024-05-01', '10', 'old-1'],
    ])
    expect((await postCsv(owner, importPath(surveyId), csv)).body.imported).toBe(1)
    const { createHash } = await import('node:crypto')
    const key = `import-x-${createHash('sha256').update('old-1').digest('base64url')}`
    const { Item } = await db.client.send(
      new GetCommand({ TableName: db.table, Key: keys.idempotency(surveyId, key) }),
    )
    expect(Item).toBeDefined()
    // A key that expired 30 days after its 2024 date would be deleted by DynamoDB's TTL at once.
    expect(Item!.expiresAt).toBeUndefined()
  })

  it('refuses a row that comes back under the same external_id with other answers', async () => {
    const { owner, surveyId } = await practiceWithSurvey()
    const row = (score: number) =>
      csvOf([
        ['date', 'recommend', 'external_id'],
        ['2025-01-02', score, 'x-1'],
      ])
    await postCsv(owner, importPath(surveyId), row(9))
    const changed = await postCsv(owner, importPath(surveyId), row(2))
    expect(changed.body).toMatchObject({
      imported: 0,
      unchanged: 0,
      rejected: [{ row: 2, reason: 'external_id: already imported with other answers' }],
    })
  })

  it('imports 10,000 rows with bad ones, twice: exactly the good rows once, each bad row named, the dashboard grown by exactly the import', async () => {
    const { owner, practiceId, surveyId } = await practiceWithSurvey()
    const { csv, expected } = bigFile(10_000, 25)
    // The file's own arithmetic, so the exact figures below are not copied from a run.
    expect(expected.good).toBe(9600)
    expect(expected.rejected).toHaveLength(400)
    const dashboardCount = async () =>
      (await owner.get(`/api/analytics/summary?surveyId=${surveyId}&from=2025-01-01&to=2025-12-31`))
        .body.responses as number
    const before = await dashboardCount()
    const started = performance.now()
    const first = await postCsv(owner, importPath(surveyId), csv)
    const firstMs = performance.now() - started
    expect(first.status).toBe(200)
    // Every good row is a response of its own, identical rows without an external_id included.
    expect(first.body).toEqual({
      imported: expected.good,
      unchanged: 0,
      rejected: expected.rejected,
    })
    const afterFirst = await dashboardCount()
    expect(afterFirst - before).toBe(first.body.imported)
    const second = await postCsv(owner, importPath(surveyId), csv)
    expect(second.body).toEqual({
      imported: 0,
      unchanged: expected.good,
      rejected: expected.rejected,
    })
    expect(await dashboardCount()).toBe(afterFirst)
    expect((await rebuild(db, practiceId, { write: false })).differences).toEqual([])
    const total = await owner.get(`/api/responses?limit=1&from=2020-01-01&surveyId=${surveyId}`)
    expect(total.body.total).toBe(expected.good)
    console.info(`10,000-row response import: ${Math.round(firstMs)} ms first run`)
  }, 900_000)

  it('gives the same counters whether a file is sent whole or in parts', async () => {
    const whole = await practiceWithSurvey()
    const parts = await practiceWithSurvey()
    const lines = bigFile(600, 30).csv.trimEnd().split('\r\n')
    await postCsv(whole.owner, importPath(whole.surveyId), lines.join('\r\n'))
    for (let i = 1; i < lines.length; i += 200) {
      const chunk = [lines[0], ...lines.slice(i, i + 200)].join('\r\n')
      await postCsv(parts.owner, importPath(parts.surveyId), chunk)
    }
    const summary = async (who: typeof whole) =>
      (
        await who.owner.get(
          `/api/analytics/summary?surveyId=${who.surveyId}&from=2025-01-01&to=2026-01-01`,
        )
      ).body
    const [a, b] = [await summary(whole), await summary(parts)]
    expect(a).toBeDefined()
    expect(
      JSON.stringify(b).replaceAll(parts.surveyId, 'S').replaceAll(parts.locationId, 'L'),
    ).toEqual(JSON.stringify(a).replaceAll(whole.surveyId, 'S').replaceAll(whole.locationId, 'L'))
    expect((await rebuild(db, parts.practiceId, { write: false })).differences).toEqual([])
  }, 300_000)

  it('answers 400 naming every column it cannot read, and 404 for another practice’s survey', async () => {
    const { owner, surveyId } = await practiceWithSurvey()
    const other = await practiceWithSurvey()
    const bad = await postCsv(
      owner,
      importPath(surveyId, { Score: 'nope', Missing: 'date' }),
      'Score,Timestamp\n9,2025-01-01\n',
    )
    expect(bad.status).toBe(400)
    expect(bad.type).toBe('application/problem+json')
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'mapping.Missing',
      'mapping.Score',
      'columns.Timestamp',
      'columns.date',
    ])
    const notJson = await postCsv(
      owner,
      `/api/responses/import?surveyId=${surveyId}&mapping=%7B`,
      'date\n',
    )
    expect(notJson.status).toBe(400)
    expect(notJson.body.field).toBe('mapping')
    const foreign = await postCsv(
      owner,
      importPath(other.surveyId),
      'date,recommend\n2025-01-01,9\n',
    )
    expect(foreign.status).toBe(404)
    const staff = await addMember(app, owner, 'staff')
    const denied = await postCsv(
      staff.member,
      importPath(surveyId),
      'date,recommend\n2025-01-01,9\n',
    )
    expect(denied.status).toBe(403)
  })
})
