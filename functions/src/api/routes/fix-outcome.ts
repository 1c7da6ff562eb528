import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { dayOf } from '../../domain/calendar'
import { NotFound } from '../../domain/errors'
import { getFix } from '../../store/governance-fixes'
import type { AppEnv } from '../env'
import { outcomeOfFix } from '../governance/outcome-of-fix'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { FixOutcome, FixParams, OutcomeQuery } from './fix-outcome-schemas'

const outcomeRoute = createRoute({
  method: 'get',
  path: '/fixes/{id}/outcome',
  tags: ['Governance'],
  summary: 'Did the fix work? Its touch point before and after, stated honestly',
  description:
    "The fix's touch point, week by week from the counters (one Query, whatever the number of " +
    'responses): the baseline weeks before the week the fix took effect against the weeks from ' +
    'then to this week (practice time), with top-box shares and Wilson intervals, the ' +
    'two-proportion test, the run-chart rules on the weeks after against the baseline median, a ' +
    'p-chart when most weeks have 30 answers, the same for NPS when answered, and a verdict that ' +
    'never calls noise a change.',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('practice:read')],
  request: { params: FixParams, query: OutcomeQuery },
  responses: {
    200: jsonResponse(FixOutcome, 'The outcome and its verdict'),
    ...problemResponses(400, 401, 403, 404),
  },
})

export const fixOutcomeApi = new OpenAPIHono<AppEnv>().openapi(outcomeRoute, async (c) => {
  const { practice } = c.var.auth
  const { id } = c.req.valid('param')
  const { baselineWeeks } = c.req.valid('query')
  // The practice comes from the session: another practice's fix id is simply not found.
  const fix = await getFix(c.var.db, practice.id, id)
  if (!fix) throw new NotFound('fix', id)
  const today = dayOf(new Date(), practice.timeZone)
  const outcome = await outcomeOfFix(c.var.db, practice, fix, { today, baselineWeeks })
  return c.json({ fixId: fix.id, touchpointId: fix.touchpointId, ...outcome }, 200)
})
