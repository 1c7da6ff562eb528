import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import { Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { newKey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

const submit = (surveyId: string, body: Record<string, unknown>) =>
  new Caller(app).post(`/api/public/surveys/${surveyId}/responses`, {
    idempotencyKey: newKey(),
    language: 'en',
    ...body,
  })

/** A visit pulse with "Who did you see today?" added before its first question, published. */
async function pulseAskingProvider(owner: Caller) {
  const created = await owner.post('/api/surveys', { templateId: 'visit-pulse' })
  expect(created.status).toBe(201)
  const draft = structuredClone(created.body.draft)
  draft.questions.unshift({
    id: 'provider',
    type: 'provider',
    prompt: { en: 'Who did you see today?' },
  })
  const saved = await owner.request('PUT', `/api/surveys/${created.body.id}/draft`, draft)
  expect(saved.status).toBe(200)
  expect((await owner.post(`/api/surveys/${created.body.id}/publish`)).status).toBe(200)
  return { id: created.body.id as string }
}

/** The per-provider counter keys of a survey ("W#V#<id>", "M#V#<id>"), without their dates. */
async function providerCounters(practiceId: string, surveyId: string) {
  const { Items } = await db.client.send(
    new QueryCommand({
      TableName: db.table,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `P#${practiceId}#C#${surveyId}` },
    }),
  )
  return (Items ?? [])
    .map((item) => String(item.sk).replace(/#[\d-]+$/, ''))
    .filter((sk) => sk.includes('#V#'))
    .sort()
}

describe('"Who did you see today?"', () => {
  it('offers the practice providers on the patient page', async () => {
    const { owner } = await freshPractice(app)
    const ames = (await owner.post('/api/providers', { name: 'Dr. Ames', title: 'MD' })).body.id
    const { id } = await pulseAskingProvider(owner)
    const survey = await new Caller(app).get(`/api/public/surveys/${id}`)
    expect(survey.body.questions.map((q: { type: string }) => q.type)).toContain('provider')
    expect(survey.body.providers).toEqual([{ id: ames, name: 'Dr. Ames', title: 'MD' }])
  })

  it('leaves the question out while the practice has no providers', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await pulseAskingProvider(owner)
    const survey = await new Caller(app).get(`/api/public/surveys/${id}`)
    expect(survey.body.questions.map((q: { type: string }) => q.type)).not.toContain('provider')
    expect(survey.body.providers).toBeUndefined()
  })

  it('counts a response under the provider the patient chose', async () => {
    const { owner, practiceId } = await freshPractice(app)
    const ames = (await owner.post('/api/providers', { name: 'Dr. Ames' })).body.id
    const { id } = await pulseAskingProvider(owner)
    const res = await submit(id, { answers: pulseAnswers(9, { provider: ames }) })
    expect(res.status).toBe(201)
    expect(await providerCounters(practiceId, id)).toEqual(['M#V#' + ames, 'W#V#' + ames])
    const listed = await owner.get(`/api/responses?provider=${ames}`)
    expect(listed.body.items).toHaveLength(1)
    expect(listed.body.items[0]).toMatchObject({ provider: ames })
  })

  it("lets the link's provider win over the answer", async () => {
    const { owner, practiceId } = await freshPractice(app)
    const ames = (await owner.post('/api/providers', { name: 'Dr. Ames' })).body.id
    const brook = (await owner.post('/api/providers', { name: 'Dr. Brook' })).body.id
    const { id } = await pulseAskingProvider(owner)
    const res = await submit(id, { answers: pulseAnswers(9, { provider: brook }), provider: ames })
    expect(res.status).toBe(201)
    expect(await providerCounters(practiceId, id)).toEqual(['M#V#' + ames, 'W#V#' + ames])
  })

  it('refuses an answer that is not a provider id, naming the field', async () => {
    const { owner } = await freshPractice(app)
    await owner.post('/api/providers', { name: 'Dr. Ames' })
    const { id } = await pulseAskingProvider(owner)
    const res = await submit(id, { answers: pulseAnswers(9, { provider: 'Dr. Ames' }) })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toContain('answers.provider')
  })
})
