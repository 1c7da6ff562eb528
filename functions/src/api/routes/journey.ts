import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { Invalid } from '../../domain/errors'
import {
  missingTouchpoint,
  practiceTextsMissing,
  PracticeJourney,
  standardTouchpoints,
} from '../../domain/journeys'
import type { Db } from '../../store/db'
import * as journeys from '../../store/journeys'
import * as surveys from '../../store/surveys'
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
  responses: { 200: jsonResponse(PracticeJourney, 'The journey'), ...problemResponses(401, 403) },
})

const putJourney = createRoute({
  method: 'put',
  path: '/journey',
  tags: ['Surveys'],
  summary: "Replace the practice's journey (rename, reorder or add touch points)",
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('surveys:manage')],
  request: jsonBody(PracticeJourney),
  responses: {
    200: jsonResponse(PracticeJourney, 'The journey as saved'),
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
    const { practice } = c.var.auth
    const untranslated = practiceTextsMissing(journey, practice.languages)
    if (untranslated.length) {
      throw new Invalid(
        'Each touch point needs its name and description in every language the practice offers.',
        untranslated[0]!.field,
        untranslated,
      )
    }
    const missing = missingTouchpoint(journey, await touchpointsInUse(c.var.db, practice.id))
    if (missing) {
      const standard = (standardTouchpoints as readonly string[]).includes(missing)
      throw new Invalid(
        standard
          ? `"${missing}" is one of the six standard touch points; rename it, but keep it.`
          : `A survey's questions measure "${missing}"; move them to another touch point first.`,
        'touchpoints',
      )
    }
    await journeys.put(c.var.db, practice.id, journey)
    return c.json(journey, 200)
  })

/** Touch points measured by a question of any survey still in use: its draft or its live version. */
async function touchpointsInUse(db: Db, practiceId: string): Promise<Set<string>> {
  const used = new Set<string>()
  const active = (await surveys.list(db, practiceId)).filter((s) => s.status !== 'archived')
  const live = await Promise.all(
    active.map((s) =>
      s.publishedVersion ? surveys.getVersion(db, practiceId, s.id, s.publishedVersion) : undefined,
    ),
  )
  for (const definition of [...active.map((s) => s.draft), ...live.map((v) => v?.definition)]) {
    for (const question of definition?.questions ?? []) {
      if (question.touchpoint) used.add(question.touchpoint)
    }
  }
  return used
}
