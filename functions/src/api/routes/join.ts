import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import { NotFound } from '../../domain/errors'
import { hashPassword } from '../../domain/passwords'
import * as invitations from '../../store/invitations'
import * as practices from '../../store/practices'
import type { AppEnv } from '../env'
import { perAddressLimit } from '../middleware/rate-limit'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, Me } from '../schemas'
import { startSession } from '../start-session'
import { JoinBody, JoinPreview, JoinPreviewBody } from './team-schemas'

const preview = createRoute({
  method: 'post',
  path: '/join/preview',
  tags: ['Team'],
  summary: 'What an invitation link opens: practice, e-mail and role',
  request: jsonBody(JoinPreviewBody),
  responses: {
    200: jsonResponse(JoinPreview, 'The invitation'),
    ...problemResponses(400, 404, 410),
  },
})

const join = createRoute({
  method: 'post',
  path: '/join',
  tags: ['Team'],
  summary: 'Accept an invitation: set a name and password and sign in',
  middleware: [
    perAddressLimit('join', (c) => c.var.deps.config.OPEN_DOOR_RATE_LIMIT, 'invitation answers'),
  ],
  request: jsonBody(JoinBody),
  responses: {
    201: jsonResponse(Me, 'Joined; the session cookie is set'),
    ...problemResponses(400, 404, 409, 410, 429),
  },
})

export const joinApi = new OpenAPIHono<AppEnv>()
  .openapi(preview, async (c) => {
    const { practiceId, invitation } = await invitations.findByToken(
      c.var.db,
      c.req.valid('json').token,
    )
    const practice = await practices.get(c.var.db, practiceId)
    if (!practice) throw new NotFound('invitation')
    return c.json(
      {
        practiceName: practice.name,
        email: invitation.email,
        role: invitation.role,
        expiresAt: invitation.expiresAt,
      },
      200,
    )
  })
  .openapi(join, async (c) => {
    const { token, name, password } = c.req.valid('json')
    const passwordHash = await hashPassword(password)
    const user = await invitations.accept(c.var.db, token, (practiceId, invitation) => ({
      user: {
        id: ulid(),
        practiceId,
        name,
        email: invitation.email,
        role: invitation.role,
        createdAt: new Date().toISOString(),
        aliases: [],
        featureOptOut: false,
      },
      passwordHash,
    }))
    const practice = await practices.get(c.var.db, user.practiceId)
    if (!practice) throw new NotFound('invitation')
    return c.json(await startSession(c, practice, user), 201)
  })
