import type { Note } from './board'

/**
 * Dots the participant has placed across the board: the vote limit's count, on the server and in
 * the web's optimistic view alike. (Its own module, free of zod, so the browser takes only this.)
 *
 * @example
 * const left = board.voteLimit - votesUsed(state.notes, me.id)
 */
export function votesUsed(
  notes: Record<string, Pick<Note, 'votes'>>,
  participantId: string,
): number {
  let used = 0
  for (const note of Object.values(notes)) used += note.votes[participantId] ?? 0
  return used
}
