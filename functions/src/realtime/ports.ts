import type { Connection } from '../domain/boards/connections'
import type { Entry, ServerMessage } from './protocol'

// Connections and tickets are shared with the store (which must not import realtime/), so they
// live in domain/boards/connections.ts; re-exported here for the hub's adapters.
export type { Connection, ConnectionRegistry, TicketGrant } from '../domain/boards/connections'

/**
 * What the board hub needs from where it runs. The local server keeps connections in memory and
 * writes to `ws` sockets; in AWS they live in the table and messages go out through API Gateway's
 * PostToConnection. The hub itself is the same code in both places.
 */

export interface Transport {
  /** Deliver one message. False when the connection is gone; the hub then forgets it. */
  send(connectionId: string, message: ServerMessage): Promise<boolean>
  /**
   * Close a socket from the server's side, with a WebSocket close code (4xxx) and a short reason
   * the page can show. API Gateway closes without them; its client reconnects and is told then.
   */
  close(connectionId: string, code?: number, reason?: string): Promise<void>
}

/** The board hub, the same in both places it runs (built by `createBoardHub` in hub.ts). */
export interface BoardHub {
  /** A socket opened with a valid ticket: remember it and tell the others on the board. */
  connect(connection: Connection): Promise<void>
  /** The socket closed (or went away): forget it and tell the others. */
  disconnect(connectionId: string): Promise<void>
  /** One text frame from a client: a `ClientMessage` as JSON. */
  receive(connectionId: string, text: string): Promise<void>
  /** Send an entry applied outside the hub (an HTTP route) to everyone on its board. */
  publish(practiceId: string, boardId: string, entry: Entry): Promise<void>
  /**
   * A person's session ended or their role changed: each of their sockets on the practice's boards
   * is checked against its own session now, and closed if that ended or its rights changed (its
   * page reconnects with today's rights, or learns it is signed out).
   */
  revokePerson(practiceId: string, userId: string): Promise<void>
  /** A guest link was revoked: the sockets of guests who came by it are closed. */
  revokeGuestLink(practiceId: string, boardId: string, linkId: string): Promise<void>
}
