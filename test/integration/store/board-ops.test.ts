import { ulid } from 'ulid'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Operation } from '../../../functions/src/domain/boards/operations'
import {
  commitOperation,
  commitOperations,
  entriesAfter,
  type Commit,
} from '../../../functions/src/store/board-ops'
import type { Db } from '../../../functions/src/store/db'
import { memoryStateCache } from '../../../functions/src/realtime/memory-state-cache'
import { freshBoard, person, serverState, type TestBoard } from '../../support/board'
import { testDb } from '../../support/db'

let db: Db
beforeAll(async () => {
  db = await testDb()
})

const ana = person('staff', 'Ana')

function commitOf(t: TestBoard, op: Operation, opId = ulid()): Commit {
  return {
    practiceId: t.practiceId,
    boardId: t.board.id,
    opId,
    op,
    actor: { participant: ana, facilitator: false },
    at: new Date(),
  }
}

const add = (noteId: string, text = 'Hard to park'): Operation => ({
  type: 'note.add',
  noteId,
  area: 'does',
  text,
  colour: 'yellow',
  anonymous: false,
})

describe('writing a group of operations', () => {
  it('applies each to the board the ones before left, in one sequence, refusals aside', async () => {
    const t = await freshBoard(db)
    const [a, b] = [ulid(), ulid()]
    const outcomes = await commitOperations(db, [
      commitOf(t, add(a)),
      commitOf(t, { type: 'note.edit', noteId: a, text: 'Nowhere to park' }),
      commitOf(t, { type: 'vote.add', noteId: b }),
      commitOf(t, add(b, 'Long wait')),
      commitOf(t, { type: 'note.delete', noteId: b }),
    ])
    expect(outcomes.map((o) => o.kind)).toEqual([
      'applied',
      'applied',
      'refused',
      'applied',
      'applied',
    ])
    expect(outcomes.flatMap((o) => (o.kind === 'applied' ? [o.entry.seq] : []))).toEqual([
      1, 2, 3, 4,
    ])
    const state = await serverState(t)
    expect(state.board.seq).toBe(4)
    expect(Object.values(state.notes).map((n) => [n.text, n.version])).toEqual([
      ['Nowhere to park', 2],
    ])
    const history = await entriesAfter(db, t.practiceId, t.board.id, 0, 100)
    expect(history.map((e) => [e.seq, e.op?.type])).toEqual([
      [1, 'note.add'],
      [2, 'note.edit'],
      [3, 'note.add'],
      [4, 'note.delete'],
    ])
  })

  it('applies an operation id once, within a group and across groups', async () => {
    const t = await freshBoard(db)
    const noteId = ulid()
    const [addId, voteId] = [ulid(), ulid()]
    await commitOperation(db, commitOf(t, add(noteId), addId))
    const outcomes = await commitOperations(db, [
      commitOf(t, { type: 'vote.add', noteId }, voteId),
      commitOf(t, { type: 'vote.add', noteId }, voteId),
      // Resent from an earlier transaction: a vote would pass the rules again.
      commitOf(t, add(noteId), addId),
    ])
    expect(outcomes).toEqual([
      expect.objectContaining({ kind: 'applied' }),
      { kind: 'duplicate', seq: 2 },
      { kind: 'duplicate', seq: 1 },
    ])
    const again = await commitOperations(db, [
      commitOf(t, { type: 'vote.add', noteId }, voteId),
      commitOf(t, { type: 'vote.add', noteId }),
    ])
    expect(again.map((o) => o.kind)).toEqual(['duplicate', 'applied'])
    const state = await serverState(t)
    expect(Object.values(state.notes)[0]?.votes).toEqual({ [ana.id]: 2 })
    expect((await entriesAfter(db, t.practiceId, t.board.id, 0, 100)).map((e) => e.seq)).toEqual([
      1, 2, 3,
    ])
  })

  it('reads the board again when another writer moved it on, even from a stale cache', async () => {
    const t = await freshBoard(db)
    const cache = memoryStateCache()
    await commitOperation(db, commitOf(t, add(ulid())), cache)
    // Written without the cache: the cached board is now one operation behind.
    await commitOperation(db, commitOf(t, add(ulid())))
    const [outcome] = await commitOperations(db, [commitOf(t, add(ulid()))], cache)
    expect(outcome).toMatchObject({ kind: 'applied', entry: { seq: 3 } })
    expect(Object.keys((await serverState(t)).notes)).toHaveLength(3)
  })
})
