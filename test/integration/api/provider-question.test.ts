import { QueryCommand } from '@aws-sdk/lib-dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import { surveyTemplates } from '../../../workshops'
import { Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

/** The visit pulse's own "Who did you see today?" question, as the template has it. */
const pulse = surveyTemplates.find((template) => template.id === 'visit-pulse')!
const providerQuestion = pulse.questions.find((question) => question.type === 'provider')!

const submit = (surveyId: string, body: Record<string, unknown>) =>
  new Caller(app).post(`/api/public/surveys/${surveyId}/responses`, {
    idempotencyKey: newKey(),
    language: 'en',
    ...body,
  })

const open = (surveyId: string, query = '') =>
  new Caller(app).get(`/api/public/surveys/${surveyId}${query}`)

const questionIds = (survey: { questions: { id: string }[] }) => survey.questions.map((q) => q.id)

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

async function practiceWith(...names: string[]) {
  const practice = await freshPractice(app)
  const ids: string[] = []
  for (const name of names) {
    const created = await practice.owner.post('/api/providers', { name, title: 'MD' })
    expect(created.status).toBe(201)
    ids.push(created.body.id)
  }
  const { id } = await publishedSurvey(practice.owner)
  return { ...practice, providerIds: ids, surveyId: id }
}

describe('"Who did you see today?" in the visit pulse', () => {
  it('is in the template, optional, early and in every language it offers', () => {
    expect(providerQuestion.required).toBe(false)
    expect(pulse.questions.indexOf(providerQuestion)).toBeLessThanOrEqual(1)
    for (const language of pulse.languages) expect(providerQuestion.prompt[language]).toBeTruthy()
    expect(providerQuestion.prompt.en).toBe('Who did you see today?')
  })

  it('offers the practice providers as choices, where the template puts the question', async () => {
    const { surveyId, providerIds } = await practiceWith('Dr. Ames', 'Dr. Brook')
    const survey = (await open(surveyId)).body
    const served = survey.questions.find((q: { type: string }) => q.type === 'provider')
    expect(served).toMatchObject({ id: providerQuestion.id, type: 'provider' })
    expect(questionIds(survey).indexOf(providerQuestion.id)).toBe(
      pulse.questions.indexOf(providerQuestion),
    )
    expect(survey.providers).toEqual([
      { id: providerIds[0], name: 'Dr. Ames', title: 'MD' },
      { id: providerIds[1], name: 'Dr. Brook', title: 'MD' },
    ])
  })

  it('is not asked when the link names one of the providers', async () => {
    const { surveyId, providerIds } = await practiceWith('Dr. Ames', 'Dr. Brook')
    const named = (await open(surveyId, `?provider=${providerIds[1]}`)).body
    expect(questionIds(named)).not.toContain(providerQuestion.id)
    expect(named.providers).toBeUndefined()
    expect(questionIds(named)).toHaveLength(questionIds((await open(surveyId)).body).length - 1)
    // A link naming a provider the practice no longer has still asks.
    const gone = (await open(surveyId, '?provider=01ARZ3NDEKTSV4RRFFQ69G5FAV')).body
    expect(questionIds(gone)).toContain(providerQuestion.id)
  })

  it('is not asked in a one-provider practice, whose responses count for that provider', async () => {
    const { surveyId, practiceId, providerIds } = await practiceWith('Dr. Ames')
    const survey = (await open(surveyId)).body
    expect(questionIds(survey)).not.toContain(providerQuestion.id)
    expect(survey.providers).toBeUndefined()
    const answers: Record<string, unknown> = pulseAnswers(9)
    expect(answers).not.toHaveProperty(providerQuestion.id)
    expect((await submit(surveyId, { answers })).status).toBe(201)
    const [ames] = providerIds
    expect(await providerCounters(practiceId, surveyId)).toEqual(['M#V#' + ames, 'W#V#' + ames])
  })

  it('is not asked while the practice has no providers, and counts for none', async () => {
    const { surveyId, practiceId } = await practiceWith()
    const survey = (await open(surveyId)).body
    expect(questionIds(survey)).not.toContain(providerQuestion.id)
    expect(survey.providers).toBeUndefined()
    expect((await submit(surveyId, { answers: pulseAnswers(9) })).status).toBe(201)
    expect(await providerCounters(practiceId, surveyId)).toEqual([])
  })

  it('gives the response the provider the patient chose, and their counters', async () => {
    const { owner, surveyId, practiceId, providerIds } = await practiceWith('Dr. Ames', 'Dr. Brook')
    const brook = providerIds[1]!
    const answers = pulseAnswers(9, { [providerQuestion.id]: brook })
    expect((await submit(surveyId, { answers })).status).toBe(201)
    expect(await providerCounters(practiceId, surveyId)).toEqual(['M#V#' + brook, 'W#V#' + brook])
    const listed = await owner.get(`/api/responses?provider=${brook}`)
    expect(listed.body.items).toHaveLength(1)
    expect(listed.body.items[0]).toMatchObject({ provider: brook })
  })

  it("lets the link's provider win over the answer", async () => {
    const { surveyId, practiceId, providerIds } = await practiceWith('Dr. Ames', 'Dr. Brook')
    const [ames, brook] = providerIds
    const answers = pulseAnswers(9, { [providerQuestion.id]: brook })
    expect((await submit(surveyId, { answers, provider: ames })).status).toBe(201)
    expect(await providerCounters(practiceId, surveyId)).toEqual(['M#V#' + ames, 'W#V#' + ames])
  })

  it('refuses an answer that is not a provider id, naming the field', async () => {
    const { surveyId } = await practiceWith('Dr. Ames', 'Dr. Brook')
    const res = await submit(surveyId, {
      answers: pulseAnswers(9, { [providerQuestion.id]: 'Dr. Ames' }),
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(JSON.stringify(res.body)).toContain(`answers.${providerQuestion.id}`)
  })
})
