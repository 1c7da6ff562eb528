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

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

describe('a tampered cursor', () => {
  it.each([
    ['not base64 JSON', '%%%'],
    ['a key of null', encode({ month: '2026-11', key: null })],
    ['a key of the wrong types', encode({ month: '2026-11', key: { pk: { S: 1 }, sk: 7 } })],
    ['no month', encode({ key: { pk: 'P#x', sk: 'R#y' } })],
    ['a number', encode(42)],
  ])('answers %s with 400 problem+json naming cursor', async (_, cursor) => {
    const { owner } = await freshPractice(app)
    const res = await owner.get(`/api/responses?cursor=${encodeURIComponent(cursor)}`)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.field).toBe('cursor')
  })
})

describe('an idempotency key sent again', () => {
  it('answers 409 idempotency-key-reused to a different body and keeps the first answers', async () => {
    const { owner, practiceId: _ } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const idempotencyKey = newKey()
    const path = `/api/public/surveys/${id}/responses`
    const first = await new Caller(app).post(path, {
      idempotencyKey,
      language: 'en',
      answers: pulseAnswers(9),
    })
    expect(first.status).toBe(201)
    const changed = await new Caller(app).post(path, {
      idempotencyKey,
      language: 'en',
      answers: pulseAnswers(2),
    })
    expect(changed.status).toBe(409)
    expect(changed.headers.get('content-type')).toBe('application/problem+json')
    expect(changed.body.type).toContain('idempotency-key-reused')
    expect(changed.body.field).toBe('idempotencyKey')
    // The same body again, its keys in another order, is still a replay.
    const { recommend, ...rest } = pulseAnswers(9)
    const replay = await new Caller(app).post(path, {
      answers: { ...rest, recommend },
      language: 'en',
      idempotencyKey,
    })
    expect(replay.status).toBe(200)
    const stored = await owner.get(`/api/responses?surveyId=${id}`)
    expect(stored.body.total).toBe(1)
    expect(stored.body.items[0].score).toBe(9)
  })
})

describe('links sent to people', () => {
  it('start with the configured address, not the Host header the sender chose', async () => {
    const { owner } = await freshPractice(app)
    const invited = await owner.request(
      'POST',
      '/api/invitations',
      { email: 'new.colleague@example.test', role: 'staff' },
      { host: 'evil.example.com' },
    )
    expect(invited.status).toBe(201)
    expect(new URL(invited.body.link).origin).toBe('http://localhost:8787')
    const configured = testApp(db, { PUBLIC_URL: 'https://clinic.example.org/' })
    const other = await freshPractice(configured)
    const survey = await publishedSurvey(other.owner)
    expect(new URL(survey.publicUrl).origin).toBe('https://clinic.example.org')
  })
})

describe('control characters in free text', () => {
  it('strips NUL, BOM and bidi overrides and mends lone surrogates in comments and names', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const sent = await new Caller(app).post(`/api/public/surveys/${id}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(8, { improve: '\uFEFFNice\u0000 staff \u202Egnp.exe\u202C ok \uD83D' }),
    })
    expect(sent.status).toBe(201)
    const stored = await owner.get(`/api/responses?surveyId=${id}`)
    expect(stored.body.items[0].answers.improve).toBe('Nice staff gnp.exe ok \uFFFD')
    const place = await owner.post('/api/locations', { name: 'Main\u2066 Street\u0007' })
    expect(place.status).toBe(201)
    expect(place.body.name).toBe('Main Street')
  })
})
