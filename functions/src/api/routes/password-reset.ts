import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { hashPassword } from '../../domain/passwords'
import { countOf } from '../../domain/plural'
import * as passwordResets from '../../store/password-resets'
import * as users from '../../store/users'
import { revokeBoardRights } from '../board-rights'
import type { AppEnv } from '../env'
import { perAddressLimit } from '../middleware/rate-limit'
import { problemResponses } from '../problem'
import { publicOrigin } from '../public-origin'
import { jsonBody, jsonResponse } from '../schemas'
import {
  PasswordResetConfirm,
  PasswordResetRequest,
  PasswordResetRequested,
} from './session-schemas'

const openDoorLimit = perAddressLimit(
  'password-reset',
  (c) => c.var.deps.config.OPEN_DOOR_RATE_LIMIT,
  'password-reset requests',
)

const requestReset = createRoute({
  method: 'post',
  path: '/password-reset',
  tags: ['Session'],
  summary: 'E-mail a single-use password-reset link, if the address has an account',
  description:
    'Always 202 with the same body, so the answer does not tell whether an account exists. ' +
    'The link works once, for PASSWORD_RESET_MINUTES (30 by default).',
  middleware: [openDoorLimit],
  request: jsonBody(PasswordResetRequest),
  responses: {
    202: jsonResponse(PasswordResetRequested, 'Sent if the address has an account'),
    ...problemResponses(400, 429),
  },
})

const confirmReset = createRoute({
  method: 'post',
  path: '/password-reset/confirm',
  tags: ['Session'],
  summary: "Set a new password from a reset link; every one of the person's sessions ends",
  middleware: [openDoorLimit],
  request: jsonBody(PasswordResetConfirm),
  responses: {
    204: { description: 'Password set; sign in with it' },
    ...problemResponses(400, 410, 429),
  },
})

export const passwordResetApi = new OpenAPIHono<AppEnv>()
  .openapi(requestReset, async (c) => {
    const { email } = c.req.valid('json')
    const user = await users.findForSignIn(c.var.db, email)
    if (user) {
      const minutes = c.var.deps.config.PASSWORD_RESET_MINUTES
      const { token } = await passwordResets.create(c.var.db, {
        practiceId: user.practiceId,
        userId: user.id,
        ttlSeconds: minutes * 60,
      })
      // In the fragment, as join links are: it never reaches a server log or a Referer.
      const link = `${publicOrigin(c)}/reset-password#token=${token}`
      await c.var.deps.mailer.send({
        practiceId: user.practiceId,
        to: user.email,
        subject: 'Reset your Touchpoint password',
        text:
          `Hello ${user.name},\n\nSomeone (we hope you) asked to reset the password of your ` +
          `Touchpoint account. Open this link within ${countOf(minutes, 'minute')} to choose a new one; it ` +
          `works once:\n\n${link}\n\nChoosing a new password signs you out everywhere. If you ` +
          `did not ask, ignore this e-mail: your password stays as it is.\n`,
        link,
      })
    }
    return c.json({ status: 'sent-if-known' as const }, 202)
  })
  .openapi(confirmReset, async (c) => {
    const { token, password } = c.req.valid('json')
    const passwordHash = await hashPassword(password)
    const { practiceId, userId } = await passwordResets.spend(c.var.db, token, passwordHash)
    await revokeBoardRights(c.var.deps, practiceId, userId)
    c.var.log.info({ practiceId, userId }, 'password reset')
    return c.body(null, 204)
  })
