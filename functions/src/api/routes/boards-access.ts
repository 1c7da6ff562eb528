import type { Context, MiddlewareHandler } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { Participant } from '../../domain/boards/board'
import type { Credential } from '../../domain/boards/connections'
import { sameSecret } from '../../domain/constant-time'
import { DomainError, Forbidden, Invalid, NotFound, Unauthenticated } from '../../domain/errors'
import { Id, type User } from '../../domain/practice'
import { can } from '../../domain/roles'
import { hashToken } from '../../domain/tokens'
import * as boardAccessStore from '../../store/board-access'
import * as boards from '../../store/boards'
import type { AppEnv, Auth, BoardAccess } from '../env'
import { csrfHeader, resolveSession, sessionCookie } from '../middleware/session'

/** The cookie of a guest's session on one board, set by `POST /api/guest/join`. */
export const guestCookie = 'tp_guest'
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Route security for board routes: a staff session or a guest session of this board. */
export const boardSecurity: Record<string, string[]>[] = [{ session: [] }, { guest: [] }]

/** A staff member as they appear on boards: `u_<user id>`, the name cut to a note's 60 characters. */
export function staffParticipant(user: Pick<User, 'id' | 'name'>): Participant {
  return { id: `u_${user.id}`, name: user.name.slice(0, 60), kind: 'staff' }
}

export interface BoardAccessOptions {
  /** Staff of the board's practice only (guests are refused). */
  staffOnly?: boolean
  /** The board's facilitator, or an owner or manager, only. */
  facilitatorOnly?: boolean
}

/**
 * Lets in a staff member of the board's practice or a guest whose session is for exactly this
 * board, and sets `c.var.boardAccess` (and `c.var.auth` for staff). The board is looked up in the
 * caller's own practice, so another practice's board id is simply not found. Writes must carry
 * the caller's CSRF token. Runs before the route's validators (zod-openapi puts route middleware
 * first), so it checks the id's shape itself.
 */
export function boardAccess(options: BoardAccessOptions = {}): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const [staff, guest] = await Promise.all([staffSession(c), guestSession(c)])
    if (!staff && !guest) throw new Unauthenticated()
    const boardId = c.req.param('id') ?? ''
    if (!Id.safeParse(boardId).success) throw new Invalid('Expected a board id (ULID).', 'id')

    let access: BoardAccess | undefined
    if (staff) {
      const board = await boards.get(c.var.db, staff.practice.id, boardId)
      if (board) {
        const participant = staffParticipant(staff.user)
        access = {
          practiceId: staff.practice.id,
          board,
          participant,
          facilitator:
            board.facilitatorId === participant.id || can(staff.user.role, 'boards:facilitate'),
          csrfToken: staff.csrfToken,
          auth: staff,
        }
      }
    }
    if (!access && guest && guest.boardId === boardId) {
      const board = await boards.get(c.var.db, guest.practiceId, boardId)
      if (board) {
        access = {
          practiceId: guest.practiceId,
          board,
          participant: guest.participant,
          facilitator: false,
          csrfToken: guest.csrfToken,
          auth: undefined,
          guestLinkId: guest.linkId,
        }
      }
    }
    if (!access) throw new NotFound('board', boardId)
    if (
      unsafeMethods.has(c.req.method) &&
      !sameSecret(c.req.header(csrfHeader), access.csrfToken)
    ) {
      throw new Forbidden(
        'The request is missing its CSRF token. Reload the page and try again.',
        csrfHeader,
      )
    }
    if (options.staffOnly && !access.auth) {
      throw new Forbidden('Guests cannot do this; ask the facilitator.')
    }
    if (options.facilitatorOnly && !access.facilitator) {
      throw new Forbidden('Only the facilitator can do this.')
    }
    c.set('boardAccess', access)
    if (access.auth) c.set('auth', access.auth)
    await next()
  }
}

/**
 * The session a board socket rests on, for its ticket: the hub checks it again later, so the
 * socket's rights end with it. Only the token's hash leaves here.
 *
 * @example
 * const grant = { ...grantOf(access), credential: socketCredential(c, c.var.boardAccess) }
 */
export function socketCredential(c: Context<AppEnv>, access: BoardAccess): Credential | undefined {
  if (access.auth) return { kind: 'staff', sessionHash: hashToken(access.auth.sessionToken) }
  const token = getCookie(c, guestCookie)
  if (!token) return undefined
  return { kind: 'guest', sessionHash: hashToken(token), linkId: access.guestLinkId }
}

/** The staff session of the cookie, if live; like `requireSession` but without refusing. */
async function staffSession(c: Context<AppEnv>): Promise<Auth | undefined> {
  const token = getCookie(c, sessionCookie)
  if (!token) return undefined
  // Ended, expired or revoked sessions are refused exactly as on every other staff route.
  const auth = await resolveSession(c, token).catch((err: unknown) => {
    if (err instanceof DomainError && err.status === 401) return undefined
    throw err
  })
  return auth && can(auth.user.role, 'practice:read') ? auth : undefined
}

async function guestSession(c: Context<AppEnv>) {
  const token = getCookie(c, guestCookie)
  return token ? boardAccessStore.findGuestSession(c.var.db, token) : undefined
}

export function setGuestCookie(c: Context<AppEnv>, token: string, expiresAt: Date) {
  setCookie(c, guestCookie, token, {
    httpOnly: true,
    secure: c.var.deps.config.COOKIE_SECURE,
    sameSite: 'Lax',
    path: '/',
    maxAge: Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000)),
  })
}
