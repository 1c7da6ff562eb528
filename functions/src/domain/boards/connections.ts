import type { Participant } from './board'

/**
 * Who is on a board, as the hub and the store both need it: an open socket, the registry that
 * keeps them, and what a socket ticket grants. Types only: the local server keeps connections in
 * memory, AWS in the table (store/board-connections.ts); the hub (realtime/) uses either.
 */

/** One open socket to one board. */
export interface Connection {
  connectionId: string
  practiceId: string
  boardId: string
  participant: Participant
  /** Decided when the ticket was issued: the board's facilitator, or an owner or manager. */
  facilitator: boolean
  /** The session the socket was opened from: re-checked, so its end ends the socket's rights. */
  credential?: Credential
  /** The area this person is writing in, for presence. */
  typing: string | null
  /** Writing a note that may be anonymous: presence shows the area without the name. */
  typingAnonymous?: boolean
  connectedAt: string
}

export interface ConnectionRegistry {
  add(connection: Connection): Promise<void>
  /** Forget a connection; returns it, or undefined when it was already gone. */
  remove(connectionId: string): Promise<Connection | undefined>
  get(connectionId: string): Promise<Connection | undefined>
  onBoard(practiceId: string, boardId: string): Promise<Connection[]>
  setTyping(connection: Connection, area: string | null, anonymous?: boolean): Promise<void>
  /** The person's open sockets on any of the practice's boards. */
  ofPerson(practiceId: string, participantId: string): Promise<Connection[]>
}

/**
 * The session a socket rests on, by the hash of its token (never the token): a staff session, or
 * a guest's session and the guest link it came by. Absent on sockets opened before it was kept.
 */
export type Credential =
  | { kind: 'staff'; sessionHash: string }
  | { kind: 'guest'; sessionHash: string; linkId?: string | undefined }

/** What a socket ticket grants: one participant on one board of one practice. */
export interface TicketGrant {
  practiceId: string
  boardId: string
  participant: Participant
  facilitator: boolean
  credential?: Credential
}
