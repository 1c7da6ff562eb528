import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { createDemo } from '../../demo/create-demo'
import { Forbidden } from '../../domain/errors'
import type { AppEnv } from '../env'
import { perAddressLimit } from '../middleware/rate-limit'
import { problemResponses } from '../problem'
import { jsonResponse, Me } from '../schemas'
import { startSession } from '../start-session'

/**
 * The demo owner's sign-in, given once to the browser that made the demo, so that after signing
 * out it can offer "Back to the demo practice" (a made-up practice: nothing in it is real).
 */
const DemoCreated = Me.extend({
  demoSignIn: z.object({ email: z.string(), password: z.string() }),
})

const createDemoPractice = createRoute({
  method: 'post',
  path: '/demo',
  tags: ['Demo'],
  summary: 'Create a demo practice with six months of responses and sign in as its owner',
  description:
    'Each call makes a new practice ("Sunrise Dermatology (demo)") with its own ids, locations, ' +
    'providers, two published surveys and about 1,700 generated responses. Only where ALLOW_DEMO ' +
    'is on (the default locally; always off in AWS). Limited per client network.',
  middleware: [
    perAddressLimit('demo', (c) => c.var.deps.config.OPEN_DOOR_RATE_LIMIT, 'demo practices'),
  ],
  responses: {
    201: jsonResponse(DemoCreated, 'Created; the demo owner is signed in (session cookie set)'),
    ...problemResponses(403, 429),
  },
})

export const demoApi = new OpenAPIHono<AppEnv>().openapi(createDemoPractice, async (c) => {
  if (!c.var.deps.config.ALLOW_DEMO) {
    throw new Forbidden('Demo practices are turned off on this installation.')
  }
  const { demo, password, milliseconds } = await createDemo(c.var.db)
  c.var.log.info(
    { practiceId: demo.practice.id, responses: demo.responses.length, milliseconds },
    'demo practice created',
  )
  const me = await startSession(c, demo.practice, demo.owner)
  return c.json({ ...me, demoSignIn: { email: demo.owner.email, password } }, 201)
})
