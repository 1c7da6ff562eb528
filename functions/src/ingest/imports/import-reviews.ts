import { Invalid } from '../../domain/errors'
import { reviewContent, type IncomingReview } from '../../domain/reviews/review'
import type { Db } from '../../store/db'
import * as locations from '../../store/locations'
import { upsertReviews, type ReviewPractice } from '../reviews/upsert'
import type { CsvTable } from './csv-rows'
import { placeFinder, requiredReviewColumns, reviewColumns, reviewOfRow } from './review-row'

/** A row that was not imported: its number in the file and why, in words. */
export interface RejectedRow {
  row: number
  reason: string
}

export interface ReviewImport {
  imported: number
  updated: number
  unchanged: number
  rejected: RejectedRow[]
}

/**
 * Import a CSV of reviews (the review template's columns): each good row is upserted by (source,
 * external id) like a synced review, so its counters move in the same transaction and the same
 * file imported again changes nothing; each bad row is listed with its reason. A header without
 * the required columns, or with a column the template does not have, refuses the whole file
 * (400 naming every such column), since every row would be misread.
 *
 * @example
 * await importReviews(db, practice, await readCsv(body))
 * // { imported: 9998, updated: 0, unchanged: 0, rejected: [{ row: 7, reason: 'stars: …' }, …] }
 */
export async function importReviews(
  db: Db,
  practice: ReviewPractice,
  table: CsvTable,
): Promise<ReviewImport> {
  checkColumns(table.columns)
  const findPlace = placeFinder(await locations.list(db, practice.id))
  const rejected: RejectedRow[] = []
  const byIdentity = new Map<string, { row: number; review: IncomingReview }>()
  let duplicates = 0
  for (const row of table.rows) {
    const read = reviewOfRow(row, findPlace, practice.timeZone)
    if (!read.ok) {
      rejected.push({ row: row.row, reason: read.reason })
      continue
    }
    const identity = `${read.value.source}#${read.value.externalId}`
    const earlier = byIdentity.get(identity)
    if (!earlier) byIdentity.set(identity, { row: row.row, review: read.value })
    else if (reviewContent(earlier.review) === reviewContent(read.value)) duplicates++
    else
      rejected.push({
        row: row.row,
        reason: `row ${earlier.row} has the same source and external_id with other content`,
      })
  }
  const counts = await upsertReviews(
    db,
    practice,
    [...byIdentity.values()].map(({ review }) => review),
  )
  return {
    imported: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged + duplicates,
    rejected,
  }
}

function checkColumns(columns: readonly string[]) {
  const known = new Set<string>(reviewColumns)
  const errors = [
    ...requiredReviewColumns
      .filter((name) => !columns.includes(name))
      .map((name) => ({ field: `columns.${name}`, message: 'This column is required' })),
    ...columns
      .filter((name) => name && !known.has(name))
      .map((name) => ({
        field: `columns.${name.slice(0, 60)}`,
        message: `Not a column of the review template (${reviewColumns.join(', ')})`,
      })),
  ]
  if (errors.length > 0) {
    throw new Invalid(`${errors[0]!.field}: ${errors[0]!.message}`, errors[0]!.field, errors)
  }
}
