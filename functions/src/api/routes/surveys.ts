import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { isDeepStrictEqual } from 'node:util'
import type { Context } from 'hono'
import { ulid } from 'ulid'
import { z } from 'zod'
import { surveyTemplates } from '../../../../workshops'
import { Invalid, NotFound } from '../../domain/errors'
import { Id, type Language } from '../../domain/practice'
import { type Survey, SurveyVersion } from '../../domain/survey-records'
import { withJourneyTouchpoints } from '../../domain/survey-journey'
import { SurveyDefinition } from '../../domain/surveys'
import * as counters from '../../store/counters'
import * as journeys from '../../store/journeys'
import * as surveys from '../../store/surveys'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import { NewSurvey, Published, QrQuery, SurveyListItem, SurveyView } from './surveys-schemas'
import { publicOrigin } from '../public-origin'

const read = [requireSession(), requireAbility('practice:read')]
const manage = [requireSession(), requireAbility('surveys:manage')]
const surveyParams = z.object({ id: Id })

const createSurvey = createRoute({
  method: 'post',
  path: '/surveys',
  tags: ['Surveys'],
  summary: 'Start a survey from a template (a draft until published)',
  security: sessionSecurity,
  middleware: manage,
  request: jsonBody(NewSurvey),
  responses: {
    201: jsonResponse(SurveyView, 'The new draft survey'),
    ...problemResponses(400, 401, 403),
  },
})

const listSurveys = createRoute({
  method: 'get',
  path: '/surveys',
  tags: ['Surveys'],
  summary: "The practice's surveys, newest first",
  security: sessionSecurity,
  middleware: read,
  responses: {
    200: jsonResponse(z.object({ items: z.array(SurveyListItem) }), 'Every survey'),
    ...problemResponses(401, 403),
  },
})

const getSurvey = createRoute({
  method: 'get',
  path: '/surveys/{id}',
  tags: ['Surveys'],
  summary: 'One survey with its draft',
  security: sessionSecurity,
  middleware: read,
  request: { params: surveyParams },
  responses: { 200: jsonResponse(SurveyView, 'The survey'), ...problemResponses(401, 403, 404) },
})

const saveDraft = createRoute({
  method: 'put',
  path: '/surveys/{id}/draft',
  tags: ['Surveys'],
  summary: 'Replace the draft (the live version changes only when published)',
  security: sessionSecurity,
  middleware: manage,
  request: { params: surveyParams, ...jsonBody(SurveyDefinition) },
  responses: {
    200: jsonResponse(SurveyView, 'The survey with its new draft'),
    ...problemResponses(400, 401, 403, 404, 410),
  },
})

const publish = createRoute({
  method: 'post',
  path: '/surveys/{id}/publish',
  tags: ['Surveys'],
  summary: 'Publish the draft as the next version; patients answer it from now on',
  security: sessionSecurity,
  middleware: manage,
  request: { params: surveyParams },
  responses: {
    200: jsonResponse(Published, 'The new version and the link to share'),
    ...problemResponses(401, 403, 404, 410),
  },
})

const archive = createRoute({
  method: 'post',
  path: '/surveys/{id}/archive',
  tags: ['Surveys'],
  summary: 'Stop accepting responses (the survey and its responses are kept)',
  security: sessionSecurity,
  middleware: manage,
  request: { params: surveyParams },
  responses: {
    200: jsonResponse(SurveyView, 'The archived survey'),
    ...problemResponses(401, 403, 404),
  },
})

const copySurvey = createRoute({
  method: 'post',
  path: '/surveys/{id}/copy',
  tags: ['Surveys'],
  summary: "Start a new draft survey from this one's draft (also for archived surveys)",
  security: sessionSecurity,
  middleware: manage,
  request: { params: surveyParams },
  responses: {
    201: jsonResponse(SurveyView, 'The new draft survey'),
    ...problemResponses(401, 403, 404),
  },
})

const restoreSurvey = createRoute({
  method: 'post',
  path: '/surveys/{id}/restore',
  tags: ['Surveys'],
  summary: 'Undo an archive: a survey that was live takes responses again at its last version',
  security: sessionSecurity,
  middleware: manage,
  request: { params: surveyParams },
  responses: {
    200: jsonResponse(SurveyView, 'The survey, no longer archived'),
    ...problemResponses(401, 403, 404),
  },
})

const getVersion = createRoute({
  method: 'get',
  path: '/surveys/{id}/versions/{version}',
  tags: ['Surveys'],
  summary: 'A published version exactly as patients saw it',
  security: sessionSecurity,
  middleware: read,
  request: { params: surveyParams.extend({ version: z.coerce.number().int().positive() }) },
  responses: {
    200: jsonResponse(SurveyVersion, 'The version'),
    ...problemResponses(401, 403, 404),
  },
})

const qrCode = createRoute({
  method: 'get',
  path: '/surveys/{id}/qr',
  tags: ['Surveys'],
  summary: "A QR code of the survey's public link, as SVG or PNG",
  security: sessionSecurity,
  middleware: read,
  request: {
    params: surveyParams,
    query: QrQuery,
  },
  responses: {
    200: {
      description: 'The QR code',
      content: { 'image/svg+xml': { schema: z.string() }, 'image/png': { schema: z.string() } },
    },
    ...problemResponses(400, 401, 403, 404),
  },
})

/** The patient's link: the site's own address (CloudFront in AWS), `/s/<survey id>`. */
export function publicUrl(
  c: Context<AppEnv>,
  surveyId: string,
  where: { location?: string; provider?: string; kiosk?: boolean } = {},
) {
  const url = new URL(`/s/${surveyId}`, publicOrigin(c))
  if (where.location) url.searchParams.set('location', where.location)
  if (where.provider) url.searchParams.set('provider', where.provider)
  // A shared device (waiting-room tablet, poster): the page keeps nothing across patients.
  if (where.kiosk) url.searchParams.set('kiosk', '1')
  return url.toString()
}

const view = (c: Context<AppEnv>, survey: Survey) => ({
  ...survey,
  publicUrl: publicUrl(c, survey.id),
})

/** What a copy is called: "Visit pulse (copy)", in each language. */
const copySuffix: Record<Language, string> = { en: ' (copy)', es: ' (copia)' }

async function surveyOf(c: Context<AppEnv>, id: string) {
  const survey = await surveys.get(c.var.db, c.var.auth.practice.id, id)
  if (!survey) throw new NotFound('survey', id)
  return survey
}

export const surveysApi = new OpenAPIHono<AppEnv>()
  .openapi(createSurvey, async (c) => {
    const { templateId } = c.req.valid('json')
    const template = surveyTemplates.find((t) => t.id === templateId)
    if (!template) throw new Invalid('No such survey template.', 'templateId')
    const { practice } = c.var.auth
    const { id: _id, description: _d, minutes: _m, everyTouchpoint, ...content } = template
    // Offer the languages the practice chose, of those the template has.
    const chosen = template.languages.filter((l) => practice.languages.includes(l))
    const languages = chosen.length > 0 ? chosen : template.languages
    const journey = everyTouchpoint
      ? await journeys.get(c.var.db, practice.id, practice.specialty)
      : undefined
    const definition = journey
      ? {
          ...content,
          questions: withJourneyTouchpoints(content.questions, languages, journey.touchpoints),
        }
      : content
    const now = new Date().toISOString()
    const survey: Survey = {
      id: ulid(),
      templateId,
      status: 'draft',
      draft: { ...definition, languages },
      publishedVersion: null,
      unpublishedChanges: true,
      createdAt: now,
      updatedAt: now,
    }
    await surveys.create(c.var.db, practice.id, survey)
    return c.json(view(c, survey), 201)
  })
  .openapi(listSurveys, async (c) => {
    const { id: practiceId } = c.var.auth.practice
    const items = await surveys.list(c.var.db, practiceId)
    const totals = await Promise.all(
      items.map((survey) => counters.responseTotal(c.var.db, practiceId, survey.id)),
    )
    return c.json(
      { items: items.map((survey, i) => ({ ...view(c, survey), responses: totals[i] ?? 0 })) },
      200,
    )
  })
  .openapi(getSurvey, async (c) => c.json(view(c, await surveyOf(c, c.req.valid('param').id)), 200))
  .openapi(saveDraft, async (c) => {
    const draft = c.req.valid('json')
    const { practice } = c.var.auth
    const journey = await journeys.get(c.var.db, practice.id, practice.specialty)
    const known = new Set(journey.touchpoints.map((t) => t.id))
    const unknown = draft.questions.findIndex((q) => q.touchpoint && !known.has(q.touchpoint))
    if (unknown >= 0) {
      throw new Invalid(
        "No such touch point in this practice's journey.",
        `questions.${unknown}.touchpoint`,
      )
    }
    const { id } = c.req.valid('param')
    const current = await surveyOf(c, id)
    const live =
      current.publishedVersion &&
      (await surveys.getVersion(c.var.db, practice.id, id, current.publishedVersion))
    // Saving what is already live (an undo, an unchanged form) leaves nothing to publish.
    const changed = !live || !isDeepStrictEqual(live.definition, draft)
    const survey = await surveys.saveDraft(c.var.db, practice.id, id, draft, changed)
    return c.json(view(c, survey), 200)
  })
  .openapi(publish, async (c) => {
    const { id } = c.req.valid('param')
    const version = await surveys.publish(c.var.db, c.var.auth.practice.id, id)
    return c.json({ version: version.version, publicUrl: publicUrl(c, id) }, 200)
  })
  .openapi(archive, async (c) => {
    const survey = await surveys.archive(c.var.db, c.var.auth.practice.id, c.req.valid('param').id)
    return c.json(view(c, survey), 200)
  })
  .openapi(restoreSurvey, async (c) => {
    const survey = await surveys.restore(c.var.db, c.var.auth.practice.id, c.req.valid('param').id)
    return c.json(view(c, survey), 200)
  })
  .openapi(copySurvey, async (c) => {
    const source = await surveyOf(c, c.req.valid('param').id)
    const title = Object.fromEntries(
      Object.entries(source.draft.title).map(([language, text]) => [
        language,
        `${text.slice(0, 600 - 10)}${copySuffix[language as Language]}`,
      ]),
    )
    const now = new Date().toISOString()
    const survey: Survey = {
      id: ulid(),
      templateId: source.templateId,
      status: 'draft',
      draft: { ...source.draft, title },
      publishedVersion: null,
      unpublishedChanges: true,
      createdAt: now,
      updatedAt: now,
    }
    await surveys.create(c.var.db, c.var.auth.practice.id, survey)
    return c.json(view(c, survey), 201)
  })
  .openapi(getVersion, async (c) => {
    const { id, version } = c.req.valid('param')
    const found = await surveys.getVersion(c.var.db, c.var.auth.practice.id, id, version)
    if (!found) throw new NotFound('survey version')
    return c.json(found, 200)
  })
  .openapi(qrCode, async (c) => {
    const { id } = c.req.valid('param')
    const { format, location, provider } = c.req.valid('query')
    await surveyOf(c, id)
    // A QR code is printed for a place (a poster, a desk), never sent to one person: kiosk link.
    const url = publicUrl(c, id, {
      ...(location && { location }),
      ...(provider && { provider }),
      kiosk: true,
    })
    // Quartile error correction survives a smudged or partly covered poster.
    const options = { errorCorrectionLevel: 'Q' as const, margin: 2 }
    if (format === 'png') {
      const png = await (await loadQrCode()).toBuffer(url, { ...options, width: 1024 })
      return c.body(new Uint8Array(png), 200, { 'content-type': 'image/png' })
    }
    return c.body(await (await loadQrCode()).toString(url, { ...options, type: 'svg' }), 200, {
      'content-type': 'image/svg+xml',
    })
  })

/**
 * qrcode (with pngjs, ~60 KB) is loaded on the first QR code asked for, not parsed at every cold
 * start: the Lambda ships it beside its bundle (infra `lazyModules`).
 */
const loadQrCode = async () => (await import('qrcode')).default
