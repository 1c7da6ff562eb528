import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { caseOriginKinds } from '../../domain/governance/case'
import { Id } from '../../domain/practice'
import * as audit from '../../store/audit'
import * as evidence from '../../store/evidence'
import * as cases from '../../store/governance-cases'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { EvidenceQuery, EvidenceQuote } from './boards-schemas'

/**
 * What the case pages look up before they write: patients' comments to link as a case's evidence
 * (the board's evidence search, without a board), and an origin's redacted words and its case, so
 * "Open a case" can show what it starts from, or link to the case it already became.
 */
const writers = [requireSession(), requireAbility('governance:write')]

const searchRoute = createRoute({
  method: 'get',
  path: '/governance/evidence',
  tags: ['Governance'],
  summary: "Patients' comments of the last 12 months to link to a case, newest first",
  description:
    "The same search as a board's evidence panel: comments matching every filter, with patient names, e-mail addresses, phone numbers and dates removed. Link one with `POST /api/cases/{id}/evidence` `{kind, id}`. Reading patients' words is audited.",
  security: sessionSecurity,
  middleware: writers,
  request: { query: EvidenceQuery },
  responses: {
    200: jsonResponse(z.object({ items: z.array(EvidenceQuote) }), 'Matching comments'),
    ...problemResponses(400, 401, 403),
  },
})

const OriginQuery = z.object({
  kind: z.enum(caseOriginKinds),
  id: z.string().min(1).max(80),
  boardId: Id.optional(),
})

const originRoute = createRoute({
  method: 'get',
  path: '/governance/origin',
  tags: ['Governance'],
  summary: 'What a case opened from this origin would start from, and its case if it has one',
  description:
    "A response's or review's words, redacted as on boards (absent for a board action), and the id of the case the origin already became.",
  security: sessionSecurity,
  middleware: writers,
  request: { query: OriginQuery },
  responses: {
    200: jsonResponse(
      z.object({ quote: EvidenceQuote.optional(), caseId: Id.optional() }),
      'The origin',
    ),
    ...problemResponses(400, 401, 403),
  },
})

const originsRoute = createRoute({
  method: 'get',
  path: '/governance/origins',
  tags: ['Governance'],
  summary: 'Which responses, reviews or board actions already became a case, and which case',
  description:
    'One answer per origin kind, for the cards of the responses and reviews pages to say "Case ' +
    'opened" and link to it instead of offering to open a second one. Ids only: no words.',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:read')],
  request: { query: z.object({ kind: z.enum(caseOriginKinds) }) },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(z.object({ id: z.string(), caseId: Id })) }),
      'The origins of this kind that have a case',
    ),
    ...problemResponses(400, 401, 403),
  },
})

export const governanceLookupApi = new OpenAPIHono<AppEnv>()
  .openapi(originsRoute, async (c) => {
    const { kind } = c.req.valid('query')
    const origins = await cases.originsOf(c.var.db, c.var.auth.practice.id, kind)
    return c.json({ items: [...origins].map(([id, caseId]) => ({ id, caseId })) }, 200)
  })
  .openapi(searchRoute, async (c) => {
    const { practice, user } = c.var.auth
    const items = await evidence.search(c.var.db, practice, c.req.valid('query'))
    await audit.record(c.var.db, practice.id, {
      actorId: user.id,
      action: 'cases.evidence',
      details: { search: 'comments', found: items.length },
    })
    return c.json({ items }, 200)
  })
  .openapi(originRoute, async (c) => {
    const { practice, user } = c.var.auth
    const origin = c.req.valid('query')
    const [quote, caseId] = await Promise.all([
      origin.kind === 'board-action'
        ? undefined
        : evidence.resolveEvidence(c.var.db, practice, origin),
      cases.caseOfOrigin(c.var.db, practice.id, origin.kind, origin.id),
    ])
    if (quote) {
      await audit.record(c.var.db, practice.id, {
        actorId: user.id,
        action: 'cases.evidence',
        details: { origin: origin.kind },
      })
    }
    return c.json({ ...(quote && { quote }), ...(caseId && { caseId }) }, 200)
  })
