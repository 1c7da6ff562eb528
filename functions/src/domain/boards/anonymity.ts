import type { Changes } from './apply'
import type { Note, Participant, StoredNote } from './board'
import type { PublicChanges } from './history'
import type { Operation } from './operations'

/**
 * The anonymity rule of a board, in one place. An anonymous note's author is seen by nobody: not
 * on the note (the server keeps `authorId` only to decide who may edit it, and never sends it), and
 * not in the history, where no operation on an anonymous note carries a name, whoever sent it.
 * (Naming everyone but the author would name the author, by elimination or by their dots.)
 */

/**
 * The name a new note shows: its writer's, or none when it is written anonymously.
 *
 * @example
 * const author = authorShown(op.anonymous, actor.participant) // null for an anonymous note
 */
export function authorShown(anonymous: boolean, writer: Participant): Participant | null {
  return anonymous ? null : writer
}

/**
 * A note as it may leave the server: without `authorId`, so the author of an anonymous note is
 * never sent.
 *
 * @example
 * const shown = publicNote(state.notes[noteId]) // what every client sees
 */
export function publicNote(note: StoredNote): Note {
  const { authorId: _authorId, ...rest } = note
  return rest
}

/**
 * What of an applied operation is broadcast and stored: its changes with every note made public.
 *
 * @example
 * const shown = publicChanges(applyOperation(state, op, actor, { at }).changes)
 */
export function publicChanges(changes: Changes): PublicChanges {
  return { ...changes, notes: changes.notes.map(publicNote) }
}

/**
 * Who a history entry names as having sent `op`: the sender, or nobody when the operation creates
 * or touches an anonymous note. `state` is the board before the operation.
 *
 * @example
 * const actor = entryActor(before, { type: 'vote.add', noteId }, participant) // null if anonymous
 */
export function entryActor(
  state: { notes: Record<string, Pick<StoredNote, 'anonymous'>> },
  op: Operation,
  participant: Participant,
): Participant | null {
  if (op.type === 'note.add') return authorShown(op.anonymous, participant)
  if ('noteId' in op && op.type !== 'action.add' && state.notes[op.noteId]?.anonymous) return null
  return participant
}
