import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import { z } from 'zod'
import { NotFound } from '../../domain/errors'
import {
  checkTransition,
  type Case,
  type NewCase as NewCaseBody,
} from '../../domain/governance/case'
import type { Evidence } from '../../domain/governance/evidence'
import { onlyWeakerFixes } from '../../domain/governance/fixes'
import { Id, type Practice } from '../../domain/practice'
import * as boardItems from '../../store/board-items'
import * as boards from '../../store/boards'
import * as history from '../../store/case-history'
import * as caseParts from '../../store/case-parts'
import type { Db } from '../../store/db'
import * as cases from '../../store/governance-cases'
import * as actions from '../../store/governance-actions'
import * as fixes from '../../store/governance-fixes'
import type { AppEnv } from '../env'
import { caseChange } from '../../domain/governance/case-change'
import { caseDetail, caseView } from '../governance/case-view'
import { checkLocation, checkTouchpoint, FieldErrors, line, todayOf } from '../governance/checks'
import { caseEvidenceOf } from '../governance/evidence-source'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import {
  CaseChanges,
  CaseDetail,
  CaseHistory,
  CaseList,
  CasesQuery,
  CaseView,
  NewCase,
} from './cases-schemas'

const write = [requireSession(), requireAbility('governance:write')]
const read = [requireSession(), requireAbility('practice:read')]
const params = z.object({ id: Id })

const openCase = createRoute({
  method: 'post',
  path: '/cases',
  tags: ['Governance'],
  summary: 'Open a case: a failed experience for the governance committee',
  description:
    'From a survey response or a review (`<month>.<id>`, as the evidence panel names them), a ' +
    "workshop board's follow-up action (`id` and `boardId`), or by hand. The origin must be this " +
    "practice's; it becomes one case (a second answers 409 `case-exists` naming the first), and its " +
    "patients' words, redacted as on boards, become the case's first evidence.",
  security: sessionSecurity,
  middleware: write,
  request: jsonBody(NewCase),
  responses: {
    201: jsonResponse(CaseView, 'The case, open, with its 72-hour clock'),
    ...problemResponses(400, 401, 403, 409),
  },
})

const listCases = createRoute({
  method: 'get',
  path: '/cases',
  tags: ['Governance'],
  summary: 'The case register, newest first, with each case’s 72-hour clock and counts',
  security: sessionSecurity,
  middleware: read,
  request: { query: CasesQuery },
  responses: { 200: jsonResponse(CaseList, 'A page of cases'), ...problemResponses(400, 401, 403) },
})

const getCase = createRoute({
  method: 'get',
  path: '/cases/{id}',
  tags: ['Governance'],
  summary: 'One case: its clock, analysis, evidence, fixes, actions and support',
  security: sessionSecurity,
  middleware: read,
  request: { params },
  responses: { 200: jsonResponse(CaseDetail, 'The case'), ...problemResponses(401, 403, 404) },
})

const changeCase = createRoute({
  method: 'patch',
  path: '/cases/{id}',
  tags: ['Governance'],
  summary: 'Change a case, or move it along the workflow',
  description:
    'open → investigating → fix-planned → fix-in-place → measuring → closed, one step at a time ' +
    'either way; dismissed (with `reason`) from any step before closed; a closed or dismissed case ' +
    'reopens as investigating. An illegal move answers 409 `illegal-transition` saying why.',
  security: sessionSecurity,
  middleware: write,
  request: { params, ...jsonBody(CaseChanges) },
  responses: {
    200: jsonResponse(CaseView, 'The case as changed'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
})

const caseHistory = createRoute({
  method: 'get',
  path: '/cases/{id}/history',
  tags: ['Governance'],
  summary: "The case's audit trail: every change to it, its evidence, analysis, fixes and actions",
  security: sessionSecurity,
  middleware: read,
  request: { params },
  responses: { 200: jsonResponse(CaseHistory, 'Oldest first'), ...problemResponses(401, 403, 404) },
})

/**
 * The origin's patients' words as first evidence; a 400 naming `origin.id` when the practice has
 * no such origin (another practice's ids included).
 */
async function originEvidence(
  db: Db,
  practice: Practice,
  origin: NonNullable<NewCaseBody['origin']>,
  by: string,
  now: string,
  errors: FieldErrors,
): Promise<Evidence | undefined> {
  if (origin.kind === 'board-action') {
    const board = await boards.get(db, practice.id, origin.boardId!)
    const action = board && (await boardItems.action(db, practice.id, board.id, origin.id))
    if (!action) {
      errors.add('origin.id', "Not a follow-up action of this practice's boards")
      return undefined
    }
    if (!action.noteId) return undefined
    return caseEvidenceOf(
      db,
      practice,
      { kind: 'board-note', id: action.noteId, boardId: board.id },
      by,
      now,
    ).catch((err) => {
      if (err instanceof NotFound) return undefined // the note was deleted since
      throw err
    })
  }
  try {
    return await caseEvidenceOf(db, practice, { kind: origin.kind, id: origin.id }, by, now)
  } catch (err) {
    if (!(err instanceof NotFound)) throw err
    // A response without a comment still exists (its scores alone can open a case).
    if (origin.kind === 'response' && (await boardItems.responseExists(db, practice.id, origin.id)))
      return undefined
    errors.add('origin.id', `Not a ${origin.kind} of this practice`)
    return undefined
  }
}

export const casesApi = new OpenAPIHono<AppEnv>()
  .openapi(openCase, async (c) => {
    const { practice, user } = c.var.auth
    const body = c.req.valid('json')
    const now = new Date()
    const at = now.toISOString()
    const errors = new FieldErrors()
    await checkTouchpoint(c.var.db, practice, body.touchpointId, 'touchpointId', errors)
    if (body.locationId)
      await checkLocation(c.var.db, practice.id, body.locationId, 'locationId', errors)
    const evidence = body.origin
      ? await originEvidence(c.var.db, practice, body.origin, user.id, at, errors)
      : undefined
    errors.throwIfAny()
    const kase: Case = {
      ...body,
      id: ulid(),
      version: 1,
      status: 'open',
      openedAt: at,
      openedBy: user.id,
      updatedAt: at,
    }
    const opened = body.origin ? `Case opened from a ${body.origin.kind}` : 'Case opened'
    await cases.create(c.var.db, practice.id, kase, line(user, at, 'case', opened), evidence)
    return c.json(caseView(kase, now), 201)
  })
  .openapi(listCases, async (c) => {
    const { practice } = c.var.auth
    const query = c.req.valid('query')
    const now = new Date()
    const [all, allFixes, allActions] = await Promise.all([
      cases.list(c.var.db, practice.id),
      fixes.listAll(c.var.db, practice.id),
      actions.listAll(c.var.db, practice.id),
    ])
    const matching = all
      .filter((kase) => !query.status || kase.status === query.status)
      .filter((kase) => !query.touchpoint || kase.touchpointId === query.touchpoint)
      // Newest first by id (ULIDs): the cursor is the last id a page gave.
      .filter((kase) => !query.cursor || kase.id < query.cursor)
    const page = matching.slice(0, query.limit)
    const parts = await Promise.all(
      page.map((kase) => caseParts.partsOf(c.var.db, practice.id, kase.id)),
    )
    const items = page.map((kase, i) => {
      const { analysis, evidence } = parts[i]!
      const caseFixes = allFixes.filter((fix) => fix.caseId === kase.id)
      return {
        ...caseView(kase, now),
        counts: {
          evidence: evidence.length,
          patientWords: evidence.filter((item) => item.patientWords).length,
          causes: analysis?.causes.length ?? 0,
          rootCauses: analysis?.causes.filter((cause) => cause.root).length ?? 0,
          fixes: caseFixes.length,
          openActions: allActions.filter((a) => a.caseId === kase.id && a.status !== 'done').length,
        },
        onlyWeaker: onlyWeakerFixes(caseFixes),
      }
    })
    const more = matching.length > page.length
    return c.json({ items, ...(more ? { nextCursor: page.at(-1)!.id } : {}) }, 200)
  })
  .openapi(getCase, async (c) => {
    const { practice } = c.var.auth
    const { id } = c.req.valid('param')
    const kase = await cases.getOrThrow(c.var.db, practice.id, id)
    return c.json(await caseDetail(c.var.db, practice, kase), 200)
  })
  .openapi(changeCase, async (c) => {
    const { practice, user } = c.var.auth
    const { id } = c.req.valid('param')
    const changes = c.req.valid('json')
    const existing = await cases.getOrThrow(c.var.db, practice.id, id)
    const errors = new FieldErrors()
    if (changes.touchpointId && changes.touchpointId !== existing.touchpointId)
      await checkTouchpoint(c.var.db, practice, changes.touchpointId, 'touchpointId', errors)
    if (changes.locationId && changes.locationId !== existing.locationId)
      await checkLocation(c.var.db, practice.id, changes.locationId, 'locationId', errors)
    if (changes.reason && changes.status !== 'dismissed')
      errors.add('reason', 'Give a reason only when dismissing the case')
    errors.throwIfAny()
    const now = new Date()
    if (changes.status && changes.status !== existing.status) {
      const caseFixes = await fixes.listOfCase(c.var.db, practice.id, id)
      checkTransition(existing.status, changes.status, {
        fixes: caseFixes.length,
        ...(caseFixes.length > 0
          ? { firstFixEffectiveOn: caseFixes.map((fix) => fix.effectiveOn).sort()[0]! }
          : {}),
        today: todayOf(practice, now),
        ...(changes.reason ? { reason: changes.reason } : {}),
      })
    }
    const { next, what, change } = caseChange(existing, changes, now.toISOString())
    if (!change) return c.json(caseView(existing, now), 200)
    const saved = await cases.replace(
      c.var.db,
      practice.id,
      existing,
      next,
      line(user, now.toISOString(), what, change),
    )
    return c.json(caseView(saved, now), 200)
  })
  .openapi(caseHistory, async (c) => {
    const { practice } = c.var.auth
    const { id } = c.req.valid('param')
    await cases.getOrThrow(c.var.db, practice.id, id)
    return c.json({ items: await history.list(c.var.db, practice.id, id) }, 200)
  })
