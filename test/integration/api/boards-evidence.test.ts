import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import { dayOf } from '../../../functions/src/domain/calendar'
import { commitOperation } from '../../../functions/src/store/board-ops'
import type { Db } from '../../../functions/src/store/db'
import { resolveEvidence } from '../../../functions/src/store/evidence'
import { Caller, freshPractice, testApp } from '../../support/api'
import { createBoard, staffOf } from '../../support/boards'
import { testDb } from '../../support/db'
import { newKey, publishedSurvey, pulseAnswers } from '../../support/surveys'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db, { PUBLIC_SUBMIT_RATE_LIMIT: '0' })
})

interface Item {
  source: {
    kind: string
    id: string
    date: string
    surveyId: string | null
    sentiment: string | null
    touchpointIds: string[]
  }
  text: string
}

const contact = 'Call me at (555) 010-0199 or jo@example.com'

/** A practice surveying in English and Spanish, with a board and five responses (four with comments). */
async function practiceWithComments(name = 'Sunrise Dermatology') {
  const practice = await freshPractice(app, name)
  const { owner } = practice
  expect((await owner.patch('/api/practice', { languages: ['en', 'es'] })).status).toBe(200)
  const survey = await publishedSurvey(owner)
  const submit = async (language: 'en' | 'es', recommend: number, improve?: string) => {
    const res = await new Caller(app).post(`/api/public/surveys/${survey.id}/responses`, {
      idempotencyKey: newKey(),
      language,
      answers: pulseAnswers(recommend, improve === undefined ? {} : { improve }),
    })
    expect(res.status).toBe(201)
    return res.body.id as string
  }
  // Oldest first: the search answers newest first.
  const ids = {
    waited: await submit('en', 2, `We waited over an hour and nobody told us why. ${contact}`),
    espera: await submit('es', 3, 'La espera fue larguísima y nadie nos explicó nada'),
    kind: await submit('en', 10, 'The front desk staff were lovely and kind'),
    bill: await submit('en', 6, 'The bill arrived twice and the charges were confusing'),
    silent: await submit('en', 7),
  }
  const board = await createBoard(owner)
  return { ...practice, surveyId: survey.id, ids, board }
}

let sunrise: Awaited<ReturnType<typeof practiceWithComments>>
beforeAll(async () => {
  sunrise = await practiceWithComments()
})

async function search(query = '') {
  const res = await sunrise.owner.get(`/api/boards/${sunrise.board.id}/evidence?${query}`)
  expect(res.status, JSON.stringify(res.body)).toBe(200)
  return res.body.items as Item[]
}
const responseIds = (items: Item[]) => items.map((item) => item.source.id.split('.')[1])

describe('evidence search', () => {
  it('lists commented responses newest first, redacted, with where each came from', async () => {
    const items = await search()
    const { ids } = sunrise
    expect(responseIds(items)).toEqual([ids.bill, ids.kind, ids.espera, ids.waited])
    const waited = items[3]!
    expect(waited.text).toBe(
      'We waited over an hour and nobody told us why. Call me at [phone removed] or [e-mail removed]',
    )
    // The day in the practice's time zone (Chicago); the id names the month's partition.
    const days = [0, 3600_000].map((ago) => dayOf(new Date(Date.now() - ago), 'America/Chicago'))
    expect(days).toContain(waited.source.date)
    expect(waited.source).toEqual({
      kind: 'response',
      id: `${waited.source.date.slice(0, 7)}.${ids.waited}`,
      date: waited.source.date,
      surveyId: sunrise.surveyId,
      sentiment: 'negative',
      touchpointIds: expect.arrayContaining(['check-in']),
    })
    expect(JSON.stringify(items)).not.toContain('555')
    expect(JSON.stringify(items)).not.toContain('jo@example.com')
  })

  it('matches words whatever their case and accents', async () => {
    const { ids } = sunrise
    expect(responseIds(await search('q=LARGUISIMA'))).toEqual([ids.espera])
    expect(responseIds(await search('q=explico%20espera'))).toEqual([ids.espera])
    expect(responseIds(await search('q=wait'))).toEqual([ids.waited])
    expect(responseIds(await search('q=wait%20lovely'))).toEqual([])
    // Words, not fragments inside words: "ait" is not the start of any.
    expect(await search('q=ait')).toEqual([])
    // The removed contact details cannot be searched for.
    expect(await search('q=example')).toEqual([])
  })

  it('filters by theme, touch point and sentiment, and together', async () => {
    const { ids } = sunrise
    expect(responseIds(await search('theme=wait-time'))).toEqual([ids.espera, ids.waited])
    expect(responseIds(await search('theme=billing-cost'))).toEqual([ids.bill])
    expect(responseIds(await search('touchpoint=billing'))).toEqual([ids.bill])
    expect(responseIds(await search('touchpoint=check-in'))).toEqual([
      ids.kind,
      ids.espera,
      ids.waited,
    ])
    expect(responseIds(await search('sentiment=positive'))).toEqual([ids.kind])
    expect(responseIds(await search('sentiment=negative&theme=wait-time&q=hour'))).toEqual([
      ids.waited,
    ])
    expect(responseIds(await search('limit=2'))).toEqual([ids.bill, ids.kind])
  })

  it("never shows another practice's comments", async () => {
    const other = await practiceWithComments('Birch Clinic')
    const mine = new Set(responseIds(await search()))
    for (const id of Object.values(other.ids)) expect(mine.has(id)).toBe(false)
  })

  it('refuses bad filters with 400s naming the field', async () => {
    const path = `/api/boards/${sunrise.board.id}/evidence`
    for (const [query, field] of [
      ['sentiment=angry', 'sentiment'],
      ['limit=0', 'limit'],
      ['limit=51', 'limit'],
      ['theme=Not%20A%20Theme', 'theme'],
      [`q=${'x'.repeat(201)}`, 'q'],
    ]) {
      const res = await sunrise.owner.get(`${path}?${query}`)
      expect([res.status, res.body.field], query).toEqual([400, field])
    }
  })
})

describe('resolving a quote', () => {
  it("finds the practice's own comment, redacted, and nothing of another practice", async () => {
    const [bill, , , waited] = await search()
    const resolved = await resolveEvidence(db, sunrise.practiceId, {
      kind: 'response',
      id: waited!.source.id,
    })
    expect(resolved).toEqual(waited)
    const practice = (await sunrise.owner.get('/api/me')).body.practice
    expect(await resolveEvidence(db, practice, { kind: 'response', id: bill!.source.id })).toEqual(
      bill,
    )

    const other = await freshPractice(app, 'Cedar Clinic')
    expect(
      await resolveEvidence(db, other.practiceId, { kind: 'response', id: waited!.source.id }),
    ).toBeUndefined()
    // A response without a comment, a review, a malformed id, another month: nothing to quote.
    const month = waited!.source.id.split('.')[0]!
    for (const source of [
      { kind: 'response', id: `${month}.${sunrise.ids.silent}` },
      { kind: 'review', id: waited!.source.id },
      { kind: 'response', id: sunrise.ids.waited },
      { kind: 'response', id: `2001-01.${sunrise.ids.waited}` },
      { kind: 'response', id: `${month}.${sunrise.ids.waited}#` },
    ]) {
      expect(await resolveEvidence(db, sunrise.practiceId, source), source.id).toBeUndefined()
    }
  })

  it('puts the redacted words on the board when a quote is added', async () => {
    const [, , , waited] = await search()
    const evidence = await resolveEvidence(db, sunrise.practiceId, {
      kind: 'response',
      id: waited!.source.id,
    })
    const noteId = ulid()
    await commitOperation(db, {
      practiceId: sunrise.practiceId,
      boardId: sunrise.board.id,
      opId: ulid(),
      op: {
        type: 'note.add',
        noteId,
        area: 'say',
        colour: 'blue',
        anonymous: false,
        source: { kind: 'response', id: waited!.source.id },
      },
      actor: { participant: staffOf(sunrise.ownerId), facilitator: true },
      at: new Date(),
      evidence,
    })
    const state = (await sunrise.owner.get(`/api/boards/${sunrise.board.id}/state`)).body
    expect(state.notes[noteId]).toMatchObject({ text: waited!.text, source: waited!.source })
    expect(JSON.stringify(state)).not.toContain('jo@example.com')
  })
})
