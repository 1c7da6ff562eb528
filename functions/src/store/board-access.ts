import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb'
import { z } from 'zod'
import { Participant } from '../domain/boards/board'
import { Id } from '../domain/practice'
import { hashToken, newToken } from '../domain/tokens'
import type { TicketGrant } from '../domain/boards/connections'
import type { Db } from './db'
import { epochSeconds, fromItem, toItem } from './items'
import * as keys from './keys'

/**
 * The ways into a board besides a staff session: one-minute socket tickets, expiring guest links,
 * and the guest sessions those links start. Every token is random (256 bits), handed out once and
 * stored only as its hash, like sessions; each item names its practice and board, and a caller
 * acts only on that one board.
 */

/** A ticket opens one socket within this many seconds of being issued. */
export const ticketSeconds = 60
/** An expired guest link is kept this long after it expires, so it answers "expired" (410), not "unknown". */
const expiredLinkKeptSeconds = 7 * 86400
/** Longer strings are not tokens we issued; they are refused without a read. */
const maxTokenLength = 200

const StoredTicket = z.object({
  practiceId: Id,
  boardId: Id,
  participant: Participant,
  facilitator: z.boolean(),
  expiresAt: z.number(),
})

/**
 * A single-use ticket for the board's socket. The socket's URL carries it (browsers cannot set
 * headers on a WebSocket), so it lives a minute and works once.
 *
 * @example
 * const { ticket } = await issueTicket(db, { practiceId, boardId, participant, facilitator: false })
 * new WebSocket(`${socketUrl}?ticket=${ticket}`)
 */
export async function issueTicket(
  db: Db,
  grant: TicketGrant,
  now = new Date(),
): Promise<{ ticket: string; expiresAt: string }> {
  const ticket = newToken()
  const expiresAt = epochSeconds(now) + ticketSeconds
  const item = StoredTicket.parse({ ...grant, expiresAt })
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(keys.boardTicket(hashToken(ticket)), 'boardTicket', item),
    }),
  )
  return { ticket, expiresAt: new Date(expiresAt * 1000).toISOString() }
}

/**
 * Spend a ticket: it is deleted as it is read, so a second use (or a replayed URL) finds nothing.
 * Undefined for an unknown, used or expired ticket.
 *
 * @example
 * const grant = await consumeTicket(db, new URL(request.url).searchParams.get('ticket') ?? '')
 * if (!grant) socket.close(4401)
 */
export async function consumeTicket(
  db: Db,
  ticket: string,
  now = new Date(),
): Promise<TicketGrant | undefined> {
  if (!ticket || ticket.length > maxTokenLength) return undefined
  const { Attributes } = await db.client.send(
    new DeleteCommand({
      TableName: db.table,
      Key: keys.boardTicket(hashToken(ticket)),
      ReturnValues: 'ALL_OLD',
    }),
  )
  if (!Attributes) return undefined
  const stored = fromItem(StoredTicket, Attributes)
  // TTL deletion lags by hours; expiry is decided here.
  if (stored.expiresAt <= epochSeconds(now)) return undefined
  const { expiresAt: _expiresAt, ...grant } = stored
  return grant
}

const StoredGuestLink = z.object({
  practiceId: Id,
  boardId: Id,
  /** When the link stops working (`expiresAt` is the table's TTL, a week later). */
  validUntil: z.iso.datetime(),
})
export interface GuestLink {
  practiceId: string
  boardId: string
  /** When the link stops admitting guests. */
  expiresAt: string
}

/** A link that lets anyone holding it join one board as a guest until `expiresAt`; answers its token. */
export async function createGuestLink(
  db: Db,
  { practiceId, boardId, expiresAt }: { practiceId: string; boardId: string; expiresAt: Date },
): Promise<string> {
  const token = newToken()
  const link = StoredGuestLink.parse({ practiceId, boardId, validUntil: expiresAt.toISOString() })
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(keys.guestLink(hashToken(token)), 'guestLink', {
        ...link,
        expiresAt: epochSeconds(expiresAt) + expiredLinkKeptSeconds,
      }),
    }),
  )
  return token
}

/** The link for a token, expired or not (the caller tells the guest which); undefined if unknown. */
export async function findGuestLink(db: Db, token: string): Promise<GuestLink | undefined> {
  if (!token || token.length > maxTokenLength) return undefined
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.guestLink(hashToken(token)) }),
  )
  if (!Item) return undefined
  const { practiceId, boardId, validUntil } = fromItem(StoredGuestLink, Item)
  return { practiceId, boardId, expiresAt: validUntil }
}

const StoredGuestSession = z.object({
  practiceId: Id,
  boardId: Id,
  participant: Participant,
  csrfToken: z.string(),
  expiresAt: z.number(),
})
export type GuestSession = z.infer<typeof StoredGuestSession>

/**
 * A guest's session on one board (cookie `tp_guest`), ending when the link they came by does.
 * Writes carry `csrfToken` in a header, as staff writes do.
 */
export async function createGuestSession(
  db: Db,
  {
    practiceId,
    boardId,
    participant,
    expiresAt,
  }: { practiceId: string; boardId: string; participant: Participant; expiresAt: Date },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken()
  const session = StoredGuestSession.parse({
    practiceId,
    boardId,
    participant,
    csrfToken: newToken(),
    expiresAt: epochSeconds(expiresAt),
  })
  await db.client.send(
    new PutCommand({
      TableName: db.table,
      Item: toItem(keys.guestSession(hashToken(token)), 'guestSession', session),
    }),
  )
  return { token, csrfToken: session.csrfToken }
}

/** The live guest session for a cookie token, or undefined (unknown or expired). */
export async function findGuestSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<GuestSession | undefined> {
  if (!token || token.length > maxTokenLength) return undefined
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.guestSession(hashToken(token)) }),
  )
  if (!Item) return undefined
  const session = fromItem(StoredGuestSession, Item)
  return session.expiresAt > epochSeconds(now) ? session : undefined
}
