import type {
  Action,
  Note,
  Participant,
  PublicBoardState,
} from '../../../../functions/src/domain/boards/board'
import type { OperationInput } from '../../../../functions/src/domain/boards/operations'

/** An operation this client sent that the board does not show yet. */
export interface PendingOp {
  opId: string
  op: OperationInput
  /** When it was sent (server time), for the optimistic note's dates and a timer's start. */
  at: string
  /** The entry that applied it, once known; the op is shown until the replica reaches it. */
  confirmedSeq: number | null
  /** Refused for a server-side failure; sent again after a pause. */
  waiting?: boolean
}

export interface OptimisticView {
  state: PublicBoardState
  /** Notes that show a change the server has not confirmed yet ("Saving…"). */
  pendingNotes: Set<string>
}

/** Dots the participant has placed across the board. Mirrors the server's rule. */
export function votesUsed(notes: Record<string, Note>, participantId: string): number {
  let used = 0
  for (const note of Object.values(notes)) used += note.votes[participantId] ?? 0
  return used
}

/**
 * The board as this client should show it: the confirmed `state` with the client's pending
 * operations applied on top, best-effort and in the order they were sent. Nothing here decides
 * anything: an operation the rules would refuse is shown until the server refuses it, and one that
 * no longer fits (its note was deleted meanwhile) is skipped. The confirmed state always wins in
 * the end, because confirmed operations are removed from `pending` and the rest are re-applied on
 * every new state.
 *
 * @example
 * const { state, pendingNotes } = overlay(replica.state, pending, me.participant)
 */
export function overlay(
  confirmed: PublicBoardState,
  pending: readonly PendingOp[],
  me: Participant,
): OptimisticView {
  const pendingNotes = new Set<string>()
  if (pending.length === 0) return { state: confirmed, pendingNotes }
  let board = confirmed.board
  const notes: Record<string, Note> = { ...confirmed.notes }
  const actions: Record<string, Action> = { ...confirmed.actions }

  const change = (noteId: string, patch: Partial<Note>) => {
    const note = notes[noteId]
    if (!note) return
    notes[noteId] = { ...note, ...patch }
    pendingNotes.add(noteId)
  }

  for (const { op, at } of pending) {
    switch (op.type) {
      case 'note.add': {
        if (notes[op.noteId]) break
        const inArea = Object.values(notes).filter((n) => n.area === op.area)
        const anonymous = op.anonymous ?? false
        notes[op.noteId] = {
          id: op.noteId,
          area: op.area,
          // A quote's words come from the server; until then the card says it is being added.
          text: op.source ? '' : (op.text ?? '').trim(),
          colour: op.colour ?? 'yellow',
          order: op.order ?? Math.max(0, ...inArea.map((n) => n.order)) + 1,
          group: null,
          author: anonymous ? null : me,
          anonymous,
          source: null,
          votes: {},
          createdAt: at,
          updatedAt: at,
          version: 0,
        }
        pendingNotes.add(op.noteId)
        break
      }
      case 'note.edit':
        change(op.noteId, { text: op.text.trim() })
        break
      case 'note.move':
        change(op.noteId, { area: op.area, order: op.order })
        break
      case 'note.colour':
        change(op.noteId, { colour: op.colour })
        break
      case 'note.group':
        change(op.noteId, { group: op.group?.trim() || null })
        break
      case 'note.delete':
        delete notes[op.noteId]
        pendingNotes.delete(op.noteId)
        break
      case 'vote.add': {
        const note = notes[op.noteId]
        if (!note || votesUsed(notes, me.id) >= board.voteLimit) break
        change(op.noteId, { votes: { ...note.votes, [me.id]: (note.votes[me.id] ?? 0) + 1 } })
        break
      }
      case 'vote.remove': {
        const note = notes[op.noteId]
        const mine = note?.votes[me.id] ?? 0
        if (!note || mine === 0) break
        const votes = { ...note.votes }
        if (mine === 1) delete votes[me.id]
        else votes[me.id] = mine - 1
        change(op.noteId, { votes })
        break
      }
      case 'board.step': {
        const step = board.steps[op.index]
        if (!step) break
        const started = Date.parse(at)
        board = {
          ...board,
          step: {
            index: op.index,
            startedAt: at,
            endsAt: new Date(started + step.minutes * 60_000).toISOString(),
          },
          hidden: step.mode === 'write' ? board.hidden : false,
        }
        break
      }
      case 'board.timer':
        board = {
          ...board,
          step: {
            ...board.step,
            endsAt:
              op.seconds === null
                ? null
                : new Date(Date.parse(at) + op.seconds * 1000).toISOString(),
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
      case 'board.rename':
        board = { ...board, title: op.title.trim(), persona: op.persona.trim() }
        break
      case 'emotion.set': {
        const emotions = { ...board.emotions }
        if (op.value === null) delete emotions[op.touchpointId]
        else emotions[op.touchpointId] = op.value
        board = { ...board, emotions }
        break
      }
      case 'action.add':
        if (actions[op.actionId]) break
        actions[op.actionId] = {
          id: op.actionId,
          text: op.text.trim(),
          noteId: op.noteId ?? null,
          owner: op.owner ?? null,
          due: op.due ?? null,
          status: 'open',
          createdBy: me,
          createdAt: at,
          version: 0,
        }
        break
      case 'action.edit': {
        const action = actions[op.actionId]
        if (!action) break
        actions[op.actionId] = {
          ...action,
          ...(op.text !== undefined && { text: op.text.trim() }),
          ...(op.owner !== undefined && { owner: op.owner }),
          ...(op.due !== undefined && { due: op.due }),
          ...(op.status !== undefined && { status: op.status }),
        }
        break
      }
      case 'action.delete':
        delete actions[op.actionId]
        break
    }
  }
  return { state: { board, notes, actions }, pendingNotes }
}

/** Pending operations still to show: those not yet confirmed by an entry the replica applied. */
export function stillPending(pending: readonly PendingOp[], appliedSeq: number): PendingOp[] {
  return pending.filter((p) => p.confirmedSeq === null || p.confirmedSeq > appliedSeq)
}
