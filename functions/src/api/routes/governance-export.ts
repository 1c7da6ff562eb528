import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { agendas } from '../../../../workshops'
import { agendaIn } from '../../domain/agendas'
import { dayOf } from '../../domain/calendar'
import { NotFound } from '../../domain/errors'
import { reviewClock } from '../../domain/governance/case'
import { minutesMarkdown } from '../../domain/governance/minutes-markdown'
import type { Verdict } from '../../domain/governance/outcome-verdict'
import { outcomeLine } from '../../domain/governance/outcome-words'
import { Id } from '../../domain/practice'
import * as actions from '../../store/governance-actions'
import * as cases from '../../store/governance-cases'
import * as committee from '../../store/governance-committee'
import * as fixes from '../../store/governance-fixes'
import * as users from '../../store/users'
import type { AppEnv } from '../env'
import { outcomeOfFix } from '../governance/outcome-of-fix'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { sessionSecurity } from '../schemas'

/** Actions due within this many days of the meeting are listed as due. */
const dueWithinDays = 7

const exportMinutes = createRoute({
  method: 'get',
  path: '/governance/meetings/{id}/export.md',
  tags: ['Governance'],
  summary: "The meeting's minutes as a Markdown file for the practice's records",
  description:
    'Who was there, the agenda, the minutes, each decision with its cases (title and status), and ' +
    'as of the export: the cases past their 72 hours without a review, the actions not done that ' +
    `are overdue or due within ${dueWithinDays} days of the meeting, and the fixes in effect by its date ` +
    '(with their RCA² strength and date) and their outcome in words, worse first, then improved, no ' +
    "change and not enough data. The committee's words only: no case description, " +
    "evidence or patient's words. Every stored text is Markdown-escaped.",
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:read')],
  request: { params: z.object({ id: Id }) },
  responses: {
    200: { description: 'Markdown (UTF-8)', content: { 'text/markdown': { schema: z.string() } } },
    ...problemResponses(400, 401, 403, 404),
  },
})

/** The order of the fixes in the minutes: what needs the committee's attention first. */
const verdictOrder: Record<Verdict, number> = {
  worse: 0,
  improved: 1,
  'no-change': 2,
  'not-enough-data': 3,
}

const addDays = (day: string, days: number) => {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

export const governanceExportApi = new OpenAPIHono<AppEnv>().openapi(exportMinutes, async (c) => {
  const { practice } = c.var.auth
  const { id } = c.req.valid('param')
  const meeting = await committee.getMeeting(c.var.db, practice.id, id)
  if (!meeting) throw new NotFound('meeting', id)
  const [team, register, work, fixList] = await Promise.all([
    users.list(c.var.db, practice.id),
    cases.list(c.var.db, practice.id),
    actions.listAll(c.var.db, practice.id),
    fixes.listAll(c.var.db, practice.id),
  ])
  const language = practice.languages[0] ?? 'en'
  const now = new Date()
  const today = dayOf(now, practice.timeZone)
  const nameOf = (userId: string) =>
    team.find((user) => user.id === userId)?.name ??
    (language === 'es' ? 'Antiguo compañero' : 'Former colleague')
  const caseById = new Map(register.map((kase) => [kase.id, kase]))
  const caseTitle = (caseId: string) => caseById.get(caseId)?.title ?? '?'
  const agenda = agendas.find((candidate) => candidate.id === meeting.agendaId)
  const inEffect = fixList.filter((fix) => fix.effectiveOn <= meeting.date)
  const outcomes = await Promise.all(
    inEffect.map((fix) => outcomeOfFix(c.var.db, practice, fix, { today })),
  )
  const judged = inEffect
    .map((fix, i) => ({ fix, outcome: outcomes[i]! }))
    .sort(
      (a, b) =>
        verdictOrder[a.outcome.verdict] - verdictOrder[b.outcome.verdict] ||
        a.fix.effectiveOn.localeCompare(b.fix.effectiveOn),
    )
  const markdown = minutesMarkdown({
    language,
    practiceName: practice.name,
    meeting,
    agenda: agenda && agendaIn(agenda, language),
    present: meeting.attendees.map((userId) => ({
      name: nameOf(userId),
      role: team.find((user) => user.id === userId)?.role ?? '—',
    })),
    decisions: meeting.decisions.map((decision) => ({
      text: decision.text,
      cases: decision.caseIds.flatMap((caseId) => {
        const kase = caseById.get(caseId)
        return kase ? [{ title: kase.title, status: kase.status }] : []
      }),
    })),
    casesPastReview: register.flatMap((kase) => {
      const clock = reviewClock(kase, now)
      return clock.overdue
        ? [{ title: kase.title, status: kase.status, hoursLate: -(clock.hoursLeft ?? 0) }]
        : []
    }),
    actions: work
      .filter(
        (action) =>
          action.status !== 'done' && action.dueOn <= addDays(meeting.date, dueWithinDays),
      )
      .map((action) => ({
        title: action.title,
        ownerName: nameOf(action.ownerId),
        dueOn: action.dueOn,
        overdue: action.dueOn < today,
        caseTitle: caseTitle(action.caseId),
      })),
    fixes: judged.map(({ fix, outcome }) => ({
      title: fix.title,
      caseTitle: caseTitle(fix.caseId),
      strength: fix.strength,
      effectiveOn: fix.effectiveOn,
      outcome: outcomeLine(outcome, language),
    })),
    asOf: now.toISOString(),
  })
  return c.body(markdown, 200, {
    'content-type': 'text/markdown; charset=utf-8',
    'content-disposition': `attachment; filename="governance-meeting-${meeting.date}.md"`,
  })
})
