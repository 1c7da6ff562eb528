import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import type { Action } from '../../domain/boards/board'
import * as boardActions from '../../store/board-actions'
import * as cases from '../../store/governance-cases'
import * as actions from '../../store/governance-actions'
import * as users from '../../store/users'
import type { AppEnv } from '../env'
import { todayOf } from '../governance/checks'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { MyActions, MyActionsQuery } from './cases-schemas'

const listActions = createRoute({
  method: 'get',
  path: '/actions',
  tags: ['Governance'],
  summary: "A person's actions across cases and workshop boards, the soonest due first",
  description:
    "Case actions and boards' follow-up actions together (`source`), each with its case or board, " +
    'due date and `overdue` flag. A board action already promoted to a case names that case; ' +
    'promote one with `POST /api/cases` and `origin: { kind: "board-action", id, boardId }`. ' +
    'Board actions are open or done; `status=doing` lists case actions only.',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:read')],
  request: { query: MyActionsQuery },
  responses: {
    200: jsonResponse(MyActions, 'The actions'),
    ...problemResponses(400, 401, 403),
  },
})

const wanted = (status: string, query: string) =>
  query === 'all' || query === status || (query === 'active' && status !== 'done')

export const myActionsApi = new OpenAPIHono<AppEnv>().openapi(listActions, async (c) => {
  const { practice, user } = c.var.auth
  const query = c.req.valid('query')
  const owner = query.owner === 'me' ? user.id : query.owner
  const today = todayOf(practice)
  const boardStatuses: Action['status'][] =
    query.status === 'all'
      ? ['open', 'done']
      : query.status === 'done'
        ? ['done']
        : query.status === 'doing'
          ? []
          : ['open']
  const [caseList, caseActions, team, promoted, ...boardLists] = await Promise.all([
    cases.list(c.var.db, practice.id),
    actions.listAll(c.var.db, practice.id),
    users.list(c.var.db, practice.id),
    cases.originsOf(c.var.db, practice.id, 'board-action'),
    ...boardStatuses.map((status) => boardActions.list(c.var.db, practice.id, status)),
  ])
  const titles = new Map(caseList.map((kase) => [kase.id, kase.title]))
  const names = new Map(team.map((member) => [member.id, member.name]))
  const fromCases = caseActions
    .filter((action) => !owner || action.ownerId === owner)
    .filter((action) => wanted(action.status, query.status))
    .map((action) => ({
      source: 'case' as const,
      id: action.id,
      title: action.title,
      owner: { id: action.ownerId, name: names.get(action.ownerId) ?? 'Former colleague' },
      dueOn: action.dueOn,
      status: action.status,
      overdue: action.status !== 'done' && action.dueOn < today,
      case: { id: action.caseId, title: titles.get(action.caseId) ?? '' },
      ...(action.fixId ? { fixId: action.fixId } : {}),
    }))
  const fromBoards = boardLists
    .flat()
    // A signed-in staffer takes part in a board as `u_<their user id>` (boards-access.ts).
    .filter(({ action }) => !owner || action.owner?.id === `u_${owner}`)
    .map(({ board, action }) => {
      const caseId = promoted.get(action.id)
      return {
        source: 'board' as const,
        id: action.id,
        title: action.text,
        // Named as case actions name theirs: a staffer by user id (a guest keeps `g_…`).
        owner: action.owner && {
          id: action.owner.id?.replace(/^u_/, '') ?? null,
          name: action.owner.name,
        },
        dueOn: action.due,
        status: action.status,
        overdue: action.status !== 'done' && action.due !== null && action.due < today,
        board,
        ...(caseId ? { case: { id: caseId, title: titles.get(caseId) ?? '' } } : {}),
      }
    })
  const items = [...fromCases, ...fromBoards].sort((a, b) =>
    (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999'),
  )
  return c.json({ items }, 200)
})
