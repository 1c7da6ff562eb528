import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { addMember, Caller, freshPractice, testApp } from '../../support/api'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let app: App
beforeAll(async () => {
  app = testApp(await testDb(), { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

describe('templates', () => {
  it('lists the catalogue with the visit pulse and a CAHPS survey', async () => {
    const { owner } = await freshPractice(app)
    const res = await owner.get('/api/survey-templates')
    expect(res.status).toBe(200)
    const ids = res.body.map((t: { id: string }) => t.id)
    expect(ids).toContain('visit-pulse')
    expect(ids.some((id: string) => id.includes('cahps'))).toBe(true)
    expect(res.body[0].title.es).toBeTruthy()
  })
})

describe('editing and publishing', () => {
  it('starts a draft from a template in the practice languages and publishes version 1', async () => {
    const { owner } = await freshPractice(app)
    const created = await owner.post('/api/surveys', { templateId: 'visit-pulse' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      status: 'draft',
      publishedVersion: null,
      templateId: 'visit-pulse',
    })
    expect(created.body.draft.languages).toEqual(['en'])
    // Not live yet: patients cannot open it.
    expect((await new Caller(app).get(`/api/public/surveys/${created.body.id}`)).status).toBe(410)

    const published = await owner.post(`/api/surveys/${created.body.id}/publish`)
    expect(published.status).toBe(200)
    expect(published.body.version).toBe(1)
    expect(published.body.publicUrl).toMatch(new RegExp(`/s/${created.body.id}$`))
    const live = await new Caller(app).get(`/api/public/surveys/${created.body.id}`)
    expect(live.status).toBe(200)
    expect(live.body).toMatchObject({
      version: 1,
      languages: ['en'],
      practice: { name: 'Sunrise Dermatology' },
    })
    expect(live.body.questions[0]).toMatchObject({ id: 'recommend', type: 'nps', required: true })
  })

  it('never changes a published version: edits make a new one, and responses keep theirs', async () => {
    const { owner } = await freshPractice(app)
    const { id, survey } = await publishedSurvey(owner)
    const patient = new Caller(app)
    const first = await patient.post(`/api/public/surveys/${id}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(10),
    })
    expect(first.status).toBe(201)

    const draft = structuredClone(survey.draft)
    draft.questions[0].prompt.en = 'Would you recommend us to a friend?'
    const saved = await owner.request('PUT', `/api/surveys/${id}/draft`, draft)
    expect(saved.status).toBe(200)
    expect(saved.body.unpublishedChanges).toBe(true)
    // Patients still get version 1 until the owner publishes.
    expect((await patient.get(`/api/public/surveys/${id}`)).body.questions[0].prompt.en).not.toBe(
      'Would you recommend us to a friend?',
    )
    expect((await owner.post(`/api/surveys/${id}/publish`)).body.version).toBe(2)
    expect((await patient.get(`/api/public/surveys/${id}`)).body.version).toBe(2)
    const v1 = await owner.get(`/api/surveys/${id}/versions/1`)
    expect(v1.body.definition.questions[0].prompt.en).toBe(survey.draft.questions[0].prompt.en)
    const listed = await owner.get(`/api/responses?surveyId=${id}`)
    expect(listed.body.items[0]).toMatchObject({ id: first.body.id, version: 1, score: 10 })
  })

  it('refuses a draft whose Spanish is missing or whose skip target is behind, naming the field', async () => {
    const { owner } = await freshPractice(app)
    const { id, survey } = await publishedSurvey(owner)
    const spanish = { ...structuredClone(survey.draft), languages: ['en', 'es'] }
    delete spanish.questions[1].prompt.es
    const res = await owner.request('PUT', `/api/surveys/${id}/draft`, spanish)
    expect(res.status).toBe(400)
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(
      'questions.1.prompt.es',
    )

    const backwards = structuredClone(survey.draft)
    backwards.questions.push({
      ...backwards.questions.at(-1),
      id: 'again',
      skip: { when: true, to: 'recommend' },
    })
    const back = await owner.request('PUT', `/api/surveys/${id}/draft`, backwards)
    expect(back.status).toBe(400)
    expect(back.body.field).toBe(`questions.${backwards.questions.length - 1}.skip.to`)
  })

  it('refuses a question tied to a touch point the journey does not have', async () => {
    const { owner } = await freshPractice(app)
    const { id, survey } = await publishedSurvey(owner)
    const draft = structuredClone(survey.draft)
    draft.questions[1].touchpoint = 'valet-parking'
    const res = await owner.request('PUT', `/api/surveys/${id}/draft`, draft)
    expect(res.status).toBe(400)
    expect(res.body.field).toBe('questions.1.touchpoint')
  })

  it('lets staff read surveys but not change them', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const { member: staff } = await addMember(app, owner, 'staff')
    expect((await staff.get('/api/surveys')).body.items).toHaveLength(1)
    expect((await staff.post('/api/surveys', { templateId: 'visit-pulse' })).status).toBe(403)
    expect((await staff.post(`/api/surveys/${id}/publish`)).status).toBe(403)
  })

  it('closes an archived survey to patients and keeps its responses', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    await new Caller(app).post(`/api/public/surveys/${id}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(),
    })
    expect((await owner.post(`/api/surveys/${id}/archive`)).body.status).toBe('archived')
    expect((await new Caller(app).get(`/api/public/surveys/${id}`)).status).toBe(410)
    expect((await owner.get(`/api/responses?surveyId=${id}`)).body.total).toBe(1)
  })

  it('restores an archived survey to its live version, and copies any survey as a new draft', async () => {
    const { owner } = await freshPractice(app)
    const { id, survey } = await publishedSurvey(owner)
    await owner.post(`/api/surveys/${id}/archive`)
    const restored = await owner.post(`/api/surveys/${id}/restore`)
    expect(restored.body).toMatchObject({ status: 'published', publishedVersion: 1 })
    expect((await new Caller(app).get(`/api/public/surveys/${id}`)).body.version).toBe(1)

    const copy = await owner.post(`/api/surveys/${id}/copy`)
    expect(copy.status).toBe(201)
    expect(copy.body.id).not.toBe(id)
    expect(copy.body).toMatchObject({ status: 'draft', publishedVersion: null })
    expect(copy.body.draft.title.en).toBe(`${survey.draft.title.en} (copy)`)
    expect(copy.body.draft.questions).toEqual(survey.draft.questions)
    expect(copy.body.publicUrl).toMatch(new RegExp(`/s/${copy.body.id}$`))
    // The original is untouched and still live.
    expect((await owner.get(`/api/surveys/${id}`)).body.draft.title).toEqual(survey.draft.title)
  })

  it('restores a never-published survey as a draft that patients still cannot open', async () => {
    const { owner } = await freshPractice(app)
    const created = await owner.post('/api/surveys', { templateId: 'telehealth' })
    await owner.post(`/api/surveys/${created.body.id}/archive`)
    const restored = await owner.post(`/api/surveys/${created.body.id}/restore`)
    expect(restored.body).toMatchObject({ status: 'draft', publishedVersion: null })
    expect((await new Caller(app).get(`/api/public/surveys/${created.body.id}`)).status).toBe(410)
  })

  it('knows a draft saved unchanged has nothing to publish, and makes no identical version', async () => {
    const { owner } = await freshPractice(app)
    const { id, survey } = await publishedSurvey(owner)
    const saved = await owner.request('PUT', `/api/surveys/${id}/draft`, survey.draft)
    expect(saved.body.unpublishedChanges).toBe(false)
    expect((await owner.post(`/api/surveys/${id}/publish`)).body.version).toBe(1)
    expect((await owner.get(`/api/surveys/${id}/versions/2`)).status).toBe(404)
  })

  it('gives every survey its patient link', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const listed = await owner.get('/api/surveys')
    expect(listed.body.items[0].publicUrl).toMatch(new RegExp(`^https?://[^/]+/s/${id}$`))
  })

  it('draws a QR code of the public link in SVG and PNG', async () => {
    const { owner } = await freshPractice(app)
    const { id } = await publishedSurvey(owner)
    const svg = await app.request(`/api/surveys/${id}/qr`, { headers: { cookie: owner.cookie } })
    expect(svg.headers.get('content-type')).toBe('image/svg+xml')
    expect(await svg.text()).toMatch(/^<svg/)
    const png = await app.request(`/api/surveys/${id}/qr?format=png`, {
      headers: { cookie: owner.cookie },
    })
    expect(png.headers.get('content-type')).toBe('image/png')
    expect([...new Uint8Array(await png.arrayBuffer()).slice(1, 4)]).toEqual([0x50, 0x4e, 0x47])
  })
})

describe('surveys made for the practice’s journey', () => {
  it('asks the visit pulse about every touch point of the journey, in journey order', async () => {
    const { owner } = await freshPractice(app) // dermatology: its journey has "procedure"
    const journey = (await owner.get('/api/journey')).body.touchpoints.map((t: any) => t.id)
    expect(journey).toContain('procedure')
    const created = await owner.post('/api/surveys', { templateId: 'visit-pulse' })
    expect(created.status).toBe(201)
    const asked = created.body.draft.questions
      .filter((q: any) => q.touchpoint)
      .map((q: any) => q.touchpoint)
    expect(asked).toEqual(journey)
    const procedure = created.body.draft.questions.find((q: any) => q.touchpoint === 'procedure')
    expect(procedure).toMatchObject({ type: 'rating', min: 1, max: 5, required: false })
    for (const language of created.body.draft.languages) {
      expect(procedure.prompt[language]).toMatch(/Procedimientos|Procedures/)
    }
    // It publishes as it is: the added question is a complete one.
    expect((await owner.post(`/api/surveys/${created.body.id}/publish`)).status).toBe(200)

    // A template about one kind of visit keeps its own questions.
    const telehealth = await owner.post('/api/surveys', { templateId: 'telehealth' })
    expect(telehealth.body.draft.questions.some((q: any) => q.touchpoint === 'procedure')).toBe(
      false,
    )
  })

  it('offers a blank survey to start from', async () => {
    const { owner } = await freshPractice(app)
    const templates = (await owner.get('/api/survey-templates')).body
    expect(templates.map((t: any) => t.id)).toContain('blank')
    const blank = await owner.post('/api/surveys', { templateId: 'blank' })
    expect(blank.status).toBe(201)
    expect(blank.body.draft.questions.map((q: any) => q.type)).toEqual(['nps'])
  })
})

describe('the survey list', () => {
  it('says how many responses each survey has had, counting a replay once', async () => {
    const { owner } = await freshPractice(app)
    const pulse = await publishedSurvey(owner)
    const telehealth = await publishedSurvey(owner, 'telehealth')
    const draftOnly = (await owner.post('/api/surveys', { templateId: 'visit-pulse' })).body.id
    const patient = new Caller(app)
    const key = newKey()
    for (const idempotencyKey of [key, key, newKey(), newKey()]) {
      const sent = await patient.post(`/api/public/surveys/${pulse.id}/responses`, {
        idempotencyKey,
        language: 'en',
        answers: pulseAnswers(9),
      })
      // A replay answers 200 with the response it stored the first time.
      expect([200, 201]).toContain(sent.status)
    }
    const items = (await owner.get('/api/surveys')).body.items as {
      id: string
      responses: number
    }[]
    const count = (id: string) => items.find((item) => item.id === id)?.responses
    expect(count(pulse.id)).toBe(3)
    expect(count(telehealth.id)).toBe(0)
    expect(count(draftOnly)).toBe(0)
  })
})

describe('the journey', () => {
  it("starts as the specialty's journey and can be edited by the owner", async () => {
    const { owner } = await freshPractice(app)
    const journey = await owner.get('/api/journey')
    expect(journey.body.specialty).toBe('dermatology')
    expect(journey.body.touchpoints.map((t: { id: string }) => t.id)).toContain('check-in')
    const renamed = structuredClone(journey.body)
    renamed.touchpoints[0].name.en = 'Finding us'
    expect((await owner.request('PUT', '/api/journey', renamed)).status).toBe(200)
    expect((await owner.get('/api/journey')).body.touchpoints[0].name.en).toBe('Finding us')
  })

  it('keeps the six standard touch points and any a survey measures', async () => {
    const { owner } = await freshPractice(app)
    const journey = (await owner.get('/api/journey')).body
    const without = (id: string) => ({
      ...journey,
      touchpoints: journey.touchpoints.filter((t: { id: string }) => t.id !== id),
    })
    const dropped = await owner.request('PUT', '/api/journey', without('billing'))
    expect(dropped.status).toBe(400)
    expect(dropped.body.field).toBe('touchpoints')
    expect(dropped.body.detail).toMatch(/billing/)

    const custom = { id: 'procedures', name: { en: 'Procedures', es: 'Procedimientos' } }
    const withCustom = {
      ...journey,
      touchpoints: [...journey.touchpoints, { ...custom, description: custom.name }],
    }
    expect((await owner.request('PUT', '/api/journey', withCustom)).status).toBe(200)
    const created = await owner.post('/api/surveys', { templateId: 'visit-pulse' })
    const draft = structuredClone(created.body.draft)
    draft.questions[1].touchpoint = 'procedures'
    expect(
      (await owner.request('PUT', `/api/surveys/${created.body.id}/draft`, draft)).status,
    ).toBe(200)
    const inUse = await owner.request('PUT', '/api/journey', journey)
    expect(inUse.status).toBe(400)
    expect(inUse.body.detail).toMatch(/procedures/)
    // Nothing changed.
    expect((await owner.get('/api/journey')).body.touchpoints).toHaveLength(
      journey.touchpoints.length + 1,
    )
  })
  it('asks for a new touch point in the languages the practice offers, and no other', async () => {
    const { owner } = await freshPractice(app)
    expect((await owner.patch('/api/practice', { languages: ['en'] })).status).toBe(200)
    const journey = (await owner.get('/api/journey')).body
    const labDraws = {
      id: 'lab-draws',
      name: { en: 'Lab draws' },
      description: { en: 'Having blood drawn at the clinic' },
    }
    const englishOnly = { ...journey, touchpoints: [...journey.touchpoints, labDraws] }
    expect((await owner.request('PUT', '/api/journey', englishOnly)).status).toBe(200)
    expect((await owner.get('/api/journey')).body.touchpoints.at(-1)).toEqual(labDraws)

    // Once the practice offers Spanish, a touch point without it is refused, every gap named.
    expect((await owner.patch('/api/practice', { languages: ['en', 'es'] })).status).toBe(200)
    const refused = await owner.request('PUT', '/api/journey', englishOnly)
    expect(refused.status).toBe(400)
    expect(refused.headers.get('content-type')).toContain('application/problem+json')
    const at = journey.touchpoints.length
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      `touchpoints.${at}.name.es`,
      `touchpoints.${at}.description.es`,
    ])
  })
})
