import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { Action } from '../../domain/boards/board'
import { Id } from '../../domain/practice'
import * as boardActions from '../../store/board-actions'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'

/**
 * The follow-up actions decided in workshops, across the practice's boards: what the staff meeting
 * goes through ("done, on track, or stuck?"). Each board still changes its actions on its socket.
 */

export const BoardActions = z
  .object({
    items: z.array(
      z.object({
        board: z.object({ id: Id, title: z.string() }),
        action: Action,
      }),
    ),
  })
  .meta({ id: 'BoardActions' })

const listBoardActions = createRoute({
  method: 'get',
  path: '/board-actions',
  tags: ['Boards'],
  summary: "Follow-up actions on the practice's active boards, the soonest due first",
  description:
    'Open ones unless `status=done`. Archived boards are read-only, so their actions are left out.',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:read')],
  request: { query: z.object({ status: Action.shape.status.default('open') }) },
  responses: {
    200: jsonResponse(BoardActions, 'Actions with their boards'),
    ...problemResponses(400, 401, 403),
  },
})

export const boardActionsApi = new OpenAPIHono<AppEnv>().openapi(listBoardActions, async (c) => {
  const { status } = c.req.valid('query')
  const items = await boardActions.list(c.var.db, c.var.auth.practice.id, status)
  return c.json({ items }, 200)
})
