import { createHash } from 'node:crypto'
import { plainText } from '../../domain/plain-text'
import { IncomingReview, ReviewSource } from '../../domain/reviews/review'
import { dateReason, importInstant } from './import-date'
import type { CsvRow } from './csv-rows'

/** The review template's columns, in the contract's order (also the downloadable template). */
export const reviewColumns = [
  'source',
  'date',
  'stars',
  'text',
  'author',
  'url',
  'reply',
  'reply_date',
  'location',
  'external_id',
] as const
/** Columns a file must have; the others may be left out. */
export const requiredReviewColumns = ['source', 'date', 'stars'] as const

/** A practice location as a row may name it: by id or by name. */
export interface NamedPlace {
  id: string
  name: string
}

export type ReadRow<T> = { ok: true; value: T } | { ok: false; reason: string }

/**
 * A review CSV row as the `IncomingReview` it stands for, or why it cannot be read. Text cells are
 * cleaned of control and bidi characters. Without `external_id`, the review's identity is a hash of
 * its source, date, author and text, so the same row imported again is the same review. Reasons
 * name the column, never the cell's text (it may be a patient's words).
 *
 * @example
 * reviewOfRow({ row: 2, cells: { source: 'vitals', date: '2026-03-14', stars: '4' } }, places, tz)
 * // { ok: true, value: { source: 'vitals', stars: 4, createdAt: '2026-03-14T17:00:00.000Z', … } }
 */
export function reviewOfRow(
  { cells }: CsvRow,
  locationOf: (cell: string) => NamedPlace | undefined,
  timeZone: string,
): ReadRow<IncomingReview> {
  const cell = (name: (typeof reviewColumns)[number]) => plainText(cells[name] ?? '').trim()
  const reasons: string[] = []

  const source = ReviewSource.safeParse(cell('source').toLowerCase())
  if (!cell('source')) reasons.push('source: required (for example healthgrades)')
  else if (!source.success) reasons.push('source: expected a short lowercase name such as zocdoc')

  const createdAt = cell('date') ? importInstant(cell('date'), timeZone) : undefined
  if (!cell('date')) reasons.push('date: required')
  else if (!createdAt) reasons.push(dateReason)

  const starsText = cell('stars')
  const stars = /^[1-5](?:\.0+)?$/.test(starsText) ? Number(starsText) : undefined
  if (stars === undefined) reasons.push('stars: expected a whole number from 1 to 5')

  const replyText = cell('reply')
  const replyDate = cell('reply_date')
  const repliedAt = replyDate ? importInstant(replyDate, timeZone) : createdAt
  if (replyDate && !repliedAt) reasons.push(`reply_${dateReason}`)
  if (replyDate && !replyText) reasons.push('reply_date: given without a reply')

  const locationCell = cell('location')
  const location = locationCell ? locationOf(locationCell) : undefined
  if (locationCell && !location)
    reasons.push('location: no location of the practice has that name or id')

  const url = cell('url')
  if (url && !/^https?:\/\//i.test(url)) reasons.push('url: expected a web address (https://…)')

  if (reasons.length > 0) return { ok: false, reason: reasons.join('; ') }
  const text = cell('text')
  const author = cell('author')
  const externalId =
    cell('external_id') ||
    `csv-${createHash('sha256')
      .update(JSON.stringify([source.data, createdAt, author, text]))
      .digest('base64url')}`
  const parsed = IncomingReview.safeParse({
    source: source.data,
    externalId,
    ...(location && { locationId: location.id }),
    stars,
    text,
    ...(author && { authorName: author }),
    ...(url && { url }),
    createdAt,
    updatedAt: createdAt,
    ...(replyText && { reply: { text: replyText, updatedAt: repliedAt } }),
    origin: 'import',
  })
  if (!parsed.success) {
    // Lengths and URL shape: the column, never the value.
    const reason = parsed.error.issues
      .map((issue) => `${columnOf(String(issue.path[0]))}: ${issue.message}`)
      .join('; ')
    return { ok: false, reason }
  }
  return { ok: true, value: parsed.data }
}

const columnOf = (field: string) =>
  ({ authorName: 'author', externalId: 'external_id', reply: 'reply' })[field] ?? field

/**
 * Finds a location by id, or by name whatever its case and spacing.
 *
 * @example
 * placeFinder([{ id: '01J…', name: 'North Clinic' }])(' north clinic ') // { id: '01J…', … }
 */
export function placeFinder(places: readonly NamedPlace[]) {
  const byId = new Map(places.map((place) => [place.id, place]))
  const byName = new Map(places.map((place) => [normalName(place.name), place]))
  return (cell: string) => byId.get(cell.trim()) ?? byName.get(normalName(cell))
}

const normalName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-US')
