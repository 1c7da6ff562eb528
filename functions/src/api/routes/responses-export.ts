import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { z } from 'zod'
import { dayOf } from '../../domain/calendar'
import type { SurveyVersion } from '../../domain/survey-records'
import * as audit from '../../store/audit'
import * as locations from '../../store/locations'
import * as providers from '../../store/providers'
import * as surveys from '../../store/surveys'
import type { AppEnv } from '../env'
import { streamedExports } from '../export-port'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { sessionSecurity } from '../schemas'
import { responseCsv } from './responses-csv'
import { responseReader } from './responses-reader'
import { ResponseFilters } from './responses-schemas'

const exportResponses = createRoute({
  method: 'get',
  path: '/responses.csv',
  tags: ['Responses'],
  summary: 'Every response matching the filters as CSV, one column per question (manager or owner)',
  description:
    'Streamed locally; in AWS the file is built in S3 and the answer is a 303 to a link that ' +
    'works for 5 minutes. Each export is written to the audit log.',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('responses:export')] as const,
  request: { query: ResponseFilters },
  responses: {
    200: { description: 'CSV (UTF-8)', content: { 'text/csv': { schema: z.string() } } },
    303: { description: 'The CSV, at a short-lived download link' },
    ...problemResponses(400, 401, 403),
  },
})

export const responsesExportApi = new OpenAPIHono<AppEnv>().openapi(exportResponses, async (c) => {
  const filters = c.req.valid('query')
  const { practice, user } = c.var.auth
  const reader = responseReader(c, filters)
  const [places, clinicians, versions] = await Promise.all([
    locations.list(c.var.db, practice.id),
    providers.list(c.var.db, practice.id),
    versionsInScope(c.var.db, practice.id, filters.surveyId),
  ])
  // Who exported what, when: ids and filters only, never a patient's words.
  await audit.record(c.var.db, practice.id, {
    actorId: user.id,
    action: 'responses.export',
    details: Object.fromEntries(
      Object.entries(filters).filter((entry): entry is [string, string | number] =>
        ['string', 'number'].includes(typeof entry[1]),
      ),
    ),
  })
  const exports = c.var.deps.exports ?? streamedExports
  // The port answers a Response of its own (a stream or a redirect); typed as the route's 200.
  return (await exports.deliver({
    practiceId: practice.id,
    fileName: `responses-${dayOf(new Date(), practice.timeZone)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    chunks: responseCsv({
      db: c.var.db,
      practiceId: practice.id,
      timeZone: practice.timeZone,
      language: practice.languages[0] ?? 'en',
      reader,
      versions,
      places,
      clinicians,
    }),
  })) as never
})

/** Every published version of the practice's surveys (or of one), oldest first. */
async function versionsInScope(
  db: Parameters<typeof surveys.list>[0],
  practiceId: string,
  surveyId: string | undefined,
): Promise<SurveyVersion[]> {
  const all = await surveys.list(db, practiceId)
  const inScope = all.filter((s) => !surveyId || s.id === surveyId)
  const versions = await Promise.all(
    inScope.flatMap((survey) =>
      Array.from({ length: survey.publishedVersion ?? 0 }, (_, i) =>
        surveys.getVersion(db, practiceId, survey.id, i + 1),
      ),
    ),
  )
  return versions.filter((v): v is SurveyVersion => v !== undefined)
}
