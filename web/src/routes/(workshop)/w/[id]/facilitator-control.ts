import type { PublicBoardState } from '$lib/board/board-types'
import type { BoardConnection } from '$lib/board/connection.svelte'

/** What each of the facilitator's board controls is given by the panel. */
export interface FacilitatorControlProps {
  board: PublicBoardState['board']
  /** Sends an operation, unless the board is read-only (archived). */
  send: (op: Parameters<BoardConnection['send']>[0]) => void
  readOnly: boolean
}
