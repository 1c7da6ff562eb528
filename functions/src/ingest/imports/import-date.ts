import { TZDate } from '@date-fns/tz'

const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/
const localDateTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/
const zonedDateTime =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i

/**
 * The instant a date cell of an imported file stands for, as an ISO string, or undefined when it
 * is not an ISO date. A date without a time counts at noon in the practice's time zone (noon, so
 * no time zone can move it to the day before or after); a date-time without an offset is the
 * practice's wall-clock time; one with an offset (`Z`, `-05:00`) is that instant.
 *
 * @example
 * importInstant('2026-03-14', 'America/Chicago') // '2026-03-14T17:00:00.000Z'
 * importInstant('14/03/2026', 'America/Chicago') // undefined
 */
export function importInstant(cell: string, timeZone: string): string | undefined {
  const text = cell.trim()
  const day = dateOnly.exec(text)
  if (day) {
    const [, y, m, d] = day.map(Number) as [number, number, number, number]
    return checked(new TZDate(y, m - 1, d, 12, 0, 0, timeZone), y, m, d)
  }
  const local = localDateTime.exec(text)
  if (local) {
    const [, y, m, d, h, min, s] = local.map((part) => Number(part ?? 0)) as number[]
    if (h! > 23 || min! > 59 || s! > 59) return undefined
    return checked(new TZDate(y!, m! - 1, d!, h!, min!, s!, timeZone), y!, m!, d!)
  }
  if (zonedDateTime.test(text)) {
    const at = new Date(text.replace(' ', 'T'))
    const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number]
    if (Number.isNaN(at.getTime()) || m < 1 || m > 12 || d < 1 || d > 31 || y < 1900)
      return undefined
    return at.toISOString()
  }
  return undefined
}

/** The instant, unless the date rolled over (2026-02-30 is not a day). */
function checked(at: TZDate, y: number, m: number, d: number): string | undefined {
  if (at.getFullYear() !== y || at.getMonth() !== m - 1 || at.getDate() !== d || y < 1900)
    return undefined
  return new Date(at.getTime()).toISOString()
}

/** What a row's reason says when its date cannot be read. */
export const dateReason = 'date: expected an ISO date such as 2026-03-14 (or 2026-03-14T09:30)'
