import type { Participant } from '../domain/boards/board'
import type { ServerMessage } from './protocol'

/**
 * What the board hub needs from where it runs. The local server keeps connections in memory and
 * writes to `ws` sockets; in AWS they live in the table and messages go out through API Gateway's
 * PostToConnection. The hub itself is the same code in both places.
 */

/** One open socket to one board. */
export interface Connection {
  connectionId: string
  practiceId: string
  boardId: string
  participant: Participant
  /** Decided when the ticket was issued: the board's facilitator, or an owner or manager. */
  facilitator: boolean
  /** The area this person is writing in, for presence. */
  typing: string | null
  connectedAt: string
}

export interface ConnectionRegistry {
  add(connection: Connection): Promise<void>
  /** Forget a connection; returns it, or undefined when it was already gone. */
  remove(connectionId: string): Promise<Connection | undefined>
  get(connectionId: string): Promise<Connection | undefined>
  onBoard(practiceId: string, boardId: string): Promise<Connection[]>
  setTyping(connection: Connection, area: string | null): Promise<void>
}

export interface Transport {
  /** Deliver one message. False when the connection is gone; the hub then forgets it. */
  send(connectionId: string, message: ServerMessage): Promise<boolean>
}
