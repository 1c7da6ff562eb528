import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import { Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

const submit = (surveyId: string, body: Record<string, unknown>, patient = new Caller(app)) =>
  patient.post(`/api/public/surveys/${surveyId}/responses`, {
    idempotencyKey: newKey(),
    language: 'en',
    ...body,
  })

/** Every counter item of a practice's survey, read straight from the table. */
async function counters(practiceId: string, surveyId: string) {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `P#${practiceId}#C#${surveyId}` },
    }),
  )
  return Items ?? []
}

describe('exactly-once submission', () => {
  it('stores a replay of the same key once and answers it as the first time', async () => {
    const { owner, practiceId } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const body = { idempotencyKey: newKey(), language: 'en', answers: pulseAnswers(9) }
    const first = await new Caller(app).post(`/api/public/surveys/${id}/responses`, body)
    const again = await new Caller(app).post(`/api/public/surveys/${id}/responses`, body)
    expect(first.status).toBe(201)
    expect(again.status).toBe(200)
    expect(again.body).toEqual(first.body)
    expect((await owner.get(`/api/responses?surveyId=${id}`)).body.total).toBe(1)
    const all = (await counters(practiceId, id)).find((c) => String(c.sk).startsWith('W#all#'))
    expect(all?.responses).toBe(1)
  })

  it('stores concurrent duplicates once and every distinct response once', async () => {
    const { owner, practiceId } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const keys = Array.from({ length: 12 }, () => newKey())
    const sends = keys.flatMap((key, i) =>
      [0, 1, 2].map(() =>
        new Caller(app).post(`/api/public/surveys/${id}/responses`, {
          idempotencyKey: key,
          language: 'en',
          answers: pulseAnswers(i % 11),
        }),
      ),
    )
    const results = await Promise.all(sends)
    expect(results.filter((r) => r.status === 201)).toHaveLength(12)
    expect(results.filter((r) => r.status === 200)).toHaveLength(24)
    expect((await owner.get(`/api/responses?surveyId=${id}&limit=200`)).body.total).toBe(12)
    const all = (await counters(practiceId, id)).filter((c) => String(c.sk).startsWith('W#all#'))
    expect(all.reduce((sum, c) => sum + Number(c.responses), 0)).toBe(12)
    const allSurveys = await counters(practiceId, '*')
    expect(
      allSurveys
        .filter((c) => String(c.sk).startsWith('M#all#'))
        .reduce((s, c) => s + Number(c.responses), 0),
    ).toBe(12)
  })

  it('counts each answer in the histogram of its question and touch point', async () => {
    const { owner, practiceId } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    await submit(id, { answers: pulseAnswers(10) })
    await submit(id, { answers: pulseAnswers(3, { 'check-in': 1, 'may-contact': false }) })
    const week = (await counters(practiceId, id)).find((c) => String(c.sk).startsWith('W#all#'))!
    expect(week['q.recommend.n']).toBe(2)
    expect(week['q.recommend.v.10']).toBe(1)
    expect(week['q.recommend.v.3']).toBe(1)
    expect(week['q.recommend.sum']).toBe(13)
    expect(week['tp.check-in.v.1']).toBe(1)
    expect(week['tp.check-in.v.3']).toBe(1)
    expect(week['q.may-contact.v.no']).toBe(1)
  })

  it('counts a response for its location and provider too', async () => {
    const { owner, practiceId } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const location = (await owner.post('/api/locations', { name: 'North' })).body.id
    const provider = (await owner.post('/api/providers', { name: 'Dr. Ames' })).body.id
    const res = await submit(id, { answers: pulseAnswers(8), location, provider })
    expect(res.status).toBe(201)
    const sks = (await counters(practiceId, id)).map((c) => String(c.sk).replace(/#[\d-]+$/, ''))
    expect(sks.sort()).toEqual(
      [
        'M#L#' + location,
        'M#V#' + provider,
        'M#all',
        'W#L#' + location,
        'W#V#' + provider,
        'W#all',
      ].sort(),
    )
    const listed = await owner.get(`/api/responses?location=${location}`)
    expect(listed.body.items[0]).toMatchObject({ location, provider })
  })
})

describe('listing responses', () => {
  it('pages through a score filter without skipping or repeating a response', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    for (const score of [10, 2, 9, 3, 10, 1, 9, 0, 10])
      await submit(id, { answers: pulseAnswers(score) })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: {
        body: { total: number; items: { id: string; score: number }[]; nextCursor: string | null }
      } = await owner.get(
        `/api/responses?surveyId=${id}&minScore=9&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(page.body.total).toBe(5)
      expect(page.body.items.length).toBeLessThanOrEqual(2)
      expect(page.body.items.every((item) => item.score >= 9)).toBe(true)
      seen.push(...page.body.items.map((item) => item.id))
      cursor = page.body.nextCursor
    } while (cursor)
    expect(seen).toHaveLength(5)
    expect(new Set(seen).size).toBe(5)
  })
})

describe('bad answers', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a wrong type', pulseAnswers(9, { booking: 'five' }), 'answers.booking'],
    ['a number out of range', pulseAnswers(11), 'answers.recommend'],
    ['a fraction', pulseAnswers(9, { visit: 4.5 }), 'answers.visit'],
    ['a missing required answer', { booking: 4 }, 'answers.recommend'],
    [
      'an unknown question',
      pulseAnswers(9, { 'favourite-colour': 'blue' }),
      'answers.favourite-colour',
    ],
    ['oversized text', pulseAnswers(9, { improve: 'x'.repeat(1001) }), 'answers.improve'],
    ['a yes/no given as text', pulseAnswers(9, { 'may-contact': 'yes' }), 'answers.may-contact'],
  ]
  for (const [what, answers, field] of cases) {
    it(`refuses ${what} with 400 naming ${field}, and stores nothing`, async () => {
      const { owner } = await freshPractice(app)
      const { id } = await publishedSurvey(owner)
      const res = await submit(id, { answers })
      expect(res.status).toBe(400)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
      expect(res.body.field).toBe(field)
      expect((await owner.get(`/api/responses?surveyId=${id}`)).body.total).toBe(0)
    })
  }

  it('refuses an answer to a question that skip logic passed by', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner, 'cg-cahps-visit')
    const res = await submit(id, {
      answers: { 'urgent-contact': false, 'urgent-appointment': 'always' },
    })
    expect(res.status).toBe(400)
    expect(res.body.field).toBe('answers.urgent-appointment')
    const ok = await submit(id, {
      answers: { 'urgent-contact': true, 'urgent-appointment': 'always' },
    })
    expect(ok.status).toBe(201)
  })

  it('answers 404 for an unknown survey, 410 for an unpublished one and 400 for a language it does not offer', async () => {
    const { owner } = await freshPractice(app)
    expect((await submit('01ARZ3NDEKTSV4RRFFQ69G5FAV', { answers: pulseAnswers() })).status).toBe(
      404,
    )
    const draft = await owner.post('/api/surveys', { templateId: 'visit-pulse' })
    // Like opening it: the link is real, the survey just takes no answers yet.
    expect((await submit(draft.body.id, { answers: pulseAnswers() })).status).toBe(410)
    const { id } = await publishedSurvey(owner)
    const spanish = await submit(id, { language: 'es', answers: pulseAnswers() })
    expect(spanish.status).toBe(400)
    expect(spanish.body.field).toBe('language')
  })

  it('checks answers kept through a republish against the version they were given to', async () => {
    const { owner } = await freshPractice(app)
    const { id, survey } = await publishedSurvey(owner)
    // Version 2 drops the billing question: an answer to it is now "unknown"…
    const draft = structuredClone(survey.draft)
    draft.questions = draft.questions.filter((q: { id: string }) => q.id !== 'billing')
    await owner.request('PUT', `/api/surveys/${id}/draft`, draft)
    expect((await owner.post(`/api/surveys/${id}/publish`)).body.version).toBe(2)
    expect((await submit(id, { answers: pulseAnswers(8) })).body.field).toBe('answers.billing')
    // …but not for a phone that was given version 1 before it changed.
    const kept = await submit(id, { version: 1, answers: pulseAnswers(8) })
    expect(kept.status).toBe(201)
    const listed = await owner.get(`/api/responses?surveyId=${id}`)
    expect(listed.body.items).toMatchObject([{ id: kept.body.id, version: 1 }])
    // A version that was never published is refused, naming the field.
    const future = await submit(id, { version: 3, answers: pulseAnswers(8) })
    expect(future.status).toBe(400)
    expect(future.body.field).toBe('version')
  })

  it('never echoes free text back in an error', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const secret = 'my date of birth is 1980-02-03 and my phone 555-0100 '.repeat(30)
    const res = await submit(id, { answers: pulseAnswers(9, { improve: secret }) })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).not.toContain('555-0100')
  })
})

describe('rate limiting', () => {
  it('answers 429 with Retry-After past the per-address limit, without storing', async () => {
    const limited = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '3' })
    const { owner } = await freshPractice(limited)
    const { id } = await publishedSurvey(owner)
    const patient = new Caller(limited, '203.0.113.250')
    const statuses = []
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (
          await patient.post(`/api/public/surveys/${id}/responses`, {
            idempotencyKey: newKey(),
            language: 'en',
            answers: pulseAnswers(),
          })
        ).status,
      )
    }
    expect(statuses).toEqual([201, 201, 201, 429])
    const blocked = await patient.post(`/api/public/surveys/${id}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(),
    })
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(blocked.headers.get('content-type')).toBe('application/problem+json')
    expect((await owner.get(`/api/responses?surveyId=${id}`)).body.total).toBe(3)
    // Another address is not affected.
    const neighbour = new Caller(limited, '203.0.113.251')
    expect(
      (
        await neighbour.post(`/api/public/surveys/${id}/responses`, {
          idempotencyKey: newKey(),
          language: 'en',
          answers: pulseAnswers(),
        })
      ).status,
    ).toBe(201)
  })
})

describe('opening a survey link', () => {
  it('answers 404 for a link no survey has, and 410 for a draft or an archived survey', async () => {
    const { owner } = await freshPractice(app)
    const patient = new Caller(app)
    const unknown = await patient.get('/api/public/surveys/01ARZ3NDEKTSV4RRFFQ69G5FAV')
    expect(unknown.status).toBe(404)
    expect(unknown.headers.get('content-type')).toBe('application/problem+json')

    const draft = await owner.post('/api/surveys', { templateId: 'visit-pulse' })
    const closedDraft = await patient.get(`/api/public/surveys/${draft.body.id}`)
    expect(closedDraft.status).toBe(410)
    expect(closedDraft.headers.get('content-type')).toBe('application/problem+json')

    const { id } = await publishedSurvey(owner)
    expect((await patient.get(`/api/public/surveys/${id}`)).status).toBe(200)
    await owner.post(`/api/surveys/${id}/archive`)
    expect((await patient.get(`/api/public/surveys/${id}`)).status).toBe(410)
    // Restored: live again at its published version.
    await owner.post(`/api/surveys/${id}/restore`)
    expect((await patient.get(`/api/public/surveys/${id}`)).body.version).toBe(1)
  })

  it('answers a submission to an archived survey 410 problem+json, like opening it, and stores nothing', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    await owner.post(`/api/surveys/${id}/archive`)
    const opened = await new Caller(app).get(`/api/public/surveys/${id}`)
    const sent = await submit(id, { answers: pulseAnswers(9) })
    expect(sent.status).toBe(410)
    expect(sent.headers.get('content-type')).toBe('application/problem+json')
    expect(sent.body).toMatchObject({ status: 410, detail: 'This survey has closed.' })
    expect(opened.body.detail).toBe(sent.body.detail)
    expect((await owner.get(`/api/responses?surveyId=${id}`)).body.total).toBe(0)
    // A link no survey ever had stays 404.
    expect((await submit('01ARZ3NDEKTSV4RRFFQ69G5FAV', { answers: pulseAnswers(9) })).status).toBe(
      404,
    )
  })
})
