import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { getCookie } from 'hono/cookie'
import { Invalid, Unauthenticated } from '../../domain/errors'
import { decoyHash, hashPassword, verifyPassword } from '../../domain/passwords'
import * as practices from '../../store/practices'
import * as sessions from '../../store/sessions'
import * as users from '../../store/users'
import { revokeBoardRights } from '../board-rights'
import type { AppEnv } from '../env'
import { clearSessionCookie, requireSession, sessionCookie } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, Me, sessionSecurity, toMe } from '../schemas'
import { reserveSignIn } from '../sign-in-guard'
import { startSession } from '../start-session'
import { ChangePassword, SignIn } from './session-schemas'

const signIn = createRoute({
  method: 'post',
  path: '/session',
  tags: ['Session'],
  summary: 'Sign in with e-mail and password',
  description:
    'Wrong passwords are limited per account and network (an IPv4 address or an IPv6 /64): past ' +
    'the limit that pair is answered 429 with Retry-After, while the right password still works ' +
    'from any other network. Repeated failures are e-mailed to the practice owners.',
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

const signOutEverywhere = createRoute({
  method: 'post',
  path: '/session/sign-out-everywhere',
  tags: ['Session'],
  summary: "End every one of the signed-in person's sessions, this one included",
  security: sessionSecurity,
  middleware: [requireSession()],
  responses: { 204: { description: 'Every session ended' }, ...problemResponses(401, 403) },
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

const changePassword = createRoute({
  method: 'post',
  path: '/me/password',
  tags: ['Session'],
  summary: 'Change your password; this session stays, every other one ends',
  security: sessionSecurity,
  middleware: [requireSession()],
  request: jsonBody(ChangePassword),
  responses: {
    204: { description: 'Changed; other sessions ended' },
    ...problemResponses(400, 401, 403),
  },
})

export const sessionApi = new OpenAPIHono<AppEnv>()
  .openapi(signIn, async (c) => {
    const { email, password } = c.req.valid('json')
    // Reserved before scrypt runs, so parallel guesses cannot all be checked.
    const attempt = await reserveSignIn(c, email)
    const user = await users.findForSignIn(c.var.db, email)
    // Hash even for unknown e-mails, so the answer's timing does not tell which accounts exist.
    const matches = await verifyPassword(password, user?.passwordHash ?? (await decoyHash))
    const practice = user && matches ? await practices.get(c.var.db, user.practiceId) : undefined
    if (!user || !matches || !practice) {
      await attempt.failed(user)
      throw new Unauthenticated('That e-mail and password do not match.')
    }
    await attempt.succeeded()
    const { passwordHash: _secret, sessionEpoch, ...publicUser } = user
    return c.json(await startSession(c, practice, publicUser, sessionEpoch), 200)
  })
  .openapi(signOut, async (c) => {
    const token = getCookie(c, sessionCookie)
    const ended = token ? await sessions.find(c.var.db, token) : undefined
    if (token) await sessions.remove(c.var.db, token)
    if (ended) await revokeBoardRights(c.var.deps, ended.practiceId, ended.userId)
    clearSessionCookie(c)
    return c.body(null, 204)
  })
  .openapi(signOutEverywhere, async (c) => {
    const { practice, user, sessionToken } = c.var.auth
    await users.endSessions(c.var.db, practice.id, user.id)
    await sessions.remove(c.var.db, sessionToken)
    await revokeBoardRights(c.var.deps, practice.id, user.id)
    clearSessionCookie(c)
    return c.body(null, 204)
  })
  .openapi(getMe, (c) => {
    const { practice, user, csrfToken } = c.var.auth
    return c.json(toMe(practice, user, csrfToken), 200)
  })
  .openapi(changePassword, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json')
    const { practice, user, sessionToken } = c.var.auth
    const stored = await users.passwordHashOf(c.var.db, practice.id, user.id)
    if (!stored || !(await verifyPassword(currentPassword, stored))) {
      throw new Invalid('That is not your current password.', 'currentPassword')
    }
    const passwordHash = await hashPassword(newPassword)
    const epoch = await users.endSessions(c.var.db, practice.id, user.id, { passwordHash })
    // This browser moves to the new epoch and stays signed in; every other session has ended.
    await sessions.touch(c.var.db, sessionToken, { epoch })
    await revokeBoardRights(c.var.deps, practice.id, user.id)
    return c.body(null, 204)
  })
