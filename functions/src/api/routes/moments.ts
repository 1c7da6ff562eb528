import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { ulid } from 'ulid'
import { z } from 'zod'
import { praise } from '../../../../workshops'
import { NotFound } from '../../domain/errors'
import { isoWeekOf } from '../../domain/moments/iso-week'
import type { Moment } from '../../domain/moments/moment'
import { momentQuote } from '../../domain/moments/moment-quote'
import { praiseOf } from '../../domain/moments/praise'
import type { Recognisable } from '../../domain/moments/recognisable'
import { Id } from '../../domain/practice'
import { fold } from '../../domain/themes'
import * as moments from '../../store/moments'
import { roster } from '../../store/roster'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { weekSpan } from '../moments/week-span'
import { asStaffRef, resolvePeople } from '../moments/people'
import { problemResponses } from '../problem'
import { jsonBody, jsonResponse, sessionSecurity } from '../schemas'
import { MomentChanges, Moments, MomentsQuery, MomentView, NewMoment } from './moments-schemas'

const manage = [requireSession(), requireAbility('moments:manage')]
const anyone = [requireSession(), requireAbility('practice:read')]
const params = z.object({ id: Id })

const createMoment = createRoute({
  method: 'post',
  path: '/moments',
  tags: ['Moments'],
  summary: "Write the week's customer-experience moment (from a candidate, or from scratch)",
  description:
    'The quote is de-identified again as it is saved, whoever typed it. `patientGain` is ' +
    "required: the moment is the patient's success, not something the practice did. A story " +
    '(`origin`) becomes at most one moment: a second answers 409 naming the first.',
  security: sessionSecurity,
  middleware: manage,
  request: jsonBody(NewMoment),
  responses: {
    201: jsonResponse(MomentView, 'The moment'),
    ...problemResponses(400, 401, 403, 409),
  },
})

const listMoments = createRoute({
  method: 'get',
  path: '/moments',
  tags: ['Moments'],
  summary: 'Moments by week, newest first; searchable, and per person',
  security: sessionSecurity,
  middleware: anyone,
  request: { query: MomentsQuery },
  responses: {
    200: jsonResponse(Moments, 'The moments, and how many weeks of the range had one'),
    ...problemResponses(400, 401, 403),
  },
})

const getMoment = createRoute({
  method: 'get',
  path: '/moments/{id}',
  tags: ['Moments'],
  summary: 'One moment (what a recognised staffer opens from their message)',
  security: sessionSecurity,
  middleware: anyone,
  request: { params },
  responses: { 200: jsonResponse(MomentView, 'The moment'), ...problemResponses(401, 403, 404) },
})

const changeMoment = createRoute({
  method: 'patch',
  path: '/moments/{id}',
  tags: ['Moments'],
  summary: 'Change a moment',
  security: sessionSecurity,
  middleware: manage,
  request: { params, ...jsonBody(MomentChanges) },
  responses: {
    200: jsonResponse(MomentView, 'The moment as changed'),
    ...problemResponses(400, 401, 403, 404, 409),
  },
})

/** A moment with its people's names as they are now; undefined if it features an opted-out person. */
export function momentView(moment: Moment, people: readonly Recognisable[]) {
  const featured = moment.staff.map((ref) =>
    people.find((p) => p.kind === ref.kind && p.id === ref.id),
  )
  // "Don't feature me" reaches back: a moment that featured them is no longer shown.
  if (featured.some((p) => p?.featureOptOut)) return undefined
  const staffNames = featured.flatMap((p, i) =>
    p ? [asStaffRef(p)] : [{ ...moment.staff[i]!, name: 'Former colleague' }],
  )
  return { ...moment, staffNames }
}

const keepNames = (people: readonly Recognisable[]) =>
  people.flatMap((person) => [person.name, ...person.aliases])

function matches(moment: Moment, words: string[]): boolean {
  const text = fold([moment.quote, moment.whatTheyDid, moment.patientGain].join(' '))
  return words.every((word) => text.includes(word))
}

export const momentsApi = new OpenAPIHono<AppEnv>()
  .openapi(createMoment, async (c) => {
    const { practice, user } = c.var.auth
    const body = c.req.valid('json')
    const people = await roster(c.var.db, practice.id)
    resolvePeople(body.staff, people, 'staff', { featuring: true })
    const now = new Date().toISOString()
    const moment: Moment = {
      ...body,
      quote: momentQuote(body.quote, keepNames(people)),
      id: ulid(),
      version: 1,
      createdBy: user.id,
      createdAt: now,
      updatedAt: now,
      recognised: [],
      praise: praiseOf([body.quote, body.whatTheyDid], practice.languages, praise),
    }
    await moments.create(c.var.db, practice.id, moment)
    return c.json(momentView(moment, people)!, 201)
  })
  .openapi(listMoments, async (c) => {
    const { practice } = c.var.auth
    const query = c.req.valid('query')
    const span = weekSpan(query, practice.timeZone, isoWeekOf(new Date(), practice.timeZone))
    const words = (query.q ?? '').split(/\s+/).map(fold).filter(Boolean)
    const [all, people] = await Promise.all([
      moments.list(c.var.db, practice.id),
      roster(c.var.db, practice.id),
    ])
    const items = all
      .filter((m) => m.week >= span.fromWeek && m.week <= span.toWeek)
      .filter((m) => !query.staff || m.staff.some((ref) => ref.id === query.staff))
      .filter((m) => matches(m, words))
      .flatMap((m) => momentView(m, people) ?? [])
    const weeksWithMoment = new Set(
      all.filter((m) => m.week >= span.fromWeek && m.week <= span.toWeek).map((m) => m.week),
    ).size
    return c.json({ items, weeks: span.weeks, weeksWithMoment }, 200)
  })
  .openapi(getMoment, async (c) => {
    const { practice } = c.var.auth
    const { id } = c.req.valid('param')
    const [moment, people] = await Promise.all([
      moments.get(c.var.db, practice.id, id),
      roster(c.var.db, practice.id),
    ])
    const view = moment && momentView(moment, people)
    if (!view) throw new NotFound('moment', id)
    return c.json(view, 200)
  })
  .openapi(changeMoment, async (c) => {
    const { practice } = c.var.auth
    const { id } = c.req.valid('param')
    const changes = c.req.valid('json')
    const people = await roster(c.var.db, practice.id)
    if (changes.staff) resolvePeople(changes.staff, people, 'staff', { featuring: true })
    const quote = changes.quote && momentQuote(changes.quote, keepNames(people))
    // New words may praise something else: the history charts what the moment says now.
    const before =
      changes.quote || changes.whatTheyDid
        ? await moments.get(c.var.db, practice.id, id)
        : undefined
    const reread = before && {
      praise: praiseOf(
        [changes.quote ?? before.quote, changes.whatTheyDid ?? before.whatTheyDid],
        practice.languages,
        praise,
      ),
    }
    const updated = await moments.update(
      c.var.db,
      practice.id,
      id,
      { ...changes, ...(quote ? { quote } : {}), ...reread },
      new Date().toISOString(),
    )
    const view = momentView(updated, people)
    if (!view) throw new NotFound('moment', id)
    return c.json(view, 200)
  })
