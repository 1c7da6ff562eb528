import { describe, expect, it } from 'vitest'
import { entryActor } from '../../../../functions/src/domain/boards/anonymity'
import { Entry, recordOperation } from '../../../../functions/src/domain/boards/history'
import { Operation, type OperationInput } from '../../../../functions/src/domain/boards/operations'
import {
  actor,
  boardOf,
  deepFreeze,
  facilitator,
  guest,
  noteOf,
  now,
  staff,
  stateOf,
  testId,
} from '../../../support/board-fixtures'

const ana = staff(2, 'Ana')
const gil = guest(3, 'Gil')
const secret = testId(1)
const named = testId(2)

function board() {
  return deepFreeze(
    stateOf(boardOf({ seq: 6 }), [
      noteOf(gil, { id: secret, area: 'feels', anonymous: true }),
      noteOf(ana, { id: named, area: 'says' }),
    ]),
  )
}

const record = (op: OperationInput, who = actor(ana)) =>
  recordOperation(board(), { opId: testId(700), op: Operation.parse(op), actor: who, at: now })

describe('recordOperation', () => {
  it('writes the entry the log keeps and the hub sends: next seq, the op, who, when, public changes', () => {
    const { entry, state } = record({ type: 'note.colour', noteId: named, colour: 'blue' })
    expect(Entry.parse(entry)).toEqual(entry)
    expect(entry).toMatchObject({ seq: 7, opId: testId(700), actor: ana, at: now.toISOString() })
    expect(entry.changes.notes).toEqual([expect.objectContaining({ id: named, colour: 'blue' })])
    expect(entry.changes.notes[0]).not.toHaveProperty('authorId')
    expect(state.board.seq).toBe(7)
  })

  it('names nobody on any operation on an anonymous note, whoever sends it', () => {
    for (const who of [actor(gil), actor(ana), actor(facilitator, true)]) {
      expect(record({ type: 'vote.add', noteId: secret }, who).entry.actor).toBeNull()
    }
    expect(record({ type: 'note.delete', noteId: secret }, actor(gil)).entry.actor).toBeNull()
    expect(
      record({ type: 'note.add', noteId: testId(3), area: 'says', text: 'x', anonymous: true })
        .entry,
    ).toMatchObject({ actor: null, changes: { notes: [{ author: null, anonymous: true }] } })
  })

  it('names the sender of everything else, actions made from an anonymous note included', () => {
    expect(record({ type: 'vote.add', noteId: named }).entry.actor).toEqual(ana)
    expect(
      record({ type: 'action.add', actionId: testId(8), text: 'Call back', noteId: secret }).entry
        .actor,
    ).toEqual(ana)
    expect(entryActor(board(), Operation.parse({ type: 'board.hide', hidden: true }), ana)).toBe(
      ana,
    )
  })

  it('throws the rules’ refusal and writes nothing', () => {
    expect(() => record({ type: 'note.edit', noteId: testId(99), text: 'x' })).toThrow()
  })
})
