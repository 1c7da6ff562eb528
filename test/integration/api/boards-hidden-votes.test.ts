import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { App } from '../../../functions/src/api/app'
import type { OperationInput } from '../../../functions/src/domain/boards/operations'
import { Operation } from '../../../functions/src/domain/boards/operations'
import { commitOperation } from '../../../functions/src/store/board-ops'
import type { Db } from '../../../functions/src/store/db'
import { freshPractice, testApp } from '../../support/api'
import { createBoard, joinAsGuest, staffOf } from '../../support/boards'
import { testDb } from '../../support/db'

let db: Db
let app: App
beforeAll(async () => {
  db = await testDb()
  app = testApp(db)
})

describe('hide votes until reveal, over HTTP', () => {
  it("gives a guest's snapshot only their own dots, refuses the history, and shows all after the reveal", async () => {
    const practice = await freshPractice(app)
    const board = await createBoard(practice.owner, { title: 'Dots in secret' })
    const link = await practice.owner.post(`/api/boards/${board.id}/guest-links`, {})
    const { guest, participant: pat } = await joinAsGuest(app, link.body.url)
    const owner = { participant: staffOf(practice.ownerId), facilitator: true }
    const guestActor = { participant: pat, facilitator: false }
    const run = (op: OperationInput, actor = owner) =>
      commitOperation(db, {
        practiceId: practice.practiceId,
        boardId: board.id,
        opId: ulid(),
        op: Operation.parse(op),
        actor,
        at: new Date(),
      })
    const noteId = ulid()
    const area = board.areas[0]!.id
    await run({ type: 'note.add', noteId, area, text: 'The parking was full' })
    await run({ type: 'board.hideVotes', hidden: true })
    await run({ type: 'vote.add', noteId })
    await run({ type: 'vote.add', noteId })
    await run({ type: 'vote.add', noteId }, guestActor)

    const hidden = await guest.get(`/api/boards/${board.id}/state`)
    expect(hidden.status).toBe(200)
    expect(hidden.body.board.votesHidden).toBe(true)
    expect(hidden.body.notes[noteId].votes).toEqual({ [pat.id]: 1 })
    // The facilitator votes like anyone else: their snapshot has their own dots only.
    const atOwner = await practice.owner.get(`/api/boards/${board.id}/state`)
    expect(atOwner.body.notes[noteId].votes).toEqual({ [owner.participant.id]: 2 })
    // The history and the export would give the counts away.
    const history = await guest.get(`/api/boards/${board.id}/history`)
    expect([history.status, history.body.type]).toEqual([
      409,
      'https://touchpoint.dev/problems/votes-hidden',
    ])
    expect(history.headers.get('content-type')).toContain('application/problem+json')
    expect((await practice.owner.get(`/api/boards/${board.id}/history`)).status).toBe(409)

    await run({ type: 'board.hideVotes', hidden: false })
    const revealed = await guest.get(`/api/boards/${board.id}/state`)
    expect(revealed.body.notes[noteId].votes).toEqual({ [owner.participant.id]: 2, [pat.id]: 1 })
    expect((await guest.get(`/api/boards/${board.id}/history`)).status).toBe(200)
  })

  it('lets only the facilitator hide the votes (403 for a guest)', async () => {
    const practice = await freshPractice(app)
    const board = await createBoard(practice.owner)
    const link = await practice.owner.post(`/api/boards/${board.id}/guest-links`, {})
    const { participant: pat } = await joinAsGuest(app, link.body.url)
    const refused = await commitOperation(db, {
      practiceId: practice.practiceId,
      boardId: board.id,
      opId: ulid(),
      op: { type: 'board.hideVotes', hidden: true },
      actor: { participant: pat, facilitator: false },
      at: new Date(),
    }).catch((err: unknown) => err)
    expect(refused).toMatchObject({ status: 403 })
  })
})
