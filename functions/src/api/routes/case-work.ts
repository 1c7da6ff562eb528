import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import { z } from 'zod'
import { Forbidden, NotFound } from '../../domain/errors'
import type { CaseAction as CaseActionShape } from '../../domain/governance/actions'
import { checkFixStrength, type Fix as FixShape } from '../../domain/governance/fixes'
import { Id } from '../../domain/practice'
import { can } from '../../domain/roles'
import * as actions from '../../store/governance-actions'
import * as cases from '../../store/governance-cases'
import * as fixes from '../../store/governance-fixes'
import type { AppEnv } from '../env'
import { actionViews } from '../governance/case-view'
import { checkMember, checkTouchpoint, FieldErrors, line, todayOf } from '../governance/checks'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import {
  ActionChanges,
  CaseActionView,
  Fix,
  FixChanges,
  NewCaseAction,
  NewFix,
} from './cases-schemas'

const write = [requireSession(), requireAbility('governance:write')]
const params = z.object({ id: Id })

const addFix = createRoute({
  method: 'post',
  path: '/cases/{id}/fixes',
  tags: ['Governance'],
  summary: 'Add a systemic fix, graded by the RCA² action hierarchy',
  description:
    '`strength` must be the one RCA² gives `actionType` (stronger: architectural change, forcing ' +
    'function, standardisation, simplified process, leadership action; intermediate: checklist, ' +
    'software change, staffing, standardised communication, simulation training; weaker: ' +
    "training, new policy, warning, double check). The touch point must be in the practice's journey.",
  security: sessionSecurity,
  middleware: write,
  request: { params, ...jsonBody(NewFix) },
  responses: { 201: jsonResponse(Fix, 'The fix'), ...problemResponses(400, 401, 403, 404) },
})

const changeFix = createRoute({
  method: 'patch',
  path: '/fixes/{id}',
  tags: ['Governance'],
  summary: 'Change a fix: its title, description, touch point, effective date or RCA² grade',
  description:
    'A new `actionType` or `strength` must agree with the other (the fix’s own when only one is ' +
    'sent). `description: null` clears it. Moving `effectiveOn` moves the outcome’s baseline with ' +
    'it. 409 `changed` when someone else changed the fix at the same time.',
  security: sessionSecurity,
  middleware: write,
  request: { params, ...jsonBody(FixChanges) },
  responses: {
    200: jsonResponse(Fix, 'The fix as changed'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
})

const addAction = createRoute({
  method: 'post',
  path: '/cases/{id}/actions',
  tags: ['Governance'],
  summary: 'Add an action item: who does what by when (optionally for one of the case’s fixes)',
  description:
    'The owner is reminded the day before it is due and told the day after it falls overdue.',
  security: sessionSecurity,
  middleware: write,
  request: { params, ...jsonBody(NewCaseAction) },
  responses: {
    201: jsonResponse(CaseActionView, 'The action'),
    ...problemResponses(400, 401, 403, 404),
  },
})

const changeAction = createRoute({
  method: 'patch',
  path: '/actions/{id}',
  tags: ['Governance'],
  summary: 'Update an action: its status and a note; the committee also its title, owner and date',
  description:
    'Staff may change only the status of, and add a note to, actions they own (403 otherwise).',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:read')],
  request: { params, ...jsonBody(ActionChanges) },
  responses: {
    200: jsonResponse(CaseActionView, 'The action as changed'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
})

const quoted = (title: string) => `“${title.length > 80 ? `${title.slice(0, 79)}…` : title}”`

/** What a fix's history line says changed (its words stay out: they may be long). */
function fixChangesSaid(before: FixShape, after: FixShape): string[] {
  const said: string[] = []
  if (after.title !== before.title) said.push('title changed')
  if (after.description !== before.description) said.push('description changed')
  if (after.touchpointId !== before.touchpointId)
    said.push(`touch point ${before.touchpointId} → ${after.touchpointId}`)
  if (after.effectiveOn !== before.effectiveOn)
    said.push(`effective ${before.effectiveOn} → ${after.effectiveOn}`)
  if (after.actionType !== before.actionType || after.strength !== before.strength)
    said.push(
      `now ${after.strength}, ${after.actionType} (was ${before.strength}, ${before.actionType})`,
    )
  return said
}

export const caseWorkApi = new OpenAPIHono<AppEnv>()
  .openapi(addFix, async (c) => {
    const { practice, user } = c.var.auth
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    await cases.getOrThrow(c.var.db, practice.id, id)
    const errors = new FieldErrors()
    await checkTouchpoint(c.var.db, practice, body.touchpointId, 'touchpointId', errors)
    errors.throwIfAny()
    const at = new Date().toISOString()
    const fix: FixShape = {
      ...body,
      id: ulid(),
      caseId: id,
      version: 1,
      createdBy: user.id,
      createdAt: at,
      updatedAt: at,
    }
    const change = `Fix added: ${quoted(fix.title)} (${fix.strength}, ${fix.actionType}), effective ${fix.effectiveOn}`
    await fixes.create(c.var.db, practice.id, fix, line(user, at, 'fix', change))
    return c.json(fix, 201)
  })
  .openapi(changeFix, async (c) => {
    const { practice, user } = c.var.auth
    const { id } = c.req.valid('param')
    const changes = c.req.valid('json')
    const existing = await fixes.getFix(c.var.db, practice.id, id)
    if (!existing) throw new NotFound('fix', id)
    const errors = new FieldErrors()
    const disagreement = checkFixStrength(existing, changes)
    if (disagreement) errors.add('strength', disagreement)
    if (changes.touchpointId && changes.touchpointId !== existing.touchpointId)
      await checkTouchpoint(c.var.db, practice, changes.touchpointId, 'touchpointId', errors)
    errors.throwIfAny()
    const at = new Date().toISOString()
    const { description, ...rest } = changes
    const next: FixShape = { ...existing, ...rest, updatedAt: at }
    if (description === null) delete next.description
    else if (description !== undefined) next.description = description
    const said = fixChangesSaid(existing, next)
    if (said.length === 0) return c.json(existing, 200)
    const change = `Fix ${quoted(existing.title)}: ${said.join(', ')}`
    const saved = await fixes.replace(
      c.var.db,
      practice.id,
      existing,
      next,
      line(user, at, 'fix', change),
    )
    return c.json(saved, 200)
  })
  .openapi(addAction, async (c) => {
    const { practice, user } = c.var.auth
    const { id } = c.req.valid('param')
    const body = c.req.valid('json')
    await cases.getOrThrow(c.var.db, practice.id, id)
    const errors = new FieldErrors()
    const owner = await checkMember(c.var.db, practice.id, body.ownerId, 'ownerId', errors)
    if (body.fixId) {
      const fix = await fixes.getFix(c.var.db, practice.id, body.fixId)
      if (fix?.caseId !== id) errors.add('fixId', 'Not a fix of this case')
    }
    errors.throwIfAny()
    const at = new Date().toISOString()
    const action: CaseActionShape = {
      ...body,
      id: ulid(),
      caseId: id,
      version: 1,
      status: 'open',
      notes: [],
      createdBy: user.id,
      createdAt: at,
      updatedAt: at,
    }
    const change = `Action added: ${quoted(action.title)}, owner ${owner!.name}, due ${action.dueOn}`
    await actions.create(c.var.db, practice.id, action, line(user, at, 'action', change))
    const [view] = await actionViews(c.var.db, practice.id, [action], todayOf(practice))
    return c.json(view!, 201)
  })
  .openapi(changeAction, async (c) => {
    const { practice, user } = c.var.auth
    const { id } = c.req.valid('param')
    const changes = c.req.valid('json')
    const existing = await actions.get(c.var.db, practice.id, id)
    if (!existing) throw new NotFound('action', id)
    if (!can(user.role, 'governance:write')) {
      if (existing.ownerId !== user.id)
        throw new Forbidden('Only its owner or the committee may update this action.')
      const others = Object.keys(changes).filter((field) => field !== 'status' && field !== 'note')
      if (others.length > 0)
        throw new Forbidden(`Only the committee may change ${others.join(', ')}.`, others[0])
    }
    const errors = new FieldErrors()
    const owner =
      changes.ownerId && changes.ownerId !== existing.ownerId
        ? await checkMember(c.var.db, practice.id, changes.ownerId, 'ownerId', errors)
        : undefined
    errors.throwIfAny()
    const at = new Date().toISOString()
    const next: CaseActionShape = { ...existing, updatedAt: at }
    const said: string[] = []
    if (changes.status && changes.status !== existing.status) {
      next.status = changes.status
      if (changes.status === 'done') next.doneAt = at
      else delete next.doneAt
      said.push(`status ${existing.status} → ${changes.status}`)
    }
    if (changes.title && changes.title !== existing.title) {
      next.title = changes.title
      said.push('title changed')
    }
    if (owner) {
      next.ownerId = owner.id
      said.push(`owner now ${owner.name}`)
    }
    if (changes.dueOn && changes.dueOn !== existing.dueOn) {
      next.dueOn = changes.dueOn
      said.push(`due ${existing.dueOn} → ${changes.dueOn}`)
    }
    if (changes.note) {
      next.notes = [...existing.notes, { at, by: user.id, text: changes.note }]
      said.push('note added')
    }
    const today = todayOf(practice)
    if (said.length === 0) {
      const [view] = await actionViews(c.var.db, practice.id, [existing], today)
      return c.json(view!, 200)
    }
    const change = `Action ${quoted(existing.title)}: ${said.join(', ')}`
    const saved = await actions.replace(
      c.var.db,
      practice.id,
      existing,
      next,
      line(user, at, 'action', change),
    )
    const [view] = await actionViews(c.var.db, practice.id, [saved], today)
    return c.json(view!, 200)
  })
