import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { agendas } from '../../../../workshops'
import { agendaIn, AgendaItemKind } from '../../domain/agendas'
import { Language } from '../../domain/practice'
import { Slug } from '../../domain/surveys'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'

/**
 * The meeting agendas of `workshops/agendas/`, for meeting mode (`/meeting`). Like the canvases,
 * they come in one language, so the page shows what the room reads and nothing else.
 */

/** An agenda with its text in one language and its total minutes. */
export const AgendaView = z
  .object({
    id: Slug,
    title: z.string(),
    description: z.string(),
    minutes: z.number().int(),
    items: z.array(
      z.object({
        id: Slug,
        kind: AgendaItemKind,
        title: z.string(),
        minutes: z.number().int(),
        prompts: z.array(z.string()),
      }),
    ),
  })
  .meta({ id: 'Agenda' })

const listAgendas = createRoute({
  method: 'get',
  path: '/agendas',
  tags: ['Meetings'],
  summary: 'The meeting agendas, the weekly staff meeting first, in one language',
  description: "`language` defaults to the practice's first language.",
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:read')],
  request: { query: z.object({ language: Language.optional() }) },
  responses: {
    200: jsonResponse(z.object({ items: z.array(AgendaView) }), 'Every agenda'),
    ...problemResponses(400, 401, 403),
  },
})

export const agendasApi = new OpenAPIHono<AppEnv>().openapi(listAgendas, (c) => {
  const language = c.req.valid('query').language ?? c.var.auth.practice.languages[0] ?? 'en'
  return c.json({ items: agendas.map((agenda) => agendaIn(agenda, language)) }, 200)
})
