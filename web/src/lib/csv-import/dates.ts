/** How a file writes its dates; the API reads ISO dates only, so others are rewritten first. */
export type DateOrder = 'iso' | 'mdy' | 'dmy'

export const dateOrders: { value: DateOrder; label: string }[] = [
  { value: 'iso', label: 'Year-month-day (2026-03-14)' },
  { value: 'mdy', label: 'Month/day/year (3/14/2026, SurveyMonkey, Google Forms in the US)' },
  { value: 'dmy', label: 'Day/month/year (14/03/2026)' },
]

const slashed =
  /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?(?:\s+[A-Z]{2,5})?$/

const two = (n: number) => String(n).padStart(2, '0')

/**
 * The cell as an ISO date (or local date-time) the API reads. Cells already in ISO form, and
 * cells that cannot be read, are left as they are: the API names the row if they are wrong.
 * A trailing zone abbreviation (Google Forms' "AST") is dropped: the practice's time zone counts.
 *
 * @example
 * isoDateCell('3/14/2026 9:05:00 PM', 'mdy') // '2026-03-14T21:05:00'
 * isoDateCell('14/03/2026', 'dmy') // '2026-03-14'
 */
export function isoDateCell(cell: string, order: DateOrder): string {
  const text = cell.trim()
  if (order === 'iso') return text
  const match = slashed.exec(text)
  if (!match) return text
  const [, a, b, year, hour, minute, second, half] = match
  const [month, day] = order === 'mdy' ? [Number(a), Number(b)] : [Number(b), Number(a)]
  const date = `${year}-${two(month)}-${two(day)}`
  if (hour === undefined) return date
  let h = Number(hour)
  if (half) h = (h % 12) + (/p/i.test(half) ? 12 : 0)
  return `${date}T${two(h)}:${minute}:${second ?? '00'}`
}
