import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import { hashPassword } from '../../domain/passwords'
import { Practice, type User } from '../../domain/practice'
import * as practices from '../../store/practices'
import type { AppEnv } from '../env'
import { perAddressLimit } from '../middleware/rate-limit'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, Me, sessionSecurity } from '../schemas'
import { startSession } from '../start-session'
import { NewPractice, PracticeChanges } from './practices-schemas'

const createPractice = createRoute({
  method: 'post',
  path: '/practices',
  tags: ['Practice'],
  summary: 'Create a practice and sign in as its owner',
  description:
    'Open to anyone while the installation has no practice; after that only where ALLOW_SIGNUP ' +
    'is on (the default locally, off in AWS): otherwise 403. Limited per client network.',
  middleware: [
    perAddressLimit('signup', (c) => c.var.deps.config.OPEN_DOOR_RATE_LIMIT, 'sign-ups'),
  ],
  request: jsonBody(NewPractice),
  responses: {
    201: jsonResponse(Me, 'Created; the owner is signed in (session cookie set)'),
    ...problemResponses(400, 403, 409, 429),
  },
})

const updatePractice = createRoute({
  method: 'patch',
  path: '/practice',
  tags: ['Practice'],
  summary: "Change the practice's settings",
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:manage')],
  request: jsonBody(PracticeChanges),
  responses: {
    200: jsonResponse(Practice, 'The practice as saved'),
    ...problemResponses(400, 401, 403),
  },
})

export const practicesApi = new OpenAPIHono<AppEnv>()
  .openapi(createPractice, async (c) => {
    const body = c.req.valid('json')
    const now = new Date().toISOString()
    const practice: Practice = {
      id: ulid(),
      name: body.practiceName,
      specialty: body.specialty,
      timeZone: body.timeZone,
      languages: ['en'],
      reviewLinks: [],
      minimumResponses: 30,
      createdAt: now,
    }
    const owner: User = {
      id: ulid(),
      practiceId: practice.id,
      name: body.ownerName,
      email: body.email,
      role: 'owner',
      createdAt: now,
      aliases: [],
      featureOptOut: false,
    }
    await practices.create(c.var.db, {
      practice,
      owner,
      passwordHash: await hashPassword(body.password),
      onlyIfFirst: !c.var.deps.config.ALLOW_SIGNUP,
    })
    return c.json(await startSession(c, practice, owner), 201)
  })
  .openapi(updatePractice, async (c) => {
    const practice = await practices.update(c.var.db, c.var.auth.practice.id, c.req.valid('json'))
    return c.json(practice, 200)
  })
