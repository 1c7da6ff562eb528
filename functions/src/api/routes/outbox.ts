import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { NotFound } from '../../domain/errors'
import * as outbox from '../../store/outbox'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'

const getOutbox = createRoute({
  method: 'get',
  path: '/outbox',
  tags: ['Outbox'],
  summary: 'E-mails kept instead of sent, when running locally (MAIL_MODE=outbox)',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('outbox:read')],
  responses: {
    200: jsonResponse(z.object({ items: z.array(outbox.OutboxMessage) }), 'Newest first'),
    ...problemResponses(401, 403, 404),
  },
})

export const outboxApi = new OpenAPIHono<AppEnv>().openapi(getOutbox, async (c) => {
  if (c.var.deps.mailer.mode !== 'outbox') throw new NotFound('outbox')
  return c.json({ items: await outbox.list(c.var.db, c.var.auth.practice.id) }, 200)
})
