import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { praise } from '../../../../workshops'
import { NotFound } from '../../domain/errors'
import { daysOfIsoWeek, isoWeekOf, shiftIsoWeek } from '../../domain/moments/iso-week'
import type { PersonRef } from '../../domain/moments/recognisable'
import { Id } from '../../domain/practice'
import * as moments from '../../store/moments'
import { roster } from '../../store/roster'
import * as users from '../../store/users'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { praiseOfWeek } from '../moments/week-praise'
import { weekSpan } from '../moments/week-span'
import { asStaffRef } from '../moments/people'
import { problemResponses } from '../problem'
import { publicOrigin } from '../public-origin'
import { jsonResponse, sessionSecurity } from '../schemas'
import { momentView } from './moments'
import { PraiseThemes, Recognised, Recognition, RecognitionQuery } from './moments-schemas'

const manage = [requireSession(), requireAbility('moments:manage')]
const anyone = [requireSession(), requireAbility('practice:read')]

const recogniseRoute = createRoute({
  method: 'post',
  path: '/moments/{id}/recognise',
  tags: ['Moments'],
  summary: "Tell each recognised staffer, with a link to the moment (never the patient's words)",
  description:
    'Sends an e-mail (the local outbox, SES in AWS) to each recognised person with an account. ' +
    "It carries the practice's name and a link; the patient's words are health information and " +
    'stay in the app. Providers without an account are listed in `notNotified`.',
  security: sessionSecurity,
  middleware: manage,
  request: { params: z.object({ id: Id }) },
  responses: {
    200: jsonResponse(Recognised, 'Who was told'),
    ...problemResponses(401, 403, 404),
  },
})

const recognitionRoute = createRoute({
  method: 'get',
  path: '/recognition',
  tags: ['Moments'],
  summary: "Per person: moments that recognised them and patients' praise by name",
  description:
    'By default the last 13 weeks. `mentions` counts comments and reviews that praised the person ' +
    'by name (the same reading as the candidates). People who asked not to be featured are left out.',
  security: sessionSecurity,
  middleware: anyone,
  request: { query: RecognitionQuery },
  responses: {
    200: jsonResponse(Recognition, 'One row per person, most recognised first'),
    ...problemResponses(400, 401, 403),
  },
})

const praiseThemesRoute = createRoute({
  method: 'get',
  path: '/praise-themes',
  tags: ['Moments'],
  summary: 'What patients praise staff for, with labels in each language (workshops/praise.json)',
  security: sessionSecurity,
  middleware: anyone,
  responses: { 200: jsonResponse(PraiseThemes, 'The praise themes'), ...problemResponses(401) },
})

const key = (ref: PersonRef) => `${ref.kind}:${ref.id}`

export const momentRecognitionApi = new OpenAPIHono<AppEnv>()
  .openapi(praiseThemesRoute, (c) =>
    c.json({ items: praise.themes.map(({ id, label }) => ({ id, label })) }, 200),
  )
  .openapi(recogniseRoute, async (c) => {
    const { practice, user } = c.var.auth
    const { id } = c.req.valid('param')
    const [moment, people] = await Promise.all([
      moments.get(c.var.db, practice.id, id),
      roster(c.var.db, practice.id),
    ])
    if (!moment || !momentView(moment, people)) throw new NotFound('moment', id)
    const link = `${publicOrigin(c)}/moments/${moment.id}`
    const notified: PersonRef[] = []
    const notNotified: (PersonRef & { reason: string })[] = []
    for (const ref of moment.staff) {
      const member =
        ref.kind === 'user' ? await users.get(c.var.db, practice.id, ref.id) : undefined
      if (!member) {
        notNotified.push({ ...ref, reason: 'No account to send to: tell them in person.' })
        continue
      }
      // A link and who recognised them; the story is read in the app, where it is protected.
      await c.var.deps.mailer.send({
        practiceId: practice.id,
        to: member.email,
        subject: `You were recognised at ${practice.name}`,
        text:
          `${user.name} recognised you in this week's customer-experience moment at ` +
          `${practice.name}.\n\nSign in to read what the patient said:\n${link}\n`,
        link,
      })
      notified.push(ref)
    }
    await moments.update(
      c.var.db,
      practice.id,
      id,
      { recognised: notified, recognisedAt: new Date().toISOString() },
      new Date().toISOString(),
    )
    return c.json({ notified, notNotified }, 200)
  })
  .openapi(recognitionRoute, async (c) => {
    const { practice } = c.var.auth
    const query = c.req.valid('query')
    const span = weekSpan(query, practice.timeZone, isoWeekOf(new Date(), practice.timeZone))
    const people = (await roster(c.var.db, practice.id)).filter((p) => !p.featureOptOut)
    const all = await moments.list(c.var.db, practice.id)
    const rows = new Map(
      people.map((p) => [
        key(p),
        { staff: asStaffRef(p), moments: 0, mentions: 0, themes: new Map<string, number>() },
      ]),
    )
    for (const m of all) {
      if (m.week < span.fromWeek || m.week > span.toWeek) continue
      for (const ref of m.staff) {
        const row = rows.get(key(ref))
        if (row) row.moments++
      }
    }
    for (let week = span.fromWeek; week <= span.toWeek; week = shiftIsoWeek(week, 1)) {
      const tally = await praiseOfWeek(c.var.db, practice, week, people)
      for (const [who, praised] of Object.entries(tally)) {
        const row = rows.get(who)
        if (!row) continue
        row.mentions += praised.mentions
        for (const [theme, n] of Object.entries(praised.themes)) {
          row.themes.set(theme, (row.themes.get(theme) ?? 0) + n)
        }
      }
    }
    const items = [...rows.values()]
      .map((row) => ({
        ...row,
        themes: [...row.themes]
          .map(([id, count]) => ({ id, count }))
          .sort((a, b) => b.count - a.count || a.id.localeCompare(b.id)),
      }))
      .sort(
        (a, b) =>
          b.moments - a.moments ||
          b.mentions - a.mentions ||
          a.staff.name.localeCompare(b.staff.name),
      )
    return c.json(
      {
        from: daysOfIsoWeek(span.fromWeek).monday,
        to: daysOfIsoWeek(span.toWeek).sunday,
        items,
      },
      200,
    )
  })
