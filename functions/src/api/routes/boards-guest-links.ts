import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { Conflict, NotFound } from '../../domain/errors'
import { Id } from '../../domain/practice'
import * as boardAccessStore from '../../store/board-access'
import type { AppEnv } from '../env'
import { problemResponses } from '../problem'
import { publicOrigin } from '../public-origin'
import { jsonBody, jsonResponse } from '../schemas'
import { boardAccess, boardSecurity } from './boards-access'
import { GuestLink, GuestLinkBody, GuestLinkSummary } from './boards-schemas'

/**
 * A board's guest links: the facilitator makes one (its token is shown once, in the URL), lists
 * them (who made each, when, how many joined; never a token) and revokes one before it expires:
 * later joins are refused, and its guests' sessions and sockets end.
 */

const BoardId = z.object({ id: z.string().meta({ description: 'The board id (ULID)' }) })
const LinkParams = BoardId.extend({
  linkId: Id.meta({ description: 'The guest link id (ULID), from the list' }),
})

const facilitatorOnly = [boardAccess({ facilitatorOnly: true })]

const postGuestLink = createRoute({
  method: 'post',
  path: '/boards/{id}/guest-links',
  tags: ['Boards'],
  summary: 'A link that lets people without an account join this board until it expires',
  security: boardSecurity,
  middleware: facilitatorOnly,
  request: { params: BoardId, ...jsonBody(GuestLinkBody) },
  responses: {
    201: jsonResponse(GuestLink, 'The guest link'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
})

const listGuestLinks = createRoute({
  method: 'get',
  path: '/boards/{id}/guest-links',
  tags: ['Boards'],
  summary: "The board's guest links, oldest first (never their tokens)",
  security: boardSecurity,
  middleware: facilitatorOnly,
  request: { params: BoardId },
  responses: {
    200: jsonResponse(z.object({ items: z.array(GuestLinkSummary) }), 'The guest links'),
    ...problemResponses(400, 401, 403, 404),
  },
})

const revokeGuestLink = createRoute({
  method: 'delete',
  path: '/boards/{id}/guest-links/{linkId}',
  tags: ['Boards'],
  summary: 'Revoke a guest link: nobody joins by it again, and its guests are signed out',
  security: boardSecurity,
  middleware: facilitatorOnly,
  request: { params: LinkParams },
  responses: {
    204: { description: 'Revoked (revoking a revoked link changes nothing)' },
    ...problemResponses(400, 401, 403, 404),
  },
})

export const guestLinksApi = new OpenAPIHono<AppEnv>()
  .openapi(postGuestLink, async (c) => {
    const { hours } = c.req.valid('json')
    const { practiceId, board, participant } = c.var.boardAccess
    if (board.archived) {
      throw new Conflict('This board is archived. Restore it to invite guests.', 'board-archived')
    }
    const expiresAt = new Date(Date.now() + hours * 3600_000)
    const { token, linkId } = await boardAccessStore.createGuestLink(c.var.db, {
      practiceId,
      boardId: board.id,
      expiresAt,
      createdBy: participant,
    })
    const origin = publicOrigin(c).replace(/\/$/, '')
    return c.json(
      { id: linkId, url: `${origin}/guest#${token}`, expiresAt: expiresAt.toISOString() },
      201,
    )
  })
  .openapi(listGuestLinks, async (c) => {
    const { practiceId, board } = c.var.boardAccess
    const items = await boardAccessStore.listGuestLinks(c.var.db, practiceId, board.id)
    return c.json({ items }, 200)
  })
  .openapi(revokeGuestLink, async (c) => {
    const { linkId } = c.req.valid('param')
    const { practiceId, board } = c.var.boardAccess
    const revoked = await boardAccessStore.revokeGuestLink(c.var.db, {
      practiceId,
      boardId: board.id,
      linkId,
    })
    if (!revoked) throw new NotFound('guest link', linkId)
    await c.var.deps.boardHub?.revokeGuestLink(practiceId, board.id, linkId)
    return c.body(null, 204)
  })
