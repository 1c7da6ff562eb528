import { describe, expect, it } from 'vitest'
import type { Entry } from '../../../../functions/src/domain/boards/history'
import { entrySeenBy, stateSeenBy } from '../../../../functions/src/domain/boards/vote-visibility'

const note = Object.freeze({ id: 'N1', votes: Object.freeze({ u_A: 2, g_B: 1 }) })
const entry = (op: Entry['op'], notes = [note]) =>
  ({
    seq: 4,
    opId: 'O',
    op,
    actor: { id: 'g_B', name: 'Ben', kind: 'guest' },
    at: '2026-03-02T14:00:00.000Z',
    changes: { board: null, notes, removedNotes: [], actions: [], removedActions: [] },
  }) as unknown as Entry

describe('hidden votes', () => {
  it('leave a board as it is until hidden, then show each reader only their own dots', () => {
    const shown = { board: { votesHidden: false }, notes: { N1: note } }
    expect(stateSeenBy(shown, 'g_B')).toBe(shown)
    const hidden = { board: { votesHidden: true }, notes: { N1: note } }
    expect(stateSeenBy(hidden, 'g_B').notes.N1?.votes).toEqual({ g_B: 1 })
    expect(stateSeenBy(hidden, 'u_C').notes.N1?.votes).toEqual({})
    expect(note.votes).toEqual({ u_A: 2, g_B: 1 }) // never mutated
  })

  it('tell the voter their dot, and the others only that the sequence moved on', () => {
    const vote = entry({ type: 'vote.add', noteId: 'N1' } as Entry['op'])
    const seen = { votesHidden: true, voterId: 'g_B' }
    expect(entrySeenBy(vote, 'g_B', seen).changes.notes[0]?.votes).toEqual({ g_B: 1 })
    expect(entrySeenBy(vote, 'u_A', seen)).toMatchObject({
      seq: 4,
      op: null,
      actor: null,
      changes: { notes: [] },
    })
    expect(entrySeenBy(vote, 'u_A', { votesHidden: false, voterId: 'g_B' })).toBe(vote)
    const edit = entry({ type: 'note.edit', noteId: 'N1', text: 'x' } as Entry['op'])
    expect(entrySeenBy(edit, 'u_A', seen).changes.notes[0]?.votes).toEqual({ u_A: 2 })
  })
})
