import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { minPasswordLength } from '../../domain/practice'
import type { AppEnv } from '../env'
import { perAddressLimit } from '../middleware/rate-limit'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse } from '../schemas'
import { newPasswordStrength } from '../strong-password'
import { PasswordCheck, PasswordCheckBody } from './password-check-schemas'

const checkPassword = createRoute({
  method: 'post',
  path: '/password-check',
  tags: ['Session'],
  summary: 'Say whether a new password would be accepted, and why not, while it is typed',
  description:
    'By the same rule as sign-up, joining, resetting and changing a password (at least ' +
    `${minPasswordLength} characters; zxcvbn score 3 or more against common passwords, the ` +
    "service's name and `userWords`). No session needed; limited per client network " +
    '(PASSWORD_CHECK_RATE_LIMIT a minute, 60 unless set, counted apart from sign-ups). Advice ' +
    'only: the form still relies on the answer at submit. The body is never logged or stored.',
  // Its own count and its own size: a person typing must never use up the sign-up they are typing
  // for, and the page asks at every pause in typing, far more often than anyone signs up.
  middleware: [
    perAddressLimit(
      'password-check',
      (c) => c.var.deps.config.PASSWORD_CHECK_RATE_LIMIT,
      'password checks',
    ),
  ],
  request: jsonBody(PasswordCheckBody),
  responses: {
    200: jsonResponse(PasswordCheck, 'Whether it would be accepted, its score, and why not'),
    ...problemResponses(400, 429),
  },
})

export const passwordCheckApi = new OpenAPIHono<AppEnv>().openapi(checkPassword, async (c) => {
  const { password, userWords = [] } = c.req.valid('json')
  const { score, reason } = await newPasswordStrength(password, userWords)
  // The length rule first, in the words the form's own check uses at submit.
  const tooShort = password.length < minPasswordLength && password.trim() !== ''
  const why = tooShort ? `Use at least ${minPasswordLength} characters` : reason
  return c.json(why ? { acceptable: false, score, reason: why } : { acceptable: true, score }, 200)
})
