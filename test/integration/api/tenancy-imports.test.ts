import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import * as reviews from '../../../functions/src/store/reviews'
import { Caller, freshPractice, testApp } from '../../support/api'
import { csvOf, postCsv } from '../../support/csv-upload'
import { testDb } from '../../support/db'
import { publishedSurvey } from '../../support/surveys'

/**
 * The import routes take the practice from the session only: practice B naming A's survey,
 * locations or providers imports nothing into A, and the answers never show A's data.
 */
let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

async function practice(name: string) {
  const made = await freshPractice(app, name)
  const location = (await made.owner.post('/api/locations', { name: `${name} North` })).body
  const provider = (
    await made.owner.post('/api/providers', { name: `Dr. ${name}`, locationIds: [location.id] })
  ).body
  const survey = await publishedSurvey(made.owner)
  return {
    ...made,
    surveyId: survey.id,
    locationId: location.id as string,
    providerId: provider.id as string,
  }
}

const reviewHeader = ['source', 'date', 'stars', 'text', 'location', 'external_id']

describe('tenancy of the CSV imports', () => {
  it("never imports into another practice's survey, nor under its locations and providers", async () => {
    const a = await practice('Alder Clinic')
    const b = await practice('Birch Clinic')
    await postCsv(
      a.owner,
      `/api/reviews/import`,
      csvOf([reviewHeader, ['vitals', '2026-01-05', 5, 'Alder secret review', '', 'a-1']]),
    )
    const aBefore = await reviews.identitiesOf(db, a.practiceId)

    const intoA = await postCsv(
      b.owner,
      `/api/responses/import?surveyId=${a.surveyId}`,
      csvOf([
        ['date', 'recommend'],
        ['2025-01-01', 9],
      ]),
    )
    expect(intoA.status).toBe(404)
    expect(JSON.stringify(intoA.body)).not.toContain(a.surveyId)

    const withAPlaces = await postCsv(
      b.owner,
      `/api/responses/import?surveyId=${b.surveyId}`,
      csvOf([
        ['date', 'recommend', 'location', 'provider'],
        ['2025-01-01', 9, a.locationId, a.providerId],
        ['2025-01-01', 9, 'Alder Clinic North', 'Dr. Alder Clinic'],
      ]),
    )
    expect(withAPlaces.body).toMatchObject({ imported: 0, unchanged: 0 })
    expect(withAPlaces.body.rejected).toHaveLength(2)
    for (const rejected of withAPlaces.body.rejected)
      expect(rejected.reason).toMatch(/^provider: no provider .*; location: no location/)

    const reviewsWithALocation = await postCsv(
      b.owner,
      '/api/reviews/import',
      csvOf([reviewHeader, ['vitals', '2026-01-05', 1, 'Birch review', a.locationId, 'a-1']]),
    )
    expect(reviewsWithALocation.body.rejected).toEqual([
      { row: 2, reason: 'location: no location of the practice has that name or id' },
    ])
    // The same external id in another practice is another practice's review: A's is untouched.
    const same = await postCsv(
      b.owner,
      '/api/reviews/import',
      csvOf([reviewHeader, ['vitals', '2026-01-05', 1, 'Birch review', '', 'a-1']]),
    )
    expect(same.body).toMatchObject({ imported: 1, updated: 0 })
    expect(await reviews.identitiesOf(db, a.practiceId)).toEqual(aBefore)
    const aResponses = await a.owner.get('/api/responses?from=2020-01-01')
    expect(aResponses.body.total).toBe(0)
    for (const answer of [intoA, withAPlaces, reviewsWithALocation, same])
      expect(JSON.stringify(answer.body)).not.toMatch(/Alder secret review|Alder Clinic/)
  })

  it('answers 401 problem+json without a session and 403 without the CSRF token', async () => {
    const a = await practice('Cedar Clinic')
    const anonymous = new Caller(app)
    for (const path of ['/api/reviews/import', `/api/responses/import?surveyId=${a.surveyId}`]) {
      const res = await postCsv(anonymous, path, 'date\n2025-01-01\n')
      expect(res.status, path).toBe(401)
      expect(res.type).toBe('application/problem+json')
      const noToken = Object.assign(a.owner.clone(), { csrfToken: '' })
      expect((await postCsv(noToken, path, 'date\n2025-01-01\n')).status, path).toBe(403)
    }
    expect(await reviews.identitiesOf(db, a.practiceId)).toHaveLength(0)
  })
})
