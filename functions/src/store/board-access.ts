import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb'
import { ulid } from 'ulid'
import { z } from 'zod'
import { Participant } from '../domain/boards/board'
import { Id, Role } from '../domain/practice'
import { can } from '../domain/roles'
import { sessionStatus, type SessionLimits } from '../domain/session-life'
import { hashToken, newToken } from '../domain/tokens'
import type { Credential, TicketGrant } from '../domain/boards/connections'
import type { Db } from './db'
import { epochSeconds, fromItem, isConditionFailure, toItem } from './items'
import * as keys from './keys'
import { queryEvery } from './query'
import * as sessions from './sessions'

/** The configured defaults (30 idle minutes, 12 hours), for callers that pass no limits. */
const defaultSessionLimits: SessionLimits = { idleMinutes: 30, maxHours: 12 }

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

const StoredCredential = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), sessionHash: z.string().min(1) }),
  z.object({
    kind: z.literal('guest'),
    sessionHash: z.string().min(1),
    linkId: Id.optional(),
  }),
])

const StoredTicket = z.object({
  practiceId: Id,
  boardId: Id,
  participant: Participant,
  facilitator: z.boolean(),
  credential: StoredCredential.optional(),
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
  /** Absent on links made before links were listed (they cannot be revoked one by one). */
  linkId: Id.optional(),
  /** When the link stops working (`expiresAt` is the table's TTL, a week later). */
  validUntil: z.iso.datetime(),
})
export interface GuestLink {
  practiceId: string
  boardId: string
  linkId: string | undefined
  /** When the link stops admitting guests. */
  expiresAt: string
  /** Set once the facilitator revoked it: joins are refused. */
  revokedAt: string | null
}

/** What the share panel lists of a link: never its token. */
const ListedGuestLink = z.object({
  id: Id,
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  createdBy: Participant,
  /** Guests who joined by it. */
  joined: z.number().int().min(0).default(0),
  revokedAt: z.iso.datetime().nullable().default(null),
})
export type ListedGuestLink = z.infer<typeof ListedGuestLink>

/**
 * A link that lets anyone holding it join one board as a guest until `expiresAt`; answers its
 * token (handed out once) and its id (what the share panel lists and revokes). The token item and
 * the board's list item are written together.
 */
export async function createGuestLink(
  db: Db,
  {
    practiceId,
    boardId,
    expiresAt,
    createdBy,
    now = new Date(),
  }: {
    practiceId: string
    boardId: string
    expiresAt: Date
    createdBy: Participant
    now?: Date
  },
): Promise<{ token: string; linkId: string }> {
  const token = newToken()
  const linkId = ulid()
  const link = StoredGuestLink.parse({
    practiceId,
    boardId,
    linkId,
    validUntil: expiresAt.toISOString(),
  })
  const listed = ListedGuestLink.parse({
    id: linkId,
    createdAt: now.toISOString(),
    expiresAt: expiresAt.toISOString(),
    createdBy,
    joined: 0,
    revokedAt: null,
  })
  const ttl = epochSeconds(expiresAt) + expiredLinkKeptSeconds
  await db.client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: db.table,
            Item: toItem(keys.guestLink(hashToken(token)), 'guestLink', {
              ...link,
              expiresAt: ttl,
            }),
          },
        },
        {
          Put: {
            TableName: db.table,
            // Without `revokedAt` until revoked: the revoke keeps the first time it was set.
            Item: toItem(keys.boardGuestLink(practiceId, boardId, linkId), 'boardGuestLink', {
              ...withoutRevoked(listed),
              ttl,
            }),
          },
        },
      ],
    }),
  )
  return { token, linkId }
}

/** The link for a token, expired or revoked or not (the caller tells the guest which). */
export async function findGuestLink(db: Db, token: string): Promise<GuestLink | undefined> {
  if (!token || token.length > maxTokenLength) return undefined
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.guestLink(hashToken(token)) }),
  )
  if (!Item) return undefined
  const { practiceId, boardId, validUntil, linkId } = fromItem(StoredGuestLink, Item)
  const listed = linkId ? await getListedLink(db, practiceId, boardId, linkId) : undefined
  return {
    practiceId,
    boardId,
    linkId,
    expiresAt: validUntil,
    revokedAt: listed?.revokedAt ?? null,
  }
}

/** A board's guest links, oldest first (ids are ULIDs). */
export async function listGuestLinks(
  db: Db,
  practiceId: string,
  boardId: string,
): Promise<ListedGuestLink[]> {
  const items = await queryEvery(db, {
    KeyConditionExpression: 'pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.boardGuestLinks(practiceId, boardId) },
  })
  return items.map((item) => fromItem(ListedGuestLink, withoutTtl(item)))
}

/**
 * Revoke one of the board's links: later joins are refused, and the sessions of guests who came
 * by it stop working (they are checked against it). False when the board has no such link.
 */
export async function revokeGuestLink(
  db: Db,
  {
    practiceId,
    boardId,
    linkId,
    now = new Date(),
  }: {
    practiceId: string
    boardId: string
    linkId: string
    now?: Date
  },
): Promise<boolean> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.boardGuestLink(practiceId, boardId, linkId),
        UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :now)',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':now': now.toISOString() },
      }),
    )
    return true
  } catch (err) {
    if (isConditionFailure(err)) return false
    throw err
  }
}

/** Count a guest who joined by the link (the share panel shows how many did). */
export async function countJoin(
  db: Db,
  { practiceId, boardId, linkId }: { practiceId: string; boardId: string; linkId: string },
): Promise<void> {
  try {
    await db.client.send(
      new UpdateCommand({
        TableName: db.table,
        Key: keys.boardGuestLink(practiceId, boardId, linkId),
        UpdateExpression: 'ADD joined :one',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':one': 1 },
      }),
    )
  } catch (err) {
    if (!isConditionFailure(err)) throw err
  }
}

async function getListedLink(db: Db, practiceId: string, boardId: string, linkId: string) {
  const { Item } = await db.client.send(
    new GetCommand({
      TableName: db.table,
      Key: keys.boardGuestLink(practiceId, boardId, linkId),
      ConsistentRead: true,
    }),
  )
  return Item ? fromItem(ListedGuestLink, withoutTtl(Item)) : undefined
}

function withoutRevoked({ revokedAt: _revokedAt, ...link }: ListedGuestLink) {
  return link
}

function withoutTtl({ ttl: _ttl, ...item }: Record<string, unknown>) {
  return item
}

const StoredGuestSession = z.object({
  practiceId: Id,
  boardId: Id,
  /** The link the guest came by: revoking it ends this session. */
  linkId: Id.optional(),
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
    linkId,
  }: {
    practiceId: string
    boardId: string
    participant: Participant
    expiresAt: Date
    linkId?: string | undefined
  },
): Promise<{ token: string; csrfToken: string }> {
  const token = newToken()
  const session = StoredGuestSession.parse({
    practiceId,
    boardId,
    linkId,
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

/** The live guest session for a cookie token, or undefined (unknown, expired or revoked). */
export async function findGuestSession(
  db: Db,
  token: string,
  now = new Date(),
): Promise<GuestSession | undefined> {
  if (!token || token.length > maxTokenLength) return undefined
  return guestSessionByHash(db, hashToken(token), now)
}

async function guestSessionByHash(db: Db, sessionHash: string, now: Date) {
  const { Item } = await db.client.send(
    new GetCommand({ TableName: db.table, Key: keys.guestSession(sessionHash) }),
  )
  if (!Item) return undefined
  const session = fromItem(StoredGuestSession, Item)
  if (session.expiresAt <= epochSeconds(now)) return undefined
  if (session.linkId) {
    const link = await getListedLink(db, session.practiceId, session.boardId, session.linkId)
    if (!link || link.revokedAt) return undefined
  }
  return session
}

const StaffUser = z.object({ role: Role, sessionEpoch: z.number().int().default(0) })

/**
 * What a socket's credential grants now: the socket's facilitator flag as a ticket would decide
 * it today, or undefined when its session ended (signed out, expired, the person removed or no
 * longer allowed on boards, the guest link revoked). The hub asks before writes, so a session
 * that ends without any event reaching the hub still ends the socket's rights.
 *
 * @example
 * const rights = await currentRights(db, connection, connection.credential)
 * if (!rights) close(connection)
 */
export async function currentRights(
  db: Db,
  on: { practiceId: string; boardId: string; participant: Participant },
  credential: Credential,
  now = new Date(),
  {
    limits = defaultSessionLimits,
    active = false,
  }: { limits?: SessionLimits; active?: boolean } = {},
): Promise<{ facilitator: boolean } | undefined> {
  if (credential.kind === 'guest') {
    const session = await guestSessionByHash(db, credential.sessionHash, now)
    const same =
      session?.practiceId === on.practiceId &&
      session.boardId === on.boardId &&
      session.participant.id === on.participant.id
    return same ? { facilitator: false } : undefined
  }
  const session = await sessions.findByHash(db, credential.sessionHash, now, { consistent: true })
  if (!session) return undefined
  if (session.practiceId !== on.practiceId || `u_${session.userId}` !== on.participant.id) {
    return undefined
  }
  const [user, board] = await Promise.all([
    db.client.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.user(session.practiceId, session.userId),
        ConsistentRead: true,
      }),
    ),
    db.client.send(
      new GetCommand({
        TableName: db.table,
        Key: keys.board(on.practiceId, on.boardId),
        ConsistentRead: true,
      }),
    ),
  ])
  if (!user.Item || !board.Item) return undefined
  const { role, sessionEpoch } = StaffUser.parse(user.Item)
  const nowSeconds = epochSeconds(now)
  if (sessionStatus(session, sessionEpoch, limits, nowSeconds) !== 'live') return undefined
  // A write on the board is activity, as an HTTP request is: a busy meeting never idles out.
  if (active && nowSeconds - session.lastSeenAt >= 60) {
    await sessions.touchByHash(db, credential.sessionHash, now)
  }
  if (!can(role, 'practice:read')) return undefined
  const facilitatorId = (board.Item as { facilitatorId?: unknown }).facilitatorId
  return { facilitator: facilitatorId === on.participant.id || can(role, 'boards:facilitate') }
}
