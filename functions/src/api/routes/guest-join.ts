import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import type { Participant } from '../../domain/boards/board'
import { Gone, NotFound } from '../../domain/errors'
import * as boardAccessStore from '../../store/board-access'
import * as boards from '../../store/boards'
import type { AppEnv } from '../env'
import { perAddressLimit } from '../middleware/rate-limit'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse } from '../schemas'
import { setGuestCookie } from './boards-access'
import { GuestJoin, GuestJoinBody } from './boards-schemas'

const joinBoard = createRoute({
  method: 'post',
  path: '/guest/join',
  tags: ['Boards'],
  summary: 'Join a board from a guest link; sets the guest cookie for that board alone',
  middleware: [
    perAddressLimit('guest-join', (c) => c.var.deps.config.OPEN_DOOR_RATE_LIMIT, 'guest joins'),
  ],
  request: jsonBody(GuestJoinBody),
  responses: {
    201: jsonResponse(GuestJoin, 'Joined; the tp_guest cookie is set until the link expires'),
    ...problemResponses(400, 404, 410, 429),
  },
})

export const guestJoinApi = new OpenAPIHono<AppEnv>().openapi(joinBoard, async (c) => {
  const { token, name } = c.req.valid('json')
  const link = await boardAccessStore.findGuestLink(c.var.db, token)
  if (!link) throw new NotFound('guest link')
  const expiresAt = new Date(link.expiresAt)
  if (expiresAt.getTime() <= Date.now()) {
    throw new Gone('This link has expired. Ask the facilitator for a new one.', 'token')
  }
  if (link.revokedAt) {
    throw new Gone('This link was revoked. Ask the facilitator for a new one.', 'token')
  }
  const board = await boards.get(c.var.db, link.practiceId, link.boardId)
  if (!board) throw new NotFound('board')
  if (board.archived) throw new Gone('This board has been archived.', 'token')
  const participant: Participant = { id: `g_${ulid()}`, name, kind: 'guest' }
  const session = await boardAccessStore.createGuestSession(c.var.db, {
    practiceId: link.practiceId,
    boardId: board.id,
    participant,
    expiresAt,
    linkId: link.linkId,
  })
  if (link.linkId) {
    await boardAccessStore.countJoin(c.var.db, { ...link, linkId: link.linkId })
  }
  setGuestCookie(c, session.token, expiresAt)
  return c.json({ boardId: board.id, participant, csrfToken: session.csrfToken }, 201)
})
