import type { Context } from 'hono'
import { readCsv, type CsvTable } from '../../ingest/imports/csv-rows'
import { problem } from '../problem'

/**
 * The CSV table a request carries, streamed from its body, or a 415 problem when the body is not
 * declared as CSV (the import routes read nothing else).
 */
export async function csvOfRequest(c: Context): Promise<CsvTable | Response> {
  const type = c.req.header('content-type') ?? ''
  if (!/^text\/csv\s*(;|$)/i.test(type)) {
    return problem(c, {
      status: 415,
      code: 'unsupported-media-type',
      detail: 'Send the file as text/csv (UTF-8), with a header row.',
      field: 'body',
    })
  }
  return readCsv(c.req.raw.body)
}
