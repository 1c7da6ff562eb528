import type { Board, PublicBoardState } from '$domain/boards/board'
import type { Entry } from '$domain/boards/history'

/**
 * The board as it was before its first entry, for the replay: the current board's areas, steps and
 * journey (fixed when it was created), no notes or actions, and the workshop not yet run. Settings
 * come from the earliest entry that carried the board's settings (closer to the start than
 * today's), else from today's board.
 *
 * @example
 * const start = emptyBoard(current.board, entries)
 * const after1 = applyChanges(start, entries[0].seq, entries[0].changes)
 */
export function emptyBoard(
  current: Board,
  entries: readonly Pick<Entry, 'changes'>[],
): PublicBoardState {
  const earliest = entries.find((e) => e.changes.board)?.changes.board ?? current
  const board: Board = {
    ...earliest,
    areas: current.areas,
    steps: current.steps,
    journey: current.journey,
    columns: current.columns,
    seq: 0,
    step: { index: 0, startedAt: null, endsAt: null },
    hidden: false,
    locked: false,
    archived: false,
    emotions: {},
  }
  return { board, notes: {}, actions: {} }
}
