import WebSocket from 'ws'
import { encodeMessage } from './encode'
import type { ServerMessage } from './protocol'
import type { Transport } from './ports'

/**
 * The local server's transport: the open `ws` sockets by connection id. API Gateway plays this part
 * in AWS. A socket that is closing or closed counts as gone, so the hub forgets it.
 *
 * @example
 * const sockets = localSockets()
 * sockets.attach(connectionId, ws)        // when the socket opens
 * await sockets.send(connectionId, { type: 'pong' })
 * sockets.detach(connectionId)            // when it closes
 */
export function localSockets(): Transport & {
  attach(connectionId: string, socket: WebSocket): void
  detach(connectionId: string): void
} {
  const sockets = new Map<string, WebSocket>()
  return {
    attach(connectionId, socket) {
      sockets.set(connectionId, socket)
    },
    detach(connectionId) {
      sockets.delete(connectionId)
    },
    async send(connectionId, message: ServerMessage) {
      const socket = sockets.get(connectionId)
      if (!socket || socket.readyState !== WebSocket.OPEN) return false
      // Frames queue on the socket in call order, so messages arrive in the order the hub sent them.
      socket.send(encodeMessage(message))
      return true
    },
    async close(connectionId, code, reason) {
      sockets.get(connectionId)?.close(code ?? 4000, reason)
    },
  }
}
