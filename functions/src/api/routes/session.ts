import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { getCookie } from 'hono/cookie'
import { TooManyRequests, Unauthenticated } from '../../domain/errors'
import { decoyHash, verifyPassword } from '../../domain/passwords'
import { hashToken } from '../../domain/tokens'
import * as practices from '../../store/practices'
import * as sessions from '../../store/sessions'
import * as throttle from '../../store/throttle'
import * as users from '../../store/users'
import type { AppEnv } from '../env'
import { clearSessionCookie, requireSession, sessionCookie } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, Me, sessionSecurity, toMe } from '../schemas'
import { startSession } from '../start-session'
import { revokeBoardRights } from '../board-rights'
import { SignIn } from './session-schemas'

// Failed sign-ins allowed per window: per account (stops guessing one password) and per address
// (stops one machine spraying many accounts). A success does not reset them; windows are short.
const windowSeconds = 15 * 60
const perEmail = 10
const perAddress = 100

const signIn = createRoute({
  method: 'post',
  path: '/session',
  tags: ['Session'],
  summary: 'Sign in with e-mail and password',
  request: jsonBody(SignIn),
  responses: {
    200: jsonResponse(Me, 'Signed in; the session cookie is set'),
    ...problemResponses(400, 401, 429),
  },
})

const signOut = createRoute({
  method: 'delete',
  path: '/session',
  tags: ['Session'],
  summary: 'Sign out (ends the session and clears its cookie)',
  responses: { 204: { description: 'Signed out' } },
})

const getMe = createRoute({
  method: 'get',
  path: '/me',
  tags: ['Session'],
  summary: 'Who is signed in, their role and practice',
  security: sessionSecurity,
  middleware: [requireSession()],
  responses: { 200: jsonResponse(Me, 'The signed-in person'), ...problemResponses(401) },
})

export const sessionApi = new OpenAPIHono<AppEnv>()
  .openapi(signIn, async (c) => {
    const { email, password } = c.req.valid('json')
    const address = c.var.deps.clientAddress?.(c) ?? 'unknown'
    const limits = [
      { scope: 'signin-email', subject: hashToken(email), max: perEmail, windowSeconds },
      { scope: 'signin-address', subject: address, max: perAddress, windowSeconds },
    ]
    const wait = await throttle.check(c.var.db, limits)
    if (wait > 0) {
      c.header('retry-after', String(wait))
      throw new TooManyRequests(
        `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.`,
        wait,
      )
    }
    const user = await users.findForSignIn(c.var.db, email)
    // Hash even for unknown e-mails, so the answer's timing does not tell which accounts exist.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash))
    const practice = user && matches ? await practices.get(c.var.db, user.practiceId) : undefined
    if (!user || !matches || !practice) {
      await throttle.record(c.var.db, limits)
      throw new Unauthenticated('That e-mail and password do not match.')
    }
    const { passwordHash: _secret, ...publicUser } = user
    return c.json(await startSession(c, practice, publicUser), 200)
  })
  .openapi(signOut, async (c) => {
    const token = getCookie(c, sessionCookie)
    const ended = token ? await sessions.find(c.var.db, token) : undefined
    if (token) await sessions.remove(c.var.db, token)
    if (ended) await revokeBoardRights(c.var.deps, ended.practiceId, ended.userId)
    clearSessionCookie(c)
    return c.body(null, 204)
  })
  .openapi(getMe, (c) => {
    const { practice, user, csrfToken } = c.var.auth
    return c.json(toMe(practice, user, csrfToken), 200)
  })
