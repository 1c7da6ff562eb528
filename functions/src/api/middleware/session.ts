import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { Forbidden, Unauthenticated } from '../../domain/errors'
import { can, type Ability } from '../../domain/roles'
import * as practices from '../../store/practices'
import * as sessions from '../../store/sessions'
import * as users from '../../store/users'
import type { AppEnv } from '../env'

export const sessionCookie = 'tp_session'
export const csrfHeader = 'x-csrf-token'
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Requires a live session and loads who is signed in. Writes must also carry the session's CSRF
 * token in a header: a cross-site form can send the cookie but cannot read the token.
 */
export function requireSession(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, sessionCookie)
    if (!token) throw new Unauthenticated()
    const session = await sessions.find(c.var.db, token)
    if (!session) throw new Unauthenticated('Your session has ended. Sign in again.')
    const [practice, user] = await Promise.all([
      practices.get(c.var.db, session.practiceId),
      users.get(c.var.db, session.practiceId, session.userId),
    ])
    // A removed person's sessions die with their user item.
    if (!practice || !user) throw new Unauthenticated('Your session has ended. Sign in again.')
    if (unsafeMethods.has(c.req.method) && c.req.header(csrfHeader) !== session.csrfToken) {
      throw new Forbidden(
        'The request is missing its CSRF token. Reload the page and try again.',
        csrfHeader,
      )
    }
    c.set('auth', { practice, user, sessionToken: token, csrfToken: session.csrfToken })
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
