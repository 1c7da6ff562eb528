import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { monthOf } from '../../../functions/src/domain/calendar'
import type { Db } from '../../../functions/src/store/db'
import { addMember, Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

const contact = 'Call me at (555) 010-0199 or jo@example.com'

/** A practice with one detractor's comment, and the comment's id as the case pages name it. */
async function practiceWithDetractor(name = 'Alder Clinic') {
  const practice = await freshPractice(app, name)
  const survey = await publishedSurvey(practice.owner)
  const res = await new Caller(app).post(`/api/public/surveys/${survey.id}/responses`, {
    idempotencyKey: newKey(),
    language: 'en',
    answers: pulseAnswers(2, {
      improve: `We waited over an hour and nobody told us why. ${contact}`,
    }),
  })
  expect(res.status).toBe(201)
  // Responses are stored by the month of the practice's calendar (Chicago).
  const originId = `${monthOf(new Date(), 'America/Chicago')}.${res.body.id as string}`
  return { ...practice, originId }
}

describe('GET /api/governance/origin', () => {
  it("shows a response's words with contact details removed, and no case yet", async () => {
    const alder = await practiceWithDetractor()
    const res = await alder.owner.get(
      `/api/governance/origin?kind=response&id=${encodeURIComponent(alder.originId)}`,
    )
    expect(res.status).toBe(200)
    expect(res.body.caseId).toBeUndefined()
    expect(res.body.quote.source.id).toBe(alder.originId)
    expect(res.body.quote.text).toContain('We waited over an hour')
    expect(res.body.quote.text).not.toContain('555')
    expect(res.body.quote.text).not.toContain('jo@example.com')
  })

  it("gives another practice nothing of this practice's response", async () => {
    const alder = await practiceWithDetractor()
    const birch = await freshPractice(app, 'Birch Clinic')
    const res = await birch.owner.get(
      `/api/governance/origin?kind=response&id=${encodeURIComponent(alder.originId)}`,
    )
    expect(res.status).toBe(200)
    expect(res.body).toEqual({})
  })

  it('refuses staff, who do not open cases', async () => {
    const alder = await practiceWithDetractor()
    const staff = await addMember(app, alder.owner, 'staff')
    const res = await staff.member.get(
      `/api/governance/origin?kind=response&id=${encodeURIComponent(alder.originId)}`,
    )
    expect(res.status).toBe(403)
  })

  it('names every wrong field of a bad question', async () => {
    const alder = await freshPractice(app)
    const res = await alder.owner.get('/api/governance/origin?kind=visit')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort()
    expect(fields).toEqual(['id', 'kind'])
  })
})

describe('GET /api/governance/origins', () => {
  it('says which responses became which case, to everyone of the practice and no one else', async () => {
    const alder = await practiceWithDetractor()
    const empty = await alder.owner.get('/api/governance/origins?kind=response')
    expect(empty.status).toBe(200)
    expect(empty.body).toEqual({ items: [] })
    const opened = await alder.owner.post('/api/cases', {
      title: 'An hour in the waiting room',
      description: 'Nobody told the patient why.',
      touchpointId: 'check-in',
      severity: 'high',
      origin: { kind: 'response', id: alder.originId },
    })
    expect(opened.status).toBe(201)
    const staff = await addMember(app, alder.owner, 'staff')
    const seen = await staff.member.get('/api/governance/origins?kind=response')
    expect(seen.body).toEqual({ items: [{ id: alder.originId, caseId: opened.body.id }] })
    expect((await alder.owner.get('/api/governance/origins?kind=review')).body).toEqual({
      items: [],
    })
    const birch = await freshPractice(app, 'Birch Clinic')
    expect((await birch.owner.get('/api/governance/origins?kind=response')).body).toEqual({
      items: [],
    })
    const bad = await alder.owner.get('/api/governance/origins?kind=visit')
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['kind'])
  })
})

describe('GET /api/governance/evidence', () => {
  it("finds the practice's comments by their words, redacted, for the committee", async () => {
    const alder = await practiceWithDetractor()
    const committee = await addMember(app, alder.owner, 'committee')
    const res = await committee.member.get('/api/governance/evidence?q=waited&sentiment=negative')
    expect(res.status).toBe(200)
    expect(res.body.items).toHaveLength(1)
    expect(res.body.items[0].source.id).toBe(alder.originId)
    expect(JSON.stringify(res.body)).not.toContain('555')
  })

  it('finds nothing of another practice', async () => {
    await practiceWithDetractor()
    const birch = await freshPractice(app, 'Birch Clinic')
    const res = await birch.owner.get('/api/governance/evidence?q=waited')
    expect(res.status).toBe(200)
    expect(res.body.items).toEqual([])
  })
})
