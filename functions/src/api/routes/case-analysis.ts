import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import { z } from 'zod'
import { analysisChange } from '../../domain/governance/analysis-diff'
import { emptyAnalysis, type Analysis as AnalysisShape } from '../../domain/governance/analysis'
import { Id } from '../../domain/practice'
import * as caseParts from '../../store/case-parts'
import * as cases from '../../store/governance-cases'
import type { AppEnv } from '../env'
import { FieldErrors, line } from '../governance/checks'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import { Analysis, AnalysisBody } from './cases-schemas'

const saveAnalysis = createRoute({
  method: 'put',
  path: '/cases/{id}/analysis',
  tags: ['Governance'],
  summary:
    "Save the case's root-cause analysis (fishbone): categories and causes, each with its whys",
  description:
    'Replaces the whole analysis. New causes get an id; a cause keeps the id it was given. Each ' +
    'cause cites evidence already linked to the case (else 400 naming `causes.<i>.evidence.<j>`) ' +
    'and is marked `root` when correcting it would stop the failure recurring.',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('governance:write')],
  request: { params: z.object({ id: Id }), ...jsonBody(AnalysisBody) },
  responses: {
    200: jsonResponse(Analysis, 'The analysis as saved, with every cause’s id'),
    ...problemResponses(400, 401, 403, 404),
  },
})

export const caseAnalysisApi = new OpenAPIHono<AppEnv>().openapi(saveAnalysis, async (c) => {
  const { practice, user } = c.var.auth
  const { id } = c.req.valid('param')
  const body = c.req.valid('json')
  await cases.getOrThrow(c.var.db, practice.id, id)
  const { analysis: before, evidence } = await caseParts.partsOf(c.var.db, practice.id, id)
  const linked = new Set(evidence.map((item) => `${item.kind}:${item.id}`))
  const errors = new FieldErrors()
  const ids = new Set<string>()
  body.causes.forEach((cause, i) => {
    if (cause.id) {
      if (ids.has(cause.id)) errors.add(`causes.${i}.id`, 'Two causes have this id')
      ids.add(cause.id)
    }
    cause.evidence.forEach((cited, j) => {
      if (!linked.has(`${cited.kind}:${cited.id}`))
        errors.add(`causes.${i}.evidence.${j}`, 'Not evidence linked to this case')
    })
  })
  errors.throwIfAny()
  const at = new Date().toISOString()
  // A cause's category is stored as the category list spells it, whatever case was sent.
  const spelling = new Map(body.categories.map((name) => [name.toLocaleLowerCase(), name]))
  const analysis: AnalysisShape = {
    version: 1,
    categories: body.categories,
    causes: body.causes.map((cause) => ({
      ...cause,
      id: cause.id ?? ulid(),
      category: spelling.get(cause.category.toLocaleLowerCase()) ?? cause.category,
    })),
    updatedAt: at,
    updatedBy: user.id,
  }
  const change = analysisChange(before ?? emptyAnalysis(), analysis)
  const saved = await caseParts.putAnalysis(
    c.var.db,
    practice.id,
    id,
    analysis,
    line(user, at, 'analysis', change),
  )
  return c.json(saved, 200)
})
