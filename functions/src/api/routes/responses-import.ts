import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { Invalid } from '../../domain/errors'
import { maxImportRows } from '../../ingest/imports/csv-rows'
import { importResponses } from '../../ingest/imports/import-responses'
import { ColumnMapping } from '../../ingest/imports/response-columns'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { importBodyPaths } from './import-limits'
import { csvOfRequest } from './import-body'
import { csvBody, ResponseImportQuery, ResponseImportResult } from './import-schemas'

const importResponsesRoute = createRoute({
  method: 'post',
  path: importBodyPaths.responses,
  tags: ['Responses'],
  summary: 'Import past survey results from a CSV file (manager or owner)',
  description:
    "A column named after a question's id answers that question; `date` (ISO date or date-time, " +
    'required; a date alone counts at noon in the practice time zone), `location` and `provider` ' +
    '(name or id), `language` and `external_id` are recognised; `mapping` names the other columns. ' +
    'Each row is checked and counted exactly like a submission to the live version and carries ' +
    "`source: 'import'`; its idempotency key comes from external_id or a hash of the row, so a " +
    `re-import changes nothing. At most ${maxImportRows} rows a request (413 above).`,
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('imports:run')] as const,
  request: {
    query: ResponseImportQuery,
    body: csvBody('A header row, then one response a row.'),
  },
  responses: {
    200: jsonResponse(ResponseImportResult, 'How many rows were imported or already there'),
    ...problemResponses(400, 401, 403, 404, 413, 415),
  },
})

export const responsesImportApi = new OpenAPIHono<AppEnv>().openapi(
  importResponsesRoute,
  async (c) => {
    const { surveyId, mapping } = c.req.valid('query')
    const columns = mapping === undefined ? {} : mappingOf(mapping)
    const table = await csvOfRequest(c)
    if (table instanceof Response) return table as never
    const { practice } = c.var.auth
    return c.json(await importResponses(c.var.db, practice, surveyId, table, columns), 200)
  },
)

function mappingOf(text: string): Record<string, string> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  const parsed = ColumnMapping.safeParse(json)
  if (!parsed.success)
    throw new Invalid('mapping: expected JSON such as {"Column": "questionId"}', 'mapping')
  return parsed.data
}
