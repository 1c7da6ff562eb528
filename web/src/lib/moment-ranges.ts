/**
 * The periods the recognition wall and the moments' history offer, as the API's `from`/`to` days
 * in the practice's time zone. A range ends today at the latest: weeks that have not happened yet
 * would count as weeks without a moment.
 *
 * @example
 * rangeDays('this-quarter', 'America/Chicago', new Date('2026-11-20T12:00:00Z'))
 * // { from: '2026-10-01', to: '2026-11-20' }
 */
import { isoDateIn } from './dates'

export const rangeIds = ['this-quarter', 'last-quarter', 'this-year'] as const
export type RangeId = (typeof rangeIds)[number]

export const rangeLabels: Record<RangeId, string> = {
  'this-quarter': 'This quarter',
  'last-quarter': 'Last quarter',
  'this-year': 'This year',
}

/** What a count "in the range" reads as in a sentence: "mentioned 4 times this quarter". */
export const rangeWords: Record<RangeId, string> = {
  'this-quarter': 'this quarter',
  'last-quarter': 'last quarter',
  'this-year': 'this year',
}

export const readRange = (value: string | null): RangeId =>
  rangeIds.find((id) => id === value) ?? 'this-quarter'

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

export function rangeDays(
  range: RangeId,
  timeZone: string,
  now = new Date(),
): { from: string; to: string } {
  const today = isoDateIn(now, timeZone)
  const [year, month] = today.split('-').map(Number) as [number, number]
  if (range === 'this-year') return { from: `${year}-01-01`, to: today }
  const quarter = Math.floor((month - 1) / 3)
  if (range === 'this-quarter') return { from: `${year}-${pad(quarter * 3 + 1)}-01`, to: today }
  const y = quarter === 0 ? year - 1 : year
  const first = quarter === 0 ? 10 : (quarter - 1) * 3 + 1
  return { from: `${y}-${pad(first)}-01`, to: `${y}-${pad(first + 2)}-${lastDay(y, first + 2)}` }
}
