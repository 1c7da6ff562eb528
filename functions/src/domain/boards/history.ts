import { z } from 'zod'
import { entryActor, publicChanges } from './anonymity'
import { applyOperation, type Actor, type Applied, type Evidence } from './apply'
import { Action, Board, Note, Participant, type BoardState } from './board'
import { Operation } from './operations'

/**
 * A board's history: one entry per applied operation, in sequence order. The store writes them,
 * the hub broadcasts them, and clients apply them to their replicas (web/src/lib/board/replica.ts).
 */

/** Client operations carry an id the client makes (a ULID) so a resend is recognised. */
export const OpId = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'Expected an operation id (ULID)')

/** What one applied operation changed, as clients see it: whole entities to replace or remove. */
export const PublicChanges = z.object({
  board: Board.nullable(),
  notes: z.array(Note),
  removedNotes: z.array(z.string()),
  actions: z.array(Action),
  removedActions: z.array(z.string()),
})
export type PublicChanges = z.infer<typeof PublicChanges>

/** One line of a board's history: the operation, who (null when anonymous), when, and its effect. */
export const Entry = z.object({
  seq: z.number().int().min(1),
  opId: OpId,
  /**
   * Null only in the copy one person is sent of someone else's dot while votes are hidden
   * (vote-visibility.ts): they learn the sequence moved on, not where the dot went.
   */
  op: Operation.nullable(),
  actor: Participant.nullable(),
  at: z.iso.datetime(),
  changes: PublicChanges,
})
export type Entry = z.infer<typeof Entry>

// What an entry's changes show of the notes is the anonymity rule's (anonymity.ts).
export { publicChanges }

/** One operation as the write path receives it. */
export interface Sent {
  opId: string
  op: Operation
  actor: Actor
  at: Date
  evidence?: Evidence
}

export interface Recorded extends Applied {
  entry: Entry
}

/**
 * Apply one operation by the board's rules and write its history entry: the next state, what
 * changed (for the store, which writes each changed item), and the entry (for the log and the
 * broadcast). Throws the rules' error when the operation is refused; `state` is never modified.
 *
 * @example
 * const { state: next, entry } = recordOperation(state, { opId, op, actor, at: new Date() })
 */
export function recordOperation(state: BoardState, sent: Sent): Recorded {
  const applied = applyOperation(state, sent.op, sent.actor, {
    at: sent.at,
    evidence: sent.evidence,
  })
  return {
    ...applied,
    entry: {
      seq: applied.state.board.seq,
      opId: sent.opId,
      op: sent.op,
      actor: entryActor(state, sent.op, sent.actor.participant),
      at: sent.at.toISOString(),
      changes: publicChanges(applied.changes),
    },
  }
}
