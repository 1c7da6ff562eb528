import { z } from 'zod'
import { AreaId, Participant } from '../domain/boards/board'
import { OpId, type Entry } from '../domain/boards/history'

/**
 * The board's WebSocket protocol, the same over `/ws` locally and API Gateway in AWS. Messages are
 * JSON text frames. The web app imports these types (never this code).
 *
 * A client first loads the board over HTTP (`GET /api/boards/{id}/state`, which carries `board.seq`),
 * opens the socket with a one-minute ticket (`POST /api/boards/{id}/ticket`), and sends
 * `sync` with that sequence number; from then on it applies entries in sequence order.
 */

// The history entry is the board's (domain/boards/history.ts); the protocol carries it.
export { Entry, OpId, PublicChanges } from '../domain/boards/history'

export const ClientMessage = z.discriminatedUnion('type', [
  /** Send every entry after `since`; answered by `entries` (in batches), or `reload` when far behind. */
  z.strictObject({ type: z.literal('sync'), since: z.number().int().min(0) }),
  z.strictObject({ type: z.literal('op'), opId: OpId, op: z.unknown() }),
  /**
   * Where this person is writing (an area), or null when they stopped. Not logged. `anonymous`:
   * the note may be anonymous, so the others see "someone is writing" without a name.
   */
  z.strictObject({
    type: z.literal('typing'),
    area: AreaId.nullable(),
    anonymous: z.boolean().default(false),
  }),
  z.strictObject({ type: z.literal('ping') }),
])
export type ClientMessage = z.input<typeof ClientMessage>

export const PresenceEntry = Participant.extend({
  /** The area this person is writing in, if any. */
  typing: AreaId.nullable(),
  facilitator: z.boolean(),
})
export type PresenceEntry = z.infer<typeof PresenceEntry>

export type ServerMessage =
  | { type: 'welcome'; boardId: string; you: Participant; facilitator: boolean; serverTime: string }
  /**
   * Who is on the board. `anonymousTyping` lists the areas someone is writing in without their
   * name (one per writer, sorted by area, so neither order nor names tell who).
   */
  | { type: 'presence'; participants: PresenceEntry[]; anonymousTyping?: string[] }
  | { type: 'entry'; entry: Entry }
  /** Catch-up after `sync`; `upTo` is the board's sequence number when the batch was read. */
  | { type: 'entries'; entries: Entry[]; upTo: number; done: boolean }
  /** The operation was refused; nothing changed. Same fields as a problem+json body. */
  | { type: 'refused'; opId: string; status: number; code: string; detail: string; field?: string }
  /** A resent operation that was already applied as `seq`. */
  | { type: 'ack'; opId: string; seq: number }
  /** Too far behind to catch up entry by entry: load the board again over HTTP. */
  | { type: 'reload' }
  /** With the board's sequence number: a client behind it syncs. */
  | { type: 'pong'; seq: number }
  /** `code` says why when it is not a malformed message: `rate-limited` (slow down). */
  | { type: 'error'; detail: string; code?: 'rate-limited' }

/** Entries read per catch-up step; messages are split further by size. */
export const entriesPerBatch = 50
/** Bytes of entries per message: API Gateway caps a message at 128 KB. */
export const maxMessageBytes = 96 * 1024
/** A client further behind than this reloads the board instead of replaying entries. */
export const maxCatchUp = 2000
