import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import { isoWeekOf } from '../../domain/moments/iso-week'
import * as audit from '../../store/audit'
import * as moments from '../../store/moments'
import * as submissions from '../../store/moment-submissions'
import { roster } from '../../store/roster'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { weekCandidates } from '../moments/week-candidates'
import { resolvePeople } from '../moments/people'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import { Candidates, CandidatesQuery, Submission, SubmissionBody } from './moments-schemas'

const manage = [requireSession(), requireAbility('moments:manage')]
const anyone = [requireSession(), requireAbility('practice:read')]

const candidatesRoute = createRoute({
  method: 'get',
  path: '/moments/candidates',
  tags: ['Moments'],
  summary: "This week's stories where staff rose to the occasion, best first",
  description:
    "Survey comments and reviews of the ISO week (the practice's time zone) that praise a named " +
    'staffer or provider, or tell of a failure put right, and every colleague\'s "I saw this ' +
    'happen". A story that names someone in a complaint, or names someone who asked not to be ' +
    "featured, is left out. Quotes are de-identified. Reading patients' words is audited.",
  security: sessionSecurity,
  middleware: manage,
  request: { query: CandidatesQuery },
  responses: {
    200: jsonResponse(Candidates, 'The candidates, ranked, each with the reason it was picked'),
    ...problemResponses(400, 401, 403),
  },
})

const submitRoute = createRoute({
  method: 'post',
  path: '/moments/submissions',
  tags: ['Moments'],
  summary: '"I saw this happen": a colleague\'s story for the manager\'s candidates',
  security: sessionSecurity,
  middleware: anyone,
  request: jsonBody(SubmissionBody),
  responses: {
    201: jsonResponse(Submission, "Kept; the manager sees it among this week's candidates"),
    ...problemResponses(400, 401, 403),
  },
})

export const momentCandidatesApi = new OpenAPIHono<AppEnv>()
  .openapi(candidatesRoute, async (c) => {
    const { practice } = c.var.auth
    const week = c.req.valid('query').week ?? isoWeekOf(new Date(), practice.timeZone)
    const people = await roster(c.var.db, practice.id)
    const [ranked, existing] = await Promise.all([
      weekCandidates(c.var.db, practice, week, people),
      moments.list(c.var.db, practice.id),
    ])
    const momentOf = new Map(
      existing.flatMap((m) => (m.origin ? [[`${m.origin.kind}:${m.origin.id}`, m.id]] : [])),
    )
    const items = ranked.map((candidate) => {
      const momentId = momentOf.get(`${candidate.origin.kind}:${candidate.origin.id}`)
      return { ...candidate, ...(momentId ? { momentId } : {}) }
    })
    await audit.record(c.var.db, practice.id, {
      actorId: c.var.auth.user.id,
      action: 'moments.candidates',
      details: { week, candidates: items.length },
    })
    return c.json({ week, items }, 200)
  })
  .openapi(submitRoute, async (c) => {
    const { practice, user } = c.var.auth
    const body = c.req.valid('json')
    const people = await roster(c.var.db, practice.id)
    // A colleague may name someone who opted out: the picker then leaves the story out.
    resolvePeople(body.staff, people, 'staff', { featuring: false })
    const now = new Date()
    const submission = {
      ...body,
      id: ulid(),
      week: isoWeekOf(now, practice.timeZone),
      submittedBy: user.id,
      submittedAt: now.toISOString(),
    }
    await submissions.add(c.var.db, practice.id, submission)
    return c.json(submission, 201)
  })
