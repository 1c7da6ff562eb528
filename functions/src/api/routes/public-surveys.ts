import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import { z } from 'zod'
import { checkAnswers } from '../../domain/answers'
import { readComment } from '../../domain/comment-reading'
import { Invalid, NotFound } from '../../domain/errors'
import { Id } from '../../domain/practice'
import type { SurveyVersion } from '../../domain/survey-records'
import * as locations from '../../store/locations'
import * as practices from '../../store/practices'
import * as providers from '../../store/providers'
import type { Db } from '../../store/db'
import * as responses from '../../store/responses'
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
  request: { params },
  responses: { 200: jsonResponse(PublicSurvey, 'The survey'), ...problemResponses(404) },
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
    ...problemResponses(400, 404, 429),
  },
})

export const publicSurveysApi = new OpenAPIHono<AppEnv>()
  .openapi(getPublicSurvey, async (c) => {
    const { id } = c.req.valid('param')
    const live = await surveys.findPublic(c.var.db, id)
    const practice = live && (await practices.get(c.var.db, live.practiceId))
    if (!live || !practice) throw new NotFound('survey')
    const { definition } = live.version
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
        questions: definition.questions,
      },
      200,
    )
  })
  .openapi(submit, async (c) => {
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    const live = await surveys.findPublic(c.var.db, id)
    const practice = live && (await practices.get(c.var.db, live.practiceId))
    if (!live || !practice) throw new NotFound('survey')
    const answered = await answeredVersion(c.var.db, practice.id, live.version, body.version)
    const checked = checkAnswers(answered.definition, body.answers)
    if (!checked.ok) {
      const errors = checked.problems.map((p) => ({
        field: `answers.${p.questionId}`,
        message: p.message,
      }))
      throw new Invalid(`${errors[0]!.field}: ${errors[0]!.message}`, errors[0]!.field, errors)
    }
    if (!answered.definition.languages.includes(body.language)) {
      throw new Invalid('This survey is not offered in that language.', 'language')
    }
    // A poster printed before a location or provider was removed still works; the answers count
    // for the practice, just not for the place that is gone.
    const [location, provider] = await Promise.all([
      body.location ? locations.get(c.var.db, practice.id, body.location) : undefined,
      body.provider ? providers.get(c.var.db, practice.id, body.provider) : undefined,
    ])
    // Read once, here: the response keeps its sentiment and themes, and its counters count them.
    const comment = readComment(answered.definition, checked.answers, body.language)
    const accepted = await responses.accept(c.var.db, {
      practiceId: practice.id,
      timeZone: practice.timeZone,
      version: answered,
      idempotencyKey: body.idempotencyKey,
      response: {
        id: ulid(),
        surveyId: id,
        version: answered.version,
        language: body.language,
        answers: checked.answers,
        ...(location && { location: location.id }),
        ...(provider && { provider: provider.id }),
        submittedAt: new Date().toISOString(),
        ...(comment && { sentiment: comment.sentiment, themes: [...comment.themes] }),
      },
    })
    const receipt = { id: accepted.responseId, submittedAt: accepted.submittedAt }
    return accepted.replay ? c.json(receipt, 200) : c.json(receipt, 201)
  })

/** The version a submission names, which must be published already (the live one or older). */
async function answeredVersion(
  db: Db,
  practiceId: string,
  live: SurveyVersion,
  named: number | undefined,
): Promise<SurveyVersion> {
  if (named === undefined || named === live.version) return live
  const older =
    named < live.version && (await surveys.getVersion(db, practiceId, live.surveyId, named))
  if (!older) throw new Invalid('This survey has no such published version.', 'version')
  return older
}
