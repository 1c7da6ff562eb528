import type { Connection, ConnectionRegistry } from './ports'

/**
 * Open sockets of the local server, in memory: one process holds every connection, so nothing
 * needs to outlive it. In AWS the same registry lives in the table (API Gateway connections).
 *
 * @example
 * const hub = createBoardHub({ db, connections: memoryConnections(), transport, logger })
 */
export function memoryConnections(): ConnectionRegistry {
  const byId = new Map<string, Connection>()
  const byBoard = new Map<string, Set<string>>()
  const boardKey = (practiceId: string, boardId: string) => `${practiceId}/${boardId}`

  return {
    async add(connection) {
      // Adding a known connection again replaces it (the hub does so when rights change).
      byId.set(connection.connectionId, { ...connection })
      const key = boardKey(connection.practiceId, connection.boardId)
      const ids = byBoard.get(key) ?? new Set<string>()
      ids.add(connection.connectionId)
      byBoard.set(key, ids)
    },

    async remove(connectionId) {
      const connection = byId.get(connectionId)
      if (!connection) return undefined
      byId.delete(connectionId)
      const key = boardKey(connection.practiceId, connection.boardId)
      const ids = byBoard.get(key)
      ids?.delete(connectionId)
      if (ids?.size === 0) byBoard.delete(key)
      return { ...connection }
    },

    async get(connectionId) {
      const connection = byId.get(connectionId)
      return connection && { ...connection }
    },

    async onBoard(practiceId, boardId) {
      const ids = byBoard.get(boardKey(practiceId, boardId)) ?? new Set<string>()
      return [...ids].flatMap((id) => {
        const connection = byId.get(id)
        return connection ? [{ ...connection }] : []
      })
    },

    async ofPerson(practiceId, participantId) {
      return [...byId.values()]
        .filter((c) => c.practiceId === practiceId && c.participant.id === participantId)
        .map((c) => ({ ...c }))
    },

    async setTyping(connection, area, anonymous) {
      const stored = byId.get(connection.connectionId)
      if (!stored) return
      stored.typing = area
      stored.typingAnonymous = area !== null && anonymous === true
    },
  }
}
