import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { sameSecret } from '../../domain/constant-time'
import { Forbidden, SessionExpired, Unauthenticated } from '../../domain/errors'
import { can, type Ability } from '../../domain/roles'
import { sessionLimits, sessionStatus } from '../../domain/session-life'
import * as practices from '../../store/practices'
import * as sessions from '../../store/sessions'
import * as users from '../../store/users'
import type { Auth, AppEnv } from '../env'

export const sessionCookie = 'tp_session'
export const csrfHeader = 'x-csrf-token'
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const ended = () => new Unauthenticated('Your session has ended. Sign in again.')

// lastSeenAt is written at most this often: every request reads the session, few need to write.
const touchEverySeconds = 60

/**
 * The signed-in person behind a session cookie token, or an error saying why there is none: no
 * such session, a session ended by a password change or "sign out everywhere" (its epoch is
 * behind the person's), one idle longer than SESSION_IDLE_MINUTES or started more than
 * SESSION_MAX_HOURS ago (`session-expired`), or a person no longer in the practice.
 */
export async function resolveSession(c: Context<AppEnv>, token: string): Promise<Auth> {
  const now = new Date()
  const session = await sessions.find(c.var.db, token, now)
  if (!session) throw ended()
  const [practice, found] = await Promise.all([
    practices.get(c.var.db, session.practiceId),
    users.getForSession(c.var.db, session.practiceId, session.userId),
  ])
  // A removed person's sessions die with their user item.
  if (!practice || !found) throw ended()
  const seconds = Math.floor(now.getTime() / 1000)
  const status = sessionStatus(
    session,
    found.sessionEpoch,
    sessionLimits(c.var.deps.config),
    seconds,
  )
  if (status === 'ended') throw ended()
  if (status === 'expired') {
    await sessions.remove(c.var.db, token)
    throw new SessionExpired()
  }
  if (seconds - session.lastSeenAt >= touchEverySeconds) {
    await sessions.touch(c.var.db, token, { now })
  }
  return { practice, user: found.user, sessionToken: token, csrfToken: session.csrfToken }
}

/**
 * Requires a live session and loads who is signed in. Writes must also carry the session's CSRF
 * token in a header: a cross-site form can send the cookie but cannot read the token.
 */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookie)
    if (!token) throw new Unauthenticated()
    const auth = await resolveSession(c, token)
    if (unsafeMethods.has(c.req.method) && !sameSecret(c.req.header(csrfHeader), auth.csrfToken)) {
      throw new Forbidden(
        'The request is missing its CSRF token. Reload the page and try again.',
        csrfHeader,
      )
    }
    c.set('auth', auth)
    await next()
  }
}

/** Requires the signed-in person's role to allow the ability. Use after `requireSession`. */
export function requireAbility(ability: Ability): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!can(c.var.auth.user.role, ability)) {
      throw new Forbidden(`Your role (${c.var.auth.user.role}) cannot do this.`)
    }
    await next()
  }
}

export function setSessionCookie(c: Context<AppEnv>, token: string, ttlSeconds: number) {
  setCookie(c, sessionCookie, token, {
    httpOnly: true,
    secure: c.var.deps.config.COOKIE_SECURE,
    sameSite: 'Lax',
    path: '/',
    maxAge: ttlSeconds,
  })
}

export function clearSessionCookie(c: Context<AppEnv>) {
  deleteCookie(c, sessionCookie, { path: '/', secure: c.var.deps.config.COOKIE_SECURE })
}
