import { parse } from 'csv-parse/sync'
import { Invalid } from '../errors'
import type { Language } from '../practice'
import { contactHash } from './contact-hash'
import { placeFinder, type NamedPlace } from './place-finder'
import {
  contactExpiresAt,
  defaultInvitationWindow,
  type Channel,
  type ConsentRecord,
  type InvitationWindow,
  type Visit,
} from './visit'
import { visitId } from './visit-id'
import { visitColumns, type VisitColumnMapping, type VisitField } from './visit-columns'
import { readVisitRow, type VisitRow } from './visit-row'
import { maxVisitFileBytes, maxVisitRows, utf8Bytes, VisitsFileTooLarge } from './visits-limits'

export interface ReadVisitsOptions {
  /** Columns not named after a field: `{"Patient Email": "email", "MRN": "ignore"}`. */
  mapping?: VisitColumnMapping
  practice: { id: string; timeZone: string; languages: readonly Language[] }
  providers: readonly NamedPlace[]
  locations: readonly NamedPlace[]
  /** The moment of the import (no clock is read here): visits after it are in the future. */
  now: Date
  /** The deployment's secret for contact hashes (see `contactHash`). */
  contactSecret: string
  /** Which wording of the consent the practice collected, for the consent ledger. */
  consentTextVersion: string
  window?: InvitationWindow
}

/** A row of the file that was not imported, numbered as a spreadsheet shows it (header = row 1). */
export interface RejectedVisitRow {
  row: number
  reason: string
}

export interface VisitsFile {
  visits: Visit[]
  rejected: RejectedVisitRow[]
  /** Columns neither recognised nor mapped, as written: never read, listed for the preview. */
  ignoredColumns: string[]
}

/**
 * A visits CSV exported from a scheduling or practice-management system, read into the visits it
 * lists and the rows it refuses with their reasons. The header is matched by name (`date`, `time`,
 * `provider`, `location`, `first_name`, `email`, `mobile`, `language`, `email_consent`,
 * `sms_consent`; case, spaces and a byte-order mark ignored) or through `mapping`; a file whose
 * columns cannot be read is refused whole (400), as is one over 10,000 rows or 5 MB (413).
 *
 * A good row becomes a `Visit`: its id the same on every import of the same visit, its contacts
 * hashed, its details kept only for the channels the patient consented to and only until the end of
 * the invitation window. A row with contact details but no consent for any channel is imported,
 * not refused: the file is right and the visit happened, so calling it an error would send the
 * manager hunting for a mistake that is not there; it is kept with `invitable: false` and without
 * the patient's details, and no invitation is ever queued for it. The same visit twice in one file
 * is imported once, the later row refused as a repeat.
 *
 * @example
 * readVisitsCsv('date,time,mobile,sms_consent\n11/30/2026,9:30 AM,(212) 555-0100,yes\n11/31/2026,9:30,555,yes\n', options)
 * // { visits: [{ visitAt: '2026-11-30T14:30:00.000Z', channels: ['sms'], … }],
 * //   rejected: [{ row: 3, reason: 'date: expected a date such as 2026-11-30 or 11/30/2026; mobile: too short' }],
 * //   ignoredColumns: [] }
 */
export function readVisitsCsv(text: string, options: ReadVisitsOptions): VisitsFile {
  if (utf8Bytes(text) > maxVisitFileBytes) throw new VisitsFileTooLarge('bytes')
  const records = parseRecords(text)
  const headerAt = records.findIndex((record) => !isBlank(record))
  if (headerAt === -1) throw new Invalid('The CSV file is empty: it needs a header row.', 'body')
  // Blank lines are not visits: only rows with something in them count toward the limit, and
  // they are counted before any is read, so a refused file reads nothing.
  const visitRows = records.slice(headerAt + 1).filter((record) => !isBlank(record)).length
  if (visitRows > maxVisitRows) throw new VisitsFileTooLarge('rows')

  const columns = visitColumns(records[headerAt]!, options.mapping)
  const columnOfField = new Map<VisitField, string>()
  for (const [at, field] of columns.fieldAt) columnOfField.set(field, columns.header[at]!.trim())
  const window = options.window ?? defaultInvitationWindow
  const context = {
    timeZone: options.practice.timeZone,
    languages: options.practice.languages,
    findProvider: placeFinder(options.providers),
    findLocation: placeFinder(options.locations),
    now: options.now,
    window,
    columnOf: (field: VisitField) => columnOfField.get(field),
    instants: new Map<string, string>(),
  }

  const visits: Visit[] = []
  const rejected: RejectedVisitRow[] = []
  const rowOfId = new Map<string, number>()
  for (let index = headerAt + 1; index < records.length; index++) {
    const record = records[index]!
    if (isBlank(record)) continue
    const row = index + 1
    const cells: Partial<Record<VisitField, string>> = {}
    for (const [at, field] of columns.fieldAt) cells[field] = record[at] ?? ''
    const read = readVisitRow(cells, context)
    if (!read.ok) {
      rejected.push({ row, reason: read.reasons.join('; ') })
      continue
    }
    const visit = visitOf(read.value, options, window)
    const earlier = rowOfId.get(visit.id)
    if (earlier !== undefined) {
      rejected.push({ row, reason: `the same visit as row ${earlier}: imported once` })
      continue
    }
    rowOfId.set(visit.id, row)
    visits.push(visit)
  }
  return { visits, rejected, ignoredColumns: columns.ignored }
}

/** The file's records; a broken file (an unclosed quote) is refused saying where, never what. */
function parseRecords(text: string): string[][] {
  try {
    return parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false })
  } catch (err) {
    const line = (err as { lines?: number }).lines
    throw new Invalid(`The file is not valid CSV${line ? ` (near line ${line})` : ''}.`, 'body')
  }
}

/** A line with nothing in it (spreadsheets write `,,,` for an empty row): skipped, still counted. */
const isBlank = (record: readonly string[]) => record.every((cell) => cell.trim() === '')

/** A good row as the visit it stands for: hashed, named by its id, trimmed to what consent allows. */
function visitOf(row: VisitRow, options: ReadVisitsOptions, window: InvitationWindow): Visit {
  const { contactSecret: secret } = options
  const contactHashes = {
    ...(row.email !== undefined && { email: contactHash('email', row.email, secret) }),
    ...(row.mobile !== undefined && { sms: contactHash('sms', row.mobile, secret) }),
  }
  const channels: Channel[] = []
  if (row.consent.email && row.email !== undefined) channels.push('email')
  if (row.consent.sms && row.mobile !== undefined) channels.push('sms')
  const ledger = (given: boolean): ConsentRecord => ({
    given,
    source: 'visits-import',
    at: options.now.toISOString(),
    textVersion: options.consentTextVersion,
  })
  const id = visitId({
    practiceId: options.practice.id,
    visitAt: row.visitAt,
    providerId: row.providerId,
    locationId: row.locationId,
    contactHashes,
  })
  return {
    v: 1,
    id,
    practiceId: options.practice.id,
    visitAt: row.visitAt,
    ...(row.providerId !== undefined && { providerId: row.providerId }),
    ...(row.locationId !== undefined && { locationId: row.locationId }),
    language: row.language,
    consent: { email: ledger(row.consent.email), sms: ledger(row.consent.sms) },
    contactHashes,
    ...(channels.length > 0 && {
      contact: {
        ...(row.firstName !== undefined && { firstName: row.firstName }),
        ...(channels.includes('email') && { email: row.email }),
        ...(channels.includes('sms') && { mobile: row.mobile }),
        expiresAt: contactExpiresAt(row.visitAt, window),
      },
    }),
    channels,
    invitable: channels.length > 0,
  }
}
