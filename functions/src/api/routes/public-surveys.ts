import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { Gone, NotFound } from '../../domain/errors'
import { Id } from '../../domain/practice'
import { servedQuestions } from '../../domain/surveys-serving'
import { acceptSubmission, surveyClosed } from '../../ingest/survey-submission'
import * as practices from '../../store/practices'
import * as providers from '../../store/providers'
import * as surveys from '../../store/surveys'
import type { AppEnv } from '../env'
import { perAddressLimit } from '../middleware/rate-limit'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse } from '../schemas'
import { PublicSurvey, Receipt, Submission } from './public-surveys-schemas'

const params = z.object({ id: Id })

const getPublicSurvey = createRoute({
  method: 'get',
  path: '/public/surveys/{id}',
  tags: ['Patients'],
  summary: 'The live version of a survey, for the patient page (no sign-in)',
  request: {
    params,
    query: z.object({
      /** The provider the link names (`?provider=`): it answers "Who did you see today?". */
      provider: Id.optional(),
    }),
  },
  responses: {
    200: jsonResponse(PublicSurvey, 'The survey'),
    // 404: no survey has this link (mistyped); 410: a draft or an archived survey.
    ...problemResponses(404, 410),
  },
})

const submit = createRoute({
  method: 'post',
  path: '/public/surveys/{id}/responses',
  tags: ['Patients'],
  summary: 'Submit answers, exactly once per idempotency key (no sign-in)',
  middleware: [
    perAddressLimit('submit-address', (c) => c.var.deps.config.PUBLIC_SUBMIT_RATE_LIMIT),
  ],
  request: { params, ...jsonBody(Submission) },
  responses: {
    201: jsonResponse(Receipt, 'Stored'),
    200: jsonResponse(Receipt, 'A replay of an earlier submission: nothing new was stored'),
    // 410: archived (or unpublished) since the page opened; the answers are not stored.
    ...problemResponses(400, 404, 410, 429),
  },
})

export const publicSurveysApi = new OpenAPIHono<AppEnv>()
  .openapi(getPublicSurvey, async (c) => {
    const { id } = c.req.valid('param')
    const live = await surveys.findPublic(c.var.db, id)
    const practice = live && (await practices.get(c.var.db, live.practiceId))
    if (!live || !practice) {
      if (!live && (await surveys.isClosedLink(c.var.db, id))) {
        throw new Gone(surveyClosed)
      }
      throw new NotFound('survey')
    }
    const { definition } = live.version
    const asksProvider = definition.questions.some((question) => question.type === 'provider')
    const team = asksProvider ? await providers.list(c.var.db, practice.id) : []
    // Asked only when the answer is unknown: not when the link names the provider, not with one
    // provider (the response counts for them) and not with none to choose from.
    const questions = servedQuestions(definition.questions, {
      team,
      linkProvider: c.req.valid('query').provider,
    })
    const offered = questions.some((question) => question.type === 'provider')
    c.header('cache-control', 'no-cache')
    return c.json(
      {
        id,
        version: live.version.version,
        languages: definition.languages,
        title: definition.title,
        ...(definition.intro && { intro: definition.intro }),
        ...(definition.thankYou && { thankYou: definition.thankYou }),
        // Every respondent gets the same review links, whatever they answer: no review gating.
        practice: { name: practice.name, reviewLinks: practice.reviewLinks },
        questions,
        ...(offered && {
          providers: team.map(({ id, name, title }) => ({ id, name, title })),
        }),
      },
      200,
    )
  })
  .openapi(submit, async (c) => {
    const { id } = c.req.valid('param')
    const accepted = await acceptSubmission(c.var.db, id, c.req.valid('json'))
    const receipt = { id: accepted.responseId, submittedAt: accepted.submittedAt }
    return accepted.replay ? c.json(receipt, 200) : c.json(receipt, 201)
  })
