import { Conflict, Forbidden, Invalid, NotFound } from '../errors'
import { authorShown } from './anonymity'
import type { Action, Board, BoardState, NoteSource, Participant, StoredNote } from './board'
import { facilitatorOperations } from './facilitator-operations'
import type { Operation } from './operations'
import { votesUsed } from './votes'

/** Who sends an operation, and whether they may run the workshop (decided by the caller's role). */
export interface Actor {
  participant: Participant
  facilitator: boolean
}

/** The words and origin of a quote, looked up and redacted by the server before the rules run. */
export interface Evidence {
  text: string
  source: NoteSource
}

/** Everything one operation changed: whole entities, so a client replaces rather than merges. */
export interface Changes {
  /** The board's settings when the operation changed them (not merely its sequence number). */
  board: Board | null
  notes: StoredNote[]
  removedNotes: string[]
  actions: Action[]
  removedActions: string[]
}

export interface Applied {
  state: BoardState
  changes: Changes
}

/** A board holds at most this many notes: beyond it a meeting has stopped reading them. */
export const maxNotes = 400
export const maxActions = 100

/**
 * The rules of a board as one pure function (and free of zod: the web's optimistic view runs them
 * too, on operations completed by `withDefaults`): check `op` from `actor` against `state`, and return
 * the next state (with the sequence number advanced) and exactly what changed. Throws a domain
 * error when the operation is refused; `state` is never modified.
 *
 * @example
 * const { state: next, changes } = applyOperation(state, { type: 'vote.add', noteId }, actor, { at })
 */
export function applyOperation(
  state: BoardState,
  op: Operation,
  actor: Actor,
  { at, evidence }: { at: Date; evidence?: Evidence },
): Applied {
  const now = at.toISOString()
  const me = actor.participant
  const prior = state.board
  if (prior.archived && op.type !== 'board.archive')
    throw new Conflict('This board is archived. Restore it to change it.', 'board-archived')
  if (facilitatorOperations.has(op.type) && !actor.facilitator) {
    throw new Forbidden('Only the facilitator can do this.')
  }
  // A locked board still lets the facilitator run the meeting (and unlock it).
  if (prior.locked && !actor.facilitator) {
    throw new Conflict('The facilitator has locked this board.', 'board-locked')
  }

  let board: Board = { ...prior, seq: prior.seq + 1 }
  const notes: StoredNote[] = []
  const removedNotes: string[] = []
  const actions: Action[] = []
  const removedActions: string[] = []

  const noteOf = (noteId: string) => {
    const note = state.notes[noteId]
    if (!note) throw new NotFound('note', noteId)
    return note
  }
  const mayChangeText = (note: StoredNote) => actor.facilitator || note.authorId === me.id
  const touch = (note: StoredNote, change: Partial<StoredNote>): StoredNote => ({
    ...note,
    ...change,
    updatedAt: now,
    version: note.version + 1,
  })
  const checkArea = (area: string) => {
    if (!prior.areas.some((a) => a.id === area))
      throw new Invalid('This board has no such area.', 'area')
  }
  const actionOf = (actionId: string) => {
    const action = state.actions[actionId]
    if (!action) throw new NotFound('action', actionId)
    return action
  }
  const staffOnly = () => {
    if (me.kind !== 'staff') throw new Forbidden('Guests cannot change follow-up actions.')
  }

  switch (op.type) {
    case 'note.add': {
      if (state.notes[op.noteId])
        throw new Conflict('A note with this id already exists.', 'note-exists', 'noteId')
      if (Object.keys(state.notes).length >= maxNotes) {
        throw new Conflict(`A board holds at most ${maxNotes} notes.`, 'board-full')
      }
      checkArea(op.area)
      if (op.anonymous && !prior.anonymousAllowed) {
        throw new Conflict(
          'The facilitator has not allowed anonymous notes.',
          'anonymous-off',
          'anonymous',
        )
      }
      if (op.source && !evidence) throw new Invalid('That comment cannot be quoted.', 'source')
      const text = op.source ? evidence!.text : op.text
      if (!text) throw new Invalid('Write something first.', 'text')
      const inArea = Object.values(state.notes).filter((n) => n.area === op.area)
      notes.push({
        id: op.noteId,
        area: op.area,
        text: text.slice(0, 500),
        colour: op.colour,
        order: op.order ?? Math.max(0, ...inArea.map((n) => n.order)) + 1,
        group: null,
        author: authorShown(op.anonymous, me),
        authorId: me.id,
        anonymous: op.anonymous,
        source: op.source ? evidence!.source : null,
        votes: {},
        createdAt: now,
        updatedAt: now,
        version: 1,
      })
      break
    }
    case 'note.edit': {
      const note = noteOf(op.noteId)
      if (!mayChangeText(note))
        throw new Forbidden('Only its author or the facilitator can edit this note.')
      if (note.source) throw new Conflict('A quote keeps the patient’s own words.', 'quote', 'text')
      notes.push(touch(note, { text: op.text }))
      break
    }
    case 'note.move': {
      checkArea(op.area)
      notes.push(touch(noteOf(op.noteId), { area: op.area, order: op.order }))
      break
    }
    case 'note.colour':
      notes.push(touch(noteOf(op.noteId), { colour: op.colour }))
      break
    case 'note.group':
      notes.push(touch(noteOf(op.noteId), { group: op.group || null }))
      break
    case 'note.delete': {
      const note = noteOf(op.noteId)
      if (!mayChangeText(note))
        throw new Forbidden('Only its author or the facilitator can remove this note.')
      // Votes go with it (they live on the note). Actions made from it stay and keep its id, so
      // one delete stays one write; the board shows them as coming from a removed note.
      removedNotes.push(note.id)
      break
    }
    case 'vote.add': {
      const note = noteOf(op.noteId)
      const used = votesUsed(state.notes, me.id)
      if (used >= prior.voteLimit) {
        throw new Conflict(
          prior.voteLimit === 0
            ? 'Voting is not open on this board.'
            : `You have placed all ${prior.voteLimit} of your dots. Take one back to vote again.`,
          'vote-limit',
          'noteId',
        )
      }
      notes.push(touch(note, { votes: { ...note.votes, [me.id]: (note.votes[me.id] ?? 0) + 1 } }))
      break
    }
    case 'vote.remove': {
      const note = noteOf(op.noteId)
      const mine = note.votes[me.id] ?? 0
      if (mine === 0) throw new Conflict('You have no dot on this note.', 'no-vote', 'noteId')
      const votes = { ...note.votes }
      if (mine === 1) delete votes[me.id]
      else votes[me.id] = mine - 1
      notes.push(touch(note, { votes }))
      break
    }
    case 'board.step': {
      const step = prior.steps[op.index]
      if (!step) throw new Invalid('This workshop has no such step.', 'index')
      board = {
        ...board,
        step: {
          index: op.index,
          startedAt: now,
          endsAt: new Date(at.getTime() + step.minutes * 60_000).toISOString(),
        },
        // Writing happens face down when the facilitator wants it; voting needs the notes visible.
        hidden: step.mode === 'write' ? prior.hidden : false,
      }
      break
    }
    case 'board.timer':
      board = {
        ...board,
        step: {
          ...prior.step,
          endsAt:
            op.seconds === null ? null : new Date(at.getTime() + op.seconds * 1000).toISOString(),
        },
      }
      break
    case 'board.hide':
      board = { ...board, hidden: op.hidden }
      break
    case 'board.lock':
      board = { ...board, locked: op.locked }
      break
    case 'board.archive':
      board = { ...board, archived: op.archived }
      break
    case 'board.anonymous':
      board = { ...board, anonymousAllowed: op.allowed }
      break
    case 'board.votes':
      board = { ...board, voteLimit: op.limit }
      break
    case 'board.hideVotes':
      board = { ...board, votesHidden: op.hidden }
      break
    case 'board.rename':
      board = { ...board, title: op.title, persona: op.persona }
      break
    case 'emotion.set': {
      if (!prior.journey.some((c) => c.touchpointId === op.touchpointId)) {
        throw new Invalid('This map has no such touch point.', 'touchpointId')
      }
      const emotions = { ...prior.emotions }
      if (op.value === null) delete emotions[op.touchpointId]
      else emotions[op.touchpointId] = op.value
      board = { ...board, emotions }
      break
    }
    case 'action.add': {
      staffOnly()
      if (state.actions[op.actionId])
        throw new Conflict('An action with this id already exists.', 'action-exists', 'actionId')
      if (Object.keys(state.actions).length >= maxActions) {
        throw new Conflict(`A board holds at most ${maxActions} actions.`, 'board-full')
      }
      if (op.noteId) noteOf(op.noteId)
      actions.push({
        id: op.actionId,
        text: op.text,
        noteId: op.noteId,
        owner: op.owner,
        due: op.due,
        status: 'open',
        createdBy: me,
        createdAt: now,
        version: 1,
      })
      break
    }
    case 'action.edit': {
      staffOnly()
      const action = actionOf(op.actionId)
      actions.push({
        ...action,
        ...(op.text !== undefined && { text: op.text }),
        ...(op.owner !== undefined && { owner: op.owner }),
        ...(op.due !== undefined && { due: op.due }),
        ...(op.status !== undefined && { status: op.status }),
        version: action.version + 1,
      })
      break
    }
    case 'action.delete':
      staffOnly()
      removedActions.push(actionOf(op.actionId).id)
      break
  }

  const nextNotes = { ...state.notes }
  for (const note of notes) nextNotes[note.id] = note
  for (const id of removedNotes) delete nextNotes[id]
  const nextActions = { ...state.actions }
  for (const action of actions) nextActions[action.id] = action
  for (const id of removedActions) delete nextActions[id]
  return {
    state: { board, notes: nextNotes, actions: nextActions },
    changes: {
      board: facilitatorOperations.has(op.type) || op.type === 'emotion.set' ? board : null,
      notes,
      removedNotes,
      actions,
      removedActions,
    },
  }
}
