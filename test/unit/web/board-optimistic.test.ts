import { describe, expect, it } from 'vitest'
import { applyOperation } from '../../../functions/src/domain/boards/apply'
import { publicState, type Note } from '../../../functions/src/domain/boards/board'
import { Operation, type OperationInput } from '../../../functions/src/domain/boards/operations'
import { overlay, stillPending, type PendingOp } from '../../../web/src/lib/board/optimistic'
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
} from '../../support/board-fixtures'

const me = guest(5, 'Ana')
const other = staff(6, 'Ben')
const at = now.toISOString()
const pendingOf = (...ops: OperationInput[]): PendingOp[] =>
  ops.map((op, i) => ({ opId: testId(500 + i), op, at, confirmedSeq: null }))

function confirmed() {
  return deepFreeze(
    publicState(
      stateOf(boardOf({ seq: 4 }), [
        noteOf(me, { id: testId(1), area: 'says', order: 1 }),
        noteOf(other, { id: testId(2), area: 'says', order: 2, votes: { [other.id]: 1 } }),
      ]),
    ),
  )
}

describe('overlay', () => {
  it('shows the confirmed board itself when nothing is pending', () => {
    const state = confirmed()
    const view = overlay(state, [], me)
    expect(view.state).toBe(state)
    expect(view.pendingNotes.size).toBe(0)
  })

  it('shows a new note at once, marked pending, at the end of its area', () => {
    const view = overlay(
      confirmed(),
      pendingOf({ type: 'note.add', noteId: testId(3), area: 'says', text: '  Long wait  ' }),
      me,
    )
    const note = view.state.notes[testId(3)] as Note
    expect(note).toMatchObject({ text: 'Long wait', author: me, anonymous: false, order: 3 })
    expect(view.pendingNotes).toEqual(new Set([testId(3)]))
  })

  it('shows an anonymous note without a name', () => {
    const view = overlay(
      confirmed(),
      pendingOf({ type: 'note.add', noteId: testId(3), area: 'feels', text: 'x', anonymous: true }),
      me,
    )
    expect(view.state.notes[testId(3)]).toMatchObject({ author: null, anonymous: true, order: 1 })
  })

  it('shows a quote on its way as a card without words until the server writes them', () => {
    const view = overlay(
      confirmed(),
      pendingOf({
        type: 'note.add',
        noteId: testId(3),
        area: 'says',
        source: { kind: 'response', id: 'r1' },
      }),
      me,
    )
    expect(view.state.notes[testId(3)]).toMatchObject({ text: '', source: null, author: me })
    expect(view.pendingNotes).toEqual(new Set([testId(3)]))
  })

  it('keeps the confirmed seq and skips what the rules cannot apply', () => {
    const view = overlay(
      confirmed(),
      pendingOf(
        { type: 'note.edit', noteId: testId(77), text: 'No such note' },
        { type: 'note.move', noteId: testId(1), area: 'nowhere', order: 1 },
        { type: 'note.colour', noteId: testId(1), colour: 'green' },
      ),
      me,
    )
    expect(view.state.board.seq).toBe(4)
    expect(view.state.notes[testId(77)]).toBeUndefined()
    expect(view.state.notes[testId(1)]).toMatchObject({ area: 'says', colour: 'green' })
  })

  it('applies edits, moves, colours and groups in the order they were sent', () => {
    const id = testId(1)
    const view = overlay(
      confirmed(),
      pendingOf(
        { type: 'note.edit', noteId: id, text: 'First' },
        { type: 'note.edit', noteId: id, text: 'Second' },
        { type: 'note.move', noteId: id, area: 'feels', order: 7 },
        { type: 'note.colour', noteId: id, colour: 'blue' },
        { type: 'note.group', noteId: id, group: ' Parking ' },
      ),
      me,
    )
    expect(view.state.notes[id]).toMatchObject({
      text: 'Second',
      area: 'feels',
      order: 7,
      colour: 'blue',
      group: 'Parking',
    })
    expect(view.pendingNotes).toEqual(new Set([id]))
  })

  it('hides a deleted note and skips later changes to it', () => {
    const id = testId(2)
    const view = overlay(
      confirmed(),
      pendingOf(
        { type: 'note.delete', noteId: id },
        { type: 'note.colour', noteId: id, colour: 'pink' },
      ),
      me,
    )
    expect(view.state.notes[id]).toBeUndefined()
    expect(view.pendingNotes.size).toBe(0)
  })

  it('adds and removes my dots, and shows no dot beyond my limit', () => {
    const id = testId(2)
    const votes = (ops: OperationInput[]) =>
      overlay(confirmed(), pendingOf(...ops), me).state.notes[id]?.votes
    expect(votes([{ type: 'vote.add', noteId: id }])).toEqual({ [other.id]: 1, [me.id]: 1 })
    expect(
      votes([
        { type: 'vote.add', noteId: id },
        { type: 'vote.remove', noteId: id },
      ]),
    ).toEqual({
      [other.id]: 1,
    })
    const four = Array.from({ length: 4 }, (): OperationInput => ({ type: 'vote.add', noteId: id }))
    expect(votes(four)?.[me.id]).toBe(3)
    expect(votes([{ type: 'vote.remove', noteId: id }])).toEqual({ [other.id]: 1 })
  })

  it('never changes the confirmed state it was given', () => {
    const state = confirmed()
    expect(() =>
      overlay(
        state,
        pendingOf(
          { type: 'note.edit', noteId: testId(1), text: 'x' },
          { type: 'board.hide', hidden: true },
          { type: 'emotion.set', touchpointId: 'booking', value: 1 },
          { type: 'action.add', actionId: testId(9), text: 'Call back' },
        ),
        me,
      ),
    ).not.toThrow()
  })

  it('shows what the server will confirm for the operations it accepts', () => {
    // Same operations through the server's rules and through the overlay: the fields people see
    // agree, so confirming an operation changes nothing on screen.
    const ops: OperationInput[] = [
      { type: 'note.add', noteId: testId(3), area: 'thinks', text: 'Where do I park?' },
      { type: 'note.add', noteId: testId(4), area: 'thinks', text: 'Anonymous', anonymous: true },
      { type: 'note.edit', noteId: testId(3), text: 'Where do I park, really?' },
      { type: 'note.move', noteId: testId(1), area: 'thinks', order: 1.5 },
      { type: 'note.colour', noteId: testId(2), colour: 'green' },
      { type: 'note.group', noteId: testId(2), group: 'Parking' },
      { type: 'vote.add', noteId: testId(2) },
      { type: 'vote.add', noteId: testId(3) },
      { type: 'vote.remove', noteId: testId(2) },
      { type: 'note.delete', noteId: testId(4) },
    ]
    let server = stateOf(boardOf({ seq: 4 }), [
      noteOf(me, { id: testId(1), area: 'says', order: 1 }),
      noteOf(other, { id: testId(2), area: 'says', order: 2, votes: { [other.id]: 1 } }),
    ])
    for (const op of ops) {
      server = applyOperation(server, Operation.parse(op), actor(me), { at: now }).state
    }
    const view = overlay(confirmed(), pendingOf(...ops), me).state
    const seen = (notes: Record<string, Note>) =>
      Object.values(notes)
        .map(({ id, area, text, colour, order, group, author, anonymous, votes }) => ({
          id,
          area,
          text,
          colour,
          order,
          group,
          author,
          anonymous,
          votes,
        }))
        .sort((a, b) => a.id.localeCompare(b.id))
    expect(seen(view.notes)).toEqual(seen(publicState(server).notes))
  })

  it('shows the facilitator’s board changes at once', () => {
    const view = overlay(
      confirmed(),
      pendingOf(
        { type: 'board.step', index: 1 },
        { type: 'board.lock', locked: true },
        { type: 'board.votes', limit: 5 },
      ),
      facilitator,
    ).state.board
    expect(view.step.index).toBe(1)
    expect(view.step.endsAt).toBe(new Date(now.getTime() + 3 * 60_000).toISOString())
    expect(view).toMatchObject({ locked: true, voteLimit: 5, hidden: false })
  })
})

describe('stillPending', () => {
  it('keeps operations until the replica has applied the entry that confirmed them', () => {
    const [a, b, c] = pendingOf(
      { type: 'vote.add', noteId: testId(1) },
      { type: 'vote.add', noteId: testId(2) },
      { type: 'vote.add', noteId: testId(2) },
    ) as [PendingOp, PendingOp, PendingOp]
    const pending = [{ ...a, confirmedSeq: 5 }, { ...b, confirmedSeq: 7 }, c]
    expect(stillPending(pending, 6).map((p) => p.opId)).toEqual([b.opId, c.opId])
    expect(stillPending(pending, 7).map((p) => p.opId)).toEqual([c.opId])
  })
})
