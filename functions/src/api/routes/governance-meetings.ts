import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import { z } from 'zod'
import { agendas } from '../../../../workshops'
import { Invalid, NotFound } from '../../domain/errors'
import type { Meeting } from '../../domain/governance/committee'
import type { HistoryEntry } from '../../domain/governance/history'
import { Id } from '../../domain/practice'
import type { Db } from '../../store/db'
import * as committee from '../../store/governance-committee'
import * as cases from '../../store/governance-cases'
import * as users from '../../store/users'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import { MeetingChanges, Meetings, MeetingView, NewMeeting } from './governance-committee-schemas'

const readers = [requireSession(), requireAbility('practice:read')]
const writers = [requireSession(), requireAbility('governance:write')]
const params = z.object({ id: Id })

const createMeeting = createRoute({
  method: 'post',
  path: '/governance/meetings',
  tags: ['Governance'],
  summary: 'Record a committee meeting: its date, agenda, who came, minutes and decisions',
  description:
    'Attendees are people of the practice; each decision may name the cases it is about, and ' +
    "each case so named gets a line in its own history. Kept in the committee's audit trail.",
  security: sessionSecurity,
  middleware: writers,
  request: jsonBody(NewMeeting),
  responses: {
    201: jsonResponse(MeetingView, 'The meeting'),
    ...problemResponses(400, 401, 403),
  },
})

const listMeetings = createRoute({
  method: 'get',
  path: '/governance/meetings',
  tags: ['Governance'],
  summary: "The committee's meetings, the latest first",
  security: sessionSecurity,
  middleware: readers,
  responses: { 200: jsonResponse(Meetings, 'The meetings'), ...problemResponses(401, 403) },
})

const getMeeting = createRoute({
  method: 'get',
  path: '/governance/meetings/{id}',
  tags: ['Governance'],
  summary: 'One meeting',
  security: sessionSecurity,
  middleware: readers,
  request: { params },
  responses: { 200: jsonResponse(MeetingView, 'The meeting'), ...problemResponses(401, 403, 404) },
})

const changeMeeting = createRoute({
  method: 'patch',
  path: '/governance/meetings/{id}',
  tags: ['Governance'],
  summary: 'Change a meeting: its minutes, who came, its decisions, its date',
  description: 'A list sent (attendees, guests, decisions) replaces the stored one as a whole.',
  security: sessionSecurity,
  middleware: writers,
  request: { params, ...jsonBody(MeetingChanges) },
  responses: {
    200: jsonResponse(MeetingView, 'The meeting as changed'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
})

/**
 * Refuse, naming every wrong field at once, attendees who are not people of this practice and
 * decisions about cases it does not have (another practice's ids among them).
 */
async function checkReferences(
  db: Db,
  practiceId: string,
  meeting: Pick<Meeting, 'agendaId' | 'attendees' | 'decisions'>,
) {
  const [team, register] = await Promise.all([
    users.list(db, practiceId),
    meeting.decisions.some((decision) => decision.caseIds.length > 0)
      ? cases.list(db, practiceId)
      : Promise.resolve([]),
  ])
  const people = new Set(team.map((user) => user.id))
  const caseIds = new Set(register.map((kase) => kase.id))
  const errors: { field: string; message: string }[] = []
  if (!agendas.some((agenda) => agenda.id === meeting.agendaId))
    errors.push({ field: 'agendaId', message: 'No such agenda' })
  meeting.attendees.forEach((id, i) => {
    if (!people.has(id)) errors.push({ field: `attendees.${i}`, message: 'Not in this practice' })
  })
  meeting.decisions.forEach((decision, i) =>
    decision.caseIds.forEach((id, j) => {
      if (!caseIds.has(id))
        errors.push({ field: `decisions.${i}.caseIds.${j}`, message: 'No such case' })
    }),
  )
  if (errors.length) throw new Invalid(errors[0]!.message, errors[0]!.field, errors)
}

/** A history line for each case a decision newly names, so the case's trail shows the decision. */
function decisionLines(
  before: Meeting | undefined,
  after: Meeting,
  entry: Omit<HistoryEntry, 'what' | 'change'>,
) {
  const known = new Set(
    (before?.decisions ?? []).flatMap((d) => d.caseIds.map((id) => `${id}\n${d.text}`)),
  )
  return after.decisions.flatMap((decision) =>
    decision.caseIds
      .filter((caseId) => !known.has(`${caseId}\n${decision.text}`))
      .map((caseId) => ({
        caseId,
        entry: {
          ...entry,
          what: 'decision' as const,
          change: `Decision at the committee meeting of ${after.date}: ${decision.text}`,
        },
      })),
  )
}

const changedFields = (changes: z.infer<typeof MeetingChanges>) =>
  Object.keys(changes)
    .filter((field) => changes[field as keyof typeof changes] !== undefined)
    .join(', ')

export const governanceMeetingsApi = new OpenAPIHono<AppEnv>()
  .openapi(createMeeting, async (c) => {
    const { practice, user } = c.var.auth
    const body = c.req.valid('json')
    await checkReferences(c.var.db, practice.id, body)
    const at = new Date().toISOString()
    const meeting: Meeting = {
      ...body,
      id: ulid(),
      version: 1,
      createdBy: user.id,
      createdAt: at,
      updatedAt: at,
    }
    const by = { at, by: user.id, byName: user.name }
    const saved = await committee.createMeeting(
      c.var.db,
      practice.id,
      meeting,
      {
        ...by,
        what: 'meeting',
        meetingId: meeting.id,
        change: `Meeting of ${meeting.date} recorded`,
      },
      decisionLines(undefined, meeting, by),
    )
    return c.json(saved, 201)
  })
  .openapi(listMeetings, async (c) => {
    const items = await committee.listMeetings(c.var.db, c.var.auth.practice.id)
    return c.json({ items }, 200)
  })
  .openapi(getMeeting, async (c) => {
    const { id } = c.req.valid('param')
    const meeting = await committee.getMeeting(c.var.db, c.var.auth.practice.id, id)
    if (!meeting) throw new NotFound('meeting', id)
    return c.json(meeting, 200)
  })
  .openapi(changeMeeting, async (c) => {
    const { practice, user } = c.var.auth
    const { id } = c.req.valid('param')
    const changes = c.req.valid('json')
    const before = await committee.getMeeting(c.var.db, practice.id, id)
    if (!before) throw new NotFound('meeting', id)
    const at = new Date().toISOString()
    const next: Meeting = { ...before, ...stripUndefined(changes), updatedAt: at }
    await checkReferences(c.var.db, practice.id, next)
    const by = { at, by: user.id, byName: user.name }
    const saved = await committee.replaceMeeting(
      c.var.db,
      practice.id,
      before,
      next,
      {
        ...by,
        what: 'meeting',
        meetingId: id,
        change: `Meeting of ${next.date} changed: ${changedFields(changes)}`,
      },
      decisionLines(before, next, by),
    )
    return c.json(saved, 200)
  })

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as Partial<T>
}
