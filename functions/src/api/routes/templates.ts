import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { surveyTemplates } from '../../../../workshops'
import { NotFound } from '../../domain/errors'
import { Slug, SurveyTemplate } from '../../domain/surveys'
import { Localized } from '../../domain/surveys'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'

const TemplateSummary = z.object({
  id: Slug,
  title: Localized,
  description: Localized,
  minutes: z.number().int(),
  languages: z.array(z.string()),
  questionCount: z.number().int(),
})

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
