import { IdempotencyKeyReused, Invalid, NotFound } from '../../domain/errors'
import type { Db } from '../../store/db'
import * as locations from '../../store/locations'
import * as providers from '../../store/providers'
import * as surveys from '../../store/surveys'
import { acceptAnswers } from '../survey-submission'
import type { CsvTable } from './csv-rows'
import type { RejectedRow } from './import-reviews'
import { columnTargets } from './response-columns'
import { responseOfRow } from './response-row'
import { placeFinder } from './review-row'

export interface ResponseImport {
  imported: number
  unchanged: number
  rejected: RejectedRow[]
}

/** Rows accepted at once: each is its own transaction, and they share counters. */
const concurrency = 4

/**
 * Import past survey results (a CSV from another tool) into one survey of the practice. Each row
 * goes the way a patient's submission goes (`acceptAnswers`: checked against the live version, its
 * comment read, stored with its counters in one transaction) dated by its own date and marked
 * `source: 'import'`; its idempotency key comes from `external_id` or from what the row says, so
 * the same file imported again stores nothing. Rows that cannot be read or whose answers do not fit
 * are listed with their reasons.
 *
 * @example
 * await importResponses(db, practice, surveyId, await readCsv(body), { When: 'date' })
 * // { imported: 412, unchanged: 0, rejected: [{ row: 9, reason: 'recommend: Expected a whole number from 0 to 10' }] }
 */
export async function importResponses(
  db: Db,
  practice: { id: string; timeZone: string },
  surveyId: string,
  table: CsvTable,
  mapping: Record<string, string> = {},
): Promise<ResponseImport> {
  const survey = await surveys.get(db, practice.id, surveyId)
  if (!survey) throw new NotFound('survey')
  const live =
    survey.publishedVersion !== null && survey.status === 'published'
      ? await surveys.getVersion(db, practice.id, surveyId, survey.publishedVersion)
      : undefined
  if (!live) throw new Invalid('Publish the survey before importing results into it.', 'surveyId')
  const targets = columnTargets(table.columns, live.definition, mapping)
  const [places, clinicians] = await Promise.all([
    locations.list(db, practice.id),
    providers.list(db, practice.id),
  ])
  const context = {
    definition: live.definition,
    targets,
    timeZone: practice.timeZone,
    locationOf: placeFinder(places),
    providerOf: placeFinder(clinicians),
  }
  const result: ResponseImport = { imported: 0, unchanged: 0, rejected: [] }
  // Two patients may give the same answers on the same day: without an external_id, the k-th
  // identical row of a file is its own response (its key hashes k too), and the same file
  // imported again gives every row the same key as before.
  const seen = new Map<string, number>()
  const reads = table.rows.map((row) => {
    const read = responseOfRow(row, context)
    // (Not by the key's prefix: a hash can itself begin with "x-".)
    if (!read.ok || read.value.keyedByExternalId) return read
    const key = read.value.submission.idempotencyKey
    const occurrence = seen.get(key) ?? 0
    seen.set(key, occurrence + 1)
    if (occurrence === 0) return read
    const submission = { ...read.value.submission, idempotencyKey: `${key}-${occurrence}` }
    return { ...read, value: { ...read.value, submission } }
  })
  let next = 0
  const worker = async () => {
    while (next < table.rows.length) {
      const index = next++
      const row = table.rows[index]!
      const read = reads[index]!
      if (!read.ok) {
        result.rejected.push({ row: row.row, reason: read.reason })
        continue
      }
      try {
        const accepted = await acceptAnswers(db, practice, live, read.value.submission, {
          submittedAt: read.value.submittedAt,
          source: 'import',
          requestHash: read.value.requestHash,
          places: { locations: places, providers: clinicians },
        })
        result[accepted.replay ? 'unchanged' : 'imported']++
      } catch (err) {
        result.rejected.push({ row: row.row, reason: reasonOf(err) })
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, table.rows.length) }, worker))
  result.rejected.sort((a, b) => a.row - b.row)
  return result
}

/** The submission check's verdict in a row's words: each question and what is wrong. */
function reasonOf(err: unknown): string {
  if (err instanceof IdempotencyKeyReused) return 'external_id: already imported with other answers'
  if (err instanceof Invalid) {
    const errors = err.errors ?? [{ field: err.field ?? 'row', message: err.message }]
    return errors
      .map(({ field, message }) => `${field.replace(/^answers\./, '')}: ${message}`)
      .join('; ')
  }
  throw err
}
