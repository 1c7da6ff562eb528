import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Db } from '../../../functions/src/store/db'
import { resolveEvidence } from '../../../functions/src/store/evidence'
import { Caller, freshPractice, testApp } from '../../support/api'
import { createBoard } from '../../support/boards'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

const comment =
  'My name is Jennifer Walsh, SSN 123-45-6789, MRN 00482913. My daughter Chloe waited ' +
  'two hours but Dr. Patel and Tanya were kind. Thanks, Jennifer'

describe('quotes that leave the responses page', () => {
  it("lose the patient's and family's names and ID numbers, and keep the staff's", async () => {
    const { owner, practiceId } = await freshPractice(app)
    expect((await owner.post('/api/providers', { name: 'Amir Patel', title: 'MD' })).status).toBe(
      201,
    )
    const { id } = await publishedSurvey(owner)
    const sent = await new Caller(app).post(`/api/public/surveys/${id}/responses`, {
      idempotencyKey: newKey(),
      language: 'en',
      answers: pulseAnswers(4, { improve: comment }),
    })
    expect(sent.status).toBe(201)
    const board = await createBoard(owner)
    const found = await owner.get(`/api/boards/${board.id}/evidence`)
    expect(found.status).toBe(200)
    const [quote] = found.body.items as { text: string; source: { id: string } }[]
    // What a guest sees once the quote is on the board: resolved by the server from its source.
    const onBoard = await resolveEvidence(db, practiceId, {
      kind: 'response',
      id: quote!.source.id,
    })
    for (const text of [quote!.text, onBoard!.text]) {
      for (const identifier of ['Jennifer', 'Walsh', 'Chloe', '123-45-6789', '00482913']) {
        expect(text).not.toContain(identifier)
      }
      expect(text).toContain('Dr. Patel')
      expect(text).toContain('My daughter [removed name] waited')
    }
  })
})
