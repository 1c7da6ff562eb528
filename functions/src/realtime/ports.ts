import type { Participant } from '../domain/boards/board'
import type { Entry, ServerMessage } from './protocol'

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

/** What a socket ticket grants: one participant on one board of one practice. */
export interface TicketGrant {
  practiceId: string
  boardId: string
  participant: Participant
  facilitator: boolean
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
}
