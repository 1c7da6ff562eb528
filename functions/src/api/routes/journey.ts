import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { Journey } from '../../domain/journeys'
import * as journeys from '../../store/journeys'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'

const getJourney = createRoute({
  method: 'get',
  path: '/journey',
  tags: ['Surveys'],
  summary: "The practice's patient journey: its touch points in order",
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:read')],
  responses: { 200: jsonResponse(Journey, 'The journey'), ...problemResponses(401, 403) },
})

const putJourney = createRoute({
  method: 'put',
  path: '/journey',
  tags: ['Surveys'],
  summary: "Replace the practice's journey (rename, reorder or add touch points)",
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('surveys:manage')],
  request: jsonBody(Journey),
  responses: {
    200: jsonResponse(Journey, 'The journey as saved'),
    ...problemResponses(400, 401, 403),
  },
})

export const journeyApi = new OpenAPIHono<AppEnv>()
  .openapi(getJourney, async (c) => {
    const { practice } = c.var.auth
    return c.json(await journeys.get(c.var.db, practice.id, practice.specialty), 200)
  })
  .openapi(putJourney, async (c) => {
    const journey = c.req.valid('json')
    await journeys.put(c.var.db, c.var.auth.practice.id, journey)
    return c.json(journey, 200)
  })
