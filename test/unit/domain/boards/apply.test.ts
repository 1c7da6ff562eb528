import { describe, expect, it } from 'vitest'
import {
  applyOperation,
  maxActions,
  maxNotes,
  type Actor,
  type Evidence,
} from '../../../../functions/src/domain/boards/apply'
import {
  publicNote,
  votesUsed,
  type BoardState,
  type NoteSource,
} from '../../../../functions/src/domain/boards/board'
import {
  Operation,
  facilitatorOperations,
  type OperationInput,
} from '../../../../functions/src/domain/boards/operations'
import { DomainError } from '../../../../functions/src/domain/errors'
import {
  actionOf,
  actor,
  boardOf,
  deepFreeze,
  facilitator,
  guest,
  journeyBoardOf,
  noteOf,
  now,
  staff,
  stateOf,
  testId,
} from '../../../support/board-fixtures'

const lead = actor(facilitator, true)
const ana = staff(2, 'Ana')
const gil = guest(3, 'Gil')
const asAna = actor(ana)
const asGil = actor(gil)

/**
 * Every state goes in deep-frozen: a rule that wrote to its input would throw here, so each test
 * also checks that `applyOperation` leaves the state it was given alone.
 */
function apply(state: BoardState, op: OperationInput, who: Actor, evidence?: Evidence) {
  return applyOperation(deepFreeze(state), Operation.parse(op), who, { at: now, evidence })
}

/** The domain error an operation is refused with (fails the test when it is applied). */
function refusal(state: BoardState, op: OperationInput, who: Actor): DomainError {
  try {
    apply(state, op, who)
  } catch (err) {
    if (err instanceof DomainError) return err
    throw err
  }
  throw new Error(`${op.type} was applied; expected a refusal`)
}

const nowIso = now.toISOString()
const noteA = testId(1)
const noteB = testId(2)
const noteC = testId(3)
const newNote = testId(50)

describe('note.add', () => {
  it('adds the note after the last one of its area, by its author, and changes nothing else', () => {
    const before = stateOf(boardOf(), [
      noteOf(ana, { id: noteA, area: 'says', order: 4 }),
      noteOf(ana, { id: noteB, area: 'thinks', order: 9 }),
    ])
    const { state, changes } = apply(
      before,
      { type: 'note.add', noteId: newNote, area: 'says', text: 'Parking was full', colour: 'pink' },
      asGil,
    )
    const added = {
      id: newNote,
      area: 'says',
      text: 'Parking was full',
      colour: 'pink',
      order: 5,
      group: null,
      author: gil,
      authorId: gil.id,
      anonymous: false,
      source: null,
      votes: {},
      createdAt: nowIso,
      updatedAt: nowIso,
      version: 1,
    }
    expect(state.notes[newNote]).toEqual(added)
    expect(changes).toEqual({
      board: null,
      notes: [added],
      removedNotes: [],
      actions: [],
      removedActions: [],
    })
    expect(state.board).toEqual({ ...before.board, seq: 1 })
    expect(state.notes[noteA]).toBe(before.notes[noteA])
    expect(state.notes[noteB]).toBe(before.notes[noteB])
    expect(state.actions).toEqual({})
  })

  it('starts an empty area at order 1 and keeps the order a client chose', () => {
    const first = apply(
      stateOf(),
      { type: 'note.add', noteId: noteA, area: 'feels', text: 'Nervous' },
      asGil,
    )
    expect(first.state.notes[noteA]).toMatchObject({ order: 1, colour: 'yellow' })
    const between = apply(
      first.state,
      { type: 'note.add', noteId: noteB, area: 'feels', text: 'Relieved', order: 0.5 },
      asGil,
    )
    expect(between.state.notes[noteB]?.order).toBe(0.5)
  })

  it('hides the author of an anonymous note but keeps who wrote it in authorId', () => {
    const { state, changes } = apply(
      stateOf(),
      { type: 'note.add', noteId: noteA, area: 'feels', text: 'Scared', anonymous: true },
      asGil,
    )
    const note = state.notes[noteA]!
    expect(note).toMatchObject({ author: null, authorId: gil.id, anonymous: true })
    expect(changes.notes).toEqual([note])
    // What leaves the server carries no trace of the author.
    expect(publicNote(note)).not.toHaveProperty('authorId')
    expect(JSON.stringify(publicNote(note))).not.toContain(gil.id)
  })

  it('refuses an anonymous note while the facilitator has not allowed them', () => {
    const error = refusal(
      stateOf(boardOf({ anonymousAllowed: false })),
      { type: 'note.add', noteId: noteA, area: 'feels', text: 'Scared', anonymous: true },
      asGil,
    )
    expect(error).toMatchObject({ status: 409, code: 'anonymous-off', field: 'anonymous' })
  })

  it('refuses a second note with an id already on the board', () => {
    const error = refusal(
      stateOf(boardOf(), [noteOf(ana, { id: noteA })]),
      { type: 'note.add', noteId: noteA, area: 'says', text: 'Again' },
      asAna,
    )
    expect(error).toMatchObject({ status: 409, code: 'note-exists', field: 'noteId' })
  })

  it('refuses an area the board does not have', () => {
    const error = refusal(
      stateOf(),
      { type: 'note.add', noteId: noteA, area: 'hears', text: 'Music' },
      asGil,
    )
    expect(error).toMatchObject({ status: 400, code: 'invalid', field: 'area' })
  })

  it('refuses a note without words', () => {
    const error = refusal(stateOf(), { type: 'note.add', noteId: noteA, area: 'says' }, asGil)
    expect(error).toMatchObject({ status: 400, field: 'text' })
  })

  it(`refuses note ${maxNotes + 1}`, () => {
    const full = Array.from({ length: maxNotes }, (_, i) => noteOf(ana, { id: testId(1000 + i) }))
    const error = refusal(
      stateOf(boardOf(), full),
      { type: 'note.add', noteId: newNote, area: 'says', text: 'One more' },
      lead,
    )
    expect(error).toMatchObject({ status: 409, code: 'board-full' })
  })

  describe('quotes', () => {
    const source: NoteSource = {
      kind: 'response',
      id: 'r-01',
      date: '2026-02-27',
      surveyId: testId(700),
      sentiment: 'negative',
      touchpointIds: ['check-in'],
    }
    const evidence = { text: 'Waited 40 minutes at the desk', source }

    it('writes the words and origin the server looked up, not what the client sent', () => {
      const { state } = apply(
        stateOf(),
        {
          type: 'note.add',
          noteId: noteA,
          area: 'does',
          text: 'something else',
          source: { kind: 'response', id: 'r-01' },
        },
        asAna,
        evidence,
      )
      expect(state.notes[noteA]).toMatchObject({ text: evidence.text, source, author: ana })
    })

    it('refuses a quote the server could not look up', () => {
      expect(() =>
        apply(
          stateOf(),
          { type: 'note.add', noteId: noteA, area: 'does', source: { kind: 'response', id: 'x' } },
          asAna,
        ),
      ).toThrow(expect.objectContaining({ status: 400, field: 'source' }))
    })

    it('keeps the patient’s words: nobody edits a quote, the facilitator included', () => {
      const quoted = stateOf(boardOf(), [noteOf(ana, { id: noteA, text: evidence.text, source })])
      for (const who of [asAna, lead]) {
        expect(
          refusal(quoted, { type: 'note.edit', noteId: noteA, text: 'Waited a bit' }, who),
        ).toMatchObject({ status: 409, code: 'quote', field: 'text' })
      }
    })
  })
})

describe('note.edit', () => {
  const before = stateOf(boardOf(), [
    noteOf(gil, { id: noteA, text: 'Forms twice' }),
    noteOf(gil, { id: noteB, text: 'Felt judged', anonymous: true }),
  ])

  it('lets the author change the words, bumping the version', () => {
    const { state, changes } = apply(
      before,
      { type: 'note.edit', noteId: noteA, text: '  Filled in the same form twice  ' },
      asGil,
    )
    const edited = {
      ...before.notes[noteA],
      text: 'Filled in the same form twice',
      updatedAt: nowIso,
      version: 2,
    }
    expect(state.notes[noteA]).toEqual(edited)
    expect(changes.notes).toEqual([edited])
    expect(changes.board).toBeNull()
    expect(state.notes[noteB]).toBe(before.notes[noteB])
  })

  it('lets the author of an anonymous note edit it, its author still hidden', () => {
    const { state } = apply(before, { type: 'note.edit', noteId: noteB, text: 'Rushed' }, asGil)
    expect(state.notes[noteB]).toMatchObject({ text: 'Rushed', author: null, authorId: gil.id })
  })

  it('lets the facilitator edit anyone’s note', () => {
    const { state } = apply(before, { type: 'note.edit', noteId: noteB, text: 'Rushed' }, lead)
    expect(state.notes[noteB]).toMatchObject({ text: 'Rushed', authorId: gil.id, version: 2 })
  })

  it('refuses anyone else, staff or not', () => {
    for (const who of [asAna, actor(guest(4))]) {
      expect(
        refusal(before, { type: 'note.edit', noteId: noteA, text: 'Mine now' }, who),
      ).toMatchObject({ status: 403, code: 'forbidden' })
    }
  })

  it('answers 404 for a note that is not on the board', () => {
    expect(
      refusal(before, { type: 'note.edit', noteId: noteC, text: 'Where?' }, lead),
    ).toMatchObject({ status: 404, code: 'not-found' })
  })
})

describe('note.move, note.colour and note.group', () => {
  const before = stateOf(boardOf(), [noteOf(gil, { id: noteA, area: 'says', order: 1 })])

  it('lets anyone move a note to another area and place', () => {
    const { state, changes } = apply(
      before,
      { type: 'note.move', noteId: noteA, area: 'feels', order: 2.5 },
      asAna,
    )
    const moved = {
      ...before.notes[noteA],
      area: 'feels',
      order: 2.5,
      updatedAt: nowIso,
      version: 2,
    }
    expect(state.notes[noteA]).toEqual(moved)
    expect(changes).toMatchObject({ board: null, notes: [moved], removedNotes: [] })
  })

  it('refuses a move to an area the board does not have', () => {
    expect(
      refusal(before, { type: 'note.move', noteId: noteA, area: 'hears', order: 1 }, asAna),
    ).toMatchObject({ status: 400, field: 'area' })
  })

  it('recolours a note', () => {
    const { state } = apply(before, { type: 'note.colour', noteId: noteA, colour: 'blue' }, asAna)
    expect(state.notes[noteA]).toMatchObject({
      colour: 'blue',
      version: 2,
      text: 'I could not find the booking link',
    })
  })

  it('labels a group, and an empty label takes the note out of its group', () => {
    const grouped = apply(
      before,
      { type: 'note.group', noteId: noteA, group: ' Waiting ' },
      asAna,
    ).state
    expect(grouped.notes[noteA]).toMatchObject({ group: 'Waiting', version: 2 })
    const ungrouped = apply(grouped, { type: 'note.group', noteId: noteA, group: '  ' }, asGil)
    expect(ungrouped.state.notes[noteA]).toMatchObject({ group: null, version: 3 })
  })
})

describe('note.delete', () => {
  const before = stateOf(boardOf(), [
    noteOf(gil, { id: noteA, votes: { [ana.id]: 2, [gil.id]: 1 } }),
    noteOf(ana, { id: noteB }),
  ])

  it('lets the author remove the note, and its dots go with it', () => {
    const { state, changes } = apply(before, { type: 'note.delete', noteId: noteA }, asGil)
    expect(state.notes).toEqual({ [noteB]: before.notes[noteB] })
    expect(changes).toEqual({
      board: null,
      notes: [],
      removedNotes: [noteA],
      actions: [],
      removedActions: [],
    })
    expect(votesUsed(state.notes, ana.id)).toBe(0)
  })

  it('lets the facilitator remove anyone’s note', () => {
    expect(
      apply(before, { type: 'note.delete', noteId: noteA }, lead).state.notes,
    ).not.toHaveProperty(noteA)
  })

  it('refuses anyone else', () => {
    expect(refusal(before, { type: 'note.delete', noteId: noteA }, asAna)).toMatchObject({
      status: 403,
    })
  })

  it('keeps the actions made from a removed note', () => {
    const withAction = stateOf(before.board, Object.values(before.notes), [
      actionOf(ana, { id: testId(60), noteId: noteA }),
    ])
    const { state } = apply(withAction, { type: 'note.delete', noteId: noteA }, lead)
    expect(state.actions[testId(60)]).toEqual(withAction.actions[testId(60)])
  })
})

describe('dot voting', () => {
  const before = stateOf(boardOf({ voteLimit: 3 }), [
    noteOf(ana, { id: noteA }),
    noteOf(ana, { id: noteB }),
  ])
  const vote = (state: BoardState, noteId: string, who = asGil) =>
    apply(state, { type: 'vote.add', noteId }, who).state
  const unvote = (state: BoardState, noteId: string, who = asGil) =>
    apply(state, { type: 'vote.remove', noteId }, who).state

  it('stacks several dots from one person on one note', () => {
    const state = vote(vote(vote(before, noteA), noteA), noteA)
    expect(state.notes[noteA]).toMatchObject({ votes: { [gil.id]: 3 }, version: 4 })
    expect(state.board.seq).toBe(3)
  })

  it('refuses a dot past the limit, counting the dots on every note', () => {
    const spent = vote(vote(vote(before, noteA), noteA), noteB)
    const error = refusal(spent, { type: 'vote.add', noteId: noteA }, asGil)
    expect(error).toMatchObject({ status: 409, code: 'vote-limit', field: 'noteId' })
    expect(error.message).toContain('3')
  })

  it('counts each person’s dots apart', () => {
    const gilSpent = vote(vote(vote(before, noteA), noteA), noteB)
    const state = vote(gilSpent, noteA, asAna)
    expect(state.notes[noteA]?.votes).toEqual({ [gil.id]: 2, [ana.id]: 1 })
  })

  it('gives a dot back with vote.remove, so it can be placed again', () => {
    const spent = vote(vote(vote(before, noteA), noteA), noteB)
    const back = unvote(spent, noteA)
    expect(back.notes[noteA]?.votes).toEqual({ [gil.id]: 1 })
    expect(votesUsed(back.notes, gil.id)).toBe(2)
    expect(vote(back, noteB).notes[noteB]?.votes).toEqual({ [gil.id]: 2 })
  })

  it('drops the voter from the note when their last dot is taken back', () => {
    const { state, changes } = apply(
      vote(before, noteA),
      { type: 'vote.remove', noteId: noteA },
      asGil,
    )
    expect(state.notes[noteA]?.votes).toEqual({})
    expect(changes.notes[0]?.version).toBe(3)
  })

  it('refuses to take back a dot that is not there', () => {
    const withAnasDot = vote(before, noteA, asAna)
    expect(refusal(withAnasDot, { type: 'vote.remove', noteId: noteA }, asGil)).toMatchObject({
      status: 409,
      code: 'no-vote',
    })
  })

  it('refuses every dot while voting is closed (limit 0)', () => {
    const closed = stateOf(boardOf({ voteLimit: 0 }), Object.values(before.notes))
    const error = refusal(closed, { type: 'vote.add', noteId: noteA }, lead)
    expect(error).toMatchObject({ status: 409, code: 'vote-limit' })
    expect(error.message).toMatch(/not open/)
  })

  it('answers 404 for a dot on a note that is gone', () => {
    expect(refusal(before, { type: 'vote.add', noteId: noteC }, asGil)).toMatchObject({
      status: 404,
    })
  })
})

describe('the facilitator’s controls', () => {
  const controls: OperationInput[] = [
    { type: 'board.step', index: 1 },
    { type: 'board.timer', seconds: 60 },
    { type: 'board.hide', hidden: true },
    { type: 'board.lock', locked: true },
    { type: 'board.archive', archived: true },
    { type: 'board.anonymous', allowed: false },
    { type: 'board.votes', limit: 5 },
    { type: 'board.hideVotes', hidden: true },
    { type: 'board.rename', title: 'Booking', persona: 'A parent booking for a child' },
  ]

  it('covers every facilitator-only operation', () => {
    expect(new Set(controls.map((op) => op.type))).toEqual(facilitatorOperations)
  })

  it.each(controls)('refuses $type from anyone but the facilitator (403)', (op) => {
    for (const who of [asAna, asGil]) {
      expect(refusal(stateOf(), op, who)).toMatchObject({ status: 403, code: 'forbidden' })
    }
  })

  it.each(controls)('reports the new settings of $type in changes.board', (op) => {
    const before = stateOf()
    const { state, changes } = apply(before, op, lead)
    expect(state.board.seq).toBe(1)
    expect(changes).toEqual({
      board: state.board,
      notes: [],
      removedNotes: [],
      actions: [],
      removedActions: [],
    })
    expect(state.board).not.toEqual({ ...before.board, seq: 1 })
  })

  it('starts a step with its own timer: endsAt is now plus the step’s minutes', () => {
    const { state } = apply(stateOf(), { type: 'board.step', index: 2 }, lead)
    expect(state.board.step).toEqual({
      index: 2,
      startedAt: nowIso,
      endsAt: new Date(now.getTime() + 10 * 60_000).toISOString(),
    })
  })

  it('turns notes face up for voting, and leaves them as they were for writing', () => {
    const hidden = stateOf(boardOf({ hidden: true }))
    expect(apply(hidden, { type: 'board.step', index: 1 }, lead).state.board.hidden).toBe(false)
    expect(apply(hidden, { type: 'board.step', index: 0 }, lead).state.board).toMatchObject({
      hidden: true,
      step: { index: 0, endsAt: new Date(now.getTime() + 5 * 60_000).toISOString() },
    })
  })

  it('refuses a step the workshop does not have', () => {
    expect(refusal(stateOf(), { type: 'board.step', index: 4 }, lead)).toMatchObject({
      status: 400,
      field: 'index',
    })
  })

  it('restarts and stops the timer without changing the step', () => {
    const started = apply(stateOf(), { type: 'board.step', index: 1 }, lead).state
    const timed = apply(started, { type: 'board.timer', seconds: 90 }, lead).state
    expect(timed.board.step).toEqual({
      ...started.board.step,
      endsAt: new Date(now.getTime() + 90_000).toISOString(),
    })
    const stopped = apply(timed, { type: 'board.timer', seconds: null }, lead).state
    expect(stopped.board.step).toEqual({ ...started.board.step, endsAt: null })
  })

  it('sets each board setting it names', () => {
    const on = (op: OperationInput) => apply(stateOf(), op, lead).state.board
    expect(on({ type: 'board.hide', hidden: true }).hidden).toBe(true)
    expect(on({ type: 'board.lock', locked: true }).locked).toBe(true)
    expect(on({ type: 'board.anonymous', allowed: false }).anonymousAllowed).toBe(false)
    expect(on({ type: 'board.hideVotes', hidden: true }).votesHidden).toBe(true)
    expect(on({ type: 'board.votes', limit: 7 }).voteLimit).toBe(7)
    expect(on({ type: 'board.rename', title: ' Booking ', persona: 'A parent' })).toMatchObject({
      title: 'Booking',
      persona: 'A parent',
    })
  })

  it('lowers the vote limit below dots already placed without taking them away', () => {
    const voted = stateOf(boardOf(), [noteOf(ana, { id: noteA, votes: { [gil.id]: 3 } })])
    const { state } = apply(voted, { type: 'board.votes', limit: 1 }, lead)
    expect(state.notes[noteA]?.votes).toEqual({ [gil.id]: 3 })
    expect(refusal(state, { type: 'vote.add', noteId: noteA }, asGil)).toMatchObject({
      code: 'vote-limit',
    })
  })
})

describe('the emotion line (journey maps)', () => {
  const journey = stateOf(journeyBoardOf())

  it('lets anyone set and clear a touch point’s emotion, reported in changes.board', () => {
    const set = apply(journey, { type: 'emotion.set', touchpointId: 'booking', value: -2 }, asGil)
    expect(set.state.board.emotions).toEqual({ booking: -2 })
    expect(set.changes.board).toEqual(set.state.board)
    const cleared = apply(
      set.state,
      { type: 'emotion.set', touchpointId: 'booking', value: null },
      asAna,
    )
    expect(cleared.state.board.emotions).toEqual({})
  })

  it('refuses a touch point the map does not have', () => {
    expect(
      refusal(journey, { type: 'emotion.set', touchpointId: 'billing', value: 1 }, asGil),
    ).toMatchObject({ status: 400, field: 'touchpointId' })
  })
})

describe('a locked board', () => {
  const locked = stateOf(boardOf({ locked: true }), [noteOf(gil, { id: noteA })])

  it('refuses participants, staff and guests alike', () => {
    const ops: OperationInput[] = [
      { type: 'note.add', noteId: newNote, area: 'says', text: 'Late' },
      { type: 'note.edit', noteId: noteA, text: 'Changed' },
      { type: 'vote.add', noteId: noteA },
      { type: 'action.add', actionId: testId(60), text: 'Call back' },
    ]
    for (const op of ops) {
      for (const who of [asAna, asGil]) {
        expect(refusal(locked, op, who)).toMatchObject({ status: 409, code: 'board-locked' })
      }
    }
  })

  it('still lets the facilitator run the meeting and unlock it', () => {
    const noted = apply(
      locked,
      { type: 'note.add', noteId: newNote, area: 'says', text: 'Summary' },
      lead,
    ).state
    expect(noted.notes[newNote]?.author).toEqual(facilitator)
    const open = apply(noted, { type: 'board.lock', locked: false }, lead).state
    expect(open.board.locked).toBe(false)
    expect(apply(open, { type: 'vote.add', noteId: noteA }, asGil).state.board.seq).toBe(3)
  })
})

describe('an archived board', () => {
  const archived = stateOf(boardOf({ archived: true }), [noteOf(gil, { id: noteA })])

  it('refuses every change, from the facilitator too', () => {
    const ops: OperationInput[] = [
      { type: 'note.add', noteId: newNote, area: 'says', text: 'Late' },
      { type: 'note.move', noteId: noteA, area: 'feels', order: 1 },
      { type: 'vote.add', noteId: noteA },
      { type: 'board.lock', locked: true },
      { type: 'board.rename', title: 'Other', persona: 'Other' },
    ]
    for (const op of ops) {
      for (const who of [lead, asAna, asGil]) {
        expect(refusal(archived, op, who)).toMatchObject({ status: 409, code: 'board-archived' })
      }
    }
  })

  it('takes board.archive from the facilitator, to restore it', () => {
    const { state, changes } = apply(archived, { type: 'board.archive', archived: false }, lead)
    expect(state.board).toEqual({ ...archived.board, archived: false, seq: 1 })
    expect(changes.board).toEqual(state.board)
  })

  it('refuses board.archive from anyone else', () => {
    for (const who of [asAna, asGil]) {
      const { status } = refusal(archived, { type: 'board.archive', archived: false }, who)
      expect([403, 409]).toContain(status)
    }
  })
})

describe('follow-up actions', () => {
  const before = stateOf(
    boardOf(),
    [noteOf(gil, { id: noteA })],
    [actionOf(ana, { id: testId(61) })],
  )

  it('lets staff add an action from a note', () => {
    const { state, changes } = apply(
      before,
      {
        type: 'action.add',
        actionId: testId(60),
        text: 'Add parking directions to the reminder text',
        noteId: noteA,
        owner: { id: ana.id, name: 'Ana' },
        due: '2026-03-31',
      },
      asAna,
    )
    const added = {
      id: testId(60),
      text: 'Add parking directions to the reminder text',
      noteId: noteA,
      owner: { id: ana.id, name: 'Ana' },
      due: '2026-03-31',
      status: 'open',
      createdBy: ana,
      createdAt: nowIso,
      version: 1,
    }
    expect(state.actions[testId(60)]).toEqual(added)
    expect(changes).toEqual({
      board: null,
      notes: [],
      removedNotes: [],
      actions: [added],
      removedActions: [],
    })
    expect(state.notes).toEqual(before.notes)
  })

  it('refuses an action from a note that is not on the board, or with an id in use', () => {
    expect(
      refusal(
        before,
        { type: 'action.add', actionId: testId(60), text: 'x', noteId: noteC },
        asAna,
      ),
    ).toMatchObject({ status: 404 })
    expect(
      refusal(before, { type: 'action.add', actionId: testId(61), text: 'x' }, asAna),
    ).toMatchObject({ status: 409, code: 'action-exists' })
  })

  it(`refuses action ${maxActions + 1}`, () => {
    const many = Array.from({ length: maxActions }, (_, i) =>
      actionOf(ana, { id: testId(2000 + i) }),
    )
    expect(
      refusal(
        stateOf(boardOf(), [], many),
        { type: 'action.add', actionId: testId(60), text: 'x' },
        lead,
      ),
    ).toMatchObject({ status: 409, code: 'board-full' })
  })

  it('edits only the fields sent, bumping the version', () => {
    const { state } = apply(
      before,
      { type: 'action.edit', actionId: testId(61), status: 'done' },
      asAna,
    )
    expect(state.actions[testId(61)]).toEqual({
      ...before.actions[testId(61)],
      status: 'done',
      version: 2,
    })
  })

  it('removes an action', () => {
    const { state, changes } = apply(before, { type: 'action.delete', actionId: testId(61) }, lead)
    expect(state.actions).toEqual({})
    expect(changes.removedActions).toEqual([testId(61)])
  })

  it('refuses guests every change to actions', () => {
    const ops: OperationInput[] = [
      { type: 'action.add', actionId: testId(60), text: 'Call back' },
      { type: 'action.edit', actionId: testId(61), text: 'Call back' },
      { type: 'action.delete', actionId: testId(61) },
    ]
    for (const op of ops) {
      expect(refusal(before, op, asGil)).toMatchObject({ status: 403, code: 'forbidden' })
    }
  })
})

describe('every operation', () => {
  const before = stateOf(
    journeyBoardOf({ seq: 41 }),
    [
      noteOf(gil, { id: noteA, area: 'doing.booking' }),
      noteOf(ana, { id: noteB, area: 'doing.booking' }),
    ],
    [actionOf(ana, { id: testId(61) })],
  )
  const ops: [OperationInput, Actor][] = [
    [{ type: 'note.add', noteId: newNote, area: 'doing.check-in', text: 'Queue' }, asGil],
    [{ type: 'note.edit', noteId: noteA, text: 'Edited' }, asGil],
    [{ type: 'note.move', noteId: noteB, area: 'doing.check-in', order: 3 }, asGil],
    [{ type: 'note.colour', noteId: noteB, colour: 'green' }, asAna],
    [{ type: 'note.group', noteId: noteB, group: 'Front desk' }, asAna],
    [{ type: 'note.delete', noteId: noteB }, asAna],
    [{ type: 'vote.add', noteId: noteA }, asAna],
    [{ type: 'action.add', actionId: testId(60), text: 'Call back' }, asAna],
    [{ type: 'action.edit', actionId: testId(61), text: 'Call back soon' }, asAna],
    [{ type: 'action.delete', actionId: testId(61) }, lead],
    [{ type: 'emotion.set', touchpointId: 'booking', value: 1 }, asGil],
    [{ type: 'board.step', index: 1 }, lead],
    [{ type: 'board.timer', seconds: 30 }, lead],
    [{ type: 'board.hide', hidden: true }, lead],
    [{ type: 'board.lock', locked: true }, lead],
    [{ type: 'board.anonymous', allowed: false }, lead],
    [{ type: 'board.votes', limit: 9 }, lead],
    [{ type: 'board.rename', title: 'T', persona: 'P' }, lead],
    [{ type: 'board.archive', archived: true }, lead],
  ]

  it.each(ops.map(([op, who]) => ({ type: op.type, op, who })))(
    'advances seq by exactly one: $type',
    ({ op, who }) => {
      const { state, changes } = apply(before, op, who)
      expect(state.board.seq).toBe(42)
      const settings = facilitatorOperations.has(op.type) || op.type === 'emotion.set'
      expect(changes.board === null).toBe(!settings)
      if (!settings) {
        expect(state.board).toEqual({ ...before.board, seq: 42 })
      }
    },
  )

  it('never modifies the state it is given, applied one after another', () => {
    const snapshot = structuredClone(before)
    let state = before
    for (const [op, who] of ops) state = apply(state, op, who).state
    expect(before).toEqual(snapshot)
    expect(state.board.seq).toBe(41 + ops.length)
  })
})
