import type { ApiError } from '$lib/api'
import type { ReviewSourcePlace } from '$lib/api-review-sources'

export type RowErrors = Record<number, Partial<Record<keyof ReviewSourcePlace, string>>>

/** The form's own checks of the place rows, before anything is sent. */
export function checkRows(rows: ReviewSourcePlace[], placeMissing: string): RowErrors {
  const errors: RowErrors = {}
  const seen = new Set<string>()
  rows.forEach((row, i) => {
    const externalId = row.externalId.trim()
    const problems: RowErrors[number] = {}
    if (!externalId) problems.externalId = placeMissing
    else if (seen.has(externalId)) problems.externalId = 'This place is already listed above'
    if (!row.locationId) problems.locationId = 'Choose the practice location'
    seen.add(externalId)
    if (Object.keys(problems).length) errors[i] = problems
  })
  return errors
}

/** The server's `locations.<i>.<field>` messages, placed on their rows. */
export function rowErrorsOf(error: ApiError): RowErrors {
  const errors: RowErrors = {}
  for (const { field, message } of error.errors ?? []) {
    const match = /^locations\.(\d+)\.(externalId|locationId)$/.exec(field)
    if (!match) continue
    const i = Number(match[1])
    errors[i] = { ...errors[i], [match[2] as keyof ReviewSourcePlace]: message }
  }
  return errors
}

/** The rows as the API takes them. */
export const cleanRows = (rows: ReviewSourcePlace[]) =>
  rows.map((row) => ({ externalId: row.externalId.trim(), locationId: row.locationId }))
