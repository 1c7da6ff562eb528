// Only modules free of zod: the rules run here without shipping the schemas to the browser.
import { publicChanges } from '$domain/boards/anonymity'
import { applyOperation, type Actor, type Evidence } from '$domain/boards/apply'
import type { BoardState, Note, Participant, PublicBoardState } from '$domain/boards/board'
import { withDefaults } from '$domain/boards/operation-defaults'
import type { OperationInput } from '$domain/boards/operations'
import { votesUsed } from '$domain/boards/votes'
import { applyChanges } from './replica'

/** Dots the participant has placed across the board: the server's own rule. */
export { votesUsed }

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

/**
 * The board as this client should show it: the confirmed `state` with the client's pending
 * operations applied on top by the board's own rules (`applyOperation`), in the order they were
 * sent. Nothing here decides anything: who may do what is the server's to say, so each operation
 * is shown as if its sender were allowed, until the server refuses it; one the rules cannot apply
 * at all (its note was deleted meanwhile, a dot past the limit) is skipped. The confirmed state
 * always wins in the end, because confirmed operations are removed from `pending` and the rest are
 * re-applied on every new state.
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
  const actor: Actor = { participant: me, facilitator: true }
  /** Quotes on their way: the server writes their words, so until then the card has none. */
  const quotes = new Set<string>()
  const shown = (note: Note): Note =>
    quotes.has(note.id) ? { ...note, text: '', source: null } : note

  let rules = withAuthors(confirmed)
  let view = confirmed
  for (const { op: input, at } of pending) {
    const op = withDefaults(input)
    const quote = op.type === 'note.add' && op.source ? quoteOnItsWay(op.source) : undefined
    let applied
    try {
      applied = applyOperation(rules, op, actor, { at: new Date(at), evidence: quote })
    } catch {
      continue
    }
    if (quote && op.type === 'note.add') quotes.add(op.noteId)
    rules = applied.state
    const changes = publicChanges(applied.changes)
    // The view keeps the confirmed seq: pending operations have no place in the history yet.
    view = applyChanges(view, confirmed.board.seq, { ...changes, notes: changes.notes.map(shown) })
    for (const note of changes.notes) pendingNotes.add(note.id)
    for (const id of changes.removedNotes) pendingNotes.delete(id)
  }
  return { state: view, pendingNotes }
}

/**
 * The rules run on the server's shape of a board, which knows every note's author. A client does
 * not (an anonymous note has none), and needs not: acting as if allowed, the rules never ask.
 */
function withAuthors(state: PublicBoardState): BoardState {
  const notes: BoardState['notes'] = {}
  for (const [id, note] of Object.entries(state.notes)) {
    notes[id] = { ...note, authorId: note.author?.id ?? 'u_unknown' }
  }
  return { board: state.board, notes, actions: state.actions }
}

function quoteOnItsWay(source: { kind: 'response' | 'review'; id: string }): Evidence {
  return {
    text: '…',
    source: { ...source, date: '', surveyId: null, sentiment: null, touchpointIds: [] },
  }
}

/** Pending operations still to show: those not yet confirmed by an entry the replica applied. */
export function stillPending(pending: readonly PendingOp[], appliedSeq: number): PendingOp[] {
  return pending.filter((p) => p.confirmedSeq === null || p.confirmedSeq > appliedSeq)
}
