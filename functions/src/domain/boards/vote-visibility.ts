import type { Note } from './board'
import type { Entry } from './history'

/**
 * The "hide votes until reveal" rule, in one place (free of zod: the web runs it too). While a
 * board's `votesHidden` is on, whatever leaves the server for one person carries only that
 * person's dots: the snapshot, every entry's notes, and of someone else's dot not even the note
 * it went on (a vote entry is all the others would need to count). The facilitator is a voter
 * like the rest. The reveal entry changes no note; a client that saw only its own dots loads the
 * board again on it (web/src/lib/board/connection.svelte.ts).
 */

/**
 * A note as `viewerId` may see it while votes are hidden: their own dots, nobody else's.
 *
 * @example
 * noteSeenBy({ ...note, votes: { u_A: 2, g_B: 1 } }, 'g_B').votes // { g_B: 1 }
 */
export function noteSeenBy<N extends Pick<Note, 'votes'>>(note: N, viewerId: string): N {
  const mine = note.votes[viewerId]
  return { ...note, votes: mine ? { [viewerId]: mine } : {} }
}

/**
 * A board (snapshot) as `viewerId` may see it: unchanged unless its votes are hidden.
 *
 * @example
 * return c.json(stateSeenBy(publicState(state), participant.id), 200)
 */
export function stateSeenBy<
  S extends { board: { votesHidden: boolean }; notes: Record<string, Pick<Note, 'votes'>> },
>(state: S, viewerId: string): S {
  if (!state.board.votesHidden) return state
  const notes = Object.fromEntries(
    Object.entries(state.notes).map(([id, note]) => [id, noteSeenBy(note, viewerId)]),
  )
  return { ...state, notes }
}

/** Whether an entry's operation is a dot placed or taken back. */
export const isVote = (entry: Pick<Entry, 'op'>) =>
  entry.op?.type === 'vote.add' || entry.op?.type === 'vote.remove'

/**
 * One entry as `viewerId` is sent it. `votesHidden` is the board's setting after the entry;
 * `voterId` is who sent it (the hub knows it even when the entry names nobody). Someone else's
 * dot while hidden becomes an entry that only advances the sequence.
 *
 * @example
 * const seen = entrySeenBy(entry, target.participant.id, { votesHidden, voterId: sender.id })
 */
export function entrySeenBy(
  entry: Entry,
  viewerId: string,
  { votesHidden, voterId }: { votesHidden: boolean; voterId: string | undefined },
): Entry {
  if (!votesHidden) return entry
  if (isVote(entry) && voterId !== viewerId) {
    return {
      ...entry,
      op: null,
      actor: null,
      changes: { ...entry.changes, notes: [] },
    }
  }
  if (entry.changes.notes.length === 0) return entry
  return {
    ...entry,
    changes: {
      ...entry.changes,
      notes: entry.changes.notes.map((note) => noteSeenBy(note, viewerId)),
    },
  }
}
