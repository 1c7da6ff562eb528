import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { praise, surveyTemplates, themes } from '../../../../workshops'
import { NotFound } from '../../domain/errors'
import { Slug, SurveyTemplate } from '../../domain/surveys'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { PraiseThemeSummary, TemplateSummary, ThemeSummary } from './templates-schemas'

const read = [requireSession(), requireAbility('practice:read')]

const listTemplates = createRoute({
  method: 'get',
  path: '/survey-templates',
  tags: ['Surveys'],
  summary: 'The survey templates a practice can start from',
  security: sessionSecurity,
  middleware: read,
  responses: {
    200: jsonResponse(z.array(TemplateSummary), 'The catalogue'),
    ...problemResponses(401, 403),
  },
})

const getTemplate = createRoute({
  method: 'get',
  path: '/survey-templates/{templateId}',
  tags: ['Surveys'],
  summary: 'One template with all its questions',
  security: sessionSecurity,
  middleware: read,
  request: { params: z.object({ templateId: Slug }) },
  responses: {
    200: jsonResponse(SurveyTemplate, 'The template'),
    ...problemResponses(401, 403, 404),
  },
})

const listThemes = createRoute({
  method: 'get',
  path: '/themes',
  tags: ['Responses'],
  summary: 'The themes a comment can touch, with their labels and touch points',
  description:
    'The ids are those of `themes` on a response and of the `theme` filter of `GET /api/responses`; same for every practice.',
  security: sessionSecurity,
  middleware: read,
  responses: {
    200: jsonResponse(z.array(ThemeSummary), 'Every theme, in lexicon order'),
    ...problemResponses(401, 403),
  },
})

const listPraiseThemes = createRoute({
  method: 'get',
  path: '/praise-themes',
  tags: ['Moments'],
  summary: 'What patients praise staff for, with labels in every language',
  description:
    'The ids are those of `praise` on a moment candidate and of `themes` in `GET /api/recognition`.',
  security: sessionSecurity,
  middleware: read,
  responses: {
    200: jsonResponse(z.array(PraiseThemeSummary), 'Every praise theme, in lexicon order'),
    ...problemResponses(401, 403),
  },
})

export const templatesApi = new OpenAPIHono<AppEnv>()
  .openapi(listTemplates, (c) =>
    c.json(
      surveyTemplates.map((template) => ({
        id: template.id,
        title: template.title,
        description: template.description,
        minutes: template.minutes,
        languages: template.languages,
        questionCount: template.questions.length,
      })),
      200,
    ),
  )
  .openapi(getTemplate, (c) => {
    const template = surveyTemplates.find((t) => t.id === c.req.valid('param').templateId)
    if (!template) throw new NotFound('survey template')
    return c.json(template, 200)
  })
  .openapi(listThemes, (c) =>
    c.json(
      themes.map(({ id, label, touchpoint }) => ({ id, label, touchpoint })),
      200,
    ),
  )
  .openapi(listPraiseThemes, (c) =>
    c.json(
      praise.themes.map(({ id, label }) => ({ id, label })),
      200,
    ),
  )
