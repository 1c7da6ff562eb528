import type { BoardState } from '../domain/boards/board'
import type { StateCache } from '../store/board-ops'

/**
 * Boards kept in memory by the local server's hub, its only writer: an operation then costs one
 * transaction and no read. The least recently written boards are dropped beyond `limit`. A stale
 * board is harmless: its write fails the sequence check, and the board is read again.
 */
export function memoryStateCache(limit = 200): StateCache {
  const boards = new Map<string, BoardState>()
  return {
    get: (boardId) => boards.get(boardId),
    set(boardId, state) {
      boards.delete(boardId)
      boards.set(boardId, state)
      for (const oldest of boards.keys()) {
        if (boards.size <= limit) break
        boards.delete(oldest)
      }
    },
    delete: (boardId) => void boards.delete(boardId),
  }
}
