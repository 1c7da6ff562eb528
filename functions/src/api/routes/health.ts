import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { Unavailable } from '../../domain/errors'
import * as health from '../../store/health'
import type { AppEnv } from '../env'
import { problemResponses } from '../problem'
import { jsonResponse } from '../schemas'

const getHealth = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Health'],
  summary: 'Answers 200 when the API and its table answer',
  responses: {
    200: jsonResponse(z.object({ status: z.literal('ok') }), 'The table answered'),
    ...problemResponses(503),
  },
})

export const healthApi = new OpenAPIHono<AppEnv>().openapi(getHealth, async (c) => {
  try {
    await health.ping(c.var.db)
  } catch (err) {
    c.var.log.error({ err: { name: (err as Error).name } }, 'table did not answer')
    throw new Unavailable('The database did not answer.')
  }
  return c.json({ status: 'ok' as const }, 200)
})
