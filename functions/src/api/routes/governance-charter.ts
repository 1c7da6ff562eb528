import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { z } from 'zod'
import type { Charter, CharterBody } from '../../domain/governance/committee'
import { defaultCharter } from '../../domain/governance/default-charter'
import type { User } from '../../domain/practice'
import * as committee from '../../store/governance-committee'
import * as users from '../../store/users'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import {
  CharterBody as CharterBodySchema,
  CharterView,
  CommitteeHistory,
  CommitteeMember,
} from './governance-committee-schemas'

const readers = [requireSession(), requireAbility('practice:read')]
const writers = [requireSession(), requireAbility('governance:write')]

const getCharter = createRoute({
  method: 'get',
  path: '/governance/charter',
  tags: ['Governance'],
  summary: "The committee's charter and who sits on it (a default text until it writes one)",
  description:
    'The criteria for how patient input and design ideas are used, the guests (a patient ' +
    'representative) and the cadence. Until the committee saves its own, the answer is a starting ' +
    "text in the practice's first language with `isDefault: true`. `members` lists the people " +
    'with the committee role, the owners and managers (who may write governance too), and the guests.',
  security: sessionSecurity,
  middleware: readers,
  responses: { 200: jsonResponse(CharterView, 'The charter'), ...problemResponses(401, 403) },
})

const putCharter = createRoute({
  method: 'put',
  path: '/governance/charter',
  tags: ['Governance'],
  summary: 'Write the charter (owners, managers and the committee)',
  description: "Kept in the committee's audit trail (`GET /api/governance/history`).",
  security: sessionSecurity,
  middleware: writers,
  request: jsonBody(CharterBodySchema),
  responses: {
    200: jsonResponse(CharterView, 'The charter as saved'),
    ...problemResponses(400, 401, 403, 409),
  },
})

const getHistory = createRoute({
  method: 'get',
  path: '/governance/history',
  tags: ['Governance'],
  summary: "The committee's audit trail: every change to its charter and meetings, oldest first",
  security: sessionSecurity,
  middleware: readers,
  responses: {
    200: jsonResponse(CommitteeHistory, 'Who changed what, and when'),
    ...problemResponses(401, 403),
  },
})

const seatOrder = { committee: 0, owner: 1, manager: 2 } as const

/** The people and guests who sit on the committee, by role then name. */
export function committeeMembers(
  team: readonly User[],
  guests: CharterBody['guests'],
): z.infer<typeof CommitteeMember>[] {
  const seated = team.flatMap((user) =>
    user.role === 'staff'
      ? []
      : [{ kind: 'user' as const, id: user.id, name: user.name, role: user.role }],
  )
  seated.sort((a, b) => seatOrder[a.role] - seatOrder[b.role] || a.name.localeCompare(b.name))
  return [...seated, ...guests.map((guest) => ({ kind: 'guest' as const, ...guest }))]
}

const changedFields = (before: CharterBody, after: CharterBody) =>
  (['criteria', 'guests', 'cadence'] as const).filter(
    (field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  )

export const governanceCharterApi = new OpenAPIHono<AppEnv>()
  .openapi(getCharter, async (c) => {
    const { practice } = c.var.auth
    const [saved, team] = await Promise.all([
      committee.getCharter(c.var.db, practice.id),
      users.list(c.var.db, practice.id),
    ])
    const charter: Charter = saved ?? {
      ...defaultCharter(practice.languages[0] ?? 'en'),
      version: 1,
    }
    const members = committeeMembers(team, charter.guests)
    return c.json({ ...charter, isDefault: !saved, members }, 200)
  })
  .openapi(putCharter, async (c) => {
    const { practice, user } = c.var.auth
    const body = c.req.valid('json')
    const before = await committee.getCharter(c.var.db, practice.id)
    const at = new Date().toISOString()
    const fields = before ? changedFields(before, body) : []
    const saved = await committee.putCharter(
      c.var.db,
      practice.id,
      { ...body, version: 1, updatedAt: at, updatedBy: user.id },
      before?.updatedAt,
      {
        at,
        by: user.id,
        byName: user.name,
        what: 'charter',
        change: before
          ? `Charter changed: ${fields.length ? fields.join(', ') : 'saved unchanged'}`
          : 'Charter written',
      },
    )
    const team = await users.list(c.var.db, practice.id)
    return c.json(
      { ...saved, isDefault: false, members: committeeMembers(team, saved.guests) },
      200,
    )
  })
  .openapi(getHistory, async (c) => {
    const items = await committee.history(c.var.db, c.var.auth.practice.id)
    return c.json({ items }, 200)
  })
