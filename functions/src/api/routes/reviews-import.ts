import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { importReviews } from '../../ingest/imports/import-reviews'
import { maxImportRows } from '../../ingest/imports/csv-rows'
import { reviewColumns } from '../../ingest/imports/review-row'
import type { AppEnv } from '../env'
import { requireAbility, requireSession } from '../middleware/session'
import { problemResponses } from '../problem'
import { jsonResponse, sessionSecurity } from '../schemas'
import { importBodyPaths } from './import-limits'
import { csvOfRequest } from './import-body'
import { csvBody, ReviewImportResult } from './import-schemas'

const importReviewsRoute = createRoute({
  method: 'post',
  path: importBodyPaths.reviews,
  tags: ['Reviews'],
  summary: 'Import reviews from a CSV file (manager or owner)',
  description:
    `Columns \`${reviewColumns.join(',')}\` (source, date and stars required; \`location\` is a ` +
    "location's name or id). Each good row is upserted by (source, external_id); without " +
    'external_id the identity is a hash of source, date, author and text, so importing the same ' +
    `file again changes nothing. Bad rows are listed with their reasons. At most ${maxImportRows} ` +
    'rows a request (413 above); the body may be several MB.',
  security: sessionSecurity,
  middleware: [requireSession(), requireAbility('imports:run')] as const,
  request: { body: csvBody('The review template: a header row, then one review a row.') },
  responses: {
    200: jsonResponse(ReviewImportResult, 'How many rows were imported, updated, unchanged'),
    ...problemResponses(400, 401, 403, 413, 415),
  },
})

export const reviewsImportApi = new OpenAPIHono<AppEnv>().openapi(importReviewsRoute, async (c) => {
  const table = await csvOfRequest(c)
  if (table instanceof Response) return table as never
  const { practice } = c.var.auth
  return c.json(await importReviews(c.var.db, practice, table), 200)
})
