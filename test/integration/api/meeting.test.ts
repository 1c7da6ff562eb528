import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { Participant } from '../../../functions/src/domain/boards/board'
import { Operation, type OperationInput } from '../../../functions/src/domain/boards/operations'
import { commitOperation } from '../../../functions/src/store/board-ops'
import type { Db } from '../../../functions/src/store/db'
import { addMember, Caller, freshPractice, testApp } from '../../support/api'
import { createBoard, staffOf } from '../../support/boards'
import { testDb } from '../../support/db'

/** What meeting mode reads besides moments and analytics: the agendas and the open actions. */
let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

async function apply(
  practiceId: string,
  boardId: string,
  participant: Participant,
  input: OperationInput,
) {
  await commitOperation(db, {
    practiceId,
    boardId,
    opId: ulid(),
    op: Operation.parse(input),
    actor: { participant, facilitator: true },
    at: new Date(),
  })
}

describe('GET /api/agendas', () => {
  it("answers every agenda, the weekly staff meeting first, in the practice's language", async () => {
    const { owner } = await freshPractice(app)
    const res = await owner.get('/api/agendas')
    expect(res.status).toBe(200)
    const ids = res.body.items.map((agenda: { id: string }) => agenda.id)
    expect(ids[0]).toBe('weekly-staff-meeting')
    expect(ids).toContain('daily-huddle')
    const weekly = res.body.items[0]
    expect(weekly.title).toBe('Weekly staff meeting')
    expect(weekly.minutes).toBe(
      weekly.items.reduce((sum: number, item: { minutes: number }) => sum + item.minutes, 0),
    )
    expect(weekly.items[0]).toMatchObject({
      kind: 'moment',
      title: 'The customer-experience moment',
    })
    expect(weekly.items[0].prompts[0]).toBe("Read the patient's words aloud.")
  })

  it('answers in Spanish when asked, to any signed-in role', async () => {
    const { owner } = await freshPractice(app)
    const { member } = await addMember(app, owner, 'staff')
    const res = await member.get('/api/agendas?language=es')
    expect(res.status).toBe(200)
    expect(res.body.items[0].title).toBe('Reunión semanal del equipo')
    expect(res.body.items[0].items[0].prompts[0]).toBe('Lea en voz alta las palabras del paciente.')
  })

  it('refuses a language it does not speak, naming the field, and callers without a session', async () => {
    const { owner } = await freshPractice(app)
    const bad = await owner.get('/api/agendas?language=fr')
    expect(bad.status).toBe(400)
    expect(bad.headers.get('content-type')).toBe('application/problem+json')
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['language'])
    expect((await new Caller(app).get('/api/agendas')).status).toBe(401)
  })
})

describe('GET /api/board-actions', () => {
  it('lists the open actions of active boards, the soonest due first and undated last', async () => {
    const { owner, ownerId, practiceId } = await freshPractice(app)
    const me = staffOf(ownerId)
    const booking = await createBoard(owner, { title: 'Booking a skin check' })
    const billing = await createBoard(owner, {
      title: 'A surprise bill',
      canvasId: 'empathy-map-classic',
    })
    const archived = await createBoard(owner, { title: 'Old board' })
    const [later, sooner, undated, done, stuck] = [ulid(), ulid(), ulid(), ulid(), ulid()]
    await apply(practiceId, booking.id, me, {
      type: 'action.add',
      actionId: later,
      text: 'Put the online booking link on the voicemail',
      due: '2026-12-20',
      owner: { id: me.id, name: 'Dana Owner' },
    })
    await apply(practiceId, billing.id, me, {
      type: 'action.add',
      actionId: undated,
      text: 'Explain co-pays at check-in',
    })
    await apply(practiceId, billing.id, me, {
      type: 'action.add',
      actionId: sooner,
      text: 'Send estimates before procedures',
      due: '2026-12-04',
    })
    await apply(practiceId, billing.id, me, {
      type: 'action.add',
      actionId: done,
      text: 'Print the price list',
    })
    await apply(practiceId, billing.id, me, { type: 'action.edit', actionId: done, status: 'done' })
    await apply(practiceId, archived.id, me, {
      type: 'action.add',
      actionId: stuck,
      text: 'On a board nobody can change any more',
    })
    expect(
      (await owner.post(`/api/boards/${archived.id}/archive`, { archived: true })).status,
    ).toBe(200)

    const res = await owner.get('/api/board-actions')
    expect(res.status).toBe(200)
    expect(
      res.body.items.map((item: { board: { title: string }; action: { id: string } }) => [
        item.board.title,
        item.action.id,
      ]),
    ).toEqual([
      ['A surprise bill', sooner],
      ['Booking a skin check', later],
      ['A surprise bill', undated],
    ])
    expect(res.body.items[1].action).toMatchObject({
      text: 'Put the online booking link on the voicemail',
      owner: { name: 'Dana Owner' },
      due: '2026-12-20',
      status: 'open',
    })
    expect(res.body.items[1].board.id).toBe(booking.id)

    const finished = await owner.get('/api/board-actions?status=done')
    expect(finished.body.items.map((item: { action: { id: string } }) => item.action.id)).toEqual([
      done,
    ])
  })

  it("shows staff their practice's actions and never another practice's", async () => {
    const alder = await freshPractice(app, 'Alder Clinic')
    const birch = await freshPractice(app, 'Birch Clinic')
    const board = await createBoard(alder.owner, { title: 'Alder board' })
    await apply(alder.practiceId, board.id, staffOf(alder.ownerId), {
      type: 'action.add',
      actionId: ulid(),
      text: 'Alder secret action',
    })
    const { member } = await addMember(app, alder.owner, 'staff')
    expect((await member.get('/api/board-actions')).body.items).toHaveLength(1)
    const other = await birch.owner.get('/api/board-actions')
    expect(other.status).toBe(200)
    expect(other.body.items).toEqual([])
    expect(JSON.stringify(other.body)).not.toContain('Alder')
  })

  it('refuses an unknown status, naming the field', async () => {
    const { owner } = await freshPractice(app)
    const res = await owner.get('/api/board-actions?status=stuck')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['status'])
  })
})
