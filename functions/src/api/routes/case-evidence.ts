import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { Conflict } from '../../domain/errors'
import { Id } from '../../domain/practice'
import * as audit from '../../store/audit'
import * as caseParts from '../../store/case-parts'
import * as cases from '../../store/governance-cases'
import type { AppEnv } from '../env'
import { line } from '../governance/checks'
import { caseEvidenceOf } from '../governance/evidence-source'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import { Evidence, EvidenceParams, NewEvidence } from './cases-schemas'
import { z } from 'zod'

const write = [requireSession(), requireAbility('governance:write')]

const kindWords = { response: 'patient comment', review: 'review', 'board-note': 'board note' }

const linkEvidence = createRoute({
  method: 'post',
  path: '/cases/{id}/evidence',
  tags: ['Governance'],
  summary: 'Link a response, review or board note of this practice to a case as its evidence',
  description:
    'The words are kept redacted exactly as the board evidence panel redacts them (patients’ ' +
    'names, contact details, ID numbers and dates go; staff and provider names stay). Linking ' +
    'the same item twice answers 409 `evidence-exists`. Each link is written to the audit log.',
  security: sessionSecurity,
  middleware: write,
  request: { params: z.object({ id: Id }), ...jsonBody(NewEvidence) },
  responses: {
    201: jsonResponse(Evidence, 'The evidence as linked'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
})

const unlinkEvidence = createRoute({
  method: 'delete',
  path: '/cases/{id}/evidence/{kind}/{evidenceId}',
  tags: ['Governance'],
  summary: 'Unlink evidence from a case',
  description: 'Refused (409 `evidence-cited`) while a cause of the analysis cites it.',
  security: sessionSecurity,
  middleware: write,
  request: { params: EvidenceParams },
  responses: { 204: { description: 'Unlinked' }, ...problemResponses(400, 401, 403, 404, 409) },
})

export const caseEvidenceApi = new OpenAPIHono<AppEnv>()
  .openapi(linkEvidence, async (c) => {
    const { practice, user } = c.var.auth
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    await cases.getOrThrow(c.var.db, practice.id, id)
    const at = new Date().toISOString()
    const evidence = await caseEvidenceOf(c.var.db, practice, body, user.id, at)
    await caseParts.link(
      c.var.db,
      practice.id,
      id,
      evidence,
      line(user, at, 'evidence', `Evidence linked: ${kindWords[evidence.kind]}`),
    )
    // Staff read patients' words by linking them: ids only in the log, never the words.
    await audit.record(c.var.db, practice.id, {
      actorId: user.id,
      action: 'cases.evidence',
      details: { caseId: id, kind: evidence.kind, id: evidence.id },
    })
    return c.json(evidence, 201)
  })
  .openapi(unlinkEvidence, async (c) => {
    const { practice, user } = c.var.auth
    const { id, kind, evidenceId } = c.req.valid('param')
    await cases.getOrThrow(c.var.db, practice.id, id)
    const { analysis } = await caseParts.partsOf(c.var.db, practice.id, id)
    const citing = (analysis?.causes ?? []).filter((cause) =>
      cause.evidence.some((cited) => cited.kind === kind && cited.id === evidenceId),
    )
    if (citing.length > 0) {
      throw new Conflict(
        `${citing.length} cause${citing.length === 1 ? '' : 's'} of the analysis cite${citing.length === 1 ? 's' : ''} this evidence; remove the citation first.`,
        'evidence-cited',
        'evidenceId',
      )
    }
    const at = new Date().toISOString()
    await caseParts.unlink(
      c.var.db,
      practice.id,
      id,
      { kind, id: evidenceId },
      line(user, at, 'evidence', `Evidence unlinked: ${kindWords[kind]}`),
    )
    return c.body(null, 204)
  })
